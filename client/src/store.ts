import { create } from 'zustand';
import type { EngineEvent, MeetingState, OwnView, PublicView, Refusal } from '../../shared/index';

/** What the server says a socket sees: public (gallery, seat before check-in), member, chair. */
export type ViewRole = 'public' | 'member' | 'chair';

export interface ViewMessage {
  version: number;
  serverNow: number;
  role: ViewRole;
  /** A push after a commit: the meeting's unchanging parts are left out (docs/protocol.md). */
  partial?: boolean;
  view: PublicView | MeetingState;
}

let needFullView: () => void = () => {};
/** The socket layer tells the store how to fetch a full view when a partial one cannot merge. */
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
 * A view is shown only if it is newer than what is on screen (never go back in time).
 * At an equal version, a `sync` answer or a change of role replaces it: at check-in the
 * server broadcasts the public view of version N and then sends this seat the member view
 * of the same N (and the other way round at check-out); the later one is the right one.
 */
export function receiveView(msg: ViewMessage, source: 'push' | 'sync') {
  if (source === 'sync') {
    flushQueued();
    applyView(msg, source);
    return;
  }
  // A burst of commits (a roll call, 55 check-ins) is drawn once: pushes arriving within
  // FRAME_MS are coalesced and only the latest is rendered.
  if (!queued || msg.version >= queued.version) queued = msg;
  if (!flushTimer) flushTimer = setTimeout(flushQueued, Math.max(0, lastApplied + FRAME_MS - Date.now()));
}

const FRAME_MS = 40;
let queued: ViewMessage | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let lastApplied = 0;

function flushQueued() {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const msg = queued;
  queued = null;
  if (msg) applyView(msg, 'push');
}

export function dropQueuedView() {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  queued = null;
}

function applyView(msg: ViewMessage, source: 'push' | 'sync') {
  lastApplied = Date.now();
  const s = useStore.getState();
  const newer = msg.version > s.version;
  const sameButAuthoritative = msg.version === s.version && (source === 'sync' || msg.role !== s.role);
  if (!newer && !sameButAuthoritative) return;
  // A pushed view leaves out what never changes in a meeting (chamber, groups, persons…):
  // it is merged into the full view of the same role; without one, ask for the full view.
  if (msg.partial && (!s.view || s.role !== msg.role)) {
    needFullView();
    return;
  }
  const view = msg.partial ? ({ ...(s.view as object), ...(msg.view as object) } as typeof msg.view) : msg.view;
  const patch: Partial<ClientState> = { version: msg.version, role: msg.role, view };
  if (!s.offsetMeasured && typeof msg.serverNow === 'number') patch.serverOffset = msg.serverNow - Date.now();
  // Leaving the member view (check-out) drops the seat's own part with it.
  if (msg.role !== 'member' && s.own?.personId) patch.own = { ...s.own, personId: null, ballot: null, voteId: null };
  useStore.setState(patch);
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
