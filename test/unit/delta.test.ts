import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, diffViews } from '../../shared/delta';
import { meeting } from './helpers/meeting';
import { memberView, publicView } from '../../shared/views';

// Views are JSON: what goes over the wire is what must come out.
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 4 })),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('obj'), fc.array(tie('leaf'), { maxLength: 3 })),
  obj: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'votes', 'x1'), tie('node'), { maxKeys: 4 }),
}));

describe('view deltas (docs/protocol.md, "view")', () => {
  it('applying the diff of two views to the first gives the second, and leaves the first as it was', () => {
    fc.assert(
      fc.property(value.obj, value.obj, (a, b) => {
        const before = JSON.stringify(a);
        const out = applyPatch(a, json(diffViews(a, b)));
        expect(out).toEqual(json(b));
        expect(JSON.stringify(a)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('two equal views differ by nothing; one changed leaf is one operation on its path', () => {
    const a = { version: 3, current: { vote: { voted: 2, eligible: 40 }, queue: [1, 2] }, chamber: { seats: [1, 2, 3] } };
    expect(diffViews(a, json(a))).toEqual([]);
    const b = json(a);
    b.current.vote.voted = 3;
    expect(diffViews(a, b)).toEqual([[['current', 'vote', 'voted'], 3]]);
    delete b.current.queue;
    b.current.speaking = null;
    expect(diffViews(a, b)).toEqual([
      [['current', 'queue']],
      [['current', 'vote', 'voted'], 3],
      [['current', 'speaking'], null],
    ]);
  });

  it('objects along a changed path are new, untouched branches are shared (a store comparing by reference sees the change)', () => {
    const a = { current: { vote: { voted: 1 } }, chamber: { seats: [1, 2] } };
    const out = applyPatch(a, [[['current', 'vote', 'voted'], 2]]);
    expect(out.current).not.toBe(a.current);
    expect(out.chamber).toBe(a.chamber);
    expect(a.current.vote.voted).toBe(1);
  });

  it('across a scripted meeting, every step’s public and member view is rebuilt exactly from the delta', () => {
    const m = meeting();
    const ids = m.members;
    const stepsList: (() => unknown)[] = [
      () => m.checkInAll(),
      () => m.open(),
      () => m.start('i2'),
      () => m.request(ids[0]!, ids[3]!, ids[6]!),
      () => m.speakNext(),
      () => m.openVote({ kind: 'proposal' }),
      ...ids.slice(0, 8).map((p, i) => () => m.cast({ [p]: i % 2 ? 'for' : 'against' })),
      () => m.closeVote(),
      () => m.finish(),
      () => m.start('i3'),
      () => m.decide({ kind: 'proposal' }, ids.slice(0, 7)),
      () => m.finish(),
      () => m.checkOut(ids[1]!),
    ];
    let pub = json(publicView(m.state));
    let mem = json(memberView(m.state));
    let steps = 0;
    for (const step of stepsList) {
      step();
      const nextPub = json(publicView(m.state));
      const nextMem = json(memberView(m.state));
      const dp = diffViews(pub, nextPub);
      expect(applyPatch(pub, json(dp))).toEqual(nextPub);
      expect(applyPatch(mem, json(diffViews(mem, nextMem)))).toEqual(nextMem);
      expect(JSON.stringify(dp)).not.toContain('"chamber"');
      // Nothing of the closed item reaches the public, not even as a delta.
      expect(JSON.stringify(dp)).not.toContain('Vesterbrogade');
      pub = nextPub;
      mem = nextMem;
      steps++;
    }
    expect(steps).toBeGreaterThan(10);
  });
});

describe('diffViews with parts known unchanged', () => {
  it('does not look at the top-level keys it is told are unchanged, and diffs the rest', () => {
    const a = { chamber: { seats: [1] }, version: 1, quorum: { present: 3 } };
    const b = { chamber: { seats: [1, 2] }, version: 2, quorum: { present: 3 } };
    expect(diffViews(a, b, (p) => p.join('.') === 'chamber')).toEqual([[['version'], 2]]);
    // Two levels down too (a vote closed before), and never deeper.
    expect(diffViews(a, b, (p) => p.join('.') === 'chamber.seats')).toEqual([[['version'], 2]]);
    expect(diffViews(a, b)).toEqual([
      [['chamber', 'seats'], [1, 2]],
      [['version'], 2],
    ]);
  });
});

describe('diffViews on a map that changed throughout', () => {
  it('sends a seat map whose every seat changed as one value, and one changed seat as one path', () => {
    const seats = (f: (i: number) => string) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`s${i}`, f(i)]));
    const a = { lastResult: { voteId: 'v1', seats: seats(() => 'for') } };
    const b = { lastResult: { voteId: 'v2', seats: seats(() => 'against') } };
    const all = diffViews(a, b);
    expect(all).toEqual([
      [['lastResult', 'voteId'], 'v2'],
      [['lastResult', 'seats'], b.lastResult.seats],
    ]);
    expect(applyPatch(a, all)).toEqual(b);
    const c = { lastResult: { voteId: 'v1', seats: { ...a.lastResult.seats, s3: 'abstain' } } };
    expect(diffViews(a, c)).toEqual([[['lastResult', 'seats', 's3'], 'abstain']]);
  });
});
