import type { ItemId, MeetingState, PersonId } from '../types';
import { groupKey, isPresent } from './selectors';

export type PlaceReason = 'groupFirst' | 'order' | 'moved';

export interface ProjectedSpeaker {
  personId: PersonId;
  /** Why this place: first of a group that has not spoken (§ 19, stk. 2), order asked, or moved by the chair. */
  reason: PlaceReason;
  movedReason?: string;
}

/**
 * § 19, stk. 2 — the speaker list as the rule will produce it. Simulated speech by speech:
 * at each place, a request pinned there by the chair goes first; otherwise the earliest
 * request whose group has not yet spoken on the item; otherwise the earliest request.
 * After each simulated speech that group counts as spoken, so a second request from the
 * same party loses its priority once the first has spoken. `floor.give` takes element 0
 * of exactly this list, so what screens show is what will happen.
 */
export function projectedSpeakers(s: MeetingState, itemId: ItemId | null = s.currentItem): ProjectedSpeaker[] {
  const item = itemId ? s.items[itemId] : undefined;
  if (!item) return [];
  const spoken = new Set(item.debate.spoken.map((x) => x.groupKey));
  // § 16: a member whose seat terminal is silent keeps the request but is passed over
  // until present again, so the floor never goes to an empty seat.
  const here = item.debate.requests.filter((r) => isPresent(s, r.personId));
  const free = here.filter((r) => !r.pinned).sort((a, b) => a.seq - b.seq);
  const pins = here
    .filter((r) => r.pinned)
    .sort((a, b) => a.pinned!.index - b.pinned!.index || a.seq - b.seq);
  const out: ProjectedSpeaker[] = [];
  const total = free.length + pins.length;
  for (let place = 0; place < total; place++) {
    const pin = pins[0];
    if (pin && (pin.pinned!.index <= place || free.length === 0)) {
      pins.shift();
      out.push({ personId: pin.personId, reason: 'moved', movedReason: pin.pinned!.reason });
      spoken.add(groupKey(s, pin.personId));
      continue;
    }
    const idx = free.findIndex((r) => !spoken.has(groupKey(s, r.personId)));
    const [pick] = free.splice(idx >= 0 ? idx : 0, 1);
    out.push({ personId: pick!.personId, reason: idx >= 0 ? 'groupFirst' : 'order' });
    spoken.add(groupKey(s, pick!.personId));
  }
  return out;
}

