import type { ActionBody, MeetingState } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import type { Question } from '../../components/ConfirmDialog';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import { closeQuestion } from './confirmations';
import type { AllowedMap } from './types';

/** The meeting itself: open, suspend, resume, close (§ 18, stk. 1; asked first), and the public display (§ 1). */
export function MeetingPanel(props: { state: MeetingState; allowed: AllowedMap; shortcuts: ChairShortcuts; ask: (q: Question, go: () => void) => void }) {
  const { state, allowed, shortcuts, ask } = props;
  const t = useT();
  const status = state.meeting.status;
  const button = (type: 'meeting.open' | 'meeting.suspend' | 'meeting.resume' | 'meeting.close', label: string, className?: string) => {
    const body: ActionBody = { type };
    const press = () => void act(body, label);
    const onPress = type === 'meeting.close' ? () => ask(closeQuestion(t), press) : press;
    return <ActionButton label={label} refusal={allowed[type]} pendingKey={type} className={className} onPress={onPress} />;
  };
  const blank = keyOf(shortcuts, 'B').press!;
  return (
    <Section title={t('meeting')} id="meeting-title">
      <div className="button-row">
        {status === 'planned' ? button('meeting.open', t('meetingOpen'), 'btn-primary') : null}
        {status === 'open' ? button('meeting.suspend', t('meetingSuspend')) : null}
        {status === 'suspended' ? button('meeting.resume', t('meetingResume')) : null}
        {status !== 'closed' ? button('meeting.close', t('meetingClose'), 'btn-danger') : null}
      </div>
      <ActionButton label={blank.label} refusal={blank.refusal} pendingKey="gallery.blank" shortcut="B" pressed={state.meeting.galleryBlank} onPress={() => send(blank)} />
      {state.meeting.galleryBlank ? <p className="statement statement-warn">{t('galleryIsBlank')}</p> : null}
    </Section>
  );
}
