import './console.css';
import { hasQuorum, presentCount, quorumNeeded } from '../../../shared/engine/selectors';
import type { MeetingState } from '../../../shared/index';
import { useT } from '../i18n';
import { ScreenHeader } from './common';

/** The header of the chair's and the secretariat's consoles: meeting, status, who chairs, quorum, sign-out. */
export function ConsoleHeader({ title, state, onSignOut }: { title: string; state: MeetingState; onSignOut: () => void }) {
  const t = useT();
  const acting = state.chair.acting;
  return (
    <ScreenHeader
      title={title}
      subtitle={
        <>
          {state.title} · {t(`meetingStatus_${state.meeting.status}`)} ·{' '}
          {t('actingChair', { name: acting ? (state.persons[acting]?.name ?? acting) : '—' })}
        </>
      }
    >
      <QuorumBadge state={state} />
      <button type="button" className="btn btn-small" onClick={onSignOut} data-testid="sign-out">
        {t('signOut')}
      </button>
    </ScreenHeader>
  );
}

/** § 15: present members against the quorum, with a sign and a word, not by colour alone. */
export function QuorumBadge({ state }: { state: MeetingState }) {
  const t = useT();
  const met = hasQuorum(state);
  return (
    <div className={`quorum ${met ? 'quorum-met' : 'quorum-not'}`} data-testid="quorum">
      <strong>
        {presentCount(state)}/{quorumNeeded(state)}
      </strong>{' '}
      {met ? `✓ ${t('quorumMet')}` : `✗ ${t('quorumNotMet')}`}
    </div>
  );
}
