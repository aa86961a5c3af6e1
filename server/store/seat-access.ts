import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { credentialsOf, setSeatKey } from './credentials';
import type { DB } from './db';

/**
 * Who may act at a seat (issue #11): the seat key only opens the seat's terminal; the member
 * is the tablet session that entered the member's code. A session token is 256 random bits,
 * stored as its SHA-256 (a guess is hopeless, so no slow hash is needed), kept in SQLite so a
 * restart of the server does not sign every tablet out.
 */
export interface SeatSession {
  seatId: string;
  personId: string;
  tokenHash: string;
  since: number;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export class SeatAccess {
  private sessions = new Map<string, SeatSession>();
  private put;
  private remove;

  constructor(private db: DB) {
    db.exec(`CREATE TABLE IF NOT EXISTS seat_sessions (
      seat_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, token_hash TEXT NOT NULL, since INTEGER NOT NULL
    )`);
    for (const r of db.prepare('SELECT seat_id, person_id, token_hash, since FROM seat_sessions').all() as {
      seat_id: string;
      person_id: string;
      token_hash: string;
      since: number;
    }[])
      this.sessions.set(r.seat_id, { seatId: r.seat_id, personId: r.person_id, tokenHash: r.token_hash, since: r.since });
    this.put = db.prepare(
      'INSERT INTO seat_sessions (seat_id, person_id, token_hash, since) VALUES (?, ?, ?, ?) ON CONFLICT(seat_id) DO UPDATE SET person_id = excluded.person_id, token_hash = excluded.token_hash, since = excluded.since',
    );
    this.remove = db.prepare('DELETE FROM seat_sessions WHERE seat_id = ?');
  }

  get(seatId: string): SeatSession | undefined {
    return this.sessions.get(seatId);
  }

  all(): SeatSession[] {
    return [...this.sessions.values()];
  }

  /** The seat's current session, if `token` is its token (compared once, at the handshake). */
  sessionFor(seatId: string, token: unknown): SeatSession | null {
    const s = this.sessions.get(seatId);
    if (!s || typeof token !== 'string' || token.length === 0 || token.length > 128) return null;
    return sameHash(s.tokenHash, hash(token)) ? s : null;
  }

  /** A new session for the member at this seat (replacing any other): stored before it is returned. */
  start(seatId: string, personId: string, now = Date.now()): { token: string; session: SeatSession } {
    const token = newSecret();
    const session = { seatId, personId, tokenHash: hash(token), since: now };
    this.put.run(seatId, personId, session.tokenHash, now);
    this.sessions.set(seatId, session);
    return { token, session };
  }

  end(seatId: string) {
    if (!this.sessions.has(seatId)) return;
    this.remove.run(seatId);
    this.sessions.delete(seatId);
  }

  /**
   * A new key for a seat (a lost tablet): the old key stops working at once. The key is
   * written to the provisioning file before the change commits (a failed write changes
   * nothing) and returned to the secretariat's console once; it is kept nowhere else.
   */
  rotateKey(seatId: string): string {
    const key = newSecret();
    this.db.transaction(() => {
      if (!setSeatKey(this.db, seatId, key)) throw new Error(`seat ${seatId} has no key`);
      this.remove.run(seatId);
      credentialsOf(this.db).provision({ source: 'seat.rotateKey', seatKeys: { [seatId]: key } });
    })();
    this.sessions.delete(seatId);
    return key;
  }

  /**
   * New keys for every seat at once (provisioning a chamber): one transaction and one
   * provisioning entry, so either every old key stops working or none does.
   */
  rotateAllKeys(seatIds: string[]): Record<string, string> {
    const keys = Object.fromEntries(seatIds.map((id) => [id, newSecret()]));
    this.db.transaction(() => {
      for (const [seatId, key] of Object.entries(keys)) {
        if (!setSeatKey(this.db, seatId, key)) throw new Error(`seat ${seatId} has no key`);
        this.remove.run(seatId);
      }
      credentialsOf(this.db).provision({ source: 'seat.rotateAllKeys', seatKeys: keys });
    })();
    for (const seatId of seatIds) this.sessions.delete(seatId);
    return keys;
  }
}
