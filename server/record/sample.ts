import type { Actor, Choice, PersonId } from '../../shared/types';
import type { MeetingService } from '../meeting/service';

// A short sample meeting of the demo chamber, played through the live service (so it lands
// in the real, hash-chained log): something for the record to show, for the tests, the
// screenshot and demonstrations. Every decision kind the record knows appears once.

export interface SampleOptions {
  /** Called between steps to move a test clock on (ms); the live clock needs nothing. */
  advance?: (ms: number) => void;
}

export interface SampleMeeting {
  absent: PersonId[];
  substitute: { substituteId: PersonId; forMember: PersonId };
  leftEarly: PersonId;
  closedItemId: string;
  /** Texts that exist only in the closed item: none may reach a public output (§ 3). */
  closedSecrets: string[];
}

export const SAMPLE_CLOSED_AMENDMENT = 'Mindsteprisen hæves til 48,5 mio. kr. (fortroligt ændringsforslag)';
export const SAMPLE_CLOSED_DISSENT = 'Jeg finder prisen for lav i forhold til vurderingen (fortrolig tilførsel).';
export const SAMPLE_CLOSED_POINT = 'At ejendommen Vesterbrogade 1 sælges til højestbydende køber.';

export async function playSampleMeeting(service: MeetingService, opts: SampleOptions = {}): Promise<SampleMeeting> {
  const s = () => service.state;
  const advance = opts.advance ?? (() => {});
  const persons = Object.values(s().persons);
  const members = persons.filter((p) => p.kind === 'member');
  const ofGroup = (g: string) => members.filter((p) => p.groupId === g).map((p) => p.id);
  const chairId = s().chair.line[0]!;
  const chair: Actor = { role: 'chair', personId: chairId };
  const secretariat: Actor = { role: 'secretariat', id: 'secretariat' };

  async function act(body: Record<string, unknown>, actor: Actor, ms = 90_000) {
    advance(ms);
    // dispatch applies at once, in call order; only the durable ack is awaited.
    const ack = await service.dispatch(body, actor);
    if (!ack.ok) throw new Error(`sample meeting: ${String(body.type)} refused: ${ack.code} (${ack.message.en})`);
  }
  /** Independent actions sent together, as a chamber of seat terminals does: one group commit. */
  const all = (list: [Record<string, unknown>, Actor, number?][]) => Promise.all(list.map(([b, a, ms]) => act(b, a, ms)));
  const member = (id: PersonId, seatId?: string): Actor => {
    const p = s().persons[id]!;
    let seat = seatId ?? p.seatId ?? '';
    if (!seatId && p.kind === 'substitute')
      for (const [m, sub] of Object.entries(s().substitutes)) if (sub === id) seat = s().persons[m]!.seatId!;
    return { role: 'member', personId: id, seatId: seat };
  };

  // Absent: one from Ø (a substitute takes the seat, § 8), one from V; one from F leaves early.
  const absentØ = ofGroup('Ø').at(-1)!;
  const absentV = ofGroup('V').at(-1)!;
  const leftEarly = ofGroup('F').at(-1)!;
  const absent = [absentØ, absentV];
  const sub = persons.find((p) => p.kind === 'substitute' && p.groupId === 'Ø')!.id;
  await all(members.filter((m) => !absent.includes(m.id)).map((m) => [{ type: 'presence.checkIn' }, member(m.id), 1000]));
  await act({ type: 'substitute.callIn', memberId: absentØ, substituteId: sub }, secretariat);
  await act({ type: 'presence.checkIn' }, member(sub, s().persons[absentØ]!.seatId!), 1000);
  await act({ type: 'meeting.open' }, chair, 60_000);

  const present = () => Object.values(s().presence).filter((o) => o.online).map((o) => o.personId);
  const byGroupChoice = (forGroups: string[], againstGroups: string[]) => (id: PersonId): Choice => {
    const g = s().persons[id]!.groupId;
    if (forGroups.includes(g)) return 'for';
    if (againstGroups.includes(g)) return 'against';
    return 'abstain';
  };
  async function vote(point: string, subject: Record<string, unknown>, choose: (id: PersonId) => Choice | null, mode?: 'electronic' | 'rollCall') {
    await act({ type: 'vote.open', point, subject, ...(mode ? { mode } : {}) }, chair, 60_000);
    const v = s().votes[s().activeVote!]!;
    const disqualified = s().items[v.itemId]?.disqualified ?? [];
    const order = v.rollCall ? [...v.rollCall.order] : present().filter((id) => !disqualified.includes(id) || (subject.kind === 'disqualification' && subject.personId === id));
    const casts: [Record<string, unknown>, Actor, number][] = [];
    for (const id of order) {
      const c = choose(id);
      if (c) casts.push([{ type: 'vote.cast', choice: c }, member(id), 1_000]);
    }
    await all(casts);
    await act({ type: 'vote.close' }, chair, 5_000);
    return s().record.at(-1)!;
  }
  const lastEntry = () => s().record.at(-1)!;

  // 1. The agenda: declared adopted without a vote (§ 24, stk. 4).
  await act({ type: 'item.start', itemId: 'i1' }, chair);
  await act({ type: 'declaration.make', point: 'At dagsordenen godkendes.', subject: { kind: 'proposal' }, expected: 'adopted' }, chair);
  await act({ type: 'declaration.confirm' }, chair);
  await act({ type: 'item.finish' }, chair);

  // 2. The cycle lane: an amendment, a sub-amendment and a withdrawn one (§ 25); named vote and dissent (§ 29).
  await act({ type: 'item.start', itemId: 'i2' }, chair);
  const c1 = ofGroup('C')[1]!;
  const b1 = ofGroup('B')[1]!;
  const v1 = ofGroup('V')[0]!;
  await act({ type: 'amendment.submit', text: 'Cykelstien anlægges i begge sider af gaden.' }, member(c1));
  const am1 = Object.keys(s().amendments).at(-1)!;
  await act({ type: 'amendment.submit', text: 'Med grønne skillerabatter mellem cykelsti og kørebane.', parentId: am1 }, member(b1));
  await act({ type: 'amendment.submit', text: 'Projektet udskydes et år.' }, member(v1));
  const am3 = Object.keys(s().amendments).at(-1)!;
  await act({ type: 'amendment.withdraw', amendmentId: am3 }, member(v1));
  const am2 = Object.keys(s().amendments).find((id) => s().amendments[id]!.parentId === am1)!;
  await vote('Underændringsforslag 1a om grønne skillerabatter.', { kind: 'amendment', amendmentId: am2 }, byGroupChoice(['Ø', 'B', 'F', 'Å', 'A'], ['C', 'V', 'I', 'O', 'D']));
  await vote('Ændringsforslag 1 om cykelsti i begge sider.', { kind: 'amendment', amendmentId: am1 }, byGroupChoice(['C', 'B'], ['Ø', 'A', 'F', 'V', 'I', 'O', 'D', 'Å']));
  const e2 = await vote('At Borgerrepræsentationen godkender anlæg af cykelstien.', { kind: 'proposal' }, byGroupChoice(['Ø', 'A', 'B', 'F', 'Å', 'LG'], ['C', 'V', 'I', 'O', 'D']));
  const namer = ofGroup('C')[0]!;
  await act({ type: 'record.nameVote', voteId: e2.voteId }, member(namer));
  await act({ type: 'record.dissent', entryId: e2.id, text: 'Det Konservative Folkeparti ønsker bilernes fremkommelighed sikret.' }, member(namer));
  await act({ type: 'item.finish' }, chair);
  await act({ type: 'presence.checkOut' }, member(leftEarly), 60_000);

  // 4. The budget, first reading: passed to the second (§ 21).
  await act({ type: 'item.start', itemId: 'i4' }, chair);
  await vote('At budgetforslaget oversendes til anden behandling.', { kind: 'reading' }, byGroupChoice(['Ø', 'A', 'B', 'F', 'C', 'V', 'Å', 'I', 'LG'], ['O', 'D']));

  // 5. Local plan: a disqualification (§ 23), then the proposal divided (§ 24, stk. 5), part b by roll call.
  await act({ type: 'item.start', itemId: 'i5' }, chair);
  const a2 = ofGroup('A')[1]!;
  await vote(`At ${s().persons[a2]!.name} er inhabil under punktet.`, { kind: 'disqualification', personId: a2 }, (id) => (id === a2 ? 'abstain' : 'for'));
  await vote('Lokalplanens del a: boligbebyggelsen.', { kind: 'proposal', part: 'a' }, byGroupChoice(['Ø', 'A', 'B', 'F', 'C', 'Å'], ['V', 'I', 'O', 'D']));
  await vote('Lokalplanens del b: parkeringshuset.', { kind: 'proposal', part: 'b' }, byGroupChoice(['C', 'V', 'I', 'O', 'D'], ['Ø', 'A', 'B', 'F', 'Å']), 'rollCall');
  await act({ type: 'item.finish' }, chair);

  // 6. Member proposal: referred to a committee (§ 26).
  await act({ type: 'item.start', itemId: 'i6' }, chair);
  await act({ type: 'item.refer', committee: 'Teknik- og Miljøudvalget' }, chair);
  await act({ type: 'declaration.confirm' }, chair);

  // 7. An urgent item added (§ 9, stk. 2) and postponed (§ 18, stk. 5).
  await act({ type: 'agenda.add', item: { id: 'i7', title: 'Forespørgsel om vinterbadning i havnen', text: 'Forespørgsel fra et medlem.', kind: 'question', doors: 'open' } }, chair);
  await act({ type: 'item.start', itemId: 'i7' }, chair);
  await act({ type: 'item.postpone', proposedBy: ofGroup('Ø')[0]! }, chair);

  // 3. The closed item last (§ 2, stk. 6): an amendment, a named vote and a dissent, all confidential (§ 3).
  await act({ type: 'item.start', itemId: 'i3' }, chair);
  const d1 = ofGroup('D')[0]!;
  await act({ type: 'amendment.submit', text: SAMPLE_CLOSED_AMENDMENT }, member(d1));
  const am4 = Object.keys(s().amendments).at(-1)!;
  await vote('Ændringsforslag om mindstepris.', { kind: 'amendment', amendmentId: am4 }, byGroupChoice(['D', 'O'], ['Ø', 'A', 'B', 'F', 'C', 'V', 'Å', 'I', 'LG']));
  const e3 = await vote(SAMPLE_CLOSED_POINT, { kind: 'proposal' }, byGroupChoice(['A', 'C', 'B', 'V', 'I', 'LG'], ['Ø', 'F', 'Å', 'O', 'D']));
  const closedNamer = ofGroup('Ø')[1]!;
  await act({ type: 'record.nameVote', voteId: e3.voteId }, member(closedNamer));
  await act({ type: 'record.dissent', entryId: lastEntry().id, text: SAMPLE_CLOSED_DISSENT }, member(closedNamer));
  await act({ type: 'item.finish' }, chair);
  await act({ type: 'meeting.close' }, chair, 120_000);

  const closed = s().items.i3!;
  return {
    absent,
    substitute: { substituteId: sub, forMember: absentØ },
    leftEarly,
    closedItemId: 'i3',
    closedSecrets: [closed.title, closed.text, closed.proposal ?? '', closed.closedReason ?? '', SAMPLE_CLOSED_AMENDMENT, SAMPLE_CLOSED_DISSENT, SAMPLE_CLOSED_POINT, 'Ændringsforslag om mindstepris.'].filter(Boolean),
  };
}
