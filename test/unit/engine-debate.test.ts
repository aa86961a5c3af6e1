// The speaker list and order in the chamber: § 19 and § 18, stk. 3–4 of the standing orders.
import { describe, expect, it } from 'vitest';
import { groupKey } from '../../shared/engine/selectors';
import { projectedSpeakers } from '../../shared/engine/speakers';
import { demoChamber } from '../../server/demo/chamber';
import { PRESETS } from '../../shared/presets';
import { SECOND, debating, meeting } from './helpers/meeting';
import { mulberry32 as prng } from '../support/rng';

// Demo chamber groups: Ø m1–m12, A m13–m22, C m23–m30, B m31–m37, F m38–m44, V m45–m47,
// Å m48–m49, I m50–m51, O m52, D m53; independents [løsgængere] m54, m55 (group LG).
const list = (m: ReturnType<typeof debating>) => projectedSpeakers(m.state).map((p) => p.personId);

// Blocks whose rule is the same in every council run against each preset (shared/presets.ts),
// in a demo chamber of the preset's size: m2 and m14 are members of different parties in both.
const PRESET_CASES = Object.values(PRESETS).map((p) => {
  const opts = { setup: demoChamber({ seatCount: p.config.memberCount }).setup, config: p.config };
  return [p.id, () => debating('i2', opts), () => meeting(opts)] as const;
});

/** A small deterministic PRNG, so the "random" scenarios are the same on every run. */

describe.each(PRESET_CASES)('§ 19, stk. 1 — whoever wants the floor asks the chair — %s', (_id, at, fresh) => {
  it('a member asks once, may withdraw, and the list is per item', () => {
    const m = at();
    m.as('m2').do({ type: 'floor.request' });
    m.as('m2').refuse({ type: 'floor.request' }, 'ALREADY_REQUESTED', '§ 19, stk. 1');
    m.as('m2').do({ type: 'floor.withdraw' });
    expect(m.item.debate.requests).toEqual([]);
    m.as('m2').refuse({ type: 'floor.withdraw' }, 'NOT_REQUESTED', '§ 19, stk. 1');
    m.request('m2', 'm14');
    m.finish();
    m.start('i1');
    expect(list(m)).toEqual([]);
    m.as('m2').do({ type: 'floor.request' });
  });

  it('no list without an item under debate', () => {
    const m = fresh();
    m.checkInAll(30);
    m.open();
    m.as('m2').refuse({ type: 'floor.request' }, 'NO_CURRENT_ITEM', '§ 20, stk. 1');
  });

  it('the chair gives the floor only when someone asked and nobody speaks', () => {
    const m = at();
    m.chair.refuse({ type: 'floor.give' }, 'SPEAKER_LIST_EMPTY', '§ 19, stk. 1');
    m.chair.refuse({ type: 'floor.end' }, 'NOBODY_SPEAKING', '§ 19');
    m.request('m2', 'm14');
    m.chair.do({ type: 'floor.give' });
    m.chair.refuse({ type: 'floor.give' }, 'SOMEONE_SPEAKING', '§ 19, stk. 3');
  });
});

describe('§ 19, stk. 2 — party-first speaker order', () => {
  it('two requests from the same unspoken party: the first keeps priority, the second waits in order asked', () => {
    const m = debating('i2');
    m.request('m2', 'm3', 'm14'); // Ø, Ø, A
    expect(projectedSpeakers(m.state)).toEqual([
      { personId: 'm2', kind: 'speech', reason: 'groupFirst' },
      { personId: 'm14', kind: 'speech', reason: 'groupFirst' },
      { personId: 'm3', kind: 'speech', reason: 'order' },
    ]);
    // A later request from a party that has not spoken still goes before m3.
    m.request('m24'); // C
    expect(list(m)).toEqual(['m2', 'm14', 'm24', 'm3']);
  });

  it('the second request loses the priority once the first of its party has spoken', () => {
    const m = debating('i2');
    m.request('m2', 'm3'); // both Ø, Ø has not spoken
    expect(list(m)).toEqual(['m2', 'm3']);
    expect(m.speakNext()).toBe('m2');
    m.request('m14', 'm24'); // A and C, asked after m3
    expect(projectedSpeakers(m.state)).toEqual([
      { personId: 'm14', kind: 'speech', reason: 'groupFirst' },
      { personId: 'm24', kind: 'speech', reason: 'groupFirst' },
      { personId: 'm3', kind: 'speech', reason: 'order' },
    ]);
  });

  it('if the first withdraws before speaking, the second inherits the party’s priority', () => {
    const m = debating('i2');
    m.request('m14', 'm2', 'm15', 'm24'); // A, Ø, A, C
    expect(list(m)).toEqual(['m14', 'm2', 'm24', 'm15']);
    m.as('m14').do({ type: 'floor.withdraw' });
    expect(list(m)).toEqual(['m2', 'm15', 'm24']);
  });

  it('independents [løsgængere] are each a group of one', () => {
    const m = debating('i2');
    expect(groupKey(m.state, 'm54')).not.toBe(groupKey(m.state, 'm55'));
    m.request('m54', 'm2', 'm3', 'm55');
    expect(list(m)).toEqual(['m54', 'm2', 'm55', 'm3']);
    expect(m.speakNext()).toBe('m54');
    m.request('m54'); // a second speech: the independent's "group" has spoken
    expect(list(m)).toEqual(['m2', 'm55', 'm3', 'm54']);
  });

  it('after every group has spoken, the floor goes in the order asked', () => {
    const m = debating('i2');
    m.request('m2', 'm14');
    m.speakNext();
    m.speakNext();
    m.request('m15', 'm3', 'm2');
    expect(projectedSpeakers(m.state).map((p) => [p.personId, p.reason])).toEqual([
      ['m15', 'order'],
      ['m3', 'order'],
      ['m2', 'order'],
    ]);
  });

  it('floor.give always gives the floor to element 0 of projectedSpeakers, and the rest of the list stands', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = prng(seed);
      const m = debating('i2');
      const pick = () => m.members[Math.floor(rnd() * m.members.length)]!;
      let gives = 0;
      for (let step = 0; step < 300; step++) {
        const r = rnd();
        const requested = m.item.debate.requests.map((x) => x.personId);
        if (r < 0.45) {
          const p = pick();
          if (!requested.includes(p)) m.as(p).do({ type: 'floor.request' });
        } else if (r < 0.52 && requested.length > 0) {
          m.as(requested[Math.floor(rnd() * requested.length)]!).do({ type: 'floor.withdraw' });
        } else if (r < 0.6 && requested.length > 0) {
          const who = requested[Math.floor(rnd() * requested.length)]!;
          const to = Math.floor(rnd() * requested.length);
          m.chair.do({ type: 'floor.move', personId: who, toIndex: to, reason: 'Afslutte en replikveksling' });
        } else if (requested.length > 0) {
          if (m.item.debate.speaking) m.chair.do({ type: 'floor.end' });
          const before = projectedSpeakers(m.state).map((p) => p.personId);
          const ev = m.chair.do({ type: 'floor.give' });
          gives++;
          expect(ev).toContainEqual({ type: 'floor.given', personId: before[0] });
          expect(m.item.debate.speaking!.personId).toBe(before[0]);
          // What the screens showed is what happens: the rest of the list keeps its order.
          expect(projectedSpeakers(m.state).map((p) => p.personId)).toEqual(before.slice(1));
        }
        const ids = m.item.debate.requests.map((x) => x.personId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(projectedSpeakers(m.state)).toHaveLength(ids.length);
      }
      expect(gives).toBeGreaterThan(40);
    }
  });
});

describe('§ 19, stk. 2 — the chair may change the order, stating the reason', () => {
  it('moves a request to a place, with a logged reason', () => {
    const m = debating('i2');
    m.request('m2', 'm14', 'm24', 'm31');
    m.chair.do({ type: 'floor.move', personId: 'm31', toIndex: 0, reason: 'Replik til ordføreren' });
    expect(projectedSpeakers(m.state)[0]).toEqual({ personId: 'm31', kind: 'speech', reason: 'moved', movedReason: 'Replik til ordføreren' });
    expect(list(m)).toEqual(['m31', 'm2', 'm14', 'm24']);
    expect(m.state.log.at(-1)!.text).toContain('Replik til ordføreren');
    expect(m.speakNext()).toBe('m31');
  });

  it('two members moved to the same place keep the order shown after the first is given the floor', () => {
    const m = debating('i2');
    m.request('m2', 'm14', 'm24', 'm31', 'm38');
    m.chair.do({ type: 'floor.move', personId: 'm14', toIndex: 1, reason: 'Ordfører' });
    m.chair.do({ type: 'floor.move', personId: 'm24', toIndex: 0, reason: 'Replik' });
    m.chair.do({ type: 'floor.move', personId: 'm31', toIndex: 0, reason: 'Replik' });
    expect(list(m)).toEqual(['m24', 'm31', 'm14', 'm2', 'm38']);
    expect(m.speakNext()).toBe('m24');
    expect(list(m)).toEqual(['m31', 'm14', 'm2', 'm38']);
    expect(m.speakNext()).toBe('m31');
    expect(m.speakNext()).toBe('m14');
  });

  it('refuses a move without a reason, of someone not on the list, or to a place beyond it', () => {
    const m = debating('i2');
    m.request('m2', 'm14');
    m.chair.refuse({ type: 'floor.move', personId: 'm14', toIndex: 0, reason: '' }, 'MOVE_NEEDS_REASON', '§ 19, stk. 2');
    m.chair.refuse({ type: 'floor.move', personId: 'm14', toIndex: 0, reason: '   ' }, 'MOVE_NEEDS_REASON', '§ 19, stk. 2');
    m.chair.refuse({ type: 'floor.move', personId: 'm24', toIndex: 0, reason: 'Praktisk' }, 'NOT_REQUESTED', '§ 19, stk. 1');
    m.chair.refuse({ type: 'floor.move', personId: 'm14', toIndex: 2, reason: 'Praktisk' }, 'BAD_INDEX', '§ 19, stk. 2');
    m.as('m2').refuse({ type: 'floor.move', personId: 'm14', toIndex: 0, reason: 'Praktisk' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
  });
});

describe('§ 19 (annex) — speaking time for a first and a later speech', () => {
  it('a first speech runs firstSeconds, the same member’s next speech laterSeconds', () => {
    const m = debating('i2');
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: 'm2', first: true, startedAt: m.now, deadline: m.now + 300 * SECOND });
    m.chair.do({ type: 'floor.end' });
    m.advance(10 * SECOND);
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: 'm2', first: false, deadline: m.now + 120 * SECOND });
  });

  it('another member of a party that has spoken still gets a first speech’s time', () => {
    const m = debating('i2');
    m.request('m2', 'm3');
    m.speakNext();
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking).toMatchObject({ personId: 'm3', first: true, deadline: m.now + 300 * SECOND });
  });

  it('the times are configured per meeting and per item', () => {
    const m = debating('i2', { config: { speakingTime: { firstSeconds: 240, laterSeconds: 60 } } });
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking!.deadline).toBe(m.now + 240 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.finish();
    m.chair.do({
      type: 'agenda.add',
      item: { id: 'u1', title: 'Kort punkt', text: '', kind: 'other', doors: 'open', speakingTime: { firstSeconds: 90, laterSeconds: 30 } },
    });
    m.start('u1');
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking!.deadline).toBe(m.now + 90 * SECOND);
    m.chair.do({ type: 'floor.end' });
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    expect(m.item.debate.speaking!.deadline).toBe(m.now + 30 * SECOND);
  });
});

describe.each(PRESET_CASES)('§ 19, stk. 3 — only the chair may interrupt a speaker — %s', (_id, at) => {
  it('the speaker may yield their own floor; nobody else may end it but the chair', () => {
    const m = at();
    m.request('m2', 'm14');
    m.chair.do({ type: 'floor.give' });
    m.as('m14').refuse({ type: 'floor.yield' }, 'NOT_SPEAKER', '§ 19, stk. 3');
    m.as('m14').refuse({ type: 'floor.end' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.as('m2').do({ type: 'floor.yield' });
    expect(m.item.debate.speaking).toBeNull();
    m.as('m2').refuse({ type: 'floor.yield' }, 'NOT_SPEAKER', '§ 19, stk. 3');
    m.chair.do({ type: 'floor.give' });
    m.chair.do({ type: 'floor.end' });
    expect(m.item.debate.spoken.map((x) => x.personId)).toEqual(['m2', 'm14']);
  });

  it('no vote while someone has the floor', () => {
    const m = at();
    m.request('m2');
    m.chair.do({ type: 'floor.give' });
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'SOMEONE_SPEAKING', '§ 19, stk. 3');
  });
});

describe.each(PRESET_CASES)('§ 18, stk. 3 — calls to order and denying the floor — %s', (_id, at) => {
  it('two calls to order, then the council may deny the floor for the rest of the meeting', () => {
    const m = at();
    const all = m.members;
    m.request('m2');
    m.chair.refuse({ type: 'order.call', personId: 'ghost' }, 'UNKNOWN_PERSON', '§ 17');
    expect(m.chair.do({ type: 'order.call', personId: 'm2' })).toContainEqual({ type: 'order.called', personId: 'm2', count: 1 });
    const deny = { type: 'vote.open', point: 'Medlemmet nægtes ordet', subject: { kind: 'denyFloor', personId: 'm2' } } as const;
    m.chair.refuse(deny, 'NEEDS_SECOND_CALL', '§ 18, stk. 3');
    m.chair.refuse(
      { type: 'declaration.make', point: 'x', subject: { kind: 'denyFloor', personId: 'm2' }, expected: 'adopted' },
      'NEEDS_SECOND_CALL',
      '§ 18, stk. 3',
    );
    m.chair.do({ type: 'order.call', personId: 'm2' });
    expect(m.state.callsToOrder.m2).toBe(2);
    m.chair.do(deny);
    for (const p of all.slice(10, 40)) m.as(p).do({ type: 'vote.cast', choice: 'for' });
    const v = m.closeVote();
    expect(v.result!.adopted).toBe(true);
    expect(m.state.deniedFloor).toEqual(['m2']);
    expect(m.item.debate.requests).toEqual([]);
    m.as('m2').refuse({ type: 'floor.request' }, 'FLOOR_DENIED', '§ 18, stk. 3');
    // For the rest of the meeting: on the next item too.
    m.finish();
    m.start('i1');
    m.as('m2').refuse({ type: 'floor.request' }, 'FLOOR_DENIED', '§ 18, stk. 3');
  });

  it('a rejected proposal to deny the floor changes nothing', () => {
    const m = at();
    m.chair.do({ type: 'order.call', personId: 'm2' });
    m.chair.do({ type: 'order.call', personId: 'm2' });
    m.decide({ kind: 'denyFloor', personId: 'm2' }, m.members.slice(0, 5), m.members.slice(5, 40));
    expect(m.state.deniedFloor).toEqual([]);
    m.as('m2').do({ type: 'floor.request' });
  });
});

describe.each(PRESET_CASES)('§ 18, stk. 4 — closing the debate [afslutning af forhandlingen] — %s', (_id, at) => {
  it('no closure vote while someone on the list has not spoken once', () => {
    const m = at();
    m.request('m2', 'm14');
    const closure = { type: 'vote.open', point: 'Forhandlingen afsluttes', subject: { kind: 'closure' } } as const;
    m.chair.refuse(closure, 'CLOSURE_BEFORE_ALL_SPOKE', '§ 18, stk. 4');
    m.chair.refuse(
      { type: 'declaration.make', point: 'x', subject: { kind: 'closure' }, expected: 'adopted' },
      'CLOSURE_BEFORE_ALL_SPOKE',
      '§ 18, stk. 4',
    );
    m.speakNext();
    m.chair.refuse(closure, 'CLOSURE_BEFORE_ALL_SPOKE', '§ 18, stk. 4');
    m.speakNext();
    // m2 asks again: she has had the floor once, so a closure vote may be held.
    m.request('m2');
    m.chair.do(closure);
  });

  it('the council’s number of members (forceVoteMembers) may demand it; each demand counts once', () => {
    const m = at();
    // The number differs (six in Copenhagen, four in the municipal preset); the rule is the same.
    const n = m.state.config.forceVoteMembers;
    const demanders = m.members.slice(1, 1 + n);
    for (const p of demanders.slice(0, -1)) m.as(p).do({ type: 'closure.demand' });
    m.as(demanders[0]!).refuse({ type: 'closure.demand' }, 'ALREADY_DEMANDED', '§ 18, stk. 4');
    const ev = m.as(demanders.at(-1)!).do({ type: 'closure.demand' });
    expect(ev).toContainEqual({ type: 'demand', kind: 'closure', count: n });
  });

  it('adopted, the list is cleared and no one may ask for the floor on the item', () => {
    const m = at();
    m.request('m2');
    m.speakNext();
    m.request('m2');
    m.as('m3').do({ type: 'closure.demand' });
    const v = m.decide({ kind: 'closure' }, m.members.slice(0, 30), m.members.slice(30, 35));
    expect(v.result!.adopted).toBe(true);
    expect(m.item.debate).toMatchObject({ closed: true, requests: [] });
    expect(m.state.demands.closure).toEqual([]);
    m.as('m14').refuse({ type: 'floor.request' }, 'DEBATE_CLOSED', '§ 18, stk. 4');
    m.as('m14').refuse({ type: 'closure.demand' }, 'DEBATE_CLOSED', '§ 18, stk. 4');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'closure' } }, 'DEBATE_CLOSED', '§ 18, stk. 4');
    // The item itself is still decided.
    m.decide({ kind: 'proposal' }, m.members.slice(0, 30));
    expect(m.lastVote().result!.adopted).toBe(true);
  });

  it('rejected, the debate goes on', () => {
    const m = at();
    m.decide({ kind: 'closure' }, m.members.slice(0, 5), m.members.slice(5, 30));
    expect(m.item.debate.closed).toBe(false);
    m.as('m14').do({ type: 'floor.request' });
  });
});
