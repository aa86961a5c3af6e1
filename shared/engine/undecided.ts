import type { ItemId, MeetingState } from '../types';

/**
 * The item has a proposal and nothing in the record decides it yet: no vote or declaration
 * on the proposal itself (§ 24) or on passing it to a second reading (§ 21), no referral
 * (§ 26), postponement (§ 18, stk. 5) or election. Finishing such an item leaves the
 * proposal without a decision, which the console asks the chair to confirm.
 */
export function proposalUndecided(s: MeetingState, itemId: ItemId): boolean {
  const item = s.items[itemId];
  if (!item?.proposal?.trim()) return false;
  // Any decision on the item counts, also one from before a reopening (§ 20, stk. 3) or
  // from its first reading: the question is only whether the proposal was ever put.
  return !s.record.some(
    (e) =>
      e.itemId === itemId &&
      (e.subject?.kind === 'proposal' ||
        e.subject?.kind === 'reading' ||
        e.kind === 'election' ||
        // A rejected referral or postponement (a member's motion, § 26, stk. 2; § 18, stk. 5) leaves the proposal open.
        (['referral', 'postponement'].includes(e.kind) && e.outcome !== 'rejected')),
  );
}
