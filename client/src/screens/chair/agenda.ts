import type { ItemId, MeetingState } from '../../../../shared/index';
import { checkFor } from '../../engine';

/**
 * The items still to be handled (§ 20; § 21 a second reading): those the engine would start,
 * or holds back only for the gap between readings, in an open meeting with no item running —
 * asked on such a meeting, so that a suspension or the item under handling does not hide
 * what is left. The engine answers; the console keeps no list of statuses of its own. (A
 * selector in shared, e.g. `awaitsHandling(state, itemId)`, would say this directly.)
 */
export function itemsToHandle(state: MeetingState, chairId: string): ItemId[] {
  const idle: MeetingState = { ...state, meeting: { ...state.meeting, status: 'open' }, currentItem: null, chair: { ...state.chair, acting: chairId } };
  const actor = { role: 'chair', personId: chairId } as const;
  return state.agenda.filter((itemId) => {
    const r = checkFor(idle, actor, { type: 'item.start', itemId });
    return r === null || r.code === 'READING_GAP';
  });
}
