import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { allocate, explain, validateInput, type AllocationInput } from '../../shared/elections/allocation';
import { drawLot } from '../../shared/elections/lot';
import { mulberry32 as rng } from '../support/rng';

const g = (id: string, weight: number, held?: number) => (held === undefined ? { id, weight } : { id, weight, held });
const groupsOf = (r: { order: { group: string }[] }) => r.order.map((p) => p.group).join(' ');


describe("§ 28, stk. 1–2 — D'Hondt (sizes divided by 1, 2, 3, …)", () => {
  it('shares 8 seats 4/3/1/0 in the textbook case 100000/80000/30000/20000', () => {
    // Source: the worked example in Wikipedia's "D'Hondt method" article (parties A–D,
    // 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats → 4, 3, 1, 0).
    const r = allocate({ mode: 'fixed', seats: 8, groups: [g('A', 100000), g('B', 80000), g('C', 30000), g('D', 20000)] });
    expect(r.seats).toEqual({ A: 4, B: 3, C: 1, D: 0 });
    expect(r.additional).toEqual({ A: 4, B: 3, C: 1, D: 0 });
    expect(r.total).toBe(8);
    expect(groupsOf(r)).toBe('A B A B A C B A');
    expect(r.order.map((p) => p.quotient)).toEqual([100000, 80000, 50000, 40000, 33333.333333, 30000, 26666.666667, 25000]);
    expect(r.order.map((p) => p.seat)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.lots).toEqual([]);
  });

  it('uses member counts as sizes: 7/5/3 members, 5 seats → 2/2/1 (by hand: 7, 5, 3.5, 3, 2.5)', () => {
    const r = allocate({ mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5), g('C', 3)] });
    expect(r.seats).toEqual({ A: 2, B: 2, C: 1 });
    expect(groupsOf(r)).toBe('A B A C B');
    expect(r.order[4]).toEqual({ seat: 5, group: 'B', quotient: 2.5 });
  });

  it('gives a group of weight 0 no seat', () => {
    const r = allocate({ mode: 'fixed', seats: 3, groups: [g('A', 10), g('Z', 0)] });
    expect(r.seats).toEqual({ A: 3, Z: 0 });
  });

  it("keeps D'Hondt's property on random inputs: every winner's last quotient ≥ every loser's next one", () => {
    const next = rng(28);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(next() * 6);
      const groups = Array.from({ length: n }, (_, i) => g(`G${i}`, 1 + Math.floor(next() * 1000)));
      const seats = 1 + Math.floor(next() * 30);
      const r = allocate({ mode: 'fixed', seats, groups, seed: `r${round}` });
      expect(r.total).toBe(seats);
      for (const a of groups) {
        for (const b of groups) {
          const sa = r.seats[a.id] ?? 0;
          const sb = r.seats[b.id] ?? 0;
          if (sa > 0) expect(a.weight * (sb + 1)).toBeGreaterThanOrEqual(b.weight * sa);
        }
      }
    }
  });
});

describe('§ 28, stk. 2 — equal quotients settled by lot', () => {
  // 60/40/30, 3 seats: A 60, B 40, then A's 60/2 = 30 ties with C's 30/1 = 30 for the last seat.
  const tie = (seed: string): AllocationInput => ({
    mode: 'fixed',
    seats: 3,
    groups: [g('A', 60), g('B', 40), g('C', 30)],
    seed,
  });

  it('draws the lot with drawLot(seed, tied ids) and records it', () => {
    const r = allocate(tie('møde 7, punkt 3'));
    const expected = drawLot('møde 7, punkt 3', ['A', 'C']);
    expect(r.lots).toEqual([{ tied: ['A', 'C'], winner: expected.winner }]);
    expect(r.order[2]?.group).toBe(expected.winner);
    expect(r.order[2]?.quotient).toBe(30);
    expect(r.seats[expected.winner]).toBe(expected.winner === 'A' ? 2 : 1);
  });

  it('gives the same result for the same seed', () => {
    expect(allocate(tie('x'))).toEqual(allocate(tie('x')));
  });

  it('can give the other result with another seed', () => {
    const winners = new Set<string>();
    for (let i = 0; i < 20; i++) winners.add(allocate(tie(`seed-${i}`)).lots[0]!.winner);
    expect([...winners].sort()).toEqual(['A', 'C']);
    // Concretely (recomputable from the documented hash): seed "s0" → A, seed "s1" → C.
    expect(allocate(tie('s0')).seats).toEqual({ A: 2, B: 1, C: 0 });
    expect(allocate(tie('s1')).seats).toEqual({ A: 1, B: 1, C: 1 });
  });

  it('uses the empty seed when none is given', () => {
    const r = allocate({ mode: 'fixed', seats: 1, groups: [g('A', 5), g('B', 5)] });
    expect(r.lots).toEqual([{ tied: ['A', 'B'], winner: drawLot('', ['A', 'B']).winner }]);
  });

  it('draws the order by lot even when every tied group gets a seat', () => {
    const r = allocate({ mode: 'fixed', seats: 2, groups: [g('A', 5), g('B', 5)], seed: 'k' });
    expect(r.seats).toEqual({ A: 1, B: 1 });
    expect(r.lots).toHaveLength(1);
    expect(r.order[0]?.group).toBe(drawLot('k', ['A', 'B']).winner);
  });
});

describe('§ 28, stk. 2 — a group renounces seats', () => {
  it("passes the renounced seat to the next quotient of the others (7/5/3, 5 seats, C renounces 1 → A's 7/3)", () => {
    const r = allocate({ mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5), g('C', 3)], renounce: { C: 1 } });
    expect(r.seats).toEqual({ A: 3, B: 2, C: 0 });
    expect(r.total).toBe(5);
    expect(groupsOf(r)).toBe('A B A B A');
    expect(r.order[4]).toEqual({ seat: 5, group: 'A', quotient: 2.333333 });
  });

  it('gives up only the seats the group has (B renounces 5 of its 2)', () => {
    const r = allocate({ mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5), g('C', 3)], renounce: { B: 5 } });
    // B's two seats go on: A 7/3 = 2.33 beats C 3/2 = 1.5, then A 7/4 = 1.75 beats 1.5.
    expect(r.seats).toEqual({ A: 4, B: 0, C: 1 });
  });

  it('never gives up held seats (the mayors stay)', () => {
    const r = allocate({ mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5, 1), g('C', 3)], renounce: { B: 2 } });
    expect(r.seats).toEqual({ A: 3, B: 1, C: 1 });
    expect(r.additional).toEqual({ A: 3, B: 0, C: 1 });
  });

  it('renounce: 0 changes nothing', () => {
    const input: AllocationInput = { mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5), g('C', 3)] };
    expect(allocate({ ...input, renounce: { A: 0 } })).toEqual(allocate(input));
  });
});

describe('§ 28, stk. 2 — electoral alliances [valgforbund]', () => {
  const base: AllocationInput = { mode: 'fixed', seats: 4, groups: [g('A', 10), g('B', 4), g('C', 3)] };

  it('without an alliance: 10/4/3, 4 seats → 3/1/0', () => {
    expect(allocate(base).seats).toEqual({ A: 3, B: 1, C: 0 });
  });

  it('takes seats as one unit by summed weight, then shares them inside by the same method', () => {
    // B+C = 7: A 10, B+C 7, A 5, B+C 3.5 → A 2, B+C 2; inside: B 4, C 3 → B 1, C 1.
    const r = allocate({ ...base, alliances: [['B', 'C']] });
    expect(r.seats).toEqual({ A: 2, B: 1, C: 1 });
    expect(groupsOf(r)).toBe('A B+C A B+C');
    expect(r.order[3]).toEqual({ seat: 4, group: 'B+C', quotient: 3.5 });
  });

  it('records a lot drawn inside the alliance', () => {
    const r = allocate({ mode: 'fixed', seats: 3, groups: [g('A', 10), g('B', 3), g('C', 3)], alliances: [['B', 'C']], seed: 'v' });
    // A 10, B+C 6, A 5 → B+C has 1 seat; inside B 3 = C 3 → lot.
    const inside = drawLot('v', ['B', 'C']).winner;
    expect(r.lots).toEqual([{ tied: ['B', 'C'], winner: inside }]);
    expect(r.seats[inside]).toBe(1);
    expect(r.seats.A).toBe(2);
  });

  it("a member's renounced seat goes to its partner inside the alliance", () => {
    const r = allocate({ ...base, alliances: [['B', 'C']], renounce: { B: 1 } });
    expect(r.seats).toEqual({ A: 2, B: 0, C: 2 });
  });

  it("a partner holding a mayor's seat above its share takes the freed seat (docs/allocation.md example)", () => {
    // A 41000 (3 held), B+C 23000: 9 seats → A 6, B+C 3 (41000, 23000, 20500, 13667, 11500, 10250,
    // 8200, 7667, 6833). Inside: C's share of 3 is 0 but C holds 1 → C keeps it, B picks 2;
    // B renounces 1 → C continues from its held seat: 4000 / 2.
    const r = allocate({
      mode: 'fixed',
      seats: 9,
      groups: [g('A', 41000, 3), g('B', 19000), g('C', 4000, 1)],
      alliances: [['B', 'C']],
      renounce: { B: 1 },
    });
    expect(r.seats).toEqual({ A: 6, B: 1, C: 2 });
    expect(r.additional).toEqual({ A: 3, B: 1, C: 1 });
    expect(groupsOf(r)).toBe('A B+C A A B+C A A B+C A');
  });

  it('when every member renounces, the alliance gives the seats to the other groups', () => {
    const r = allocate({ ...base, alliances: [['B', 'C']], renounce: { B: 1, C: 1 } });
    expect(r.seats).toEqual({ A: 4, B: 0, C: 0 });
    expect(r.total).toBe(4);
  });
});

describe('§ 28, stk. 4 — seats held by mayors count for their own group', () => {
  it("counts held seats toward the group's share: additional = share − held", () => {
    const r = allocate({ mode: 'fixed', seats: 4, groups: [g('A', 10, 1), g('B', 4), g('C', 3)] });
    expect(r.seats).toEqual({ A: 3, B: 1, C: 0 });
    expect(r.additional).toEqual({ A: 2, B: 1, C: 0 });
  });

  it('a group whose share is below its held seats keeps them; the rest is shared among the others', () => {
    // Plain shares of 4 would be A 3, B 1, C 0, but C holds 1: C keeps it, and 3 seats go to
    // A and B (A 10, A 5, B 4).
    const r = allocate({ mode: 'fixed', seats: 4, groups: [g('A', 10, 1), g('B', 4), g('C', 3, 1)] });
    expect(r.seats).toEqual({ A: 2, B: 1, C: 1 });
    expect(r.additional).toEqual({ A: 1, B: 1, C: 0 });
    expect(r.total).toBe(4);
    expect(groupsOf(r)).toBe('A A B'); // C's held seat is not a pick by quotient
  });

  it('on random inputs (held, alliances, renounce, both modes): never below held, never above the cap, repeatable', () => {
    const next = rng(2021);
    for (let round = 0; round < 300; round++) {
      const k = 2 + Math.floor(next() * 4);
      const groups = Array.from({ length: k }, (_, j) =>
        g(`G${j}`, 1 + Math.floor(next() * 50), next() < 0.4 ? Math.floor(next() * 3) : 0),
      );
      const heldSum = groups.reduce((s, x) => s + (x.held ?? 0), 0);
      const fill = next() < 0.5;
      const input: AllocationInput = fill
        ? { mode: 'fill', maxSeats: Math.max(1, heldSum + Math.floor(next() * 10)), groups, seed: `p${round}` }
        : { mode: 'fixed', seats: Math.max(1, heldSum + Math.floor(next() * 8)), groups, seed: `p${round}` };
      if (k >= 3 && next() < 0.5) input.alliances = [['G1', 'G2']];
      const renouncing = next() < 0.3;
      if (renouncing) input.renounce = { [`G${Math.floor(next() * k)}`]: 1 };
      const r = allocate(input);
      expect(allocate(input)).toEqual(r);
      for (const x of groups) expect(r.seats[x.id]).toBeGreaterThanOrEqual(x.held ?? 0);
      expect(r.total).toBeGreaterThanOrEqual(heldSum);
      expect(r.total).toBeLessThanOrEqual(fill ? input.maxSeats! : input.seats!);
      if (!fill && !renouncing) expect(r.total).toBe(input.seats);
    }
  });

  it('seats == sum of held: everyone has exactly their held seats', () => {
    const r = allocate({ mode: 'fixed', seats: 3, groups: [g('A', 10, 1), g('B', 1, 2)] });
    expect(r.seats).toEqual({ A: 1, B: 2 });
    expect(r.additional).toEqual({ A: 0, B: 0 });
  });
});

describe('§ 28, stk. 4 and KKR (KL letter, seeds/000_…) — fill mode: mayors are born members, at most twice the municipalities', () => {
  it('finds the smallest total at which every group gets at least its held seats', () => {
    // A 90 (1 held), B 50 (2 held): order A 90, B 50, A 45, A 30, B 25 → at 5 seats A 3, B 2.
    const r = allocate({ mode: 'fill', maxSeats: 10, groups: [g('A', 90, 1), g('B', 50, 2)] });
    expect(r.total).toBe(5);
    expect(r.seats).toEqual({ A: 3, B: 2 });
    expect(r.additional).toEqual({ A: 2, B: 0 });
  });

  it('at the cap, groups with more held seats than their share keep them and the rest is shared by the others', () => {
    const r = allocate({ mode: 'fill', maxSeats: 4, groups: [g('A', 90, 1), g('B', 50, 2)] });
    // At 4 seats plain shares are A 3, B 1 < 2: B keeps 2, the other 2 go to A.
    expect(r.total).toBe(4);
    expect(r.seats).toEqual({ A: 2, B: 2 });
  });

  it('a region of 4 municipalities (cap 8): mayors A 3, B 1; votes 40000/35000/15000 → 6 members', () => {
    // The letter gives the rules (born mayors, proportional to the votes [stemmetal], at most
    // twice as many members as municipalities) but no vote counts, so the numbers are made up:
    // total 4: A 2 < 3; total 5: A 2 < 3; total 6: A 40000, B 35000, A 20000, B 17500, C 15000,
    // A 13333 → A 3, B 2, C 1.
    const input: AllocationInput = {
      mode: 'fill',
      maxSeats: 2 * 4,
      groups: [g('A', 40000, 3), g('B', 35000, 1), g('C', 15000)],
    };
    const r = allocate(input);
    expect(r.total).toBe(6);
    expect(r.seats).toEqual({ A: 3, B: 2, C: 1 });
    expect(r.additional).toEqual({ A: 0, B: 1, C: 1 });
    const text = explain(input, r);
    expect(text).toContain('Prøver i alt 4 mandater');
    expect(text).toContain('Prøver i alt 6 mandater');
    expect(text).not.toContain('Prøver i alt 7 mandater');
  });

  it('an alliance takes part in the fill-mode test through its members', () => {
    // A 41000 (3 held), B 19000, C 4000 (1 held). Alone, C's 4000 first beats the others at
    // total 15 (A's 41000/10 = 4100 and B's 19000/4 = 4750 are the last above it): A 10, B 4, C 1.
    // In alliance B+C (23000), C gets the 5th seat inside (B 19000, 9500, 6333, 4750, then C 4000);
    // the alliance's 5th quotient 4600 is passed by A's 41000/8 = 5125 only → total 13: A 8, B 4, C 1.
    const groups = [g('A', 41000, 3), g('B', 19000), g('C', 4000, 1)];
    const alone = allocate({ mode: 'fill', maxSeats: 20, groups });
    expect(alone.total).toBe(15);
    expect(alone.seats).toEqual({ A: 10, B: 4, C: 1 });
    const allied = allocate({ mode: 'fill', maxSeats: 20, groups, alliances: [['B', 'C']] });
    expect(allied.total).toBe(13);
    expect(allied.seats).toEqual({ A: 8, B: 4, C: 1 });
  });
});

describe('§ 28 — explain(): the Danish account', () => {
  it('names each pick with its quotient, and the lots', () => {
    const input: AllocationInput = { mode: 'fixed', seats: 4, groups: [g('V', 60220), g('A', 40000), g('C', 20073)], seed: 's' };
    const text = explain(input, allocate(input));
    expect(text).toContain('Mandat 1: V (kvotient 60220 = 60220 / 1)');
    expect(text).toContain('Mandat 3: V (kvotient 30110 = 60220 / 2)');
    // 60220 / 3 = 20073.33 beats A's 40000 / 2 = 20000 and C's 20073.
    expect(text).toContain('Mandat 4: V (kvotient 20073,333333 = 60220 / 3)');
  });

  it('tells the lot, the renounced seat, the alliance split and held seats', () => {
    const lot = explain({ mode: 'fixed', seats: 3, groups: [g('A', 60), g('B', 40), g('C', 30)], seed: 's1' });
    expect(lot).toMatch(/Lige store kvotienter \(30\) hos A, C: lodtrækning \(§ 28, stk\. 2\).*→ C\./);
    const ren = explain({ mode: 'fixed', seats: 5, groups: [g('A', 7), g('B', 5), g('C', 3)], renounce: { C: 1 } });
    expect(ren).toContain('C giver afkald på 1 mandat');
    expect(ren).toContain('Ledig plads: A (kvotient 2,333333 = 7 / 3)');
    const ally = explain({ mode: 'fixed', seats: 4, groups: [g('A', 10), g('B', 4), g('C', 3)], alliances: [['B', 'C']] });
    expect(ally).toContain('Valgforbundet B+C fordeler sine 2 mandater internt');
    const held = explain({ mode: 'fixed', seats: 4, groups: [g('A', 10, 1), g('B', 4), g('C', 3, 1)] });
    expect(held).toContain('C beholder den');
  });
});

describe('§ 28 — input validation (names the field)', () => {
  const ok: Record<string, unknown> = { mode: 'fixed', seats: 3, groups: [g('A', 10), g('B', 5), g('C', 2)] };
  const bad: [string, unknown, string][] = [
    ['not an object', [1, 2], 'input'],
    ['unknown top-level field', { ...ok, seat: 3 }, 'seat'],
    ['missing mode', { seats: 3, groups: ok.groups }, 'mode'],
    ['wrong mode', { ...ok, mode: 'dhondt' }, 'mode'],
    ['missing groups', { mode: 'fixed', seats: 3 }, 'groups'],
    ['empty groups', { ...ok, groups: [] }, 'groups'],
    ['group not an object', { ...ok, groups: [g('A', 1), 'B'] }, 'groups[1]'],
    ['missing id', { ...ok, groups: [g('A', 1), { weight: 2 }] }, 'groups[1].id'],
    ['duplicate id', { ...ok, groups: [g('A', 1), g('B', 2), g('A', 3)] }, 'groups[2].id'],
    ['negative weight', { ...ok, groups: [g('A', 1), g('B', 2), g('C', -3)] }, 'groups[2].weight'],
    ['non-finite weight', { ...ok, groups: [g('A', 1), g('B', Number.POSITIVE_INFINITY)] }, 'groups[1].weight'],
    ['NaN weight', { ...ok, groups: [g('A', Number.NaN)] }, 'groups[0].weight'],
    ['weight as text', { ...ok, groups: [{ id: 'A', weight: '10' }] }, 'groups[0].weight'],
    ['missing weight', { ...ok, groups: [{ id: 'A' }] }, 'groups[0].weight'],
    ['all weights zero', { ...ok, groups: [g('A', 0), g('B', 0)] }, 'groups'],
    ['negative held', { ...ok, groups: [g('A', 1, -1)] }, 'groups[0].held'],
    ['fractional held', { ...ok, groups: [g('A', 1, 1.5)] }, 'groups[0].held'],
    ['unknown group field', { ...ok, groups: [{ id: 'A', weight: 1, votes: 3 }] }, 'groups[0].votes'],
    ['seats missing in fixed mode', { mode: 'fixed', groups: ok.groups }, 'seats'],
    ['seats not whole', { ...ok, seats: 2.5 }, 'seats'],
    ['seats zero', { ...ok, seats: 0 }, 'seats'],
    ['held above seats', { ...ok, seats: 2, groups: [g('A', 1, 2), g('B', 1, 1)] }, 'seats'],
    ['seats above maxSeats', { ...ok, seats: 9, maxSeats: 8 }, 'seats'],
    ['seats given in fill mode', { mode: 'fill', seats: 3, maxSeats: 8, groups: ok.groups }, 'seats'],
    ['maxSeats missing in fill mode', { mode: 'fill', groups: ok.groups }, 'maxSeats'],
    ['held above maxSeats', { mode: 'fill', maxSeats: 2, groups: [g('A', 1, 2), g('B', 1, 1)] }, 'maxSeats'],
    ['alliances not a list', { ...ok, alliances: { A: 'B' } }, 'alliances'],
    ['alliance of one', { ...ok, alliances: [['A']] }, 'alliances[0]'],
    ['unknown id in alliance', { ...ok, alliances: [['A', 'X']] }, 'alliances[0][1]'],
    ['group in two alliances', { ...ok, alliances: [['A', 'B'], ['B', 'C']] }, 'alliances[1][0]'],
    ['group twice in one alliance', { ...ok, alliances: [['A', 'A']] }, 'alliances[0][1]'],
    ['alliance label clashes with a group id', { ...ok, groups: [g('A', 1), g('B', 1), g('A+B', 1)], alliances: [['A', 'B']] }, 'alliances[0]'],
    ['renounce not an object', { ...ok, renounce: ['A'] }, 'renounce'],
    ['unknown id in renounce', { ...ok, renounce: { X: 1 } }, 'renounce.X'],
    ['negative renounce', { ...ok, renounce: { A: -1 } }, 'renounce.A'],
    ['seed not text', { ...ok, seed: 42 }, 'seed'],
  ];

  it.each(bad)('%s → %s', (_name, raw, field) => {
    const v = validateInput(raw);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.field).toBe(field);
      expect(v.message.length).toBeGreaterThan(0);
      expect(v.messageDa.length).toBeGreaterThan(0);
    }
  });

  it('accepts a good input and returns it clean', () => {
    const v = validateInput({ ...ok, alliances: [['A', 'B']], renounce: { C: 1 }, seed: 'x', maxSeats: 5 });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.input.alliances).toEqual([['A', 'B']]);
  });

  it('allocate() throws on invalid input', () => {
    expect(() => allocate({ mode: 'fixed', groups: [g('A', 1)] })).toThrow(/seats/);
  });
});

describe('§ 28 — npm run allocate, the CLI (scripts/allocate.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salen-allocate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/allocate.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('prints the result as 2-space JSON', { timeout: 30_000 }, () => {
    const input = { mode: 'fixed', seats: 8, groups: [g('A', 100000), g('B', 80000), g('C', 30000), g('D', 20000)] };
    const out = run(file('ok.json', JSON.stringify(input)));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(allocate(input as AllocationInput));
    expect(out.stdout).toContain('\n  "total": 8,');
  });

  it('with --explain prints the Danish account, then the JSON', { timeout: 30_000 }, () => {
    const input = { mode: 'fixed', seats: 3, groups: [g('V', 60220), g('A', 40000)] };
    const out = run(file('explain.json', JSON.stringify(input)), '--explain');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Mandat 3: V (kvotient 30110 = 60220 / 2)');
    const json = out.stdout.slice(out.stdout.indexOf('\n{') + 1);
    expect(JSON.parse(json).seats).toEqual({ V: 2, A: 1 });
  });

  it('exits 2 on bad input, naming the field in Danish and English', { timeout: 30_000 }, () => {
    const out = run(file('bad.json', JSON.stringify({ mode: 'fixed', seats: 3, groups: [g('A', 1), g('B', -1)] })));
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('Fejl i input: groups[1].weight: må ikke være negativ / must not be negative');
  });

  it('exits 2 on invalid JSON and on a missing file', { timeout: 30_000 }, () => {
    const json = run(file('broken.json', '{ "mode": '));
    expect(json.status).toBe(2);
    expect(json.stderr).toContain('Fejl i input: JSON');
    const missing = run(join(dir, 'no-such-file.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('kan ikke læse filen');
  });
});
