// The council's roster across the term (issue #14, item 2): who the members and substitutes
// are, their groups and the seat map. Meetings take the roster as it is when they go live
// (server/meeting/term.ts), so a change here never touches the live meeting. Pure: the
// server checks every change here, and the secretariat's screen asks the same functions.
import { z } from 'zod';
import type { Group, MeetingSetup, Person, Seat } from '../types';
import { fromCatalogue } from '../refusals';

/** The council's standing part: a meeting's set-up without its title and agenda. */
export type Council = Omit<MeetingSetup, 'title' | 'agenda'>;

/** Every refusal of the roster's rules: code → paragraph, Danish, English (docs/protocol.md). */
export const ROSTER_REFUSALS = {
  ROSTER_IMPORT_INVALID: ['§ 17', 'Listen er ikke indlæst; intet er ændret. Ret linjerne herunder.', 'The list was not imported; nothing was changed. Fix the lines below.'],
  PERSON_EXISTS: ['§ 17', 'Der findes allerede en person med det id.', 'A person with that id already exists.'],
  ROSTER_UNKNOWN_PERSON: ['§ 17', 'Personen er ikke i rådet.', 'The person is not on the council.'],
  UNKNOWN_GROUP: ['§ 19, stk. 2', 'Ukendt gruppe.', 'Unknown group.'],
  GROUP_EXISTS: ['§ 19, stk. 2', 'Der findes allerede en gruppe med det id.', 'A group with that id already exists.'],
  ROSTER_UNKNOWN_SEAT: ['§ 17', 'Pladsen findes ikke i salen.', 'The seat does not exist in the chamber.'],
  SEAT_TAKEN: ['§ 17', 'Pladsen er allerede et andet medlems faste plads.', "The seat is already another member's fixed seat."],
  MEMBER_NEEDS_SEAT: ['§ 17', 'Et medlem skal have en fast plads i salen.', 'A member must have a fixed seat in the chamber.'],
  SUBSTITUTE_NO_SEAT: ['§ 8', 'En stedfortræder har ingen fast plads; den sidder på et fraværende medlems plads.', "A substitute has no fixed seat; they sit in an absent member's seat."],
  IN_CHAIR_LINE: ['§ 18, stk. 2', 'Forpersonen og næstforpersonerne kan ikke udtræde eller flyttes ud af rådet her; vælg først en anden til rollen.', 'The chair and the vice-chairs cannot leave or be moved out of the council here; elect someone else to the role first.'],
  NOT_A_SUBSTITUTE: ['§ 8', 'Kun en stedfortræder kan indtræde som medlem.', 'Only a substitute can become a member.'],
  BAD_SEAT_MAP: ['§ 17', 'Pladskortet skal have hver af salens pladser præcis én gang, placeret inden for 0–100.', "The seat map must hold each of the chamber's seats exactly once, placed within 0–100."],
} as const satisfies Record<string, readonly [string, string, string]>;
export type RosterRefusalCode = keyof typeof ROSTER_REFUSALS;

/** One problem of an import: the CSV line (or null for JSON and the chair line) and the field. */
export interface RosterProblem {
  line: number | null;
  field: string;
  message: { da: string; en: string };
}

export interface RosterRefusal {
  ok: false;
  code: RosterRefusalCode;
  paragraph: string;
  message: { da: string; en: string };
  /** An import's problems, every one of them (ROSTER_IMPORT_INVALID). */
  problems?: RosterProblem[];
}

export function rosterRefusal(code: RosterRefusalCode, detail?: { da: string; en: string }, problems?: RosterProblem[]): RosterRefusal {
  return { ...fromCatalogue(ROSTER_REFUSALS, code, detail), ...(problems ? { problems } : {}) };
}

// --- Payloads (validated by the server before any rule is asked) -------------------------

const id = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, - _ . only');
const name = z.string().trim().min(1).max(120);
/** § 19, stk. 4: an official title ("Overborgmester"), at most 80 characters. */
const title = z.string().trim().max(80);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6fb2');

export const personAddSchema = z
  .object({ id: id.optional(), name, title: title.optional(), groupId: id, kind: z.enum(['member', 'substitute']), seatId: id.nullable().optional() })
  .strict();
export const personEditSchema = z
  .object({ personId: id, name: name.optional(), title: title.nullable().optional(), groupId: id.optional(), seatId: id.nullable().optional() })
  .strict();
export const personRefSchema = z.object({ personId: id }).strict();
export const promoteSchema = z.object({ personId: id, seatId: id }).strict();
export const groupAddSchema = z
  .object({ id: id.optional(), letter: z.string().trim().min(1).max(8), name, color, independent: z.boolean() })
  .strict();
export const groupEditSchema = z
  .object({ groupId: id, letter: z.string().trim().min(1).max(8).optional(), name: name.optional(), color: color.optional(), independent: z.boolean().optional() })
  .strict();
export const seatsSetSchema = z
  .object({ seats: z.array(z.object({ id, label: z.string().trim().min(1).max(16).optional(), x: z.number().finite(), y: z.number().finite() }).strict()).max(500) })
  .strict();
export const importSchema = z.object({ format: z.enum(['csv', 'json']), text: z.string().max(15_000) }).strict();

export type PersonAdd = z.infer<typeof personAddSchema>;
export type PersonEdit = z.infer<typeof personEditSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
export type Promote = z.infer<typeof promoteSchema>;
export type GroupAdd = z.infer<typeof groupAddSchema>;
export type GroupEdit = z.infer<typeof groupEditSchema>;
export type SeatsSet = z.infer<typeof seatsSetSchema>;
export type RosterImport = z.infer<typeof importSchema>;

/** A change to the roster as the council's chain (council_events) stores it. */
export type RosterChange =
  | { type: 'council.import'; format: 'csv' | 'json'; groups: Group[]; persons: Person[]; added: string[]; left: string[] }
  | { type: 'person.add'; person: Person }
  | { type: 'person.edit'; personId: string; name?: string; title?: string | null; groupId?: string; seatId?: string | null }
  | { type: 'person.leave'; personId: string }
  | { type: 'substitute.promote'; personId: string; seatId: string }
  | { type: 'group.add'; group: Group }
  | { type: 'group.edit'; groupId: string; letter?: string; name?: string; color?: string; independent?: boolean }
  | { type: 'seats.set'; seats: Seat[] };

// --- Rules ----------------------------------------------------------------------------------

const seatHolder = (c: Council, seatId: string, except?: string) => c.persons.find((p) => p.kind === 'member' && p.seatId === seatId && p.id !== except);

/** § 17: a member's seat exists and is nobody else's; § 8: a substitute has none. */
function seatRefusal(c: Council, kind: Person['kind'], seatId: string | null | undefined, self?: string): RosterRefusal | null {
  if (kind === 'substitute') return seatId ? rosterRefusal('SUBSTITUTE_NO_SEAT') : null;
  if (!seatId) return rosterRefusal('MEMBER_NEEDS_SEAT');
  if (!c.chamber.seats.some((s) => s.id === seatId)) return rosterRefusal('ROSTER_UNKNOWN_SEAT', { da: `(${seatId})`, en: `(${seatId})` });
  const holder = seatHolder(c, seatId, self);
  if (holder) return rosterRefusal('SEAT_TAKEN', { da: `(${holder.name})`, en: `(${holder.name})` });
  return null;
}

const unknownPerson = (personId: string) => rosterRefusal('ROSTER_UNKNOWN_PERSON', { da: `(${personId})`, en: `(${personId})` });
const unknownGroup = (groupId: string) => rosterRefusal('UNKNOWN_GROUP', { da: `(${groupId})`, en: `(${groupId})` });

/**
 * The roster after one change, or the refusal that leaves it as it was. An import is checked
 * with `importProblems` first (every problem named); here it only replaces the lists.
 */
export function applyRosterChange(c: Council, change: RosterChange): { ok: true; council: Council } | RosterRefusal {
  const person = (pid: string) => c.persons.find((p) => p.id === pid);
  const ok = (council: Council) => ({ ok: true as const, council });
  switch (change.type) {
    case 'council.import':
      return ok({ ...c, groups: change.groups, persons: change.persons });
    case 'person.add': {
      const p = change.person;
      if (person(p.id)) return rosterRefusal('PERSON_EXISTS', { da: `(${p.id})`, en: `(${p.id})` });
      if (!c.groups.some((g) => g.id === p.groupId)) return unknownGroup(p.groupId);
      const bad = seatRefusal(c, p.kind, p.seatId);
      if (bad) return bad;
      return ok({ ...c, persons: [...c.persons, p] });
    }
    case 'person.edit': {
      const p = person(change.personId);
      if (!p) return unknownPerson(change.personId);
      if (change.groupId !== undefined && !c.groups.some((g) => g.id === change.groupId)) return unknownGroup(change.groupId);
      const seatId = change.seatId === undefined ? p.seatId : change.seatId;
      const bad = seatRefusal(c, p.kind, seatId, p.id);
      if (bad) return bad;
      const next: Person = { ...p, seatId };
      if (change.name !== undefined) next.name = change.name;
      if (change.groupId !== undefined) next.groupId = change.groupId;
      if (change.title === null || change.title === '') delete next.title;
      else if (change.title !== undefined) next.title = change.title;
      return ok({ ...c, persons: c.persons.map((x) => (x.id === p.id ? next : x)) });
    }
    case 'person.leave': {
      if (!person(change.personId)) return unknownPerson(change.personId);
      if (c.chairLine.includes(change.personId)) return rosterRefusal('IN_CHAIR_LINE');
      return ok({ ...c, persons: c.persons.filter((x) => x.id !== change.personId) });
    }
    case 'substitute.promote': {
      const p = person(change.personId);
      if (!p) return unknownPerson(change.personId);
      if (p.kind !== 'substitute') return rosterRefusal('NOT_A_SUBSTITUTE');
      const bad = seatRefusal(c, 'member', change.seatId);
      if (bad) return bad;
      const next: Person = { ...p, kind: 'member', seatId: change.seatId };
      return ok({ ...c, persons: c.persons.map((x) => (x.id === p.id ? next : x)) });
    }
    case 'group.add':
      if (c.groups.some((g) => g.id === change.group.id)) return rosterRefusal('GROUP_EXISTS', { da: `(${change.group.id})`, en: `(${change.group.id})` });
      return ok({ ...c, groups: [...c.groups, change.group] });
    case 'group.edit': {
      const g = c.groups.find((x) => x.id === change.groupId);
      if (!g) return unknownGroup(change.groupId);
      const { type: _type, groupId: _id, ...fields } = change;
      return ok({ ...c, groups: c.groups.map((x) => (x.id === g.id ? { ...g, ...fields } : x)) });
    }
    case 'seats.set': {
      const known = new Map(c.chamber.seats.map((s) => [s.id, s] as const));
      const ids = new Set(change.seats.map((s) => s.id));
      const inRange = (v: number) => v >= 0 && v <= 100;
      if (ids.size !== change.seats.length || ids.size !== known.size || change.seats.some((s) => !known.has(s.id) || !inRange(s.x) || !inRange(s.y)))
        return rosterRefusal('BAD_SEAT_MAP');
      return ok({ ...c, chamber: { ...c.chamber, seats: change.seats } });
    }
  }
}

/** Ids drawn for a new person or group: the first free `prefix` + number. */
export function freeId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const problem = (line: number | null, field: string, da: string, en: string): RosterProblem => ({ line, field, message: { da, en } });

/**
 * Everything wrong with an imported roster, each problem naming its line (`lines`: person or
 * group id → CSV line) and field: unknown groups and seats, a seat held twice (§ 17), a
 * substitute with a seat (§ 8), a person twice, and the chair line left without its
 * members (§ 18, stk. 2). Empty: the roster may stand.
 */
export function importProblems(c: Council, groups: Group[], persons: Person[], lines: Record<string, number> = {}): RosterProblem[] {
  const out: RosterProblem[] = [];
  const at = (pid: string) => lines[pid] ?? null;
  const seats = new Set(c.chamber.seats.map((s) => s.id));
  const groupIds = new Set<string>();
  for (const g of groups) {
    if (groupIds.has(g.id)) out.push(problem(null, 'groups', `gruppen ${g.id} står to gange.`, `the group ${g.id} appears twice.`));
    groupIds.add(g.id);
  }
  const seen = new Set<string>();
  const seatOf = new Map<string, string>();
  for (const p of persons) {
    if (seen.has(p.id)) out.push(problem(at(`dup:${p.id}`) ?? at(p.id), 'id', `${p.id} står to gange.`, `${p.id} appears twice.`));
    seen.add(p.id);
    if (!groupIds.has(p.groupId)) out.push(problem(at(p.id), 'group', `ukendt gruppe ${p.groupId}.`, `unknown group ${p.groupId}.`));
    if (p.kind === 'substitute') {
      if (p.seatId) out.push(problem(at(p.id), 'seat', 'en stedfortræder har ingen fast plads (§ 8); lad feltet være tomt.', 'a substitute has no fixed seat (§ 8); leave it empty.'));
      continue;
    }
    if (!p.seatId) out.push(problem(at(p.id), 'seat', 'et medlem skal have en fast plads (§ 17).', 'a member needs a fixed seat (§ 17).'));
    else if (!seats.has(p.seatId)) out.push(problem(at(p.id), 'seat', `salen har ingen plads ${p.seatId}.`, `the chamber has no seat ${p.seatId}.`));
    else if (seatOf.has(p.seatId))
      out.push(problem(at(p.id), 'seat', `plads ${p.seatId} er allerede ${seatOf.get(p.seatId)}s (§ 17).`, `seat ${p.seatId} is already ${seatOf.get(p.seatId)}'s (§ 17).`));
    else seatOf.set(p.seatId, p.id);
  }
  for (const chair of c.chairLine) {
    const p = persons.find((x) => x.id === chair);
    if (p?.kind !== 'member')
      out.push(problem(null, 'chairLine', `${chair} er i formandskabet og skal stå på listen som medlem (§ 18, stk. 2).`, `${chair} is in the chair line and must be on the list as a member (§ 18, stk. 2).`));
  }
  return out;
}
