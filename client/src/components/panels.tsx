import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import './console.css';
import {
  hasQuorum,
  isPresent,
  presentCount,
  quorumNeeded,
  seatOf,
  type ActionBody,
  type Actor,
  type MeetingState,
  type Refusal,
} from '../../../shared/index';
import { clockTime, useLang, useT } from '../i18n';
import { act } from '../socket';
import { checkFor } from '../engine';
import { useStore, type SeatLock } from '../store';
import { ActionButton, Field, formatClock, PersonName, ScreenHeader } from './common';

/** The engine's verdict on one concrete body (null: allowed), memoised per state. */
export function useChecker(state: MeetingState, actor: Actor): (body: ActionBody) => Refusal | null {
  return useMemo(() => {
    const cache = new Map<string, Refusal | null>();
    return (body: ActionBody) => {
      const k = JSON.stringify(body);
      if (!cache.has(k)) cache.set(k, checkFor(state, actor, body));
      return cache.get(k)!;
    };
  }, [state, actor]);
}

/** Sign-in for the consoles; the credentials go into the socket handshake only. */
/**
 * Why a console's sign-in was refused, for the person at the keyboard: a wrong password, a
 * lock after too many failures (with the time left), or another refusal named as it came.
 */
export function useSignInError(attempted: boolean): string | null {
  const t = useT();
  const authError = useStore((s) => s.authError);
  const retryAt = useStore((s) => s.authRetryAt);
  if (!attempted || !authError) return null;
  if (authError === 'rate_limited')
    return retryAt ? t('consoleRateLimited', { time: formatClock(Math.max(0, retryAt - Date.now())) }) : t('consoleRateLimitedNoTime');
  if (authError === 'unauthorized') return t('unauthorized');
  return t('connectRefused', { reason: authError });
}

export function SignInForm(props: {
  title: string;
  help: string;
  withPersonId: boolean;
  error: string | null;
  onSubmit: (personId: string, password: string) => void;
}) {
  const t = useT();
  const [personId, setPersonId] = useState(() => sessionStorage.getItem('salen.personId') ?? '');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (props.withPersonId) sessionStorage.setItem('salen.personId', personId.trim());
    props.onSubmit(personId.trim(), password);
  };
  return (
    <div className="screen console">
      <ScreenHeader title={props.title} live={false} />
      <main className="console-signin">
        <form className="card stack" onSubmit={submit} aria-labelledby="signin-title">
          <h2 id="signin-title">{t('signIn')}</h2>
          <p>{props.help}</p>
          {props.withPersonId ? (
            <>
              <label htmlFor="personId">{t('personId')}</label>
              <input id="personId" autoComplete="username" value={personId} onChange={(e) => setPersonId(e.target.value)} required />
            </>
          ) : null}
          <label htmlFor="password">{t('password')}</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <button type="submit" className="btn btn-primary">
            {t('signIn')}
          </button>
          {props.error ? (
            <p className="statement statement-warn" role="alert">
              {props.error}
            </p>
          ) : null}
        </form>
      </main>
    </div>
  );
}

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
      <button type="button" className="btn btn-small" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </ScreenHeader>
  );
}

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
  return (
    <section className="card" aria-labelledby="presence-title">
      <h2 id="presence-title">
        {t('presence')} <QuorumBadge state={state} />
      </h2>
      {locked.length ? (
        <div className="seat-locks" role="status" aria-labelledby="seat-locks-title" data-testid="seat-locks">
          <h3 id="seat-locks-title">
            {t('seatLocksTitle')}
          </h3>
          <ul className="plain">
            {locked.map(({ seat, personId }) => (
              <li key={seat.id}>
                {t('seatLockRow', {
                  seat: seat.label,
                  name: personId ? (state.persons[personId]?.name ?? personId) : t('tabletNobody'),
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
                  <td>
                    {personId ? (
                      <>
                        {state.callsToOrder[personId] ? <span className="calls">{state.callsToOrder[personId]}× </span> : null}
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={!!orderCallRefusal}
                          onClick={() => void act({ type: 'order.call', personId }, `${t('callToOrder')}: ${state.persons[personId]?.name ?? personId}`, `order.call:${personId}`)}
                        >
                          {t('callToOrder')}
                        </button>
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

/** § 8: a substitute takes an absent member's seat when called in. */
export function SubstitutesPanel({ state, can }: { state: MeetingState; can: (b: ActionBody) => Refusal | null }) {
  const t = useT();
  const members = Object.values(state.persons).filter((p) => p.kind === 'member' && seatOf(state, p.id) === null && !state.substitutes[p.id]);
  const busy = new Set(Object.values(state.substitutes));
  const subs = Object.values(state.persons).filter((p) => p.kind === 'substitute' && !busy.has(p.id));
  const [memberId, setMemberId] = useState('');
  const [substituteId, setSubstituteId] = useState('');
  const body: ActionBody = { type: 'substitute.callIn', memberId, substituteId };
  const refusal = memberId && substituteId ? can(body) : null;
  return (
    <section className="card" aria-labelledby="subs-title">
      <h2 id="subs-title">{t('substitutes')}</h2>
      {Object.entries(state.substitutes).length ? (
        <ul className="plain">
          {Object.entries(state.substitutes).map(([m, s]) => (
            <li key={m}>
              <PersonName view={state} personId={s} /> {t('substituteFor')} <PersonName view={state} personId={m} />{' '}
              {isPresent(state, s) ? `(${t('present')})` : ''}
              <ActionButton
                label={t('release')}
                refusal={can({ type: 'substitute.release', memberId: m })}
                pendingKey={`substitute.release:${m}`}
                className="btn-small"
                onPress={() => void act({ type: 'substitute.release', memberId: m }, t('release'), `substitute.release:${m}`)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-row">
        <Field label={t('member')}>
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">—</option>
            {members.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({state.groups[p.groupId]?.letter})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('substitute')}>
          <select value={substituteId} onChange={(e) => setSubstituteId(e.target.value)}>
            <option value="">—</option>
            {subs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({state.groups[p.groupId]?.letter})
              </option>
            ))}
          </select>
        </Field>
        <ActionButton
          label={t('callIn')}
          refusal={!memberId || !substituteId ? null : refusal}
          incomplete={!memberId || !substituteId}
          pendingKey="substitute.callIn"
          onPress={() => {
            if (!memberId || !substituteId) return;
            void act(body, t('callIn')).then((r) => {
              if (r.ok) {
                setMemberId('');
                setSubstituteId('');
              }
            });
          }}
        />
      </div>
    </section>
  );
}

export function Notices({ state }: { state: MeetingState }) {
  const t = useT();
  const notices = useStore((s) => s.notices);
  const text = (e: { type: string; [k: string]: unknown }): string | null => {
    switch (e.type) {
      case 'demand': {
        const kind = String(e.kind);
        const key = `notice_demand_${kind}` as const;
        if (['rollCall', 'closure', 'division', 'vote', 'agendaOrder'].includes(kind)) return t(key as 'notice_demand_vote', { count: String(e.count ?? '') });
        return null;
      }
      case 'meeting.lateWarning':
        return t('notice_lateWarning');
      case 'disqualification.notified':
        return t('notice_disqualification', { name: state.persons[String(e.personId)]?.name ?? String(e.personId) });
      case 'order.called':
        return t('notice_orderCalled', { name: state.persons[String(e.personId)]?.name ?? String(e.personId), count: String(e.count ?? '') });
      case 'chair.changed':
        return t('actingChair', { name: state.persons[String(e.acting)]?.name ?? String(e.acting) });
      case 'vote.closed':
        return t('notice_voteClosed', { outcome: e.adopted ? t('adopted') : t('rejected') });
      case 'election.roundClosed':
        return t('notice_roundClosed', { round: String(e.round ?? '') });
      case 'election.lotDrawn': {
        const el = state.elections[String(e.electionId)];
        const name = (id: string) => (el?.kind === 'majority' ? (el.candidates.find((c) => c.id === id)?.name ?? id) : id);
        return t('notice_lotDrawn', { names: (Array.isArray(e.winners) ? (e.winners as string[]) : []).map(name).join(', ') });
      }
      case 'election.allocated':
        return t('notice_allocated');
      default:
        return null;
    }
  };
  const shown = notices.map((n) => ({ n, s: text(n.event) })).filter((x) => x.s).slice(0, 8);
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('notices')}</h2>
      <ul className="plain notices" aria-live="polite">
        {shown.map(({ n, s }) => (
          <li key={n.id}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

export function Section({ title, id, children, className }: { title: ReactNode; id: string; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
