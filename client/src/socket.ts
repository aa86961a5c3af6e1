import { io, type Socket } from 'socket.io-client';
import type { ActionBody, EngineEvent, Refusal } from '../../shared/index';
import {
  dropQueuedView,
  receiveNotice,
  receiveOwn,
  receiveView,
  resetStore,
  setOffset,
  useStore,
  type OwnMessage,
  type ViewMessage,
  onNeedFullView,
} from './store';

export type Auth =
  | { role: 'public' }
  | { role: 'seat'; seatKey: string }
  | { role: 'chair'; personId: string; password: string }
  | { role: 'secretariat'; password: string };

export type Ack = ({ ok: true; version?: number } & Record<string, unknown>) | Refusal;

type SyncAnswer = ViewMessage & { ok: true; own?: OwnMessage | null };

const ACK_TIMEOUT_MS = 10_000;
const TIME_EVERY_MS = 30_000;

let socket: Socket | null = null;
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

export function connect(auth: Auth): Socket {
  disconnect();
  resetStore();
  const s = io({ auth, transports: ['websocket', 'polling'], reconnectionDelayMax: 3000 });
  socket = s;
  s.on('connect', () => {
    useStore.setState({ connected: true, everConnected: true, authError: null });
    // The server sends the room's whole view on connect; `sync` is for a gap a delta cannot fill.
    dropQueuedView();
    void measureTime();
  });
  s.on('disconnect', () => useStore.setState({ connected: false }));
  s.on('connect_error', (err: Error) => {
    useStore.setState({ connected: false });
    // A refused handshake is final: socket.io does not retry it by itself.
    if (!s.active) useStore.setState({ authError: err.message || 'unauthorized' });
  });
  onNeedFullView(() => void sync());
  s.on('view', (msg: ViewMessage) => receiveView(msg, 'push'));
  s.on('own', (msg: OwnMessage) => receiveOwn(msg));
  s.on('notice', (msg: { version: number; events: EngineEvent[] }) => receiveNotice(msg));
  timeTimer = setInterval(() => void measureTime(), TIME_EVERY_MS);
  return s;
}

export function disconnect() {
  if (timeTimer) clearInterval(timeTimer);
  timeTimer = null;
  if (socket) {
    socket.removeAllListeners();
    socket.disconnect();
  }
  socket = null;
}

async function emitAck<T>(event: string, payload?: unknown): Promise<T | Refusal> {
  const s = socket;
  if (!s || !s.connected) return OFFLINE;
  try {
    const timed = s.timeout(ACK_TIMEOUT_MS);
    return (await (payload === undefined ? timed.emitWithAck(event) : timed.emitWithAck(event, payload))) as T | Refusal;
  } catch {
    return TIMEOUT;
  }
}

/** Clock offset from a round trip: the server's `serverNow` is taken as of the midpoint. */
async function measureTime() {
  const t0 = Date.now();
  const r = await emitAck<{ ok: true; serverNow: number }>('time');
  const t1 = Date.now();
  if (r.ok && typeof (r as { serverNow?: unknown }).serverNow === 'number') {
    setOffset((r as { serverNow: number }).serverNow - (t0 + t1) / 2);
  }
}

/** The full view now; used on (re)connect and after check-in/out (the role changes). */
export async function sync() {
  const r = await emitAck<SyncAnswer>('sync');
  if (!r.ok) return;
  const a = r as SyncAnswer;
  if (a.own) receiveOwn({ ...a.own, version: a.own.version ?? a.version });
  receiveView(a, 'sync');
}

let feedbackSeq = 0;

/**
 * Sends one press and tracks it: `pending[key]` while waiting, then `feedback` with the
 * server's answer (the refusal carries its §). Never queued while offline: a vote pressed
 * in a tunnel must not arrive minutes later.
 */
async function tracked(key: string, label: string, send: () => Promise<Ack>): Promise<Ack> {
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
  const r = await tracked(key, label, () => emitAck<Ack>('action', body) as Promise<Ack>);
  // The ack of a ballot says it is stored: show it at once (the seat's own part follows with
  // the running tally, which the server sends a moment later).
  const { own, view } = useStore.getState();
  const voteId = (view as { activeVote?: string | null } | null)?.activeVote;
  if (r.ok && body.type === 'vote.cast' && own?.personId && voteId && typeof r.version === 'number')
    receiveOwn({ ...own, ballot: body.choice, voteId, version: r.version });
  return r;
}

export async function checkIn(code: string, label: string): Promise<Ack> {
  const r = await tracked('checkIn', label, () => emitAck<Ack>('checkIn', { code }) as Promise<Ack>);
  if (r.ok) await sync();
  return r;
}

export async function checkOut(label: string): Promise<Ack> {
  const r = await act({ type: 'presence.checkOut' }, label);
  if (r.ok) await sync();
  return r;
}
