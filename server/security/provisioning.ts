import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncDir } from './secrets';

/**
 * Credentials the server made itself (issue #13): a set-up whose seat keys, passwords or codes
 * were generated, the demo's, a seat key rotated by the secretariat. Each is written here
 * once and printed nowhere else — not on stdout, not in a log. One JSON object a line, later
 * lines overriding earlier ones for the same seat or person:
 *
 *   {"at":"2026-03-02T17:01:12.345Z","source":"setup","seatKeys":{"S01":"…"},"chairPasswords":{"m1":"…"}}
 *   {"at":"…","source":"seat.rotateKey","seatKeys":{"S14":"…"}}
 *   {"at":"…","source":"person.resetCode","codes":{"m7":"…"}}
 */
export interface ProvisioningEntry {
  source: 'setup' | 'demo' | 'seat.rotateKey' | 'seat.rotateAllKeys' | 'person.resetCode' | 'person.resetAllCodes' | 'person.add' | 'council.import';
  codes?: Record<string, string>;
  seatKeys?: Record<string, string>;
  chairPasswords?: Record<string, string>;
  secretariatPassword?: string;
}

/**
 * Appends one entry, synced to disk before it returns. The file is created with mode 0600 and
 * set back to 0600 on every write, in case someone widened it.
 */
export function appendProvisioning(file: string, entry: ProvisioningEntry, now = new Date()) {
  const fresh = !existsSync(file);
  const fd = openSync(file, 'a', 0o600);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
    writeSync(fd, `${JSON.stringify({ at: now.toISOString(), ...entry })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (fresh) syncDir(path.dirname(file));
}

/** Whether an entry carries any secret at all (an import that generated nothing writes nothing). */
export function hasSecrets(e: Omit<ProvisioningEntry, 'source'>): boolean {
  return (
    Object.keys(e.codes ?? {}).length > 0 ||
    Object.keys(e.seatKeys ?? {}).length > 0 ||
    Object.keys(e.chairPasswords ?? {}).length > 0 ||
    !!e.secretariatPassword
  );
}
