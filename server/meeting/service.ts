import { parseActionBody, type Action } from '../../shared/actions';
import { createState } from '../../shared/engine/state';
import { applyInPlace } from '../../shared/engine/apply';
import type { Actor, Context, EngineEvent, MeetingState, Refusal } from '../../shared/types';
import { randomBytes } from 'node:crypto';
import { eventHash, lastHash, loadSetup, readEvents, type DB } from '../store/db';

/** Actions that may draw a lot: the server supplies the secret the lot is derived from. */
const DRAWS = new Set(['election.create', 'election.closeRound']);
const SECRET_CAST =
  'INSERT INTO secret_tally (election_id, round, candidate, count) VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET count = count + 1';

const CHECKPOINT_QUIET_MS = 300;
const CHECKPOINT_AFTER_COMMITS = 5000;

export type Ack = { ok: true; version: number } | Refusal;

export function serverRefusal(code: string, da: string, en: string, paragraph = '—'): Refusal {
  return { ok: false, code, paragraph, message: { da, en } };
}

interface Pending {
  action: Action;
  ctx: Context;
  nonce: string | null;
  version: number;
  events: EngineEvent[];
  writes: Write[];
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

  constructor(
    readonly db: DB,
    readonly clock: () => number = Date.now,
  ) {
    const loaded = loadSetup(db);
    if (!loaded) throw new Error('no meeting set-up in the database');
    this.initial = createState(loaded.setup, loaded.config);
    this.state = structuredClone(this.initial);
    this.chain = { seq: 0, hash: lastHash(db).hash };
    this.insertEvent = db.prepare(
      'INSERT INTO events (seq, nonce, type, action, ctx, version, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.replay();
    // A restart after a crash may find a long write-ahead log: fold it into the database now.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Rebuilds the live state from the log: the restart path, and recovery after a failed commit. */
  replay() {
    const s = structuredClone(this.initial);
    this.nonces.clear();
    for (const ev of readEvents(this.db)) {
      const r = applyInPlace(s, ev.action, ev.ctx);
      if (!r.ok) throw new Error(`log event ${ev.seq} (${ev.action.type}) no longer applies: ${r.code}`);
    }
    for (const row of this.db.prepare('SELECT nonce FROM events WHERE nonce IS NOT NULL').iterate() as Iterable<{ nonce: string }>)
      this.nonces.add(row.nonce);
    this.state = s;
    this.chain = lastHash(this.db);
  }

  /** Actions applied in memory but not yet committed. */
  get pending(): number {
    return this.queue.length;
  }

  onCommitted(cb: (c: Committed) => void) {
    this.listeners.push(cb);
  }

  /** Validates, applies and queues for commit; resolves with the ack once durable. */
  dispatch(raw: unknown, actor: Actor, nonce?: string): Promise<Ack> {
    const parsed = parseActionBody(raw);
    if (!parsed.ok) return Promise.resolve(serverRefusal('MALFORMED', `Ugyldig handling: ${parsed.issues}`, `Malformed action: ${parsed.issues}`));
    if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length === 0 || nonce.length > 64))
      return Promise.resolve(serverRefusal('MALFORMED', 'Ugyldig nonce.', 'Malformed nonce.'));
    if (nonce && this.nonces.has(nonce))
      return Promise.resolve(serverRefusal('REPLAYED', 'Handlingen er allerede modtaget.', 'This action was already received.'));
    let body = parsed.body;
    const secret = this.secretElection();
    // § 27, stk. 2: the chair's close of a secret round carries the counts kept apart.
    if (body.type === 'election.closeRound' && secret) body = { ...body, tally: this.secretTally(secret.id, secret.rounds.length) };
    const action = { ...body, actor } as Action;
    const ctx: Context = { now: this.clock() };
    if (DRAWS.has(action.type)) ctx.random = randomBytes(16).toString('hex');
    let r;
    try {
      r = applyInPlace(this.state, action, ctx);
    } catch (e) {
      // A fault in rule code must not leave a half-changed state: rebuild from the log.
      console.error('engine fault', action.type, e);
      this.recover();
      return Promise.resolve(serverRefusal('INTERNAL', 'Intern fejl; handlingen er ikke udført.', 'Internal error; the action was not carried out.'));
    }
    if (!r.ok) return Promise.resolve(r);
    return new Promise<Ack>((resolve) => {
      const writes = this.derivedWrites(action, r.events);
      // A secret ballot is logged without its choice: the log shows only that the member voted.
      const logged = action.type === 'election.cast' && secret ? ({ type: action.type, actor: action.actor } as Action) : action;
      this.queue.push({ action: logged, ctx, nonce: nonce ?? null, version: this.state.version, events: r.events, writes, resolve });
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

  private recover() {
    this.queue = [];
    this.replay();
  }

  private flush() {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let chain = this.chain;
    try {
      this.db.transaction(() => {
        for (const p of batch) {
          const seq = chain.seq + 1;
          const actionJson = JSON.stringify(p.action);
          const ctxJson = JSON.stringify(p.ctx);
          const hash = eventHash(chain.hash, seq, actionJson, ctxJson, p.version);
          this.insertEvent.run(seq, p.nonce, p.action.type, actionJson, ctxJson, p.version, chain.hash, hash);
          for (const [sql, params] of p.writes) this.stmt(sql).run(...params);
          chain = { seq, hash };
        }
      })();
    } catch (e) {
      console.error('commit failed; rebuilding state from the log', e);
      this.recover();
      for (const p of batch) p.resolve(serverRefusal('INTERNAL', 'Handlingen kunne ikke gemmes.', 'The action could not be stored.'));
      return;
    }
    this.chain = chain;
    // After a secret round closes, the write-ahead log's page history goes too.
    if (batch.some((p) => p.action.type === 'election.closeRound')) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.commitsSinceCheckpoint = 0;
    } else this.checkpointSoon();
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

  private secretTally(electionId: string, round: number): Record<string, number> {
    const rows = this.stmt('SELECT candidate, count FROM secret_tally WHERE election_id = ? AND round = ?').all(electionId, round) as {
      candidate: string;
      count: number;
    }[];
    const tally = Object.fromEntries(rows.map((r) => [r.candidate, r.count]));
    // Ballots applied this tick are not committed yet: count them too.
    for (const p of this.queue)
      for (const [sql, params] of p.writes)
        if (sql === SECRET_CAST && params[0] === electionId && params[1] === round) {
          const c = params[2] as string;
          tally[c] = (tally[c] ?? 0) + 1;
        }
    return tally;
  }

  /** Rows kept beside the log, computed right after the action applied (the state moves on). */
  private derivedWrites(action: Action, events: EngineEvent[]): Write[] {
    const s = this.state;
    const writes: Write[] = [];
    const personId = action.actor.role === 'member' ? action.actor.personId : null;
    if (action.type === 'vote.cast' && personId && s.activeVote)
      writes.push([
        'INSERT INTO ballots (vote_id, person_id, choice) VALUES (?, ?, ?) ON CONFLICT(vote_id, person_id) DO UPDATE SET choice = excluded.choice',
        [s.activeVote, personId, action.choice],
      ]);
    if (action.type === 'presence.checkOut' && personId && s.activeVote)
      writes.push(['DELETE FROM ballots WHERE vote_id = ? AND person_id = ?', [s.activeVote, personId]]);
    if (action.type === 'vote.switchToRollCall' && s.activeVote) writes.push(['DELETE FROM ballots WHERE vote_id = ?', [s.activeVote]]);
    const secret = this.secretElection();
    if (action.type === 'election.cast' && secret && action.candidateId) {
      const round = secret.rounds.length;
      writes.push([
        SECRET_CAST,
        [secret.id, round, action.candidateId],
      ]);
    }
    for (const ev of events) {
      const vote = ev.type === 'vote.closed' ? s.votes[ev.voteId as string] : undefined;
      if (!vote?.result) continue;
      const r = vote.result;
      writes.push([
        'INSERT OR REPLACE INTO vote_results (vote_id, present, counts, adopted, closed_at) VALUES (?, ?, ?, ?, ?)',
        [vote.id, JSON.stringify(r.present), JSON.stringify({ for: r.for, against: r.against, abstain: r.abstain }), r.adopted ? 1 : 0, vote.closedAt ?? 0],
      ]);
    }
    return writes;
  }
}
