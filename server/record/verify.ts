import Database from 'better-sqlite3';
import type { Action } from '../../shared/actions';
import type { ChamberConfig } from '../../shared/config';
import { applyInPlace } from '../../shared/engine/apply';
import { createState } from '../../shared/engine/state';
import type { Context, MeetingSetup, MeetingState } from '../../shared/types';
import { councilHash, eventHash, fromLog, GENESIS_HASH } from '../store/db';
import { hasTable, setupHash } from './chain';

// Walks a meeting's event log: every event must link to the one before (prev_hash), hash to
// its stored value, follow it in seq (1..n, no gaps) and be accepted by the rules when the
// meeting is replayed from its set-up, arriving at the version stored with it. The first
// break is reported with its seq.

export type VerifyResult =
  | { ok: true; meeting: string; events: number; lastSeq: number; hash: string; setupHash: string; state: MeetingState; found?: { hash: string; seq: number } }
  | { ok: false; seq: number | null; reason: string };

export interface VerifyOptions {
  /** A hash from a signed record: the chain must contain it (at any seq). */
  expect?: string;
  /** The meeting whose log is walked (default: the live one, meta.live); each meeting's log stands on its own. */
  meeting?: string;
}

/** One row of the events table, as stored. */
export interface LogRow {
  seq: number;
  type: string;
  action: string;
  ctx: string;
  version: number;
  prev_hash: string;
  hash: string;
}

function parse<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Verifies the log in an open database (read-only use). */
export function verifyDb(db: Database.Database, opts: VerifyOptions = {}): VerifyResult {
  const broken = (seq: number | null, reason: string): VerifyResult => ({ ok: false, seq, reason });
  if (!hasTable(db, 'meta') || !hasTable(db, 'events') || !hasTable(db, 'meetings'))
    return broken(null, 'not a Salen meeting log (no meta, meetings or events table; a file from before the council term is upgraded by starting the server on it once)');
  const live = (db.prepare("SELECT value FROM meta WHERE key = 'live'").get() as { value: string } | undefined)?.value;
  const meetingId = opts.meeting ?? (live ? parse<string>(live) : undefined);
  const row = meetingId
    ? (db.prepare('SELECT setup, config, base_version FROM meetings WHERE id = ?').get(meetingId) as { setup: string | null; config: string | null; base_version: number } | undefined)
    : undefined;
  if (!meetingId || !row) return broken(null, `no such meeting${meetingId ? ` (${meetingId})` : ''} in the file`);
  const setupText = row.setup ?? undefined;
  const setup = setupText === undefined ? undefined : parse<MeetingSetup>(setupText);
  if (!setup) return broken(null, `no readable set-up for meeting ${meetingId} (it never went live)`);
  const configText = row.config ?? undefined;
  const config = configText === undefined ? {} : parse<Partial<ChamberConfig>>(configText);
  if (!config) return broken(null, `unreadable configuration for meeting ${meetingId}`);
  let state: MeetingState;
  try {
    state = createState(setup, config);
    state.version = row.base_version;
  } catch (e) {
    return broken(null, `the set-up does not make a meeting: ${(e as Error).message}`);
  }

  const hashes = new Map<number, string>([[0, GENESIS_HASH]]);
  let prev = GENESIS_HASH;
  let expected = 1;
  const rows = db.prepare('SELECT seq, type, action, ctx, version, prev_hash, hash FROM events WHERE meeting = ? ORDER BY seq').iterate(meetingId) as Iterable<LogRow>;
  for (const row of rows) {
    const seq = row.seq;
    if (seq !== expected) {
      if (typeof seq !== 'number' || seq < expected) return broken(seq, `unexpected seq ${String(seq)} (expected ${expected})`);
      return broken(expected, `event ${expected} is missing (the next stored event is ${seq})`);
    }
    if (row.prev_hash !== prev) {
      const skipped = [...hashes.entries()].find(([, h]) => h === row.prev_hash);
      const hint = skipped
        ? ` (it links to event ${skipped[0]}: ${skipped[0] + 1 === seq - 1 ? `event ${seq - 1} was` : `events ${skipped[0] + 1}..${seq - 1} were`} inserted)`
        : '';
      return broken(seq, `prev_hash does not match the hash of event ${seq - 1}${hint}`);
    }
    if (typeof row.action !== 'string' || typeof row.ctx !== 'string' || typeof row.hash !== 'string')
      return broken(seq, 'the event row is not readable');
    if (eventHash(prev, seq, row.action, row.ctx, row.version) !== row.hash)
      return broken(seq, "the event's hash does not match its content (action, ctx, seq or version was changed)");
    const action = parse<Action>(row.action);
    const ctx = parse<Context>(row.ctx);
    if (!action || typeof action !== 'object' || !ctx || typeof ctx !== 'object') return broken(seq, 'unreadable action or ctx JSON');
    if (row.type !== action.type) return broken(seq, `the type column (${row.type}) does not match the action (${String(action.type)})`);
    let r;
    try {
      // A secret ballot logged before ballots were sealed reads as sealed (server/store/db.ts).
      r = applyInPlace(state, fromLog(action), ctx);
    } catch (e) {
      return broken(seq, `replay failed on ${action.type}: ${(e as Error).message}`);
    }
    if (!r.ok) return broken(seq, `the rules refuse ${action.type} on replay: ${r.code} (${r.paragraph}) – ${r.message.en}`);
    if (state.version !== row.version)
      return broken(seq, `replayed version ${state.version} differs from the stored version ${row.version}`);
    hashes.set(seq, row.hash);
    prev = row.hash;
    expected++;
  }
  const lastSeq = expected - 1;

  // Signatures and corrections beside the log must point at events of this chain.
  const sHash = setupHash(db, meetingId);
  if (hasTable(db, 'record_signatures')) {
    const sigs = db.prepare('SELECT role, last_seq, last_hash, setup_hash FROM record_signatures WHERE meeting = ? ORDER BY rowid').all(meetingId) as {
      role: string;
      last_seq: number;
      last_hash: string;
      setup_hash: string;
    }[];
    for (const s of sigs) {
      const h = hashes.get(s.last_seq);
      if (h === undefined) return broken(s.last_seq, `the ${s.role}'s signature covers event ${s.last_seq}, which the log does not hold`);
      if (h !== s.last_hash) return broken(s.last_seq, `the ${s.role}'s signature states hash ${s.last_hash}, the chain has ${h}`);
      if (s.setup_hash !== sHash) return broken(null, `the ${s.role}'s signature states set-up hash ${s.setup_hash}, the set-up hashes to ${sHash}`);
    }
  }
  if (hasTable(db, 'record_corrections')) {
    const rows = db.prepare('SELECT id, last_seq, last_hash FROM record_corrections WHERE meeting = ? ORDER BY id').all(meetingId) as { id: number; last_seq: number; last_hash: string }[];
    for (const c of rows) {
      const h = hashes.get(c.last_seq);
      if (h === undefined || h !== c.last_hash) return broken(c.last_seq, `correction ${c.id} states hash ${c.last_hash}, the chain has ${h ?? 'no such event'}`);
    }
  }
  const result: VerifyResult = { ok: true, meeting: meetingId, events: lastSeq, lastSeq, hash: prev, setupHash: sHash, state };
  if (opts.expect) {
    const want = opts.expect.trim().toLowerCase();
    const at = [...hashes.entries()].find(([, h]) => h === want);
    if (!at) return broken(null, `the chain does not contain the expected hash ${want}`);
    result.found = { hash: want, seq: at[0] };
  }
  return result;
}

/** The meetings of a file that have a log to walk (went live), in order. */
export function meetingsWithLogs(db: Database.Database): string[] {
  if (!hasTable(db, 'meetings')) return [];
  return (db.prepare('SELECT id FROM meetings WHERE setup IS NOT NULL ORDER BY ord').all() as { id: string }[]).map((r) => r.id);
}

/** Opens `path` read-only and verifies every meeting's log on its own, and the council's roster chain. */
export function verifyAll(path: string): { ok: boolean; meetings: VerifyResult[]; council: CouncilChainResult } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    const r: VerifyResult = { ok: false, seq: null, reason: `cannot open ${path}: ${(e as Error).message}` };
    return { ok: false, meetings: [r], council: { ok: true, changes: 0 } };
  }
  try {
    const ids = meetingsWithLogs(db);
    const meetings = ids.length ? ids.map((m) => verifyDb(db, { meeting: m })) : [verifyDb(db)];
    const council = verifyCouncilChain(db);
    return { ok: meetings.every((m) => m.ok) && council.ok, meetings, council };
  } finally {
    db.close();
  }
}

export type CouncilChainResult = { ok: true; changes: number } | { ok: false; seq: number; reason: string };

/** The roster's changes (council_events) link and hash like a meeting's log (server/council/roster.ts). */
export function verifyCouncilChain(db: Database.Database): CouncilChainResult {
  if (!hasTable(db, 'council_events')) return { ok: true, changes: 0 };
  let prev = GENESIS_HASH;
  let n = 0;
  for (const r of db.prepare('SELECT seq, at, change, prev_hash, hash FROM council_events ORDER BY seq').iterate() as Iterable<{ seq: number; at: number; change: string; prev_hash: string; hash: string }>) {
    if (r.seq !== n + 1) return { ok: false, seq: r.seq, reason: `roster change ${n + 1} is missing` };
    if (r.prev_hash !== prev) return { ok: false, seq: r.seq, reason: 'prev_hash does not match the change before' };
    if (councilHash(prev, r.seq, r.at, r.change) !== r.hash) return { ok: false, seq: r.seq, reason: "the change's hash does not match its content" };
    prev = r.hash;
    n++;
  }
  return { ok: true, changes: n };
}

/** Opens `path` read-only and verifies one meeting's log (the live one's unless `opts.meeting`). */
export function verifyLog(path: string, opts: VerifyOptions = {}): VerifyResult {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, seq: null, reason: `cannot open ${path}: ${(e as Error).message}` };
  }
  try {
    return verifyDb(db, opts);
  } catch (e) {
    return { ok: false, seq: null, reason: `cannot read the log: ${(e as Error).message}` };
  } finally {
    db.close();
  }
}

/** The CLI's text: "OK <hash>" (and details), or "BROKEN at seq N: <reason>". */
export function formatResult(r: VerifyResult): string {
  if (!r.ok) return r.seq === null ? `BROKEN: ${r.reason}` : `BROKEN at seq ${r.seq}: ${r.reason}`;
  const lines = [`OK ${r.hash}`, `meeting ${r.meeting}, events ${r.events}, final version ${r.state.version}`, `setup ${r.setupHash}`];
  if (r.found) lines.push(`contains ${r.found.hash} at seq ${r.found.seq}`);
  return lines.join('\n');
}
