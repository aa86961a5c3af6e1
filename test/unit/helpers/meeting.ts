// A small DSL for the engine tests: a live meeting driven through the pure API, with every
// attempted action logged (with its context) so a test can replay it.
//
//   const m = meeting();                     // the demo chamber, 55 seats
//   m.checkInAll(28); m.open();
//   m.as('m1').do({ type: 'floor.request' });
//   m.chair.do({ type: 'floor.give' });
//   m.as('m2').refuse({ type: 'floor.yield' }, 'NOT_SPEAKER', '§ 19, stk. 3');
import { expect } from 'vitest';
import { demoChamber } from '../../../server/demo/chamber';
import type { ActionBody } from '../../../shared/actions';
import type { ChamberConfig } from '../../../shared/config';
import { apply, applyInPlace } from '../../../shared/engine/apply';
import { homeSeat } from '../../../shared/engine/selectors';
import { createState } from '../../../shared/engine/state';
import { REFUSALS, type RefusalCode } from '../../../shared/refusals';
import type {
  Action,
  Actor,
  Choice,
  Context,
  EngineEvent,
  Group,
  ItemSetup,
  MeetingSetup,
  MeetingState,
  Person,
  PersonId,
  Refusal,
  Seat,
  Subject,
  Vote,
} from '../../../shared/types';

/** 18:00 Copenhagen time (CET) on a Monday in November 2026: well before the § 7 limit. */
export const T0 = Date.UTC(2026, 10, 23, 17, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Logged = { action: Action; ctx: Context };

/** A JSON snapshot: what "deep-equal" means for states in these tests. */
export function snap<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Asserts that `r` is the refusal `code` and that it cites `paragraph` (and the table agrees). */
export function expectRefusal(r: { ok: boolean }, code: RefusalCode, paragraph: string): asserts r is Refusal {
  expect(r.ok, `expected refusal ${code}`).toBe(false);
  const ref = r as Refusal;
  expect(ref.code).toBe(code);
  expect(ref.paragraph).toBe(paragraph);
  // Each code cites its catalogue paragraph, except a repeated demand, which cites the
  // paragraph of the demand made (§ 18, § 20, § 24, § 27, § 28 or § 29).
  if (code !== 'ALREADY_DEMANDED') expect(ref.paragraph).toBe(REFUSALS[code][0]);
  expect(ref.message.da.length).toBeGreaterThan(0);
  expect(ref.message.en.length).toBeGreaterThan(0);
}

/**
 * A compact chamber built by hand (the demo fixture scaled to 12 seats has one member per
 * party): parties P, Q, R with several members each, then two independents in group LG.
 * Seats S01.. in person order; chair line is the first member of P, Q and R; two
 * substitutes (P and Q).
 */
export function smallChamber(seatCount = 12): MeetingSetup {
  const groups: Group[] = [
    { id: 'P', letter: 'P', name: 'Parti P', color: '#111', independent: false },
    { id: 'Q', letter: 'Q', name: 'Parti Q', color: '#222', independent: false },
    { id: 'R', letter: 'R', name: 'Parti R', color: '#333', independent: false },
    { id: 'LG', letter: 'LG', name: 'Løsgænger', color: '#444', independent: true },
  ];
  const seats: Seat[] = [];
  const persons: Person[] = [];
  const partyCount = seatCount - 2;
  const sizes = [Math.ceil(partyCount / 2), Math.floor(partyCount / 4), 0];
  sizes[2] = partyCount - sizes[0]! - sizes[1]!;
  const slots: string[] = [];
  ['P', 'Q', 'R'].forEach((g, i) => {
    for (let j = 0; j < sizes[i]!; j++) slots.push(g);
  });
  slots.push('LG', 'LG');
  slots.forEach((g, i) => {
    const seatId = `S${String(i + 1).padStart(2, '0')}`;
    seats.push({ id: seatId, label: String(i + 1), x: i, y: 0 });
    persons.push({ id: `m${i + 1}`, name: `Medlem ${i + 1}`, groupId: g, kind: 'member', seatId });
  });
  persons.push({ id: 'sub1', name: 'Stedfortræder 1', groupId: 'P', kind: 'substitute', seatId: null });
  persons.push({ id: 'sub2', name: 'Stedfortræder 2', groupId: 'Q', kind: 'substitute', seatId: null });
  const firstOf = (g: string) => persons.find((p) => p.groupId === g && p.kind === 'member')!.id;
  return {
    title: 'Testmøde',
    chamber: { name: 'Testsal', seats },
    groups,
    persons,
    chairLine: [firstOf('P'), firstOf('Q'), firstOf('R')],
    agenda: smallAgenda(),
  };
}

export function smallAgenda(): ItemSetup[] {
  return [
    { id: 'a1', title: 'Punkt 1', text: '', kind: 'proposal', doors: 'open', proposal: 'At 1 vedtages.' },
    { id: 'a2', title: 'Punkt 2 (lukket)', text: '', kind: 'proposal', doors: 'closed', closedReason: 'Personsag (§ 2, stk. 2)' },
    { id: 'a3', title: 'Punkt 3', text: '', kind: 'proposal', doors: 'open', readings: 2 },
    { id: 'a4', title: 'Budget', text: '', kind: 'budget', doors: 'open', readings: 2, speakingTime: { firstSeconds: 60, laterSeconds: 30 } },
  ];
}

export interface Party {
  readonly actor: Actor;
  /** The action this party would send. */
  action(body: ActionBody): Action;
  /** Applies and expects acceptance; returns the events. */
  do(body: ActionBody): EngineEvent[];
  /** Applies and returns the raw result (accepted or refused), logging it. */
  try(body: ActionBody): ReturnType<typeof apply>;
  /** Expects the refusal `code` citing `paragraph`, with the state untouched. */
  refuse(body: ActionBody, code: RefusalCode, paragraph: string): Refusal;
}

export interface MeetingOptions {
  seatCount?: number;
  setup?: MeetingSetup;
  config?: Partial<ChamberConfig>;
  now?: number;
}

export class TestMeeting {
  readonly setup: MeetingSetup;
  readonly initial: MeetingState;
  state: MeetingState;
  now: number;
  /** Every action tried, accepted or refused, with its context: the replay log. */
  readonly history: Logged[] = [];
  /** Events of accepted actions, in order. */
  readonly events: EngineEvent[] = [];

  constructor(opts: MeetingOptions = {}) {
    this.setup = opts.setup ?? demoChamber({ seatCount: opts.seatCount ?? 55 }).setup;
    this.initial = createState(this.setup, opts.config ?? {});
    this.state = structuredClone(this.initial);
    this.now = opts.now ?? T0;
  }

  get ctx(): Context {
    return { now: this.now };
  }

  /** Advance the clock. */
  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  at(now: number): this {
    this.now = now;
    return this;
  }

  // ── parties ────────────────────────────────────────────────────────────────
  party(actor: Actor): Party {
    const run = (body: ActionBody) => this.run({ ...body, actor } as Action);
    return {
      actor,
      action: (body) => ({ ...body, actor }) as Action,
      try: run,
      do: (body) => {
        const r = run(body);
        if (!r.ok) throw new Error(`${body.type} by ${JSON.stringify(actor)} refused: ${r.code} (${r.message.en})`);
        return r.events;
      },
      refuse: (body, code, paragraph) => this.expectRefused({ ...body, actor } as Action, code, paragraph),
    };
  }

  /** A member (or called-in substitute) acting from the seat they sit in by right, or `seatId`. */
  as(personId: PersonId, seatId?: string): Party {
    const seat = seatId ?? homeSeat(this.state, personId) ?? this.state.persons[personId]?.seatId ?? 'S00';
    return this.party({ role: 'member', personId, seatId: seat });
  }

  /** The acting chair (§ 18, stk. 2), resolved now. */
  get chair(): Party {
    const acting = this.state.chair.acting;
    if (!acting) throw new Error('no acting chair');
    return this.party({ role: 'chair', personId: acting });
  }

  /** Someone sending chair actions from a chair console, acting or not. */
  chairAs(personId: PersonId): Party {
    return this.party({ role: 'chair', personId });
  }

  get secretariat(): Party {
    return this.party({ role: 'secretariat', id: 'sek' });
  }

  get system(): Party {
    return this.party({ role: 'system' });
  }

  // ── core ───────────────────────────────────────────────────────────────────
  run(action: Action): ReturnType<typeof apply> {
    const ctx = this.ctx;
    this.history.push({ action: structuredClone(action), ctx });
    const r = apply(this.state, action, ctx);
    if (r.ok) {
      expect(r.state.version).toBe(this.state.version + 1);
      this.state = r.state;
      this.events.push(...r.events);
    }
    return r;
  }

  /**
   * The refusal `code` citing `paragraph`; the state is deep-equal to before (through
   * `apply`, and through `applyInPlace` on a copy, which must not mutate before refusing).
   */
  expectRefused(action: Action, code: RefusalCode, paragraph: string): Refusal {
    const before = snap(this.state);
    const r = this.run(action);
    expectRefusal(r, code, paragraph);
    expect(snap(this.state)).toEqual(before);
    const copy = structuredClone(this.state);
    const r2 = applyInPlace(copy, action, this.ctx);
    expectRefusal(r2, code, paragraph);
    expect(snap(copy)).toEqual(before);
    return r;
  }

  // ── people ─────────────────────────────────────────────────────────────────
  get members(): PersonId[] {
    return this.setup.persons.filter((p) => p.kind === 'member').map((p) => p.id);
  }

  group(groupId: string): PersonId[] {
    return this.setup.persons.filter((p) => p.kind === 'member' && p.groupId === groupId).map((p) => p.id);
  }

  groupOf(personId: PersonId): string {
    return this.state.persons[personId]!.groupId;
  }

  get chairLine(): PersonId[] {
    return this.setup.chairLine;
  }

  /** Checks in the first `n` members (in person order); returns them. */
  checkInAll(n = this.members.length): PersonId[] {
    const ids = this.members.slice(0, n);
    for (const id of ids) this.as(id).do({ type: 'presence.checkIn' });
    return ids;
  }

  checkIn(...ids: PersonId[]): this {
    for (const id of ids) this.as(id).do({ type: 'presence.checkIn' });
    return this;
  }

  checkOut(...ids: PersonId[]): this {
    for (const id of ids) this.as(id).do({ type: 'presence.checkOut' });
    return this;
  }

  present(): PersonId[] {
    return Object.values(this.state.presence)
      .filter((o) => o.online)
      .map((o) => o.personId);
  }

  // ── common sequences ───────────────────────────────────────────────────────
  open(): this {
    this.chair.do({ type: 'meeting.open' });
    return this;
  }

  start(itemId: string): this {
    this.chair.do({ type: 'item.start', itemId });
    return this;
  }

  finish(): this {
    this.chair.do({ type: 'item.finish' });
    return this;
  }

  request(...ids: PersonId[]): this {
    for (const id of ids) this.as(id).do({ type: 'floor.request' });
    return this;
  }

  /** Gives the floor to the head of the list and ends the speech; returns who spoke. */
  speakNext(): PersonId {
    const events = this.chair.do({ type: 'floor.give' });
    const given = events.find((e) => e.type === 'floor.given');
    this.chair.do({ type: 'floor.end' });
    return given!.personId as PersonId;
  }

  get item() {
    const id = this.state.currentItem;
    if (!id) throw new Error('no current item');
    return this.state.items[id]!;
  }

  get vote(): Vote {
    const id = this.state.activeVote;
    if (!id) throw new Error('no active vote');
    return this.state.votes[id]!;
  }

  lastVote(): Vote {
    const votes = Object.values(this.state.votes);
    return votes[votes.length - 1]!;
  }

  openVote(subject: Subject, point = 'Afstemning', mode?: 'electronic' | 'rollCall' | 'manual'): Vote {
    this.chair.do({ type: 'vote.open', point, subject, ...(mode ? { mode } : {}) });
    return this.vote;
  }

  /** Casts the ballots given, in the order given. */
  cast(ballots: Record<PersonId, Choice>): this {
    for (const [p, c] of Object.entries(ballots)) this.as(p).do({ type: 'vote.cast', choice: c });
    return this;
  }

  closeVote(): Vote {
    const id = this.state.activeVote!;
    this.chair.do({ type: 'vote.close' });
    return this.state.votes[id]!;
  }

  /** Opens, has `fors` vote for and `againsts` vote against, closes; returns the closed vote. */
  decide(subject: Subject, fors: PersonId[], againsts: PersonId[] = [], point = 'Afstemning'): Vote {
    this.openVote(subject, point);
    for (const p of fors) this.as(p).do({ type: 'vote.cast', choice: 'for' });
    for (const p of againsts) this.as(p).do({ type: 'vote.cast', choice: 'against' });
    return this.closeVote();
  }

  eventsOf(type: string): EngineEvent[] {
    return this.events.filter((e) => e.type === type);
  }
}

export function meeting(opts: MeetingOptions = {}): TestMeeting {
  return new TestMeeting(opts);
}

/**
 * The usual start: 55 members checked in, the meeting open, item `itemId` (default the
 * first open proposal, i2) under debate.
 */
export function debating(itemId = 'i2', opts: MeetingOptions & { present?: number } = {}): TestMeeting {
  const m = meeting(opts);
  m.checkInAll(opts.present ?? m.members.length);
  m.open();
  m.start(itemId);
  return m;
}
