import { refuse, type RefusalCode } from '../refusals';
import type { Item, MeetingState, Motion, MotionKind } from '../types';
import { styledName } from '../names';

/** The paragraph each kind of motion rests on, for screens and the record. */
export const MOTION_PARAGRAPH: Record<MotionKind, string> = {
  referral: '§ 26, stk. 2',
  postponement: '§ 18, stk. 5',
  reopening: '§ 20, stk. 3',
};

const PENDING_CODE: Record<MotionKind, RefusalCode> = {
  referral: 'REFERRAL_MOTION_PENDING',
  postponement: 'POSTPONEMENT_MOTION_PENDING',
  reopening: 'REOPENING_MOTION_PENDING',
};

export function pendingMotion(s: MeetingState): Motion | null {
  return s.pendingMotion ? (s.motions[s.pendingMotion] ?? null) : null;
}

/**
 * A motion awaiting the council is decided before the meeting moves on: the refusal names
 * the paragraph of the motion that stands in the way.
 */
export function needNoMotion(s: MeetingState) {
  const m = pendingMotion(s);
  if (m) refuse(PENDING_CODE[m.kind]);
}

/** § 26, stk. 2: a motion for direct referral stops the debate until the council decides it. */
export function needDebateNotStopped(s: MeetingState) {
  if (pendingMotion(s)?.kind === 'referral') refuse('REFERRAL_MOTION_PENDING');
}

/**
 * The point put to the council, in the record's language (Danish, as the record is): what the
 * motion asks, by whom, and its stated reason. The chair may word it otherwise (§ 18, stk. 1).
 */
export function motionPoint(s: MeetingState, m: Motion): string {
  const item = s.items[m.itemId];
  const who = s.persons[m.proposer] ? styledName(s.persons[m.proposer]!) : m.proposer;
  const by = ` (forslag fra ${who})`;
  const n = item ? `punkt ${item.number}` : 'punktet';
  switch (m.kind) {
    case 'referral':
      return `Forslag om direkte henvisning af ${n} til ${m.committee ?? ''}${by}`;
    case 'postponement':
      return `Forslag om udsættelse af forhandlingen af ${n}${by}${m.reason ? `: ${m.reason}` : ''}`;
    case 'reopening':
      return `Forslag om genoptagelse af ${n}${by}. Nye oplysninger: ${m.reason ?? ''}`;
  }
}

/** § 20, stk. 3: a finished item is taken up again (by the chair's act or the council's decision). */
export function reopenItem(s: MeetingState, item: Item, now: number, why: string, by: string | null) {
  item.status = 'active';
  item.votingBegun = false;
  item.debate.closed = false;
  s.log.push({ at: now, text: `reopened ${item.id}: ${why}`, by });
  s.currentItem = item.id;
  item.periods.push({ from: now, to: null });
}
