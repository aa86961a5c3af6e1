import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendProvisioning, hasSecrets, type ProvisioningEntry } from '../security/provisioning';
import {
  newCodes,
  createKeyFile,
  hashPassword,
  hashPasswordSync,
  isLegacyHash,
  keyFileExists,
  passwordNeedsRehash,
  readableByOthers,
  readKeyFile,
  sameStored,
  ServerKey,
  ServerKeyError,
  verifyPassword,
  withPasswordSlot,
  wrapLegacyPassword,
} from '../security/secrets';

type DB = Database.Database;

/** The secrets of a meeting, in clear: only ever in memory, in a set-up file or in the provisioning file. */
export interface Credentials {
  codes: Record<string, string>;
  seatKeys: Record<string, string>;
  chairPasswords: Record<string, string>;
  secretariatPassword: string;
}

export type CodeKind = 'code' | 'seatKey';
export type PasswordKind = 'chair' | 'secretariat';

export interface CredentialFiles {
  /** The server key (`--key-file`, SALEN_KEY_FILE); default `<database>.key`. */
  keyFile?: string;
  /** Where generated credentials are written once (`--provisioning-file`); default `<database>.provisioning.jsonl`. */
  provisioningFile?: string;
}

export const defaultKeyFile = (dbPath: string) => `${dbPath}.key`;
export const defaultProvisioningFile = (dbPath: string) => `${dbPath}.provisioning.jsonl`;

/** A database's credentials: the server key in memory and the statements that use it. */
export interface CredentialStore {
  readonly key: ServerKey;
  readonly keyFile: string | null;
  readonly provisioningFile: string | null;
  /** How many stored values of the old format (bare SHA-256) were wrapped at this start. */
  readonly upgraded: number;
  /** Writes credentials the server made to the provisioning file (nowhere else). */
  provision(entry: ProvisioningEntry): void;
}

interface Store extends CredentialStore {
  byValue: Database.Statement;
  bySubject: Database.Statement;
  replace: Database.Statement;
  insert: Database.Statement;
}

const META_KEY = 'serverKey';
const stores = new WeakMap<DB, Store>();

function metaValue(db: DB, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

function refuseMissing(dbPath: string, keyFile: string): never {
  throw new ServerKeyError(
    `${dbPath} stores its personal codes and seat keys under a server key, but the key file ${keyFile} does not exist.\n` +
      `Restore the key file from where you keep it (it was created beside the database at its first start), or give its path with --key-file PATH (or SALEN_KEY_FILE).\n` +
      `If the key is lost, no code or seat key of this database can be checked again: start a new database from the set-up file ` +
      `(--db NEW.sqlite --setup FILE) and hand out new codes and seat links. The old database's log still verifies without the key (npm run -s verify).`,
  );
}

function refuseWrong(dbPath: string, keyFile: string): never {
  throw new ServerKeyError(
    `${keyFile} is not the server key of ${dbPath}: the database's codes and seat keys were stored under another key.\n` +
      `Give the right key file with --key-file PATH (or SALEN_KEY_FILE); each database has its own, created beside it at its first start (<database>.key).`,
  );
}

/**
 * Opens a database's credentials (at start, before anything is checked): reads the server key
 * (creating it, mode 0600, if the database holds nothing stored under a key yet), refuses a
 * missing or foreign key with a message that says what to do, and wraps values of the old
 * format in place. Without this call the first use opens them with the default files.
 */
export function openCredentials(db: DB, files: CredentialFiles = {}): CredentialStore {
  const dbPath = db.name;
  const keyFile = files.keyFile ?? (db.memory ? null : defaultKeyFile(dbPath));
  const provisioningFile = files.provisioningFile ?? (db.memory ? null : defaultProvisioningFile(dbPath));
  const check = metaValue(db, META_KEY);
  const keyed = db.prepare("SELECT 1 FROM credentials WHERE secret_hash LIKE 'hmac-sha256%' LIMIT 1").get() !== undefined;
  let key: ServerKey;
  if (!keyFile) key = new ServerKey(randomBytes(32));
  else if (keyFileExists(keyFile)) {
    key = readKeyFile(keyFile);
    if (check !== undefined && JSON.parse(check) !== key.check()) refuseWrong(dbPath, keyFile);
    if (readableByOthers(keyFile)) console.error(`warning: ${keyFile} can be read by other users; chmod 600 ${keyFile}`);
  } else if (check !== undefined || keyed) refuseMissing(dbPath, keyFile);
  else key = createKeyFile(keyFile);

  let upgraded = 0;
  db.transaction(() => {
    if (check === undefined)
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(META_KEY, JSON.stringify(key.check()));
    // The old format: bare SHA-256 hex, its plaintext gone. Wrapped under today's schemes and
    // checked by hashing the input with SHA-256 first; replaced outright at the next correct use.
    const old = (db.prepare('SELECT kind, subject, secret_hash FROM credentials').all() as { kind: string; subject: string; secret_hash: string }[]).filter((r) =>
      isLegacyHash(r.secret_hash),
    );
    const set = db.prepare('UPDATE credentials SET secret_hash = ? WHERE kind = ? AND subject = ?');
    for (const r of old) {
      const wrapped = r.kind === 'code' || r.kind === 'seatKey' ? key.wrapLegacy(r.secret_hash) : wrapLegacyPassword(r.secret_hash);
      set.run(wrapped, r.kind, r.subject);
    }
    upgraded = old.length;
  })();

  const store: Store = {
    key,
    keyFile,
    provisioningFile,
    upgraded,
    provision(entry) {
      if (!hasSecrets(entry)) return;
      if (!provisioningFile) throw new Error('no provisioning file for an in-memory database');
      appendProvisioning(provisioningFile, entry);
    },
    byValue: db.prepare('SELECT subject, secret_hash FROM credentials WHERE kind = ? AND secret_hash IN (?, ?)'),
    bySubject: db.prepare('SELECT secret_hash FROM credentials WHERE kind = ? AND subject = ?'),
    replace: db.prepare('UPDATE credentials SET secret_hash = ? WHERE kind = ? AND subject = ? AND secret_hash = ?'),
    insert: db.prepare('INSERT OR REPLACE INTO credentials (kind, subject, secret_hash) VALUES (?, ?, ?)'),
  };
  stores.set(db, store);
  return store;
}

function storeOf(db: DB): Store {
  const s = stores.get(db);
  if (s) return s;
  openCredentials(db);
  return stores.get(db)!;
}

/** The database's credential store (opened with the default files on first use). */
export function credentialsOf(db: DB): CredentialStore {
  return storeOf(db);
}

/** Stores a set-up's credentials (call inside the set-up's transaction). */
export function storeCredentials(db: DB, creds: Credentials) {
  const s = storeOf(db);
  for (const [person, code] of Object.entries(creds.codes)) s.insert.run('code', person, s.key.tag(code));
  for (const [seat, key] of Object.entries(creds.seatKeys)) s.insert.run('seatKey', seat, s.key.tag(key));
  for (const [person, pw] of Object.entries(creds.chairPasswords)) s.insert.run('chair', person, hashPasswordSync(pw));
  s.insert.run('secretariat', 'secretariat', hashPasswordSync(creds.secretariatPassword));
}

/** A seat's key stored anew (rotation); false when the seat has none. */
export function setSeatKey(db: DB, seatId: string, key: string): boolean {
  const s = storeOf(db);
  const r = db.prepare("UPDATE credentials SET secret_hash = ? WHERE kind = 'seatKey' AND subject = ?").run(s.key.tag(key), seatId);
  return r.changes === 1;
}

/**
 * New personal codes for these persons (a code reset): `digits` digits, none equal to any code
 * stored now (checked through its HMAC, the only form kept), stored and written to the
 * provisioning file in one transaction, so a failed write changes nothing. The codes are
 * returned once, for the letters; they are kept nowhere else.
 */
export function resetCodes(db: DB, personIds: string[], digits: number, source: 'person.resetCode' | 'person.resetAllCodes' | 'person.add' | 'council.import'): Record<string, string> {
  const s = storeOf(db);
  const taken = new Set<string>();
  let codes = newCodes(personIds, digits);
  for (;;) {
    const clash = Object.values(codes).filter((c) => findBySecret(db, 'code', c) !== null);
    if (clash.length === 0) break;
    for (const c of clash) taken.add(c);
    codes = newCodes(personIds, digits, taken);
  }
  db.transaction(() => {
    for (const [person, code] of Object.entries(codes)) s.insert.run('code', person, s.key.tag(code));
    s.provision({ source, codes });
  })();
  return codes;
}

/**
 * The person or seat whose code or key this is, or null. The lookup is by the keyed HMAC,
 * which nobody without the server key can compute, so how long the index takes says nothing
 * about the secret; the row found is compared once more in constant time all the same.
 */
export function findBySecret(db: DB, kind: CodeKind, secret: string): string | null {
  const s = storeOf(db);
  const direct = s.key.tag(secret);
  const wrapped = s.key.tagLegacy(secret);
  for (const row of s.byValue.all(kind, direct, wrapped) as { subject: string; secret_hash: string }[]) {
    if (sameStored(row.secret_hash, direct)) return row.subject;
    if (sameStored(row.secret_hash, wrapped)) {
      // Known in clear for a moment: the old format's wrapping can go.
      s.replace.run(direct, kind, row.subject, wrapped);
      return row.subject;
    }
  }
  return null;
}

/**
 * Whether this is the chair's (or the secretariat's) password: scrypt on libuv's thread pool,
 * compared in constant time. Throws SecretsBusyError when too many checks are already waiting.
 */
export async function checkSecret(db: DB, kind: PasswordKind, subject: string, secret: string): Promise<boolean> {
  const s = storeOf(db);
  const row = s.bySubject.get(kind, subject) as { secret_hash: string } | undefined;
  if (!row) return false;
  return withPasswordSlot(async () => {
    const ok = await verifyPassword(row.secret_hash, secret);
    if (ok && passwordNeedsRehash(row.secret_hash)) {
      const fresh = await hashPassword(secret);
      // The server may have closed the database while the hash was computed.
      if (db.open) s.replace.run(fresh, kind, subject, row.secret_hash);
    }
    return ok;
  });
}
