import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { startServer, type RunningServer } from '../../server/app';
import { MeetingService } from '../../server/meeting/service';
import { openDb, saveSetup } from '../../server/store/db';
import { SeatAccess } from '../../server/store/seat-access';
import { ACTION_ROLES, ACTION_TYPES, actionBodySchema, type ActionType } from '../../shared/actions';
import type { Actor } from '../../shared/types';
import { connectLean, type Ack, type Lean } from './client';
import { demo, memberIds, seatOfPerson, tempDir } from './env';

/**
 * Authorization matrix: every action type × every role. A refusal whose code says "you may
 * not" counts as not authorized; anything else (acceptance, or a refusal on the merits: no
 * vote open, nothing due…) means the action got past authorization. Exactly the pairs the
 * who-column (`ACTION_ROLES`) allows must get past; DISQUALIFIED counts as "may not" for
 * `floor.request` and `vote.cast` (§ 23) only.
 *
 * Every pair runs against the same prepared meeting: a base database is built once, and each
 * allowed pair gets a fresh server on a copy of it (an accepted action changes the state);
 * pairs expected to be refused share one server (a refusal never changes the state).
 */
export const ROLES = [
  'memberOwnSeat',
  'memberOtherSeat',
  'seatNotCheckedIn',
  'substitute',
  'disqualified',
  'actingChair',
  'formerChair',
  'secretariat',
  'public',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export const AUTH_CODES = new Set(['NOT_ACTING_CHAIR', 'WRONG_ROLE', 'NOT_SECRETARIAT', 'NOT_SYSTEM', 'UNAUTHORIZED', 'NOT_CHECKED_IN']);
const DISQUALIFIED_BLOCKS = new Set<string>(['floor.request', 'vote.cast']);

export function expectedAllowed(type: ActionType, role: MatrixRole): boolean {
  const who = ACTION_ROLES[type];
  switch (role) {
    case 'memberOwnSeat':
    case 'substitute':
      return who.includes('member');
    case 'disqualified':
      return who.includes('member') && !DISQUALIFIED_BLOCKS.has(type);
    case 'actingChair':
      return who.includes('chair');
    case 'formerChair':
      return who.includes('chair') && type === 'chair.assume';
    case 'secretariat':
      return who.includes('secretariat');
    default:
      return false;
  }
}

export function pastAuthorization(type: string, ack: Ack): boolean {
  if (ack.ok) return true;
  if (AUTH_CODES.has(ack.code!)) return false;
  if (ack.code === 'DISQUALIFIED' && DISQUALIFIED_BLOCKS.has(type)) return false;
  return true;
}

// ---- the cast ---------------------------------------------------------------------------

const line = demo.setup.chairLine;
const ordinary = memberIds.filter((p) => !line.includes(p));
const P = {
  chair: line[0]!,
  acting: line[1]!,
  vice2: line[2]!,
  own: ordinary[0]!,
  other: ordinary[1]!,
  disq: ordinary[2]!,
  emptyForOther: ordinary[ordinary.length - 1]!,
  emptyPlain: ordinary[ordinary.length - 2]!,
  replaced: ordinary[ordinary.length - 3]!,
  absent: ordinary[ordinary.length - 4]!,
  sub: demo.setup.persons.find((p) => p.kind === 'substitute')!.id,
  sub2: demo.setup.persons.filter((p) => p.kind === 'substitute')[1]!.id,
};

interface Base {
  dbPath: string;
  agenda: string[];
  amendmentId: string;
  voteId: string;
  entryId: string;
}

/** The meeting every pair is tried in (see the file comment of the test). */
async function buildBase(dir: string): Promise<Base> {
  const dbPath = path.join(dir, 'base.sqlite');
  const db = openDb(dbPath);
  saveSetup(db, demo.setup, { memberCount: memberIds.length }, demo);
  const svc = new MeetingService(db);
  const member = (p: string, seat = seatOfPerson(p)): Actor => ({ role: 'member', personId: p, seatId: seat });
  const chair = (p: string): Actor => ({ role: 'chair', personId: p });
  const ok = async (body: Record<string, unknown>, actor: Actor) => {
    const a = await svc.dispatch(body, actor);
    if (!a.ok) throw new Error(`base: ${String(body.type)} refused: ${a.code}`);
    return a;
  };
  const away = new Set([P.emptyForOther, P.emptyPlain, P.replaced, P.absent]);
  for (const p of memberIds) if (!away.has(p)) await ok({ type: 'presence.checkIn' }, member(p));
  await ok({ type: 'meeting.open' }, chair(P.chair));
  await ok({ type: 'item.start', itemId: 'i2' }, chair(P.chair));
  await ok({ type: 'substitute.callIn', memberId: P.replaced, substituteId: P.sub }, { role: 'secretariat', id: 'secretariat' });
  await ok({ type: 'presence.checkIn' }, member(P.sub, seatOfPerson(P.replaced)));
  await ok({ type: 'amendment.submit', text: 'Ændringsforslag til prøve' }, member(P.own));
  // § 23: the council finds one member disqualified on the item.
  await ok({ type: 'vote.open', point: 'Inhabilitet', subject: { kind: 'disqualification', personId: P.disq } }, chair(P.chair));
  for (const p of memberIds) if (!away.has(p)) await ok({ type: 'vote.cast', choice: 'for' }, member(p));
  await ok({ type: 'vote.close' }, chair(P.chair));
  // § 18, stk. 2: the chair hands over; the first vice-chair is the acting chair now.
  await ok({ type: 'chair.handOver', to: P.acting }, chair(P.chair));
  await ok({ type: 'vote.open', point: 'Afslutning af forhandlingen', subject: { kind: 'closure' } }, chair(P.acting));
  const s = svc.state;
  if (!s.items.i2!.disqualified.includes(P.disq)) throw new Error('base: disqualification did not take');
  const amendmentId = Object.keys(s.amendments)[0]!;
  const closed = Object.values(s.votes).find((v) => v.status === 'closed')!;
  const entryId = s.record.find((e) => e.voteId === closed.id)!.id;
  const base = { dbPath, agenda: [...s.agenda], amendmentId, voteId: closed.id, entryId };
  // Each checked-in member's tablet session, as their own tablets hold them (issue #11).
  const access = new SeatAccess(db);
  for (const [seatId, occ] of Object.entries(s.presence)) baseSessions.set(occ.personId, access.start(seatId, occ.personId).token);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return base;
}

/** A valid body for every type: meaningful ids where the type names something. */
function payloads(base: Base): Record<string, Record<string, unknown>> {
  return {
    'gallery.blank': { blank: true },
    'chair.handOver': { to: P.vice2 },
    'chair.appointTemporary': { personId: P.own },
    'seat.offline': { seatId: seatOfPerson(P.own) },
    'seat.online': { seatId: seatOfPerson(P.own) },
    'substitute.callIn': { memberId: P.absent, substituteId: P.sub2 },
    'substitute.release': { memberId: P.replaced },
    'agenda.add': { item: { id: 'i99', title: 'Hastesag', text: 'Tekst', kind: 'other', doors: 'open' } },
    'agenda.reorder': { order: base.agenda },
    'item.start': { itemId: 'i4' },
    'item.postpone': {},
    'item.refer': { committee: 'Økonomiudvalget' },
    'item.reopen': { itemId: 'i1', reason: 'Afgørende nye oplysninger er kommet frem' },
    'item.setDoors': { itemId: 'i5', doors: 'open' },
    'floor.move': { personId: P.own, toIndex: 0, reason: 'Praktiske grunde' },
    'order.call': { personId: P.own },
    'vote.open': { point: 'Forslaget', subject: { kind: 'proposal' } },
    'vote.cast': { choice: 'for' },
    'vote.manualResult': { counts: { for: 1, against: 0, abstain: 0 }, counterCheck: { for: 1, against: 0, abstain: 0 } },
    'declaration.make': { point: 'Forslaget', subject: { kind: 'proposal' }, expected: 'adopted' },
    'amendment.submit': { text: 'Endnu et ændringsforslag' },
    'amendment.withdraw': { amendmentId: base.amendmentId },
    'amendment.order': { order: [base.amendmentId] },
    'disqualification.notify': { note: 'Jeg er i familie med ansøgeren' },
    'record.nameVote': { voteId: base.voteId },
    'record.dissent': { entryId: base.entryId, text: 'Mindretallet er uenigt' },
  };
}

/** A schema's definition, told apart by its `type`: every schema zod builds is one of `$ZodTypes`. */
const defOf = (schema: z.core.$ZodType) => (schema as z.core.$ZodTypes)._zod.def;

/** For types without an entry above (new ones): a minimal body built from the zod schema. */
function synthesize(schema: z.core.$ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape)) if (defOf(v).type !== 'optional') o[k] = synthesize(v);
      return o;
    }
    case 'string':
      return 'Prøve';
    // z.int() too: a number with a check.
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries)[0];
    case 'literal':
      return def.values[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'union':
      return def.options[0] ? synthesize(def.options[0]) : null;
    case 'optional':
    case 'nullable':
    case 'default':
      return synthesize(def.innerType);
    default:
      return null;
  }
}

export function bodyFor(type: ActionType, base: Base): Record<string, unknown> {
  const known = payloads(base)[type];
  let body: Record<string, unknown> = { type, ...(known ?? {}) };
  if (!known) {
    const option = actionBodySchema.options.find((o) => o.shape.type.value === type);
    if (!option) throw new Error(`${type} is not in the action schema`);
    const shape: Record<string, z.core.$ZodType> = option.shape;
    body = { ...(synthesize(option) as Record<string, unknown>), type };
    // Arrays that must not be empty: one synthesized element.
    const parsed = actionBodySchema.safeParse(body);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const field = typeof key === 'string' ? shape[key] : undefined;
        const fieldDef = field && defOf(field);
        if (typeof key === 'string' && fieldDef?.type === 'array') body[key] = [synthesize(fieldDef.element)];
      }
  }
  const parsed = actionBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`no valid body for ${type}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return body;
}

// ---- running it -------------------------------------------------------------------------

export interface MatrixCell {
  type: ActionType;
  role: MatrixRole;
  expected: boolean;
  got: boolean;
  code: string;
}

export interface MatrixSummary {
  types: number;
  roles: number;
  pairs: number;
  allowedPairs: number;
  mismatches: MatrixCell[];
  cells: MatrixCell[];
  otherSeatCheckIn: string;
  servers: number;
  durationMs: number;
}

/** Tablet sessions of the base meeting's checked-in persons (a seat key alone is not the member). */
const baseSessions = new Map<string, string>();

function authFor(role: MatrixRole): Record<string, unknown> {
  const seat = (p: string, as?: string) => ({ role: 'seat', seatKey: demo.seatKeys[seatOfPerson(p)], session: as ? baseSessions.get(as) : undefined });
  switch (role) {
    case 'memberOwnSeat':
      return seat(P.own, P.own);
    case 'memberOtherSeat':
      return seat(P.emptyForOther);
    case 'seatNotCheckedIn':
      return seat(P.emptyPlain);
    case 'substitute':
      return seat(P.replaced, P.sub);
    case 'disqualified':
      return seat(P.disq, P.disq);
    case 'actingChair':
      return { role: 'chair', personId: P.acting, password: demo.chairPasswords[P.acting] };
    case 'formerChair':
      return { role: 'chair', personId: P.chair, password: demo.chairPasswords[P.chair] };
    case 'secretariat':
      return { role: 'secretariat', password: demo.secretariatPassword };
    case 'public':
      return { role: 'public' };
  }
}

export async function authMatrix(opts: { log?: (line: string) => void } = {}): Promise<MatrixSummary> {
  const t0 = Date.now();
  const tmp = tempDir('authz');
  let servers = 0;
  const running: RunningServer[] = [];
  const clients: Lean[] = [];
  const start = async (name: string) => {
    const dir = path.join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    const dbPath = path.join(dir, 'meeting.sqlite');
    copyFileSync(base.dbPath, dbPath);
    // The codes and seat keys are stored under the base's server key (server/store/credentials.ts).
    copyFileSync(`${base.dbPath}.key`, `${dbPath}.key`);
    servers++;
    const s = await startServer({ dbPath, port: 0, graceMs: 600_000, staticDir: '/nonexistent' });
    running.push(s);
    return s;
  };
  const stop = async (s: RunningServer) => {
    for (const c of clients.splice(0)) c.close();
    await s.close();
    running.splice(running.indexOf(s), 1);
  };
  const base = await buildBase(tmp.dir);
  const cells: MatrixCell[] = [];
  let otherSeatCheckIn: string;
  try {
    const bodies = Object.fromEntries(ACTION_TYPES.map((t) => [t, bodyFor(t, base)]));
    const tryPair = async (c: Lean, type: ActionType, role: MatrixRole) => {
      const ack: Ack | null = await c.act(bodies[type]);
      if (!ack) throw new Error(`${type} from ${role}: no answer`);
      if (ack.code === 'MALFORMED' || ack.code === 'RATE_LIMITED') throw new Error(`${type} from ${role}: ${ack.code}`);
      cells.push({ type, role, expected: expectedAllowed(type, role), got: pastAuthorization(type, ack), code: ack.ok ? 'ok' : ack.code! });
    };

    // Pairs that must be refused: one server, every role connected once.
    const shared = await start('refused');
    const sockets = {} as Record<MatrixRole, Lean>;
    for (const role of ROLES) {
      const c = await connectLean(shared.url, authFor(role));
      clients.push(c);
      sockets[role] = c;
    }
    // The member of another seat tries to check in at this terminal first (§ 17).
    otherSeatCheckIn = ((await sockets.memberOtherSeat.emit('checkIn', { code: demo.codes[P.other] })) as Ack | null)?.code ?? 'no answer';
    // Stay under the per-socket rate limit (a burst of 40, then 20 a second).
    let sent = 0;
    for (const type of ACTION_TYPES)
      for (const role of ROLES)
        if (!expectedAllowed(type, role)) {
          await tryPair(sockets[role], type, role);
          if (++sent % 30 === 0) await new Promise((r) => setTimeout(r, 150));
        }
    await stop(shared);

    // Pairs that must get past authorization: a fresh copy of the meeting each.
    for (const type of ACTION_TYPES)
      for (const role of ROLES)
        if (expectedAllowed(type, role)) {
          const s = await start(`${type}-${role}`);
          const c = await connectLean(s.url, authFor(role));
          clients.push(c);
          await tryPair(c, type, role);
          await stop(s);
        }
  } finally {
    for (const c of clients.splice(0)) c.close();
    for (const s of running.splice(0)) await s.close().catch(() => undefined);
    tmp.remove();
  }
  const mismatches = cells.filter((c) => c.expected !== c.got);
  opts.log?.(`${cells.length} pairs on ${servers} servers, ${mismatches.length} mismatches`);
  return {
    types: ACTION_TYPES.length,
    roles: ROLES.length,
    pairs: cells.length,
    allowedPairs: cells.filter((c) => c.expected).length,
    mismatches,
    cells,
    otherSeatCheckIn,
    servers,
    durationMs: Date.now() - t0,
  };
}

/** The matrix as text: one row per type, one column per role; ✓ past authorization, · not. */
export function matrixText(m: MatrixSummary): string {
  const short: Record<MatrixRole, string> = {
    memberOwnSeat: 'own',
    memberOtherSeat: 'oth',
    seatNotCheckedIn: 'nci',
    substitute: 'sub',
    disqualified: 'dsq',
    actingChair: 'chr',
    formerChair: 'fmr',
    secretariat: 'sec',
    public: 'pub',
  };
  const lines = [`${''.padEnd(26)}${ROLES.map((r) => short[r].padStart(5)).join('')}`];
  for (const type of ACTION_TYPES) {
    const row = ROLES.map((role) => {
      const c = m.cells.find((x) => x.type === type && x.role === role);
      const mark = !c ? '?' : c.got ? '✓' : '·';
      return (c && c.got !== c.expected ? `!${mark}` : mark).padStart(5);
    });
    lines.push(`${type.padEnd(26)}${row.join('')}`);
  }
  return lines.join('\n');
}
