import type { Item, ItemId, MeetingState, PersonId, Request, RequestKind, SpeechRecord } from '../types';
import { groupKey, isPresent } from './selectors';

export type PlaceReason = 'groupFirst' | 'order' | 'moved' | 'pointOfOrder' | 'remark';

export interface ProjectedSpeaker {
  personId: PersonId;
  /** What was asked for: an ordinary speech, a short remark or a point of order (annex, bilag 1). */
  kind: RequestKind;
  /** Why this place: first of a group that has not spoken (§ 19, stk. 2), order asked, moved by the chair, or the annex's kinds. */
  reason: PlaceReason;
  movedReason?: string;
}

export const requestKind = (r: Request): RequestKind => r.kind ?? 'speech';
/** A speech record's kind; records kept from before the kinds say only first or not. */
export const speechKind = (sp: Pick<SpeechRecord, 'first' | 'kind'>) => sp.kind ?? (sp.first ? 'first' : 'later');
const ordinary = (sp: SpeechRecord) => { const k = speechKind(sp); return k === 'first' || k === 'later'; };

/** The speech a short remark answers now: the latest first or later speech of this reading. */
export function remarkTarget(item: Item): number | null {
  for (let i = item.speeches.length - 1; i >= 0; i--) {
    const sp = item.speeches[i]!;
    if (sp.reading !== item.reading) return null;
    if (ordinary(sp)) return i;
  }
  return null;
}

/** Short remarks a speech has drawn: given, and still asked for. */
export function remarksDrawn(item: Item, target: number): number {
  const given = item.speeches.filter((sp) => speechKind(sp) === 'remark' && sp.to === target).length;
  const asked = item.debate.requests.filter((r) => requestKind(r) === 'remark' && r.to === target).length;
  return given + asked;
}

/** Annex (bilag 1): the item's speaking time per group in ms, or null when it has none. */
export function groupBudgetMs(s: MeetingState, item: Item): number | null {
  const sec = item.groupBudgetSeconds === undefined ? s.config.groupBudgetSeconds : item.groupBudgetSeconds;
  return sec === null ? null : sec * 1000;
}

/**
 * A group's speaking time left on the item in ms (null: no budget). Finished speeches and
 * remarks count; a point of order is about the procedure, not the item, and does not. A
 * speech going on counts up to `now` when given.
 */
export function groupTimeLeft(s: MeetingState, item: Item, key: string, now?: number): number | null {
  const budget = groupBudgetMs(s, item);
  if (budget === null) return null;
  let used = 0;
  for (const sp of item.speeches) {
    if (sp.groupKey !== key || speechKind(sp) === 'order') continue;
    const end = sp.endedAt ?? now;
    if (end !== undefined) used += Math.max(0, end - sp.startedAt);
  }
  return Math.max(0, budget - used);
}

const hasTime = (s: MeetingState, item: Item, personId: PersonId) => {
  const left = groupTimeLeft(s, item, groupKey(s, personId));
  return left === null || left > 0;
};

/**
 * § 19, stk. 2 — the speaker list as the rule will produce it, with the annex's kinds ahead
 * of it: points of order first, then short remarks to the latest speech, each in the order
 * asked. The ordinary speeches are simulated speech by speech: at each place, a request
 * pinned there by the chair goes first; otherwise the earliest request whose group has not
 * yet spoken on the item; otherwise the earliest request. After each simulated speech that
 * group counts as spoken, so a second request from the same party loses its priority once
 * the first has spoken. A group whose time on the item is used is left out. `floor.give`
 * takes element 0 of exactly this list, so what screens show is what will happen.
 */
export function projectedSpeakers(s: MeetingState, itemId: ItemId | null = s.currentItem): ProjectedSpeaker[] {
  const item = itemId ? s.items[itemId] : undefined;
  if (!item) return [];
  // § 16: a member whose seat terminal is silent keeps the request but is passed over
  // until present again, so the floor never goes to an empty seat.
  const here = item.debate.requests.filter((r) => isPresent(s, r.personId)).sort((a, b) => a.seq - b.seq);
  const target = remarkTarget(item);
  const out: ProjectedSpeaker[] = [
    ...here.filter((r) => requestKind(r) === 'order').map((r) => ({ personId: r.personId, kind: 'order' as const, reason: 'pointOfOrder' as const })),
    ...here
      .filter((r) => requestKind(r) === 'remark' && r.to === target && hasTime(s, item, r.personId))
      .map((r) => ({ personId: r.personId, kind: 'remark' as const, reason: 'remark' as const })),
  ];
  return [...out, ...ordinaryList(s, item, here.filter((r) => requestKind(r) === 'speech' && hasTime(s, item, r.personId)))];
}

/** § 19, stk. 2: the ordinary speeches' order (see projectedSpeakers). */
export function ordinaryList(s: MeetingState, item: Item, here: Request[]): ProjectedSpeaker[] {
  const spoken = new Set(item.debate.spoken.map((x) => x.groupKey));
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
      out.push({ personId: pin.personId, kind: 'speech', reason: 'moved', movedReason: pin.pinned!.reason });
      spoken.add(groupKey(s, pin.personId));
      continue;
    }
    const idx = free.findIndex((r) => !spoken.has(groupKey(s, r.personId)));
    const [pick] = free.splice(idx >= 0 ? idx : 0, 1);
    out.push({ personId: pick!.personId, kind: 'speech', reason: idx >= 0 ? 'groupFirst' : 'order' });
    spoken.add(groupKey(s, pick!.personId));
  }
  return out;
}
