import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { applyInPlace, createState, type Action, type ActionBody, type Actor, type MeetingState } from '../../shared/index';
import { memberView, ownView, publicView, withOwn } from '../../shared/views';

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
      { personId: a1, reason: 'groupFirst' },
      { personId: b1, reason: 'groupFirst' },
      { personId: a2, reason: 'order' },
    ]);
  });
});
