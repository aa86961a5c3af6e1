import { parseActionBody, type Action, type SealedCast } from '../../shared/actions';
import { createState } from '../../shared/engine/state';
import { applyInPlace } from '../../shared/engine/apply';
import type { Actor, Context, EngineEvent, MeetingState, Refusal } from '../../shared/types';
import { TRANSPORT_REFUSALS, type TransportRefusalCode } from '../../shared/refusals';
import type { ActionAck as Ack } from '../../shared/protocol';
import { randomBytes } from 'node:crypto';
import { eventHash, lastHash, loadSetup, readEvents, type DB, type LoadedSetup } from '../store/db';
import { log } from '../ops/log';

/** A meeting's first state: its set-up, at the version after the meeting live before it. */
export function initialState(loaded: LoadedSetup): MeetingState {
  const s = createState(loaded.setup, loaded.config);
  s.version = loaded.baseVersion;
  return s;
}

/** Actions that may draw a lot: the server supplies the secret the lot is derived from. */
const DRAWS = new Set(['election.create', 'election.closeRound']);

const CHECKPOINT_QUIET_MS = 300;
const CHECKPOINT_AFTER_COMMITS = 5000;

/** The answer to an action (shared/protocol.ts: one definition for server, client, tests and scripts). */
export type { ActionAck as Ack } from '../../shared/protocol';

/** A refusal of the server's own (not the engine's): its code is in TRANSPORT_REFUSALS (shared/refusals.ts). */
export function serverRefusal(
  code: TransportRefusalCode,
  da: string = TRANSPORT_REFUSALS[code][1],
  en: string = TRANSPORT_REFUSALS[code][2],
  paragraph: string = TRANSPORT_REFUSALS[code][0],
): Refusal {
  return { ok: false, code, paragraph, message: { da, en } };
}

interface Pending {
  action: Action;
  ctx: Context;
  nonce: string | null;
  version: number;
  events: EngineEvent[];
  writes: Write[];
  /** A secret ballot's choice, counted in memory once its (sealed) event is committed. */
  secret: { round: string; candidate: string } | null;
  /** A secret round's counts to forget once this (its open, close or void) is committed. */
  endsRound: string | null;
  resolve: (ack: Ack) => void;
}

type Write = [sql: string, params: unknown[]];
type Stmt = { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };

export interface Committed {
  version: number;
  events: EngineEvent[];
  actions: Action[];
}

/**
 * The one live meeting. Actions are applied to the in-memory state at once (so the next
 * action in the same tick sees them), then committed to SQLite in one transaction per tick
 * (group commit); acks and broadcasts go out only after that commit.
 */
export class MeetingService {
  state: MeetingState;
  private initial: MeetingState;
  private chain: { seq: number; hash: string };
  private nonces = new Set<string>();
  private queue: Pending[] = [];
  private flushScheduled = false;
  private listeners: ((c: Committed) => void)[] = [];
  private insertEvent;
  /**
   * § 27, stk. 2: the running counts of the open secret round, by `electionId#round`. They
   * live only here — no file the server writes links a member to a choice — and become
   * durable with the chair's close, which carries them. A restart loses them: the round is
   * then void (see `voidLostSecretRound`).
   */
  private secretCounts = new Map<string, Record<string, number>>();

  /** The live meeting's id (meetings table): its log is the one this service writes. */
  meetingId: string;

  constructor(
    readonly db: DB,
    readonly clock: () => number = Date.now,
  ) {
    this.insertEvent = db.prepare(
      'INSERT INTO events (meeting, seq, nonce, type, action, ctx, version, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const loaded = loadSetup(db);
    if (!loaded) throw new Error('no meeting set-up in the database');
    this.meetingId = loaded.meetingId;
    this.initial = initialState(loaded);
    this.state = structuredClone(this.initial);
    this.chain = { seq: 0, hash: lastHash(db, this.meetingId).hash };
    this.replay();
    // A restart after a crash may find a long write-ahead log: fold it into the database now.
    db.pragma('wal_checkpoint(TRUNCATE)');
    this.voidLostSecretRound();
  }

  private resetListeners: (() => void)[] = [];
  /** Told when another meeting went live: every screen needs the whole new view. */
  onReset(cb: () => void) {
    this.resetListeners.push(cb);
  }

  /**
   * Another meeting goes live (server/meeting/term.ts decides whether it may): what is
   * pending is committed first, then the state is that meeting's, replayed from its log.
   */
  switchTo(meetingId: string) {
    this.flush();
    const loaded = loadSetup(this.db, meetingId);
    if (!loaded) throw new Error(`meeting ${meetingId} has no fixed set-up`);
    this.meetingId = meetingId;
    this.initial = initialState(loaded);
    this.secretCounts.clear();
    this.replay();
    for (const cb of this.resetListeners)
      try {
        cb();
      } catch (e) {
        log.error({ event: 'error', err: e }, 'a reset listener failed');
      }
  }

  /**
   * A secret round still open after the replay lost its counts with the process that kept
   * them (kill -9, crash, or a graceful stop alike): it is void, logged as a system action,
   * kept in the election and the record, and the chair holds it again.
   */
  private voidLostSecretRound() {
    const e = this.secretElection();
    if (e?.rounds.at(-1)?.status !== 'open') return;
    void this.dispatch({ type: 'election.voidRound', reason: 'restart' }, { role: 'system' }).then((ack) => {
      if (!ack.ok) log.error({ event: 'error', refusal: ack.code }, 'could not void the open secret round after the restart');
    });
  }

  /** Rebuilds the live state from the log: the restart path, and recovery after a failed commit. */
  replay() {
    const s = structuredClone(this.initial);
    this.nonces.clear();
    for (const ev of readEvents(this.db, this.meetingId)) {
      const r = applyInPlace(s, ev.action, ev.ctx);
      if (!r.ok) throw new Error(`log event ${ev.seq} (${ev.action.type}) no longer applies: ${r.code}`);
    }
    // Nonces are unique across every meeting's log (the column is): all of them are known.
    for (const row of this.db.prepare('SELECT nonce FROM events WHERE nonce IS NOT NULL').iterate() as Iterable<{ nonce: string }>)
      this.nonces.add(row.nonce);
    this.state = s;
    this.chain = lastHash(this.db, this.meetingId);
  }

  /** Actions applied in memory but not yet committed. */
  get pending(): number {
    return this.queue.length;
  }

  onCommitted(cb: (c: Committed) => void) {
    this.listeners.push(cb);
  }

  private timers: ((seconds: number, commitStepSeconds: number, actions: number) => void)[] = [];
  /** Told how long each group commit took, and its COMMIT step (log frames written and fsynced): the metrics. */
  onCommitTimed(cb: (seconds: number, commitStepSeconds: number, actions: number) => void) {
    this.timers.push(cb);
  }

  /** Validates, applies and queues for commit; resolves with the ack once durable. */
  dispatch(raw: unknown, actor: Actor, nonce?: string): Promise<Ack> {
    if (this.closed)
      return Promise.resolve(serverRefusal('INTERNAL', 'Serveren er ved at stoppe; handlingen er ikke udført.', 'The server is stopping; the action was not carried out.'));
    const parsed = parseActionBody(raw);
    if (!parsed.ok) return Promise.resolve(serverRefusal('MALFORMED', `Ugyldig handling: ${parsed.issues}`, `Malformed action: ${parsed.issues}`));
    if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length === 0 || nonce.length > 64))
      return Promise.resolve(serverRefusal('MALFORMED', 'Ugyldig nonce.', 'Malformed nonce.'));
    if (nonce && this.nonces.has(nonce))
      return Promise.resolve(serverRefusal('REPLAYED'));
    let body = parsed.body;
    const secret = this.secretElection();
    const secretRound = secret ? `${secret.id}#${secret.rounds.length}` : '';
    // § 27, stk. 2: the chair's close of a secret round carries the counts kept apart.
    if (body.type === 'election.closeRound' && secret) body = { ...body, tally: this.secretTally(secretRound) };
    const action = { ...body, actor } as Action;
    const ctx: Context = { now: this.clock() };
    if (DRAWS.has(action.type)) ctx.random = randomBytes(16).toString('hex');
    let r;
    try {
      r = applyInPlace(this.state, action, ctx);
    } catch (e) {
      // A fault in rule code must not leave a half-changed state: rebuild from the log.
      log.error({ event: 'error', err: e, type: action.type }, 'engine fault');
      this.recover();
      return Promise.resolve(serverRefusal('INTERNAL', 'Intern fejl; handlingen er ikke udført.', 'Internal error; the action was not carried out.'));
    }
    if (!r.ok) return Promise.resolve(r);
    // Counts end with their round's close or void (a new round starts from none), once committed.
    const ends = action.type === 'election.openRound' || action.type === 'election.closeRound' || action.type === 'election.voidRound';
    const endsRound = secret && ends ? (action.type === 'election.openRound' ? `${secret.id}#${secret.rounds.length}` : secretRound) : null;
    return new Promise<Ack>((resolve) => {
      const writes = this.derivedWrites(action, r.events);
      // A secret ballot is logged sealed, without its choice: the log shows only that the
      // member voted; the choice is counted in memory once that event is durable.
      let logged: Action = action;
      let secretBallot: Pending['secret'] = null;
      if (action.type === 'election.cast' && secret && !('sealed' in action)) {
        logged = { type: 'election.cast', sealed: true, actor: action.actor } satisfies SealedCast;
        secretBallot = { round: secretRound, candidate: action.candidateId };
      }
      this.queue.push({ action: logged, ctx, nonce: nonce ?? null, version: this.state.version, events: r.events, writes, secret: secretBallot, endsRound, resolve });
      // Taken at once, so a replay in the same tick is refused too; a failed commit rebuilds the set from the log.
      if (nonce) this.nonces.add(nonce);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private statements = new Map<string, Stmt>();
  private stmt(sql: string): Stmt {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql) as unknown as Stmt));
    return st;
  }

  /** Rebuilds from the log; actions applied but not committed are dropped and refused. */
  private recover() {
    const dropped = this.queue;
    this.queue = [];
    this.replay();
    for (const p of dropped) p.resolve(serverRefusal('INTERNAL', 'Intern fejl; handlingen er ikke udført.', 'Internal error; the action was not carried out.'));
  }

  private closed = false;
  /**
   * The clean stop (SIGTERM, SIGINT): what is applied but not yet committed is committed now,
   * in one transaction as any tick's, and its acks resolve as usual; whoever sent it gets the
   * ack if their socket is still open, and finds it in the view on reconnecting if not. So
   * nothing acknowledged is lost and nothing is half-stored. The write-ahead log is folded
   * into the database (one file to copy), and every later action is refused.
   */
  close() {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private flush() {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let chain = this.chain;
    const t0 = performance.now();
    let t1 = t0;
    try {
      this.db.transaction(() => {
        for (const p of batch) {
          const seq = chain.seq + 1;
          const actionJson = JSON.stringify(p.action);
          const ctxJson = JSON.stringify(p.ctx);
          const hash = eventHash(chain.hash, seq, actionJson, ctxJson, p.version);
          this.insertEvent.run(this.meetingId, seq, p.nonce, p.action.type, actionJson, ctxJson, p.version, chain.hash, hash);
          for (const [sql, params] of p.writes) this.stmt(sql).run(...params);
          chain = { seq, hash };
        }
        // better-sqlite3 runs COMMIT after this returns: from here on, the write-ahead log's fsync.
        t1 = performance.now();
      })();
    } catch (e) {
      log.error({ event: 'error', err: e }, 'commit failed; rebuilding state from the log');
      this.recover();
      for (const p of batch) p.resolve(serverRefusal('INTERNAL', 'Handlingen kunne ikke gemmes.', 'The action could not be stored.'));
      return;
    }
    this.chain = chain;
    const t2 = performance.now();
    for (const cb of this.timers)
      try {
        cb((t2 - t0) / 1000, (t2 - t1) / 1000, batch.length);
      } catch (e) {
        log.error({ event: 'error', err: e }, 'commit timer failed');
      }
    for (const p of batch) {
      if (p.secret) this.count(this.secretCounts, p.secret);
      if (p.endsRound) this.secretCounts.delete(p.endsRound);
    }
    this.checkpointSoon();
    for (const p of batch) p.resolve({ ok: true, version: p.version });
    const committed: Committed = { version: this.state.version, events: batch.flatMap((p) => p.events), actions: batch.map((p) => p.action) };
    // The acks' continuations were queued first: they go out before the pushes, which still
    // run before any new input is read (so the state they show is the committed one).
    queueMicrotask(() => {
      for (const l of this.listeners) l(committed);
    });
  }

  // The write-ahead log is copied into the database when no commit has come for a moment
  // (and at once after very many commits, so the log stays bounded in a long storm).
  private commitsSinceCheckpoint = 0;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private checkpointSoon() {
    if (++this.commitsSinceCheckpoint >= CHECKPOINT_AFTER_COMMITS) return this.checkpoint();
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => this.checkpoint(), CHECKPOINT_QUIET_MS);
    this.checkpointTimer.unref();
  }

  private checkpoint() {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    this.commitsSinceCheckpoint = 0;
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  private secretElection() {
    const e = this.state.activeElection ? this.state.elections[this.state.activeElection] : undefined;
    return e?.kind === 'majority' && e.secret ? e : null;
  }

  private count(into: Map<string, Record<string, number>>, b: { round: string; candidate: string }) {
    let c = into.get(b.round);
    if (!c) into.set(b.round, (c = {}));
    c[b.candidate] = (c[b.candidate] ?? 0) + 1;
  }

  /** The open secret round's counts: committed ballots, and those applied this tick but not yet committed. */
  private secretTally(round: string): Record<string, number> {
    const all = new Map([[round, { ...this.secretCounts.get(round) }]]);
    for (const p of this.queue) if (p.secret?.round === round) this.count(all, p.secret);
    return all.get(round)!;
  }

  /** Rows kept beside the log, computed right after the action applied (the state moves on). */
  private derivedWrites(action: Action, events: EngineEvent[]): Write[] {
    const s = this.state;
    const m = this.meetingId;
    const writes: Write[] = [];
    // The meetings list follows the engine's own status (planned → open → closed), in the same transaction.
    if (action.type === 'meeting.open' || action.type === 'meeting.close')
      writes.push(["UPDATE meetings SET status = ? WHERE id = ? AND status IN ('planned', 'open')", [s.meeting.status === 'closed' ? 'closed' : 'open', m]]);
    const personId = action.actor.role === 'member' ? action.actor.personId : null;
    if (action.type === 'vote.cast' && personId && s.activeVote)
      writes.push([
        'INSERT INTO ballots (meeting, vote_id, person_id, choice) VALUES (?, ?, ?, ?) ON CONFLICT(meeting, vote_id, person_id) DO UPDATE SET choice = excluded.choice',
        [m, s.activeVote, personId, action.choice],
      ]);
    if (action.type === 'presence.checkOut' && personId && s.activeVote)
      writes.push(['DELETE FROM ballots WHERE meeting = ? AND vote_id = ? AND person_id = ?', [m, s.activeVote, personId]]);
    if (action.type === 'vote.switchToRollCall' && s.activeVote) writes.push(['DELETE FROM ballots WHERE meeting = ? AND vote_id = ?', [m, s.activeVote]]);
    for (const ev of events) {
      const vote = ev.type === 'vote.closed' ? s.votes[ev.voteId as string] : undefined;
      if (!vote?.result) continue;
      const r = vote.result;
      writes.push([
        'INSERT OR REPLACE INTO vote_results (meeting, vote_id, present, counts, adopted, closed_at) VALUES (?, ?, ?, ?, ?, ?)',
        [m, vote.id, JSON.stringify(r.present), JSON.stringify({ for: r.for, against: r.against, abstain: r.abstain }), r.adopted ? 1 : 0, vote.closedAt ?? 0],
      ]);
    }
    return writes;
  }
}
