import { requestKind } from '../../../../shared/engine/speakers';
import type { ActionBody, Actor, Allowed, Item, MeetingState, RequestKind } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { useChecker } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';

/**
 * Annex (bilag 1): a short remark [kort bemærkning] to the latest speech and a point of order
 * [til forretningsordenen], each asked or withdrawn with one press; shown only where the
 * council's configuration has the kind. Whether a press may be sent is the engine's verdict.
 */
export function SpeechKindButtons({ state, item, personId, actor, allowed }: { state: MeetingState; item: Item; personId: string; actor: Actor; allowed: Allowed }) {
  const t = useT();
  const can = useChecker(state, actor);
  const asked = (kind: RequestKind) => item.debate.requests.some((r) => r.personId === personId && requestKind(r) === kind);
  const button = (kind: 'remark' | 'order', request: 'floor.requestRemark' | 'floor.requestOrder') => {
    if (asked(kind)) {
      const body: ActionBody = { type: 'floor.withdraw', kind };
      const label = t(kind === 'remark' ? 'withdrawRemark' : 'withdrawOrder');
      return <ActionButton key={kind} label={label} refusal={can(body)} pendingKey={`floor.withdraw:${kind}`} className="btn-big" onPress={() => void act(body, label, `floor.withdraw:${kind}`)} />;
    }
    const label = t(kind === 'remark' ? 'requestRemark' : 'requestOrder');
    return <ActionButton key={kind} label={label} refusal={allowed[request]} pendingKey={request} className="btn-big" onPress={() => void act({ type: request }, label, request)} />;
  };
  if (!state.config.shortRemark && !state.config.pointOfOrder) return null;
  return (
    <div className="button-row" data-testid="speech-kinds">
      {state.config.shortRemark ? button('remark', 'floor.requestRemark') : null}
      {state.config.pointOfOrder ? button('order', 'floor.requestOrder') : null}
    </div>
  );
}
