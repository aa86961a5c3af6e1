import type { Action } from '../actions';
import type { ItemId, MeetingState } from '../types';
import { check } from './apply';

/**
 * Would the acting chair's `item.start` for this item be accepted now? Not a second copy of
 * the rule: the engine's own handler answers, on a copy (§ 18 the acting chair; § 21 the gap
 * before a second reading; one item at a time). False while nobody holds the chair.
 */
export function isStartable(s: MeetingState, itemId: ItemId, now: number): boolean {
  const action = { type: 'item.start', itemId, actor: { role: 'chair', personId: s.chair.acting ?? '' } } as Action;
  return check(s, action, { now }) === null;
}
