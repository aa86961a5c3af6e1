/**
 * The wire protocol between the server and every client (screens, tests, scripts), as
 * docs/protocol.md describes it: one definition of each message, and socket.io's typed event
 * maps. Types only: nothing here runs, and nothing here changes what goes on the wire.
 */
import type { ActionBody } from './actions';
import type { Patch } from './delta';
import type { RefusalCode, TransportRefusalCode } from './refusals';
import type { EngineEvent, MeetingState, Refusal } from './types';
import type { OwnView, PublicView } from './views';
import type { MeetingDetails } from './term/lifecycle';
import type { MeetingPlan, MeetingRef, MeetingUpdate } from './term/payloads';
import type { Council, GroupAdd, GroupEdit, PersonAdd, PersonEdit, PersonRef, Promote, RosterImport, RosterRefusal, SeatsSet } from './term/roster';

// --- Refusals -----------------------------------------------------------------------------

/** Every code a refusal on the wire can carry: the engine's and the transport's catalogues. */
export type WireRefusalCode = RefusalCode | TransportRefusalCode;

/** A refusal given by the transport itself (server/transport): its code is in TRANSPORT_REFUSALS. */
export type TransportRefusal = Refusal & { code: TransportRefusalCode };

/**
 * A refusal as an ack carries it: `{ ok: false, code, paragraph, message: { da, en } }`, its
 * `code` one of `WireRefusalCode`; `SEAT_LOCKED` adds `retryAfterMs`.
 */
export type AckRefusal = Refusal & { retryAfterMs?: number };

// --- Acknowledgements (client → server events) --------------------------------------------

/** An accepted event: `{ ok: true, version, …extra }`. */
export type Accepted<Extra extends object = object> = { ok: true; version: number } & Extra;

/** The one answer every client → server event gets: accepted, or a refusal that changed nothing. */
export type Ack<Extra extends object = object> = Accepted<Extra> | AckRefusal;

/** `action`: `{ ok: true, version }` once the action is durable. */
export type ActionAck = Ack;
/** `checkIn`: the tablet's new session token. */
export type CheckInAck = Ack<{ session: string }>;
/** `seat.rotateKey`: the seat's new key. */
export type RotateKeyAck = Ack<{ seatId: string; key: string }>;
/** `seat.rotateAllKeys`: every seat's new key, by seat id. */
export type RotateAllKeysAck = Ack<{ keys: Record<string, string> }>;
/** `person.resetCode`: the person's new personal code. */
export type ResetCodeAck = Ack<{ personId: string; code: string }>;
/** `person.resetAllCodes`: every person's new personal code, by person id. */
export type ResetAllCodesAck = Ack<{ codes: Record<string, string> }>;
/** `sync`: the whole view last pushed to the socket's room, and the seat's own part (`null` for other roles). */
export type SyncAck = (WholeViewMessage & { ok: true; own: OwnView | null }) | AckRefusal;
/** `time`: the server's clock, for the screen's offset. */
export type TimeAck = { ok: true; serverNow: number } | AckRefusal;

/** `action`'s payload: an action body (shared/actions.ts), optionally tagged with a nonce. */
export type ActionPayload = ActionBody & { nonce?: string };

// --- Server → client messages ------------------------------------------------------------

/** What the server says a socket sees: public (gallery, seat before check-in), member, chair. */
export type ViewRole = 'public' | 'member' | 'chair';

interface ViewHead {
  version: number;
  serverNow: number;
  role: ViewRole;
}
/** The whole view: `PublicView` for `public`, the (projected) `MeetingState` for `member` and `chair`. */
export type WholeViewMessage = ViewHead & { view: PublicView | MeetingState; base?: undefined; patch?: undefined };
/** A push after a commit: the patch (shared/delta.ts) from the view of version `base`. */
export type DeltaViewMessage = ViewHead & { base: number; patch: Patch; view?: undefined };
/** `view`: whole or delta. */
export type ViewMessage = WholeViewMessage | DeltaViewMessage;

/** `own`: one seat terminal's own part. */
export type OwnMessage = OwnView & { version: number };

/** `notice`: what happened in a commit (members do not get `vote.cast`, `floor.requested`, `presence.changed`). */
export interface NoticeMessage {
  version: number;
  events: EngineEvent[];
}

/** Why a tablet stopped being the member. */
export type SessionEnd = 'moved' | 'checkedOut' | 'expired' | 'keyRotated';
/** `session`: this tablet is no longer the member. */
export interface SessionMessage {
  ended: SessionEnd;
}

/** A seat locked after failed codes: until when (server clock, epoch ms) and how many failures. */
export interface SeatLock {
  until: number;
  failures: number;
}
/** `seatLocks`: every seat locked now, to the chair room. */
export interface SeatLocksMessage {
  locks: Record<string, SeatLock>;
}

/**
 * `restarting`: the server is stopping cleanly (SIGTERM, SIGINT) and closes every socket in
 * `inMs` ms; what it acknowledged is stored. A screen reconnects soon after the drop
 * instead of backing off (client/src/socket.ts, `followRestarts`).
 */
export interface RestartingMessage {
  inMs: number;
}

// --- socket.io's typed event maps ----------------------------------------------------------

/** Client → server: each event's payload (if any) and its acknowledgement. */
export interface ClientToServerEvents {
  action: (body: ActionPayload, ack: (answer: ActionAck) => void) => void;
  checkIn: (payload: { code: string }, ack: (answer: CheckInAck) => void) => void;
  'seat.rotateKey': (payload: { seatId: string }, ack: (answer: RotateKeyAck) => void) => void;
  'seat.rotateAllKeys': (ack: (answer: RotateAllKeysAck) => void) => void;
  'person.resetCode': (payload: { personId: string }, ack: (answer: ResetCodeAck) => void) => void;
  'person.resetAllCodes': (ack: (answer: ResetAllCodesAck) => void) => void;
  sync: (ack: (answer: SyncAck) => void) => void;
  time: (ack: (answer: TimeAck) => void) => void;
  // The council's meetings (secretariat only; docs/protocol.md, "The council's meetings").
  'meetings.list': (ack: (answer: MeetingsAck) => void) => void;
  'meeting.plan': (payload: MeetingPlan, ack: (answer: MeetingAck) => void) => void;
  'meeting.update': (payload: MeetingUpdate, ack: (answer: MeetingAck) => void) => void;
  'meeting.noticeSent': (payload: MeetingRef, ack: (answer: MeetingAck) => void) => void;
  'meeting.activate': (payload: MeetingRef, ack: (answer: MeetingAck) => void) => void;
  'meeting.publish': (payload: MeetingRef, ack: (answer: MeetingAck) => void) => void;
  // The council's roster (secretariat only; docs/protocol.md, "The council's roster").
  'council.get': (ack: (answer: CouncilAck | AckRefusal) => void) => void;
  'council.import': (payload: RosterImport, ack: (answer: RosterAck) => void) => void;
  'person.add': (payload: PersonAdd, ack: (answer: RosterAck) => void) => void;
  'person.edit': (payload: PersonEdit, ack: (answer: RosterAck) => void) => void;
  'person.leave': (payload: PersonRef, ack: (answer: RosterAck) => void) => void;
  'substitute.promote': (payload: Promote, ack: (answer: RosterAck) => void) => void;
  'group.add': (payload: GroupAdd, ack: (answer: RosterAck) => void) => void;
  'group.edit': (payload: GroupEdit, ack: (answer: RosterAck) => void) => void;
  'seats.set': (payload: SeatsSet, ack: (answer: RosterAck) => void) => void;
}

/**
 * The roster as it is now and its chain's length (`seq`). After an import or `person.add`,
 * `codes` holds each new person's personal code, answered this once for the letters
 * (`person.add` also names the new `personId` and its `code`).
 */
export type CouncilAck = { ok: true; council: Council; seq: number; codes?: Record<string, string>; personId?: string; code?: string };
/** A roster event's answer; an import's refusal lists its `problems` (line, field, message). */
export type RosterAck = CouncilAck | AckRefusal | RosterRefusal;
/** Pushed to the secretariat after every roster change. */
export type CouncilMessage = { council: Council; seq: number };

/** A term event's answer: the meeting as it is now. */
export type MeetingAck = { ok: true; meeting: MeetingDetails } | AckRefusal;
/** Every meeting of the term, oldest first. */
export type MeetingsAck = { ok: true; meetings: MeetingDetails[] } | AckRefusal;
/** Pushed to the secretariat whenever a meeting changes (planned, edited, live, opened, closed, signed, published). */
export type MeetingsMessage = { meetings: MeetingDetails[] };

/** Server → client. */
export interface ServerToClientEvents {
  view: (msg: ViewMessage) => void;
  own: (msg: OwnMessage) => void;
  notice: (msg: NoticeMessage) => void;
  session: (msg: SessionMessage) => void;
  seatLocks: (msg: SeatLocksMessage) => void;
  restarting: (msg: RestartingMessage) => void;
  meetings: (msg: MeetingsMessage) => void;
  council: (msg: CouncilMessage) => void;
}

export type ClientEvent = keyof ClientToServerEvents;
export type ServerEvent = keyof ServerToClientEvents;

/** How many arguments a client → server event takes before its acknowledgement. */
export type ArgCount<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>['length'] extends 2 ? 1 : 0;
/** What a client → server event is answered with. */
export type AnswerOf<E extends ClientEvent> = Parameters<Extract<Parameters<ClientToServerEvents[E]>[ArgCount<E>], (a: never) => void>>[0];
/** What a server → client event carries. */
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * An ack loosened for tests and scripts that read any field without narrowing first:
 * `ok: boolean` and every other field of `A`'s members optional. Built from the acks
 * above, never a second definition of them.
 */
export type LooseAck<A extends { ok: boolean } = CheckInAck | RotateKeyAck> = { ok: boolean } & Partial<
  UnionToIntersection<A extends unknown ? Omit<A, 'ok'> : never>
>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
