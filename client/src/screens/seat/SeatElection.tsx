import type { Actor, MeetingState } from '../../../../shared/index';
import { MajorityBallot } from './MajorityBallot';
import { ProportionalSeat } from './ProportionalSeat';

/**
 * The election at a seat (§§ 27–28): the ballot of an open round, the demand for a written
 * ballot before round 1 (§ 27, stk. 2), the demand for an election against a unanimous list
 * (§ 28, stk. 5), and the results as they come.
 */
export function SeatElection({ state, personId, actor }: { state: MeetingState; personId: string; actor: Actor }) {
  const e = state.activeElection ? state.elections[state.activeElection] : undefined;
  if (!e) return null;
  return e.kind === 'majority' ? (
    <MajorityBallot key={e.id} state={state} e={e} personId={personId} actor={actor} />
  ) : (
    <ProportionalSeat key={e.id} state={state} e={e} personId={personId} actor={actor} />
  );
}
