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

/** The roster chain's link (council_events): like eventHash, over the change's stored text. */
export function councilHash(prevHash: string, seq: number, at: number, changeJson: string): string {
  return sha256(`salen-council\n${prevHash}\n${seq}\n${at}\n${changeJson}`);
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
-- The council's meetings across the term (shared/term/lifecycle.ts). \`setup\` and \`config\`
-- are fixed when the meeting goes live (the roster as it was then): the raw text its log
-- replays from and the set-up hash covers. \`base_version\`: the meeting's first version, after
-- the meeting live before it, so every screen's view only moves forward.
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  time TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned','open','closed','signed','published')),
  agenda TEXT NOT NULL,
  setup TEXT,
  config TEXT,
  base_version INTEGER NOT NULL DEFAULT 0,
  notice_sent_at INTEGER,
  extraordinary TEXT,
  carried TEXT NOT NULL DEFAULT '{}',
  published_at INTEGER,
  created_at INTEGER NOT NULL
);
-- Each meeting's own hash-chained log: seq 1..n and the chain from the genesis hash, per meeting.
CREATE TABLE IF NOT EXISTS events (
  meeting TEXT NOT NULL,
  seq INTEGER NOT NULL,
  nonce TEXT UNIQUE,
  type TEXT NOT NULL,
  action TEXT NOT NULL,
  ctx TEXT NOT NULL,
  version INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (meeting, seq)
);
-- § 16 / § 24: one ballot per member per vote, enforced by the database too.
CREATE TABLE IF NOT EXISTS ballots (
  meeting TEXT NOT NULL, vote_id TEXT NOT NULL, person_id TEXT NOT NULL, choice TEXT NOT NULL CHECK (choice IN ('for','against','abstain')),
  UNIQUE (meeting, vote_id, person_id)
);
-- § 27, stk. 2: a secret round's running counts are kept in the server's memory only (a
-- per-ballot count committed with the voter's event would link the two in the write-ahead
-- log); the close carries them into the log. Files from before drop their old table.
DROP TABLE IF EXISTS secret_tally;
-- When a vote closes, the members present are stored with the result.
CREATE TABLE IF NOT EXISTS vote_results (
  meeting TEXT NOT NULL, vote_id TEXT NOT NULL, present TEXT NOT NULL, counts TEXT NOT NULL, adopted INTEGER NOT NULL, closed_at INTEGER NOT NULL,
  PRIMARY KEY (meeting, vote_id)
);
-- § 29, stk. 1: the chair and the secretary sign each meeting's record in the system. Rows
-- are only ever inserted: the database refuses UPDATE and DELETE (server/record/store.ts).
CREATE TABLE IF NOT EXISTS record_signatures (
  meeting TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('chair', 'secretariat')),
  person TEXT,
  name TEXT NOT NULL,
  at INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  setup_hash TEXT NOT NULL,
  PRIMARY KEY (meeting, role)
);
CREATE TRIGGER IF NOT EXISTS record_signatures_no_update BEFORE UPDATE ON record_signatures
  BEGIN SELECT RAISE(ABORT, 'a signature is never changed (§ 29)'); END;
CREATE TRIGGER IF NOT EXISTS record_signatures_no_delete BEFORE DELETE ON record_signatures
  BEGIN SELECT RAISE(ABORT, 'a signature is never removed (§ 29)'); END;
CREATE TABLE IF NOT EXISTS record_corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting TEXT NOT NULL,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  by_role TEXT NOT NULL CHECK (by_role IN ('chair', 'secretariat')),
  by_person TEXT,
  item_id TEXT,
  text TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS record_corrections_no_update BEFORE UPDATE ON record_corrections
  BEGIN SELECT RAISE(ABORT, 'a correction is never changed; add a new one (§ 29)'); END;
CREATE TRIGGER IF NOT EXISTS record_corrections_no_delete BEFORE DELETE ON record_corrections
  BEGIN SELECT RAISE(ABORT, 'a correction is never removed; add a new one (§ 29)'); END;
-- The council's roster changes (a member leaves, a substitute becomes a member, § 8), in a
-- hash chain of their own beside the meetings' logs.
CREATE TABLE IF NOT EXISTS council_events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  change TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
`;

/** Tables that once held one meeting (no \`meeting\` column) and are copied under its id. */
const ONE_MEETING_TABLES: Record<string, string> = {
  events: 'seq, nonce, type, action, ctx, version, prev_hash, hash',
  ballots: 'vote_id, person_id, choice',
  vote_results: 'vote_id, present, counts, adopted, closed_at',
  record_signatures: 'role, person, name, at, last_seq, last_hash, setup_hash',
  record_corrections: 'id, at, by, by_role, by_person, item_id, text, last_seq, last_hash',
};
export const FIRST_MEETING = 'm1';

const columns = (db: DB, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/**
 * A file from before the council term held one meeting: its set-up in meta.setup and its
 * log in tables without a meeting column. It becomes meeting m1 of a council whose roster is
 * that set-up's, live, with its log, ballots, results, signatures and corrections copied
 * unchanged (the hashes cover no meeting id, so the chain and the signatures still verify).
 */
function migrateOneMeetingFile(db: DB) {
  const old = Object.keys(ONE_MEETING_TABLES).filter((t) => {
    const cols = columns(db, t);
    return cols.length > 0 && !cols.includes('meeting');
  });
  db.transaction(() => {
    for (const t of old) db.exec(`ALTER TABLE ${t} RENAME TO ${t}_one_meeting`);
    db.exec(SCHEMA);
    for (const t of old) {
      const cols = ONE_MEETING_TABLES[t]!;
      db.prepare(`INSERT INTO ${t} (meeting, ${cols}) SELECT ?, ${cols} FROM ${t}_one_meeting`).run(FIRST_MEETING);
      // The old table's triggers go with it; the schema puts them on the new one.
      db.exec(`DROP TABLE ${t}_one_meeting`);
    }
    if (old.length) db.exec(SCHEMA);
    const setupRow = db.prepare("SELECT value FROM meta WHERE key = 'setup'").get() as { value: string } | undefined;
    if (!setupRow || db.prepare('SELECT 1 FROM meetings LIMIT 1').get()) return;
    const setup = JSON.parse(setupRow.value) as MeetingSetup;
    // NULL when the file had none: the set-up hash then covers '' as it did (server/record/chain.ts).
    const configText = (db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as { value: string } | undefined)?.value ?? null;
    const first = db.prepare('SELECT ctx FROM events WHERE meeting = ? ORDER BY seq LIMIT 1').get(FIRST_MEETING) as { ctx: string } | undefined;
    const at = first ? (JSON.parse(first.ctx) as Context).now : Date.now();
    const { agenda, title, ...council } = setup;
    db.prepare(
      'INSERT INTO meetings (id, ord, title, date, time, status, agenda, setup, config, base_version, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
    ).run(FIRST_MEETING, title, isoDay(at), '17:00', 'planned', JSON.stringify(agenda), setupRow.value, configText, at);
    setMeta(db, 'council', council);
    setMeta(db, 'live', FIRST_MEETING);
    db.prepare("DELETE FROM meta WHERE key = 'setup'").run();
  })();
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}


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
  migrateOneMeetingFile(db);
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

/** The council's standing part: everything of a meeting's set-up but its title and agenda. */
export type Council = Omit<MeetingSetup, 'title' | 'agenda'>;

/** The meeting the chamber's screens show now (meta.live). */
export function liveMeetingId(db: DB): string | null {
  return getMeta<string>(db, 'live');
}

/**
 * Stores a council and its first meeting (chamber, members, groups, seats, agenda), live, and
 * the credentials: passwords as scrypt, codes and seat keys as HMAC under the server key
 * (server/store/credentials.ts). Credentials the server generated for it (`generated`) are
 * written once to the provisioning file, before the set-up commits: all or nothing.
 */
export function saveSetup(
  db: DB,
  setup: MeetingSetup,
  config: Partial<ChamberConfig>,
  creds: Credentials,
  generated?: { source: 'setup' | 'demo'; credentials: Partial<Credentials> },
  when: { date: string; time: string; now: number } = today(),
) {
  db.transaction(() => {
    const { title, agenda, ...council } = setup;
    setMeta(db, 'council', council);
    setMeta(db, 'config', config);
    db.prepare(
      'INSERT INTO meetings (id, ord, title, date, time, status, agenda, setup, config, base_version, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
    ).run(FIRST_MEETING, title, when.date, when.time, 'planned', JSON.stringify(agenda), JSON.stringify(setup), JSON.stringify(config), when.now);
    setMeta(db, 'live', FIRST_MEETING);
    storeCredentials(db, creds);
    if (generated) credentialsOf(db).provision({ source: generated.source, ...generated.credentials });
  })();
}

function today(): { date: string; time: string; now: number } {
  const now = Date.now();
  return { date: isoDay(now), time: '17:00', now };
}

export interface LoadedSetup {
  meetingId: string;
  setup: MeetingSetup;
  config: Partial<ChamberConfig>;
  /** The version the meeting's state starts from (its log's versions follow it). */
  baseVersion: number;
}

/** A meeting's fixed set-up (the live one's by default); null if it never went live. */
export function loadSetup(db: DB, meetingId: string | null = liveMeetingId(db)): LoadedSetup | null {
  if (!meetingId) return null;
  const row = db.prepare('SELECT setup, config, base_version FROM meetings WHERE id = ?').get(meetingId) as
    | { setup: string | null; config: string | null; base_version: number }
    | undefined;
  if (!row?.setup) return null;
  return {
    meetingId,
    setup: JSON.parse(row.setup) as MeetingSetup,
    config: JSON.parse(row.config ?? '{}') as Partial<ChamberConfig>,
    baseVersion: row.base_version,
  };
}

/** A meeting's log in order (the live meeting's by default). */
export function* readEvents(db: DB, meetingId: string | null = liveMeetingId(db)): Generator<StoredEvent> {
  const rows = db.prepare('SELECT seq, action, ctx, version, prev_hash, hash FROM events WHERE meeting = ? ORDER BY seq').iterate(meetingId) as Iterable<{
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

/** The head of a meeting's chain (the live meeting's by default). */
export function lastHash(db: DB, meetingId: string | null = liveMeetingId(db)): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM events WHERE meeting = ? ORDER BY seq DESC LIMIT 1').get(meetingId) as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}
