import { need, refuse } from '../../refusals';
import type { Motion } from '../../types';
import { isDisqualified } from '../selectors';
import { needNoMotion, pendingMotion } from '../motions';
import { requireCurrent, requireOpen } from './agenda';
import type { HandlerMap } from './types';

// A procedural motion is proposed here and decided by the vote machinery (handlers/votes.ts,
// subject `{ kind: 'motion' }`): a vote, or the chair's declaration that no member contests.

export const motionHandlers = {
  // § 18, stk. 4: proposals go to the chair; the council decides (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3).
  'motion.propose': (s, a, ctx) => {
    requireOpen(s);
    needNoMotion(s);
    need(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    need(!s.declaration, 'DECLARATION_PENDING');
    const actor = a.actor;
    if (actor.role !== 'member' && actor.role !== 'chair') return refuse('WRONG_ROLE');
    const me = actor.personId;
    const m = a.motion;
    let itemId: string;
    if (m.kind === 'reopening') {
      // § 20, stk. 3: between items, about an item already finished.
      const item = s.items[m.itemId];
      need(item, 'UNKNOWN_ITEM');
      need(item.status === 'done', 'ITEM_NOT_FINISHED');
      need(!s.currentItem || s.items[s.currentItem]?.status !== 'active', 'ITEM_ACTIVE');
      need(m.reason.trim().length >= 10, 'REOPEN_NEEDS_NEW_INFO');
      itemId = item.id;
    } else itemId = requireCurrent(s).id;
    // § 23: a disqualified member takes no part in the item's business.
    need(actor.role !== 'member' || !isDisqualified(s, itemId, me), 'DISQUALIFIED');
    const motion: Motion = {
      id: `m${++s.seq}`,
      kind: m.kind,
      itemId,
      proposer: me,
      byChair: actor.role === 'chair',
      committee: m.kind === 'referral' ? m.committee.trim() : null,
      reason: m.kind === 'referral' ? null : (m.reason ?? '').trim() || null,
      at: ctx.now,
      status: 'pending',
    };
    s.motions[motion.id] = motion;
    s.pendingMotion = motion.id;
    return [{ type: 'motion.proposed', motionId: motion.id, kind: motion.kind, itemId }];
  },
  // The proposer may take the motion back until the council has been asked to decide it.
  'motion.withdraw': (s, a) => {
    const m = pendingMotion(s);
    need(m, 'NO_MOTION');
    const me = a.actor.role === 'member' || a.actor.role === 'chair' ? a.actor.personId : '';
    need(m.proposer === me, 'NOT_MOTION_PROPOSER');
    const onIt = (subject: { kind: string; motionId?: string } | undefined) => subject?.kind === 'motion' && subject.motionId === m.id;
    need(!onIt(s.activeVote ? s.votes[s.activeVote]?.subject : undefined) && !onIt(s.declaration?.subject), 'MOTION_BEING_DECIDED');
    delete s.motions[m.id];
    s.pendingMotion = null;
    return [{ type: 'motion.withdrawn', motionId: m.id }];
  },
} satisfies HandlerMap;
