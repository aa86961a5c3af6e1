import { needNoMotion } from '../motions';
import { need, refuse } from '../../refusals';
import type { MeetingState, PersonId } from '../../types';
import { absentees, isPresent, lateWarningDue, seatOf, homeSeat } from '../selectors';
import { endPeriod, endSpeech } from '../state';
import { needChair } from './toChair';
import type { HandlerMap } from './types';

function requireMeetingLive(s: MeetingState) {
  need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
}

/** § 16: leaving the seat withdraws the person's requests and their ballot in an open vote. */
function leave(s: MeetingState, personId: PersonId) {
  for (const item of Object.values(s.items)) {
    item.debate.requests = item.debate.requests.filter((r) => r.personId !== personId);
  }
  const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
  if (vote) delete vote.ballots[personId];
}

export const meetingHandlers = {
  'meeting.open': (s, _a, ctx) => {
    need(s.meeting.status !== 'closed', 'MEETING_CLOSED');
    need(s.meeting.status === 'planned', 'MEETING_ALREADY_OPEN');
    s.meeting.status = 'open';
    s.meeting.openedAt = ctx.now;
    return [{ type: 'meeting.opened' }];
  },
  'meeting.suspend': (s) => {
    need(s.meeting.status === 'open', 'MEETING_NOT_OPEN');
    needChair(!s.activeVote, 'VOTE_OPEN');
    s.meeting.status = 'suspended';
  },
  'meeting.resume': (s) => {
    need(s.meeting.status === 'suspended', 'MEETING_NOT_SUSPENDED');
    s.meeting.status = 'open';
  },
  'meeting.close': (s, _a, ctx) => {
    requireMeetingLive(s);
    needChair(!s.activeVote, 'VOTE_OPEN');
    // A motion put before the council is decided (or withdrawn) before the meeting ends: it
    // would otherwise lapse with no decision in the record (§§ 18, 20, 26).
    needNoMotion(s);
    s.meeting.status = 'closed';
    s.meeting.closedAt = ctx.now;
    const cur = s.currentItem ? s.items[s.currentItem] : undefined;
    if (cur) {
      endSpeech(cur, ctx.now);
      endPeriod(cur, ctx.now);
    }
    return [{ type: 'meeting.closed', ...absentees(s) }];
  },
  // § 1: the chair may clear the gallery; the public display goes blank.
  'gallery.blank': (s, a) => {
    s.meeting.galleryBlank = a.blank;
  },
  // § 7: the server sends a tick when the normal end passes; the engine decides if it is due.
  'clock.tick': (s, _a, ctx) => {
    if (!lateWarningDue(s, ctx.now)) refuse('NOTHING_DUE');
  },

  // § 18, stk. 2: the acting chair hands over to a vice-chair or the temporary chair.
  'chair.handOver': (s, a, ctx) => {
    need(s.chair.line.includes(a.to) || s.chair.temporary === a.to, 'NOT_IN_CHAIR_LINE');
    need(isPresent(s, a.to), 'CHAIR_NOT_PRESENT');
    s.chair.acting = a.to;
    s.log.push({ at: ctx.now, text: `chair → ${a.to}`, by: a.actor.role === 'chair' ? a.actor.personId : null });
    return [{ type: 'chair.changed', acting: a.to }];
  },
  // § 18, stk. 2: the next in line takes the chair when those before are absent.
  'chair.assume': (s, a) => {
    if (a.actor.role !== 'chair') return refuse('WRONG_ROLE');
    const me = a.actor.personId;
    const pos = s.chair.line.indexOf(me);
    need(pos >= 0 || s.chair.temporary === me, 'NOT_IN_CHAIR_LINE');
    need(isPresent(s, me), 'CHAIR_NOT_PRESENT');
    const before = pos >= 0 ? s.chair.line.slice(0, pos) : s.chair.line;
    need(!before.some((p) => isPresent(s, p)), 'CHAIR_PRESENT_BEFORE');
    s.chair.acting = me;
    return [{ type: 'chair.changed', acting: me }];
  },
  // § 18, stk. 2: with chair and both vice-chairs absent, the council elects a temporary chair.
  'chair.appointTemporary': (s, a) => {
    need(s.persons[a.personId]?.kind === 'member', 'UNKNOWN_PERSON');
    need(!s.chair.line.some((p) => isPresent(s, p)), 'CHAIR_LINE_PRESENT');
    need(isPresent(s, a.personId), 'CHAIR_NOT_PRESENT');
    s.chair.temporary = a.personId;
    s.chair.acting = a.personId;
    return [{ type: 'chair.changed', acting: a.personId }];
  },

  // § 17 (fixed seat), § 8 (substitute in the absent member's seat).
  'presence.checkIn': (s, a, ctx) => {
    if (a.actor.role !== 'member') return refuse('WRONG_ROLE');
    const { personId, seatId } = a.actor;
    requireMeetingLive(s);
    const person = s.persons[personId];
    need(person, 'UNKNOWN_PERSON');
    need(s.chamber.seats.some((x) => x.id === seatId), 'UNKNOWN_SEAT');
    if (person.kind === 'member') need(!s.substitutes[personId], 'REPLACED_BY_SUBSTITUTE');
    const home = homeSeat(s, personId);
    need(person.kind === 'member' || home, 'SUBSTITUTE_NOT_CALLED');
    need(home === seatId, 'NOT_OWN_SEAT');
    need(seatOf(s, personId) === null, 'ALREADY_CHECKED_IN');
    need(!s.presence[seatId], 'SEAT_TAKEN');
    s.presence[seatId] = { personId, online: true, since: ctx.now };
    return [{ type: 'presence.changed', personId, present: true }];
  },
  'presence.checkOut': (s, a) => {
    if (a.actor.role !== 'member') return refuse('WRONG_ROLE');
    delete s.presence[a.actor.seatId];
    leave(s, a.actor.personId);
    return [{ type: 'presence.changed', personId: a.actor.personId, present: false }];
  },
  // § 16: a silent seat terminal counts as absent until it answers again; its ballot stays
  // stored but counts only if the seat is back before the vote closes.
  'seat.offline': (s, a) => {
    const occ = s.presence[a.seatId];
    need(occ, 'NOT_CHECKED_IN');
    need(occ.online, 'SEAT_OFFLINE');
    occ.online = false;
    return [{ type: 'presence.changed', personId: occ.personId, present: false }];
  },
  'seat.online': (s, a) => {
    const occ = s.presence[a.seatId];
    need(occ, 'NOT_CHECKED_IN');
    need(!occ.online, 'ALREADY_CHECKED_IN');
    occ.online = true;
    return [{ type: 'presence.changed', personId: occ.personId, present: true }];
  },
  'substitute.callIn': (s, a) => {
    const member = s.persons[a.memberId];
    need(member?.kind === 'member', 'UNKNOWN_PERSON');
    need(seatOf(s, a.memberId) === null, 'MEMBER_PRESENT');
    need(s.persons[a.substituteId]?.kind === 'substitute', 'NOT_A_SUBSTITUTE');
    need(!s.substitutes[a.memberId], 'SUBSTITUTE_BUSY');
    need(!Object.values(s.substitutes).includes(a.substituteId), 'SUBSTITUTE_BUSY');
    s.substitutes[a.memberId] = a.substituteId;
    return [{ type: 'substitute.calledIn', memberId: a.memberId, substituteId: a.substituteId }];
  },
  'substitute.release': (s, a) => {
    const sub = s.substitutes[a.memberId];
    need(sub, 'NO_SUBSTITUTE');
    need(seatOf(s, sub) === null, 'SUBSTITUTE_SEATED');
    delete s.substitutes[a.memberId];
  },
} satisfies HandlerMap;
