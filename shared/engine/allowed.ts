import type { ActionBody, ActionType } from '../actions';
import type { Actor, Context, MeetingState, Refusal } from '../types';
import { check } from './apply';

/** Probe bodies for the buttons each role has; the answer is the same engine's verdict. */
const PROBES: Record<Actor['role'], ActionBody[]> = {
  member: [
    { type: 'presence.checkIn' },
    { type: 'presence.checkOut' },
    { type: 'floor.request' },
    { type: 'floor.withdraw' },
    { type: 'floor.requestRemark' },
    { type: 'floor.requestOrder' },
    { type: 'floor.yield' },
    { type: 'closure.demand' },
    { type: 'rollCall.demand' },
    { type: 'division.demand' },
    { type: 'division.withdraw' },
    { type: 'declaration.demandVote' },
    { type: 'agenda.demandOrderVote' },
    { type: 'vote.cast', choice: 'for' },
    { type: 'amendment.submit', text: 'probe' },
  ],
  chair: [
    { type: 'meeting.open' },
    { type: 'meeting.suspend' },
    { type: 'meeting.resume' },
    { type: 'meeting.close' },
    { type: 'floor.give' },
    { type: 'floor.end' },
    { type: 'item.finish' },
    { type: 'item.postpone' },
    { type: 'vote.open', point: 'probe', subject: { kind: 'proposal' } },
    { type: 'division.setParts', parts: ['probe 1', 'probe 2'] },
    { type: 'vote.close' },
    { type: 'vote.switchToRollCall' },
    { type: 'declaration.confirm' },
    { type: 'chair.assume' },
  ],
  secretariat: [],
  system: [],
};

export type Allowed = Partial<Record<ActionType, Refusal | null>>;

/** For each button of the actor's role: null when allowed, else the refusal (with its §). */
export function allowedActions(state: MeetingState, actor: Actor, ctx: Context): Allowed {
  const out: Allowed = {};
  for (const body of PROBES[actor.role]) out[body.type] = check(state, { ...body, actor } as never, ctx);
  return out;
}
