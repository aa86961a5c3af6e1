// Voting: § 24 (votes, roll call, show of hands, declaration, division), § 25 (amendments),
// § 21 (two readings) and § 23 (disqualification) of the standing orders.
import { describe, expect, it } from 'vitest';
import { check } from '../../shared/engine/apply';
import { amendmentVotingOrder, presentPersons, rollCallNeeded } from '../../shared/engine/selectors';
import { publicView } from '../../shared/views';
import type { Choice, PersonId } from '../../shared/types';
import { DAY, HOUR, debating, meeting, type TestMeeting } from './helpers/meeting';

const proposal = { type: 'vote.open', point: 'Indstillingen', subject: { kind: 'proposal' } } as const;

/** Runs a roll call to the end: each person, when called, votes `choose(person)`. */
function callTheRoll(m: TestMeeting, choose: (p: PersonId, i: number) => Choice) {
  const order = [...m.vote.rollCall!.order];
  order.forEach((p, i) => {
    if (m.present().includes(p)) m.as(p).do({ type: 'vote.cast', choice: choose(p, i) });
  });
}

function submit(m: TestMeeting, by: PersonId, text: string, parentId?: string): string {
  const ev = m.as(by).do({ type: 'amendment.submit', text, ...(parentId ? { parentId } : {}) });
  return ev.find((e) => e.type === 'amendment.submitted')!.amendmentId as string;
}

describe('§ 24, stk. 1 — votes are cast in the electronic voting system', () => {
  it('for, against and abstain are counted per choice and per group', () => {
    const m = debating('i2');
    const v0 = m.openVote({ kind: 'proposal' }, 'At cykelstien anlægges');
    expect(v0).toMatchObject({ mode: 'electronic', status: 'open', point: 'At cykelstien anlægges', openedAt: m.now });
    m.cast({ m2: 'for', m3: 'for', m14: 'against', m24: 'abstain', m54: 'for' });
    const v = m.closeVote();
    expect(v.status).toBe('closed');
    expect(v.result).toMatchObject({ for: 3, against: 1, abstain: 1, adopted: true });
    expect(v.result!.byGroup).toEqual({
      Ø: { for: 2, against: 0, abstain: 0 },
      A: { for: 0, against: 1, abstain: 0 },
      C: { for: 0, against: 0, abstain: 1 },
      LG: { for: 1, against: 0, abstain: 0 },
    });
    expect(v.result!.present).toHaveLength(55);
    expect(m.eventsOf('vote.closed').at(-1)).toMatchObject({ voteId: v.id, adopted: true, for: 3, against: 1, abstain: 1 });
  });

  it('a member may change the ballot until the vote closes, not after', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.cast({ m2: 'for' });
    m.cast({ m2: 'against' });
    m.cast({ m2: 'abstain' });
    m.cast({ m2: 'against' });
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: 0, against: 1, abstain: 0, adopted: false });
    m.as('m2').refuse({ type: 'vote.cast', choice: 'for' }, 'NO_VOTE_OPEN', '§ 24, stk. 1');
    m.chair.refuse({ type: 'vote.close' }, 'NO_VOTE_OPEN', '§ 24, stk. 1');
  });

  it('checking out withdraws the ballot', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.cast({ m2: 'for', m3: 'for', m4: 'against' });
    m.checkOut('m2', 'm3');
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: 0, against: 1, adopted: false });
  });

  it('one vote at a time, and a vote needs a current item (except the agenda order)', () => {
    const m = meeting();
    m.checkInAll(30);
    m.open();
    m.chair.refuse(proposal, 'NO_CURRENT_ITEM', '§ 20, stk. 1');
    m.start('i2');
    m.chair.do(proposal);
    m.chair.refuse(proposal, 'VOTE_OPEN', '§ 24, stk. 1');
  });
});

describe('§ 24, stk. 3 — decided by a majority of the votes cast', () => {
  it.each([
    [10, 9, 30, true],
    [10, 10, 0, false],
    [9, 10, 0, false],
    [1, 0, 50, true],
    [0, 0, 5, false],
  ])('for %i, against %i, abstain %i → adopted %s', (f, a, ab, adopted) => {
    const m = debating('i2');
    const all = m.members;
    m.openVote({ kind: 'proposal' });
    all.slice(0, f).forEach((p) => m.cast({ [p]: 'for' }));
    all.slice(f, f + a).forEach((p) => m.cast({ [p]: 'against' }));
    all.slice(f + a, f + a + ab).forEach((p) => m.cast({ [p]: 'abstain' }));
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: f, against: a, abstain: ab, adopted });
    expect(m.state.record.at(-1)!.outcome).toBe(adopted ? 'adopted' : 'rejected');
  });
});

describe('§ 24, stk. 2 — roll call [navneopråb]', () => {
  it('is forced when a third of the members present demand it before the vote', () => {
    const m = debating('i2');
    const all = m.members;
    expect(rollCallNeeded(m.state)).toBe(19); // ceil(55 / 3)
    for (const p of all.slice(0, 18)) m.as(p).do({ type: 'rollCall.demand' });
    m.as('m1').refuse({ type: 'rollCall.demand' }, 'ALREADY_DEMANDED', '§ 24, stk. 2');
    expect(m.as('m19').do({ type: 'rollCall.demand' })).toContainEqual({ type: 'demand', kind: 'rollCall', count: 19 });
    m.chair.refuse({ ...proposal, mode: 'manual' }, 'ROLL_CALL_REQUIRED', '§ 24, stk. 2');
    const v = m.openVote({ kind: 'proposal' }, 'Indstillingen', 'electronic');
    expect(v.mode).toBe('rollCall');
    // The demands are spent on this vote.
    expect(m.state.demands.rollCall).toEqual([]);
  });

  it('only demands of members still present count; the threshold follows the members present', () => {
    const m = debating('i2', { present: 30 });
    const all = m.members;
    expect(rollCallNeeded(m.state)).toBe(10);
    for (const p of all.slice(0, 10)) m.as(p).do({ type: 'rollCall.demand' });
    // A demander who leaves no longer counts.
    m.checkOut('m1');
    expect(rollCallNeeded(m.state)).toBe(10); // ceil(29 / 3)
    expect(m.openVote({ kind: 'proposal' }).mode).toBe('electronic');
  });

  it('exactly a third is enough: 30 present → 10 demands, 9 are not', () => {
    for (const [demands, mode] of [
      [9, 'electronic'],
      [10, 'rollCall'],
    ] as const) {
      const m = debating('i2', { present: 30 });
      expect(rollCallNeeded(m.state)).toBe(10);
      for (const p of m.members.slice(0, demands)) m.as(p).do({ type: 'rollCall.demand' });
      expect(m.openVote({ kind: 'proposal' }).mode).toBe(mode);
    }
  });

  it('must be demanded before the vote begins', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.as('m2').refuse({ type: 'rollCall.demand' }, 'DEMAND_AFTER_VOTE_BEGAN', '§ 24, stk. 2');
  });

  it('the chair may decide a roll call: members vote in seat order, when called', () => {
    const m = debating('i2', { present: 40 });
    const v = m.openVote({ kind: 'proposal' }, 'Indstillingen', 'rollCall');
    const seatOrder = m.state.chamber.seats.map((s) => m.state.presence[s.id]?.personId).filter((p): p is string => !!p);
    expect(v.rollCall!.order).toEqual(seatOrder);
    expect(v.rollCall!.order).toEqual(presentPersons(m.state));
    expect(v.rollCall!.order).not.toEqual([...v.rollCall!.order].sort());
    const [first, second, third] = v.rollCall!.order as [string, string, string];
    m.as(second).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
    const ev = m.as(first).do({ type: 'vote.cast', choice: 'for' });
    expect(ev).toContainEqual({ type: 'rollCall.turn', personId: second });
    m.as(first).refuse({ type: 'vote.cast', choice: 'against' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
    m.as(third).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
  });

  it('a called member who has left is passed over; refusing others never moves the call', () => {
    const m = debating('i2', { present: 40 });
    const v = m.openVote({ kind: 'proposal' }, 'Indstillingen', 'rollCall');
    const [first, second, third] = v.rollCall!.order as [string, string, string];
    m.checkOut(first);
    // Not third's turn: the refusal leaves the roll call where it stood (also in place).
    m.as(third).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
    expect(m.vote.rollCall!.index).toBe(0);
    m.as(second).do({ type: 'vote.cast', choice: 'for' });
    m.as(third).do({ type: 'vote.cast', choice: 'against' });
  });

  it('the result names everyone called, with their vote (absentees with none)', () => {
    const m = debating('i2', { present: 40 });
    const v = m.openVote({ kind: 'proposal' }, 'Indstillingen', 'rollCall');
    const order = [...v.rollCall!.order];
    const leaver = order[5]!;
    m.checkOut(leaver);
    callTheRoll(m, (_p, i) => (i % 3 === 0 ? 'for' : i % 3 === 1 ? 'against' : 'abstain'));
    const closed = m.closeVote();
    expect(closed.result!.named.map((n) => n.personId)).toEqual(order);
    expect(closed.result!.named.find((n) => n.personId === leaver)!.choice).toBeNull();
    expect(closed.result!.named.filter((n) => n.choice !== null)).toHaveLength(39);
    expect(closed.result!.named[0]).toEqual({ personId: order[0], choice: 'for' });
    const entry = m.state.record.at(-1)!;
    expect(entry.mode).toBe('rollCall');
    expect(entry.named).toEqual(closed.result!.named);
  });

  it('the chair may switch an electronic vote to a roll call; ballots are cast again', () => {
    const m = debating('i2', { present: 30 });
    m.openVote({ kind: 'proposal' });
    m.cast({ m2: 'for' });
    m.chair.do({ type: 'vote.switchToRollCall' });
    expect(m.vote).toMatchObject({ mode: 'rollCall', ballots: {} });
    m.chair.refuse({ type: 'vote.switchToRollCall' }, 'ALREADY_ROLL_CALL', '§ 24, stk. 2');
  });
});

describe('§ 24, stk. 1 — standing up or a show of hands, with a counter-check [kontraprøve]', () => {
  it('closes only with counts that the counter-check confirms and that fit the members present', () => {
    const m = debating('i2', { present: 30 });
    m.openVote({ kind: 'proposal' }, 'Indstillingen', 'manual');
    m.as('m2').refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_MANUAL', '§ 24, stk. 1');
    m.chair.refuse({ type: 'vote.close' }, 'MANUAL_NEEDS_COUNTS', '§ 24, stk. 1');
    m.chair.refuse(
      { type: 'vote.manualResult', counts: { for: 16, against: 12, abstain: 2 }, counterCheck: { for: 16, against: 11, abstain: 2 } },
      'COUNTER_CHECK_MISMATCH',
      '§ 24, stk. 1',
    );
    m.chair.refuse(
      { type: 'vote.manualResult', counts: { for: 16, against: 13, abstain: 2 }, counterCheck: { for: 16, against: 13, abstain: 2 } },
      'COUNTS_EXCEED_PRESENT',
      '§ 16',
    );
    m.chair.do({ type: 'vote.manualResult', counts: { for: 16, against: 12, abstain: 2 }, counterCheck: { for: 16, against: 12, abstain: 2 } });
    const v = m.lastVote();
    expect(v.result).toMatchObject({ for: 16, against: 12, abstain: 2, adopted: true, byGroup: {} });
    expect(v.result!.manual).toEqual({ counts: { for: 16, against: 12, abstain: 2 }, counterCheck: { for: 16, against: 12, abstain: 2 } });
    expect(m.state.record.at(-1)).toMatchObject({ mode: 'manual', counts: { for: 16, against: 12, abstain: 2 }, byGroup: null });
  });

  it('manual results only for a show of hands', () => {
    const m = debating('i2');
    const c = { for: 1, against: 0, abstain: 0 };
    m.chair.refuse({ type: 'vote.manualResult', counts: c, counterCheck: c }, 'NO_VOTE_OPEN', '§ 24, stk. 1');
    m.openVote({ kind: 'proposal' });
    m.chair.refuse({ type: 'vote.manualResult', counts: c, counterCheck: c }, 'NOT_MANUAL', '§ 24, stk. 1');
  });
});

describe('§ 24, stk. 4 — the chair declares an outcome beyond doubt without a vote', () => {
  it('confirmed when no member demands a vote; recorded as a declaration', () => {
    const m = debating('i1');
    m.as('m2').refuse({ type: 'declaration.demandVote' }, 'NO_DECLARATION', '§ 24, stk. 4');
    m.chair.refuse({ type: 'declaration.confirm' }, 'NO_DECLARATION', '§ 24, stk. 4');
    m.chair.do({ type: 'declaration.make', point: 'Dagsordenen godkendes', subject: { kind: 'proposal' }, expected: 'adopted' });
    m.chair.refuse(
      { type: 'declaration.make', point: 'Igen', subject: { kind: 'proposal' }, expected: 'adopted' },
      'DECLARATION_PENDING',
      '§ 24, stk. 4',
    );
    expect(m.chair.do({ type: 'declaration.confirm' })).toContainEqual({ type: 'declaration.confirmed', adopted: true });
    expect(m.state.declaration).toBeNull();
    expect(m.state.record.at(-1)).toMatchObject({
      kind: 'declaration',
      mode: 'declaration',
      outcome: 'adopted',
      point: 'Dagsordenen godkendes',
      itemId: 'i1',
      counts: null,
    });
  });

  it('a declared rejection is recorded as rejected', () => {
    const m = debating('i2');
    m.chair.do({ type: 'declaration.make', point: 'Indstillingen', subject: { kind: 'proposal' }, expected: 'rejected' });
    m.chair.do({ type: 'declaration.confirm' });
    expect(m.state.record.at(-1)!.outcome).toBe('rejected');
  });

  it('any member’s demand forces a vote', () => {
    const m = debating('i2');
    m.chair.do({ type: 'declaration.make', point: 'Indstillingen', subject: { kind: 'proposal' }, expected: 'adopted' });
    m.as('m40').do({ type: 'declaration.demandVote' });
    m.as('m40').refuse({ type: 'declaration.demandVote' }, 'ALREADY_DEMANDED', '§ 24, stk. 4');
    m.chair.refuse({ type: 'declaration.confirm' }, 'VOTE_DEMANDED', '§ 24, stk. 4');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'postpone' } }, 'DECLARATION_PENDING', '§ 24, stk. 4');
    m.openVote({ kind: 'proposal' }, 'Indstillingen');
    expect(m.state.declaration).toBeNull();
    m.cast({ m2: 'for', m40: 'against', m41: 'against' });
    expect(m.closeVote().result!.adopted).toBe(false);
  });

  it('no declaration during a vote', () => {
    const m = debating('i2');
    m.openVote({ kind: 'closure' });
    m.chair.refuse(
      { type: 'declaration.make', point: 'x', subject: { kind: 'proposal' }, expected: 'adopted' },
      'VOTE_OPEN',
      '§ 24, stk. 1',
    );
  });
});

describe('§ 24, stk. 5 — division of a voting point may be demanded until the vote has begun', () => {
  const parts = ['At stien anlægges', 'At der plantes træer'];
  const part = (i: number) => ({ kind: 'proposal', part: parts[i]! }) as const;

  it('accepted before, refused once the vote on the proposal has begun', () => {
    const m = debating('i2');
    expect(m.as('m2').do({ type: 'division.demand' })).toContainEqual({ type: 'demand', kind: 'division', count: 1 });
    m.as('m2').refuse({ type: 'division.demand' }, 'ALREADY_DEMANDED', '§ 24, stk. 5');
    m.chair.do({ type: 'division.setParts', parts });
    m.openVote(part(0));
    m.as('m3').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    // The demand stands for the whole point: the vote on a part does not spend it.
    expect(m.state.demands.division).toEqual(['m2']);
  });

  it('refused once a vote on the whole proposal has begun, or a declaration on it is pending', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.as('m3').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    m.closeVote();
    m.as('m3').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    const d = debating('i2');
    d.chair.do({ type: 'declaration.make', point: 'Indstillingen', subject: { kind: 'proposal' }, expected: 'adopted' });
    d.as('m3').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    d.chair.do({ type: 'declaration.confirm' });
    d.as('m3').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
  });

  it('refused once the vote on the item has begun with its first amendment (as § 25 reads it)', () => {
    const m = debating('i5');
    const am = submit(m, 'm2', 'Ændring');
    m.chair.do({ type: 'amendment.order', order: [am] });
    m.as('m3').do({ type: 'division.demand' });
    m.openVote({ kind: 'amendment', amendmentId: am });
    m.as('m4').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    m.closeVote();
    m.as('m4').refuse({ type: 'division.demand' }, 'DIVISION_AFTER_VOTE_BEGAN', '§ 24, stk. 5');
    // The demand made in time stands, and the chair may still word the parts of the proposal as amended.
    m.chair.do({ type: 'division.setParts', parts });
    m.chair.refuse(proposal, 'DIVISION_DEMANDED', '§ 24, stk. 5');
  });

  it('a vote on something else (closure) does not stop the demand, nor spend it', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.openVote({ kind: 'closure' });
    m.as('m3').do({ type: 'division.demand' });
    m.closeVote();
    expect(m.state.demands.division).toEqual(['m2', 'm3']);
  });

  it('once demanded, the proposal cannot be voted or declared as a whole; parts must be worded first', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.refuse(proposal, 'DIVISION_DEMANDED', '§ 24, stk. 5');
    m.chair.refuse({ type: 'declaration.make', point: 'Indstillingen', subject: { kind: 'proposal' }, expected: 'adopted' }, 'DIVISION_DEMANDED', '§ 24, stk. 5');
    m.chair.refuse({ type: 'vote.open', point: 'Del 1', subject: part(0) }, 'DIVISION_NO_PARTS', '§ 24, stk. 5');
  });

  it('the chair words at least two different parts; only when division is demanded', () => {
    const m = debating('i2');
    m.chair.refuse({ type: 'division.setParts', parts }, 'NO_DIVISION', '§ 24, stk. 5');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.refuse({ type: 'division.setParts', parts: ['Alt'] }, 'DIVISION_BAD_PARTS', '§ 24, stk. 5');
    m.chair.refuse({ type: 'division.setParts', parts: ['Del', 'Del'] }, 'DIVISION_BAD_PARTS', '§ 24, stk. 5');
    m.as('m3').refuse({ type: 'division.setParts', parts }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.chair.do({ type: 'division.setParts', parts: ['Første', 'Anden'] });
    // Editable until the first part is voted on.
    m.chair.do({ type: 'division.setParts', parts });
    expect(m.state.division).toEqual({ itemId: 'i2', parts, decided: 0 });
    m.openVote(part(0));
    m.chair.refuse({ type: 'division.setParts', parts: ['Ny', 'Orden'] }, 'DIVISION_VOTING_BEGUN', '§ 24, stk. 5');
    m.closeVote();
    m.chair.refuse({ type: 'division.setParts', parts: ['Ny', 'Orden'] }, 'DIVISION_VOTING_BEGUN', '§ 24, stk. 5');
    // The screens judge their buttons on a state without the record: the same verdict there.
    const probe = { ...m.state, record: [], votes: {} };
    expect(check(probe, { type: 'division.setParts', parts: ['Ny', 'Orden'], actor: m.chair.actor }, m.ctx)).toMatchObject({ code: 'DIVISION_VOTING_BEGUN' });
    expect(check(probe, { type: 'division.withdraw', actor: { role: 'member', personId: 'm2', seatId: m.state.persons.m2!.seatId! } }, m.ctx)).toMatchObject({
      code: 'DIVISION_VOTING_BEGUN',
    });
  });

  it('each part is decided on its own, in the chair’s order; the record shows each with its result', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.do({ type: 'division.setParts', parts });
    m.chair.refuse({ type: 'vote.open', point: parts[1]!, subject: part(1) }, 'PART_ORDER', '§ 24, stk. 5');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal', part: 'Noget andet' } }, 'PART_ORDER', '§ 24, stk. 5');
    m.decide(part(0), ['m2', 'm3'], ['m14'], parts[0]);
    expect(m.state.division!.decided).toBe(1);
    m.chair.refuse({ type: 'vote.open', point: parts[0]!, subject: part(0) }, 'PART_ORDER', '§ 24, stk. 5');
    m.chair.refuse(proposal, 'DIVISION_DEMANDED', '§ 24, stk. 5');
    // § 24, stk. 4: a part may be declared on its own.
    m.chair.do({ type: 'declaration.make', point: parts[1]!, subject: part(1), expected: 'rejected' });
    m.chair.do({ type: 'declaration.confirm' });
    expect(m.state.division!.decided).toBe(2);
    // Every part decided: nothing of the proposal is left to vote on.
    m.chair.refuse({ type: 'vote.open', point: parts[1]!, subject: part(1) }, 'PART_ORDER', '§ 24, stk. 5');
    const decisions = m.state.record.filter((e) => e.itemId === 'i2');
    expect(decisions.map((e) => [e.subject, e.outcome, e.mode])).toEqual([
      [part(0), 'adopted', 'electronic'],
      [part(1), 'rejected', 'declaration'],
    ]);
  });

  it('the public view shows the parts and names the part being voted or declared', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    const cur = () => publicView(m.state).current as Extract<ReturnType<typeof publicView>['current'], { closed: false }>;
    expect(cur().division).toBeNull();
    m.chair.do({ type: 'division.setParts', parts });
    expect(cur().division).toEqual({ parts, decided: 0 });
    m.openVote(part(0), parts[0]);
    expect(cur().vote!.part).toEqual({ number: 1, of: 2, text: parts[0] });
    m.closeVote();
    m.chair.do({ type: 'declaration.make', point: parts[1]!, subject: part(1), expected: 'adopted' });
    expect(cur().declaration!.part).toEqual({ number: 2, of: 2, text: parts[1] });
    expect(cur().division).toEqual({ parts, decided: 1 });
  });

  it('a declared part on which a vote is demanded is voted as that part', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.do({ type: 'division.setParts', parts });
    m.chair.do({ type: 'declaration.make', point: parts[0]!, subject: part(0), expected: 'adopted' });
    m.as('m3').do({ type: 'declaration.demandVote' });
    m.chair.refuse({ type: 'vote.open', point: parts[1]!, subject: part(1) }, 'PART_ORDER', '§ 24, stk. 5');
    m.decide(part(0), ['m2'], [], parts[0]);
    expect(m.state.division!.decided).toBe(1);
  });

  it('those who demanded may withdraw; when all have, the proposal is voted as a whole again', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.as('m3').do({ type: 'division.demand' });
    m.chair.do({ type: 'division.setParts', parts });
    m.as('m4').refuse({ type: 'division.withdraw' }, 'DIVISION_NOT_DEMANDED', '§ 24, stk. 5');
    expect(m.as('m2').do({ type: 'division.withdraw' })).toContainEqual({ type: 'demand', kind: 'divisionWithdrawn', count: 1 });
    m.chair.refuse(proposal, 'DIVISION_DEMANDED', '§ 24, stk. 5');
    m.as('m3').do({ type: 'division.withdraw' });
    expect(m.state.demands.division).toEqual([]);
    expect(m.state.division).toBeNull();
    m.decide({ kind: 'proposal' }, ['m2'], [], 'Indstillingen');
  });

  it('the demand cannot be withdrawn once the parts are being voted on', () => {
    const m = debating('i2');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.do({ type: 'division.setParts', parts });
    m.openVote(part(0));
    m.as('m2').refuse({ type: 'division.withdraw' }, 'DIVISION_VOTING_BEGUN', '§ 24, stk. 5');
  });

  it('a disqualified member cannot demand division; leaving the item ends it', () => {
    const m = debating('i2');
    m.decide({ kind: 'disqualification', personId: 'm5' }, ['m2', 'm3']);
    m.as('m5').refuse({ type: 'division.demand' }, 'DISQUALIFIED', '§ 23');
    m.as('m2').do({ type: 'division.demand' });
    m.chair.do({ type: 'division.setParts', parts });
    m.finish();
    expect(m.state.demands.division).toEqual([]);
    expect(m.state.division).toBeNull();
  });
});

describe('§ 25 — amendments and sub-amendments', () => {
  it('sub-amendments before their amendment, amendments before the main proposal, in the chair’s order', () => {
    const m = debating('i5');
    const all = m.members;
    const a1 = submit(m, 'm2', 'Ændring 1');
    const a2 = submit(m, 'm14', 'Ændring 2');
    const s1 = submit(m, 'm24', 'Underændring til 1', a1);
    m.as('m31').refuse({ type: 'amendment.submit', text: 'Under-under', parentId: s1 }, 'NESTING_TOO_DEEP', '§ 25');
    m.as('m31').refuse({ type: 'amendment.submit', text: 'x', parentId: 'am999' }, 'UNKNOWN_AMENDMENT', '§ 25');
    m.chair.refuse({ type: 'amendment.order', order: [a2, a1] }, 'BAD_ORDER', '§ 20, stk. 1');
    m.chair.do({ type: 'amendment.order', order: [a2, a1, s1] });
    expect(amendmentVotingOrder(m.state, 'i5')).toEqual([a2, s1, a1]);

    const amend = (id: string) => ({ type: 'vote.open', point: id, subject: { kind: 'amendment', amendmentId: id } }) as const;
    m.chair.refuse(proposal, 'AMENDMENT_ORDER', '§ 25, stk. 4');
    m.chair.refuse(amend(a1), 'AMENDMENT_ORDER', '§ 25, stk. 4');
    m.chair.refuse(amend(s1), 'AMENDMENT_ORDER', '§ 25, stk. 4');
    m.chair.refuse(
      { type: 'declaration.make', point: 'x', subject: { kind: 'amendment', amendmentId: a1 }, expected: 'adopted' },
      'AMENDMENT_ORDER',
      '§ 25, stk. 4',
    );
    m.decide({ kind: 'amendment', amendmentId: a2 }, all.slice(0, 10), all.slice(10, 30));
    expect(m.state.amendments[a2]!.status).toBe('rejected');
    m.chair.refuse(amend(a2), 'AMENDMENT_NOT_PENDING', '§ 25');
    m.chair.refuse(amend(a1), 'AMENDMENT_ORDER', '§ 25, stk. 4');
    m.decide({ kind: 'amendment', amendmentId: s1 }, all.slice(0, 30));
    expect(m.state.amendments[s1]!.status).toBe('adopted');
    m.chair.refuse(proposal, 'AMENDMENT_ORDER', '§ 25, stk. 4');
    m.decide({ kind: 'amendment', amendmentId: a1 }, all.slice(0, 30));
    m.decide({ kind: 'proposal' }, all.slice(0, 30));
    expect(m.state.record.slice(-4).map((e) => e.subject)).toEqual([
      { kind: 'amendment', amendmentId: a2 },
      { kind: 'amendment', amendmentId: s1 },
      { kind: 'amendment', amendmentId: a1 },
      { kind: 'proposal' },
    ]);
  });

  it('submissions close once voting on the item has begun', () => {
    const m = debating('i5');
    const a1 = submit(m, 'm2', 'Ændring 1');
    const a2 = submit(m, 'm14', 'Ændring 2');
    m.openVote({ kind: 'amendment', amendmentId: a1 });
    m.as('m24').refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENTS_CLOSED', '§ 25, stk. 1');
    m.as('m24').refuse({ type: 'amendment.submit', text: 'For sent', parentId: a2 }, 'AMENDMENTS_CLOSED', '§ 25, stk. 1');
    m.as('m2').refuse({ type: 'amendment.withdraw', amendmentId: a1 }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.closeVote();
    m.as('m24').refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENTS_CLOSED', '§ 25, stk. 1');
  });

  it('a vote on the closure or a postponement does not close submissions', () => {
    const m = debating('i5');
    m.decide({ kind: 'closure' }, [], m.members.slice(0, 30));
    submit(m, 'm2', 'Stadig i tide');
  });

  it('only the proposer withdraws; a withdrawn amendment takes its sub-amendments with it', () => {
    const m = debating('i5');
    const a1 = submit(m, 'm2', 'Ændring 1');
    const s1 = submit(m, 'm24', 'Underændring', a1);
    m.as('m24').refuse({ type: 'amendment.withdraw', amendmentId: a1 }, 'NOT_PROPOSER', '§ 25');
    m.as('m2').refuse({ type: 'amendment.withdraw', amendmentId: 'am0' }, 'UNKNOWN_AMENDMENT', '§ 25');
    m.as('m2').do({ type: 'amendment.withdraw', amendmentId: a1 });
    expect(m.state.amendments[a1]!.status).toBe('withdrawn');
    expect(m.state.amendments[s1]!.status).toBe('withdrawn');
    m.as('m2').refuse({ type: 'amendment.withdraw', amendmentId: a1 }, 'AMENDMENT_NOT_PENDING', '§ 25');
    m.as('m31').refuse({ type: 'amendment.submit', text: 'x', parentId: a1 }, 'AMENDMENT_NOT_PENDING', '§ 25');
    expect(amendmentVotingOrder(m.state, 'i5')).toEqual([]);
    m.openVote({ kind: 'proposal' });
  });
});

describe('§ 21 — two readings', () => {
  it('at the first reading the only vote is on passing to the second reading (stk. 3)', () => {
    const m = debating('i4'); // Budget 2027: two readings
    expect(m.item).toMatchObject({ readings: 2, reading: 1 });
    m.chair.refuse(proposal, 'FIRST_READING_ONLY', '§ 21, stk. 3');
    m.chair.refuse(
      { type: 'declaration.make', point: 'x', subject: { kind: 'proposal' }, expected: 'adopted' },
      'FIRST_READING_ONLY',
      '§ 21, stk. 3',
    );
    const a1 = submit(m, 'm2', 'Ændring til budgettet');
    m.chair.refuse(
      { type: 'vote.open', point: 'x', subject: { kind: 'amendment', amendmentId: a1 } },
      'FIRST_READING_ONLY',
      '§ 21, stk. 3',
    );
    const v = m.decide({ kind: 'reading' }, m.members.slice(0, 30), [], 'Budgettet går til anden behandling');
    expect(v.result!.adopted).toBe(true);
    expect(m.state.items.i4).toMatchObject({ status: 'awaitingSecondReading', firstReadingAt: m.now });
    expect(m.state.currentItem).toBeNull();
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'reading', outcome: 'adopted' });
  });

  it('the annual budget’s second reading comes at least three weeks (21 days) later', () => {
    const m = debating('i4');
    m.decide({ kind: 'reading' }, m.members.slice(0, 30));
    const first = m.now;
    m.at(first + 20 * DAY);
    m.chair.refuse({ type: 'item.start', itemId: 'i4' }, 'READING_GAP', '§ 21, stk. 2');
    m.at(first + 21 * DAY - 1);
    m.chair.refuse({ type: 'item.start', itemId: 'i4' }, 'READING_GAP', '§ 21, stk. 2');
    m.at(first + 21 * DAY);
    m.start('i4');
    expect(m.item).toMatchObject({ reading: 2, status: 'active', votingBegun: false });
    expect(m.item.debate.spoken).toEqual([]);
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'reading' } }, 'NOT_FIRST_READING', '§ 21, stk. 3');
    m.decide({ kind: 'proposal' }, m.members.slice(0, 30));
    expect(m.lastVote().result!.adopted).toBe(true);
  });

  it('other items: at least 24 hours apart', () => {
    const m = debating('i2');
    m.finish();
    m.chair.do({ type: 'agenda.add', item: { id: 'u1', title: 'Lokalplan', text: '', kind: 'proposal', doors: 'open', readings: 2 } });
    m.start('u1');
    m.decide({ kind: 'reading' }, m.members.slice(0, 30));
    const first = m.now;
    m.at(first + 23 * HOUR);
    m.chair.refuse({ type: 'item.start', itemId: 'u1' }, 'READING_GAP', '§ 21, stk. 2');
    m.at(first + 24 * HOUR);
    m.start('u1');
    expect(m.item.reading).toBe(2);
  });

  it('a rejected first reading ends the item; a one-reading item has no reading vote', () => {
    const m = debating('i4');
    m.decide({ kind: 'reading' }, [], m.members.slice(0, 30));
    expect(m.state.items.i4!.status).toBe('done');
    m.start('i2');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'reading' } }, 'NOT_FIRST_READING', '§ 21, stk. 3');
  });
});

describe('§ 23 — disqualification [inhabilitet]', () => {
  it('the member takes part in the vote on their own disqualification, and not in the item after', () => {
    const m = debating('i2');
    const all = m.members;
    m.request('m5', 'm14');
    expect(m.as('m5').do({ type: 'disqualification.notify', note: 'Bestyrelsesmedlem i bygherren' })).toContainEqual({
      type: 'disqualification.notified',
      personId: 'm5',
      itemId: 'i2',
    });
    expect(m.state.log.at(-1)!.text).toContain('Bestyrelsesmedlem');
    m.openVote({ kind: 'disqualification', personId: 'm5' }, 'Er m5 inhabil?');
    m.cast({ m5: 'against' });
    for (const p of all.filter((p) => p !== 'm5').slice(0, 30)) m.as(p).do({ type: 'vote.cast', choice: 'for' });
    const v = m.closeVote();
    expect(v.result).toMatchObject({ for: 30, against: 1, adopted: true });
    expect(v.result!.present).toContain('m5');
    expect(m.item.disqualified).toEqual(['m5']);
    expect(m.item.debate.requests.map((r) => r.personId)).toEqual(['m14']);

    m.as('m5').refuse({ type: 'floor.request' }, 'DISQUALIFIED', '§ 23');
    m.as('m5').refuse({ type: 'amendment.submit', text: 'x' }, 'DISQUALIFIED', '§ 23');
    m.openVote({ kind: 'proposal' });
    m.as('m5').refuse({ type: 'vote.cast', choice: 'for' }, 'DISQUALIFIED', '§ 23');
    const p = m.closeVote();
    expect(p.result!.present).not.toContain('m5');
    expect(p.result!.present).toHaveLength(54);
    m.chair.do({ type: 'declaration.make', point: 'x', subject: { kind: 'postpone' }, expected: 'rejected' });
    m.as('m5').refuse({ type: 'declaration.demandVote' }, 'DISQUALIFIED', '§ 23');
  });

  it('may vote again on their own disqualification (a reconsideration), and it holds for that item only', () => {
    const m = debating('i2');
    m.decide({ kind: 'disqualification', personId: 'm5' }, m.members.slice(10, 40));
    m.openVote({ kind: 'disqualification', personId: 'm5' }, 'Genoptagelse');
    m.cast({ m5: 'against' });
    m.as('m6').do({ type: 'vote.cast', choice: 'against' });
    expect(m.closeVote().result!.present).toContain('m5');
    m.finish();
    m.start('i1');
    m.as('m5').do({ type: 'floor.request' });
  });

  it('a roll call leaves the disqualified member out', () => {
    const m = debating('i2');
    m.decide({ kind: 'disqualification', personId: 'm5' }, m.members.slice(10, 40));
    const v = m.openVote({ kind: 'proposal' }, 'x', 'rollCall');
    expect(v.rollCall!.order).not.toContain('m5');
    expect(v.rollCall!.order).toHaveLength(54);
  });
});
