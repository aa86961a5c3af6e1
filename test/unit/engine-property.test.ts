// Properties of the engine over random sequences of actions of every type, from random actors
// with random payloads, in a small chamber (12 seats): whatever is sent, the engine never
// throws, a refusal never changes anything, and the chamber's invariants hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_ROLES, ACTION_TYPES, actionBodySchema, type ActionType } from '../../shared/actions';
import { apply, applyInPlace } from '../../shared/engine/apply';
import { homeSeat } from '../../shared/engine/selectors';
import { createState } from '../../shared/engine/state';
import type { Action, Actor, Choice, Context, MeetingState, Subject } from '../../shared/types';
import { demoChamber } from '../../server/demo/chamber';
import { HOUR, MINUTE, SECOND, T0, smallChamber } from './helpers/meeting';

// Two chambers of 12 seats, m1–m12 in S01–S12: the demo fixture scaled down (one member per
// party, two independents, four substitutes) and a hand-built one with parties of several
// members (two substitutes), so the party-first rule has same-party requests to order.
const CHAMBERS = [demoChamber({ seatCount: 12 }).setup, smallChamber(12)];
// The second chamber runs with the annex's optional group budget (10 minutes per group per
// item) and one short remark per speech, so budgets and limits are reached in the runs.
const CONFIGS = [{ memberCount: 12 }, { memberCount: 12, groupBudgetSeconds: 600, shortRemark: { seconds: 30, perSpeech: 1 } }];
const MEMBERS = CHAMBERS[0]!.persons.filter((p) => p.kind === 'member').map((p) => p.id);
const PERSONS = [...new Set(CHAMBERS.flatMap((c) => c.persons.map((p) => p.id))), 'ghost'];
const SUBS = PERSONS.filter((p) => p.startsWith('sub'));
const SEATS = [...CHAMBERS[0]!.chamber.seats.map((s) => s.id), 'S99'];
const CHOICES: Choice[] = ['for', 'against', 'abstain'];
const KINDS = ['proposal', 'budget', 'question', 'memberProposal', 'election', 'report', 'other'] as const;
const DT = [0, SECOND, 30 * SECOND, 10 * MINUTE, 2 * HOUR, 25 * HOUR, 22 * 24 * HOUR];

/** Actions that move a meeting along; drawn more often so runs reach deep states. */
const CORE: ActionType[] = [
  'presence.checkIn',
  'presence.checkOut',
  'item.start',
  'item.finish',
  'floor.request',
  'floor.give',
  'floor.end',
  'floor.move',
  'vote.open',
  'vote.cast',
  'vote.cast',
  'vote.cast',
  'vote.close',
  'vote.manualResult',
  'vote.manualResult',
  'rollCall.demand',
  'division.demand',
  'division.setParts',
  'division.withdraw',
  'declaration.make',
  'declaration.demandVote',
  'declaration.confirm',
  'amendment.submit',
  'order.call',
  'amendment.withdraw',
  'record.nameVote',
];

type Step = { t: number; who: number; a: number; b: number; c: number; d: number; dt: number };

const stepArb: fc.Arbitrary<Step> = fc.record({
  t: fc.nat(10_000),
  who: fc.nat(10_000),
  a: fc.nat(10_000),
  b: fc.nat(10_000),
  c: fc.nat(10_000),
  d: fc.nat(10_000),
  dt: fc.nat(DT.length * 4 - 1),
});

const pick = <T,>(xs: readonly T[], n: number): T => xs[n % xs.length]!;

function shuffled<T>(xs: readonly T[], n: number): T[] {
  const out = [...xs];
  let k = n;
  for (let i = out.length - 1; i > 0; i--) {
    const j = k % (i + 1);
    k = Math.floor(k / (i + 1)) + 7 * i + 3;
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function subject(s: MeetingState, n: number, m: number): Subject {
  const amendments = Object.keys(s.amendments);
  // A pending motion is decided before anything else, so it is drawn often while it waits.
  if (s.pendingMotion && n % 3 !== 0) return { kind: 'motion', motionId: s.pendingMotion };
  switch (n % 10) {
    case 0:
      // § 24, stk. 5: often the chair's next part (or another) of a divided proposal.
      if (s.division && m % 3 !== 2) return { kind: 'proposal', part: pick(s.division.parts, m % 5 === 0 ? m : s.division.decided) };
      return m % 3 === 0 ? { kind: 'proposal', part: 'a' } : { kind: 'proposal' };
    case 1:
      return { kind: 'amendment', amendmentId: amendments.length ? pick(amendments, m) : 'am0' };
    case 2:
      return { kind: 'reading' };
    case 3:
      return { kind: 'closure' };
    case 4:
      return { kind: 'agendaOrder', order: m % 5 === 0 ? s.agenda.slice(1) : shuffled(s.agenda, m) };
    case 5:
      return { kind: 'denyFloor', personId: pick(PERSONS, m) };
    case 6:
      return { kind: 'disqualification', personId: pick(PERSONS, m) };
    case 7:
      return { kind: 'referral', committee: 'Økonomiudvalget' };
    case 8:
      // The pending motion (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3), sometimes one that is not.
      return { kind: 'motion', motionId: s.pendingMotion && m % 4 ? s.pendingMotion : pick([...Object.keys(s.motions), 'm0'], m) };
    default:
      return { kind: 'postpone' };
  }
}

function counts(n: number) {
  return { for: n % 7, against: Math.floor(n / 7) % 5, abstain: Math.floor(n / 35) % 3 };
}

/** A schema-valid body of `type` whose payload is drawn (in part) from the current state. */
function body(s: MeetingState, type: ActionType, { a, b, c }: Step): Record<string, unknown> {
  const items = [...s.agenda, 'zz'];
  const amendments = [...Object.keys(s.amendments), 'am0'];
  const votes = [...Object.keys(s.votes), 'v0'];
  const entries = [...s.record.map((e) => e.id), 'r0'];
  const current = s.currentItem ? s.items[s.currentItem] : undefined;
  switch (type) {
    case 'gallery.blank':
      return { blank: a % 2 === 0 };
    case 'chair.handOver':
      return { to: a % 3 === 0 ? pick(PERSONS, b) : pick(s.chair.line, b) };
    case 'chair.appointTemporary':
      return { personId: pick(PERSONS, a) };
    case 'seat.offline':
    case 'seat.online':
      return { seatId: pick(SEATS, a) };
    case 'substitute.callIn':
      return { memberId: pick(PERSONS, a), substituteId: b % 4 === 0 ? pick(PERSONS, c) : pick(SUBS, c) };
    case 'substitute.release':
      return { memberId: pick(PERSONS, a) };
    case 'agenda.add': {
      const doors = b % 3 === 0 ? 'closed' : 'open';
      return {
        item: {
          id: pick(['n1', 'n2', 'n3', 'a1', 'i1'], a),
          title: 'Nyt punkt',
          text: '',
          kind: pick(KINDS, b),
          doors,
          ...(c % 2 === 0 ? { closedReason: c % 4 === 0 ? ' ' : 'Personsag' } : {}),
          ...(c % 3 === 0 ? { readings: 2 } : {}),
          ...(c % 5 === 0 ? { speakingTime: { firstSeconds: 60, laterSeconds: 30 } } : {}),
          ...(c % 3 === 0 && c % 7 === 0 ? { amendmentDeadline: T0 + (a % 4) * HOUR } : {}),
        },
      };
    }
    case 'agenda.reorder':
      return { order: a % 6 === 0 ? s.agenda.slice(1) : shuffled(s.agenda, b), ...(c % 2 === 0 ? { reason: c % 4 === 0 ? '' : 'Praktisk' } : {}) };
    case 'item.start':
      return { itemId: pick(items, a) };
    case 'item.postpone':
      return a % 2 === 0 ? {} : { proposedBy: pick(PERSONS, b) };
    case 'item.refer':
      return { committee: 'Teknik- og Miljøudvalget' };
    case 'item.reopen':
      return { itemId: pick(items, a), reason: b % 2 === 0 ? 'kort' : 'Afgørende nye oplysninger fra forvaltningen' };
    case 'motion.propose':
      switch (a % 3) {
        case 0:
          return { motion: { kind: 'referral', committee: b % 5 === 0 ? ' ' : 'Økonomiudvalget' } };
        case 1:
          return { motion: { kind: 'postponement', ...(b % 2 ? { reason: 'Afventer høringssvar' } : {}) } };
        default:
          return { motion: { kind: 'reopening', itemId: pick(items, b), reason: c % 3 === 0 ? 'kort' : 'Afgørende nye oplysninger fra forvaltningen' } };
      }
    case 'item.setDoors':
      return { itemId: pick(items, a), doors: b % 2 === 0 ? 'open' : 'closed', ...(c % 2 === 0 ? { reason: 'Personsag' } : {}) };
    case 'floor.move': {
      const reqs = current?.debate.requests.map((r) => r.personId) ?? [];
      return { personId: reqs.length && a % 5 ? pick(reqs, a) : pick(PERSONS, a), toIndex: b % 5, reason: c % 4 === 0 ? ' ' : 'Replik' };
    }
    case 'order.call':
      return { personId: pick(PERSONS, a) };
    case 'floor.withdraw':
      return a % 2 ? {} : { kind: pick(['speech', 'remark', 'order'] as const, b) };
    case 'vote.open':
      return {
        point: 'Afstemningstema',
        subject: subject(s, a, b),
        // A show of hands (§ 24, stk. 1) half the times a mode is named: its result is the rarest path.
        ...(c % 3 === 0 ? { mode: pick(['electronic', 'rollCall', 'manual', 'manual'] as const, Math.floor(c / 3)) } : {}),
      };
    case 'vote.cast':
      return { choice: pick(CHOICES, a) };
    case 'vote.manualResult': {
      const k = counts(a);
      return { counts: k, counterCheck: b % 4 === 0 ? counts(b) : k };
    }
    case 'division.setParts':
      return { parts: a % 5 === 0 ? ['Alt'] : a % 7 === 0 ? ['Del', ' Del'] : ['Første del', 'Anden del', 'Tredje del'].slice(0, 2 + (b % 2)) };
    case 'declaration.make':
      return { point: 'Erklæring', subject: subject(s, a, b), expected: c % 2 === 0 ? 'adopted' : 'rejected' };
    case 'amendment.submit':
      return { text: 'Ændringsforslag', ...(a % 3 === 0 ? { parentId: pick(amendments, b) } : {}) };
    case 'amendment.withdraw':
      return { amendmentId: pick(amendments, a) };
    case 'item.setAmendmentDeadline':
      return { itemId: pick(items, a), deadline: b % 4 === 0 ? null : b % 4 === 1 ? new Date(T0 + (c % 6) * HOUR).toISOString() : T0 + (c % 6) * 10 * MINUTE };
    case 'amendment.order': {
      const order = current?.amendmentOrder ?? [];
      return { order: a % 5 === 0 ? [...order, 'am0'] : shuffled(order, b) };
    }
    case 'disqualification.notify':
      return a % 2 === 0 ? {} : { note: 'Nærtstående part' };
    case 'record.nameVote':
      return { voteId: pick(votes, a) };
    case 'record.dissent':
      return { entryId: pick(entries, a), text: b % 5 === 0 ? 'x'.repeat(s.config.dissentMaxLength + 1) : b % 7 === 0 ? '  ' : 'Imod.' };
    // §§ 27–28 (the elections module): payloads for its current schema; see `validBody`.
    case 'election.create':
      return {
        kind: a % 2 === 0 ? 'majority' : 'proportional',
        title: 'Valg',
        ...(b % 4 ? { candidates: [{ id: 'c1', name: 'Kandidat 1' }, { id: 'c2', name: 'Kandidat 2' }, { id: 'c3', name: 'Kandidat 3' }].slice(0, 1 + (b % 3)) } : {}),
        ...(c % 4 ? { seats: 1 + (c % 3) } : {}),
        ...(c % 5 === 0 ? { appointment: true } : {}),
      };
    case 'election.cast':
      return a % 5 === 0 ? {} : { candidateId: pick(['c1', 'c2', 'c3', 'cX'], b) };
    case 'election.closeRound':
      return a % 2 === 0 ? {} : { tally: { c1: b % 5, c2: c % 5 } };
    case 'election.setLists':
      return {
        lists: [
          { id: 'L1', name: 'Liste 1', members: MEMBERS.slice(0, 1 + (a % 6)) },
          { id: 'L2', name: 'Liste 2', members: MEMBERS.slice(6, 7 + (b % 6)), ...(c % 3 === 0 ? { held: 1 } : {}) },
        ],
      };
    case 'election.renounce':
      return { listId: pick(['L1', 'L2', 'L9'], a), seats: 1 + (b % 2) };
    case 'election.nameSeat':
      return { pick: 1 + (a % 3), personId: pick(PERSONS, b) };
    default:
      return {};
  }
}

/** Only bodies that pass the server's zod schema reach the engine; others are skipped. */
function validBody(s: MeetingState, type: ActionType, step: Step): Record<string, unknown> | null {
  const b = { type, ...body(s, type, step) };
  if (actionBodySchema.safeParse(b).success) return b;
  return actionBodySchema.safeParse({ type }).success ? { type } : null;
}

function actorFor(s: MeetingState, type: ActionType, { who, d }: Step): Actor {
  const roles = ACTION_ROLES[type];
  const role = d % 8 === 0 ? pick(['member', 'chair', 'secretariat', 'system'] as const, who) : pick(roles, who);
  switch (role) {
    case 'member': {
      // Mostly someone seated (so the rules, not the door, decide), sometimes anyone.
      const seated = Object.values(s.presence).map((o) => o.personId);
      const personId =
        d % 5 === 1 ? pick(PERSONS, who) : d % 5 === 2 || seated.length === 0 ? pick(MEMBERS.concat(SUBS), who) : pick(seated, who);
      const seatId = d % 7 === 3 ? pick(SEATS, d) : (homeSeat(s, personId) ?? pick(SEATS, d));
      return { role: 'member', personId, seatId };
    }
    case 'chair':
      return { role: 'chair', personId: d % 6 === 2 ? pick(PERSONS, who) : (s.chair.acting ?? pick(s.chair.line, who)) };
    case 'secretariat':
      return { role: 'secretariat', id: 'sek' };
    default:
      return { role: 'system' };
  }
}

/** A prelude most runs start with: nine members in, the meeting open, an item under debate. */
function prelude(s: MeetingState, ctx: Context) {
  for (const p of MEMBERS.slice(0, 9)) {
    const r = applyInPlace(s, { type: 'presence.checkIn', actor: { role: 'member', personId: p, seatId: homeSeat(s, p)! } }, ctx);
    expect(r.ok).toBe(true);
  }
  for (const a of [{ type: 'meeting.open' }, { type: 'item.start', itemId: s.agenda[0]! }] as const) {
    expect(applyInPlace(s, { ...a, actor: { role: 'chair', personId: s.chair.acting! } } as Action, ctx).ok).toBe(true);
  }
}

/** A cheap assertion for the hot loop (vitest's `expect` costs too much at 12 000 steps). */
function assert(cond: unknown, msg: () => string): asserts cond {
  if (!cond) throw new Error(msg());
}

/** JSON with sorted keys: deep equality as JSON sees it, whatever order keys were added in. */
function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Deep-equal as JSON (the fast path first: same key order). */
function sameJson(a: string, b: unknown): boolean {
  const bs = typeof b === 'string' ? b : JSON.stringify(b);
  return a === bs || canon(JSON.parse(a)) === canon(JSON.parse(bs));
}

function checkInvariants(s: MeetingState) {
  const seatIds = new Set(s.chamber.seats.map((x) => x.id));
  // Seats: real seats only, nobody in two seats, never more than the chamber holds.
  const occupants: string[] = [];
  for (const [seat, occ] of Object.entries(s.presence)) {
    assert(seatIds.has(seat), () => `unknown seat ${seat} occupied`);
    assert(s.persons[occ.personId], () => `unknown person ${occ.personId} seated`);
    occupants.push(occ.personId);
  }
  assert(occupants.length <= seatIds.size, () => 'more present than seats');
  assert(new Set(occupants).size === occupants.length, () => `a person sits twice: ${occupants.join(',')}`);
  // § 8: a member replaced by a substitute is not seated beside them.
  for (const [member, sub] of Object.entries(s.substitutes))
    assert(!(occupants.includes(member) && occupants.includes(sub)), () => `${member} and substitute ${sub} both seated`);
  // § 19 and its annex: nobody stands twice on a speaker list for the same kind of speech.
  for (const item of Object.values(s.items)) {
    const ids = item.debate.requests.map((r) => `${r.kind ?? 'speech'}:${r.personId}`);
    assert(new Set(ids).size === ids.length, () => `twice on the list of ${item.id}: ${ids.join(',')}`);
  }
  // Annex (bilag 1): a speech draws no more short remarks than allowed, each to an ordinary
  // speech of another member; a group's speeches end by its time on the item.
  for (const item of Object.values(s.items)) {
    const rule = s.config.shortRemark;
    const counts = new Map<number, number>();
    for (const sp of item.speeches) {
      if (sp.kind !== 'remark') continue;
      const target = item.speeches[sp.to!];
      assert(target && (target.kind === 'first' || target.kind === 'later'), () => `${item.id}: a remark to ${sp.to} answers no speech`);
      assert(target.personId !== sp.personId, () => `${item.id}: ${sp.personId} remarks on their own speech`);
      counts.set(sp.to!, (counts.get(sp.to!) ?? 0) + 1);
    }
    for (const r of item.debate.requests) if (r.kind === 'remark') counts.set(r.to!, (counts.get(r.to!) ?? 0) + 1);
    for (const [to, n] of counts) assert(rule && n <= rule.perSpeech, () => `${item.id}: speech ${to} drew ${n} remarks`);
    const sp = item.debate.speaking;
    const budget = s.config.groupBudgetSeconds;
    if (sp && budget !== null && sp.kind !== 'order')
      assert(sp.deadline - sp.startedAt <= budget * 1000, () => `${item.id}: a speech runs past its group's time`);
  }
  // § 16: a closed vote counts only ballots of persons it found present.
  for (const v of Object.values(s.votes)) {
    if (v.status === 'open') {
      assert(s.activeVote === v.id, () => `open vote ${v.id} is not the active vote`);
      continue;
    }
    const r = v.result!;
    assert(new Set(r.present).size === r.present.length, () => `${v.id}: present twice`);
    const total = r.for + r.against + r.abstain;
    assert(total <= r.present.length, () => `${v.id}: ${total} votes counted, ${r.present.length} present`);
    if (!r.manual) {
      for (const c of CHOICES) {
        const n = r.present.filter((p) => v.ballots[p] === c).length;
        assert(r[c] === n, () => `${v.id}: ${c} counted ${r[c]}, ballots of present persons ${n}`);
      }
      const byGroup = Object.values(r.byGroup).reduce((n, g) => n + g.for + g.against + g.abstain, 0);
      assert(byGroup === total, () => `${v.id}: groups sum to ${byGroup}, counts to ${total}`);
    }
    for (const n of r.named) assert(n.choice === null || r.present.includes(n.personId), () => `${v.id} names absent ${n.personId}`);
    assert(r.adopted === r.for > r.against, () => `${v.id}: adopted ${r.adopted} with ${r.for} for, ${r.against} against`);
  }
  if (s.activeVote) assert(s.votes[s.activeVote]?.status === 'open', () => 'active vote is not open');
  // § 24, stk. 5: parts belong to the item on the floor while division stands, and are decided in order.
  if (s.division) {
    assert(s.division.itemId === s.currentItem && s.demands.division.length > 0, () => `division ${JSON.stringify(s.division)} without its item or demand`);
    assert(s.division.decided <= s.division.parts.length, () => `more parts decided than worded: ${JSON.stringify(s.division)}`);
  }
  // One motion at a time, and the pending one is undecided; § 26, stk. 2: while a referral
  // motion is pending, its item is the one under debate.
  const pending = s.pendingMotion ? s.motions[s.pendingMotion] : undefined;
  assert(!s.pendingMotion || pending?.status === 'pending', () => `pending motion ${s.pendingMotion} is not pending`);
  assert(Object.values(s.motions).filter((x) => x.status === 'pending').length === (pending ? 1 : 0), () => 'a motion is pending but not the pending one');
  if (pending && pending.kind !== 'reopening') assert(s.currentItem === pending.itemId, () => `motion on ${pending.itemId} while ${s.currentItem} is current`);
}

interface Stats {
  accepted: number;
  refused: number;
  skipped: number;
  types: Set<string>;
  /** Motions the council decided (a vote or declaration on `{ kind: 'motion' }` took effect). */
  motionsDecided: number;
}

/** Runs `numRuns` random meetings of 60 steps, drawing action types from `types`. */
function runProperty(types: readonly ActionType[], numRuns: number, seed = Number(process.env.FC_SEED ?? 20261123), into?: Stats): Stats {
  const stats: Stats = into ?? { accepted: 0, refused: 0, skipped: 0, types: new Set<string>(), motionsDecided: 0 };
  const core = CORE.filter((t) => types.includes(t));
  fc.assert(
    fc.property(fc.nat(3), fc.nat(1), fc.array(stepArb, { minLength: 60, maxLength: 60 }), (start, chamber, steps) => {
      const withPrelude = start > 0;
      let s = createState(CHAMBERS[chamber]!, CONFIGS[chamber]);
      let now = T0;
      if (withPrelude) prelude(s, { now });
      for (const step of steps) {
        now += DT[step.dt % DT.length]! * (step.dt < DT.length * 3 ? 0 : 1) + SECOND;
        let type = step.t % 2 === 0 ? pick(core, step.t >> 1) : pick(types, step.t >> 1);
        // Closing the meeting ends a run's interest; keep it rare.
        if (type === 'meeting.close' && step.a % 6 !== 0) type = 'vote.cast';
        const b = validBody(s, type, step);
        if (!b) {
          stats.skipped++;
          continue;
        }
        const action = { ...b, actor: actorFor(s, type, step) } as Action;
        const ctx: Context = { now, random: `r${step.c}` };
        const before = JSON.stringify(s);
        const what = () => `${JSON.stringify(action)} at ${now}`;
        let r: ReturnType<typeof apply>;
        try {
          r = apply(s, action, ctx);
        } catch (e) {
          throw new Error(`apply threw on ${what()}: ${(e as Error).stack}`, { cause: e });
        }
        assert(JSON.stringify(s) === before, () => `apply mutated its input: ${what()}`);
        // The in-place path (the server's and replay's) must agree, on acceptance and refusal.
        const copy = JSON.parse(before) as MeetingState;
        const r2 = applyInPlace(copy, action, ctx);
        const after = JSON.stringify(copy);
        if (r.ok) {
          stats.accepted++;
          stats.types.add(type);
          assert(r.state.version === s.version + 1, () => `version ${s.version} → ${r.state.version}: ${what()}`);
          assert(r2.ok && sameJson(after, r.state), () => `applyInPlace differs from apply: ${what()}`);
          // A closed vote never changes again but by a name vote on it (§ 29, stk. 2): the server's
          // pushes skip the other closed votes on that ground.
          const named = action.type === 'record.nameVote' ? (action as { voteId: string }).voteId : null;
          for (const [id, v] of Object.entries((JSON.parse(before) as MeetingState).votes))
            if (v.status === 'closed' && id !== named) assert(sameJson(JSON.stringify(v), r.state.votes[id]), () => `closed vote ${id} changed: ${what()}`);
          if (s.pendingMotion && r.state.motions[s.pendingMotion]?.status !== 'pending' && r.state.motions[s.pendingMotion]) stats.motionsDecided++;
          s = r.state;
          checkInvariants(s);
        } else {
          stats.refused++;
          assert(r.code && r.paragraph && r.message.da && r.message.en, () => `refusal without code, § or text: ${what()}`);
          assert(!r2.ok && r2.code === r.code, () => `applyInPlace gave ${r2.ok ? 'ok' : r2.code}, apply ${r.code}: ${what()}`);
          if (!sameJson(after, before)) {
            expect(JSON.parse(after), `${type} refused ${r.code} but changed the state in place: ${what()}`).toEqual(JSON.parse(before));
          }
        }
      }
    }),
    { numRuns, seed, interruptAfterTimeLimit: 60_000 },
  );
  return stats;
}

const ENGINE_TYPES = ACTION_TYPES.filter((t) => !t.startsWith('election.'));

describe('engine properties over random action sequences (12 seats)', () => {
  it('never throws; versions grow by one per accepted action; refusals change nothing; invariants hold', () => {
    // Each new action type thins the draw of the others: two seeds of 130 runs each keep the
    // depth and the coverage honest without one lucky seed carrying every action type.
    const seed = Number(process.env.FC_SEED ?? 20261123);
    const runs = Number(process.env.FC_RUNS ?? 130);
    const stats = runProperty(ENGINE_TYPES, runs, seed + 1, runProperty(ENGINE_TYPES, runs, seed));
    if (process.env.FC_STATS) console.log(stats.accepted, stats.refused, stats.skipped, [...stats.types].sort().join(' '));
    // The runs reach deep into the meeting, not just refusals at the door.
    expect(stats.accepted).toBeGreaterThan(2000);
    for (const t of ['vote.open', 'vote.cast', 'vote.close', 'floor.give', 'amendment.submit', 'declaration.confirm', 'item.start', 'vote.manualResult', 'division.setParts', 'division.withdraw', 'motion.propose'])
      expect(stats.types.has(t), `never accepted ${t}`).toBe(true);
  });

  it('the same, in the debate alone: the annex’s kinds of speech (short remark, point of order) and the group budget', () => {
    const DEBATE: ActionType[] = [
      'floor.request', 'floor.requestRemark', 'floor.requestOrder', 'floor.withdraw', 'floor.give', 'floor.end',
      'floor.yield', 'floor.move', 'presence.checkOut', 'presence.checkIn', 'closure.demand', 'item.finish', 'item.start',
    ];
    const stats = runProperty(DEBATE, Number(process.env.FC_RUNS ?? 60));
    for (const t of ['floor.requestRemark', 'floor.requestOrder', 'floor.give'])
      expect(stats.types.has(t), `never accepted ${t}`).toBe(true);
  });

  it('the same, weighted to procedural motions (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3)', () => {
    const types: ActionType[] = [
      'motion.propose', 'motion.propose', 'motion.withdraw', 'item.finish', 'item.start', 'item.reopen', 'item.postpone', 'item.refer',
      'floor.request', 'floor.give', 'floor.end', 'vote.open', 'vote.close', 'vote.manualResult', 'declaration.make',
      'declaration.demandVote', 'declaration.confirm', 'presence.checkOut', 'presence.checkIn', 'order.call', 'vote.cast',
    ];
    const stats = runProperty(types, Number(process.env.FC_RUNS ?? 60));
    expect(stats.types.has('motion.propose')).toBe(true);
    expect(stats.types.has('motion.withdraw')).toBe(true);
    expect(stats.motionsDecided, 'no motion was ever decided').toBeGreaterThan(5);
  });

  it('the same, with the elections module’s actions (§§ 27–28) in the mix', () => {
    const stats = runProperty(ACTION_TYPES, Number(process.env.FC_RUNS ?? 50));
    expect(stats.types.has('election.create')).toBe(true);
  });
});
