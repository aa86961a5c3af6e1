import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createHash, createHmac, randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import path from 'node:path';

// Secrets at rest (issue #13). What the credentials table stores, by kind:
//
//   passwords (chair, secretariat)  scrypt$N=32768,r=8,p=1$<salt>$<hash>     (base64url salt and hash)
//   personal codes, seat keys       hmac-sha256$<hex>                        (under the server key)
//
// A database from before stored bare SHA-256 hex. Those values are wrapped on start, since the
// plaintext is gone: `scrypt(sha256)$…` and `hmac-sha256(sha256)$…` are the same schemes
// applied to the old SHA-256 hex, and the input is hashed with SHA-256 first to check them.
// The prefix carries the scheme and (for scrypt) the cost, so the cost can be raised later:
// a password stored at a lower cost, or wrapped, is hashed anew at its next correct sign-in.

/** The cost of a password hash: about 70 ms on the 2-core machine it was measured on (docs/security.md). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SCRYPT_KEYLEN = 32;
const SALT_BYTES = 16;
/** The server key: 32 random bytes. */
export const SERVER_KEY_BYTES = 32;

export type PasswordScheme = 'scrypt' | 'scrypt(sha256)';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A value stored by the code before issue #13: bare SHA-256 hex. */
export const isLegacyHash = (stored: string) => /^[0-9a-f]{64}$/.test(stored);

// scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is exactly that at N = 2^15.
const maxmem = (p: ScryptParams) => 256 * p.N * p.r;

function parsePassword(stored: string): { scheme: PasswordScheme; params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const m = /^(scrypt|scrypt\(sha256\))\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return null;
  const params = { N: Number(m[2]), r: Number(m[3]), p: Number(m[4]) };
  // A stored value is read, never trusted to set an absurd cost.
  if (params.N < 2 || params.N > 2 ** 22 || (params.N & (params.N - 1)) !== 0 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { scheme: m[1] as PasswordScheme, params, salt: Buffer.from(m[5]!, 'base64url'), hash: Buffer.from(m[6]!, 'base64url') };
}

const formatPassword = (scheme: PasswordScheme, p: ScryptParams, salt: Buffer, hash: Buffer) =>
  `${scheme}$N=${p.N},r=${p.r},p=${p.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;

/**
 * A password's stored form (synchronous: for set-up and start-up, never on a live socket).
 * For `scrypt(sha256)` the input is the old SHA-256 hex, not the password.
 */
export function hashPasswordSync(input: string, scheme: PasswordScheme = 'scrypt', params: ScryptParams = SCRYPT): string {
  const salt = randomBytes(SALT_BYTES);
  return formatPassword(scheme, params, salt, scryptSync(input, salt, SCRYPT_KEYLEN, { ...params, maxmem: maxmem(params) }));
}

function scryptAsync(input: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(input, salt, keylen, { ...params, maxmem: maxmem(params) }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A password's stored form, hashed on libuv's thread pool so the meeting's event loop keeps going. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return formatPassword('scrypt', params, salt, await scryptAsync(password, salt, SCRYPT_KEYLEN, params));
}

/** Wraps a stored SHA-256 hex of a password (the old format) in scrypt. */
export function wrapLegacyPassword(oldHex: string): string {
  return hashPasswordSync(oldHex, 'scrypt(sha256)');
}

/** Whether `password` is the one stored; the hashes are compared in constant time. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parsePassword(stored);
  if (!parsed) return false;
  const input = parsed.scheme === 'scrypt(sha256)' ? sha256Hex(password) : password;
  const hash = await scryptAsync(input, parsed.salt, parsed.hash.length, parsed.params);
  return hash.length === parsed.hash.length && timingSafeEqual(hash, parsed.hash);
}

/** A stored password to hash anew at its next correct sign-in: wrapped, or below today's cost. */
export function passwordNeedsRehash(stored: string): boolean {
  const parsed = parsePassword(stored);
  if (!parsed) return false;
  return parsed.scheme !== 'scrypt' || parsed.params.N < SCRYPT.N || parsed.params.r < SCRYPT.r || parsed.params.p < SCRYPT.p;
}

/**
 * The server key: HMAC-SHA-256 under it turns a personal code or a seat key into the value
 * stored and looked up. Without the key a stored value cannot be tested against guesses, so
 * a copy of the database alone does not reveal a six-digit code (or a four-digit one).
 */
export class ServerKey {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== SERVER_KEY_BYTES) throw new Error(`a server key has ${SERVER_KEY_BYTES} bytes, not ${key.length}`);
    this.#key = Buffer.from(key);
  }

  #mac(text: string): string {
    return createHmac('sha256', this.#key).update(text, 'utf8').digest('hex');
  }

  /** The stored form of a code or seat key. */
  tag(secret: string): string {
    return `hmac-sha256$${this.#mac(secret)}`;
  }

  /** The stored form of an old (SHA-256 hex) value, wrapped; `tagLegacy(secret)` finds it. */
  wrapLegacy(oldHex: string): string {
    return `hmac-sha256(sha256)$${this.#mac(oldHex)}`;
  }

  tagLegacy(secret: string): string {
    return this.wrapLegacy(sha256Hex(secret));
  }

  /**
   * A fingerprint kept in the database, so a start with another database's key is refused
   * instead of refusing every sign-in. An HMAC of a fixed text: it tells nothing of the key.
   */
  check(): string {
    return this.#mac('salen: server key check');
  }
}

/** Equal stored forms, compared in constant time (forms of different length are simply unequal). */
export function sameStored(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why a server key file cannot be used: the message says what to do. */
export class ServerKeyError extends Error {
  override name = 'ServerKeyError';
}

/** Reads a key file: 32 raw bytes, or 64 hex digits (a key kept in a password manager). */
export function readKeyFile(file: string): ServerKey {
  const raw = readFileSync(file);
  if (raw.length === SERVER_KEY_BYTES) return new ServerKey(raw);
  const text = raw.toString('utf8').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return new ServerKey(Buffer.from(text, 'hex'));
  throw new ServerKeyError(
    `${file}: not a Salen server key (${SERVER_KEY_BYTES} bytes, or 64 hex digits; this file has ${raw.length} bytes). ` +
      'Restore the key file from your backup, or give the right one with --key-file PATH (SALEN_KEY_FILE).',
  );
}

/** Whether others than the owner may read the file (a key should be mode 0600). */
export function readableByOthers(file: string): boolean {
  return process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0;
}

/**
 * A new key file with 32 random bytes, mode 0600. Written to a temporary name, synced, then
 * linked into place, so a crash leaves either no key file or a whole one, and two servers
 * starting at once cannot both create one.
 */
export function createKeyFile(file: string): ServerKey {
  const key = randomBytes(SERVER_KEY_BYTES);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } finally {
    unlinkSync(tmp);
  }
  syncDir(path.dirname(file));
  return new ServerKey(key);
}

/** The directory's entry for a new file is on disk too (a power cut must not lose the key). */
export function syncDir(dir: string) {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can open a directory for fsync (Windows); the file itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const keyFileExists = (file: string) => existsSync(file);

/** Too many password checks already waiting: refused before any work (not counted as a guess). */
export class SecretsBusyError extends Error {
  override name = 'SecretsBusyError';
}

// A password check costs tens of ms of a core and 32 MiB. A burst of handshakes with made-up
// passwords (all arriving before the first failure is counted) must not queue minutes of
// work or starve the thread pool: at most 2 run at once, 32 wait, the rest are refused busy.
const SLOTS = 2;
const MAX_WAITING = 32;
let running = 0;
const waiting: (() => void)[] = [];

export async function withPasswordSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running < SLOTS) running++;
  else if (waiting.length >= MAX_WAITING) throw new SecretsBusyError('too many password checks at once');
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await fn();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// What the server draws when it makes credentials itself (CSV import, the demo, rotation).
// Each meets the set-up import's minimums (server/setup/import.ts).

/** 18 random bytes: a 24-character base64url seat key (144 bits). */
export const newSeatKey = () => randomBytes(18).toString('base64url');
/** 12 random bytes: a 16-character base64url password (96 bits). */
export const newPassword = () => randomBytes(12).toString('base64url');

/** Distinct random personal codes of `digits` digits for these persons, none in `taken`. */
export function newCodes(ids: string[], digits: number, taken: Iterable<string> = []): Record<string, string> {
  const used = new Set(taken);
  const space = 9 * 10 ** (digits - 1);
  if (used.size + ids.length > space / 10) throw new Error(`too many persons for ${digits}-digit codes`);
  const codes: Record<string, string> = {};
  for (const id of ids) {
    let code: string;
    do code = String(randomInt(10 ** (digits - 1), 10 ** digits));
    while (used.has(code));
    used.add(code);
    codes[id] = code;
  }
  return codes;
}
