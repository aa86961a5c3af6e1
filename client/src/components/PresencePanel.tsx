import './console.css';
import type { ActionBody, MeetingState, Refusal } from '../../../shared/index';
import { presentCount } from '../../../shared/engine/selectors';
import { clockTime, useLang, useT } from '../i18n';
import { act } from '../socket';
import { useStore, type SeatLock } from '../store';
import { ActionButton, PersonName, Reason } from './common';
import { QuorumBadge } from './ConsoleHeader';

/** Who sits where (§ 17) and is present (§ 16), with calls to order (§ 18, stk. 3). */
export function PresencePanel({ state, can, withOrderCalls }: { state: MeetingState; can: (b: ActionBody) => Refusal | null; withOrderCalls: boolean }) {
  const t = useT();
  // § 18, stk. 3: the rule does not depend on who is called, so one probe serves every row.
  const anyone = Object.keys(state.persons)[0];
  const orderCallRefusal = anyone ? can({ type: 'order.call', personId: anyone }) : null;
  const rows = state.chamber.seats.map((seat) => {
    const occ = state.presence[seat.id];
    const owner = Object.values(state.persons).find((p) => p.seatId === seat.id);
    const sub = owner ? state.substitutes[owner.id] : undefined;
    return { seat, occ, personId: occ?.personId ?? sub ?? owner?.id ?? null };
  });
  const locks = useStore((s) => s.seatLocks);
  const offset = useStore((s) => s.serverOffset);
  const lang = useLang((s) => s.lang);
  // `until` is on the server's clock; shown as this screen's clock time.
  const lockedUntil = (l: SeatLock) => clockTime(l.until - offset, lang);
  const locked = rows.filter((r) => locks[r.seat.id]);
  const nameOf = (personId: string) => state.persons[personId]?.name ?? personId;
  return (
    <section className="card" aria-labelledby="presence-title" data-testid="presence">
      <h2 id="presence-title">
        {t('presence')} <QuorumBadge state={state} />
      </h2>
      {locked.length ? (
        <div className="seat-locks" role="status" aria-labelledby="seat-locks-title" data-testid="seat-locks">
          <h3 id="seat-locks-title">{t('seatLocksTitle')}</h3>
          <ul className="plain">
            {locked.map(({ seat, personId }) => (
              <li key={seat.id}>
                {t('seatLockRow', {
                  seat: seat.label,
                  name: personId ? nameOf(personId) : t('tabletNobody'),
                  until: lockedUntil(locks[seat.id]!),
                  n: locks[seat.id]!.failures,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary>
          {t('present')}: {presentCount(state)} · {t('absent')}: {state.config.memberCount - presentCount(state)}
        </summary>
        {/* One reason for every row's button: the rule is the same for all of them. */}
        {withOrderCalls ? <Reason refusal={orderCallRefusal} /> : null}
        <table className="table presence-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('member')}</th>
              <th scope="col">{t('presence')}</th>
              {withOrderCalls ? <th scope="col">{t('callToOrder')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ seat, occ, personId }) => (
              <tr key={seat.id}>
                <td>{seat.label}</td>
                <td>{personId ? <PersonName view={state} personId={personId} /> : '—'}</td>
                <td className={occ ? (occ.online ? 'presence-in' : 'presence-offline') : 'presence-out'}>
                  {occ ? (occ.online ? `● ${t('present')}` : `◐ ${t('offlineSeat')}`) : `○ ${t('absent')}`}
                  {locks[seat.id] ? (
                    <span className="seat-locked-cell">
                      {' · '}
                      {t('seatLockedCell', { until: lockedUntil(locks[seat.id]!) })}
                    </span>
                  ) : null}
                </td>
                {withOrderCalls ? (
                  <td className="presence-calls">
                    {personId ? (
                      <>
                        {state.callsToOrder[personId] ? <span className="calls">{state.callsToOrder[personId]}× </span> : null}
                        <ActionButton
                          label={t('callToOrder')}
                          refusal={orderCallRefusal}
                          hideReason
                          pendingKey={`order.call:${personId}`}
                          className="btn-small"
                          ariaLabel={`${t('callToOrder')}: ${nameOf(personId)}`}
                          onPress={() => void act({ type: 'order.call', personId }, `${t('callToOrder')}: ${nameOf(personId)}`, `order.call:${personId}`)}
                        />
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
