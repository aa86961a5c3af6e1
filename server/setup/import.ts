import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { itemSetupSchema } from '../../shared/actions';
import type { ChamberConfig } from '../../shared/config';
import { PRESET_IDS, presetConfig, type PresetId } from '../../shared/presets';
import type { Group, MeetingSetup, Person, Seat } from '../../shared/types';
import { newCodes, newPassword, newSeatKey } from '../security/secrets';
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
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        groupId: z.string(),
        kind: z.enum(['member', 'substitute']),
        seatId: z.string().nullable(),
        // Judged by validateSetup, so a bad title names its person's row like every other problem.
        title: z.unknown().optional(),
      }),
    ),
    chairLine: z.array(z.string()).min(1),
    agenda: z.array(itemSetupSchema),
  }),
  // Lengths are judged by validateSetup, which names the row and never echoes a secret.
  credentials: z.object({
    codes: z.record(z.string(), z.string()),
    seatKeys: z.record(z.string(), z.string()),
    chairPasswords: z.record(z.string(), z.string()),
    secretariatPassword: z.string(),
  }),
  // A council's rules as a whole (shared/presets.ts); `config` then sets single numbers over it.
  preset: z.enum(PRESET_IDS).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export type SetupFile = {
  setup: MeetingSetup;
  credentials: Credentials;
  config?: Partial<ChamberConfig>;
  /** The council's rules the file chose (shared/presets.ts); `config` then holds them whole. */
  preset?: PresetId;
  /** The credentials the import drew itself: written once to the provisioning file when the set-up is stored. */
  generated?: Partial<Credentials>;
  /** A CSV's line number of each person, so a refusal names the line. */
  lines?: Record<string, number>;
};

export interface ImportOptions {
  /** The fewest digits a personal code may have (`--min-code-digits N`; default 6, at least 4). */
  minCodeDigits?: number;
}

/** Issue #13's minimums for imported credentials (docs/setup.md). */
export const MINIMUMS = {
  codeDigits: 6,
  /** The lowest `--min-code-digits` accepted: the four digits councils have used. */
  codeDigitsFloor: 4,
  codeDigitsCeiling: 16,
  /** 128 bits: 22 base64url characters (6 bits each) or 32 hex digits (4 bits each). */
  seatKeyBase64url: 22,
  seatKeyHex: 32,
  passwordChars: 12,
  /** What a handshake or sign-in accepts at most (server/transport/handshake.ts, server/record/store.ts). */
  secretMaxChars: 200,
} as const;

const chars = (s: string) => [...s].length;

function seatKeyProblem(key: string): string | null {
  if (key.length > MINIMUMS.secretMaxChars) return `too long (over ${MINIMUMS.secretMaxChars} characters)`;
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return 'only the characters A–Z a–z 0–9 - _ (the key travels in a link)';
  const hex = /^[0-9a-fA-F]+$/.test(key);
  if (hex ? key.length < MINIMUMS.seatKeyHex : key.length < MINIMUMS.seatKeyBase64url)
    return `at least 128 bits of randomness: ${MINIMUMS.seatKeyBase64url} or more base64url characters, or ${MINIMUMS.seatKeyHex} or more hex digits (it has ${key.length} characters)`;
  return null;
}

function passwordProblem(pw: string): string | null {
  const n = chars(pw);
  if (n < MINIMUMS.passwordChars) return `at least ${MINIMUMS.passwordChars} characters (it has ${n})`;
  if (n > MINIMUMS.secretMaxChars) return `at most ${MINIMUMS.secretMaxChars} characters (it has ${n})`;
  return null;
}

/** § 19, stk. 4: an official title ("Overborgmester") is a short line of text, or absent. */
export const TITLE_MAX_CHARS = 80;
function titleProblem(title: unknown): string | null {
  if (title === undefined) return null;
  if (typeof title !== 'string') return `must be text (the official title, e.g. "Overborgmester"), not ${title === null ? 'null' : typeof title}`;
  const n = chars(title.trim());
  if (n === 0) return 'is empty; leave it out for a member without a title';
  if (n > TITLE_MAX_CHARS) return `at most ${TITLE_MAX_CHARS} characters (it has ${n})`;
  return null;
}

/**
 * Everything a schema cannot check: every seat, group and chair exists, and the credentials
 * meet the minimums (codes of `minCodeDigits` digits or more and none twice, seat keys of 128
 * bits or more and none twice, passwords of 12 characters or more). Every problem is listed,
 * naming the row; no message repeats a secret. Null when there is none.
 */
export function validateSetup(f: SetupFile, opts: ImportOptions = {}): string | null {
  const minDigits = opts.minCodeDigits ?? MINIMUMS.codeDigits;
  const problems: string[] = [];
  const where = (id: string) => (f.lines?.[id] !== undefined ? `line ${f.lines[id]} (${id})` : `persons.${id}`);
  const seats = new Set(f.setup.chamber.seats.map((s) => s.id));
  const groups = new Set(f.setup.groups.map((g) => g.id));
  const persons = new Map(f.setup.persons.map((p) => [p.id, p]));
  const used = new Map<string, string>();
  const codeOwner = new Map<string, string>();
  for (const p of f.setup.persons) {
    const bad = titleProblem(p.title as unknown);
    if (bad) problems.push(`${where(p.id)}.title: ${bad}`);
    if (!groups.has(p.groupId)) problems.push(`${where(p.id)}.groupId: unknown group ${p.groupId}`);
    if (p.kind === 'member') {
      if (!p.seatId || !seats.has(p.seatId)) problems.push(`${where(p.id)}.seatId: unknown seat ${p.seatId}`);
      else if (used.has(p.seatId)) problems.push(`${where(p.id)}.seatId: seat ${p.seatId} has two members, ${used.get(p.seatId)} and ${p.id} (§ 17)`);
      else used.set(p.seatId, p.id);
    }
    const code = f.credentials.codes[p.id];
    if (!code) {
      problems.push(`credentials.codes.${p.id}: missing`);
      continue;
    }
    if (!/^[0-9]+$/.test(code) || code.length < minDigits || code.length > MINIMUMS.codeDigitsCeiling)
      problems.push(`${where(p.id)}: the personal code must be ${minDigits} to ${MINIMUMS.codeDigitsCeiling} digits (it has ${code.length} characters${/^[0-9]*$/.test(code) ? '' : ', not all digits'})`);
    const other = codeOwner.get(code);
    // A code finds its member by itself (server/store/credentials.ts): two alike cannot both work.
    if (other !== undefined) problems.push(`${where(other)} and ${where(p.id)} have the same personal code`);
    else codeOwner.set(code, p.id);
  }
  for (const c of f.setup.chairLine) if (persons.get(c)?.kind !== 'member') problems.push(`chairLine: ${c} is not a member`);
  const keyOwner = new Map<string, string>();
  for (const s of seats) {
    const key = f.credentials.seatKeys[s];
    if (!key) {
      problems.push(`credentials.seatKeys.${s}: missing`);
      continue;
    }
    const bad = seatKeyProblem(key);
    if (bad) problems.push(`credentials.seatKeys.${s}: ${bad}`);
    const other = keyOwner.get(key);
    if (other !== undefined) problems.push(`credentials.seatKeys: seats ${other} and ${s} have the same key`);
    else keyOwner.set(key, s);
  }
  for (const c of new Set(f.setup.chairLine)) {
    const pw = f.credentials.chairPasswords[c];
    if (!pw) problems.push(`credentials.chairPasswords.${c}: missing`);
    else {
      const bad = passwordProblem(pw);
      if (bad) problems.push(`credentials.chairPasswords.${c}: ${bad}`);
    }
  }
  const secretariat = passwordProblem(f.credentials.secretariatPassword ?? '');
  if (secretariat) problems.push(`credentials.secretariatPassword: ${secretariat}`);
  return problems.length ? problems.join('\n') : null;
}

/** The fewest code digits asked for, or an error naming the allowed range. */
export function parseMinCodeDigits(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MINIMUMS.codeDigitsFloor || n > MINIMUMS.codeDigitsCeiling)
    throw new Error(`--min-code-digits ${value}: a whole number from ${MINIMUMS.codeDigitsFloor} to ${MINIMUMS.codeDigitsCeiling}`);
  return n;
}

/**
 * A set-up file: JSON `{ setup, credentials, preset?, config? }` (see docs/setup.md), or a CSV of
 * persons `id;name;group;seat;kind;code;chair` (and an optional `title`) from which seats, groups and keys are made;
 * a CSV chooses its council's rules with a comment line `# preset: municipal31`.
 * Checked whole before anything is stored: a refused file leaves no database behind.
 */
export function readSetupFile(file: string, opts: ImportOptions = {}): SetupFile {
  const text = readFileSync(file, 'utf8');
  let f: SetupFile;
  if (file.toLowerCase().endsWith('.csv')) f = fromCsv(text, opts);
  else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e });
    }
    const parsed = setupSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    f = parsed.data as SetupFile;
    if (f.preset) f.config = presetConfig(f.preset, f.config);
  }
  const problem = validateSetup(f, opts);
  if (problem) throw new Error(`${file}:\n${problem.replace(/^/gm, '  ')}`);
  return f;
}

/**
 * A CSV of persons. Seat keys, the chair line's passwords and the secretariat's are drawn
 * here; so is the code of a person whose `code` cell is empty (`minCodeDigits` digits, never
 * starting with 0, so a spreadsheet cannot eat a digit). What was drawn is `generated`.
 */
export function fromCsv(text: string, opts: ImportOptions = {}): SetupFile {
  const preset = csvPreset(text);
  const lines = text
    .split(/\r?\n/)
    .map((t, i) => ({ t, n: i + 1 }))
    .filter((l) => l.t.trim() && !l.t.startsWith('#'));
  if (!lines.length) throw new Error('the CSV is empty');
  const sep = lines[0]!.t.includes(';') ? ';' : ',';
  const header = lines[0]!.t.split(sep).map((h) => h.trim().toLowerCase());
  const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
  const persons: Person[] = [];
  const groups = new Map<string, Group>();
  const seats: Seat[] = [];
  const codes: Record<string, string> = {};
  const at: Record<string, number> = {};
  const chairLine: string[] = [];
  for (const line of lines.slice(1)) {
    const row = line.t.split(sep);
    const id = col(row, 'id');
    const group = col(row, 'group');
    const kind = col(row, 'kind') === 'substitute' ? 'substitute' : 'member';
    const seat = kind === 'member' ? col(row, 'seat') : '';
    if (!groups.has(group)) groups.set(group, { id: group, letter: group, name: group, color: '#555555', independent: group === 'LG' });
    if (seat) seats.push({ id: seat, label: seat, x: 0, y: 0 });
    // § 19, stk. 4: the optional `title` column carries a mayor's official title.
    const title = col(row, 'title');
    persons.push({ id, name: col(row, 'name'), groupId: group, kind, seatId: seat || null, ...(title ? { title } : {}) });
    at[id] = line.n;
    const code = col(row, 'code');
    if (code) codes[id] = code;
    const chair = Number(col(row, 'chair'));
    if (chair >= 1 && chair <= 3) chairLine[chair - 1] = id;
  }
  // Lay the seats out in rows of 15 when the CSV gives no map.
  seats.forEach((s, i) => Object.assign(s, { x: 5 + (i % 15) * 6.4, y: 10 + Math.floor(i / 15) * 12 }));
  const chairs = chairLine.filter(Boolean);
  const drawnCodes = newCodes(
    persons.filter((p) => !codes[p.id]).map((p) => p.id),
    opts.minCodeDigits ?? MINIMUMS.codeDigits,
    Object.values(codes),
  );
  const generated: Credentials = {
    codes: drawnCodes,
    seatKeys: Object.fromEntries(seats.map((s) => [s.id, newSeatKey()])),
    chairPasswords: Object.fromEntries(chairs.map((c) => [c, newPassword()])),
    secretariatPassword: newPassword(),
  };
  return {
    setup: { title: 'Møde', chamber: { name: 'Salen', seats }, groups: [...groups.values()], persons, chairLine: chairs, agenda: [] },
    credentials: { ...generated, codes: { ...codes, ...drawnCodes } },
    config: (() => {
      const memberCount = persons.filter((p) => p.kind === 'member').length;
      return preset ? presetConfig(preset, { memberCount }) : { memberCount };
    })(),
    ...(preset ? { preset } : {}),
    generated,
    lines: at,
  };
}

/** A CSV's `# preset: <id>` comment line (shared/presets.ts); an unknown id is refused, not ignored. */
function csvPreset(text: string): PresetId | undefined {
  const m = /^#\s*preset\s*[:=]\s*(\S+)\s*$/im.exec(text);
  if (!m) return undefined;
  const id = m[1]!;
  if (!(PRESET_IDS as readonly string[]).includes(id)) throw new Error(`preset ${id}: not one of ${PRESET_IDS.join(', ')}`);
  return id as PresetId;
}
