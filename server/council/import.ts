import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Group, Person } from '../../shared/types';
import { importProblems, type Council, type RosterProblem } from '../../shared/term/roster';

// The secretariat's roster import (docs/protocol.md, "The council's roster"): a CSV of members
// and substitutes, one a row, their groups named in the same rows; or JSON { groups, persons }.
// Checked whole: every problem names its line and field, and a roster with any problem is not
// stored at all.

/** The CSV's columns; the first four are required. */
export const CSV_COLUMNS = ['id', 'name', 'kind', 'group', 'seat', 'title', 'group_name', 'group_color', 'independent'] as const;
const REQUIRED = ['id', 'name', 'kind', 'group'];

const yesNo: Record<string, boolean> = { yes: true, ja: true, true: true, '1': true, no: false, nej: false, false: false, '0': false };
const kinds: Record<string, Person['kind']> = { member: 'member', medlem: 'member', substitute: 'substitute', stedfortræder: 'substitute', stedfortraeder: 'substitute' };

const rowSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[\p{L}\p{N}_.-]+$/u),
  name: z.string().min(1).max(120),
  kind: z.string().refine((k) => k.toLowerCase() in kinds),
  group: z.string().min(1).max(64).regex(/^[\p{L}\p{N}_.-]+$/u),
  seat: z.string().max(64),
  title: z.string().max(80),
  group_name: z.string().max(120),
  group_color: z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/)]),
  independent: z.string().refine((v) => v === '' || v.toLowerCase() in yesNo),
});
type Row = z.infer<typeof rowSchema>;

/** What each field must be, said to the secretariat (a zod message would be English only). */
const EXPECT: Record<string, [string, string]> = {
  id: ['skal udfyldes med bogstaver, tal, - _ eller . (højst 64 tegn)', 'must be filled in with letters, digits, - _ or . (at most 64 characters)'],
  name: ['skal udfyldes (højst 120 tegn)', 'must be filled in (at most 120 characters)'],
  kind: ['skal være member/medlem eller substitute/stedfortræder', 'must be member/medlem or substitute/stedfortræder'],
  group: ['skal udfyldes med gruppens id, fx A eller LG', "must be filled in with the group's id, e.g. A or LG"],
  seat: ['højst 64 tegn', 'at most 64 characters'],
  title: ['højst 80 tegn (§ 19, stk. 4)', 'at most 80 characters (§ 19, stk. 4)'],
  group_name: ['højst 120 tegn', 'at most 120 characters'],
  group_color: ['skal være en farve som #1f6fb2', 'must be a colour like #1f6fb2'],
  independent: ['skal være ja/nej (yes/no)', 'must be yes/no (ja/nej)'],
};
const fieldProblem = (line: number | null, field: string, said: string): RosterProblem => {
  const [da, en] = EXPECT[field] ?? ['er ugyldig', 'is invalid'];
  return { line, field, message: { da: `${field} ${da}${said}`, en: `${field} ${en}${said}` } };
};

export type ImportResult = { ok: true; groups: Group[]; persons: Person[] } | { ok: false; problems: RosterProblem[] };

/** A CSV roster: each problem of each row, or the groups and persons it names. */
export function rosterFromCsv(council: Council, text: string): ImportResult {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() && !l.startsWith('#')) ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, skip_empty_lines: true, comment: '#', comment_no_infix: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? null;
    return { ok: false, problems: [{ line, field: 'csv', message: { da: `CSV-filen kan ikke læses: ${(e as Error).message}`, en: `The CSV cannot be read: ${(e as Error).message}` } }] };
  }
  if (records.length === 0) return { ok: false, problems: [{ line: null, field: 'csv', message: { da: 'CSV-filen er tom.', en: 'The CSV is empty.' } }] };
  const [head, ...rows] = records;
  const header = head!.record.map((h) => h.toLowerCase());
  const problems: RosterProblem[] = [];
  const headLine = head!.info.lines;
  for (const h of header)
    if (!(CSV_COLUMNS as readonly string[]).includes(h))
      problems.push({ line: headLine, field: h || '(empty)', message: { da: `ukendt kolonne; kolonnerne er ${CSV_COLUMNS.join(', ')}`, en: `unknown column; the columns are ${CSV_COLUMNS.join(', ')}` } });
  for (const r of REQUIRED)
    if (!header.includes(r)) problems.push({ line: headLine, field: r, message: { da: 'kolonnen mangler i overskriftslinjen', en: 'the column is missing from the header line' } });
  if (problems.length) return { ok: false, problems };

  const lines: Record<string, number> = {};
  const groups = new Map<string, Group>();
  const persons: Person[] = [];
  for (const { info, record } of rows) {
    const line = info.lines;
    const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, record[header.indexOf(c)] ?? '']));
    const parsed = rowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const field of new Set(parsed.error.issues.map((i) => String(i.path[0])))) {
        const value = cells[field] ?? '';
        problems.push(fieldProblem(line, field, value ? ` («${value.slice(0, 40)}»)` : ''));
      }
      continue;
    }
    const row: Row = parsed.data;
    const kind = kinds[row.kind.toLowerCase()]!;
    const groupProblem = addGroup(groups, council, row, line);
    if (groupProblem) problems.push(groupProblem);
    if (lines[row.id] !== undefined) lines[`dup:${row.id}`] = line;
    else lines[row.id] = line;
    persons.push({ id: row.id, name: row.name, groupId: row.group, kind, seatId: row.seat || null, ...(row.title ? { title: row.title } : {}) });
  }
  problems.push(...importProblems(council, [...groups.values()], persons, lines));
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return problems.length ? { ok: false, problems } : { ok: true, groups: [...groups.values()], persons };
}

/** A row's group: the first row naming it gives its name and colour; else the council's own. */
function addGroup(groups: Map<string, Group>, council: Council, row: Row, line: number): RosterProblem | null {
  if (groups.has(row.group)) return null;
  const known = council.groups.find((g) => g.id === row.group);
  if (!known && !row.group_name)
    return { line, field: 'group', message: { da: `ukendt gruppe ${row.group}; skriv gruppens navn i group_name for at oprette den`, en: `unknown group ${row.group}; give its name in group_name to create it` } };
  const independent = row.independent ? yesNo[row.independent.toLowerCase()]! : (known?.independent ?? false);
  groups.set(row.group, {
    id: row.group,
    letter: known?.letter ?? row.group,
    name: row.group_name || known!.name,
    color: row.group_color || known?.color || '#555555',
    independent,
  });
  return null;
}

const jsonSchema = z
  .object({
    groups: z.array(z.object({ id: z.string().min(1).max(64), letter: z.string().min(1).max(8), name: z.string().min(1).max(120), color: z.string().regex(/^#[0-9a-fA-F]{6}$/), independent: z.boolean() }).strict()).max(100),
    persons: z
      .array(
        z
          .object({
            id: z.string().min(1).max(64),
            name: z.string().min(1).max(120),
            groupId: z.string(),
            kind: z.enum(['member', 'substitute']),
            seatId: z.string().nullable(),
            title: z.string().min(1).max(80).optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

/** The CSV's column names as a JSON person's fields. */
const JSON_FIELD: Record<string, string> = { group: 'groupId', seat: 'seatId' };

/** A JSON roster `{ groups, persons }` (the shape of a set-up's, docs/setup.md). */
export function rosterFromJson(council: Council, text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ line: null, field: 'json', message: { da: `Ikke gyldig JSON: ${(e as Error).message}`, en: `Not valid JSON: ${(e as Error).message}` } }] };
  }
  const parsed = jsonSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 50).map((i) => ({ line: null, field: i.path.map(String).join('.'), message: { da: i.message, en: i.message } })),
    };
  const { groups, persons } = parsed.data;
  // The persons' places stand in for lines: a problem names `persons[i].field`.
  const places = Object.fromEntries(persons.map((p, i) => [p.id, i + 1]));
  const problems = importProblems(council, groups, persons, places).map((p) => (p.line === null ? p : { ...p, line: null, field: `persons[${p.line - 1}].${JSON_FIELD[p.field] ?? p.field}` }));
  return problems.length ? { ok: false, problems } : { ok: true, groups, persons };
}
