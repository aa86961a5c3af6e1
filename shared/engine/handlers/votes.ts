import { need, once } from '../../refusals';
import type { Choice, Counts, MeetingState, RecordEntry, Subject, Vote, VoteMode, VoteResult } from '../../types';
import {
  eligibleVoters,
  hasQuorum,
  isDisqualified,
  isPresent,
  divisionOf,
  mayVoteOn,
  nextAmendment,
  rollCallDemanded,
} from '../selectors';
import { requestKind } from '../speakers';
import { needNoMotion, reopenItem } from '../motions';
import { addRecordEntry } from '../state';
import { leaveItem, memberOf, requireOpen } from './agenda';
import { needChair } from './toChair';
import type { HandlerMap } from './types';

/** The item a subject belongs to: the current one, or none for the order of the agenda. */
function subjectItem(s: MeetingState, subject: Subject) {
  if (subject.kind === 'agendaOrder') return null;
  if (subject.kind === 'motion') {
    // The council decides the pending motion, and nothing else comes first.
    const m = s.pendingMotion === subject.motionId ? s.motions[subject.motionId] : undefined;
    need(m && m.status === 'pending', 'NO_MOTION');
    if (m.kind === 'reopening') {
      need(!s.currentItem || s.items[s.currentItem]?.status !== 'active', 'ITEM_ACTIVE');
      const target = s.items[m.itemId];
      need(target && target.status === 'done', 'ITEM_NOT_FINISHED');
      return target;
    }
  } else needNoMotion(s);
  const item = s.currentItem ? s.items[s.currentItem] : undefined;
  needChair(item && item.status === 'active', 'NO_CURRENT_ITEM');
  return item;
}

/** Checks that a subject may be decided now, by vote or by declaration. */
function checkSubject(s: MeetingState, subject: Subject) {
  const item = subjectItem(s, subject);
  switch (subject.kind) {
    case 'proposal':
      need(item!.reading === 2 || item!.readings === 1, 'FIRST_READING_ONLY');
      needChair(nextAmendment(s, item!.id) === null, 'AMENDMENT_ORDER');
      checkPart(s, item!.id, subject.part);
      break;
    case 'amendment': {
      const am = s.amendments[subject.amendmentId];
      need(am && am.itemId === item!.id, 'UNKNOWN_AMENDMENT');
      need(am.status === 'pending', 'AMENDMENT_NOT_PENDING');
      need(item!.reading === 2 || item!.readings === 1, 'FIRST_READING_ONLY');
      needChair(nextAmendment(s, item!.id) === am.id, 'AMENDMENT_ORDER');
      break;
    }
    case 'reading':
      need(item!.readings === 2 && item!.reading === 1, 'NOT_FIRST_READING');
      break;
    case 'closure': {
      need(!item!.debate.closed, 'DEBATE_CLOSED');
      const spoken = new Set(item!.debate.spoken.map((x) => x.personId));
      // A short remark or a point of order is not the floor on the item (annex, bilag 1).
      need(item!.debate.requests.every((r) => requestKind(r) !== 'speech' || spoken.has(r.personId)), 'CLOSURE_BEFORE_ALL_SPOKE');
      break;
    }
    case 'agendaOrder': {
      const o = subject.order;
      need(o.length === s.agenda.length && new Set(o).size === o.length && o.every((id) => s.items[id]), 'BAD_ORDER');
      break;
    }
    case 'denyFloor':
      need(s.persons[subject.personId], 'UNKNOWN_PERSON');
      need((s.callsToOrder[subject.personId] ?? 0) >= 2, 'NEEDS_SECOND_CALL');
      break;
    case 'disqualification':
      need(s.persons[subject.personId], 'UNKNOWN_PERSON');
      break;
    case 'motion':
      need(item!.id === s.motions[subject.motionId]!.itemId, 'NO_CURRENT_ITEM');
      break;
    case 'referral':
    case 'postpone':
      break;
  }
  return item;
}

/** § 24, stk. 5: once division is demanded, the proposal is decided part by part, in the chair's order. */
function checkPart(s: MeetingState, itemId: string, part: string | undefined) {
  const division = divisionOf(s, itemId);
  if (!division) return;
  needChair(part !== undefined, 'DIVISION_DEMANDED');
  needChair(division.parts.length, 'DIVISION_NO_PARTS');
  needChair(division.parts[division.decided] === part, 'PART_ORDER');
}

/** What a decided subject does to the meeting. */
function applyEffect(s: MeetingState, subject: Subject, adopted: boolean, now: number) {
  const item = s.currentItem ? s.items[s.currentItem] : undefined;
  switch (subject.kind) {
    case 'motion': {
      const m = s.motions[subject.motionId];
      if (!m) break;
      m.status = adopted ? 'adopted' : 'rejected';
      s.pendingMotion = null;
      const target = s.items[m.itemId];
      if (!adopted || !target) break;
      if (m.kind === 'reopening') reopenItem(s, target, now, m.reason ?? '', m.proposer);
      else if (item === target) applyEffect(s, m.kind === 'referral' ? { kind: 'referral', committee: m.committee ?? '' } : { kind: 'postpone' }, true, now);
      break;
    }
    case 'amendment':
      s.amendments[subject.amendmentId]!.status = adopted ? 'adopted' : 'rejected';
      break;
    case 'reading':
      if (!item) break;
      if (adopted) {
        item.status = 'awaitingSecondReading';
        item.firstReadingAt = now;
      } else item.status = 'done';
      leaveItem(s, now);
      break;
    case 'closure':
      s.demands.closure = [];
      if (adopted && item) {
        item.debate.closed = true;
        item.debate.requests = [];
      }
      break;
    case 'agendaOrder':
      s.demands.agendaOrder = [];
      if (adopted) s.agenda = [...subject.order];
      break;
    case 'denyFloor':
      if (adopted && !s.deniedFloor.includes(subject.personId)) {
        s.deniedFloor.push(subject.personId);
        for (const it of Object.values(s.items)) it.debate.requests = it.debate.requests.filter((r) => r.personId !== subject.personId);
      }
      break;
    case 'disqualification':
      if (adopted && item && !item.disqualified.includes(subject.personId)) {
        item.disqualified.push(subject.personId);
        item.debate.requests = item.debate.requests.filter((r) => r.personId !== subject.personId);
      }
      break;
    case 'referral':
      if (adopted && item) {
        item.status = 'referred';
        item.referredTo = subject.committee;
        leaveItem(s, now);
      }
      break;
    case 'postpone':
      if (adopted && item) {
        item.status = 'postponed';
        leaveItem(s, now);
      }
      break;
    case 'proposal':
      // § 24, stk. 5: the part decided; the next one in the chair's order comes up.
      if (item && s.division?.itemId === item.id && s.division.parts[s.division.decided] === subject.part) s.division.decided++;
      break;
  }
}

/** The record's kind and outcome follow what was decided, whether by vote or declaration. */
function entryOf(s: MeetingState, subject: Subject, adopted: boolean, byDeclaration: boolean): { kind: RecordEntry['kind']; outcome: RecordEntry['outcome'] } {
  const rejected = { outcome: 'rejected' as const };
  switch (subject.kind) {
    case 'motion': {
      const kind = s.motions[subject.motionId]?.kind;
      if (kind === 'referral') return entryOf(s, { kind: 'referral', committee: '' }, adopted, byDeclaration);
      if (kind === 'postponement') return entryOf(s, { kind: 'postpone' }, adopted, byDeclaration);
      return { kind: 'reopening', ...(adopted ? { outcome: 'adopted' } : rejected) };
    }
    case 'referral':
      return { kind: 'referral', ...(adopted ? { outcome: 'referred' } : rejected) };
    case 'postpone':
      return { kind: 'postponement', ...(adopted ? { outcome: 'postponed' } : rejected) };
    case 'disqualification':
      return { kind: 'disqualification', ...(adopted ? { outcome: 'adopted' } : rejected) };
    case 'reading':
      return { kind: 'reading', ...(adopted ? { outcome: 'adopted' } : rejected) };
    default:
      return { kind: byDeclaration ? 'declaration' : 'vote', ...(adopted ? { outcome: 'adopted' } : rejected) };
  }
}

function zero(): Counts {
  return { for: 0, against: 0, abstain: 0 };
}

/** The roll-call place whose turn it is: past persons who have left or already voted. Pure. */
function rollCallTurn(s: MeetingState, vote: Vote): number {
  const rc = vote.rollCall;
  if (!rc) return -1;
  let i = rc.index;
  while (i < rc.order.length && (!isPresent(s, rc.order[i]!) || vote.ballots[rc.order[i]!])) i++;
  return i;
}

/** Skips roll-call places of persons who have left, so the call never waits on an empty seat. */
function advanceRollCall(s: MeetingState, vote: Vote) {
  if (vote.rollCall) vote.rollCall.index = rollCallTurn(s, vote);
}

function closeVote(s: MeetingState, vote: Vote, now: number, manual: VoteResult['manual']) {
  const present = eligibleVoters(s, vote);
  const counts = zero();
  const byGroup: Record<string, Counts> = {};
  if (manual) Object.assign(counts, manual.counts);
  else
    for (const p of present) {
      const c = vote.ballots[p];
      if (!c) continue;
      counts[c]++;
      const g = s.persons[p]!.groupId;
      (byGroup[g] ??= zero())[c]++;
    }
  // § 24, stk. 3: adopted by a majority of the votes cast.
  const adopted = counts.for > counts.against;
  const named =
    vote.mode === 'rollCall'
      ? vote.rollCall!.order.map((p) => ({ personId: p, choice: present.includes(p) ? (vote.ballots[p] ?? null) : null }))
      : [];
  vote.result = { ...counts, adopted, present, named, byGroup: manual ? {} : byGroup, manual };
  vote.status = 'closed';
  vote.closedAt = now;
  s.activeVote = null;
  addRecordEntry(s, now, {
    itemId: vote.itemId,
    ...entryOf(s, vote.subject, adopted, false),
    voteId: vote.id,
    point: vote.point,
    subject: vote.subject,
    counts,
    byGroup: manual ? null : byGroup,
    mode: vote.mode,
    named: named.map((n) => ({ ...n })),
  });
  applyEffect(s, vote.subject, adopted, now);
  return [{ type: 'vote.closed', voteId: vote.id, adopted, ...counts }];
}

export const voteHandlers = {
  // § 18, stk. 1 (the chair words the point), § 15 (quorum), § 24, stk. 2 (roll call).
  'vote.open': (s, a, ctx) => {
    requireOpen(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    const item = checkSubject(s, a.subject);
    const decl = s.declaration;
    needChair(!decl || decl.subject.kind === a.subject.kind, 'DECLARATION_PENDING');
    needChair(!item?.debate.speaking, 'SOMEONE_SPEAKING');
    need(hasQuorum(s), 'NO_QUORUM');
    let mode: VoteMode = a.mode ?? 'electronic';
    if (rollCallDemanded(s)) {
      needChair(mode !== 'manual', 'ROLL_CALL_REQUIRED');
      mode = 'rollCall';
    }
    const vote: Vote = {
      id: `v${++s.seq}`,
      itemId: item?.id ?? '',
      point: a.point,
      subject: a.subject,
      mode,
      status: 'open',
      openedAt: ctx.now,
      closedAt: null,
      ballots: {},
      rollCall: null,
      result: null,
    };
    if (mode === 'rollCall') vote.rollCall = { order: eligibleVoters(s, vote), index: 0 };
    s.votes[vote.id] = vote;
    s.activeVote = vote.id;
    s.declaration = null;
    s.demands.rollCall = [];
    if (item && (a.subject.kind === 'proposal' || a.subject.kind === 'amendment')) item.votingBegun = true;
    return [{ type: 'vote.opened', voteId: vote.id, mode }];
  },
  // § 16: only a member present at their seat votes; may change until the close.
  'vote.cast': (s, a) => {
    requireOpen(s);
    const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
    need(vote, 'NO_VOTE_OPEN');
    need(vote.mode !== 'manual', 'NOT_MANUAL');
    const me = memberOf(a.actor);
    need(mayVoteOn(s, vote, me), 'DISQUALIFIED');
    // Judge the turn without moving the call: a refusal must leave the state as it was.
    if (vote.rollCall) need(vote.rollCall.order[rollCallTurn(s, vote)] === me, 'NOT_YOUR_TURN');
    vote.ballots[me] = a.choice as Choice;
    advanceRollCall(s, vote);
    const events: { type: string; [k: string]: unknown }[] = [{ type: 'vote.cast', voteId: vote.id, personId: me }];
    if (vote.rollCall && vote.rollCall.index < vote.rollCall.order.length)
      events.push({ type: 'rollCall.turn', personId: vote.rollCall.order[vote.rollCall.index] });
    return events;
  },
  'vote.switchToRollCall': (s) => {
    const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
    need(vote, 'NO_VOTE_OPEN');
    need(vote.mode !== 'rollCall', 'ALREADY_ROLL_CALL');
    vote.mode = 'rollCall';
    vote.ballots = {};
    vote.rollCall = { order: eligibleVoters(s, vote), index: 0 };
  },
  'vote.close': (s, _a, ctx) => {
    const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
    need(vote, 'NO_VOTE_OPEN');
    need(vote.mode !== 'manual', 'MANUAL_NEEDS_COUNTS');
    // § 15: the council decides only while at least half of its members are present.
    need(hasQuorum(s), 'NO_QUORUM');
    return closeVote(s, vote, ctx.now, null);
  },
  // § 24, stk. 1: standing or show of hands, with a counter-check.
  'vote.manualResult': (s, a, ctx) => {
    const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
    need(vote, 'NO_VOTE_OPEN');
    need(vote.mode === 'manual', 'NOT_MANUAL');
    const c = a.counts;
    const k = a.counterCheck;
    need(c.for === k.for && c.against === k.against && c.abstain === k.abstain, 'COUNTER_CHECK_MISMATCH');
    need(c.for + c.against + c.abstain <= eligibleVoters(s, vote).length, 'COUNTS_EXCEED_PRESENT');
    need(hasQuorum(s), 'NO_QUORUM');
    return closeVote(s, vote, ctx.now, { counts: { ...c }, counterCheck: { ...k } });
  },
  // § 24, stk. 4: the chair may declare an outcome beyond doubt without a vote.
  'declaration.make': (s, a) => {
    requireOpen(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    needChair(!s.declaration, 'DECLARATION_PENDING');
    const item = checkSubject(s, a.subject);
    s.declaration = { id: `d${++s.seq}`, itemId: item?.id ?? '', point: a.point, subject: a.subject, expected: a.expected, demands: [] };
    return [{ type: 'declaration.made' }];
  },
  'declaration.demandVote': (s, a) => {
    requireOpen(s);
    const d = s.declaration;
    need(d, 'NO_DECLARATION');
    const me = memberOf(a.actor);
    need(!isDisqualified(s, d.itemId, me), 'DISQUALIFIED');
    once(d.demands, me, '§ 24, stk. 4');
    d.demands.push(me);
    return [{ type: 'demand', kind: 'vote', count: d.demands.length }];
  },
  'declaration.confirm': (s, _a, ctx) => {
    requireOpen(s);
    const d = s.declaration;
    needChair(d, 'NO_DECLARATION');
    need(d.demands.length === 0, 'VOTE_DEMANDED');
    checkSubject(s, d.subject);
    need(hasQuorum(s), 'NO_QUORUM');
    const adopted = d.expected === 'adopted';
    s.declaration = null;
    // Decided without a vote is decided all the same: § 25 and § 24, stk. 5 close as after a vote.
    const item = d.itemId ? s.items[d.itemId] : undefined;
    if (item && (d.subject.kind === 'proposal' || d.subject.kind === 'amendment')) item.votingBegun = true;
    addRecordEntry(s, ctx.now, { itemId: d.itemId, ...entryOf(s, d.subject, adopted, true), point: d.point, subject: d.subject, mode: 'declaration' });
    applyEffect(s, d.subject, adopted, ctx.now);
    return [{ type: 'declaration.confirmed', adopted }];
  },
} satisfies HandlerMap;
