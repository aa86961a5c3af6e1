// Presence, seats, substitutes and quorum: §§ 8, 15, 16 and 17 of the standing orders.
import { describe, expect, it } from 'vitest';
import { hasQuorum, presentCount, presentPersons, quorumNeeded } from '../../shared/engine/selectors';
import { debating, meeting } from './helpers/meeting';

describe('§ 17 — every member has a fixed seat', () => {
  it('checks in at the member’s own seat only', () => {
    const m = meeting();
    const own = m.state.persons.m2!.seatId!;
    const other = m.state.persons.m3!.seatId!;
    m.as('m2', other).refuse({ type: 'presence.checkIn' }, 'NOT_OWN_SEAT', '§ 17');
    m.as('m2', 'S99').refuse({ type: 'presence.checkIn' }, 'UNKNOWN_SEAT', '§ 17');
    m.as('ghost', own).refuse({ type: 'presence.checkIn' }, 'UNKNOWN_PERSON', '§ 17');
    const ev = m.as('m2').do({ type: 'presence.checkIn' });
    expect(ev).toEqual([{ type: 'presence.changed', personId: 'm2', present: true }]);
    expect(m.state.presence[own]).toEqual({ personId: 'm2', online: true, since: m.now });
  });

  it('may check in before the meeting opens (to make the quorum)', () => {
    const m = meeting();
    m.checkInAll(28);
    expect(m.state.meeting.status).toBe('planned');
    expect(presentCount(m.state)).toBe(28);
  });
});

describe('§ 16 — a member acts only when personally present at their seat', () => {
  it('not twice', () => {
    const m = meeting();
    m.checkIn('m2');
    m.as('m2').refuse({ type: 'presence.checkIn' }, 'ALREADY_CHECKED_IN', '§ 16');
  });

  it('member actions need a check-in at the seat the action comes from', () => {
    const m = debating('i2', { present: 40 });
    m.as('m50').refuse({ type: 'floor.request' }, 'NOT_CHECKED_IN', '§ 16');
    // Someone else's terminal is not a proxy.
    m.as('m50', m.state.persons.m2!.seatId!).refuse({ type: 'floor.request' }, 'NOT_CHECKED_IN', '§ 16');
    m.openVote({ kind: 'proposal' });
    m.as('m50', m.state.persons.m2!.seatId!).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_CHECKED_IN', '§ 16');
  });

  it('checking out withdraws the member’s requests and the ballot in an open vote', () => {
    const m = debating('i2');
    m.request('m2', 'm14');
    m.checkOut('m2');
    expect(m.item.debate.requests.map((r) => r.personId)).toEqual(['m14']);
    m.checkIn('m2');
    m.openVote({ kind: 'proposal' });
    m.cast({ m2: 'for', m3: 'against' });
    m.checkOut('m2');
    expect(m.vote.ballots).toEqual({ m3: 'against' });
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: 0, against: 1 });
    expect(v.result!.present).not.toContain('m2');
  });

  it('a silent seat terminal makes the member absent until it answers (seat.offline)', () => {
    const m = meeting();
    m.checkInAll(28);
    m.open();
    m.start('i2');
    const seat = m.state.persons.m2!.seatId!;
    expect(hasQuorum(m.state)).toBe(true);
    m.as('m2').refuse({ type: 'seat.offline', seatId: seat }, 'NOT_SYSTEM', '—');
    m.system.do({ type: 'seat.offline', seatId: seat });
    m.system.refuse({ type: 'seat.offline', seatId: seat }, 'SEAT_OFFLINE', '§ 16');
    m.system.refuse({ type: 'seat.offline', seatId: m.state.persons.m50!.seatId! }, 'NOT_CHECKED_IN', '§ 16');
    expect(presentCount(m.state)).toBe(27);
    expect(presentPersons(m.state)).not.toContain('m2');
    m.as('m2').refuse({ type: 'floor.request' }, 'SEAT_OFFLINE', '§ 16');
    m.as('m2').refuse({ type: 'presence.checkIn' }, 'ALREADY_CHECKED_IN', '§ 16');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
    m.system.do({ type: 'seat.online', seatId: seat });
    m.system.refuse({ type: 'seat.online', seatId: seat }, 'ALREADY_CHECKED_IN', '§ 16');
    m.as('m2').do({ type: 'floor.request' });
    m.openVote({ kind: 'proposal' });
  });

  it('a ballot from a seat that falls silent counts only if it answers before the close', () => {
    const m = debating('i2');
    const seat2 = m.state.persons.m2!.seatId!;
    const seat3 = m.state.persons.m3!.seatId!;
    m.openVote({ kind: 'proposal' });
    m.cast({ m2: 'for', m3: 'for', m4: 'against' });
    m.system.do({ type: 'seat.offline', seatId: seat2 });
    m.system.do({ type: 'seat.offline', seatId: seat3 });
    m.system.do({ type: 'seat.online', seatId: seat3 });
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: 1, against: 1, adopted: false });
    expect(v.result!.present).not.toContain('m2');
    expect(v.result!.present).toContain('m3');
  });
});

describe('§ 8 — a substitute takes an absent member’s seat', () => {
  it('called in, the substitute checks in at the member’s seat and the member cannot', () => {
    const m = meeting();
    m.checkInAll(28);
    const seat = m.state.persons.m40!.seatId!;
    m.as('sub1', seat).refuse({ type: 'presence.checkIn' }, 'SUBSTITUTE_NOT_CALLED', '§ 8');
    m.secretariat.do({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub1' });
    expect(m.state.substitutes).toEqual({ m40: 'sub1' });
    m.as('sub1', m.state.persons.m41!.seatId!).refuse({ type: 'presence.checkIn' }, 'NOT_OWN_SEAT', '§ 17');
    m.as('sub1').do({ type: 'presence.checkIn' });
    expect(m.state.presence[seat]!.personId).toBe('sub1');
    m.as('m40').refuse({ type: 'presence.checkIn' }, 'REPLACED_BY_SUBSTITUTE', '§ 8');
    expect(presentCount(m.state)).toBe(29);
  });

  it('refuses to call in for a present member, a busy or non-substitute, or to release a seated one', () => {
    const m = meeting();
    m.checkInAll(28);
    m.secretariat.refuse({ type: 'substitute.callIn', memberId: 'm2', substituteId: 'sub1' }, 'MEMBER_PRESENT', '§ 8');
    m.secretariat.refuse({ type: 'substitute.callIn', memberId: 'sub2', substituteId: 'sub1' }, 'UNKNOWN_PERSON', '§ 17');
    m.secretariat.refuse({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'm41' }, 'NOT_A_SUBSTITUTE', '§ 8');
    m.secretariat.do({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub1' });
    m.secretariat.refuse({ type: 'substitute.callIn', memberId: 'm41', substituteId: 'sub1' }, 'SUBSTITUTE_BUSY', '§ 8');
    m.secretariat.refuse({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub2' }, 'SUBSTITUTE_BUSY', '§ 8');
    m.as('sub1').do({ type: 'presence.checkIn' });
    m.secretariat.refuse({ type: 'substitute.release', memberId: 'm40' }, 'SUBSTITUTE_SEATED', '§ 8');
    m.secretariat.refuse({ type: 'substitute.release', memberId: 'm41' }, 'NO_SUBSTITUTE', '§ 8');
    m.as('m41').refuse({ type: 'substitute.release', memberId: 'm40' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    // The substitute leaves, is released; the member returns to their own seat.
    m.checkOut('sub1');
    m.chair.do({ type: 'substitute.release', memberId: 'm40' });
    expect(m.state.substitutes).toEqual({});
    m.checkIn('m40');
  });

  it('the substitute speaks and votes in the member’s place; the record names both', () => {
    const m = meeting();
    m.checkIn(...m.members.filter((p) => p !== 'm40'));
    m.secretariat.do({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub1' });
    m.checkIn('sub1');
    m.open();
    m.start('i2');
    m.request('sub1');
    m.openVote({ kind: 'proposal' });
    m.cast({ sub1: 'for' });
    const v = m.closeVote();
    expect(v.result!.present).toContain('sub1');
    expect(v.result!.for).toBe(1);
    const entry = m.state.record.at(-1)!;
    expect(entry.absent).toEqual(['m40']);
    expect(entry.substitutes).toEqual([{ substituteId: 'sub1', forMember: 'm40' }]);
  });
});

describe('§ 15 — the council decides only when at least half of its members are present', () => {
  it('needs ceil(55/2) = 28: a vote is refused at 27 and accepted at 28', () => {
    const m = meeting();
    expect(quorumNeeded(m.state)).toBe(28);
    m.checkInAll(27);
    m.open();
    m.start('i2');
    m.chair.refuse({ type: 'vote.open', point: 'Forslaget', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
    m.chair.do({ type: 'declaration.make', point: 'Forslaget', subject: { kind: 'proposal' }, expected: 'adopted' });
    m.chair.refuse({ type: 'declaration.confirm' }, 'NO_QUORUM', '§ 15');
    m.checkIn('m28');
    m.chair.do({ type: 'declaration.confirm' });
    m.openVote({ kind: 'proposal' });
    expect(m.vote.status).toBe('open');
  });

  it('the quorum follows the configured council size', () => {
    const m = meeting({ config: { memberCount: 31 } });
    expect(quorumNeeded(m.state)).toBe(16);
    m.checkInAll(16);
    m.open();
    m.start('i2');
    m.openVote({ kind: 'proposal' });
  });

  it('a seat going offline can take the council below the quorum', () => {
    const m = meeting();
    m.checkInAll(28);
    m.open();
    m.start('i2');
    m.system.do({ type: 'seat.offline', seatId: m.state.persons.m5!.seatId! });
    expect(hasQuorum(m.state)).toBe(false);
    m.chair.refuse({ type: 'vote.open', point: 'Forslaget', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
  });
});
