import { need, once } from '../../refusals';
import { memberOf } from './agenda';
import type { HandlerMap } from './types';

export const recordHandlers = {
  // § 29, stk. 2: any member may have their vote recorded by name.
  'record.nameVote': (s, a) => {
    const vote = s.votes[a.voteId];
    need(vote, 'UNKNOWN_VOTE');
    need(vote.status === 'closed' && vote.result, 'VOTE_OPEN');
    const me = memberOf(a.actor);
    const choice = vote.result.present.includes(me) ? vote.ballots[me] : undefined;
    need(choice, 'NOT_A_VOTER');
    once(vote.result.named.map((n) => n.personId), me, '§ 29, stk. 2');
    vote.result.named.push({ personId: me, choice });
    const entry = s.record.find((e) => e.voteId === vote.id);
    entry?.named.push({ personId: me, choice });
  },
  // § 29, stk. 3: a short dissent in the record.
  'record.dissent': (s, a) => {
    const entry = s.record.find((e) => e.id === a.entryId);
    need(entry, 'UNKNOWN_ENTRY');
    // A dissent is a member's own view on a decision they took part in.
    need(!entry.absent.includes(memberOf(a.actor)), 'NOT_A_VOTER');
    const text = a.text.trim();
    need(text, 'EMPTY_TEXT');
    need(text.length <= s.config.dissentMaxLength, 'DISSENT_TOO_LONG');
    const me = memberOf(a.actor);
    once(entry.dissents.map((d) => d.personId), me, '§ 29, stk. 3');
    entry.dissents.push({ personId: me, text });
  },
} satisfies HandlerMap;
