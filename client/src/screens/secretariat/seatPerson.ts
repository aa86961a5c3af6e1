import type { MeetingState } from '../../../../shared/index';

/** Who sits at a seat now, or whose seat it is (a substitute called in counts, § 8). */
export function seatPerson(state: MeetingState, seatId: string): string | null {
  const occ = state.presence[seatId]?.personId;
  if (occ) return occ;
  const owner = Object.values(state.persons).find((p) => p.seatId === seatId);
  return owner ? (state.substitutes[owner.id] ?? owner.id) : null;
}
