import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { itemSetupSchema } from '../../shared/actions';
import type { ChamberConfig } from '../../shared/config';
import type { Group, MeetingSetup, Person, Seat } from '../../shared/types';
import type { Credentials } from '../store/db';

const setupSchema = z.object({
  setup: z.object({
    title: z.string().min(1),
    chamber: z.object({
      name: z.string(),
      seats: z.array(z.object({ id: z.string().min(1), label: z.string(), x: z.number(), y: z.number() })).min(1),
    }),
    groups: z.array(z.object({ id: z.string().min(1), letter: z.string(), name: z.string(), color: z.string(), independent: z.boolean() })),
    persons: z.array(
      z.object({ id: z.string().min(1), name: z.string().min(1), groupId: z.string(), kind: z.enum(['member', 'substitute']), seatId: z.string().nullable() }),
    ),
    chairLine: z.array(z.string()).min(1),
    agenda: z.array(itemSetupSchema),
  }),
  credentials: z.object({
    codes: z.record(z.string(), z.string().min(4)),
    seatKeys: z.record(z.string(), z.string().min(8)),
    chairPasswords: z.record(z.string(), z.string().min(4)),
    secretariatPassword: z.string().min(4),
  }),
  config: z.record(z.string(), z.unknown()).optional(),
});

export type SetupFile = { setup: MeetingSetup; credentials: Credentials; config?: Partial<ChamberConfig> };

/** Checks the references a schema cannot: every seat, group and chair exists. */
export function validateSetup(f: SetupFile): string | null {
  const seats = new Set(f.setup.chamber.seats.map((s) => s.id));
  const groups = new Set(f.setup.groups.map((g) => g.id));
  const persons = new Map(f.setup.persons.map((p) => [p.id, p]));
  const used = new Set<string>();
  for (const p of f.setup.persons) {
    if (!groups.has(p.groupId)) return `persons.${p.id}.groupId: unknown group ${p.groupId}`;
    if (p.kind === 'member') {
      if (!p.seatId || !seats.has(p.seatId)) return `persons.${p.id}.seatId: unknown seat ${p.seatId}`;
      if (used.has(p.seatId)) return `persons.${p.id}.seatId: seat ${p.seatId} has two members (§ 17)`;
      used.add(p.seatId);
    }
    if (!f.credentials.codes[p.id]) return `credentials.codes.${p.id}: missing`;
  }
  for (const c of f.setup.chairLine) if (persons.get(c)?.kind !== 'member') return `chairLine: ${c} is not a member`;
  for (const s of seats) if (!f.credentials.seatKeys[s]) return `credentials.seatKeys.${s}: missing`;
  return null;
}

/**
 * A set-up file: JSON `{ setup, credentials, config? }` (see docs/setup.md), or a CSV of
 * persons `id;name;group;seat;kind;code;chair` from which seats, groups and keys are made.
 */
export function readSetupFile(file: string): SetupFile {
  const text = readFileSync(file, 'utf8');
  const f = file.toLowerCase().endsWith('.csv') ? fromCsv(text) : (setupSchema.parse(JSON.parse(text)) as SetupFile);
  const problem = validateSetup(f);
  if (problem) throw new Error(`${file}: ${problem}`);
  return f;
}

export function fromCsv(text: string): SetupFile {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const sep = lines[0]!.includes(';') ? ';' : ',';
  const header = lines[0]!.split(sep).map((h) => h.trim().toLowerCase());
  const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
  const persons: Person[] = [];
  const groups = new Map<string, Group>();
  const seats: Seat[] = [];
  const codes: Record<string, string> = {};
  const chairLine: string[] = [];
  const rows = lines.slice(1).map((l) => l.split(sep));
  rows.forEach((row) => {
    const id = col(row, 'id');
    const group = col(row, 'group');
    const kind = col(row, 'kind') === 'substitute' ? 'substitute' : 'member';
    const seat = kind === 'member' ? col(row, 'seat') : '';
    if (!groups.has(group)) groups.set(group, { id: group, letter: group, name: group, color: '#555555', independent: group === 'LG' });
    if (seat) seats.push({ id: seat, label: seat, x: 0, y: 0 });
    persons.push({ id, name: col(row, 'name'), groupId: group, kind, seatId: seat || null });
    codes[id] = col(row, 'code');
    const chair = Number(col(row, 'chair'));
    if (chair >= 1 && chair <= 3) chairLine[chair - 1] = id;
  });
  // Lay the seats out in rows of 15 when the CSV gives no map.
  seats.forEach((s, i) => Object.assign(s, { x: 5 + (i % 15) * 6.4, y: 10 + Math.floor(i / 15) * 12 }));
  const key = () => randomBytes(9).toString('base64url');
  return {
    setup: { title: 'Møde', chamber: { name: 'Salen', seats }, groups: [...groups.values()], persons, chairLine: chairLine.filter(Boolean), agenda: [] },
    credentials: {
      codes,
      seatKeys: Object.fromEntries(seats.map((s) => [s.id, key()])),
      chairPasswords: Object.fromEntries(chairLine.filter(Boolean).map((c) => [c, key()])),
      secretariatPassword: key(),
    },
    config: { memberCount: persons.filter((p) => p.kind === 'member').length },
  };
}
