import type { CheckInAck, RotateKeyAck, RotateAllKeysAck, AckRefusal, SeatLock, SessionEnd } from '../../shared/protocol';
import type { SalenSocket as Socket } from './handshake';
import { checkInSeat } from '../../shared/engine/selectors';
import type { EngineEvent } from '../../shared/types';
import { serverRefusal, type MeetingService } from '../meeting/service';
import { findBySecret } from '../store/credentials';
import { SeatAccess, type SeatSession } from '../store/seat-access';
import { updateDemoSecrets } from '../demo/credentials';
import { Backoff } from './backoff';

/** Why a tablet stopped being the member (the `session` event, docs/protocol.md). */
export type { SessionEnd };

export interface SeatIdentity {
  role: 'seat';
  seatId: string;
  /**
   * The session this socket presented at its handshake (or was given at check-in), by
   * reference: it is the member while that object is still the seat's current session.
   */
  session: SeatSession | null;
}

export interface SeatTerminalOptions {
  graceMs: number;
  /** Sockets open at once with one seat key (issue #11: "at most a few"). */
  maxSockets: number;
  /** The first code lock; 5 failed codes lock the seat for it, then twice as long each time. */
  codeLockMs: number;
}

/** A seat locked after failed codes (the `seatLocks` event). */
export type SeatLockInfo = SeatLock;

const CODE_FAILURES = 5;

/**
 * The seat terminals (§§ 16–17): which sockets hold each seat key, which one of them is the
 * member (the tablet session that entered the code), the § 16 grace period, and the lock
 * after failed codes. A seat key alone only opens the check-in form.
 */
export class SeatTerminals {
  readonly access: SeatAccess;
  private sockets = new Map<string, Set<Socket>>();
  private graceTimers = new Map<string, NodeJS.Timeout>();
  private codes: Backoff;
  private locks = new Map<string, SeatLockInfo & { timer: NodeJS.Timeout }>();

  constructor(
    private service: MeetingService,
    private opts: SeatTerminalOptions,
    private hooks: {
      /** The socket's room may have changed: send it its room's whole view. */
      resend(socket: Socket): void;
      /** The set of locked seats changed: tell the consoles. */
      locksChanged(): void;
    },
  ) {
    this.access = new SeatAccess(service.db);
    this.codes = new Backoff({ maxFailures: CODE_FAILURES, firstLockMs: opts.codeLockMs });
    // Sessions follow presence: one left over from before a stop ends now if it no longer fits.
    this.reconcile();
    // After a restart no terminal is connected yet: each occupied seat gets its grace period.
    for (const seatId of Object.keys(service.state.presence)) this.armGrace(seatId);
  }

  private occupant = (seatId: string) => this.service.state.presence[seatId]?.personId ?? null;

  /** The person this socket acts as: only the tablet holding the seat's current session. */
  memberOf(id: SeatIdentity): string | null {
    const s = id.session;
    return s && this.access.get(id.seatId) === s && this.occupant(id.seatId) === s.personId ? s.personId : null;
  }

  *allSockets(): Iterable<Socket> {
    for (const set of this.sockets.values()) yield* set;
  }

  socketsOf(seatId: string): Set<Socket> {
    return this.sockets.get(seatId) ?? new Set();
  }

  /**
   * Room for one more socket with this key? A tablet holding the session always gets in (the
   * oldest tablet without it makes way), so copies of a key cannot lock the member out.
   */
  admit(seatId: string, bound: boolean): boolean {
    const set = this.socketsOf(seatId);
    if (set.size < this.opts.maxSockets) return true;
    if (!bound) return false;
    const spare = [...set].find((s) => !this.memberOf(s.data.id as SeatIdentity));
    if (!spare) return false;
    set.delete(spare);
    spare.disconnect(true);
    return true;
  }

  connected(socket: Socket) {
    const id = socket.data.id as SeatIdentity;
    const set = this.sockets.get(id.seatId) ?? new Set();
    set.add(socket);
    this.sockets.set(id.seatId, set);
    if (this.memberOf(id)) this.memberIsBack(id.seatId);
  }

  disconnected(socket: Socket) {
    const id = socket.data.id as SeatIdentity;
    const set = this.sockets.get(id.seatId);
    set?.delete(socket);
    if (set?.size === 0) this.sockets.delete(id.seatId);
    if (this.occupant(id.seatId) && !this.hasMemberSocket(id.seatId)) this.armGrace(id.seatId);
  }

  private hasMemberSocket(seatId: string) {
    for (const s of this.socketsOf(seatId)) if (this.memberOf(s.data.id as SeatIdentity)) return true;
    return false;
  }

  private memberIsBack(seatId: string) {
    clearTimeout(this.graceTimers.get(seatId));
    this.graceTimers.delete(seatId);
    const occ = this.service.state.presence[seatId];
    if (occ && !occ.online) void this.service.dispatch({ type: 'seat.online', seatId }, { role: 'system' });
  }

  // § 16: a seat whose member's tablet is silent longer than the grace period counts as absent,
  // and that tablet's session ends (other tablets with the key do not keep the member present).
  private armGrace(seatId: string) {
    if (this.closed) return;
    clearTimeout(this.graceTimers.get(seatId));
    this.graceTimers.set(
      seatId,
      setTimeout(() => {
        this.graceTimers.delete(seatId);
        if (this.hasMemberSocket(seatId)) return;
        if (this.service.state.presence[seatId]?.online) void this.service.dispatch({ type: 'seat.offline', seatId }, { role: 'system' });
      }, this.opts.graceMs),
    );
  }

  /** After a commit that moved people: sessions whose member left the seat, or went silent, end. */
  afterCommit(events: EngineEvent[]) {
    if (events.some((e) => e.type === 'presence.changed' || e.type.startsWith('substitute.'))) this.reconcile();
  }

  /** Another meeting went live: no grace period of the old one runs on; sessions follow the new presence. */
  meetingChanged() {
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.graceTimers.clear();
    this.reconcile();
  }

  private reconcile() {
    for (const s of this.access.all()) {
      const occ = this.service.state.presence[s.seatId];
      if (!occ || occ.personId !== s.personId) this.endSession(s.seatId, 'checkedOut');
      else if (!occ.online) this.endSession(s.seatId, 'expired');
    }
  }

  /** Ends the seat's session and tells the tablets that held it; they fall back to the check-in form. */
  private endSession(seatId: string, reason: SessionEnd, except?: Socket) {
    const session = this.access.get(seatId);
    if (!session) return;
    this.access.end(seatId);
    for (const sock of this.socketsOf(seatId)) {
      const id = sock.data.id as SeatIdentity;
      if (sock === except || id.session !== session) continue;
      id.session = null;
      sock.emit('session', { ended: reason });
      this.hooks.resend(sock);
    }
  }

  locksNow(): Record<string, SeatLockInfo> {
    const out: Record<string, SeatLockInfo> = {};
    for (const [seatId, l] of this.locks) out[seatId] = { until: l.until, failures: l.failures };
    return out;
  }

  private setLock(seatId: string, retryAfterMs: number, failures: number) {
    clearTimeout(this.locks.get(seatId)?.timer);
    const timer = setTimeout(() => this.clearLock(seatId), retryAfterMs);
    timer.unref();
    this.locks.set(seatId, { until: Date.now() + retryAfterMs, failures, timer });
    this.hooks.locksChanged();
  }

  private clearLock(seatId: string) {
    const l = this.locks.get(seatId);
    if (!l) return;
    clearTimeout(l.timer);
    this.locks.delete(seatId);
    this.hooks.locksChanged();
  }

  /**
   * A code entered at a seat terminal. One refusal for every code that would not check this
   * seat's member (or their substitute, § 8) in, so codes cannot be sorted; five of them lock
   * the seat. The right person gets a new session (moving it from another tablet if need be).
   */
  async checkIn(socket: Socket, code: string): Promise<CheckInAck> {
    const id = socket.data.id as SeatIdentity;
    const seatId = id.seatId;
    const lock = await this.codes.check(seatId);
    if (lock.locked) return seatLocked(lock.retryAfterMs);
    const personId = findBySecret(this.service.db, 'code', code);
    if (!personId || checkInSeat(this.service.state, personId) !== seatId) {
      const after = await this.codes.fail(seatId);
      if (after.locked) {
        this.setLock(seatId, after.retryAfterMs, after.failures);
        return seatLocked(after.retryAfterMs);
      }
      return serverRefusal('BAD_CODE');
    }
    await this.codes.succeed(seatId);
    this.clearLock(seatId);
    let version = this.service.state.version;
    if (this.occupant(seatId) === personId) {
      // The member again (another tablet, or after the grace period): the session moves here.
      if (!this.service.state.presence[seatId]!.online) {
        const r = await this.service.dispatch({ type: 'seat.online', seatId }, { role: 'system' });
        if (!r.ok) return r;
        version = r.version;
      }
    } else {
      const r = await this.service.dispatch({ type: 'presence.checkIn' }, { role: 'member', personId, seatId });
      if (!r.ok) return r;
      version = r.version;
    }
    if (this.occupant(seatId) !== personId) return serverRefusal('INTERNAL', 'Indmeldingen blev afbrudt.', 'The check-in was interrupted.');
    this.endSession(seatId, 'moved', socket);
    const { token, session } = this.access.start(seatId, personId);
    id.session = session;
    this.memberIsBack(seatId);
    this.hooks.resend(socket);
    return { ok: true, version, session: token };
  }

  /** The secretariat gives a seat a new key (a lost tablet): every tablet with the old one is out. */
  rotateKey(seatId: unknown): RotateKeyAck {
    if (typeof seatId !== 'string' || !this.service.state.chamber.seats.some((s) => s.id === seatId))
      return serverRefusal('UNKNOWN_SEAT');
    const key = this.access.rotateKey(seatId);
    // A demo database lists its seat links (/api/demo): keep that list true.
    updateDemoSecrets(this.service.db, { seatKeys: { [seatId]: key } });
    this.dropTablets(seatId);
    return { ok: true, version: this.service.state.version, seatId, key };
  }

  /** New keys for every seat (provisioning the chamber): every tablet is out until it gets its new link. */
  rotateAllKeys(): RotateAllKeysAck {
    const seatIds = this.service.state.chamber.seats.map((s) => s.id);
    const keys = this.access.rotateAllKeys(seatIds);
    updateDemoSecrets(this.service.db, { seatKeys: keys });
    for (const seatId of seatIds) this.dropTablets(seatId);
    return { ok: true, version: this.service.state.version, keys };
  }

  private dropTablets(seatId: string) {
    for (const sock of this.socketsOf(seatId)) {
      sock.emit('session', { ended: 'keyRotated' });
      sock.disconnect(true);
    }
  }

  private closed = false;
  close() {
    this.closed = true;
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.graceTimers.clear();
    for (const l of this.locks.values()) clearTimeout(l.timer);
  }
}

function seatLocked(retryAfterMs: number): AckRefusal & { retryAfterMs: number } {
  const s = Math.ceil(retryAfterMs / 1000);
  return {
    ...serverRefusal(
      'SEAT_LOCKED',
      `For mange forkerte koder; pladsen er låst i ${s} s. Sekretariatet kan se låsen.`,
      `Too many wrong codes; the seat is locked for ${s} s. The secretariat can see the lock.`,
      '§ 16',
    ),
    retryAfterMs,
  };
}
