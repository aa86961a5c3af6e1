import { need, once } from '../../refusals';
import type { Item, MeetingState } from '../../types';
import { needNoMotion, reopenItem } from '../motions';
import { orderVoteDemanded } from '../selectors';
import { addRecordEntry, emptyDebate, endPeriod, endSpeech, newItem } from '../state';
import { needChair } from './toChair';
import type { HandlerMap } from './types';

export function requireOpen(s: MeetingState) {
  need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
  need(s.meeting.status === 'open', 'MEETING_NOT_OPEN');
}

export function requireCurrent(s: MeetingState): Item {
  const item = s.currentItem ? s.items[s.currentItem] : undefined;
  need(item && item.status === 'active', 'NO_CURRENT_ITEM');
  return item;
}

function isPermutation(order: string[], of: string[]) {
  return order.length === of.length && new Set(order).size === order.length && order.every((id) => of.includes(id));
}

/** § 2, stk. 6: true when some closed item stands before an open one. */
export function closedBeforeOpen(s: MeetingState, order: string[]) {
  let seenClosed = false;
  for (const id of order) {
    const closed = s.items[id]?.doors === 'closed';
    if (closed) seenClosed = true;
    else if (seenClosed) return true;
  }
  return false;
}

/** Done with the current item: it leaves the floor, and the per-item demands lapse. */
export function leaveItem(s: MeetingState, now: number) {
  const item = s.currentItem ? s.items[s.currentItem] : undefined;
  if (item) {
    endSpeech(item, now);
    endPeriod(item, now);
  }
  s.currentItem = null;
  s.demands.closure = [];
  s.demands.division = [];
  s.division = null;
  s.demands.rollCall = [];
}

export const agendaHandlers = {
  // § 9, stk. 2: an urgent or supplementary item; § 2, stk. 6: closed items go last.
  'agenda.add': (s, a) => {
    need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
    need(!s.items[a.item.id], 'DUPLICATE_ITEM');
    need(a.item.doors === 'open' || (a.item.closedReason ?? '').trim(), 'CLOSED_REASON_REQUIRED');
    need(a.item.amendmentDeadline === undefined || a.item.readings === 2, 'DEADLINE_TWO_READINGS_ONLY');
    // A new open item goes before the closed ones (§ 2, stk. 6) and takes that place's
    // number; the closed items after it move one number on, so the agenda reads in order.
    const firstClosed = s.agenda.findIndex((id) => s.items[id]?.doors === 'closed');
    const at = a.item.doors === 'closed' || firstClosed < 0 ? s.agenda.length : firstClosed;
    const number = at < s.agenda.length ? s.items[s.agenda[at]!]!.number : Math.max(0, ...Object.values(s.items).map((i) => i.number)) + 1;
    for (const id of s.agenda.slice(at)) s.items[id]!.number += 1;
    s.items[a.item.id] = newItem(a.item, number);
    s.agenda.splice(at, 0, a.item.id);
  },
  // § 20, stk. 1: the chair sets the order, unless six members demanded a vote on it.
  'agenda.reorder': (s, a, ctx) => {
    need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
    need(isPermutation(a.order, s.agenda), 'BAD_ORDER');
    need(!orderVoteDemanded(s), 'ORDER_VOTE_DEMANDED');
    need(!closedBeforeOpen(s, a.order) || (a.reason ?? '').trim(), 'CLOSED_NOT_LAST');
    s.agenda = [...a.order];
    if (a.reason) s.log.push({ at: ctx.now, text: `agenda order: ${a.reason}`, by: chairOf(a.actor) });
  },
  'agenda.demandOrderVote': (s, a) => {
    need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
    const me = memberOf(a.actor);
    once(s.demands.agendaOrder, me, '§ 20, stk. 1');
    s.demands.agendaOrder.push(me);
    return [{ type: 'demand', kind: 'agendaOrder', count: s.demands.agendaOrder.length }];
  },
  // § 20, stk. 1 (the chair may depart from the agenda) and § 21 (readings).
  'item.start': (s, a, ctx) => {
    requireOpen(s);
    const item = s.items[a.itemId];
    need(item, 'UNKNOWN_ITEM');
    need(!s.currentItem || s.items[s.currentItem]?.status !== 'active', 'ITEM_ACTIVE');
    need(['pending', 'postponed', 'awaitingSecondReading'].includes(item.status), 'ITEM_NOT_PENDING');
    needNoMotion(s);
    if (item.status === 'awaitingSecondReading') {
      const gap =
        item.kind === 'budget'
          ? s.config.budgetReadingGapDays * 24 * 3600 * 1000
          : s.config.readingGapHours * 3600 * 1000;
      need(ctx.now >= (item.firstReadingAt ?? 0) + gap, 'READING_GAP');
      item.reading = 2;
      item.debate = emptyDebate();
      item.votingBegun = false;
    }
    item.status = 'active';
    leaveItem(s, ctx.now);
    s.currentItem = item.id;
    item.periods.push({ from: ctx.now, to: null });
    return [{ type: 'item.started', itemId: item.id }];
  },
  'item.finish': (s, _a, ctx) => {
    const item = requireCurrent(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    needChair(!s.declaration, 'DECLARATION_PENDING');
    needNoMotion(s);
    item.status = 'done';
    leaveItem(s, ctx.now);
  },
  // § 18, stk. 5: the debate may be postponed on a proposal of the chair or a member.
  'item.postpone': (s, a, ctx) => {
    const item = requireCurrent(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    needChair(!s.declaration, 'DECLARATION_PENDING');
    needNoMotion(s);
    if (a.proposedBy) need(s.persons[a.proposedBy], 'UNKNOWN_PERSON');
    addRecordEntry(s, ctx.now, {
      kind: 'postponement',
      point: `Punktet udsættes${a.proposedBy ? ` (foreslået af ${s.persons[a.proposedBy]!.name})` : ''}`,
      outcome: 'postponed',
    });
    item.status = 'postponed';
    leaveItem(s, ctx.now);
  },
  // § 26: the chair refers the item unless a vote is demanded — a declaration without vote.
  'item.refer': (s, a) => {
    requireCurrent(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    need(!s.activeElection, 'ELECTION_ACTIVE');
    needChair(!s.declaration, 'DECLARATION_PENDING');
    needNoMotion(s);
    s.declaration = {
      id: `d${++s.seq}`,
      itemId: s.currentItem!,
      point: `Punktet henvises til ${a.committee}`,
      subject: { kind: 'referral', committee: a.committee },
      expected: 'adopted',
      demands: [],
    };
    return [{ type: 'declaration.made', subject: 'referral' }];
  },
  // § 20, stk. 3: a finished item is reopened only on decisive new information.
  'item.reopen': (s, a, ctx) => {
    requireOpen(s);
    const item = s.items[a.itemId];
    need(item, 'UNKNOWN_ITEM');
    need(item.status === 'done', 'ITEM_NOT_FINISHED');
    need(a.reason.trim().length >= 10, 'REOPEN_NEEDS_NEW_INFO');
    need(!s.currentItem || s.items[s.currentItem]?.status !== 'active', 'ITEM_ACTIVE');
    needNoMotion(s);
    reopenItem(s, item, ctx.now, a.reason, chairOf(a.actor));
  },
  // § 20, stk. 2 and § 2, stk. 4: moving an item behind closed doors needs a written reason.
  'item.setDoors': (s, a) => {
    const item = s.items[a.itemId];
    need(item, 'UNKNOWN_ITEM');
    need(a.doors === 'open' || (a.reason ?? '').trim(), 'CLOSED_REASON_REQUIRED');
    item.doors = a.doors;
    item.closedReason = a.doors === 'closed' ? a.reason : undefined;
  },
} satisfies HandlerMap;

export function chairOf(actor: { role: string; personId?: string }): string | null {
  return actor.role === 'chair' ? (actor.personId ?? null) : null;
}

/** The person a member action speaks for (apply has checked the role). */
export function memberOf(actor: { role: string; personId?: string }): string {
  return actor.personId ?? '';
}
