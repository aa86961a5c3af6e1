import { beforeAll, describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { applyInPlace } from '../../shared/engine/apply';
import { createState } from '../../shared/engine/state';
import { buildRecord } from '../../shared/record/build';
import { votesCsv, VOTES_CSV_COLUMNS } from '../../shared/record/csv';
import { recordHtml } from '../../shared/record/html';
import type { ClosedRecordItem, DecisionRecord, OpenRecordItem, RecordDecision } from '../../shared/record/types';
import type { Action, Actor, Choice, Counts, MeetingState } from '../../shared/types';
import { MINUTE, meeting, smallChamber, T0, type TestMeeting } from './helpers/meeting';

// § 29: the record is built from a scripted meeting and compared, field by field, with what
// the script did. §§ 2–3: the public version holds nothing of the closed item.

const CLOSED_AMENDMENT = 'Fortroligt ændringsforslag: købesummen nedsættes til 3,1 mio. kr.';
const CLOSED_DISSENT = 'Fortrolig tilførsel: sælgeren er medlemmets nabo.';
const CLOSED_POINT = 'At tilbuddet fra køber K accepteres (fortroligt punkt).';
const CLOSED_TITLE = 'Punkt 2 (lukket)';
const CLOSED_REASON = 'Personsag (§ 2, stk. 2)';
const LATE_CLOSED_DISSENT = 'Sen fortrolig tilførsel om køber K.';

type Ballots = Record<string, Choice>;
const tally = (b: Ballots): Counts => {
  const c = { for: 0, against: 0, abstain: 0 };
  for (const v of Object.values(b)) c[v]++;
  return c;
};

interface Script {
  m: TestMeeting;
  names: Record<string, string>;
  ballots: { sub: Ballots; amendment: Ballots; rollCall: Ballots; reading: Ballots; referral: Ballots; closedAmendment: Ballots; closedProposal: Ballots };
  rollCallOrder: string[];
  manual: Counts;
  frozen: MeetingState;
}

function play(): Script {
  // smallChamber(12): P m1–m5, Q m6–m7, R m8–m10, LG m11–m12; chair line m1, m6, m8.
  const m = meeting({ setup: smallChamber(12), config: { memberCount: 12 } });
  const names = Object.fromEntries(Object.values(m.state.persons).map((p) => [p.id, p.name]));
  // § 8: m4 is away and sub1 sits for them; m7 is away with no substitute.
  m.checkIn('m1', 'm2', 'm3', 'm5', 'm6', 'm8', 'm9', 'm10', 'm11', 'm12');
  m.secretariat.do({ type: 'substitute.callIn', memberId: 'm4', substituteId: 'sub1' });
  m.as('sub1').do({ type: 'presence.checkIn' });
  m.open();
  m.advance(5 * MINUTE);

  // § 20: the order of the agenda put to a vote: a meeting-level decision.
  m.openVote({ kind: 'agendaOrder', order: ['a1', 'a3', 'a4', 'a2'] }, 'At dagsordenens rækkefølge fastholdes.');
  m.cast({ m1: 'for', m2: 'for', m3: 'for', m5: 'for', m6: 'for', m8: 'for' }).closeVote();

  // Item 1 (a1): amendment, sub-amendment and a withdrawn one (§ 25).
  m.start('a1');
  m.as('m2').do({ type: 'amendment.submit', text: 'Ændringsforslag A fra P.' });
  const am1 = Object.keys(m.state.amendments).at(-1)!;
  m.as('m8').do({ type: 'amendment.submit', text: 'Underændringsforslag til A fra R.', parentId: am1 });
  const am1a = Object.keys(m.state.amendments).at(-1)!;
  m.as('m9').do({ type: 'amendment.submit', text: 'Ændringsforslag B, trukket.' });
  const am2 = Object.keys(m.state.amendments).at(-1)!;
  m.as('m9').do({ type: 'amendment.withdraw', amendmentId: am2 });
  m.advance(MINUTE);
  const sub: Ballots = { m1: 'for', m2: 'for', m3: 'for', m5: 'for', sub1: 'for', m8: 'for', m6: 'against', m9: 'against', m10: 'abstain' };
  m.openVote({ kind: 'amendment', amendmentId: am1a }, 'Underændringsforslag 1a.');
  m.cast(sub).closeVote();
  const amendment: Ballots = { m2: 'for', m8: 'for', m1: 'against', m3: 'against', m5: 'against', m6: 'against', m9: 'against', m10: 'against', sub1: 'against', m11: 'abstain' };
  m.openVote({ kind: 'amendment', amendmentId: am1 }, 'Ændringsforslag 1.');
  m.cast(amendment).closeVote();
  const amendmentEntry = m.state.record.at(-1)!;
  m.as('m6').do({ type: 'record.nameVote', voteId: amendmentEntry.voteId! }); // § 29, stk. 2
  m.as('m9').do({ type: 'record.dissent', entryId: amendmentEntry.id, text: 'R ønsker ændringen gennemført.' }); // § 29, stk. 3
  // § 23 and § 24, stk. 1: disqualification by show of hands with a counter-check.
  const manual = { for: 8, against: 1, abstain: 1 };
  m.openVote({ kind: 'disqualification', personId: 'm10' }, 'At m10 er inhabil.', 'manual');
  m.chair.do({ type: 'vote.manualResult', counts: manual, counterCheck: manual });
  // § 24, stk. 2: the proposal by roll call; the disqualified m10 is not called.
  const v = m.openVote({ kind: 'proposal' }, 'At forslaget vedtages.', 'rollCall');
  const rollCallOrder = [...v.rollCall!.order];
  const rollCall: Ballots = {};
  rollCallOrder.forEach((id, i) => (rollCall[id] = (['for', 'for', 'against', 'for', 'abstain'] as Choice[])[i % 5]!));
  for (const id of rollCallOrder) m.as(id).do({ type: 'vote.cast', choice: rollCall[id]! });
  m.closeVote();
  m.as('m6').do({ type: 'record.dissent', entryId: m.state.record.at(-1)!.id, text: 'Q stemmer imod af hensyn til økonomien.' });
  m.finish();
  m.checkOut('m3'); // leaves: absent for the rest (§ 29, stk. 5)
  m.advance(10 * MINUTE);

  // Item 2 (a3): first reading, passed to the second (§ 21).
  m.start('a3');
  const reading: Ballots = { m1: 'for', m2: 'for', m5: 'for', m6: 'for', m8: 'against' };
  m.openVote({ kind: 'reading' }, 'At forslaget går til anden behandling.');
  m.cast(reading).closeVote();

  // Item 3 (a4): referral demanded to a vote (§ 26).
  m.start('a4');
  m.chair.do({ type: 'item.refer', committee: 'Økonomiudvalget' });
  m.as('m9').do({ type: 'declaration.demandVote' });
  const referral: Ballots = { m1: 'for', m2: 'for', m5: 'for', m6: 'for', m9: 'against', m10: 'against', m11: 'abstain' };
  m.openVote({ kind: 'referral', committee: 'Økonomiudvalget' }, 'At punktet henvises til Økonomiudvalget.');
  m.cast(referral).closeVote();

  // An urgent item (§ 9, stk. 2), postponed on a member's proposal (§ 18, stk. 5).
  m.chair.do({ type: 'agenda.add', item: { id: 'a5', title: 'Hastepunkt om vinterberedskab', text: 'Tillægsdagsorden.', kind: 'other', doors: 'open' } });
  m.start('a5');
  m.chair.do({ type: 'item.postpone', proposedBy: 'm2' });

  // The closed item (a2) last (§ 2, stk. 6).
  m.advance(10 * MINUTE);
  m.start('a2');
  m.as('m5').do({ type: 'amendment.submit', text: CLOSED_AMENDMENT });
  const am3 = Object.keys(m.state.amendments).at(-1)!;
  const closedAmendment: Ballots = { m5: 'for', m1: 'against', m2: 'against', m6: 'against', m8: 'against' };
  m.openVote({ kind: 'amendment', amendmentId: am3 }, 'Det fortrolige ændringsforslag.');
  m.cast(closedAmendment).closeVote();
  const closedProposal: Ballots = { m1: 'for', m2: 'for', m5: 'for', m6: 'for', m8: 'for', m9: 'against', m12: 'against' };
  m.openVote({ kind: 'proposal' }, CLOSED_POINT);
  m.cast(closedProposal).closeVote();
  const closedEntry = m.state.record.at(-1)!;
  m.as('m9').do({ type: 'record.nameVote', voteId: closedEntry.voteId! });
  m.as('m12').do({ type: 'record.dissent', entryId: closedEntry.id, text: CLOSED_DISSENT });
  m.finish();
  m.advance(30 * MINUTE);
  m.chair.do({ type: 'meeting.close' });
  const frozen = structuredClone(m.state);

  // After the freeze: a late dissent on an open and on a closed decision.
  m.as('m2').do({ type: 'record.dissent', entryId: m.state.record.find((e) => e.subject?.kind === 'reading')!.id, text: 'Sen tilførsel til 2. behandling.' });
  m.as('m8').do({ type: 'record.dissent', entryId: closedEntry.id, text: LATE_CLOSED_DISSENT });
  return {
    m,
    names,
    ballots: { sub, amendment, rollCall, reading, referral, closedAmendment, closedProposal },
    rollCallOrder,
    manual,
    frozen,
  };
}

const open = (r: DecisionRecord, id: string) => r.items.find((i) => !i.closed && i.id === id) as OpenRecordItem;
const person = (names: Record<string, string>, id: string) => expect.objectContaining({ id, name: names[id] });

describe('the decision record of a scripted meeting (§ 29)', () => {
  let sc: Script;
  let members: DecisionRecord;
  let pub: DecisionRecord;
  beforeAll(() => {
    sc = play();
    members = buildRecord(sc.frozen, { audience: 'members' });
    pub = buildRecord(sc.frozen, { audience: 'public' });
  });

  it('states the meeting, its date and times in Copenhagen time', () => {
    expect(members.format).toBe('salen.decision-record/1');
    expect(members.title).toBe('Testmøde');
    expect(members.chamber).toBe('Testsal');
    expect(members.meeting).toMatchObject({ status: 'closed', date: '2026-11-23', start: '18:00', timeZone: 'Europe/Copenhagen' });
    expect(members.meeting.openedAt).toBe(T0);
    expect(members.meeting.end).toBe('18:56');
    expect(members.chair?.id).toBe('m1');
    expect(members.signed).toBe(false);
    expect(members.anchor).toBeNull();
  });

  it('lists absent members, the substitute who sat and who left early (§ 29, stk. 5)', () => {
    const a = members.attendance;
    expect(a.absent.map((p) => p.id)).toEqual(['m4', 'm7']);
    expect(a.substitutes).toEqual([{ substitute: person(sc.names, 'sub1'), forMember: person(sc.names, 'm4') }]);
    expect(a.partlyAbsent).toEqual([{ person: person(sc.names, 'm3'), items: [2, 3, 4, 5] }]);
    expect(a.present.map((p) => p.id).sort()).toEqual(['m1', 'm10', 'm11', 'm12', 'm2', 'm5', 'm6', 'm8', 'm9']);
    expect(a.decisions).toBe(sc.frozen.record.length);
  });

  it('keeps the agenda order, numbers and outcomes of every item', () => {
    expect(members.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(members.items.map((i) => (i.closed ? null : i.id))).toEqual(['a1', 'a3', 'a4', 'a5', 'a2']);
    expect(members.items.map((i) => (i.closed ? null : i.outcome))).toEqual(['adopted', 'toSecondReading', 'referred', 'postponed', 'adopted']);
    const a4 = open(members, 'a4');
    expect(a4.referredTo).toBe('Økonomiudvalget');
    expect(a4.status).toBe('referred');
    expect(open(members, 'a3').status).toBe('awaitingSecondReading');
  });

  it('records item 1 vote by vote: points, modes, counts, per-party rows, names and dissents', () => {
    const a1 = open(members, 'a1');
    expect(a1.title).toBe('Punkt 1');
    expect(a1.proposal).toBe('At 1 vedtages.');
    expect(a1.disqualified).toEqual([person(sc.names, 'm10')]);
    const [d1a, d1, dq, main] = a1.decisions as [RecordDecision, RecordDecision, RecordDecision, RecordDecision];
    expect(a1.decisions).toHaveLength(4);

    expect(d1a).toMatchObject({ point: 'Underændringsforslag 1a.', mode: 'electronic', outcome: 'adopted', subject: { kind: 'amendment', amendment: '1a' } });
    expect(d1a.counts).toEqual(tally(sc.ballots.sub));
    expect(d1a.named).toEqual([]);
    expect(d1a.time).toBe('18:06');

    expect(d1).toMatchObject({ point: 'Ændringsforslag 1.', outcome: 'rejected', subject: { kind: 'amendment', amendment: '1' } });
    expect(d1.counts).toEqual(tally(sc.ballots.amendment));
    expect(d1.named).toEqual([{ person: person(sc.names, 'm6'), choice: 'against' }]);
    expect(d1.dissents).toEqual([{ person: person(sc.names, 'm9'), text: 'R ønsker ændringen gennemført.' }]);
    // Per party: P voted m2 for and m1, m3, m5, sub1 (a P substitute) against.
    const rows = Object.fromEntries(d1.byGroup.map((g) => [g.person ? `${g.group}:${g.person.id}` : g.group, [g.for, g.against, g.abstain]]));
    expect(rows).toEqual({ P: [1, 4, 0], Q: [0, 1, 0], R: [1, 2, 0], 'LG:m11': [0, 0, 1] });
    expect(d1.absent.map((p) => p.id)).toEqual(['m4', 'm7']);
    expect(d1.substitutes).toEqual([{ substitute: person(sc.names, 'sub1'), forMember: person(sc.names, 'm4') }]);

    expect(dq).toMatchObject({ mode: 'manual', outcome: 'adopted', counts: sc.manual, counterCheck: sc.manual, byGroup: [] });
    expect(dq.subject).toEqual({ kind: 'disqualification', person: person(sc.names, 'm10') });

    expect(main).toMatchObject({ mode: 'rollCall', point: 'At forslaget vedtages.', subject: { kind: 'proposal' } });
    expect(main.counts).toEqual(tally(sc.ballots.rollCall));
    expect(main.outcome).toBe(tally(sc.ballots.rollCall).for > tally(sc.ballots.rollCall).against ? 'adopted' : 'rejected');
    expect(sc.rollCallOrder).not.toContain('m10');
    expect(main.named.map((n) => [n.person.id, n.choice])).toEqual(sc.rollCallOrder.map((id) => [id, sc.ballots.rollCall[id]]));
    expect(main.named[0]!.person).toEqual({ id: sc.rollCallOrder[0], name: sc.names[sc.rollCallOrder[0]!], group: sc.m.state.groups[sc.m.state.persons[sc.rollCallOrder[0]!]!.groupId]!.letter, kind: 'member' });
    expect(main.dissents).toEqual([{ person: person(sc.names, 'm6'), text: 'Q stemmer imod af hensyn til økonomien.' }]);
    // Per-party totals add up to the counts.
    const sum = main.byGroup.reduce((a, g) => ({ for: a.for + g.for, against: a.against + g.against, abstain: a.abstain + g.abstain }), { for: 0, against: 0, abstain: 0 });
    expect(sum).toEqual(main.counts);
  });

  it('gives every amendment its fate (§ 25)', () => {
    const a1 = open(members, 'a1');
    expect(a1.amendments.map((a) => [a.label, a.parentLabel, a.proposer.id, a.status, a.text])).toEqual([
      ['1', null, 'm2', 'rejected', 'Ændringsforslag A fra P.'],
      ['2', null, 'm9', 'withdrawn', 'Ændringsforslag B, trukket.'],
      ['1a', '1', 'm8', 'adopted', 'Underændringsforslag til A fra R.'],
    ]);
    expect(a1.amendments[0]!.decidedBy).toBe(a1.decisions[1]!.id);
    expect(a1.amendments[1]!.decidedBy).toBeNull();
  });

  it('records the reading, the referral and the postponement', () => {
    const [reading] = open(members, 'a3').decisions;
    expect(reading).toMatchObject({ kind: 'reading', outcome: 'adopted', subject: { kind: 'reading' }, counts: tally(sc.ballots.reading) });
    expect(reading!.absent.map((p) => p.id)).toEqual(['m3', 'm4', 'm7']);
    const [ref] = open(members, 'a4').decisions;
    expect(ref).toMatchObject({ kind: 'referral', outcome: 'referred', subject: { kind: 'referral', committee: 'Økonomiudvalget' }, counts: tally(sc.ballots.referral) });
    const a5 = open(members, 'a5');
    expect(a5.number).toBe(4);
    expect(a5.decisions).toEqual([expect.objectContaining({ kind: 'postponement', outcome: 'postponed', mode: null, counts: null })]);
    expect(a5.decisions[0]!.point).toContain(sc.names.m2);
  });

  it('records the meeting-level vote on the order of the agenda (§ 20), with item numbers', () => {
    expect(members.meetingDecisions).toHaveLength(1);
    expect(members.meetingDecisions[0]).toMatchObject({ outcome: 'adopted', subject: { kind: 'agendaOrder', order: [1, 2, 3, 5] }, counts: { for: 6, against: 0, abstain: 0 } });
  });

  it("gives members the closed item in full: reason, points, amendment, names, dissent", () => {
    const a2 = open(members, 'a2');
    expect(a2).toMatchObject({ number: 5, title: CLOSED_TITLE, doors: 'closed', closedReason: CLOSED_REASON, outcome: 'adopted' });
    expect(a2.amendments.map((a) => [a.text, a.status])).toEqual([[CLOSED_AMENDMENT, 'rejected']]);
    const [am, main] = a2.decisions;
    expect(am!.counts).toEqual(tally(sc.ballots.closedAmendment));
    expect(main!.point).toBe(CLOSED_POINT);
    expect(main!.counts).toEqual(tally(sc.ballots.closedProposal));
    expect(main!.named).toEqual([{ person: person(sc.names, 'm9'), choice: 'against' }]);
    expect(main!.dissents).toEqual([{ person: person(sc.names, 'm12'), text: CLOSED_DISSENT }]);
  });

  it('shows the public a closed item only as its number and "Lukket punkt" (§§ 2–3)', () => {
    const closed = pub.items.filter((i) => i.closed) as ClosedRecordItem[];
    expect(closed).toEqual([{ closed: true, number: 5, title: 'Lukket punkt' }]);
    expect(pub.items.filter((i) => !i.closed)).toEqual(members.items.filter((i) => !i.closed && i.doors === 'open'));
    expect(pub.meetingDecisions).toEqual(members.meetingDecisions);
    expect(pub.attendance).toEqual(members.attendance);
  });

  it('leaks nothing of the closed item in any public output: JSON, HTML (da, en) and CSV', () => {
    const withLater = buildRecord(sc.frozen, {
      audience: 'public',
      current: sc.m.state,
      corrections: [{ id: 1, at: T0 + 90 * MINUTE, by: 'Sekretariatet', byRole: 'secretariat', itemId: 'a2', text: 'Rettelse: købesummen var 3,2 mio. kr. (fortroligt)', lastSeq: 10, lastHash: 'a'.repeat(64) }],
    });
    const outputs = [
      JSON.stringify(pub),
      JSON.stringify(withLater),
      recordHtml(pub, { lang: 'da' }),
      recordHtml(pub, { lang: 'en' }),
      recordHtml(withLater, { lang: 'da' }),
      votesCsv(pub),
      votesCsv(withLater),
    ].join('\n');
    const closedItem = sc.m.state.items.a2!;
    const secrets = [closedItem.title, CLOSED_REASON, CLOSED_AMENDMENT, CLOSED_DISSENT, CLOSED_POINT, LATE_CLOSED_DISSENT, 'Det fortrolige ændringsforslag.', 'købesummen var 3,2', 'fortroligt', 'Fortrolig'];
    for (const s of secrets) expect(outputs, s).not.toContain(s);
    // The closed decisions' entry and vote ids do not appear either.
    for (const e of sc.m.state.record.filter((x) => x.itemId === 'a2')) {
      expect(JSON.stringify(pub)).not.toContain(`"${e.id}"`);
      expect(JSON.stringify(pub)).not.toContain(`"${e.voteId}"`);
    }
    expect(withLater.corrections).toEqual([expect.objectContaining({ itemNumber: 5, closed: true })]);
    expect(withLater.corrections[0]).not.toHaveProperty('text');
    expect(withLater.later.find((x) => x.closed)).toEqual({ kind: 'dissent', at: null, itemNumber: 5, closed: true });
  });

  it('once frozen, lists later additions apart and never merges them into the signed text', () => {
    const sig = { lastSeq: 120, lastHash: 'b'.repeat(64), setupHash: 'c'.repeat(64) };
    const r = buildRecord(sc.frozen, {
      audience: 'members',
      current: sc.m.state,
      signatures: [
        { role: 'chair', personId: 'm1', name: sc.names.m1!, at: T0 + 2 * 3600_000, ...sig },
        { role: 'secretariat', personId: null, name: 'Sekretariatet', at: T0 + 3 * 3600_000, ...sig },
      ],
    });
    expect(r.signed).toBe(true);
    expect(r.anchor).toEqual(sig);
    expect(r.items).toEqual(members.items);
    expect(r.later).toEqual([
      expect.objectContaining({ kind: 'dissent', itemNumber: 2, closed: false, person: person(sc.names, 'm2'), text: 'Sen tilførsel til 2. behandling.' }),
      expect.objectContaining({ kind: 'dissent', itemNumber: 5, closed: false, person: person(sc.names, 'm8'), text: LATE_CLOSED_DISSENT }),
    ]);
    const live = buildRecord(sc.m.state, { audience: 'members' });
    expect(open(live, 'a3').decisions[0]!.dissents).toHaveLength(1);
    expect(open(r, 'a3').decisions[0]!.dissents).toHaveLength(0);
  });

  it('is deterministic and plain JSON', () => {
    expect(buildRecord(sc.frozen, { audience: 'members' })).toEqual(members);
    expect(JSON.parse(JSON.stringify(members))).toEqual(members);
  });
});

describe('record exports', () => {
  let sc: Script;
  let members: DecisionRecord;
  beforeAll(() => {
    sc = play();
    members = buildRecord(sc.frozen, { audience: 'members' });
  });

  it('prints as A4 with page numbers from CSS counters, in Danish and in English', () => {
    const da = recordHtml(members, { lang: 'da' });
    expect(da).toMatch(/^<!doctype html>/);
    expect(da).toContain('<html lang="da">');
    expect(da).toContain('size: A4');
    expect(da).toContain('counter(page)');
    expect(da).toContain('counter(pages)');
    expect(da).toContain('Beslutningsprotokol');
    expect(da).toContain('Punkt 1.');
    expect(da).toContain('For stemte');
    expect(da).toContain('Navneopråb (§ 24, stk. 2)');
    expect(da).toContain('Udkast');
    expect(da).toContain('mandag den 23. november 2026');
    const en = recordHtml(members, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Decision record');
    expect(en).toContain('Item 1.');
    expect(en).toContain('Monday');
    expect(en).not.toContain('Beslutningsprotokol');
  });

  it('escapes every text it prints', () => {
    const evil = structuredClone(sc.frozen);
    evil.title = '<script>alert(1)</script>"; } body { display:none';
    evil.items.a1!.title = '<img src=x onerror=alert(1)>';
    const html = recordHtml(buildRecord(evil, { audience: 'public' }), { lang: 'da' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toContain('<script');
    expect(style).not.toContain('"; }');
  });

  it('writes one CSV row per decision with counts that match the meeting', () => {
    const csv = votesCsv(members);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(VOTES_CSV_COLUMNS.join(','));
    const total = members.items.reduce((n, i) => n + (i.closed ? 0 : i.decisions.length), 0) + members.meetingDecisions.length;
    expect(lines).toHaveLength(total + 1);
    const row = lines.find((l) => l.includes('Ændringsforslag 1.'))!;
    const c = tally(sc.ballots.amendment);
    expect(row).toContain(`,rejected,${c.for},${c.against},${c.abstain},`);
    expect(row).toContain('P: 1/4/0 | Q: 0/1/0 | R: 1/2/0 | LG (Medlem 11): 0/0/1');
  });

  it('defuses spreadsheet formulas and quotes separators', () => {
    const evil = structuredClone(sc.frozen);
    evil.record[1]!.point = '=HYPERLINK("http://x","y"), and more';
    const csv = votesCsv(buildRecord(evil, { audience: 'members' }));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y""), and more"`);
  });
});

describe('elections and lots in the record (§§ 27–28)', () => {
  it('reports each round, the lot with its commitment and secret, and who was elected', () => {
    const demo = demoChamber({ seatCount: 55 });
    const s = createState(demo.setup);
    const chair = { role: 'chair' as const, personId: s.chair.line[0]! };
    let now = T0;
    let draw = 0;
    const ok = (body: Record<string, unknown>, actor: Actor = chair) => {
      const r = applyInPlace(s, { ...body, actor } as Action, { now: (now += 1000), random: `secret-${++draw}` });
      if (!r.ok) throw new Error(`${String(body.type)}: ${r.code}`);
    };
    const ids = demo.setup.persons.filter((p) => p.kind === 'member').map((p) => p.id).slice(0, 30);
    const as = (id: string): Actor => ({ role: 'member', personId: id, seatId: s.persons[id]!.seatId! });
    for (const id of ids) ok({ type: 'presence.checkIn' }, as(id));
    ok({ type: 'meeting.open' });
    ok({ type: 'item.start', itemId: 'i6' });
    ok({ type: 'election.create', kind: 'majority', title: 'Valg af formand for udvalget', candidates: ['x', 'y', 'z'].map((c) => ({ id: c, name: `Kandidat ${c.toUpperCase()}` })) });
    const round = (counts: Record<string, number>) => {
      ok({ type: 'election.openRound' });
      let i = 0;
      for (const [c, n] of Object.entries(counts)) for (let k = 0; k < n; k++) ok({ type: 'election.cast', candidateId: c }, as(ids[i++]!));
      ok({ type: 'election.closeRound' });
    };
    round({ x: 10, y: 10, z: 10 });
    round({ x: 12, y: 9, z: 9 });
    ok({ type: 'election.drawLot' });
    const election = Object.values(s.elections)[0] as { finalists: string[]; lots: { winner: string; commitment: string; secret: string }[] };
    const other = election.finalists.find((c) => c !== 'x')!;
    round({ x: 16, [other]: 14 });

    const r = buildRecord(s, { audience: 'members' });
    const item = r.items.find((i) => !i.closed && i.id === 'i6') as OpenRecordItem;
    const d = item.decisions.find((x) => x.kind === 'election')!;
    expect(d).toMatchObject({ outcome: 'elected', point: 'Valg af formand for udvalget: Kandidat X' });
    expect(d.election).toMatchObject({ kind: 'majority', title: 'Valg af formand for udvalget', secret: false, elected: ['Kandidat X'] });
    expect(d.election!.rounds.map((x) => x.tally)).toEqual([
      [{ name: 'Kandidat X', votes: 10 }, { name: 'Kandidat Y', votes: 10 }, { name: 'Kandidat Z', votes: 10 }],
      [{ name: 'Kandidat X', votes: 12 }, { name: 'Kandidat Y', votes: 9 }, { name: 'Kandidat Z', votes: 9 }],
      [{ name: 'Kandidat X', votes: 16 }, { name: `Kandidat ${other.toUpperCase()}`, votes: 14 }],
    ]);
    expect(d.election!.lots).toEqual([
      expect.objectContaining({ purpose: 'finalists', tied: ['Kandidat Y', 'Kandidat Z'], winner: `Kandidat ${other.toUpperCase()}`, commitment: election.lots[0]!.commitment, secret: election.lots[0]!.secret }),
    ]);
    expect(item.outcome).toBe('handled');
    const html = recordHtml(r, { lang: 'da' });
    expect(html).toContain('Lodtrækning');
    expect(html).toContain(election.lots[0]!.commitment);
    expect(votesCsv(r)).toContain(`lot among Kandidat Y, Kandidat Z: Kandidat ${other.toUpperCase()}`);
  });
});
