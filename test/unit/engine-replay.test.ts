// One whole meeting, scripted as the standing orders run it, stored as a list of actions with
// their context and replayed with `replay()`: the server's restart path must rebuild exactly
// the live state.
import { describe, expect, it } from 'vitest';
import { applyInPlace, replay } from '../../shared/engine/apply';
import { projectedSpeakers } from '../../shared/engine/speakers';
import { rollCallDemanded, rollCallNeeded } from '../../shared/engine/selectors';
import type { MeetingState } from '../../shared/types';
import { MINUTE, SECOND, meeting, snap, type TestMeeting } from './helpers/meeting';

function wholeMeeting() {
  const m = meeting();
  const checkpoints: { at: number; state: MeetingState }[] = [];
  const checkpoint = () => checkpoints.push({ at: m.history.length, state: snap(m.state) });
  const all = m.members;
  const tick = (s = 30) => m.advance(s * SECOND);

  // §§ 15–17: members arrive at their seats; 27 are not a quorum.
  m.checkInAll(27);
  m.open();
  m.start('i1');
  m.chair.refuse({ type: 'vote.open', point: 'Dagsordenen', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
  // § 8: a substitute takes an absent member's seat.
  m.secretariat.do({ type: 'substitute.callIn', memberId: 'm51', substituteId: 'sub1' });
  m.checkIn('sub1');
  m.checkIn(...all.slice(27, 50), 'm54');
  m.as('m51').refuse({ type: 'presence.checkIn' }, 'REPLACED_BY_SUBSTITUTE', '§ 8');
  checkpoint();

  // § 24, stk. 4: item 1 decided by declaration without a vote.
  tick();
  m.chair.do({ type: 'declaration.make', point: 'Dagsordenen godkendes', subject: { kind: 'proposal' }, expected: 'adopted' });
  m.chair.do({ type: 'declaration.confirm' });
  m.finish();

  // § 19: item 2 with a party-first speaker list.
  m.start('i2');
  m.request('m2', 'm3', 'm14', 'm54', 'm24'); // Ø, Ø, A, løsgænger, C
  expect(projectedSpeakers(m.state).map((p) => p.personId)).toEqual(['m2', 'm14', 'm54', 'm24', 'm3']);
  const spoke: string[] = [];
  for (let i = 0; i < 3; i++) {
    tick(120);
    spoke.push(m.speakNext());
  }
  m.as('m31').do({ type: 'floor.request' }); // B has not spoken: goes before m3
  m.chair.do({ type: 'floor.give' });
  m.as('m14').refuse({ type: 'floor.yield' }, 'NOT_SPEAKER', '§ 19, stk. 3');
  tick(200);
  m.as('m24').do({ type: 'floor.yield' });
  spoke.push('m24');
  spoke.push(m.speakNext(), m.speakNext());
  expect(spoke).toEqual(['m2', 'm14', 'm54', 'm24', 'm31', 'm3']);
  checkpoint();

  // § 25: amendments and a sub-amendment, in the chair's order.
  const sub = (by: string, text: string, parentId?: string) =>
    m.as(by).do({ type: 'amendment.submit', text, ...(parentId ? { parentId } : {}) }).find((e) => e.type === 'amendment.submitted')!
      .amendmentId as string;
  const a1 = sub('m14', 'Cykelstien gøres 3 m bred');
  const s1 = sub('m24', 'Dog 2,5 m ved busstoppesteder', a1);
  const a2 = sub('m31', 'Anlæg i 2028');
  m.chair.do({ type: 'amendment.order', order: [a2, a1, s1] });
  m.chair.refuse({ type: 'vote.open', point: 'Indstillingen', subject: { kind: 'proposal' } }, 'AMENDMENT_ORDER', '§ 25, stk. 4');
  for (const id of [a2, s1, a1]) {
    tick();
    m.decide({ kind: 'amendment', amendmentId: id }, all.slice(0, id === a2 ? 10 : 30), all.slice(30, 45));
  }
  m.as('m40').refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENTS_CLOSED', '§ 25, stk. 1');

  // § 24, stk. 2: a roll-call demand crosses a third of the members present (52 → 18).
  expect(rollCallNeeded(m.state)).toBe(18);
  for (const p of all.slice(30, 47)) m.as(p).do({ type: 'rollCall.demand' });
  expect(rollCallDemanded(m.state)).toBe(false);
  m.as('m48').do({ type: 'rollCall.demand' });
  expect(rollCallDemanded(m.state)).toBe(true);
  tick();
  const v = m.openVote({ kind: 'proposal' }, 'At cykelstien anlægges som ændret');
  expect(v.mode).toBe('rollCall');
  const order = [...v.rollCall!.order];
  m.checkOut(order[3]!); // leaves before being called
  m.as(order[5]!).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
  order.forEach((p, i) => {
    if (i !== 3) m.as(p).do({ type: 'vote.cast', choice: i % 4 === 0 ? 'against' : 'for' });
  });
  const closed = m.closeVote();
  expect(closed.result!.adopted).toBe(true);
  expect(closed.result!.named).toHaveLength(order.length);
  m.checkIn(order[3]!);
  const entry = m.state.record.at(-1)!;
  m.as(order[0]!).do({ type: 'record.dissent', entryId: entry.id, text: 'Cykelstien burde ligge på Jagtvej.' });
  m.finish();
  checkpoint();

  // § 21: the budget's first reading.
  m.start('i4');
  tick();
  m.decide({ kind: 'reading' }, all.slice(0, 35), all.slice(35, 40));
  expect(m.state.items.i4!.status).toBe('awaitingSecondReading');

  // § 26: a referral, demanded to a vote.
  m.start('i6');
  m.chair.do({ type: 'item.refer', committee: 'Teknik- og Miljøudvalget' });
  m.as('m45').do({ type: 'declaration.demandVote' });
  m.chair.refuse({ type: 'declaration.confirm' }, 'VOTE_DEMANDED', '§ 24, stk. 4');
  m.decide({ kind: 'referral', committee: 'Teknik- og Miljøudvalget' }, all.slice(0, 30), all.slice(30, 35));
  expect(m.state.items.i6!.status).toBe('referred');

  // § 2: the closed item, last, with the gallery cleared.
  m.start('i5');
  m.chair.do({ type: 'item.postpone', proposedBy: 'm20' });
  m.chair.do({ type: 'gallery.blank', blank: true });
  m.start('i3');
  m.request('m23');
  m.speakNext();
  tick(10 * 60);
  m.chair.do({ type: 'vote.open', point: 'At ejendommen sælges', subject: { kind: 'proposal' }, mode: 'manual' });
  m.chair.refuse(
    { type: 'vote.manualResult', counts: { for: 30, against: 10, abstain: 1 }, counterCheck: { for: 30, against: 11, abstain: 1 } },
    'COUNTER_CHECK_MISMATCH',
    '§ 24, stk. 1',
  );
  m.chair.do({ type: 'vote.manualResult', counts: { for: 30, against: 11, abstain: 1 }, counterCheck: { for: 30, against: 11, abstain: 1 } });
  m.finish();
  m.chair.do({ type: 'gallery.blank', blank: false });
  m.advance(5 * MINUTE);
  m.chair.do({ type: 'meeting.close' });
  checkpoint();
  return { m, checkpoints };
}

let played: ReturnType<typeof wholeMeeting> | undefined;
/** The meeting is played once; the tests only read it. */
const played1 = () => (played ??= wholeMeeting());

describe('replay — the action log rebuilds the live state', () => {
  it('a whole meeting replays to a state deep-equal to the live one', () => {
    const { m } = played1();
    const initial = snap(m.initial);
    const replayed = replay(m.initial, m.history);
    expect(snap(replayed)).toEqual(snap(m.state));
    expect(snap(m.initial)).toEqual(initial); // replay does not touch the initial state
    expect(m.state.meeting.status).toBe('closed');
    expect(m.state.record.map((e) => e.kind)).toEqual([
      'declaration',
      'vote',
      'vote',
      'vote',
      'vote',
      'reading',
      'referral',
      'postponement',
      'vote',
    ]);
    expect(m.history.length).toBeGreaterThan(200);
  });

  it('refused actions in the log change nothing: replaying only the accepted ones gives the same state', () => {
    const { m } = played1();
    const s = structuredClone(m.initial);
    const accepted = m.history.filter(({ action, ctx }) => {
      const before = s.version;
      const r = applyInPlace(s, action, ctx);
      expect(s.version).toBe(r.ok ? before + 1 : before);
      return r.ok;
    });
    expect(accepted.length).toBe(m.state.version);
    expect(accepted.length).toBeLessThan(m.history.length);
    expect(snap(replay(m.initial, accepted))).toEqual(snap(m.state));
  });

  it('every prefix replays to the state the live meeting had at that point', () => {
    const { m, checkpoints } = played1();
    expect(checkpoints.length).toBe(4);
    for (const c of checkpoints) expect(snap(replay(m.initial, m.history.slice(0, c.at)))).toEqual(c.state);
  });

  it('the log survives JSON (as the server stores it)', () => {
    const { m } = played1();
    const stored = JSON.parse(JSON.stringify(m.history)) as TestMeeting['history'];
    expect(snap(replay(JSON.parse(JSON.stringify(m.initial)) as MeetingState, stored))).toEqual(snap(m.state));
  });
});
