// Who may vote on a vote (§§ 8, 16, 23, 24) and whether an item may start (§§ 18, 21): the
// selectors every screen asks, checked against what the engine itself accepts and counts.
import { describe, expect, it } from 'vitest';
import { check, eligibleVoters, isStartable, publicView, type Action } from '../../shared/index';
import { DAY, debating, meeting, snap } from './helpers/meeting';

const sorted = (xs: string[]) => [...xs].sort();

const proposal = { kind: 'proposal' } as const;

describe('§ 16 — only members present at a seat that answers may vote', () => {
  it('counts the present, not the absent nor a seat gone silent; the engine counts the same', () => {
    const m = debating('i2', { present: 40 });
    const vote = m.openVote(proposal);
    expect(sorted(eligibleVoters(m.state, vote))).toEqual(sorted(m.members.slice(0, 40)));
    m.system.do({ type: 'seat.offline', seatId: m.state.persons.m3!.seatId! });
    m.checkOut('m4');
    const elig = eligibleVoters(m.state, m.vote);
    expect(elig).toHaveLength(38);
    expect(elig).not.toContain('m3');
    expect(elig).not.toContain('m4');
    expect(elig).not.toContain('m41');
    // The absent member's ballot is refused and nothing changes.
    const before = snap(m.state.votes);
    m.as('m41').refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_CHECKED_IN', '§ 16');
    expect(m.state.votes).toEqual(before);
    expect(publicView(m.state).current).toMatchObject({ vote: { eligible: 38 } });
    const closed = m.closeVote();
    expect(closed.result!.present).toEqual(elig);
  });
});

describe('§ 23 — a disqualified member votes only on their own disqualification', () => {
  it('leaves the disqualified member out, except on the vote about them; the gallery counts the same', () => {
    const m = debating('i2');
    m.decide({ kind: 'disqualification', personId: 'm5' }, m.members.slice(10, 40));
    expect(m.item.disqualified).toEqual(['m5']);

    const own = m.openVote({ kind: 'disqualification', personId: 'm5' }, 'Genoptagelse');
    expect(eligibleVoters(m.state, own)).toContain('m5');
    expect(eligibleVoters(m.state, own)).toHaveLength(55);
    m.closeVote();

    const other = m.openVote(proposal);
    const elig = eligibleVoters(m.state, other);
    expect(elig).not.toContain('m5');
    expect(elig).toHaveLength(54);
    // The public view said 55 here before: it counted the disqualified member.
    expect(publicView(m.state).current).toMatchObject({ vote: { eligible: 54 } });
    const before = snap(m.state.votes);
    m.as('m5').refuse({ type: 'vote.cast', choice: 'for' }, 'DISQUALIFIED', '§ 23');
    expect(m.state.votes).toEqual(before);
    expect(m.closeVote().result!.present).toEqual(elig);
  });

  it('a show of hands may not count more hands than there are eligible voters', () => {
    const m = debating('i2', { present: 30 });
    m.decide({ kind: 'disqualification', personId: 'm5' }, m.members.slice(10, 30));
    const vote = m.openVote(proposal, 'Ved håndsoprækning', 'manual');
    expect(eligibleVoters(m.state, vote)).toHaveLength(29);
    const tooMany = { for: 30, against: 0, abstain: 0 };
    const before = snap(m.state.votes);
    m.chair.refuse({ type: 'vote.manualResult', counts: tooMany, counterCheck: tooMany }, 'COUNTS_EXCEED_PRESENT', '§ 16');
    expect(m.state.votes).toEqual(before);
    const exact = { for: 29, against: 0, abstain: 0 };
    m.chair.do({ type: 'vote.manualResult', counts: exact, counterCheck: exact });
    expect(m.lastVote().result).toMatchObject({ for: 29, adopted: true });
  });
});

describe('§ 24, stk. 2 — a roll call: the persons called who are still present', () => {
  it('is the order fixed at the opening, less those who left; one who arrives later is not called', () => {
    const m = debating('i2', { present: 40 });
    const vote = m.openVote(proposal, 'Ved navneopråb', 'rollCall');
    const order = [...vote.rollCall!.order];
    expect(sorted(order)).toEqual(sorted(m.members.slice(0, 40)));
    expect(eligibleVoters(m.state, vote)).toEqual(order);

    m.checkOut('m7');
    m.checkIn('m45');
    const elig = eligibleVoters(m.state, m.vote);
    // The seat used to count the whole order (40) and the gallery the present (40): both wrong.
    expect(elig).toHaveLength(39);
    expect(elig).not.toContain('m7');
    expect(elig).not.toContain('m45');
    expect(m.vote.rollCall!.order).toEqual(order);
    expect(publicView(m.state).current).toMatchObject({ vote: { eligible: 39 } });

    for (const p of elig) m.as(p).do({ type: 'vote.cast', choice: 'for' });
    const before = snap(m.state.votes);
    m.as('m45').refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
    expect(m.state.votes).toEqual(before);
    const closed = m.closeVote();
    expect(closed.result).toMatchObject({ for: 39, adopted: true });
    expect(closed.result!.present).toEqual(elig);
  });

  it('a disqualified member is not called', () => {
    const m = debating('i2', { present: 30 });
    m.decide({ kind: 'disqualification', personId: 'm5' }, m.members.slice(10, 30));
    const vote = m.openVote(proposal, 'Ved navneopråb', 'rollCall');
    expect(vote.rollCall!.order).not.toContain('m5');
    expect(sorted(eligibleVoters(m.state, vote))).toEqual(sorted(m.members.slice(0, 30).filter((p) => p !== 'm5')));
  });
});

describe('§ 8 — a substitute votes in the seat of the absent member', () => {
  it('the substitute present is eligible, the member replaced is not', () => {
    const m = meeting();
    m.checkInAll(39);
    m.secretariat.do({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub1' });
    m.as('sub1').do({ type: 'presence.checkIn' });
    m.open();
    m.start('i2');
    const vote = m.openVote(proposal);
    const elig = eligibleVoters(m.state, vote);
    expect(elig).toHaveLength(40);
    expect(elig).toContain('sub1');
    expect(elig).not.toContain('m40');
    m.cast({ sub1: 'for' });
    expect(m.closeVote().result).toMatchObject({ for: 1 });
  });
});

describe('§ 18, § 21 — whether the chair may start an item now (the engine’s own answer)', () => {
  it('follows item.start: an open meeting, no item running, a pending item, the gap before a second reading', () => {
    const m = meeting();
    m.checkInAll(55);
    expect(isStartable(m.state, 'i2', m.now)).toBe(false); // meeting not open
    m.open();
    expect(isStartable(m.state, 'i2', m.now)).toBe(true);
    expect(isStartable(m.state, 'nope', m.now)).toBe(false);
    const before = snap(m.state);
    isStartable(m.state, 'i2', m.now);
    expect(m.state).toEqual(before); // asked on a copy
    m.start('i2');
    expect(isStartable(m.state, 'i2', m.now)).toBe(false); // running
    const other = m.setup.agenda.find((it) => it.id !== 'i2' && (it.readings ?? 1) === 1)!.id;
    expect(isStartable(m.state, other, m.now)).toBe(false); // one item at a time
    m.finish();
    expect(isStartable(m.state, other, m.now)).toBe(true);
    expect(isStartable(m.state, 'i2', m.now)).toBe(false); // done
    // Each answer equals the engine's verdict on the acting chair's action.
    const chair = { role: 'chair', personId: m.state.chair.acting! } as const;
    const verdicts = m.state.agenda.map((id) => check(m.state, { type: 'item.start', itemId: id, actor: chair } as Action, m.ctx) === null);
    expect(m.state.agenda.map((id) => isStartable(m.state, id, m.now))).toEqual(verdicts);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('an item awaiting its second reading starts only after the gap (§ 21)', () => {
    const m = meeting();
    m.checkInAll(55);
    m.open();
    const two = m.setup.agenda.find((it) => it.readings === 2)!.id;
    m.start(two);
    m.decide({ kind: 'reading' }, m.members.slice(0, 30));
    expect(m.state.items[two]!.status).toBe('awaitingSecondReading');
    expect(isStartable(m.state, two, m.now)).toBe(false);
    const gap = m.state.items[two]!.kind === 'budget' ? m.state.config.budgetReadingGapDays * DAY : m.state.config.readingGapHours * 3600_000;
    m.advance(gap - 1);
    expect(isStartable(m.state, two, m.now)).toBe(false);
    m.advance(1);
    expect(isStartable(m.state, two, m.now)).toBe(true);
  });

  it('is false while nobody holds the chair', () => {
    const m = meeting();
    m.checkInAll(55);
    m.open();
    const s = snap(m.state);
    s.chair.acting = null;
    expect(isStartable(s, 'i2', m.now)).toBe(false);
  });
});
