import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { applyInPlace, createState, type Action, type ActionBody, type Actor, type MeetingState } from '../../shared/index';
import { buildRecord } from '../../shared/record/index';
import type { MajorityElection } from '../../shared/elections/types';
import { chairView, memberView, ownView, publicView, withOwn } from '../../shared/views';

function meeting(present = 30) {
  const demo = demoChamber();
  const s = createState(demo.setup);
  const chair: Actor = { role: 'chair', personId: s.chair.line[0]! };
  let now = Date.UTC(2026, 10, 23, 17, 0);
  const act = (body: ActionBody, actor: Actor = chair) => {
    const r = applyInPlace(s, { ...body, actor } as Action, { now: (now += 1000) });
    if (!r.ok) throw new Error(`${body.type}: ${r.code}`);
  };
  const ids = demo.setup.persons.filter((p) => p.kind === 'member').map((p) => p.id).slice(0, present);
  const as = (id: string): Actor => ({ role: 'member', personId: id, seatId: s.persons[id]!.seatId! });
  for (const id of ids) act({ type: 'presence.checkIn' }, as(id));
  act({ type: 'meeting.open' });
  return { s, act, as, ids };
}

function everyString(s: MeetingState, ...ids: string[]): string[] {
  return ids.flatMap((id) => {
    const it = s.items[id]!;
    return [it.title, it.text, it.proposal ?? '', it.closedReason ?? ''].filter(Boolean);
  });
}

describe('§§ 2–3 — the public view never shows a closed item', () => {
  it('shows "closed" with its number only, and the agenda lists it without a title', () => {
    const { s, act, as, ids } = meeting();
    act({ type: 'item.start', itemId: 'i3' });
    act({ type: 'floor.request' }, as(ids[0]!));
    act({ type: 'amendment.submit', text: 'Hemmeligt ændringsforslag' }, as(ids[1]!));
    act({ type: 'vote.open', point: 'Lukket tema', subject: { kind: 'amendment', amendmentId: Object.keys(s.amendments)[0]! } });
    act({ type: 'vote.cast', choice: 'for' }, as(ids[0]!));
    const v = publicView(s);
    expect(v.current).toEqual({ closed: true, number: s.items.i3!.number });
    const text = JSON.stringify(v);
    for (const secret of [...everyString(s, 'i3'), 'Hemmeligt ændringsforslag', 'Lukket tema']) expect(text).not.toContain(secret);
    expect(v.agenda.find((a) => a.number === s.items.i3!.number)).toEqual({ closed: true, number: s.items.i3!.number, status: 'active' });
    act({ type: 'vote.close' });
    expect(publicView(s).lastResult).toBeNull();
    expect(JSON.stringify(publicView(s))).not.toContain('Lukket tema');
  });
});

describe('§ 24 — no member\u2019s choice before the close', () => {
  it('public and member views carry counts of ballots, never choices, until the close; then the seat map', () => {
    const { s, act, as, ids } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    act({ type: 'vote.open', point: 'Tema', subject: { kind: 'proposal' } });
    act({ type: 'vote.cast', choice: 'against' }, as(ids[0]!));
    act({ type: 'vote.cast', choice: 'for' }, as(ids[1]!));
    const pv = publicView(s);
    expect(pv.current && !pv.current.closed && pv.current.vote?.voted).toBe(2);
    expect(JSON.stringify(pv)).not.toMatch(/against/);
    const mv = memberView(s);
    expect(mv.votes[s.activeVote!]!.ballots).toEqual({});
    expect(mv.votes[s.activeVote!]!.ballotCount).toBe(2);
    expect(s.votes[s.activeVote!]!.ballots[ids[0]!]).toBe('against'); // the state itself is untouched
    const own = ownView(s, s.persons[ids[0]!]!.seatId!);
    expect(own).toMatchObject({ personId: ids[0], ballot: 'against' });
    expect(withOwn(mv, own).votes[s.activeVote!]!.ballots).toEqual({ [ids[0]!]: 'against' });
    act({ type: 'vote.close' });
    const after = publicView(s);
    expect(after.lastResult?.counts).toEqual({ for: 1, against: 1, abstain: 0 });
    expect(after.lastResult?.seats?.[s.persons[ids[0]!]!.seatId!]).toBe('against');
    expect(after.lastResult?.seats?.[s.persons[ids[5]!]!.seatId!]).toBeNull();
  });
});

describe('§ 24 — no console sees a choice before the close either (issue #11)', () => {
  /** Every way a choice of `ids` could sit in a view: a ballot map entry, or the choice as a value under the person. */
  const choicesIn = (view: unknown, ids: string[]) => {
    const text = JSON.stringify(view);
    return ids.filter((p) => new RegExp(`"${p}":"(for|against|abstain)"`).test(text));
  };

  it('an open electronic vote: the chair view (acting chair, vice-chair, secretariat) says who voted, not how', () => {
    const { s, act, as, ids } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    act({ type: 'vote.open', point: 'Tema', subject: { kind: 'proposal' } });
    // Cast out of the persons' order: the list still follows it.
    act({ type: 'vote.cast', choice: 'against' }, as(ids[4]!));
    act({ type: 'vote.cast', choice: 'for' }, as(ids[0]!));
    act({ type: 'vote.cast', choice: 'abstain' }, as(ids[2]!));
    act({ type: 'vote.cast', choice: 'for' }, as(ids[2]!)); // changed: still one entry
    const cv = chairView(s);
    const vote = cv.votes[s.activeVote!]!;
    expect(vote.ballots).toEqual({});
    expect(vote.votedBy).toEqual([ids[0], ids[2], ids[4]]);
    expect(vote.ballotCount).toBe(3);
    expect(choicesIn(cv, ids)).toEqual([]);
    expect(s.votes[s.activeVote!]!.ballots[ids[4]!]).toBe('against'); // the state itself is untouched
    // Members and the public: counts only, not even who.
    expect(memberView(s).votes[s.activeVote!]!.votedBy).toBeUndefined();
    expect(choicesIn(memberView(s), ids)).toEqual([]);
    expect(JSON.stringify(publicView(s))).not.toMatch(/against|abstain/);
    // The decision record has nothing of an open vote.
    for (const audience of ['members', 'public'] as const) {
      const rec = JSON.stringify(buildRecord(s, { audience }));
      expect(rec).not.toContain(s.activeVote!);
      expect(choicesIn(rec, ids)).toEqual([]);
    }
    // At the close everything is as held, on every console.
    const voteId = s.activeVote!;
    act({ type: 'vote.close' });
    const closed = chairView(s).votes[voteId]!;
    expect(closed.ballots).toEqual({ [ids[0]!]: 'for', [ids[2]!]: 'for', [ids[4]!]: 'against' });
    expect(closed.votedBy).toBeUndefined();
    expect(closed.result).toMatchObject({ for: 2, against: 1, abstain: 0 });
  });

  it('a roll call: the chair view keeps each answer as it is given (spoken aloud); members and the public get counts until the close', () => {
    const { s, act, as } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    act({ type: 'vote.open', point: 'Navneopråb', subject: { kind: 'proposal' }, mode: 'rollCall' });
    const order = s.votes[s.activeVote!]!.rollCall!.order;
    act({ type: 'vote.cast', choice: 'against' }, as(order[0]!));
    act({ type: 'vote.cast', choice: 'for' }, as(order[1]!));
    expect(chairView(s).votes[s.activeVote!]!.ballots).toEqual({ [order[0]!]: 'against', [order[1]!]: 'for' });
    expect(memberView(s).votes[s.activeVote!]!.ballots).toEqual({});
    expect(memberView(s).votes[s.activeVote!]!.ballotCount).toBe(2);
    expect(JSON.stringify(publicView(s))).not.toMatch(/against/);
  });

  it('an open (not secret) election round: consoles and members see who voted, never for whom, until it closes', () => {
    const { s, act, as, ids } = meeting();
    act({ type: 'item.start', itemId: 'i6' });
    act({ type: 'election.create', kind: 'majority', title: 'Valg', candidates: [{ id: 'kx', name: 'X' }, { id: 'ky', name: 'Y' }] });
    act({ type: 'election.openRound' });
    act({ type: 'election.cast', candidateId: 'kx' }, as(ids[0]!));
    act({ type: 'election.cast', candidateId: 'ky' }, as(ids[1]!));
    const id = s.activeElection!;
    for (const v of [chairView(s), memberView(s)]) {
      const round = (v.elections[id] as MajorityElection).rounds[0]!;
      expect(round.ballots).toEqual({});
      expect(round.voted).toEqual([ids[0], ids[1]]);
      for (const p of ids) expect(JSON.stringify(v.elections)).not.toContain(`"${p}":"k`);
    }
    expect((s.elections[id] as MajorityElection).rounds[0]!.ballots).toEqual({ [ids[0]!]: 'kx', [ids[1]!]: 'ky' });
    expect(JSON.stringify(publicView(s).elections)).not.toMatch(/"tally":\{/);
    act({ type: 'election.closeRound' });
    expect((chairView(s).elections[id] as MajorityElection).rounds[0]!.ballots).toEqual({ [ids[0]!]: 'kx', [ids[1]!]: 'ky' });
  });
});

describe('§ 1 — the chair can blank the public display', () => {
  it('a blank gallery gets no item, agenda or result', () => {
    const { s, act } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    act({ type: 'gallery.blank', blank: true });
    const v = publicView(s);
    expect(v.blank).toBe(true);
    expect(v.current).toBeNull();
    expect(v.agenda).toEqual([]);
    act({ type: 'gallery.blank', blank: false });
    expect(publicView(s).current).not.toBeNull();
  });
});

describe('§ 19, stk. 2 — the public queue is the projected order', () => {
  it('lists requests party-first with the reason', () => {
    const { s, act, as } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    const ofGroup = (g: string) => Object.values(s.persons).filter((p) => p.groupId === g && p.kind === 'member' && s.presence[p.seatId!]).map((p) => p.id);
    const [a1, a2] = ofGroup('Ø');
    const [b1] = ofGroup('A');
    for (const id of [a1!, a2!, b1!]) act({ type: 'floor.request' }, as(id));
    const v = publicView(s);
    const queue = v.current && !v.current.closed ? v.current.queue : [];
    expect(queue).toEqual([
      { personId: a1, kind: 'speech', reason: 'groupFirst' },
      { personId: b1, kind: 'speech', reason: 'groupFirst' },
      { personId: a2, kind: 'speech', reason: 'order' },
    ]);
  });
});
