import { isDisqualified, isPresent } from '../../../../shared/engine/selectors';
import type { MeetingState } from '../../../../shared/index';
import { useT } from '../../i18n';
import { useStore } from '../../store';

/** Plain statements of where the member stands: present (§ 16), disqualified (§ 23), order (§ 18). */
export function StatusLines({ state, personId, itemId }: { state: MeetingState; personId: string; itemId: string | null }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const present = isPresent(state, personId);
  const disq = itemId ? isDisqualified(state, itemId, personId) : false;
  const denied = state.deniedFloor.includes(personId);
  const calls = state.callsToOrder[personId] ?? 0;
  return (
    <section className="statements" aria-label={t('seatStatus')}>
      {!connected ? <p className="statement statement-warn">{t('statusNoConnection')}</p> : null}
      {connected && !present ? <p className="statement statement-warn">{t('statusNotPresent')}</p> : null}
      {connected && present ? <p className="statement statement-ok">✓ {t('statusPresent')}</p> : null}
      {disq ? <p className="statement statement-warn">{t('statusDisqualified')}</p> : null}
      {denied ? <p className="statement statement-warn">{t('statusDeniedFloor')}</p> : null}
      {calls > 0 ? <p className="statement statement-warn">{t('statusCalledToOrder', { n: calls })}</p> : null}
      {state.meeting.status !== 'open' ? <p className="statement">{t(`meetingStatus_${state.meeting.status}`)}</p> : null}
    </section>
  );
}
