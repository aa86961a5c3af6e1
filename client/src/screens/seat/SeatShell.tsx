import type { ReactNode } from 'react';
import { formatClock, ScreenHeader, useNow } from '../../components/common';
import { useT } from '../../i18n';
import { useStore } from '../../store';

/** The seat's frame before a member is known: the header and one message. */
export function SeatShell({ live = true, children }: { live?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="screen seat">
      <ScreenHeader title={t('seatTitle')} live={live} />
      <main className="seat-main">{children}</main>
    </div>
  );
}

/** Why the server refused this tablet's handshake, and (when it retries) in how long. */
export function HandshakeRefusal({ reason }: { reason: string }) {
  const t = useT();
  const retryAt = useStore((s) => s.authRetryAt);
  const now = useNow(1000);
  const time = formatClock(Math.max(0, (retryAt ?? now) - now));
  const text =
    reason === 'rate_limited'
      ? t('seatRateLimited', { time })
      : reason === 'seat_busy'
        ? t('seatBusy', { time })
        : reason === 'unauthorized'
          ? t('unauthorizedSeat')
          : t('connectRefused', { reason });
  return (
    <p className="statement statement-warn" role="alert" data-testid="seat-message">
      {text}
    </p>
  );
}
