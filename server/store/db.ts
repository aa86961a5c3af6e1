import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Action } from '../../shared/actions';
import type { ChamberConfig } from '../../shared/config';
import type { Context, MeetingSetup } from '../../shared/types';
import { credentialsOf, storeCredentials, type Credentials } from './credentials';

export type DB = Database.Database;
export type { Credentials };

export interface StoredEvent {
  seq: number;
  action: Action;
  ctx: Context;
  version: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The chain link: each event's hash covers the previous hash and the event's stored text. */
export function eventHash(prevHash: string, seq: number, actionJson: string, ctxJson: string, version: number): string {
  return sha256(`${prevHash}\n${seq}\n${version}\n${actionJson}\n${ctxJson}`);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- secret_hash: scrypt for passwords, HMAC under the server key for codes and seat keys
-- (server/store/credentials.ts); bare SHA-256 in files from before, wrapped at start.
CREATE TABLE IF NOT EXISTS credentials (
  kind TEXT NOT NULL, subject TEXT NOT NULL, secret_hash TEXT NOT NULL,
  PRIMARY KEY (kind, subject)
);
CREATE INDEX IF NOT EXISTS credentials_by_hash ON credentials (kind, secret_hash);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  nonce TEXT UNIQUE,
  type TEXT NOT NULL,
  action TEXT NOT NULL,
  ctx TEXT NOT NULL,
  version INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- § 16 / § 24: one ballot per member per vote, enforced by the database too.
CREATE TABLE IF NOT EXISTS ballots (
  vote_id TEXT NOT NULL, person_id TEXT NOT NULL, choice TEXT NOT NULL CHECK (choice IN ('for','against','abstain')),
  UNIQUE (vote_id, person_id)
);
-- § 27, stk. 2: a secret round's running counts are kept in the server's memory only (a
-- per-ballot count committed with the voter's event would link the two in the write-ahead
-- log); the close carries them into the log. Files from before drop their old table.
DROP TABLE IF EXISTS secret_tally;
-- When a vote closes, the members present are stored with the result.
CREATE TABLE IF NOT EXISTS vote_results (
  vote_id TEXT PRIMARY KEY, present TEXT NOT NULL, counts TEXT NOT NULL, adopted INTEGER NOT NULL, closed_at INTEGER NOT NULL
);
`;

export function openDb(path: string): DB {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: in WAL mode every commit is fsynced before better-sqlite3 returns, so an action
  // is on disk before its ack leaves, and survives kill -9 and power loss alike.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Freed pages are zeroed, so nothing deleted lingers in free space.
  db.pragma('secure_delete = ON');
  // No checkpoint inside a commit: copying the log into the database (and its fsync) would
  // land on whichever ballot crossed 1,000 pages. The meeting service checkpoints when the
  // chamber is quiet instead (MeetingService.checkpointSoon).
  db.pragma('wal_autocheckpoint = 0');
  db.exec(SCHEMA);
  return db;
}

export function getMeta<T>(db: DB, key: string): T | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setMeta(db: DB, key: string, value: unknown) {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

/**
 * Stores the meeting's set-up (chamber, members, groups, seats, agenda) and its credentials:
 * passwords as scrypt, codes and seat keys as HMAC under the server key
 * (server/store/credentials.ts). Credentials the server generated for it (`generated`) are
 * written once to the provisioning file, before the set-up commits: all or nothing.
 */
export function saveSetup(
  db: DB,
  setup: MeetingSetup,
  config: Partial<ChamberConfig>,
  creds: Credentials,
  generated?: { source: 'setup' | 'demo'; credentials: Partial<Credentials> },
) {
  db.transaction(() => {
    setMeta(db, 'setup', setup);
    setMeta(db, 'config', config);
    storeCredentials(db, creds);
    if (generated) credentialsOf(db).provision({ source: generated.source, ...generated.credentials });
  })();
}

export function loadSetup(db: DB): { setup: MeetingSetup; config: Partial<ChamberConfig> } | null {
  const setup = getMeta<MeetingSetup>(db, 'setup');
  if (!setup) return null;
  return { setup, config: getMeta<Partial<ChamberConfig>>(db, 'config') ?? {} };
}

export function* readEvents(db: DB): Generator<StoredEvent> {
  const rows = db.prepare('SELECT seq, action, ctx, version, prev_hash, hash FROM events ORDER BY seq').iterate() as Iterable<{
    seq: number;
    action: string;
    ctx: string;
    version: number;
    prev_hash: string;
    hash: string;
  }>;
  for (const r of rows)
    yield { seq: r.seq, action: fromLog(JSON.parse(r.action)), ctx: JSON.parse(r.ctx), version: r.version, prevHash: r.prev_hash, hash: r.hash };
}

/**
 * Logs written before secret ballots carried `sealed` stored one as `{ type, actor }` with
 * no choice: the same thing, so it replays as sealed. (A client cannot send either form: the
 * schema wants a candidate and refuses `sealed`.)
 */
export function fromLog(action: Action): Action {
  if (action.type === 'election.cast' && !('candidateId' in action) && !('sealed' in action)) return { ...(action as object), sealed: true } as Action;
  return action;
}

export function lastHash(db: DB): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}
