import { formatClock, useNow } from '../../components/common';
import { clockTime, useLang, useT } from '../../i18n';

/** The lock, said once to a screen reader (role="alert"), with a countdown it does not read out. */
export function SeatLockNotice({ until }: { until: number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const now = useNow(250);
  return (
    <div className="card seat-lock" role="alert" data-testid="seat-lock">
      <h2>{t('seatLockedTitle')}</h2>
      <p>{t('seatLocked', { until: clockTime(until, lang) })}</p>
      <p className="seat-lock-countdown">
        {t('seatLockedRetry')}{' '}
        <span role="timer" aria-live="off" data-testid="seat-lock-countdown">
          {formatClock(Math.max(0, until - now))}
        </span>
      </p>
    </div>
  );
}
