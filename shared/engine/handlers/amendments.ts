import { need } from '../../refusals';
import { isDisqualified } from '../selectors';
import { memberOf, requireCurrent, requireOpen } from './agenda';
import type { HandlerMap } from './types';

export const amendmentHandlers = {
  // § 25, stk. 1: amendments and sub-amendments are handed in until the vote begins.
  'amendment.submit': (s, a, ctx) => {
    requireOpen(s);
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(!isDisqualified(s, item.id, me), 'DISQUALIFIED');
    need(!item.votingBegun, 'AMENDMENTS_CLOSED');
    // § 25, stk. 3: the council's deadline (the council's consent to a late one is not modelled).
    need(item.amendmentDeadline === undefined || ctx.now <= item.amendmentDeadline, 'AMENDMENT_DEADLINE_PASSED');
    if (a.parentId) {
      const parent = s.amendments[a.parentId];
      need(parent && parent.itemId === item.id, 'UNKNOWN_AMENDMENT');
      need(parent.parentId === null, 'NESTING_TOO_DEEP');
      need(parent.status === 'pending', 'AMENDMENT_NOT_PENDING');
    }
    const id = `am${++s.seq}`;
    s.amendments[id] = { id, itemId: item.id, parentId: a.parentId ?? null, text: a.text, proposer: me, status: 'pending' };
    item.amendmentOrder.push(id);
    return [{ type: 'amendment.submitted', amendmentId: id }];
  },
  'amendment.withdraw': (s, a) => {
    const am = s.amendments[a.amendmentId];
    need(am, 'UNKNOWN_AMENDMENT');
    need(am.proposer === memberOf(a.actor), 'NOT_PROPOSER');
    need(am.status === 'pending', 'AMENDMENT_NOT_PENDING');
    const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
    need(!(vote?.subject.kind === 'amendment' && vote.subject.amendmentId === am.id), 'VOTE_OPEN');
    am.status = 'withdrawn';
    // A sub-amendment lapses with the amendment it amends.
    for (const sub of Object.values(s.amendments)) if (sub.parentId === am.id && sub.status === 'pending') sub.status = 'withdrawn';
  },
  // § 25, stk. 4: the chair sets the voting order (sub-amendments and amendments before the main).
  'amendment.order': (s, a) => {
    const item = requireCurrent(s);
    const cur = item.amendmentOrder;
    need(a.order.length === cur.length && new Set(a.order).size === cur.length && a.order.every((id) => cur.includes(id)), 'BAD_ORDER');
    item.amendmentOrder = [...a.order];
  },
  // § 25, stk. 3: a deadline for amendments, only on items with two readings. The council
  // decides it; the chair enters it (or the set-up carries it).
  'item.setAmendmentDeadline': (s, a) => {
    const item = s.items[a.itemId];
    need(item, 'UNKNOWN_ITEM');
    need(item.readings === 2, 'DEADLINE_TWO_READINGS_ONLY');
    need(item.status !== 'done' && item.status !== 'referred', 'DEADLINE_ITEM_DONE');
    if (a.deadline === null) delete item.amendmentDeadline;
    else item.amendmentDeadline = typeof a.deadline === 'number' ? a.deadline : Date.parse(a.deadline);
  },
} satisfies HandlerMap;
