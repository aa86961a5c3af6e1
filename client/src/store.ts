import { create } from 'zustand';
import type { EngineEvent, MeetingState, NoticeMessage, OwnMessage, PublicView, Refusal, SeatLock, SessionEnd, ViewMessage, ViewRole } from '../../shared/index';
import { applyPatch } from '../../shared/delta';
import type { MeetingDetails } from '../../shared/term/lifecycle';

// The messages are the protocol's (shared/protocol.ts); re-exported for the screens.
export type { OwnMessage, SeatLock, SessionEnd, ViewMessage, ViewRole };

let needFullView: () => void = () => {};
/** The socket layer tells the store how to fetch a full view when a delta does not fit. */
export function onNeedFullView(cb: () => void) {
  needFullView = cb;
}

/** The outcome of the last press on this screen: pending → ack or refusal (with its §). */
export interface Feedback {
  id: number;
  label: string;
  state: 'pending' | 'ok' | 'refused';
  refusal: Refusal | null;
}

export interface Notice {
  id: number;
  version: number;
  event: EngineEvent;
}

export interface ClientState {
  connected: boolean;
  /** Has this page ever been connected (distinguishes "connecting" from "offline"). */
  everConnected: boolean;
  /** The server said it is restarting (a clean stop): the banner says so until it is back. */
  restarting: boolean;
  /**
   * The server refused the handshake: `unauthorized` (bad key or password), `rate_limited`
   * (too many failed handshakes from here), `seat_busy` (the seat key has its most sockets).
   */
  authError: string | null;
  /** When (this screen's clock) the refused handshake may be tried again, if the server said. */
  authRetryAt: number | null;
  /** Why this tablet stopped being the member (the server's `session` event), until a new check-in. */
  sessionEnded: SessionEnd | null;
  /** Seats locked after too many wrong codes (chair's room only: `seatLocks`). */
  seatLocks: Record<string, SeatLock>;
  /** The highest version shown; a view with a lower or equal version is ignored. */
  version: number;
  /** serverNow − Date.now(), from `time` round trips (or a pushed view before the first). */
  serverOffset: number;
  offsetMeasured: boolean;
  role: ViewRole | null;
  view: PublicView | MeetingState | null;
  own: OwnMessage | null;
  lastError: Refusal | null;
  /** Keys of presses awaiting their ack. */
  pending: Record<string, true>;
  feedback: Feedback | null;
  notices: Notice[];
  /** The council's meetings (secretariat only: `meetings.list` and the pushed `meetings`). */
  meetings: MeetingDetails[] | null;
}

export const initialClientState: ClientState = {
  connected: false,
  everConnected: false,
  restarting: false,
  authError: null,
  authRetryAt: null,
  sessionEnded: null,
  seatLocks: {},
  version: -1,
  serverOffset: 0,
  offsetMeasured: false,
  role: null,
  view: null,
  own: null,
  lastError: null,
  pending: {},
  feedback: null,
  notices: [],
  meetings: null,
};

export const useStore = create<ClientState>(() => ({ ...initialClientState }));

export function resetStore() {
  dropQueuedView();
  useStore.setState({ ...initialClientState });
}

/**
 * The newest view this screen holds, ahead of what is drawn while a frame is pending. Every
 * delta is applied to it in order (a delta cannot be skipped); only the drawing is coalesced.
 */
let held: { version: number; role: ViewRole; view: PublicView | MeetingState; serverNow: number } | null = null;

/**
 * A view is taken only if it is newer than the one held (never go back in time). At an
 * equal version, a `sync` answer or a change of role replaces it: at check-in the server
 * sends this seat the public view of version N and then the member view of the same N (and
 * the other way round at check-out); the later one is the right one. A delta is applied
 * only to the view of its base version and role; otherwise the screen asks for the whole view.
 */
export function receiveView(msg: ViewMessage, source: 'push' | 'sync') {
  if (msg.patch) {
    // An older delta (of this role, or of the room this seat just left) has nothing to add.
    if (held && msg.version <= held.version) return;
    if (!held || held.role !== msg.role || held.version !== msg.base) {
      needFullView();
      return;
    }
    held = { version: msg.version, role: msg.role, view: applyPatch(held.view, msg.patch), serverNow: msg.serverNow };
  } else {
    const newer = !held || msg.version > held.version;
    const sameButAuthoritative = !!held && msg.version === held.version && (source === 'sync' || msg.role !== held.role);
    if (!newer && !sameButAuthoritative) return;
    held = { version: msg.version, role: msg.role, view: msg.view, serverNow: msg.serverNow };
  }
  // A burst of commits (a roll call, 55 check-ins) is drawn once: within FRAME_MS only the
  // latest is rendered; a sync answer is drawn at once.
  if (source === 'sync') draw();
  else if (!frameTimer) frameTimer = setTimeout(draw, Math.max(0, lastDrawn + FRAME_MS - Date.now()));
}

const FRAME_MS = 40;
let frameTimer: ReturnType<typeof setTimeout> | null = null;
let lastDrawn = 0;

function draw() {
  if (frameTimer) clearTimeout(frameTimer);
  frameTimer = null;
  lastDrawn = Date.now();
  const h = held;
  const s = useStore.getState();
  if (!h || (h.version === s.version && h.role === s.role && h.view === s.view)) return;
  const patch: Partial<ClientState> = { version: h.version, role: h.role, view: h.view };
  if (!s.offsetMeasured && typeof h.serverNow === 'number') patch.serverOffset = h.serverNow - Date.now();
  // Leaving the member view (check-out) drops the seat's own part with it.
  if (h.role !== 'member' && s.own?.personId) patch.own = { ...s.own, personId: null, ballot: null, voteId: null };
  useStore.setState(patch);
}

/** Forgets the held view (a new connection starts from its own full view). */
export function dropQueuedView() {
  if (frameTimer) clearTimeout(frameTimer);
  frameTimer = null;
  held = null;
}

export function receiveOwn(own: OwnMessage) {
  const cur = useStore.getState().own;
  if (cur && own.version < cur.version) return;
  useStore.setState({ own });
}

/** Engine events worth telling a person about; the rest (each ballot cast…) are noise. */
const NOTICE_TYPES = new Set([
  'demand',
  'meeting.lateWarning',
  'disqualification.notified',
  'vote.closed',
  'order.called',
  'chair.changed',
  'election.roundClosed',
  'election.lotDrawn',
  'election.allocated',
]);

let noticeSeq = 0;
export function receiveNotice(msg: NoticeMessage) {
  const add = (msg.events ?? [])
    .filter((event) => NOTICE_TYPES.has(event.type))
    .map((event) => ({ id: ++noticeSeq, version: msg.version, event }));
  if (!add.length) return;
  useStore.setState((s) => ({ notices: [...add.reverse(), ...s.notices].slice(0, 30) }));
}

export function setOffset(offset: number) {
  useStore.setState({ serverOffset: offset, offsetMeasured: true });
}

/** Server time now, by this screen's estimate. */
export function serverNow(): number {
  return Date.now() + useStore.getState().serverOffset;
}

// --- Seat key and session (issue #11) ---------------------------------------------------
// The key stays on the tablet (localStorage: it survives a restart of the browser); the
// session token stays with this tab (sessionStorage: it survives reloads and reconnects of
// this tablet, and no other tablet has it). Storage may be unavailable (private mode): then
// both live only as long as the page.

export const SEAT_KEY_STORAGE = 'salen.seatKey';
export const SEAT_SESSION_STORAGE = 'salen.seatSession';
const memory: Record<string, string | null> = {};

function storageGet(store: () => Storage, key: string): string | null {
  try {
    return store().getItem(key);
  } catch {
    return memory[key] ?? null;
  }
}
function storageSet(store: () => Storage, key: string, value: string | null) {
  memory[key] = value;
  try {
    if (value === null) store().removeItem(key);
    else store().setItem(key, value);
  } catch {
    /* storage unavailable: kept in memory only */
  }
}

export const readSeatKey = () => storageGet(() => localStorage, SEAT_KEY_STORAGE);
export const saveSeatKey = (key: string) => storageSet(() => localStorage, SEAT_KEY_STORAGE, key);
export const dropSeatKey = () => storageSet(() => localStorage, SEAT_KEY_STORAGE, null);
export const readSeatSession = () => storageGet(() => sessionStorage, SEAT_SESSION_STORAGE);
export const saveSeatSession = (token: string) => storageSet(() => sessionStorage, SEAT_SESSION_STORAGE, token);
export const clearSeatSession = () => storageSet(() => sessionStorage, SEAT_SESSION_STORAGE, null);

/**
 * The server ended this tablet's session: forget the token, keep the reason for the screen,
 * and show the public view at once (the member's own part goes with it). A rotated key is
 * gone for good: the tablet needs a new link from the secretariat.
 */
export function endSeatSession(reason: SessionEnd) {
  clearSeatSession();
  if (reason === 'keyRotated') dropSeatKey();
  const s = useStore.getState();
  useStore.setState({
    sessionEnded: reason,
    own: s.own ? { ...s.own, personId: null, ballot: null, voteId: null } : s.own,
  });
}

/** `seatLocks` from the server: the whole set of locks now (a malformed entry is left out). */
export function receiveSeatLocks(msg: unknown) {
  const locks = (msg as { locks?: unknown } | null)?.locks;
  const out: Record<string, SeatLock> = {};
  if (locks && typeof locks === 'object')
    for (const [seatId, v] of Object.entries(locks as Record<string, unknown>)) {
      const l = v as Partial<SeatLock> | null;
      if (l && typeof l.until === 'number') out[seatId] = { until: l.until, failures: typeof l.failures === 'number' ? l.failures : 0 };
    }
  useStore.setState({ seatLocks: out });
}
