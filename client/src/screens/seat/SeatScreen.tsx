import { useEffect, useMemo, useState, type FormEvent } from 'react';
import './seat.css';
import './seat-election.css';
import {
  amendmentVotingOrder,
  eligibleVoters,
  isDisqualified,
  isPresent,
  projectedSpeakers,
  rollCallNeeded,
  withOwn,
  type Actor,
  type Choice,
  type MeetingState,
  type PublicView,
  type Refusal,
} from '../../../../shared/index';
import { ActionButton, FeedbackLine, formatClock, PartyLetter, personLabel, PersonName, Reason, ScreenHeader, SpeakingClock, useNow } from '../../components/common';
import { clockTime, useLang, useT, type Translate } from '../../i18n';
import { act, checkIn, checkOut, connect, disconnect, type Ack } from '../../socket';
import { allowedFor } from '../../engine';
import { clearSeatSession, readSeatKey, saveSeatKey, useStore } from '../../store';
import { SeatElection } from './SeatElection';

/**
 * The seat key: from the link (`/seat#key=…`, or the old `/seat?key=…`), else the one kept
 * on this tablet. A key in the link wins (a re-provisioned tablet) and leaves the address
 * bar at once, so it is not in the history, a bookmark or a screenshot (docs/screens.md).
 */
function takeSeatKey(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  const fromQuery = new URLSearchParams(location.search).get('key');
  const fromUrl = fromHash || fromQuery;
  if (fromHash !== null || fromQuery !== null) history.replaceState(null, '', '/seat');
  if (fromUrl) {
    // Another seat's key: this tab's session token belongs to the old one.
    if (readSeatKey() !== fromUrl) clearSeatSession();
    saveSeatKey(fromUrl);
    return fromUrl;
  }
  return readSeatKey();
}

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
  useEffect(() => {
    document.title = 'Salen — ' + t('seatTitle');
    if (!key) return;
    connect({ role: 'seat', seatKey: key });
    return () => disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  const own = useStore((s) => s.own);
  const authError = useStore((s) => s.authError);
  const ended = useStore((s) => s.sessionEnded);

  if (ended === 'keyRotated' || !key) {
    return (
      <div className="screen seat">
        <ScreenHeader title={t('seatTitle')} live={false} />
        <main className="seat-main">
          <p className="statement statement-warn" role="alert" data-testid="seat-message">
            {ended === 'keyRotated' ? t('sessionEnded_keyRotated') : t('seatNoKey')}
          </p>
        </main>
      </div>
    );
  }
  if (authError) {
    return (
      <div className="screen seat">
        <ScreenHeader title={t('seatTitle')} />
        <main className="seat-main">
          <HandshakeRefusal reason={authError} />
        </main>
      </div>
    );
  }
  if (!view) {
    return (
      <div className="screen seat">
        <ScreenHeader title={t('seatTitle')} />
        <main className="seat-main">
          <p>{t('loading')}</p>
        </main>
      </div>
    );
  }
  if (role === 'member' && own?.personId) return <MemberSeat state={view as MeetingState} personId={own.personId} seatId={own.seatId} />;
  return <CheckIn view={view} seatId={own?.seatId ?? null} />;
}

/** Why the server refused this tablet's handshake, and (when it retries) in how long. */
function HandshakeRefusal({ reason }: { reason: string }) {
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

function seatLabelOf(view: PublicView | MeetingState, seatId: string | null): string | null {
  if (!seatId) return null;
  return view.chamber.seats.find((s) => s.id === seatId)?.label ?? seatId;
}

/** A seat locked after too many wrong codes (§ 16): until when, counting down, by this tablet's clock. */
function useSeatLock(): [number | null, (r: Ack) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const now = useNow(until ? 250 : 60_000);
  const active = until !== null && until > now ? until : null;
  useEffect(() => {
    if (until !== null && !active) setUntil(null);
  }, [until, active]);
  const take = (r: Ack) => {
    if (r.ok || r.code !== 'SEAT_LOCKED') return;
    const ms = (r as { retryAfterMs?: unknown }).retryAfterMs;
    setUntil(Date.now() + (typeof ms === 'number' && ms > 0 ? ms : 30_000));
  };
  return [active, take];
}

function CheckIn({ view, seatId }: { view: PublicView | MeetingState; seatId: string | null }) {
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

/** The lock, said once to a screen reader (role="alert"), with a countdown it does not read out. */
function SeatLockNotice({ until }: { until: number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const now = useNow(250);
  return (
    <div className="card seat-lock" role="alert" data-testid="seat-lock">
      <h2>
        {t('seatLockedTitle')}
      </h2>
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

function MemberSeat({ state: shared, personId, seatId }: { state: MeetingState; personId: string; seatId: string }) {
  const t = useT();
  const own = useStore((s) => s.own);
  const connected = useStore((s) => s.connected);
  const pendingCast = useStore((s) => Object.keys(s.pending).find((k) => k.startsWith('vote.cast:')));
  const state = useMemo(() => withOwn(shared, own), [shared, own]);
  const actor: Actor = useMemo(() => ({ role: 'member', personId, seatId }), [personId, seatId]);
  const allowed = useMemo(() => allowedFor(state, actor), [state, actor]);
  const [confirmOut, setConfirmOut] = useState(false);

  const me = state.persons[personId];
  const group = me ? state.groups[me.groupId] : undefined;
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const activeItem = item && item.status === 'active' ? item : undefined;
  const queue = activeItem ? projectedSpeakers(state, activeItem.id) : [];
  const myPlace = queue.findIndex((q) => q.personId === personId);
  const speaking = activeItem?.debate.speaking ?? null;
  const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
  const present = isPresent(state, personId);
  const disq = activeItem ? isDisqualified(state, activeItem.id, personId) : false;
  const denied = state.deniedFloor.includes(personId);
  const calls = state.callsToOrder[personId] ?? 0;
  const decl = state.declaration;
  const seatLabel = seatLabelOf(state, seatId);

  const myBallot: Choice | null = vote && own?.voteId === vote.id ? own.ballot : null;
  const lastVote = useMemo(() => {
    if (!activeItem) return null;
    for (let i = state.record.length - 1; i >= 0; i--) {
      const e = state.record[i]!;
      if (e.itemId === activeItem.id && e.voteId) return { entry: e, vote: state.votes[e.voteId] };
    }
    return null;
  }, [state, activeItem]);

  const reasonText = (reason: string, moved?: string) =>
    reason === 'moved' ? t('reason_moved', { reason: moved ?? '' }) : t(reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order');

  return (
    <div className="screen seat">
      <ScreenHeader
        title={me?.name ?? personId}
        subtitle={
          <>
            <PartyLetter group={group} /> {group?.name}
            {' · '}
            {seatLabel ? t('seatLabel', { label: seatLabel }) : null}
            {me?.kind === 'substitute' ? ` · ${t('statusSubstitute')}` : ''}
          </>
        }
      />
      <main className="seat-main">
        <section className="statements" aria-label="Status">
          {!connected ? <p className="statement statement-warn">{t('statusNoConnection')}</p> : null}
          {connected && !present ? <p className="statement statement-warn">{t('statusNotPresent')}</p> : null}
          {connected && present ? <p className="statement statement-ok">✓ {t('statusPresent')}</p> : null}
          {disq ? <p className="statement statement-warn">{t('statusDisqualified')}</p> : null}
          {denied ? <p className="statement statement-warn">{t('statusDeniedFloor')}</p> : null}
          {calls > 0 ? <p className="statement statement-warn">{t('statusCalledToOrder', { n: calls })}</p> : null}
          {state.meeting.status !== 'open' ? <p className="statement">{t(`meetingStatus_${state.meeting.status}`)}</p> : null}
        </section>

        <FeedbackLine />

        {vote ? (
          <section className="card vote-card" aria-labelledby="vote-title">
            <h2 id="vote-title">
              {t('vote')} · {t(`mode_${vote.mode}`)}
            </h2>
            <p className="vote-subject">{t(`subject_${vote.subject.kind}`)}</p>
            <p className="vote-point">
              <span className="label">{t('votePoint')}:</span> {vote.point}
            </p>
            {vote.mode === 'manual' ? (
              <p className="statement">{t('manualVoteSeat')}</p>
            ) : (
              <>
                <RollCallLine state={state} personId={personId} t={t} />
                <div className="vote-buttons" role="group" aria-label={t('vote')}>
                  {(['for', 'against', 'abstain'] as const).map((c) => {
                    const chosen = myBallot === c;
                    return (
                      <ActionButton
                        key={c}
                        label={t(`choice_${c}`)}
                        refusal={allowed['vote.cast']}
                        pendingKey={`vote.cast:${c}`}
                        className={`btn-vote btn-vote-${c} ${chosen ? 'is-chosen' : ''}`}
                        pressed={chosen}
                        hideReason
                        onPress={() => void act({ type: 'vote.cast', choice: c }, `${t('vote')}: ${t(`choice_${c}`)}`, `vote.cast:${c}`)}
                      >
                        <span className="vote-symbol" aria-hidden="true">{t(`choiceSymbol_${c}`)}</span>
                        <span className="vote-label">{t(`choice_${c}`)}</span>
                        {chosen ? <span className="vote-chosen">✓ {t('selected')}</span> : null}
                      </ActionButton>
                    );
                  })}
                </div>
                {/* Once this member's ballot is accepted, the engine's refusal (the roll call has
                    moved on: NOT_YOUR_TURN) is no news: the ✓ says the vote is cast. */}
                {myBallot ? null : <Reason refusal={allowed['vote.cast']} />}
                <p className={`my-vote ${myBallot ? 'my-vote-set' : ''}`} role="status" aria-live="assertive" data-testid="my-vote">
                  {pendingCast
                    ? `${t('sending')} ${t(`choice_${pendingCast.split(':')[1] as Choice}`)}`
                    : myBallot
                      ? `✓ ${t('yourVoteConfirmed', { choice: t(`choice_${myBallot}`).toUpperCase() })}`
                      : t('yourVoteNone')}
                </p>
                {myBallot && !vote.rollCall ? <p className="hint">{t('yourVoteChange')}</p> : null}
                <p className="hint">
                  {t('votedOf', { voted: vote.ballotCount ?? Object.keys(vote.ballots).length, eligible: eligibleVoters(state, vote).length })}
                </p>
              </>
            )}
          </section>
        ) : null}

        <SeatElection state={state} personId={personId} actor={actor} />

        <section className="card" aria-labelledby="item-title">
          {activeItem ? (
            <>
              <h2 id="item-title">
                {t('item', { n: activeItem.number })}: {activeItem.title}{' '}
                {activeItem.doors === 'closed' ? <span className="tag tag-closed">{t('closedTag')}</span> : null}
              </h2>
              {activeItem.doors === 'closed' ? <p className="statement">{t('closedItemNote')}</p> : null}
              {activeItem.readings > 1 ? <p>{t('readingOf', { reading: activeItem.reading, readings: activeItem.readings })}</p> : null}
              {activeItem.proposal ? (
                <p>
                  <span className="label">{t('proposal')}:</span> {activeItem.proposal}
                </p>
              ) : null}
            </>
          ) : (
            <h2 id="item-title">{t('noItem')}</h2>
          )}
        </section>

        {activeItem ? (
          <section className="card" aria-labelledby="floor-title">
            <h2 id="floor-title">{t('speakerList')}</h2>
            {speaking ? (
              <p className={`speaker-now ${speaking.personId === personId ? 'speaker-me' : ''}`}>
                {speaking.personId === personId ? <strong>{t('youHaveFloor')}: </strong> : <span>{t('speaking')}: </span>}
                <PersonName view={state} personId={speaking.personId} /> <SpeakingClock deadline={speaking.deadline} />
              </p>
            ) : (
              <p>{t('nobodySpeaking')}</p>
            )}
            <p className="my-place" role="status" aria-live="polite" data-testid="my-place">
              {myPlace >= 0 ? (
                <>
                  <strong>{t('yourPlace', { n: myPlace + 1 })}</strong> —{' '}
                  {reasonText(queue[myPlace]!.reason, queue[myPlace]!.movedReason)}
                </>
              ) : (
                t('notOnList')
              )}
            </p>
            <div className="button-row">
              {speaking?.personId === personId ? (
                <ActionButton label={t('yieldFloor')} refusal={allowed['floor.yield']} pendingKey="floor.yield" className="btn-big" onPress={() => void act({ type: 'floor.yield' }, t('yieldFloor'))} />
              ) : myPlace >= 0 ? (
                <ActionButton label={t('withdrawFloor')} refusal={allowed['floor.withdraw']} pendingKey="floor.withdraw" className="btn-big" onPress={() => void act({ type: 'floor.withdraw' }, t('withdrawFloor'))} />
              ) : (
                <ActionButton label={t('requestFloor')} refusal={allowed['floor.request']} pendingKey="floor.request" className="btn-big btn-primary" onPress={() => void act({ type: 'floor.request' }, t('requestFloor'))} />
              )}
            </div>
            {queue.length ? (
              <ol className="queue" aria-label={t('speakerList')}>
                {queue.map((q) => (
                  <li key={q.personId} className={q.personId === personId ? 'queue-me' : ''}>
                    <PersonName view={state} personId={q.personId} />
                    {q.personId === personId ? ` (${t('you')})` : ''}
                    <span className="queue-reason"> — {reasonText(q.reason, q.movedReason)}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="hint">{t('speakerListEmpty')}</p>
            )}
          </section>
        ) : null}

        {activeItem ? (
          <section className="card" aria-labelledby="demands-title">
            <h2 id="demands-title">{t('demands')}</h2>
            {decl ? (
              <div className="declaration">
                <p>
                  <strong>{t('declaration')}:</strong> {decl.point}
                </p>
                <p>{t('declarationExpected', { outcome: t(decl.expected) })}</p>
                <p>{t('declarationDemands', { n: decl.demands.length })}</p>
                {decl.demands.includes(personId) ? <p className="statement statement-ok">✓ {t('youDemanded')}</p> : null}
                <ActionButton label={t('demandVote')} refusal={allowed['declaration.demandVote']} pendingKey="declaration.demandVote" className="btn-big btn-primary" onPress={() => void act({ type: 'declaration.demandVote' }, t('demandVote'))} />
              </div>
            ) : null}
            <div className="demand">
              <ActionButton label={t('demandRollCall')} refusal={allowed['rollCall.demand']} pendingKey="rollCall.demand" className="btn-big" onPress={() => void act({ type: 'rollCall.demand' }, t('demandRollCall'))} />
              <p className="demand-count" data-testid="rollcall-count">
                {t('demandRollCallCount', { n: state.demands.rollCall.length, m: rollCallNeeded(state) })}
                {state.demands.rollCall.includes(personId) ? ` · ✓ ${t('youDemanded')}` : ''}
              </p>
            </div>
            <div className="demand">
              <ActionButton label={t('demandDivision')} refusal={allowed['division.demand']} pendingKey="division.demand" className="btn-big" onPress={() => void act({ type: 'division.demand' }, t('demandDivision'))} />
              <p className="demand-count">
                {t('demandDivisionCount', { n: state.demands.division.length })}
                {state.demands.division.includes(personId) ? ` · ✓ ${t('youDemanded')}` : ''}
              </p>
            </div>
            <div className="demand">
              <ActionButton label={t('demandClosure')} refusal={allowed['closure.demand']} pendingKey="closure.demand" className="btn-big" onPress={() => void act({ type: 'closure.demand' }, t('demandClosure'))} />
              <p className="demand-count">
                {t('demandClosureCount', { n: state.demands.closure.length, m: state.config.forceVoteMembers })}
                {state.demands.closure.includes(personId) ? ` · ✓ ${t('youDemanded')}` : ''}
              </p>
            </div>
          </section>
        ) : null}

        {activeItem ? <Amendments state={state} itemId={activeItem.id} personId={personId} refusal={allowed['amendment.submit']} /> : null}

        {lastVote?.vote?.result && !vote ? (
          <section className="card" aria-labelledby="last-title">
            <h2 id="last-title">{t('lastResult')}</h2>
            <p>{lastVote.entry.point}</p>
            <p className="result-line">
              <strong>{t(`outcome_${lastVote.entry.outcome}` as 'outcome_adopted')}</strong>
              {lastVote.entry.counts
                ? ` — ${t('choice_for')} ${lastVote.entry.counts.for} · ${t('choice_against')} ${lastVote.entry.counts.against} · ${t('choice_abstain')} ${lastVote.entry.counts.abstain}`
                : ''}
            </p>
            {lastVote.vote.ballots[personId] ? <p>{t('yourLastVote', { choice: t(`choice_${lastVote.vote.ballots[personId]!}`) })}</p> : null}
            {lastVote.vote.ballots[personId] ? (
              // § 29, stk. 2: once recorded by name, a statement of what was done, not a button.
              lastVote.vote.result.named.some((n) => n.personId === personId) || lastVote.entry.named.some((n) => n.personId === personId) ? (
                <p className="statement statement-ok" data-testid="name-vote-done">
                  ✓ {t('nameVoteDone')}
                </p>
              ) : (
                <ActionButton
                  label={t('nameVote')}
                  refusal={null}
                  pendingKey="record.nameVote"
                  onPress={() => void act({ type: 'record.nameVote', voteId: lastVote.vote!.id }, t('nameVote'))}
                />
              )
            ) : null}
          </section>
        ) : null}

        <section className="card checkout">
          {confirmOut ? (
            <div className="button-row">
              <ActionButton
                label={t('checkOutConfirm')}
                refusal={allowed['presence.checkOut']}
                pendingKey="presence.checkOut"
                className="btn-big btn-danger"
                onPress={() => {
                  setConfirmOut(false);
                  void checkOut(t('checkOut'));
                }}
              />
              <button type="button" className="btn btn-big" onClick={() => setConfirmOut(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-big" onClick={() => setConfirmOut(true)} disabled={!connected}>
              {t('checkOut')}
            </button>
          )}
        </section>
      </main>
    </div>
  );
}

function RollCallLine({ state, personId, t }: { state: MeetingState; personId: string; t: Translate }) {
  const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
  const rc = vote?.rollCall;
  if (!vote || !rc) return null;
  const turn = rc.order[rc.index];
  const myIdx = rc.order.indexOf(personId);
  if (turn === personId) {
    return (
      <p className="statement statement-turn" role="alert">
        ▶ {t('yourTurn')}
      </p>
    );
  }
  if (myIdx >= 0 && myIdx < rc.index) return <p className="statement statement-ok">✓ {t('rollCallDone')}</p>;
  return (
    <p className="statement" role="status">
      {/* `notYourTurn` opens with "Navneopråb:" itself; say it once (issue #12). */}
      {turn ? t('notYourTurn', { name: personLabel(state, turn).name, n: myIdx + 1, m: rc.order.length }) : t('rollCall')}
    </p>
  );
}

function Amendments({ state, itemId, personId, refusal }: { state: MeetingState; itemId: string; personId: string; refusal: Refusal | null | undefined }) {
  const t = useT();
  const [text, setText] = useState('');
  const order = amendmentVotingOrder(state, itemId);
  const all = state.items[itemId]?.amendmentOrder ?? [];
  const shown = [...order, ...all.filter((id) => !order.includes(id))];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const r = await act({ type: 'amendment.submit', text: text.trim() }, t('amendmentSend'));
    if (r.ok) setText('');
  };
  return (
    <section className="card" aria-labelledby="amend-title">
      <h2 id="amend-title">{t('amendments')}</h2>
      {shown.length ? (
        <ol className="amendments">
          {shown.map((id) => {
            const a = state.amendments[id]!;
            return (
              <li key={id}>
                {a.parentId ? <em>{t('subAmendment')}: </em> : null}
                {a.text} — <PersonName view={state} personId={a.proposer} /> · <strong>{t(`amendmentStatus_${a.status}`)}</strong>
                {a.proposer === personId && a.status === 'pending' ? (
                  <button type="button" className="btn btn-small" onClick={() => void act({ type: 'amendment.withdraw', amendmentId: id }, t('amendmentWithdraw'), `amendment.withdraw:${id}`)}>
                    {t('amendmentWithdraw')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <details>
        <summary>{t('amendmentSubmit')}</summary>
        <form onSubmit={submit} className="stack">
          <label htmlFor="amend-text">{t('amendmentText')}</label>
          <textarea id="amend-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn" disabled={!!refusal || !text.trim()}>
            {t('amendmentSend')}
          </button>
          <Reason refusal={refusal} />
        </form>
      </details>
    </section>
  );
}
