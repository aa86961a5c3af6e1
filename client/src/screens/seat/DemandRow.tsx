import type { ActionBody, Refusal } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { refusalText, useLang, useT } from '../../i18n';
import { act } from '../../socket';

/**
 * One demand: its button, how many have made it, and one line for this member — the ✓ once
 * their demand is in, else why the engine refuses it. That line always holds its place (an
 * empty one keeps its height), so a press never pushes the next button under the finger.
 */
export function DemandRow(props: {
  label: string;
  action: ActionBody;
  refusal: Refusal | null | undefined;
  /** This member's demand is in. */
  mine: boolean;
  count: string;
  countTestId?: string;
  primary?: boolean;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  // Once the member's demand is in, the engine's refusal of a second one (ALREADY_DEMANDED,
  // or the vote has begun) is no news: the ✓ says the demand stands.
  const reason = props.mine ? null : props.refusal;
  return (
    <div className="demand">
      <ActionButton
        label={props.label}
        refusal={props.refusal}
        pendingKey={props.action.type}
        className={`btn-big ${props.primary ? 'btn-primary' : ''}`}
        hideReason
        onPress={() => void act(props.action, props.label)}
      />
      <p className="demand-count" data-testid={props.countTestId}>
        {props.count}
      </p>
      <p className={`demand-state ${props.mine ? 'demand-state-mine' : reason ? 'demand-state-refused' : ''}`}>
        {props.mine ? `✓ ${t('youDemanded')}` : reason ? refusalText(reason, lang) : '\u00a0'}
      </p>
    </div>
  );
}
