import { create } from 'zustand';
import type { EngineEvent, MeetingState, OwnView, PublicView, Refusal } from '../../shared/index';
import { applyPatch, type Patch } from '../../shared/delta';

/** What the server says a socket sees: public (gallery, seat before check-in), member, chair. */
export type ViewRole = 'public' | 'member' | 'chair';

/** A whole view, or (a push after a commit) the patch from the view of version `base`. */
export type ViewMessage = {
  version: number;
  serverNow: number;
  role: ViewRole;
} & ({ view: PublicView | MeetingState; patch?: undefined } | { base: number; patch: Patch; view?: undefined });

let needFullView: () => void = () => {};
/** The socket layer tells the store how to fetch a full view when a delta does not fit. */
export function onNeedFullView(cb: () => void) {
  needFullView = cb;
}

export type OwnMessage = OwnView & { version: number };

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
  /** The server refused the handshake (`unauthorized`); socket.io does not retry that. */
  authError: string | null;
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
}

export const initialClientState: ClientState = {
  connected: false,
  everConnected: false,
  authError: null,
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
export function receiveNotice(msg: { version: number; events: EngineEvent[] }) {
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
