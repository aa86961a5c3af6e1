import { describe, expect, it } from 'vitest';
import { rosterFromCsv, rosterFromJson } from '../../server/council/import';
import { applyRosterChange, ROSTER_REFUSALS, type Council } from '../../shared/term/roster';
import { horseshoePreset, rowsPreset } from '../../client/src/screens/secretariat/seatPresets';
import { smallChamber } from './helpers/meeting';

// Issue #14, item 2: the roster's rules (shared/term/roster.ts) and its import's parsing,
// pure: a refused change leaves the roster as it was.
const council = (): Council => {
  const { title: _t, agenda: _a, ...c } = smallChamber(6);
  return c;
};

describe("the council's roster rules", () => {
  it('every refusal names its paragraph and reads in both languages', () => {
    for (const [code, [paragraph, da, en]] of Object.entries(ROSTER_REFUSALS)) {
      expect(paragraph, code).toMatch(/^(§ \d+(, stk\. \d+)?|—)$/);
      expect(da.length && en.length, code).toBeGreaterThan(0);
      expect(da as string, code).not.toBe(en);
    }
  });

  it('refuses what § 8, § 17 and § 18, stk. 2 forbid, and changes nothing', () => {
    const c = council();
    const copy = structuredClone(c);
    const chair = c.chairLine[0]!;
    expect(applyRosterChange(c, { type: 'person.leave', personId: chair })).toMatchObject({ ok: false, code: 'IN_CHAIR_LINE', paragraph: '§ 18, stk. 2' });
    expect(applyRosterChange(c, { type: 'substitute.promote', personId: 'm2', seatId: 'S01' })).toMatchObject({ code: 'NOT_A_SUBSTITUTE', paragraph: '§ 8' });
    expect(applyRosterChange(c, { type: 'substitute.promote', personId: 'sub1', seatId: 'S02' })).toMatchObject({ code: 'SEAT_TAKEN', paragraph: '§ 17' });
    expect(applyRosterChange(c, { type: 'person.add', person: { id: 'x', name: 'X', groupId: 'P', kind: 'member', seatId: null } })).toMatchObject({ code: 'MEMBER_NEEDS_SEAT' });
    expect(applyRosterChange(c, { type: 'person.edit', personId: 'm2', groupId: 'NOPE' })).toMatchObject({ code: 'UNKNOWN_GROUP' });
    expect(c).toEqual(copy);
    const left = applyRosterChange(c, { type: 'person.leave', personId: 'm2' });
    expect(left.ok && left.council.persons.some((p) => p.id === 'm2')).toBe(false);
    const promoted = left.ok ? applyRosterChange(left.council, { type: 'substitute.promote', personId: 'sub1', seatId: 'S02' }) : left;
    expect(promoted.ok && promoted.council.persons.find((p) => p.id === 'sub1')).toMatchObject({ kind: 'member', seatId: 'S02' });
  });

  it('reads a CSV with quotes, a BOM, comments and commas; each bad cell names its line and column', () => {
    const c = council();
    const rows = c.persons.map((p) => `${p.id},"${p.name}, jr.",${p.kind},${p.groupId},${p.seatId ?? ''}`);
    const good = rosterFromCsv(c, `\uFEFF# roster\nid,name,kind,group,seat\n${rows.join('\n')}\n`);
    expect(good.ok && good.persons.map((p) => p.name)).toEqual(c.persons.map((p) => `${p.name}, jr.`));
    const bad = rosterFromCsv(c, `id;name;kind;group;seat;colour\n${c.persons.map((p) => `${p.id};${p.name};${p.kind};${p.groupId};${p.seatId ?? ''};`).join('\n')}`);
    expect(bad).toMatchObject({ ok: false, problems: [{ line: 1, field: 'colour' }] });
    const lines = rosterFromCsv(c, `id;name;kind;group;seat\n${c.persons.map((p) => `${p.id};${p.name};${p.kind};${p.groupId};${p.kind === 'substitute' ? 'S01' : p.seatId}`).join('\n')}\nzz;;member;P;S09`);
    expect(lines.ok ? [] : lines.problems.map((p) => `${p.line}:${p.field}`)).toEqual([`${c.persons.length}:seat`, `${c.persons.length + 1}:seat`, `${c.persons.length + 2}:name`]);
  });

  it('names a JSON problem by its path', () => {
    const c = council();
    const persons = c.persons.map((p) => (p.id === 'sub1' ? { ...p, seatId: 'S01' } : p));
    expect(rosterFromJson(c, JSON.stringify({ groups: c.groups.map((g) => ({ ...g, color: '#111111' })), persons }))).toMatchObject({
      ok: false,
      problems: [{ line: null, field: `persons[${persons.findIndex((p) => p.id === 'sub1')}].seatId` }],
    });
    expect(rosterFromJson(c, '{')).toMatchObject({ ok: false, problems: [{ field: 'json' }] });
    const twice = [...c.groups, c.groups[0]!].map((g) => ({ ...g, color: '#111111' }));
    expect(rosterFromJson(c, JSON.stringify({ groups: twice, persons: c.persons }))).toMatchObject({ ok: false, problems: [{ field: 'groups' }] });
  });

  it('the seat map presets place every seat once, within 0–100', () => {
    for (const n of [1, 9, 20, 55]) {
      const seats = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, label: String(i + 1), x: 0, y: 0 }));
      for (const placed of [rowsPreset(seats), horseshoePreset(seats)]) {
        expect(placed.map((s) => s.id)).toEqual(seats.map((s) => s.id));
        for (const s of placed) for (const v of [s.x, s.y]) expect(v >= 0 && v <= 100, `${n}: ${s.id}`).toBe(true);
        expect(new Set(placed.map((s) => `${s.x},${s.y}`)).size).toBe(n);
      }
    }
  });
});
