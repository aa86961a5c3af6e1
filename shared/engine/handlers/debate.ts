import { need, once } from '../../refusals';
import { needDebateNotStopped } from '../motions';
import { groupKey, isDisqualified } from '../selectors';
import { projectedSpeakers } from '../speakers';
import { endSpeech } from '../state';
import { chairOf, memberOf, requireCurrent, requireOpen } from './agenda';
import { needChair } from './toChair';
import type { HandlerMap } from './types';

export const debateHandlers = {
  // § 19, stk. 1: whoever wants the floor asks the chair.
  'floor.request': (s, a) => {
    requireOpen(s);
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(!isDisqualified(s, item.id, me), 'DISQUALIFIED');
    need(!s.deniedFloor.includes(me), 'FLOOR_DENIED');
    need(!item.debate.closed, 'DEBATE_CLOSED');
    need(!item.debate.requests.some((r) => r.personId === me), 'ALREADY_REQUESTED');
    item.debate.requests.push({ personId: me, seq: ++s.seq, pinned: null });
    return [{ type: 'floor.requested', personId: me }];
  },
  'floor.withdraw': (s, a) => {
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(item.debate.requests.some((r) => r.personId === me), 'NOT_REQUESTED');
    item.debate.requests = item.debate.requests.filter((r) => r.personId !== me);
  },
  // § 19, stk. 2: the floor goes to the head of the projected list, nobody else.
  'floor.give': (s, _a, ctx) => {
    requireOpen(s);
    const item = requireCurrent(s);
    needDebateNotStopped(s);
    needChair(!item.debate.speaking, 'SOMEONE_SPEAKING');
    const projected = projectedSpeakers(s, item.id);
    const head = projected[0];
    need(head, 'SPEAKER_LIST_EMPTY');
    const first = !item.debate.spoken.some((x) => x.personId === head.personId);
    const times = item.speakingTime ?? s.config.speakingTime;
    const seconds = first ? times.firstSeconds : times.laterSeconds;
    const key = groupKey(s, head.personId);
    item.debate.requests = item.debate.requests.filter((r) => r.personId !== head.personId);
    // Each pin moves one place up from where the list showed it, so the rest of the list
    // stands as shown (two pins clamped to the same index must not swap on the tie-break).
    for (const r of item.debate.requests) {
      if (!r.pinned) continue;
      const shownAt = projected.findIndex((p) => p.personId === r.personId);
      r.pinned.index = Math.max(r.pinned.index, shownAt) - 1;
    }
    item.debate.spoken.push({ personId: head.personId, groupKey: key });
    item.debate.speaking = { personId: head.personId, groupKey: key, startedAt: ctx.now, deadline: ctx.now + seconds * 1000, first };
    item.speeches.push({ personId: head.personId, groupKey: key, first, reading: item.reading, startedAt: ctx.now, endedAt: null });
    return [{ type: 'floor.given', personId: head.personId }];
  },
  // § 19, stk. 3: only the chair interrupts a speaker.
  'floor.end': (s, _a, ctx) => {
    const item = requireCurrent(s);
    need(item.debate.speaking, 'NOBODY_SPEAKING');
    endSpeech(item, ctx.now);
  },
  'floor.yield': (s, a, ctx) => {
    const item = requireCurrent(s);
    need(item.debate.speaking?.personId === memberOf(a.actor), 'NOT_SPEAKER');
    endSpeech(item, ctx.now);
  },
  // § 19, stk. 2: the chair may change the order, with a logged reason.
  'floor.move': (s, a, ctx) => {
    const item = requireCurrent(s);
    const req = item.debate.requests.find((r) => r.personId === a.personId);
    need(req, 'NOT_REQUESTED');
    needChair(a.reason.trim(), 'MOVE_NEEDS_REASON');
    need(a.toIndex < item.debate.requests.length, 'BAD_INDEX');
    req.pinned = { index: a.toIndex, reason: a.reason.trim() };
    s.log.push({ at: ctx.now, text: `speaker ${a.personId} → place ${a.toIndex + 1}: ${a.reason.trim()}`, by: chairOf(a.actor) });
  },
  // § 18, stk. 3: calls to order are counted for the meeting.
  'order.call': (s, a, ctx) => {
    need(s.persons[a.personId], 'UNKNOWN_PERSON');
    s.callsToOrder[a.personId] = (s.callsToOrder[a.personId] ?? 0) + 1;
    s.log.push({ at: ctx.now, text: `call to order: ${a.personId}`, by: chairOf(a.actor) });
    return [{ type: 'order.called', personId: a.personId, count: s.callsToOrder[a.personId] }];
  },
  // § 18, stk. 4: six members' demand forces a closure vote.
  'closure.demand': (s, a) => {
    requireOpen(s);
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(!item.debate.closed, 'DEBATE_CLOSED');
    once(s.demands.closure, me, '§ 18, stk. 4');
    s.demands.closure.push(me);
    return [{ type: 'demand', kind: 'closure', count: s.demands.closure.length }];
  },
  // § 24, stk. 2: a roll call is demanded before the vote begins.
  'rollCall.demand': (s, a) => {
    requireOpen(s);
    requireCurrent(s);
    const me = memberOf(a.actor);
    need(!s.activeVote, 'DEMAND_AFTER_VOTE_BEGAN');
    once(s.demands.rollCall, me, '§ 24, stk. 2');
    s.demands.rollCall.push(me);
    return [{ type: 'demand', kind: 'rollCall', count: s.demands.rollCall.length }];
  },
  // § 24, stk. 5: division of the point may be demanded until the vote has begun.
  'division.demand': (s, a) => {
    requireOpen(s);
    requireCurrent(s);
    const me = memberOf(a.actor);
    need(!s.activeVote, 'DIVISION_AFTER_VOTE_BEGAN');
    once(s.demands.division, me, '§ 24, stk. 5');
    s.demands.division.push(me);
    return [{ type: 'demand', kind: 'division', count: s.demands.division.length }];
  },
  // § 23, stk. 2: a member tells the secretariat of circumstances that may disqualify them.
  'disqualification.notify': (s, a, ctx) => {
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    s.log.push({ at: ctx.now, text: `disqualification notice on ${item.id}: ${me}${a.note ? ` — ${a.note}` : ''}`, by: me });
    return [{ type: 'disqualification.notified', personId: me, itemId: item.id }];
  },
} satisfies HandlerMap;
