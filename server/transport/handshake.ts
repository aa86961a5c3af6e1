import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol';
import type { MeetingService } from '../meeting/service';
import { SecretsBusyError } from '../security/secrets';
import { checkSecret, findBySecret } from '../store/credentials';
import { Backoff } from './backoff';
import { REJECTED_EVENT } from './packet-guard';
import type { SeatIdentity, SeatTerminals } from './seats';

export type Identity =
  | { role: 'public' }
  | SeatIdentity
  | { role: 'chair'; personId: string }
  | { role: 'secretariat' };

/** What the server keeps on a socket: who it is (set by the handshake) and the view version it was last sent. */
export interface SocketData {
  id: Identity;
  viewVersion?: number;
}
/** socket.io typed by the protocol (shared/protocol.ts). */
export type SalenServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type SalenSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface HandshakeOptions {
  /** The client's address for per-address back-off (behind a reverse proxy: the forwarded one). */
  clientAddress: (req: IncomingMessage) => string;
  /** Failed handshakes before an address or an account is locked (30 s, then doubling). */
  addressFailures?: number;
  accountFailures?: number;
  firstLockMs?: number;
}

type Next = (err?: Error) => void;

/** A refused handshake: `connect_error` with this message (and `data`, e.g. `retryAfterMs`). */
function refused(message: string, data?: Record<string, unknown>): Error {
  return Object.assign(new Error(message), data ? { data } : {});
}

const text = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : null);

/**
 * Who a socket is, from the handshake's `auth`. Secrets are checked only while neither the
 * address nor the account is locked; each failure counts against both, so seat keys and
 * console passwords cannot be guessed at the speed of the network (issue #11).
 */
export function handshake(service: MeetingService, seats: SeatTerminals, opts: HandshakeOptions) {
  const byAddress = new Backoff({ maxFailures: opts.addressFailures ?? 10, firstLockMs: opts.firstLockMs ?? 30_000 });
  const byAccount = new Backoff({ maxFailures: opts.accountFailures ?? 5, firstLockMs: opts.firstLockMs ?? 30_000 });

  /** The secret this handshake presents, or null when the auth is malformed (not a guess: not counted). */
  function presented(auth: Record<string, unknown>): string | null {
    if (auth.role === 'seat') return text(auth.seatKey);
    if (auth.role === 'chair') return text(auth.personId) && text(auth.password);
    return text(auth.password);
  }

  /** Seat keys are keyed HMACs (fast); passwords are scrypt, off the event loop. */
  async function identify(auth: Record<string, unknown>): Promise<Identity | null> {
    if (auth.role === 'seat') {
      const seatId = findBySecret(service.db, 'seatKey', auth.seatKey as string);
      return seatId ? { role: 'seat', seatId, session: seats.access.sessionFor(seatId, auth.session) } : null;
    }
    if (auth.role === 'chair') {
      const personId = auth.personId as string;
      return (await checkSecret(service.db, 'chair', personId, auth.password as string)) ? { role: 'chair', personId } : null;
    }
    return (await checkSecret(service.db, 'secretariat', 'secretariat', auth.password as string)) ? { role: 'secretariat' } : null;
  }

  async function admit(socket: SalenSocket): Promise<Error | undefined> {
    const raw = socket.handshake.auth as unknown;
    const auth = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
    const role = auth.role ?? 'public';
    if (role === 'public') {
      socket.data.id = { role: 'public' } satisfies Identity;
      return;
    }
    if (role === REJECTED_EVENT) return refused('malformed');
    if (role !== 'seat' && role !== 'chair' && role !== 'secretariat') return refused('unauthorized');
    if (!presented(auth)) return refused('malformed');
    const address = `address:${opts.clientAddress(socket.request)}`;
    const account = role === 'chair' ? `chair:${text(auth.personId) ?? '?'}` : role === 'secretariat' ? 'secretariat' : null;
    for (const [limiter, key] of [[byAddress, address], [byAccount, account]] as const) {
      if (!key) continue;
      const lock = await limiter.check(key);
      if (lock.locked) return refused('rate_limited', { retryAfterMs: lock.retryAfterMs });
    }
    let id: Identity | null;
    try {
      id = await identify(auth);
    } catch (e) {
      // A flood of password guesses: refused unchecked and uncounted, like a lock.
      if (e instanceof SecretsBusyError) return refused('rate_limited', { retryAfterMs: 1000 });
      throw e;
    }
    if (!id) {
      await byAddress.fail(address);
      if (account) await byAccount.fail(account);
      return refused('unauthorized');
    }
    // A success clears the account's failures, never the address's: one valid key must not
    // buy an address fresh guesses at the chair's password.
    if (account) await byAccount.succeed(account);
    if (id.role === 'seat' && !seats.admit(id.seatId, !!seats.memberOf(id))) return refused('seat_busy');
    socket.data.id = id;
  }

  return (socket: SalenSocket, next: Next) => {
    admit(socket).then(
      (err) => next(err),
      (e: unknown) => {
        console.error('handshake fault', e);
        next(refused('internal'));
      },
    );
  };
}
