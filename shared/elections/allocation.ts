/**
 * Proportional allocation of seats by D'Hondt's method: § 28 (two or more seats, proportional
 * election) and the KKR letter (seeds/000_…: mayors are born members, further members make the
 * council proportional to the parties' votes, at most twice as many members as municipalities).
 *
 * Pure: no I/O, no clock, no randomness except the documented lot in ./lot.
 * The readings of held seats, renounced seats and the fill-mode cap are set out in
 * docs/allocation.md; the comments below name the paragraph each rule comes from.
 */
import { drawLot, lotIndex } from './lot';

export type AllocationMode = 'fixed' | 'fill';

export interface AllocationGroup {
  id: string;
  /** Size of the group: members (§ 28, stk. 2) or votes [stemmetal] (KKR). */
  weight: number;
  /** Seats the group already holds, e.g. its mayors (§ 28, stk. 4; KKR born members). */
  held?: number;
}

/** Exactly the JSON that `npm run allocate` reads. */
export interface AllocationInput {
  mode: AllocationMode;
  /** Seats to share; required for mode "fixed", not used for mode "fill". */
  seats?: number;
  groups: AllocationGroup[];
  /** Electoral alliances [valgforbund]: groups that take seats as one unit (§ 28, stk. 2). */
  alliances?: string[][];
  /** Seats a group gives up [giver afkald på] (§ 28, stk. 2, last sentence). */
  renounce?: Record<string, number>;
  /** The size cap; required for mode "fill" (KKR: twice the number of municipalities). */
  maxSeats?: number;
  /** Seed of the lot for equal quotients (./lot). */
  seed?: string;
}

export interface AllocationPick {
  /** 1-based place in the order of picks. */
  seat: number;
  /** Group id; for a seat won by an alliance, the alliance label (members joined by "+"). */
  group: string;
  /** weight / (seats already picked + 1), rounded to at most 6 decimals. */
  quotient: number;
}

export interface AllocationLot {
  tied: string[];
  winner: string;
}

export interface AllocationResult {
  total: number;
  seats: Record<string, number>;
  /** seats − held: the further members the group appoints. */
  additional: Record<string, number>;
  order: AllocationPick[];
  lots: AllocationLot[];
}

export type ValidationResult =
  | { ok: true; input: AllocationInput }
  | { ok: false; field: string; message: string; messageDa: string };

/** Upper bound for seats and maxSeats: keeps the fill-mode search small. */
export const SEATS_LIMIT = 1000;

/** How an alliance is named in `order` and in lots: its members joined by "+". */
export function allianceLabel(members: string[]): string {
  return members.join('+');
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const TOP_KEYS = ['mode', 'seats', 'groups', 'alliances', 'renounce', 'maxSeats', 'seed'];
const GROUP_KEYS = ['id', 'weight', 'held'];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

class InputError extends Error {
  constructor(
    readonly field: string,
    readonly en: string,
    readonly da: string,
  ) {
    super(`${field}: ${en}`);
  }
}

function fail(field: string, en: string, da: string): never {
  throw new InputError(field, en, da);
}

function checkCount(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, 'must be a number', 'skal være et tal');
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be a whole number from ${min} to ${max}`, `skal være et helt tal fra ${min} til ${max}`);
  }
  return value;
}

/** Check raw JSON against AllocationInput; the error names the field, in English and Danish. */
export function validateInput(raw: unknown): ValidationResult {
  try {
    return { ok: true, input: parseInput(raw) };
  } catch (err) {
    if (err instanceof InputError) {
      return { ok: false, field: err.field, message: err.en, messageDa: err.da };
    }
    throw err;
  }
}

function parseInput(raw: unknown): AllocationInput {
  if (!isRecord(raw)) fail('input', 'must be a JSON object', 'skal være et JSON-objekt');
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) {
      fail(key, `unknown field (known: ${TOP_KEYS.join(', ')})`, `ukendt felt (kendte: ${TOP_KEYS.join(', ')})`);
    }
  }

  const mode = raw.mode;
  if (mode === undefined) fail('mode', 'is missing; use "fixed" or "fill"', 'mangler; brug "fixed" eller "fill"');
  if (mode !== 'fixed' && mode !== 'fill') {
    fail('mode', 'must be "fixed" or "fill"', 'skal være "fixed" eller "fill"');
  }

  // groups
  const rawGroups = raw.groups;
  if (rawGroups === undefined) fail('groups', 'is missing', 'mangler');
  if (!Array.isArray(rawGroups)) fail('groups', 'must be a list', 'skal være en liste');
  if (rawGroups.length === 0) fail('groups', 'must name at least one group', 'skal indeholde mindst én gruppe');
  const groups: AllocationGroup[] = [];
  const firstIndex = new Map<string, number>();
  rawGroups.forEach((g: unknown, i: number) => {
    const at = `groups[${i}]`;
    if (!isRecord(g)) fail(at, 'must be an object with id and weight', 'skal være et objekt med id og weight');
    for (const key of Object.keys(g)) {
      if (!GROUP_KEYS.includes(key)) {
        fail(`${at}.${key}`, 'unknown field (known: id, weight, held)', 'ukendt felt (kendte: id, weight, held)');
      }
    }
    const id = g.id;
    if (id === undefined) fail(`${at}.id`, 'is missing', 'mangler');
    if (typeof id !== 'string' || id.trim() === '') fail(`${at}.id`, 'must be a non-empty text', 'skal være en ikke-tom tekst');
    if (/[\r\n]/.test(id)) fail(`${at}.id`, 'must not contain a line break', 'må ikke indeholde linjeskift');
    if (id === '__proto__') fail(`${at}.id`, 'is a reserved name', 'er et reserveret navn');
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      fail(`${at}.id`, `duplicate id "${id}" (also groups[${earlier}])`, `id'en "${id}" findes to gange (også groups[${earlier}])`);
    }
    firstIndex.set(id, i);
    const weight = g.weight;
    if (weight === undefined) fail(`${at}.weight`, 'is missing', 'mangler');
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      fail(`${at}.weight`, 'must be a finite number', 'skal være et endeligt tal');
    }
    if (weight < 0) fail(`${at}.weight`, 'must not be negative', 'må ikke være negativ');
    const group: AllocationGroup = { id, weight };
    if (g.held !== undefined) {
      if (!isCount(g.held)) fail(`${at}.held`, 'must be a whole number ≥ 0', 'skal være et helt tal ≥ 0');
      group.held = g.held;
    }
    groups.push(group);
  });
  if (!groups.some((g) => g.weight > 0)) {
    fail('groups', 'at least one group must have a weight above 0', 'mindst én gruppe skal have en vægt over 0');
  }
  const heldSum = groups.reduce((s, g) => s + (g.held ?? 0), 0);

  // seats and maxSeats
  const input: AllocationInput = { mode, groups };
  if (raw.maxSeats !== undefined) input.maxSeats = checkCount(raw.maxSeats, 'maxSeats', 1, SEATS_LIMIT);
  if (mode === 'fixed') {
    if (raw.seats === undefined) fail('seats', 'is required when mode is "fixed"', 'skal angives når mode er "fixed"');
    const seats = checkCount(raw.seats, 'seats', 1, SEATS_LIMIT);
    if (input.maxSeats !== undefined && seats > input.maxSeats) {
      fail('seats', `exceeds maxSeats (${input.maxSeats})`, `overstiger maxSeats (${input.maxSeats})`);
    }
    if (heldSum > seats) {
      fail('seats', `is less than the seats already held (sum of groups[].held = ${heldSum})`,
        `er mindre end de allerede besatte pladser (summen af groups[].held = ${heldSum})`);
    }
    input.seats = seats;
  } else {
    if (raw.seats !== undefined) {
      fail('seats', 'is not used when mode is "fill" (the total is searched for); give the cap as maxSeats',
        'bruges ikke når mode er "fill" (det samlede antal findes ved søgning); angiv loftet som maxSeats');
    }
    if (input.maxSeats === undefined) {
      fail('maxSeats', 'is required when mode is "fill" (KKR: twice the number of municipalities)',
        'skal angives når mode er "fill" (KKR: det dobbelte af antallet af kommuner)');
    }
    if (heldSum > input.maxSeats) {
      fail('maxSeats', `is less than the seats already held (sum of groups[].held = ${heldSum})`,
        `er mindre end de allerede besatte pladser (summen af groups[].held = ${heldSum})`);
    }
  }

  // alliances
  if (raw.alliances !== undefined) {
    if (!Array.isArray(raw.alliances)) fail('alliances', 'must be a list of lists of group ids', 'skal være en liste af lister med gruppe-id\'er');
    const inAlliance = new Map<string, number>();
    const labels = new Set<string>();
    const alliances: string[][] = [];
    raw.alliances.forEach((a: unknown, i: number) => {
      const at = `alliances[${i}]`;
      if (!Array.isArray(a)) fail(at, 'must be a list of group ids', 'skal være en liste af gruppe-id\'er');
      if (a.length < 2) fail(at, 'must name at least two groups', 'skal indeholde mindst to grupper');
      const members: string[] = [];
      a.forEach((m: unknown, j: number) => {
        const mat = `${at}[${j}]`;
        if (typeof m !== 'string') fail(mat, 'must be a group id (text)', 'skal være et gruppe-id (tekst)');
        if (!firstIndex.has(m)) fail(mat, `unknown group id "${m}"`, `ukendt gruppe-id "${m}"`);
        const other = inAlliance.get(m);
        if (other === i) fail(mat, `group "${m}" is named twice`, `gruppen "${m}" er nævnt to gange`);
        if (other !== undefined) {
          fail(mat, `group "${m}" is already in alliances[${other}]`, `gruppen "${m}" er allerede med i alliances[${other}]`);
        }
        inAlliance.set(m, i);
        members.push(m);
      });
      const label = allianceLabel(members);
      if (firstIndex.has(label) || labels.has(label)) {
        fail(at, `its label "${label}" is also the id of a group or another alliance`,
          `dets navn "${label}" er også id for en gruppe eller et andet valgforbund`);
      }
      labels.add(label);
      alliances.push(members);
    });
    input.alliances = alliances;
  }

  // renounce
  if (raw.renounce !== undefined) {
    if (!isRecord(raw.renounce)) fail('renounce', 'must be an object {groupId: seats}', 'skal være et objekt {gruppe-id: mandater}');
    const renounce: Record<string, number> = {};
    for (const [id, n] of Object.entries(raw.renounce)) {
      const at = `renounce.${id}`;
      if (!firstIndex.has(id)) fail(at, `unknown group id "${id}"`, `ukendt gruppe-id "${id}"`);
      if (!isCount(n)) fail(at, 'must be a whole number ≥ 0', 'skal være et helt tal ≥ 0');
      renounce[id] = n;
    }
    input.renounce = renounce;
  }

  if (raw.seed !== undefined) {
    if (typeof raw.seed !== 'string') fail('seed', 'must be a text', 'skal være en tekst');
    input.seed = raw.seed;
  }
  return input;
}

// ---------------------------------------------------------------------------------------------
// D'Hondt core
// ---------------------------------------------------------------------------------------------

/** A unit that takes seats in one D'Hondt run: a group, or an alliance with its members. */
interface Unit {
  key: string;
  weight: number;
  held: number;
  renounce: number;
  members: Unit[] | null;
}

interface DrawnLot {
  tied: string[];
  winner: string;
  digest: string;
}

interface Pick {
  unit: string;
  weight: number;
  divisor: number;
  lot: DrawnLot | null;
}

interface LevelOut {
  /** Seats per unit key. */
  counts: Map<string, number>;
  /** The seats picked by quotient, in order (renounced picks removed, continuation appended). */
  order: Pick[];
  /** Every lot drawn in the runs that make up this result, in order. */
  lots: DrawnLot[];
  /** Seats this level was asked to share. */
  seats: number;
  /** Seats filled: below `seats` only when nobody is left who may take the rest. */
  filled: number;
  /** Alliance key → the split inside it. */
  inner: Map<string, LevelOut>;
  /** Danish account (empty unless tracing). */
  trace: string[];
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Danish number format: integers as they are, decimals with comma, at most 6 decimals. */
function fmt(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(round6(x)).replace('.', ',');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Run `n` D'Hondt picks (§ 28, stk. 2: sizes divided by 1, 2, 3, …; the quotients give the
 * order of picks). `counts` is updated in place. Quotients are compared exactly by
 * cross-multiplication; equal quotients are settled by drawLot (§ 28, stk. 2). A unit of
 * weight 0 has no claim by quotient and never wins a pick. Stops early when nobody is eligible.
 */
function runDHondt(
  units: Unit[],
  counts: Map<string, number>,
  n: number,
  eligible: (u: Unit) => boolean,
  seed: string,
): Pick[] {
  const picks: Pick[] = [];
  const candidates = units.filter((u) => u.weight > 0 && eligible(u));
  for (let k = 0; k < n && candidates.length > 0; k++) {
    let best: Unit[] = [];
    let bestCount = 0;
    for (const u of candidates) {
      const c = counts.get(u.key) ?? 0;
      const top = best[0];
      if (top === undefined) {
        best = [u];
        bestCount = c;
        continue;
      }
      // u.weight/(c+1) compared with top.weight/(bestCount+1)
      const diff = u.weight * (bestCount + 1) - top.weight * (c + 1);
      if (diff > 0) {
        best = [u];
        bestCount = c;
      } else if (diff === 0) {
        best.push(u);
      }
    }
    let winner = best[0]!;
    let lot: DrawnLot | null = null;
    if (best.length > 1) {
      const draw = drawLot(seed, best.map((u) => u.key));
      lot = { tied: draw.tied, winner: draw.winner, digest: draw.digest };
      winner = best.find((u) => u.key === draw.winner)!;
    }
    const before = counts.get(winner.key) ?? 0;
    counts.set(winner.key, before + 1);
    picks.push({ unit: winner.key, weight: winner.weight, divisor: before + 1, lot });
  }
  return picks;
}

function describeLot(lot: DrawnLot, weight: number, divisor: number): string {
  const head = lot.digest.slice(0, 13);
  const index = lotIndex(lot.digest, lot.tied.length);
  return (
    `Lige store kvotienter (${fmt(round6(weight / divisor))}) hos ${lot.tied.join(', ')}: ` +
    `lodtrækning (§ 28, stk. 2) — SHA-256 = ${lot.digest}; ` +
    `0x${head} = ${parseInt(head, 16)}, mod ${lot.tied.length} = ${index} → ${lot.winner}.`
  );
}

function describePick(label: string, p: Pick): string {
  return `${label}: ${p.unit} (kvotient ${fmt(round6(p.weight / p.divisor))} = ${fmt(p.weight)} / ${p.divisor})`;
}

/**
 * Share `seats` among `units` (one level: the whole body, or the inside of one alliance).
 *
 * 1. Held seats (§ 28, stk. 4; KKR born members): a unit whose D'Hondt share is below its held
 *    seats keeps its held seats, and the rest (seats − those held) is shared among the others;
 *    repeated until every remaining unit's share reaches its held seats.
 * 2. Alliances: each alliance's seats are shared among its members by the same method.
 * 3. Renounced seats (§ 28, stk. 2, last sentence): a group gives up its last picks (never its
 *    held seats); the freed seats go to the next quotients of the units that did not renounce
 *    (a unit keeping held seats above its share competes from its held seats).
 *    Inside an alliance they go to the partners first; only if every partner renounced does the
 *    alliance give them up to the other units.
 */
function allocateLevel(units: Unit[], seats: number, seed: string, level: string | null, tracing: boolean): LevelOut {
  const trace: string[] = [];
  const say = (line: string): void => {
    if (tracing) trace.push(line);
  };
  const seatWord = level === null ? 'Mandat' : 'Plads';

  // 1. Held seats beyond the share: find the units that keep their held seats.
  const kept = new Set<string>();
  let counts: Map<string, number>;
  let picks: Pick[];
  for (;;) {
    counts = new Map(units.map((u) => [u.key, kept.has(u.key) ? u.held : 0]));
    const keptSum = units.reduce((s, u) => s + (kept.has(u.key) ? u.held : 0), 0);
    const free = Math.max(0, seats - keptSum);
    picks = runDHondt(units, counts, free, (u) => !kept.has(u.key), seed);
    const short = units.filter((u) => !kept.has(u.key) && (counts.get(u.key) ?? 0) < u.held);
    if (short.length === 0) break;
    if (tracing) {
      const shares = units.filter((u) => !kept.has(u.key)).map((u) => `${u.key} ${counts.get(u.key) ?? 0}`);
      say(`Foreløbig fordeling af ${plural(free, 'mandat', 'mandater')}: ${shares.join(', ')}.`);
      for (const p of picks) if (p.lot) say(`  ${describeLot(p.lot, p.weight, p.divisor)}`);
      for (const u of short) {
        say(
          `${u.key} får kun ${counts.get(u.key) ?? 0}, men har ${plural(u.held, 'fast plads', 'faste pladser')} (§ 28, stk. 4): ` +
            `${u.key} beholder ${u.held === 1 ? 'den' : 'dem'}, og de øvrige mandater fordeles mellem de andre.`,
        );
      }
    }
    for (const u of short) kept.add(u.key);
  }
  const lots: DrawnLot[] = [];
  let seatNo = 0;
  for (const p of picks) {
    seatNo++;
    if (p.lot) {
      lots.push(p.lot);
      say(describeLot(p.lot, p.weight, p.divisor));
    }
    say(describePick(`${seatWord} ${seatNo}`, p));
  }
  for (const u of units) {
    if (kept.has(u.key) && u.held > 0) say(`${u.key} har ${plural(u.held, 'fast plads', 'faste pladser')} uden for kvotientrækken.`);
  }

  const order = [...picks];
  const inner = new Map<string, LevelOut>();
  // Units that may not take freed seats: those that renounced (kept units may: they continue
  // from their held seats).
  const blocked = new Set<string>();
  let need = 0;

  // Give up the last `e` picks of unit `u`.
  const giveUp = (u: Unit, e: number): void => {
    const gone: number[] = [];
    for (let i = order.length - 1; i >= 0 && gone.length < e; i--) {
      if (order[i]!.unit === u.key) {
        order.splice(i, 1);
        gone.push(i);
      }
    }
    counts.set(u.key, (counts.get(u.key) ?? 0) - gone.length);
    need += gone.length;
  };

  const splitAlliance = (u: Unit): number => {
    const res = allocateLevel(u.members!, counts.get(u.key) ?? 0, seed, u.key, tracing);
    inner.set(u.key, res);
    return (counts.get(u.key) ?? 0) - res.filled;
  };

  // 2 and 3: alliances split inside; renounced seats freed.
  for (const u of units) {
    if (u.members) {
      const unfilled = splitAlliance(u);
      if (u.members.every((m) => m.renounce > 0)) blocked.add(u.key);
      if (unfilled > 0) {
        say(`Valgforbundet ${u.key} kan ikke besætte ${unfilled} af sine mandater, da ingen af dets grupper kan overtage dem: de fordeles videre (§ 28, stk. 2).`);
        blocked.add(u.key);
        giveUp(u, unfilled);
      }
    } else if (u.renounce > 0) {
      blocked.add(u.key);
      const have = counts.get(u.key) ?? 0;
      const e = kept.has(u.key) ? 0 : Math.min(u.renounce, have - u.held);
      if (e > 0) {
        say(
          `${u.key} giver afkald på ${plural(e, 'mandat', 'mandater')} af sine ${have} (§ 28, stk. 2): ` +
            `${e === 1 ? 'det sidste udgår' : `de sidste ${e} udgår`}, og pladserne fordeles efter de næste kvotienter blandt de andre.`,
        );
        giveUp(u, e);
      }
      if (u.renounce > e) {
        say(`${u.key} ønsker at give afkald på ${u.renounce}, men kan kun give afkald på ${e} (sine pladser ud over de faste; faste pladser kan ikke opgives).`);
      }
    }
  }

  // Continue the D'Hondt sequence for the freed seats among those who did not renounce.
  while (need > 0) {
    const more = runDHondt(units, counts, need, (u) => !blocked.has(u.key), seed);
    if (more.length === 0) {
      say(
        level === null
          ? `Ingen kan overtage ${plural(need, 'ledigt mandat', 'ledige mandater')}; ${need === 1 ? 'det' : 'de'} forbliver ubesat.`
          : `Ingen i valgforbundet kan overtage ${plural(need, 'ledigt mandat', 'ledige mandater')}; valgforbundet giver ${need === 1 ? 'det' : 'dem'} videre.`,
      );
      break;
    }
    need -= more.length;
    for (const p of more) {
      if (p.lot) {
        lots.push(p.lot);
        say(describeLot(p.lot, p.weight, p.divisor));
      }
      say(describePick('Ledig plads', p));
      order.push(p);
    }
    for (const key of new Set(more.map((p) => p.unit))) {
      const u = units.find((x) => x.key === key)!;
      if (!u.members) continue;
      const unfilled = splitAlliance(u);
      if (unfilled > 0) {
        blocked.add(u.key);
        giveUp(u, unfilled);
      }
    }
  }
  if (order.length !== picks.length || order.some((p, i) => p !== picks[i])) {
    say(`Rækkefølge herefter: ${order.length ? order.map((p, i) => `${i + 1} ${p.unit}`).join(', ') : 'ingen'}.`);
  }

  for (const res of inner.values()) lots.push(...res.lots);
  const filled = [...counts.values()].reduce((s, c) => s + c, 0);
  if (tracing) {
    for (const [key, res] of inner) {
      trace.push(`Valgforbundet ${key} fordeler sine ${plural(res.seats, 'mandat', 'mandater')} internt efter samme metode:`);
      trace.push(...res.trace.map((l) => `  ${l}`));
    }
  }
  return { counts, order, lots, seats, filled, inner, trace };
}

function buildUnits(input: AllocationInput): Unit[] {
  const renounce = input.renounce ?? {};
  const single = new Map<string, Unit>(
    input.groups.map((g) => [g.id, { key: g.id, weight: g.weight, held: g.held ?? 0, renounce: renounce[g.id] ?? 0, members: null }]),
  );
  const allianceOf = new Map<string, string[]>();
  for (const a of input.alliances ?? []) for (const m of a) allianceOf.set(m, a);
  const units: Unit[] = [];
  const done = new Set<string[]>();
  for (const g of input.groups) {
    const a = allianceOf.get(g.id);
    if (!a) {
      units.push(single.get(g.id)!);
    } else if (!done.has(a)) {
      done.add(a);
      const members = a.map((id) => single.get(id)!);
      units.push({
        key: allianceLabel(a),
        weight: members.reduce((s, m) => s + m.weight, 0),
        held: members.reduce((s, m) => s + m.held, 0),
        renounce: 0,
        members,
      });
    }
  }
  return units;
}

/** Plain D'Hondt shares per group at a total (fill-mode test): outer run, then inside alliances. */
function plainShares(units: Unit[], total: number, seed: string): Map<string, number> {
  const counts = new Map(units.map((u) => [u.key, 0]));
  runDHondt(units, counts, total, () => true, seed);
  const shares = new Map<string, number>();
  for (const u of units) {
    if (!u.members) {
      shares.set(u.key, counts.get(u.key) ?? 0);
      continue;
    }
    const inner = new Map(u.members.map((m) => [m.key, 0]));
    runDHondt(u.members, inner, counts.get(u.key) ?? 0, () => true, seed);
    for (const m of u.members) shares.set(m.key, inner.get(m.key) ?? 0);
  }
  return shares;
}

interface Computed {
  result: AllocationResult;
  trace: string[];
}

function compute(input: AllocationInput, tracing: boolean): Computed {
  const units = buildUnits(input);
  const seed = input.seed ?? '';
  const trace: string[] = [];
  const groupsFlat = units.flatMap((u) => u.members ?? [u]);
  let total: number;

  if (input.mode === 'fixed') {
    total = input.seats ?? 0;
  } else {
    // Fill mode (KKR): the smallest total at which every group's share reaches its held seats.
    const cap = input.maxSeats ?? 0;
    const heldSum = groupsFlat.reduce((s, g) => s + g.held, 0);
    let found: number | null = null;
    for (let t = heldSum; t <= cap; t++) {
      const shares = plainShares(units, t, seed);
      const short = groupsFlat.filter((g) => (shares.get(g.key) ?? 0) < g.held);
      if (tracing) {
        const list = groupsFlat.map((g) => `${g.key} ${shares.get(g.key) ?? 0}${g.held ? ` (har ${g.held})` : ''}`).join(', ');
        const verdict =
          short.length === 0
            ? 'alle grupper får mindst deres faste pladser.'
            : `for få til ${short.map((g) => g.key).join(', ')}.`;
        trace.push(`Prøver i alt ${t} mandater: ${list} — ${verdict}`);
      }
      if (short.length === 0) {
        found = t;
        break;
      }
    }
    if (found === null) {
      total = cap;
      if (tracing) {
        trace.push(
          `Loftet på ${cap} mandater nås (KKR: højst det dobbelte antal af kommunerne), uden at alle får deres faste pladser: ` +
            `grupper med flere faste pladser end deres andel beholder dem, og resten fordeles mellem de øvrige.`,
        );
      }
    } else {
      total = found;
      if (tracing) trace.push(`Mindste samlede antal: ${found} mandater.`);
    }
  }

  const level = allocateLevel(units, total, seed, null, tracing);
  trace.push(...level.trace);

  const seats: Record<string, number> = {};
  const additional: Record<string, number> = {};
  for (const u of units) {
    if (u.members) {
      const res = level.inner.get(u.key);
      for (const m of u.members) seats[m.key] = res?.counts.get(m.key) ?? 0;
    } else {
      seats[u.key] = level.counts.get(u.key) ?? 0;
    }
  }
  const ordered: Record<string, number> = {};
  for (const g of input.groups) {
    ordered[g.id] = seats[g.id] ?? 0;
    additional[g.id] = Math.max(0, (seats[g.id] ?? 0) - (g.held ?? 0));
  }
  const result: AllocationResult = {
    total: Object.values(ordered).reduce((s, n) => s + n, 0),
    seats: ordered,
    additional,
    order: level.order.map((p, i) => ({ seat: i + 1, group: p.unit, quotient: round6(p.weight / p.divisor) })),
    lots: level.lots.map((l) => ({ tied: l.tied, winner: l.winner })),
  };
  return { result, trace };
}

/** Share seats by D'Hondt (§ 28) or find the KKR size (mode "fill"). Throws on invalid input. */
export function allocate(input: AllocationInput): AllocationResult {
  const checked = validateInput(input);
  if (!checked.ok) throw new Error(`Invalid allocation input: ${checked.field}: ${checked.message}`);
  return compute(checked.input, false).result;
}

/** A readable Danish account of every step: picks, lots, held seats, renounced seats, alliances. */
export function explain(input: AllocationInput, result?: AllocationResult): string {
  const checked = validateInput(input);
  if (!checked.ok) throw new Error(`Invalid allocation input: ${checked.field}: ${checked.message}`);
  const valid = checked.input;
  const { result: computed, trace } = compute(valid, true);
  const res = result ?? computed;
  const lines: string[] = [];
  lines.push("Fordeling efter D'Hondts metode (§ 28, stk. 2): hver gruppes størrelse deles med 1, 2, 3 osv.;");
  lines.push('kvotienterne giver rækkefølgen, og lige store kvotienter afgøres ved lodtrækning.');
  if (valid.mode === 'fixed') {
    lines.push(`Fast antal: ${plural(valid.seats ?? 0, 'mandat', 'mandater')} fordeles.`);
  } else {
    lines.push(
      `KKR-udfyldning: det mindste samlede antal, hvor hver gruppe får mindst sine faste pladser (borgmestre); ` +
        `højst ${valid.maxSeats} (KL: højst det dobbelte antal medlemmer i forhold til antallet af kommuner).`,
    );
  }
  lines.push('Grupper:');
  for (const g of valid.groups) {
    const held = g.held ? `, ${plural(g.held, 'fast plads', 'faste pladser')} (§ 28, stk. 4)` : '';
    const ren = valid.renounce?.[g.id] ? `, giver afkald på ${valid.renounce[g.id]}` : '';
    lines.push(`  ${g.id}: vægt ${fmt(g.weight)}${held}${ren}`);
  }
  for (const a of valid.alliances ?? []) {
    const w = a.reduce((s, id) => s + (valid.groups.find((g) => g.id === id)?.weight ?? 0), 0);
    lines.push(`Valgforbund ${allianceLabel(a)}: samlet vægt ${fmt(w)}; tager mandater som én enhed.`);
  }
  lines.push(`Lodtrækningsfrø: ${JSON.stringify(valid.seed ?? '')}.`);
  lines.push('');
  lines.push(...trace);
  lines.push('');
  lines.push(`Resultat: i alt ${plural(res.total, 'mandat', 'mandater')}.`);
  for (const g of valid.groups) {
    const n = res.seats[g.id] ?? 0;
    const held = g.held ?? 0;
    const extra = res.additional[g.id] ?? 0;
    lines.push(`  ${g.id}: ${n}` + (held > 0 ? ` (heraf ${held} ${held === 1 ? 'fast' : 'faste'}, ${extra} yderligere)` : ''));
  }
  if (result && JSON.stringify(result) !== JSON.stringify(computed)) {
    lines.push('Advarsel: det givne resultat svarer ikke til en ny beregning af samme input.');
  }
  return lines.join('\n');
}
