import { useEffect, useState } from 'react';
import './seat.css';
import './seat-election.css';
import type { MeetingState } from '../../../../shared/index';
import { useConnection, useDocumentTitle } from '../../hooks/useConnection';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { CheckIn } from './CheckIn';
import { MemberSeat } from './MemberSeat';
import { HandshakeRefusal, SeatShell } from './SeatShell';
import { takeSeatKey } from './seatKey';

/**
 * The member's terminal at their fixed seat (§ 17). Every button is enabled or disabled by
 * the same engine the server runs (`allowedActions`); a disabled one shows its § and reason.
 * The key alone shows the public view and the check-in form; the member's screen belongs to
 * the tablet that entered the code (its session token, sessionStorage).
 */
export function SeatScreen() {
  const t = useT();
  const [key, setKey] = useState(takeSeatKey);
  useEffect(() => {
    // A new link pasted into this tab changes only the fragment: no reload, so read it here.
    const onHash = () => {
      const k = takeSeatKey();
      if (k) setKey(k);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useDocumentTitle('seatTitle');
  useConnection(key ? { role: 'seat', seatKey: key } : null);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  const own = useStore((s) => s.own);
  const authError = useStore((s) => s.authError);
  const ended = useStore((s) => s.sessionEnded);

  if (ended === 'keyRotated' || !key) {
    return (
      <SeatShell live={false}>
        <p className="statement statement-warn" role="alert" data-testid="seat-message">
          {ended === 'keyRotated' ? t('sessionEnded_keyRotated') : t('seatNoKey')}
        </p>
      </SeatShell>
    );
  }
  if (authError) {
    return (
      <SeatShell>
        <HandshakeRefusal reason={authError} />
      </SeatShell>
    );
  }
  if (!view) {
    return (
      <SeatShell>
        <p>{t('loading')}</p>
      </SeatShell>
    );
  }
  if (role === 'member' && own?.personId) return <MemberSeat state={view as MeetingState} personId={own.personId} seatId={own.seatId} />;
  return <CheckIn view={view} seatId={own?.seatId ?? null} />;
}
