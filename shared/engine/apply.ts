import { ACTION_ROLES, type Action, type ActionType } from '../actions';
import { RefusalError, need, refuse } from '../refusals';
import type { Context, EngineEvent, MeetingState, Refusal } from '../types';
import { lateWarningDue } from './selectors';
import { agendaHandlers } from './handlers/agenda';
import { amendmentHandlers } from './handlers/amendments';
import { debateHandlers } from './handlers/debate';
import { meetingHandlers } from './handlers/meeting';
import { motionHandlers } from './handlers/motions';
import { recordHandlers } from './handlers/record';
import type { Handler, HandlerMap } from './handlers/types';
import { voteHandlers } from './handlers/votes';
import { electionHandlers } from '../elections/handlers';

// Exhaustive by type: an action type in shared/actions.ts without a handler fails the type check.
const handlers: HandlerMap = {
  ...meetingHandlers,
  ...agendaHandlers,
  ...debateHandlers,
  ...voteHandlers,
  ...amendmentHandlers,
  ...motionHandlers,
  ...recordHandlers,
  ...electionHandlers,
} satisfies { [T in ActionType]: Handler<T> };

/** After the meeting is closed only the record and leaving the seats go on (§ 29). */
const AFTER_CLOSE = new Set<string>(['record.nameVote', 'record.dissent', 'presence.checkOut', 'seat.offline', 'seat.online', 'gallery.blank']);

/** Who may act at all: role, acting chair (§ 18), personally present at own seat (§ 16). */
function authorize(s: MeetingState, a: Action) {
  const roles = ACTION_ROLES[a.type as ActionType];
  need(roles, 'UNKNOWN_ACTION');
  if (!roles.includes(a.actor.role)) {
    if (roles.includes('chair')) refuse('NOT_ACTING_CHAIR');
    if (roles.includes('secretariat')) refuse('NOT_SECRETARIAT');
    if (roles.includes('system')) refuse('NOT_SYSTEM');
    refuse('WRONG_ROLE');
  }
  need(s.meeting.status !== 'closed' || AFTER_CLOSE.has(a.type), 'MEETING_CLOSED');
  const actor = a.actor;
  if (actor.role === 'chair' && a.type !== 'chair.assume') need(s.chair.acting === actor.personId, 'NOT_ACTING_CHAIR');
  if (actor.role === 'member') {
    need(s.persons[actor.personId], 'UNKNOWN_PERSON');
    if (a.type !== 'presence.checkIn') {
      const occ = s.presence[actor.seatId];
      need(occ && occ.personId === actor.personId, 'NOT_CHECKED_IN');
      need(occ.online, 'SEAT_OFFLINE');
    }
  }
}

export type Accepted = { ok: true; events: EngineEvent[] };

/**
 * Applies an action to `s` itself. Handlers refuse before they change anything, so a
 * refusal leaves `s` as it was. Used by the server (one live state) and by replay.
 */
export function applyInPlace(s: MeetingState, a: Action, ctx: Context): Accepted | Refusal {
  try {
    authorize(s, a);
    const h = handlers[a.type] as Handler<ActionType> | undefined;
    if (!h) refuse('UNKNOWN_ACTION');
    const events = (h(s, a as never, ctx) ?? []) as EngineEvent[];
    s.version++;
    // § 7: the first action past the normal end carries the warning.
    if (lateWarningDue(s, ctx.now)) {
      s.meeting.lateWarned = true;
      events.push({ type: 'meeting.lateWarning' });
    }
    return { ok: true, events };
  } catch (e) {
    if (e instanceof RefusalError) return e.refusal;
    throw e;
  }
}

/** The pure entry point: `apply(state, action, context) → { state, events } | refusal`. */
export function apply(
  state: MeetingState,
  action: Action,
  ctx: Context,
): { ok: true; state: MeetingState; events: EngineEvent[] } | Refusal {
  const next = structuredClone(state);
  const r = applyInPlace(next, action, ctx);
  return r.ok ? { ok: true, state: next, events: r.events } : r;
}

/** Would this action be accepted now? (The same code path, on a copy.) */
export function check(state: MeetingState, action: Action, ctx: Context): Refusal | null {
  const r = apply(state, action, ctx);
  return r.ok ? null : r;
}

/** Rebuilds a state from its actions: the server's restart path and the replay tests. */
export function replay(initial: MeetingState, log: { action: Action; ctx: Context }[]): MeetingState {
  const s = structuredClone(initial);
  for (const { action, ctx } of log) applyInPlace(s, action, ctx);
  return s;
}
