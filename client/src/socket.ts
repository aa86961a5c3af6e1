import { io, type Socket } from 'socket.io-client';
import type { Ack, ActionBody, AnswerOf, ClientEvent, ClientToServerEvents, Refusal, ServerToClientEvents } from '../../shared/index';
import {
  clearSeatSession,
  dropQueuedView,
  endSeatSession,
  readSeatSession,
  receiveSeatLocks,
  saveSeatSession,
  type SessionEnd,
  receiveNotice,
  receiveOwn,
  receiveView,
  resetStore,
  setOffset,
  useStore,
  onNeedFullView,
} from './store';

export type Auth =
  | { role: 'public' }
  /** The session token is not given here: it is read anew at every (re)connect. */
  | { role: 'seat'; seatKey: string }
  | { role: 'chair'; personId: string; password: string }
  | { role: 'secretariat'; password: string };

/** The answer to a press (`action`, `checkIn`, `seat.rotateKey`): the protocol's ack (shared/protocol.ts). */
export type { Ack };

/** The socket, typed by the protocol's event maps. */
type SalenSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;
const TIME_EVERY_MS = 30_000;

let socket: SalenSocket | null = null;
let stopFollowing: (() => void) | null = null;
let timeTimer: ReturnType<typeof setInterval> | null = null;

/** Client-side refusals: never sent to the server, so never a rule of the standing orders. */
const OFFLINE: Refusal = {
  ok: false,
  code: 'OFFLINE',
  paragraph: '—',
  message: {
    da: 'Ingen forbindelse til serveren — handlingen er ikke sendt.',
    en: 'No connection to the server — the action was not sent.',
  },
};
const TIMEOUT: Refusal = {
  ok: false,
  code: 'TIMEOUT',
  paragraph: '—',
  message: {
    da: 'Serveren svarede ikke i tide. Se skærmen, før du trykker igen.',
    en: 'The server did not answer in time. Check the screen before pressing again.',
  },
};

/** How long a seat waits before trying again when its key already has the most sockets. */
const SEAT_BUSY_RETRY_MS = 15_000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * A seat's handshake is a function, so every reconnect sends the newest session token
 * (docs/protocol.md, "Seat sessions"): after a check-in, a dropped connection comes back as
 * the member; on another tablet (no token) the same key only gets the public view.
 */
function handshake(auth: Auth): Record<string, unknown> | ((cb: (data: object) => void) => void) {
  if (auth.role !== 'seat') return auth;
  return (cb) => {
    const session = readSeatSession();
    cb(session ? { role: 'seat', seatKey: auth.seatKey, session } : { role: 'seat', seatKey: auth.seatKey });
  };
}

function scheduleRetry(s: SalenSocket, ms: number) {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (socket === s && !s.connected) s.connect();
  }, ms);
}

/** socket.io's reconnection after an unexpected drop: from about 1 s, doubling, at most 3 s. */
const RECONNECT = { delayMs: 1000, jitter: 0.5, maxMs: 3000 };
/**
 * After the server's `restarting` notice: the first try 100–500 ms after the drop (spread so
 * 55 tablets and the gallery do not arrive in the same millisecond), then about every second
 * until the server is back, instead of the backoff meant for a network that is down.
 */
export const AFTER_RESTART = { delayMs: 300, jitter: 0.67, maxMs: 1000 };

/** The part of a socket.io client socket that `followRestarts` uses (the screens' and the tests'). */
interface RestartingSocket {
  readonly io: { reconnectionDelay(ms: number): unknown; reconnectionDelayMax(ms: number): unknown; randomizationFactor(f: number): unknown };
  readonly active: boolean;
  readonly connected: boolean;
  connect(): unknown;
  on(event: 'restarting', cb: (msg: unknown) => void): unknown;
  on(event: 'disconnect', cb: (reason: string) => void): unknown;
  on(event: 'connect', cb: () => void): unknown;
}

/**
 * The server's `restarting` notice (docs/protocol.md): the drop that follows is a restart, so
 * the socket comes back as soon as the server does. socket.io reconnects by itself after the
 * server closes the transport; its delays are shortened for this once and restored when it is
 * back. If the server said goodbye instead (`io server disconnect`, no reconnection of its
 * own), this connects again after the same spread. `onChange(true)` at the notice,
 * `onChange(false)` once connected again. Returns `stop`, for a socket given up (a pending
 * reconnect is dropped). Used by `connect` below and by the tests.
 */
export function followRestarts(s: RestartingSocket, onChange: (restarting: boolean) => void = () => {}): () => void {
  let restarting = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  s.on('restarting', (msg) => {
    const inMs = (msg as { inMs?: unknown } | null)?.inMs;
    if (typeof inMs !== 'number' || !(inMs >= 0)) return;
    restarting = true;
    s.io.reconnectionDelay(AFTER_RESTART.delayMs);
    s.io.randomizationFactor(AFTER_RESTART.jitter);
    s.io.reconnectionDelayMax(AFTER_RESTART.maxMs);
    onChange(true);
  });
  s.on('disconnect', (reason) => {
    if (!restarting || reason !== 'io server disconnect') return;
    const spread = AFTER_RESTART.delayMs * (1 - AFTER_RESTART.jitter + 2 * AFTER_RESTART.jitter * Math.random());
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!s.connected && !s.active) s.connect();
    }, spread);
  });
  s.on('connect', () => {
    if (!restarting) return;
    restarting = false;
    s.io.reconnectionDelay(RECONNECT.delayMs);
    s.io.randomizationFactor(RECONNECT.jitter);
    s.io.reconnectionDelayMax(RECONNECT.maxMs);
    onChange(false);
  });
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

export function connect(auth: Auth): SalenSocket {
  disconnect();
  resetStore();
  const s: SalenSocket = io({
    auth: handshake(auth),
    transports: ['websocket', 'polling'],
    reconnectionDelay: RECONNECT.delayMs,
    randomizationFactor: RECONNECT.jitter,
    reconnectionDelayMax: RECONNECT.maxMs,
  });
  socket = s;
  // The connection banner says "Serveren genstarter…" meanwhile, not "Offline".
  stopFollowing = followRestarts(s, (restarting) => useStore.setState({ restarting }));
  s.on('connect', () => {
    useStore.setState({ connected: true, everConnected: true, authError: null, authRetryAt: null });
    // The server sends the room's whole view on connect; `sync` is for a gap a delta cannot fill.
    dropQueuedView();
    void measureTime();
  });
  s.on('disconnect', (reason: string) => {
    useStore.setState({ connected: false });
    // The server closed this socket and socket.io will not reconnect by itself: a seat
    // tablet (made way for the member's own tablet, or cut off for a bad frame) tries again
    // a while later — unless its key was replaced, which needs a new link.
    if (reason === 'io server disconnect' && auth.role === 'seat' && useStore.getState().sessionEnded !== 'keyRotated') scheduleRetry(s, SEAT_BUSY_RETRY_MS);
  });
  s.on('connect_error', (err: Error & { data?: { retryAfterMs?: unknown } }) => {
    useStore.setState({ connected: false });
    // A refused handshake is final: socket.io does not retry it by itself.
    if (s.active) return;
    const reason = err.message || 'unauthorized';
    const after = typeof err.data?.retryAfterMs === 'number' && err.data.retryAfterMs > 0 ? err.data.retryAfterMs : null;
    // A seat tries again by itself once the wait is over (too many failed handshakes from
    // this address) or a while later (its key already has the most sockets); a console signs
    // in anew by hand, and a key the server does not know stays refused.
    const retryIn = auth.role === 'seat' ? (reason === 'rate_limited' ? (after ?? SEAT_BUSY_RETRY_MS) : reason === 'seat_busy' ? SEAT_BUSY_RETRY_MS : null) : null;
    const wait = retryIn ?? (reason === 'rate_limited' ? after : null);
    useStore.setState({ authError: reason, authRetryAt: wait ? Date.now() + wait : null });
    if (retryIn !== null) scheduleRetry(s, retryIn);
  });
  onNeedFullView(() => void sync());
  s.on('view', (msg) => receiveView(msg, 'push'));
  s.on('own', (msg) => receiveOwn(msg));
  s.on('notice', (msg) => receiveNotice(msg));
  // This tablet is no longer the member (moved to another tablet, checked out, § 16 grace
  // ran out, or the secretariat gave the seat a new key): the public view and check-in follow.
  // The payload is checked, not trusted: an unknown reason is ignored.
  s.on('session', (msg) => {
    const ended = (msg as { ended?: unknown } | null)?.ended;
    if (ended !== 'moved' && ended !== 'checkedOut' && ended !== 'expired' && ended !== 'keyRotated') return;
    endSeatSession(ended as SessionEnd);
    if (ended !== 'keyRotated') void sync();
  });
  // The chair's room (chair and secretariat): seats locked after too many wrong codes.
  s.on('seatLocks', (msg) => receiveSeatLocks(msg));
  // The secretariat's list of the council's meetings, whenever one changes.
  s.on('meetings', (msg) => {
    if (Array.isArray((msg as { meetings?: unknown } | null)?.meetings)) useStore.setState({ meetings: msg.meetings });
  });
  timeTimer = setInterval(() => void measureTime(), TIME_EVERY_MS);
  return s;
}

export function disconnect() {
  if (timeTimer) clearInterval(timeTimer);
  timeTimer = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  stopFollowing?.();
  stopFollowing = null;
  if (socket) {
    socket.removeAllListeners();
    socket.disconnect();
  }
  socket = null;
}

/** The payload an event takes before its ack (none for `sync` and `time`). */
type PayloadArgs<E extends ClientEvent> = Parameters<ClientToServerEvents[E]> extends [infer P, unknown] ? [payload: P] : [];

/** One event and its ack (shared/protocol.ts), or OFFLINE / TIMEOUT, which never reach the server. */
async function emitAck<E extends ClientEvent>(event: E, ...args: PayloadArgs<E>): Promise<AnswerOf<E> | Refusal> {
  const s = socket;
  if (!s || !s.connected) return OFFLINE;
  try {
    // socket.io's typing of `timeout().emitWithAck` yields the error argument, not the answer.
    const timed = s.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    return (await timed.emitWithAck(event, ...args)) as AnswerOf<E>;
  } catch {
    return TIMEOUT;
  }
}

/** Clock offset from a round trip: the server's `serverNow` is taken as of the midpoint. */
async function measureTime() {
  const t0 = Date.now();
  const r = await emitAck('time');
  const t1 = Date.now();
  if (r.ok && typeof r.serverNow === 'number') {
    setOffset(r.serverNow - (t0 + t1) / 2);
  }
}

/** The full view now; used on (re)connect and after check-in/out (the role changes). */
export async function sync() {
  const r = await emitAck('sync');
  if (!r.ok) return;
  // `own` in a sync answer carries no version of its own: it is the view's.
  const own = r.own as (typeof r.own & { version?: number }) | null;
  if (own) receiveOwn({ ...own, version: own.version ?? r.version });
  receiveView(r, 'sync');
}

let feedbackSeq = 0;

/**
 * Sends one press and tracks it: `pending[key]` while waiting, then `feedback` with the
 * server's answer (the refusal carries its §). Never queued while offline: a vote pressed
 * in a tunnel must not arrive minutes later.
 */
export async function tracked(key: string, label: string, send: () => Promise<Ack>): Promise<Ack> {
  const id = ++feedbackSeq;
  useStore.setState((s) => ({ pending: { ...s.pending, [key]: true }, feedback: { id, label, state: 'pending', refusal: null } }));
  const r = await send();
  useStore.setState((s) => {
    const pending = { ...s.pending };
    delete pending[key];
    const feedback = s.feedback && s.feedback.id !== id ? s.feedback : { id, label, state: r.ok ? ('ok' as const) : ('refused' as const), refusal: r.ok ? null : r };
    return { pending, feedback, lastError: r.ok ? s.lastError : r };
  });
  return r;
}

export async function act(body: ActionBody, label: string, key: string = body.type): Promise<Ack> {
  const r = await tracked(key, label, () => emitAck('action', body));
  // The ack of a ballot says it is stored: show it at once (the seat's own part follows with
  // the running tally, which the server sends a moment later).
  const { own, view } = useStore.getState();
  const voteId = (view as { activeVote?: string | null } | null)?.activeVote;
  if (r.ok && body.type === 'vote.cast' && own?.personId && voteId && typeof r.version === 'number')
    receiveOwn({ ...own, ballot: body.choice, voteId, version: r.version });
  return r;
}

/**
 * Check-in with the personal code (§ 16). The ack carries this tablet's session token: kept
 * in sessionStorage, it makes the next handshakes (reconnects, reloads) this member's.
 */
export async function checkIn(code: string, label: string): Promise<Ack> {
  const r = await tracked('checkIn', label, () => emitAck('checkIn', { code }));
  if (r.ok) {
    const session = (r as { session?: unknown }).session;
    if (typeof session === 'string' && session) saveSeatSession(session);
    useStore.setState({ sessionEnded: null });
    await sync();
  }
  return r;
}

/** The secretariat gives a seat a new key; the old tablet stops working (docs/protocol.md). */
export async function rotateSeatKey(seatId: string, label: string): Promise<Ack> {
  return tracked(`seat.rotateKey:${seatId}`, label, () => emitAck('seat.rotateKey', { seatId }));
}

/** Every seat gets a new key at once (provisioning the chamber); the answer carries them all, once. */
export async function rotateAllSeatKeys(label: string): Promise<Ack> {
  return tracked('seat.rotateAllKeys', label, () => emitAck('seat.rotateAllKeys'));
}

/** A member's (or substitute's) new personal code, answered once for the letter. */
export async function resetPersonCode(personId: string, label: string): Promise<Ack> {
  return tracked(`person.resetCode:${personId}`, label, () => emitAck('person.resetCode', { personId }));
}

/** New personal codes for everyone at once (letters for all). */
export async function resetAllCodes(label: string): Promise<Ack> {
  return tracked('person.resetAllCodes', label, () => emitAck('person.resetAllCodes'));
}

/** Every meeting of the term, asked once (the `meetings` push keeps it fresh after). */
export async function listMeetings(): Promise<void> {
  const r = await emitAck('meetings.list');
  if (r.ok) useStore.setState({ meetings: r.meetings });
}

type TermEvent = 'meeting.plan' | 'meeting.update' | 'meeting.noticeSent' | 'meeting.activate' | 'meeting.publish';

/** One of the secretariat's term events (docs/protocol.md, "The council's meetings"), tracked as a press. */
export async function termEvent<E extends TermEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], label: string, key: string = event): Promise<AnswerOf<E> | Refusal> {
  let answer: AnswerOf<E> | Refusal = OFFLINE;
  await tracked(key, label, async () => {
    answer = await (emitAck as (e: E, p: unknown) => Promise<AnswerOf<E> | Refusal>)(event, payload);
    // The feedback line takes the ack's shape: ok, or the refusal with its paragraph.
    return answer.ok ? { ok: true, version: 0 } : (answer as Refusal);
  });
  return answer;
}

export async function checkOut(label: string): Promise<Ack> {
  const r = await act({ type: 'presence.checkOut' }, label);
  if (r.ok) {
    clearSeatSession();
    await sync();
  }
  return r;
}

/** A secretariat's roster event (screens/secretariat, the council's panels), tracked like a press. */
export async function rosterEmit<E extends ClientEvent>(key: string, label: string, event: E, ...args: PayloadArgs<E>): Promise<Ack> {
  return tracked(key, label, () => emitAck(event, ...args) as Promise<Ack>);
}

/** A roster read that is no press (no feedback line): `council.get`. */
export async function rosterGet(): Promise<AnswerOf<'council.get'> | Refusal> {
  return emitAck('council.get');
}

/** Listens to a pushed event on the socket signed in now; returns the way to stop. */
export function onServerEvent<E extends keyof ServerToClientEvents>(event: E, cb: ServerToClientEvents[E]): () => void {
  const s = socket;
  if (!s) return () => {};
  // socket.io's typed `on` wants the listener as its own event map's reserved-or-user type.
  (s.on as (e: string, f: unknown) => void)(event, cb);
  return () => (s.off as (e: string, f: unknown) => void)(event, cb);
}
