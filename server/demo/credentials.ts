import Database from 'better-sqlite3';
import type { ChamberConfig } from '../../shared/config';
import type { ItemSetup, MeetingSetup } from '../../shared/types';
import { newCodes, newPassword, newSeatKey } from '../security/secrets';
import { getMeta, loadSetup, saveSetup, setMeta, type Credentials, type DB } from '../store/db';
import { demoChamber } from './chamber';

// The demo's credentials are drawn at random (node:crypto) when a demo database is first
// seeded, and kept IN CLEAR TEXT in that database's meta table, so a restart prints the same
// links and `/api/demo` can list them. That is the trade-off of a demo: anyone who can read
// the file (or reach `/api/demo`) has every key and password. A real meeting is set up from
// a file (docs/setup.md) and only keyed or salted hashes of its credentials are stored
// (server/store/credentials.ts).

/** The demo chamber with its credentials in clear (what `RunningServer.demo` holds). */
export interface DemoChamber extends Credentials {
  setup: MeetingSetup;
}

const META_KEY = 'demoCredentials';
/** Six digits: the set-up import's minimum (server/setup/import.ts), like a real meeting's. */
const CODE_DIGITS = 6;

/**
 * Fresh random credentials for a set-up: member codes of six digits like real ones
 * (distinct, because a code is looked up by itself), 24-character seat keys (144 bits) and
 * 16-character console passwords (96 bits).
 */
export function newDemoCredentials(setup: MeetingSetup): Credentials {
  const codes = newCodes(
    setup.persons.map((p) => p.id),
    CODE_DIGITS,
  );
  const seatKeys = Object.fromEntries(setup.chamber.seats.map((s) => [s.id, newSeatKey()]));
  const chairPasswords = Object.fromEntries(setup.chairLine.map((id) => [id, newPassword()]));
  return { codes, seatKeys, chairPasswords, secretariatPassword: newPassword() };
}

/** The demo chamber (at any size) with fresh random credentials, not yet stored anywhere. */
export function newDemo(opts: { seatCount?: number } = {}): DemoChamber {
  const { setup } = demoChamber(opts);
  return { setup, ...newDemoCredentials(setup) };
}

/**
 * Seeds an empty database with the demo chamber and new random credentials, kept in `meta`
 * and written to the provisioning file like any credentials the server draws.
 */
export function seedDemo(
  db: DB,
  opts: { seatCount?: number; config?: Partial<ChamberConfig>; when?: { date: string; time: string; now: number }; agenda?: ItemSetup[] } = {},
): DemoChamber {
  const demo = newDemo({ seatCount: opts.seatCount });
  if (opts.agenda) demo.setup.agenda = opts.agenda;
  const memberCount = demo.setup.persons.filter((p) => p.kind === 'member').length;
  const { codes, seatKeys, chairPasswords, secretariatPassword } = demo;
  db.transaction(() => {
    saveSetup(db, demo.setup, { memberCount, ...opts.config }, demo, { source: 'demo', credentials: { codes, seatKeys, chairPasswords, secretariatPassword } }, opts.when);
    storeDemoCredentials(db, demo);
  })();
  return demo;
}

/** Keeps a demo's credentials in clear in the database (demo only: see the file comment). */
export function storeDemoCredentials(db: DB, creds: Credentials) {
  const { codes, seatKeys, chairPasswords, secretariatPassword } = creds;
  setMeta(db, META_KEY, { codes, seatKeys, chairPasswords, secretariatPassword });
}

/** A demo's new keys or codes (a rotation, a code reset), so `/api/demo` lists the live ones. */
export function updateDemoSecrets(db: DB, fresh: { seatKeys?: Record<string, string>; codes?: Record<string, string> }) {
  const creds = storedDemoCredentials(db);
  if (creds)
    storeDemoCredentials(db, { ...creds, seatKeys: { ...creds.seatKeys, ...fresh.seatKeys }, codes: { ...creds.codes, ...fresh.codes } });
}

/** The demo credentials kept in this database, or null (not a demo database, or an old one). */
export function storedDemoCredentials(db: DB): Credentials | null {
  const c = getMeta<Partial<Credentials>>(db, META_KEY);
  if (!c || typeof c !== 'object' || !c.codes || !c.seatKeys || !c.chairPasswords || typeof c.secretariatPassword !== 'string') return null;
  return { codes: c.codes, seatKeys: c.seatKeys, chairPasswords: c.chairPasswords, secretariatPassword: c.secretariatPassword };
}

/**
 * The set-up and demo credentials of a demo database file, read-only (safe while the server
 * runs on it). For scripts and tests that start `server/main.ts --demo` as a process.
 */
export function readDemoCredentials(dbPath: string): DemoChamber {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const loaded = loadSetup(db);
    const creds = storedDemoCredentials(db);
    if (!loaded || !creds) throw new Error(`${dbPath} is not a demo database (no demo credentials stored)`);
    return { setup: loaded.setup, ...creds };
  } finally {
    db.close();
  }
}
