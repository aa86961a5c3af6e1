// The decision record [beslutningsprotokol]: § 29 of the standing orders; and the buttons
// each role sees (`allowedActions`), which must agree with the engine's own verdict.
import { describe, expect, it } from 'vitest';
import type { ActionBody } from '../../shared/actions';
import { allowedActions } from '../../shared/engine/allowed';
import { apply } from '../../shared/engine/apply';
import type { Action, Actor } from '../../shared/types';
import { debating, meeting, type TestMeeting } from './helpers/meeting';

describe('§ 29 — every decision goes into the record', () => {
  it('a vote: point, subject, counts, groups, mode and the absent members (stk. 5)', () => {
    const m = debating('i2', { present: 50 });
    m.openVote({ kind: 'proposal' }, 'At cykelstien anlægges');
    m.cast({ m2: 'for', m3: 'for', m14: 'against', m24: 'abstain' });
    const v = m.closeVote();
    const entry = m.state.record.at(-1)!;
    expect(entry).toMatchObject({
      kind: 'vote',
      itemId: 'i2',
      voteId: v.id,
      point: 'At cykelstien anlægges',
      subject: { kind: 'proposal' },
      outcome: 'adopted',
      counts: { for: 2, against: 1, abstain: 1 },
      mode: 'electronic',
      named: [],
      dissents: [],
      absent: ['m51', 'm52', 'm53', 'm54', 'm55'],
      substitutes: [],
      at: m.now,
    });
    expect(entry.byGroup).toEqual(v.result!.byGroup);
  });

  it('every kind of decision yields exactly one entry, each with its own id', () => {
    const m = debating('i4', { present: 40 });
    const all = m.members;
    m.decide({ kind: 'reading' }, all.slice(0, 30)); // reading
    m.start('i2');
    m.chair.do({ type: 'declaration.make', point: 'Uden afstemning', subject: { kind: 'proposal' }, expected: 'adopted' });
    m.chair.do({ type: 'declaration.confirm' }); // declaration
    m.decide({ kind: 'proposal' }, all.slice(0, 30)); // vote
    m.chair.do({ type: 'item.postpone' }); // postponement
    m.start('i5');
    m.chair.do({ type: 'item.refer', committee: 'Økonomiudvalget' });
    m.chair.do({ type: 'declaration.confirm' }); // referral
    expect(m.state.record.map((e) => [e.kind, e.itemId, e.outcome])).toEqual([
      ['reading', 'i4', 'adopted'],
      ['declaration', 'i2', 'adopted'],
      ['vote', 'i2', 'adopted'],
      ['postponement', 'i2', 'postponed'],
      ['referral', 'i5', 'referred'],
    ]);
    expect(new Set(m.state.record.map((e) => e.id)).size).toBe(5);
    for (const e of m.state.record) expect(e.absent).toEqual(all.slice(40));
  });

  it('a member may have their vote recorded by name (stk. 2)', () => {
    const m = debating('i2', { present: 50 });
    const open = m.openVote({ kind: 'proposal' });
    m.as('m2').refuse({ type: 'record.nameVote', voteId: open.id }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.cast({ m2: 'against', m3: 'for', m4: 'for' });
    m.checkOut('m4');
    const v = m.closeVote();
    m.as('m2').do({ type: 'record.nameVote', voteId: v.id });
    expect(m.state.votes[v.id]!.result!.named).toEqual([{ personId: 'm2', choice: 'against' }]);
    expect(m.state.record.at(-1)!.named).toEqual([{ personId: 'm2', choice: 'against' }]);
    m.as('m2').refuse({ type: 'record.nameVote', voteId: v.id }, 'ALREADY_DEMANDED', '§ 29, stk. 2');
    m.as('m5').refuse({ type: 'record.nameVote', voteId: v.id }, 'NOT_A_VOTER', '§ 29, stk. 2'); // present, did not vote
    m.checkIn('m4');
    m.as('m4').refuse({ type: 'record.nameVote', voteId: v.id }, 'NOT_A_VOTER', '§ 29, stk. 2'); // ballot withdrawn
    m.as('m2').refuse({ type: 'record.nameVote', voteId: 'v999' }, 'UNKNOWN_VOTE', '§ 24');
  });

  it('a roll call already names everyone', () => {
    const m = debating('i2', { present: 30 });
    const v = m.openVote({ kind: 'proposal' }, 'x', 'rollCall');
    const first = v.rollCall!.order[0]!;
    m.as(first).do({ type: 'vote.cast', choice: 'for' });
    m.closeVote();
    m.as(first).refuse({ type: 'record.nameVote', voteId: v.id }, 'ALREADY_DEMANDED', '§ 29, stk. 2');
  });

  it('a short dissent may be recorded (stk. 3), at most config.dissentMaxLength characters', () => {
    const m = debating('i2', { config: { dissentMaxLength: 40 } });
    m.decide({ kind: 'proposal' }, m.members.slice(0, 30), m.members.slice(30, 40));
    const entry = m.state.record.at(-1)!;
    m.as('m40').refuse({ type: 'record.dissent', entryId: entry.id, text: 'x'.repeat(41) }, 'DISSENT_TOO_LONG', '§ 29, stk. 3');
    m.as('m40').refuse({ type: 'record.dissent', entryId: entry.id, text: '   ' }, 'EMPTY_TEXT', '§ 18, stk. 1');
    m.as('m40').refuse({ type: 'record.dissent', entryId: 'r0', text: 'Imod' }, 'UNKNOWN_ENTRY', '§ 29');
    m.as('m40').do({ type: 'record.dissent', entryId: entry.id, text: `  ${'y'.repeat(40)}  ` });
    expect(m.state.record.at(-1)!.dissents).toEqual([{ personId: 'm40', text: 'y'.repeat(40) }]);
    m.as('m40').refuse({ type: 'record.dissent', entryId: entry.id, text: 'Igen' }, 'ALREADY_DEMANDED', '§ 29, stk. 3');
    m.as('m41').do({ type: 'record.dissent', entryId: entry.id, text: 'Vi stemte imod af hensyn til trafikken.' });
    expect(m.state.record.at(-1)!.dissents).toHaveLength(2);
  });

  it('the default limit is 500 characters', () => {
    const m = debating('i2');
    m.decide({ kind: 'proposal' }, m.members.slice(0, 30));
    const entry = m.state.record.at(-1)!;
    m.as('m40').refuse({ type: 'record.dissent', entryId: entry.id, text: 'z'.repeat(501) }, 'DISSENT_TOO_LONG', '§ 29, stk. 3');
    m.as('m40').do({ type: 'record.dissent', entryId: entry.id, text: 'z'.repeat(500) });
  });

  it('the meeting’s close lists the absent members (stk. 5) and the substitutes who sat', () => {
    const m = meeting();
    m.checkIn(...m.members.filter((p) => p !== 'm40' && p !== 'm41'));
    m.secretariat.do({ type: 'substitute.callIn', memberId: 'm40', substituteId: 'sub1' });
    m.checkIn('sub1');
    m.open();
    const ev = m.chair.do({ type: 'meeting.close' });
    expect(ev).toEqual([{ type: 'meeting.closed', absent: ['m40', 'm41'], substitutes: [{ substituteId: 'sub1', forMember: 'm40' }] }]);
  });
});

// The probe bodies of `allowedActions` (shared/engine/allowed.ts), to run through `apply`.
const PROBE_BODIES: Record<string, ActionBody> = {
  'presence.checkIn': { type: 'presence.checkIn' },
  'presence.checkOut': { type: 'presence.checkOut' },
  'floor.request': { type: 'floor.request' },
  'floor.withdraw': { type: 'floor.withdraw' },
  'floor.requestRemark': { type: 'floor.requestRemark' },
  'floor.requestOrder': { type: 'floor.requestOrder' },
  'floor.yield': { type: 'floor.yield' },
  'closure.demand': { type: 'closure.demand' },
  'rollCall.demand': { type: 'rollCall.demand' },
  'division.demand': { type: 'division.demand' },
  'division.withdraw': { type: 'division.withdraw' },
  'division.setParts': { type: 'division.setParts', parts: ['probe 1', 'probe 2'] },
  'declaration.demandVote': { type: 'declaration.demandVote' },
  'agenda.demandOrderVote': { type: 'agenda.demandOrderVote' },
  'vote.cast': { type: 'vote.cast', choice: 'for' },
  'amendment.submit': { type: 'amendment.submit', text: 'probe' },
  'meeting.open': { type: 'meeting.open' },
  'meeting.suspend': { type: 'meeting.suspend' },
  'meeting.resume': { type: 'meeting.resume' },
  'meeting.close': { type: 'meeting.close' },
  'floor.give': { type: 'floor.give' },
  'floor.end': { type: 'floor.end' },
  'item.finish': { type: 'item.finish' },
  'item.postpone': { type: 'item.postpone' },
  'vote.open': { type: 'vote.open', point: 'probe', subject: { kind: 'proposal' } },
  'vote.close': { type: 'vote.close' },
  'vote.switchToRollCall': { type: 'vote.switchToRollCall' },
  'declaration.confirm': { type: 'declaration.confirm' },
  'chair.assume': { type: 'chair.assume' },
};

function agreeWithApply(m: TestMeeting, actor: Actor) {
  const before = JSON.stringify(m.state);
  const allowed = allowedActions(m.state, actor, m.ctx);
  expect(JSON.stringify(m.state)).toBe(before);
  const keys = Object.keys(allowed);
  expect(keys.length).toBeGreaterThan(0);
  let accepted = 0;
  for (const type of keys) {
    const body = PROBE_BODIES[type];
    expect(body, `probe body for ${type}`).toBeDefined();
    const r = apply(m.state, { ...body!, actor } as Action, m.ctx);
    const verdict = allowed[type as keyof typeof allowed];
    if (r.ok) {
      expect(verdict, `${type} for ${JSON.stringify(actor)}`).toBeNull();
      accepted++;
    } else {
      expect(verdict, `${type} for ${JSON.stringify(actor)}`).toEqual(r);
      expect(verdict!.paragraph).not.toBe('');
    }
  }
  return accepted;
}

describe('allowedActions — the buttons agree with the engine', () => {
  function scenes(): [string, TestMeeting][] {
    const out: [string, TestMeeting][] = [];
    const planned = meeting();
    planned.checkInAll(20);
    out.push(['planned', planned]);
    const opened = meeting();
    opened.checkInAll(30);
    opened.open();
    out.push(['open, no item', opened]);
    const listed = debating('i2');
    listed.request('m2', 'm14');
    out.push(['speaker list', listed]);
    const speaking = debating('i2');
    speaking.request('m2', 'm14');
    speaking.chair.do({ type: 'floor.give' });
    out.push(['m2 speaking', speaking]);
    const voting = debating('i2');
    voting.openVote({ kind: 'proposal' });
    voting.cast({ m2: 'for' });
    out.push(['electronic vote', voting]);
    const roll = debating('i2', { present: 30 });
    roll.openVote({ kind: 'proposal' }, 'x', 'rollCall');
    out.push(['roll call', roll]);
    const declared = debating('i2');
    declared.chair.do({ type: 'declaration.make', point: 'x', subject: { kind: 'proposal' }, expected: 'adopted' });
    out.push(['declaration', declared]);
    const divided = debating('i2');
    divided.as('m2').do({ type: 'division.demand' });
    out.push(['division demanded by m2', divided]);
    const disq = debating('i2');
    disq.decide({ kind: 'disqualification', personId: 'm2' }, disq.members.slice(10, 40));
    out.push(['m2 disqualified', disq]);
    const offline = debating('i2');
    offline.system.do({ type: 'seat.offline', seatId: offline.state.persons.m2!.seatId! });
    out.push(['m2 offline', offline]);
    const suspended = debating('i2');
    suspended.chair.do({ type: 'meeting.suspend' });
    out.push(['suspended', suspended]);
    const closed = debating('i2');
    closed.chair.do({ type: 'meeting.close' });
    out.push(['closed', closed]);
    return out;
  }

  it.each(scenes())('%s: every probe for members and chairs gives the same verdict as apply', (_name, m) => {
    const actors: Actor[] = [
      { role: 'member', personId: 'm2', seatId: m.state.persons.m2!.seatId! },
      { role: 'member', personId: 'm14', seatId: m.state.persons.m14!.seatId! },
      { role: 'member', personId: 'm55', seatId: m.state.persons.m55!.seatId! },
      { role: 'member', personId: 'm2', seatId: m.state.persons.m3!.seatId! },
      { role: 'chair', personId: m.state.chair.acting! },
      { role: 'chair', personId: 'm1' },
    ];
    let accepted = 0;
    for (const actor of actors) accepted += agreeWithApply(m, actor);
    expect(accepted).toBeGreaterThan(0);
    expect(allowedActions(m.state, { role: 'secretariat', id: 'x' }, m.ctx)).toEqual({});
    expect(allowedActions(m.state, { role: 'system' }, m.ctx)).toEqual({});
  });

  it('a refused probe carries the same code and paragraph as the refusal', () => {
    const m = debating('i2');
    const actor: Actor = { role: 'member', personId: 'm2', seatId: m.state.persons.m2!.seatId! };
    const allowed = allowedActions(m.state, actor, m.ctx);
    expect(allowed['floor.request']).toBeNull();
    expect(allowed['floor.yield']).toMatchObject({ code: 'NOT_SPEAKER', paragraph: '§ 19, stk. 3' });
    expect(allowed['vote.cast']).toMatchObject({ code: 'NO_VOTE_OPEN', paragraph: '§ 24, stk. 1' });
    expect(allowed['presence.checkIn']).toMatchObject({ code: 'ALREADY_CHECKED_IN', paragraph: '§ 16' });
    const r = m.as('m2').refuse({ type: 'floor.yield' }, 'NOT_SPEAKER', '§ 19, stk. 3');
    expect(allowed['floor.yield']).toEqual(r);
  });
});
