import { useEffect, useState, type FormEvent } from 'react';
import type { MeetingState, PublicView } from '../../../../shared/index';
import { FeedbackLine, ScreenHeader } from '../../components/common';
import { useT } from '../../i18n';
import { checkIn, type Ack } from '../../socket';
import { useStore } from '../../store';
import { seatLabelOf } from './seatKey';
import { SeatLockNotice } from './SeatLockNotice';

/**
 * A seat locked after too many wrong codes (§ 16): until when, by this tablet's clock, or
 * null. The lock lifts by itself when its time is up.
 */
function useSeatLock(): [number | null, (r: Ack) => void] {
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const h = setTimeout(() => setUntil(null), Math.max(0, until - Date.now()));
    return () => clearTimeout(h);
  }, [until]);
  const take = (r: Ack) => {
    if (r.ok || r.code !== 'SEAT_LOCKED') return;
    const ms = (r as { retryAfterMs?: unknown }).retryAfterMs;
    setUntil(Date.now() + (typeof ms === 'number' && ms > 0 ? ms : 30_000));
  };
  return [until, take];
}

/** The public side of a seat: the personal code (§§ 16–17), and why a session ended. */
export function CheckIn({ view, seatId }: { view: PublicView | MeetingState; seatId: string | null }) {
  const t = useT();
  const [code, setCode] = useState('');
  const label = seatLabelOf(view, seatId);
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => !!s.pending.checkIn);
  const ended = useStore((s) => s.sessionEnded);
  const [lockedUntil, takeLock] = useSeatLock();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || lockedUntil) return;
    const r = await checkIn(code.trim(), t('checkIn'));
    if (r.ok) setCode('');
    else takeLock(r);
  };
  return (
    <div className="screen seat">
      <ScreenHeader title={t('seatTitle')} subtitle={label ? t('seatLabel', { label }) : view.title} />
      <main className="seat-main">
        {ended ? (
          <p className="statement statement-warn session-ended" role="alert" data-testid="session-ended">
            {t(`sessionEnded_${ended}`)}
          </p>
        ) : null}
        {lockedUntil ? <SeatLockNotice until={lockedUntil} /> : null}
        <form className="card checkin" onSubmit={onSubmit} aria-labelledby="checkin-title">
          <h2 id="checkin-title">{t('checkInTitle')}</h2>
          <p>{t('checkInHelp')}</p>
          <label htmlFor="code">{t('personalCode')}</label>
          <input
            id="code"
            name="code"
            className="input-big"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            disabled={!!lockedUntil}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="btn btn-primary btn-big" disabled={!connected || pending || !code.trim() || !!lockedUntil} aria-busy={pending}>
            {t('checkIn')}
            {pending ? <span className="pending-note"> — {t('sending')}</span> : null}
          </button>
          {!connected ? <p className="statement statement-warn">{t('noConnection')}</p> : null}
        </form>
        <FeedbackLine />
      </main>
    </div>
  );
}
