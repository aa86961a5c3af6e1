import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newDemo, readDemoCredentials } from '../../server/demo/credentials';
import { eventHash, GENESIS_HASH, loadSetup } from '../../server/store/db';
import type { LogRow as StoredRow } from '../../server/record/verify';
import type { Action } from '../../shared/actions';
import { createState } from '../../shared/engine/state';
import { applyInPlace } from '../../shared/engine/apply';
import type { Context, MeetingState } from '../../shared/types';
import { freePort, kill9, spawnServer } from '../../test/server/process';
import { connectLean, type Lean, type LeanOptions } from './client';

/**
 * The demo chamber and its credentials. They are random per database: a database seeded here
 * (authz) gets these; a server process seeding its own (`main.ts --demo`) replaces them with
 * the ones it stored, read from its database once it is up.
 */
export const demo = newDemo();
export const memberIds = demo.setup.persons.filter((p) => p.kind === 'member').map((p) => p.id);
export const seatOfPerson = (id: string) => demo.setup.persons.find((p) => p.id === id)!.seatId!;

export function tempDir(name: string): { dir: string; db: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `salen-${name}-`));
  return { dir, db: path.join(dir, 'meeting.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const live = new Set<ServerProcess>();
process.on('exit', () => {
  for (const s of live) s.child?.kill('SIGKILL');
});

/** The real server (`server/main.ts --demo`) as a child process on a fixed port, kill-able. */
export class ServerProcess {
  child: ChildProcess | null = null;
  starts = 0;
  constructor(
    readonly dbPath: string,
    readonly port: number,
  ) {}
  static async create(dbPath: string) {
    return new ServerProcess(dbPath, await freePort());
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    live.add(this);
    this.child = await spawnServer(this.dbPath, this.port, ['--grace-ms', '600000']);
    if (this.starts === 0) Object.assign(demo, readDemoCredentials(this.dbPath));
    this.starts++;
  }
  async kill9() {
    if (this.child) await kill9(this.child);
    this.child = null;
    live.delete(this);
  }
  /** A graceful stop (SIGTERM: `main.ts` closes sockets and the database). */
  async term() {
    const c = this.child;
    if (!c) return;
    await new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
      c.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      c.kill('SIGTERM');
    });
    this.child = null;
    live.delete(this);
  }
  alive() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
  async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/healthz`)).ok;
    } catch {
      return false;
    }
  }
}

export const chairAuth = (personId = demo.setup.chairLine[0]!) => ({ role: 'chair', personId, password: demo.chairPasswords[personId] });
export const seatAuth = (personId: string) => ({ role: 'seat', seatKey: demo.seatKeys[seatOfPerson(personId)] });

/** Each member's tablet session from its last check-in (issue #11: the key alone is not the member). */
export const sessions = new Map<string, string>();
/** The member's own tablet: seat key and session, as a reconnecting screen presents them. */
export const memberAuth = (personId: string) => ({ ...seatAuth(personId), session: sessions.get(personId) });

/** A seat terminal at the member's own seat, checked in; it keeps the session for reconnects. */
export async function seatClient(url: string, personId: string, opts: LeanOptions = {}): Promise<Lean> {
  const c = await connectLean(url, seatAuth(personId), opts);
  const ack = await c.emit('checkIn', { code: demo.codes[personId] });
  if (!ack?.ok) throw new Error(`check-in of ${personId}: ${ack?.code ?? 'no answer'}`);
  sessions.set(personId, ack.session);
  c.socket.auth = memberAuth(personId);
  return c;
}

export interface LogRow {
  seq: number;
  nonce: string | null;
  type: string;
  action: Action;
  ctx: Context;
  version: number;
  prevHash: string;
  hash: string;
  actionJson: string;
  ctxJson: string;
}

/** The event log as it is on disk (read-only; safe while the server is down or up). */
export function readLog(dbPath: string): { rows: LogRow[]; ballots: { vote_id: string; person_id: string; choice: string }[] } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = (
      db.prepare('SELECT seq, nonce, type, action, ctx, version, prev_hash, hash FROM events ORDER BY seq').all() as (StoredRow & {
        nonce: string | null;
      })[]
    ).map((r) => ({
      seq: r.seq,
      nonce: r.nonce,
      type: r.type,
      action: JSON.parse(r.action) as Action,
      ctx: JSON.parse(r.ctx) as Context,
      version: r.version,
      prevHash: r.prev_hash,
      hash: r.hash,
      actionJson: r.action,
      ctxJson: r.ctx,
    }));
    const ballots = db.prepare('SELECT vote_id, person_id, choice FROM ballots').all() as { vote_id: string; person_id: string; choice: string }[];
    return { rows, ballots };
  } finally {
    db.close();
  }
}

/** Walks the hash chain; returns the first broken link's seq, or null. */
export function brokenLink(rows: LogRow[]): number | null {
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.prevHash !== prev || eventHash(prev, r.seq, r.actionJson, r.ctxJson, r.version) !== r.hash) return r.seq;
    prev = r.hash;
  }
  return null;
}

/** An independent replay of the log with the pure engine (not the server's own path). */
export function replayLog(dbPath: string, rows: LogRow[]): MeetingState {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const loaded = loadSetup(db);
  db.close();
  if (!loaded) throw new Error('no set-up in the database');
  const s = createState(loaded.setup, loaded.config);
  for (const r of rows) {
    const res = applyInPlace(s, r.action, r.ctx);
    if (!res.ok) throw new Error(`event ${r.seq} (${r.type}) does not apply: ${res.code}`);
  }
  return s;
}

/** Same JSON, key order included (both sides build the state the same way). */
export const canonical = (x: unknown) => JSON.stringify(x);

/**
 * Checks in every member in `members` (default: all), keeping the terminals of `keep` open
 * and closing the others: with the long grace period those seats stay present (quorum).
 */
export async function checkInMembers(url: string, keep: string[], members: string[] = memberIds, opts: LeanOptions = {}): Promise<Lean[]> {
  const kept: Lean[] = [];
  for (let i = 0; i < members.length; i += 20) {
    const batch = await Promise.all(members.slice(i, i + 20).map((p) => seatClient(url, p, keep.includes(p) ? opts : {})));
    batch.forEach((c, k) => (keep.includes(members[i + k]!) ? kept.push(c) : c.close()));
  }
  return keep.map((p) => kept[members.filter((m) => keep.includes(m)).indexOf(p)]!);
}
