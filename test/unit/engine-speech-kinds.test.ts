// The annex to the standing orders (bilag 1, speaking time) and § 19: the kinds of speech — a
// first or later speech, a short remark [kort bemærkning] to the latest speech, a point of order
// [til forretningsordenen] — and the optional speaking time per group per item. The rules that
// are the same in both councils run against both presets (shared/presets.ts); the differences
// are tested on their own at the end.
import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import type { ChamberConfig } from '../../shared/config';
import { projectedSpeakers } from '../../shared/engine/speakers';
import { PRESETS, presetConfig, type Preset } from '../../shared/presets';
import { speakingStats } from '../../shared/record/speaking';
import { buildTimeline, chapters } from '../../shared/record/timeline';
import { publicView } from '../../shared/views';
import { quorumNeeded } from '../../shared/engine/selectors';
import { MINUTE, SECOND, debating, meeting } from './helpers/meeting';

const presets = Object.values(PRESETS);

/** A meeting of the preset's council, every member present, item i2 under debate. */
function council(p: Preset, config: Partial<ChamberConfig> = {}) {
  const m = debating('i2', { setup: demoChamber({ seatCount: p.config.memberCount }).setup, config: { ...p.config, ...config } });
  // The demo chamber at either size: party Ø first, then A and C; independents last.
  const [o1, o2, o3] = m.group('Ø');
  const [a1, a2] = m.group('A');
  const [c1] = m.group('C');
  return { m, o1: o1!, o2: o2!, o3: o3!, a1: a1!, a2: a2!, c1: c1! };
}

const queue = (m: ReturnType<typeof debating>) => projectedSpeakers(m.state).map((p) => `${p.kind}:${p.personId}`);

describe.each(presets)('the speaker list with the annex’s kinds — $id', (p) => {
  const cfg = p.config;

  it('§ 19, stk. 1–2: a member asks once; the first of an unspoken party goes first', () => {
    const { m, o1, o2, a1 } = council(p);
    m.request(o1, o2, a1);
    m.as(o1).refuse({ type: 'floor.request' }, 'ALREADY_REQUESTED', '§ 19, stk. 1');
    expect(queue(m)).toEqual([`speech:${o1}`, `speech:${a1}`, `speech:${o2}`]);
    m.as(o1).do({ type: 'floor.withdraw' });
    expect(queue(m)).toEqual([`speech:${o2}`, `speech:${a1}`]);
  });

  it('first and later speeches run the council’s times and are recorded by kind', () => {
    const { m, o1 } = council(p);
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: o1, kind: 'first', first: true, deadline: m.now + cfg.speakingTime.firstSeconds * SECOND });
    m.chair.do({ type: 'floor.end' });
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ kind: 'later', first: false, deadline: m.now + cfg.speakingTime.laterSeconds * SECOND });
    expect(m.item.speeches.map((s) => s.kind)).toEqual(['first', 'later']);
  });

  it('a point of order goes first, runs its own time, and does not count as the member’s speech', () => {
    const { m, o1, a1, c1 } = council(p);
    m.request(o1, a1);
    m.as(c1).do({ type: 'floor.requestOrder' });
    m.as(c1).refuse({ type: 'floor.requestOrder' }, 'ALREADY_REQUESTED', '§ 19, stk. 1');
    expect(projectedSpeakers(m.state)[0]).toEqual({ personId: c1, kind: 'order', reason: 'pointOfOrder' });
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: c1, kind: 'order', deadline: m.now + cfg.pointOfOrder!.seconds * SECOND });
    m.chair.do({ type: 'floor.end' });
    // C has not spoken on the item: its member's speech is still a first one, first of its party.
    m.request(c1);
    expect(queue(m)).toEqual([`speech:${o1}`, `speech:${a1}`, `speech:${c1}`]);
    expect(m.item.debate.spoken).toEqual([]);
  });

  it('a point of order may be raised after the debate is closed (§ 18, stk. 4); a speech may not', () => {
    const { m, o1, a1 } = council(p);
    m.request(o1);
    m.speakNext();
    m.decide({ kind: 'closure' }, m.members.slice(0, Math.ceil(cfg.memberCount / 2) + 1));
    m.as(a1).refuse({ type: 'floor.request' }, 'DEBATE_CLOSED', '§ 18, stk. 4');
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'DEBATE_CLOSED', '§ 18, stk. 4');
    m.as(a1).do({ type: 'floor.requestOrder' });
  });

  it('a pending short remark or point of order does not hold up a closure vote (§ 18, stk. 4); a speech request does', () => {
    const { m, o1, a1, c1 } = council(p);
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    m.as(a1).do({ type: 'floor.requestRemark' });
    m.as(c1).do({ type: 'floor.requestOrder' });
    m.chair.do({ type: 'floor.end' });
    const closure = { type: 'vote.open', point: 'Forhandlingen afsluttes', subject: { kind: 'closure' } } as const;
    m.request(c1);
    m.chair.refuse(closure, 'CLOSURE_BEFORE_ALL_SPOKE', '§ 18, stk. 4');
    m.as(c1).do({ type: 'floor.withdraw' });
    m.chair.do(closure);
  });

  it('a short remark answers the latest speech: asked during it, heard right after it, before the list', () => {
    const { m, o1, o2, a1, c1 } = council(p);
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'NO_SPEECH_TO_REMARK', '§ 19, stk. 2, bilag 1');
    m.request(o1, c1);
    m.chair.do({ type: 'floor.give' }); // o1 speaks
    m.as(o1).refuse({ type: 'floor.requestRemark' }, 'REMARK_OWN_SPEECH', '§ 19, stk. 2, bilag 1');
    m.as(a1).do({ type: 'floor.requestRemark' });
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'REMARK_ONCE', '§ 19, stk. 2, bilag 1');
    m.chair.refuse({ type: 'floor.give' }, 'SOMEONE_SPEAKING', '§ 19, stk. 3');
    m.chair.do({ type: 'floor.end' });
    expect(projectedSpeakers(m.state)[0]).toEqual({ personId: a1, kind: 'remark', reason: 'remark' });
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: a1, kind: 'remark', deadline: m.now + cfg.shortRemark!.seconds * SECOND });
    m.chair.do({ type: 'floor.end' });
    // A remark answers o1's speech; it is not a1's speech on the item, and once made it is made.
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'REMARK_ONCE', '§ 19, stk. 2, bilag 1');
    expect(m.item.speeches.at(-1)).toMatchObject({ kind: 'remark', to: 0, first: false });
    m.request(a1);
    expect(queue(m)).toEqual([`speech:${c1}`, `speech:${a1}`]);
    // A remark not heard (its member left the seat, § 16) is left behind by the next speech.
    m.chair.do({ type: 'floor.give' }); // c1's first speech
    m.as(o2).do({ type: 'floor.requestRemark' });
    m.checkOut(o2);
    m.chair.do({ type: 'floor.end' });
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: a1, kind: 'first' });
    expect(m.item.debate.requests.filter((r) => r.kind === 'remark')).toEqual([]);
  });

  it('a speech draws at most the council’s number of short remarks (REMARKS_FULL)', () => {
    const { m, o1 } = council(p);
    const others = m.members.filter((x) => x !== o1 && !m.chairLine.includes(x));
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    const limit = cfg.shortRemark!.perSpeech;
    for (const x of others.slice(0, limit)) m.as(x).do({ type: 'floor.requestRemark' });
    m.as(others[limit]!).refuse({ type: 'floor.requestRemark' }, 'REMARKS_FULL', '§ 19, stk. 2, bilag 1');
    // A withdrawn remark frees its place.
    m.as(others[0]!).do({ type: 'floor.withdraw', kind: 'remark' });
    m.as(others[limit]!).do({ type: 'floor.requestRemark' });
  });

  it('a member denied the floor asks for no kind of speech (§ 18, stk. 3)', () => {
    const { m, o1, a1 } = council(p);
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    m.chair.do({ type: 'floor.end' });
    m.state.deniedFloor.push(a1);
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'FLOOR_DENIED', '§ 18, stk. 3');
    m.as(a1).refuse({ type: 'floor.requestOrder' }, 'FLOOR_DENIED', '§ 18, stk. 3');
  });

  it('the chair moves ordinary speeches only; the annex’s kinds keep their places ahead', () => {
    const { m, o1, a1, c1 } = council(p);
    m.request(o1, a1);
    m.as(c1).do({ type: 'floor.requestOrder' });
    m.chair.refuse({ type: 'floor.move', personId: c1, toIndex: 0, reason: 'Praktisk' }, 'NOT_REQUESTED', '§ 19, stk. 1');
    m.chair.refuse({ type: 'floor.move', personId: a1, toIndex: 2, reason: 'Praktisk' }, 'BAD_INDEX', '§ 19, stk. 2');
    m.chair.do({ type: 'floor.move', personId: a1, toIndex: 0, reason: 'Praktisk' });
    expect(queue(m)).toEqual([`order:${c1}`, `speech:${a1}`, `speech:${o1}`]);
  });
});

describe.each(presets)('the speaking time per group per item (optional) — $id', (p) => {
  it('a speech ends by the group’s time; once it is used the group gets no speech or remark', () => {
    const { m, o1, o2, a1 } = council(p, { groupBudgetSeconds: 200 });
    m.request(o1, a1, o2);
    m.chair.do({ type: 'floor.give' }); // o1: a first speech is longer than Ø's 200 s
    expect(m.item.debate.speaking!.deadline).toBe(m.now + 200 * SECOND);
    m.advance(200 * SECOND);
    m.chair.do({ type: 'floor.end' });
    // o2's request stays but is passed over: Ø's time is used.
    expect(queue(m)).toEqual([`speech:${a1}`]);
    m.as(o1).refuse({ type: 'floor.request' }, 'GROUP_TIME_USED', '§ 19, stk. 2, bilag 1');
    m.chair.do({ type: 'floor.give' }); // a1
    m.as(o2).refuse({ type: 'floor.requestRemark' }, 'GROUP_TIME_USED', '§ 19, stk. 2, bilag 1');
    // A point of order is about the procedure and draws on no group's time.
    m.as(o2).do({ type: 'floor.requestOrder' });
    m.advance(30 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: o2, kind: 'order' });
  });

  it('the rest of the group’s time caps the next speech; an item may lift the budget', () => {
    const { m, o1, o2 } = council(p, { groupBudgetSeconds: 400 });
    m.request(o1, o2);
    m.chair.do({ type: 'floor.give' });
    m.advance(5 * MINUTE);
    m.chair.do({ type: 'floor.end' });
    m.chair.do({ type: 'floor.give' }); // o2: a first speech, but only 100 s of Ø's time is left
    expect(m.item.debate.speaking!.deadline).toBe(m.now + 100 * SECOND);
    // The public view carries the group's time as the speech began, for the gallery's clock.
    const cur = publicView(m.state).current;
    expect(cur && !cur.closed ? cur.speaking : null).toMatchObject({ personId: o2, kind: 'first', groupLeftMs: 100 * SECOND });
    expect(cur && !cur.closed ? cur.groupTime?.left[`group:${m.groupOf(o2)}`] : null).toBe(100 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.finish();
    m.chair.do({ type: 'agenda.add', item: { id: 'u1', title: 'Uden tidsramme', text: '', kind: 'other', doors: 'open', groupBudgetSeconds: null } });
    m.start('u1');
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking!.deadline).toBe(m.now + p.config.speakingTime.firstSeconds * SECOND);
  });
});

describe('where the two councils differ (shared/presets.ts)', () => {
  const cph = PRESETS.copenhagen;
  const mun = PRESETS.municipal31;

  it('the numbers: members, quorum (§ 15 / KSL § 12), closure and order demands, short remarks per speech', () => {
    expect(cph.config).toMatchObject({ memberCount: 55, forceVoteMembers: 6, shortRemark: { perSpeech: 2 } });
    expect(mun.config).toMatchObject({ memberCount: 31, forceVoteMembers: 4, shortRemark: { perSpeech: 1 }, normalEnd: '22:00' });
    const a = council(cph).m;
    const b = council(mun).m;
    expect(a.state.config.memberCount).toBe(a.members.length);
    expect(b.state.config.memberCount).toBe(b.members.length);
  });

  it('§ 15 / KSL § 12, stk. 1: half the members — 28 of 55, 16 of 31 — must be present to vote', () => {
    for (const [preset, needed] of [[cph, 28], [mun, 16]] as const) {
      const m = meeting({ setup: demoChamber({ seatCount: preset.config.memberCount }).setup, config: preset.config });
      m.checkInAll(needed - 1);
      m.open();
      m.start('i2');
      expect(quorumNeeded(m.state)).toBe(needed);
      m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
      const last = m.members.find((x) => !m.present().includes(x))!;
      m.checkIn(last);
      m.openVote({ kind: 'proposal' });
    }
  });

  it('a closure vote is forced by six members in Copenhagen and by four in the municipal council (§ 18, stk. 4)', () => {
    for (const [preset, n] of [[cph, 6], [mun, 4]] as const) {
      const { m } = council(preset);
      const demanders = m.members.slice(0, n);
      let last: unknown[] = [];
      for (const x of demanders) last = m.as(x).do({ type: 'closure.demand' });
      expect(last).toContainEqual({ type: 'demand', kind: 'closure', count: n });
      expect(m.state.demands.closure.length).toBe(preset.config.forceVoteMembers);
    }
  });

  it('a second short remark to one speech: allowed in Copenhagen, refused in the municipal council', () => {
    for (const [preset, second] of [[cph, true], [mun, false]] as const) {
      const { m, o1, a1, c1 } = council(preset);
      m.request(o1);
      m.chair.do({ type: 'floor.give' });
      m.as(a1).do({ type: 'floor.requestRemark' });
      if (second) m.as(c1).do({ type: 'floor.requestRemark' });
      else m.as(c1).refuse({ type: 'floor.requestRemark' }, 'REMARKS_FULL', '§ 19, stk. 2, bilag 1');
    }
  });

  it('a council without short remarks or points of order (null in its config) refuses them with the annex', () => {
    const { m, o1, a1 } = council(mun, { shortRemark: null, pointOfOrder: null });
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    m.as(a1).refuse({ type: 'floor.requestRemark' }, 'KIND_NOT_USED', '§ 19, stk. 2, bilag 1');
    m.as(a1).refuse({ type: 'floor.requestOrder' }, 'KIND_NOT_USED', '§ 19, stk. 2, bilag 1');
  });

  it('presetConfig lays a set-up’s own numbers over the preset', () => {
    expect(presetConfig('municipal31', { memberCount: 29, speakingTime: { firstSeconds: 240, laterSeconds: 120 } })).toMatchObject({
      memberCount: 29,
      forceVoteMembers: 4,
      speakingTime: { firstSeconds: 240, laterSeconds: 120 },
    });
  });
});

describe.each(presets)('the speech index and the speaking statistics count by kind — $id', (p) => {
  it('first, later, short remark and point of order are told apart in the timeline, its chapters and the tallies', () => {
    const { m, o1, a1, c1 } = council(p);
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    m.as(a1).do({ type: 'floor.requestRemark' });
    m.advance(90 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.chair.do({ type: 'floor.give' }); // a1's remark
    m.advance(40 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.as(c1).do({ type: 'floor.requestOrder' });
    m.chair.do({ type: 'floor.give' });
    m.advance(20 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.request(o1);
    m.chair.do({ type: 'floor.give' });
    m.advance(30 * SECOND);
    m.chair.do({ type: 'floor.end' });

    const st = speakingStats(m.state, { audience: 'members' });
    const item = st.items.find((i) => i.itemId === 'i2')!;
    expect(item.byKind).toEqual({
      first: { ms: 90 * SECOND, speeches: 1 },
      later: { ms: 30 * SECOND, speeches: 1 },
      remark: { ms: 40 * SECOND, speeches: 1 },
      order: { ms: 20 * SECOND, speeches: 1 },
    });
    expect(st.meeting.byKind.remark).toEqual({ ms: 40 * SECOND, speeches: 1 });

    const tl = buildTimeline(m.state, 'public');
    const it2 = tl.items.find((i) => !i.closed && i.id === 'i2');
    expect(it2 && !it2.closed ? it2.speeches.map((s) => s.kind) : []).toEqual(['first', 'remark', 'order', 'later']);
    const da = chapters(tl, 'da', m.now).map((c) => c.text);
    const en = chapters(tl, 'en', m.now).map((c) => c.text);
    expect(da.filter((x) => x.endsWith('– kort bemærkning'))).toHaveLength(1);
    expect(da.filter((x) => x.endsWith('– til forretningsordenen'))).toHaveLength(1);
    expect(en.filter((x) => x.endsWith('– short remark'))).toHaveLength(1);
    expect(en.filter((x) => x.endsWith('– point of order'))).toHaveLength(1);
  });
});
