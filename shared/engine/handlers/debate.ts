import { need, once } from '../../refusals';
import { needDebateNotStopped } from '../motions';
import { groupKey, isDisqualified, proposalVotingBegun } from '../selectors';
import type { Actor, Item, MeetingState, PersonId, Request, SpeechKind } from '../../types';
import { groupTimeLeft, projectedSpeakers, type ProjectedSpeaker, remarkTarget, remarksDrawn, requestKind, speechKind } from '../speakers';
import { endSpeech } from '../state';
import { chairOf, memberOf, requireCurrent, requireOpen } from './agenda';
import { needChair } from './toChair';
import type { HandlerMap } from './types';

/** Who may ask for the floor at all, in any kind (§§ 18, 19, 23). */
function mayAsk(s: MeetingState, actor: Actor) {
  requireOpen(s);
  const item = requireCurrent(s);
  const me = memberOf(actor);
  need(!isDisqualified(s, item.id, me), 'DISQUALIFIED');
  need(!s.deniedFloor.includes(me), 'FLOOR_DENIED');
  return { item, me };
}

function hasGroupTime(s: MeetingState, item: Item, me: PersonId) {
  const left = groupTimeLeft(s, item, groupKey(s, me));
  return left === null || left > 0;
}

/**
 * Each pin moves one place up from where the ordinary list showed it, so the rest of the list
 * stands as shown (two pins clamped to the same index must not swap on the tie-break).
 */
function movePinsUp(item: Item, shown: ProjectedSpeaker[]) {
  for (const r of item.debate.requests) {
    if (!r.pinned || requestKind(r) !== 'speech') continue;
    const shownAt = shown.findIndex((p) => p.personId === r.personId);
    r.pinned.index = Math.max(r.pinned.index, shownAt) - 1;
  }
}

export const debateHandlers = {
  // § 19, stk. 1: whoever wants the floor asks the chair.
  'floor.request': (s, a) => {
    const { item, me } = mayAsk(s, a.actor);
    need(!item.debate.closed, 'DEBATE_CLOSED');
    need(!item.debate.requests.some((r) => r.personId === me && requestKind(r) === 'speech'), 'ALREADY_REQUESTED');
    need(hasGroupTime(s, item, me), 'GROUP_TIME_USED');
    item.debate.requests.push({ personId: me, kind: 'speech', seq: ++s.seq, pinned: null });
    return [{ type: 'floor.requested', personId: me }];
  },
  // Annex (bilag 1): a short remark answers the latest speech, a set number per speech.
  'floor.requestRemark': (s, a) => {
    const { item, me } = mayAsk(s, a.actor);
    const rule = s.config.shortRemark;
    need(rule, 'KIND_NOT_USED');
    need(!item.debate.closed, 'DEBATE_CLOSED');
    const target = remarkTarget(item);
    need(target !== null, 'NO_SPEECH_TO_REMARK');
    need(item.speeches[target]!.personId !== me, 'REMARK_OWN_SPEECH');
    const mine = (x: { personId: string; to?: number }) => x.personId === me && x.to === target;
    need(!item.debate.requests.some((r) => requestKind(r) === 'remark' && mine(r)), 'REMARK_ONCE');
    need(!item.speeches.some((sp) => speechKind(sp) === 'remark' && mine(sp)), 'REMARK_ONCE');
    need(remarksDrawn(item, target) < rule.perSpeech, 'REMARKS_FULL');
    need(hasGroupTime(s, item, me), 'GROUP_TIME_USED');
    item.debate.requests.push({ personId: me, kind: 'remark', to: target, seq: ++s.seq, pinned: null });
    return [{ type: 'floor.requested', personId: me }];
  },
  // Annex (bilag 1): a point of order goes first; it is about the procedure, so it is heard
  // after a closure too and draws on no group's time.
  'floor.requestOrder': (s, a) => {
    const { item, me } = mayAsk(s, a.actor);
    need(s.config.pointOfOrder, 'KIND_NOT_USED');
    need(!item.debate.requests.some((r) => r.personId === me && requestKind(r) === 'order'), 'ALREADY_REQUESTED');
    item.debate.requests.push({ personId: me, kind: 'order', seq: ++s.seq, pinned: null });
    return [{ type: 'floor.requested', personId: me }];
  },
  'floor.withdraw': (s, a) => {
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    const kind = a.kind ?? 'speech';
    const mine = (r: Request) => r.personId === me && requestKind(r) === kind;
    need(item.debate.requests.some(mine), 'NOT_REQUESTED');
    item.debate.requests = item.debate.requests.filter((r) => !mine(r));
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
    const key = groupKey(s, head.personId);
    const taken = item.debate.requests.find((r) => r.personId === head.personId && requestKind(r) === head.kind)!;
    item.debate.requests = item.debate.requests.filter((r) => r !== taken);
    let kind: SpeechKind;
    let seconds: number;
    if (head.kind === 'order') {
      kind = 'order';
      seconds = s.config.pointOfOrder?.seconds ?? s.config.speakingTime.laterSeconds;
    } else if (head.kind === 'remark') {
      kind = 'remark';
      seconds = s.config.shortRemark?.seconds ?? s.config.speakingTime.laterSeconds;
    } else {
      kind = item.debate.spoken.some((x) => x.personId === head.personId) ? 'later' : 'first';
      const times = item.speakingTime ?? s.config.speakingTime;
      seconds = kind === 'first' ? times.firstSeconds : times.laterSeconds;
      movePinsUp(item, projected.filter((p) => p.kind === 'speech'));
      // Remarks answer the speech before this one; a new speech leaves those not heard behind.
      item.debate.requests = item.debate.requests.filter((r) => requestKind(r) !== 'remark');
      item.debate.spoken.push({ personId: head.personId, groupKey: key });
    }
    let deadline = ctx.now + seconds * 1000;
    // Annex (bilag 1): the speech ends no later than the group's time on the item.
    const left = kind === 'order' ? null : groupTimeLeft(s, item, key);
    if (left !== null) deadline = Math.min(deadline, ctx.now + left);
    const first = kind === 'first';
    const to = kind === 'remark' ? { to: taken.to! } : {};
    item.debate.speaking = { personId: head.personId, groupKey: key, startedAt: ctx.now, deadline, first, kind };
    item.speeches.push({ personId: head.personId, groupKey: key, first, kind, ...to, reading: item.reading, startedAt: ctx.now, endedAt: null });
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
    // The annex's kinds have their own places ahead of the list; the chair moves speeches.
    const speeches = item.debate.requests.filter((r) => requestKind(r) === 'speech');
    const req = speeches.find((r) => r.personId === a.personId);
    need(req, 'NOT_REQUESTED');
    needChair(a.reason.trim(), 'MOVE_NEEDS_REASON');
    need(a.toIndex < speeches.length, 'BAD_INDEX');
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
  // § 24, stk. 5: division of the proposal may be demanded until the vote has begun — read as
  // § 25 reads the same words: the vote on the item begins with its first amendment or proposal vote.
  'division.demand': (s, a) => {
    requireOpen(s);
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(!isDisqualified(s, item.id, me), 'DISQUALIFIED');
    need(!item.votingBegun && !proposalVotingBegun(s, item), 'DIVISION_AFTER_VOTE_BEGAN');
    once(s.demands.division, me, '§ 24, stk. 5');
    s.demands.division.push(me);
    return [{ type: 'demand', kind: 'division', count: s.demands.division.length }];
  },
  // Those who demanded division may withdraw it until the parts are voted on; when the last
  // one does, the proposal may again be voted as a whole and the chair's parts lapse.
  'division.withdraw': (s, a) => {
    requireOpen(s);
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    need(s.demands.division.includes(me), 'DIVISION_NOT_DEMANDED');
    need(!proposalVotingBegun(s, item), 'DIVISION_VOTING_BEGUN');
    s.demands.division = s.demands.division.filter((p) => p !== me);
    if (!s.demands.division.length) s.division = null;
    return [{ type: 'demand', kind: 'divisionWithdrawn', count: s.demands.division.length }];
  },
  // § 24, stk. 5 with § 18, stk. 1: the chair words the parts, editable until the first is voted on.
  'division.setParts': (s, a) => {
    requireOpen(s);
    const item = requireCurrent(s);
    need(s.demands.division.length, 'NO_DIVISION');
    need(!proposalVotingBegun(s, item), 'DIVISION_VOTING_BEGUN');
    const parts = a.parts.map((p) => p.trim());
    need(parts.length >= 2 && new Set(parts).size === parts.length, 'DIVISION_BAD_PARTS');
    s.division = { itemId: item.id, parts, decided: 0 };
  },
  // § 23, stk. 2: a member tells the secretariat of circumstances that may disqualify them.
  'disqualification.notify': (s, a, ctx) => {
    const item = requireCurrent(s);
    const me = memberOf(a.actor);
    s.log.push({ at: ctx.now, text: `disqualification notice on ${item.id}: ${me}${a.note ? ` — ${a.note}` : ''}`, by: me });
    return [{ type: 'disqualification.notified', personId: me, itemId: item.id }];
  },
} satisfies HandlerMap;
