import type { ItemSetup, MeetingSetup } from '../../shared/types';
import { makeConfig, type ChamberConfig } from '../../shared/config';
import {
  activationRefusal,
  extraordinaryDemandMet,
  meetingStart,
  noticeShort,
  publicationRefusal,
  secondReadingFrom,
  termRefusal,
  urgentWithoutReason,
  validDate,
  type AwaitingItem,
  type MeetingDetails,
  type MeetingStatus,
  type MeetingSummary,
  type TermRefusal,
} from '../../shared/term/lifecycle';
import { meetingPlanSchema, meetingRefSchema, meetingUpdateSchema, type MeetingPlan } from '../../shared/term/payloads';
import type { AckRefusal } from '../../shared/protocol';
import { getMeta, setMeta, type Council, type DB } from '../store/db';
import { RecordStore } from '../record/store';
import { malformed } from './malformed';
import { serverRefusal, type MeetingService } from './service';
import { log } from '../ops/log';

interface Row {
  id: string;
  ord: number;
  title: string;
  date: string;
  time: string;
  status: MeetingStatus;
  agenda: string;
  setup: string | null;
  base_version: number;
  notice_sent_at: number | null;
  extraordinary: string | null;
  carried: string;
  published_at: number | null;
}

type Answer = { ok: true; meeting: MeetingDetails } | AckRefusal | TermRefusal;

const MEETING = { da: 'Ugyldigt møde', en: 'Malformed meeting' };

/**
 * The council's term (shared/term/lifecycle.ts): the meetings the secretariat prepares, the
 * one live in the chamber, and each one's status from planned to published. Rules are asked
 * of shared/; this keeps the rows and moves the live meeting.
 */
export class Term {
  private listeners: (() => void)[] = [];
  /** A closed meeting's items awaiting a second reading: its log no longer changes, so replayed once. */
  private awaitingCache = new Map<string, AwaitingItem[]>();

  constructor(
    readonly service: MeetingService,
    readonly clock: () => number = Date.now,
  ) {
    // The engine's status is in the log; a row from before the term (or a crash between) follows it.
    this.followEngine();
    service.onCommitted((c) => {
      if (c.actions.some((a) => a.type === 'meeting.open' || a.type === 'meeting.close')) this.changed();
    });
  }

  get db(): DB {
    return this.service.db;
  }

  /** Told after any meeting changed (the secretariat's `meetings` push). */
  onChange(cb: () => void) {
    this.listeners.push(cb);
  }

  private changed() {
    for (const cb of this.listeners)
      try {
        cb();
      } catch (e) {
        log.error({ event: 'error', err: e }, 'a term listener failed');
      }
  }

  private rows(): Row[] {
    return this.db.prepare('SELECT * FROM meetings ORDER BY ord').all() as Row[];
  }
  private row(id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Row | undefined;
  }

  private config(): ChamberConfig {
    return makeConfig(getMeta<Partial<ChamberConfig>>(this.db, 'config') ?? {});
  }

  private followEngine() {
    const s = this.service.state.meeting.status;
    const status = s === 'closed' ? 'closed' : s === 'planned' ? 'planned' : 'open';
    this.db.prepare("UPDATE meetings SET status = ? WHERE id = ? AND status IN ('planned', 'open')").run(status, this.service.meetingId);
    const signed = this.db.prepare('SELECT COUNT(*) AS n FROM record_signatures WHERE meeting = ?').get(this.service.meetingId) as { n: number };
    if (signed.n >= 2) this.db.prepare("UPDATE meetings SET status = 'signed' WHERE id = ? AND status = 'closed'").run(this.service.meetingId);
  }

  private details(r: Row): MeetingDetails {
    return {
      ...this.summaryOf(r),
      agenda: JSON.parse(r.agenda) as ItemSetup[],
      noticeSentAt: r.notice_sent_at,
      extraordinary: r.extraordinary ? (JSON.parse(r.extraordinary) as MeetingDetails['extraordinary']) : null,
      publishedAt: r.published_at,
      carried: JSON.parse(r.carried) as Record<string, string>,
      awaitingSecondReading: this.awaiting(r),
    };
  }

  /** § 21: the items a later meeting may carry (not those already carried elsewhere). */
  private awaiting(r: Row): AwaitingItem[] {
    if (r.setup === null || !['closed', 'signed', 'published'].includes(r.status)) return [];
    let all = this.awaitingCache.get(r.id);
    if (!all) {
      try {
        const state = this.recordStore(r.id).state();
        if (state.meeting.status !== 'closed') return [];
        all = state.agenda.flatMap((id) => {
          const i = state.items[id];
          return i && i.status === 'awaitingSecondReading' && i.firstReadingAt !== null ? [{ itemId: i.id, title: i.title, kind: i.kind, firstReadingAt: i.firstReadingAt }] : [];
        });
      } catch (e) {
        log.error({ event: 'error', err: e, meeting: r.id }, 'replaying a closed meeting failed');
        return [];
      }
      this.awaitingCache.set(r.id, all);
    }
    const carried = JSON.parse(r.carried) as Record<string, string>;
    return all.filter((i) => !carried[i.itemId]);
  }

  private summaryOf(r: Row): MeetingSummary {
    return { id: r.id, title: r.title, date: r.date, time: r.time, status: r.status, live: r.id === this.service.meetingId };
  }

  /** `GET /api/meetings`: id, title, date, time, status; open to anyone (the titles are on the public agendas). */
  list(): MeetingSummary[] {
    return this.rows().map((r) => this.summaryOf(r));
  }

  all(): MeetingDetails[] {
    return this.rows().map((r) => this.details(r));
  }

  get(id: string): MeetingDetails | null {
    const r = this.row(id);
    return r ? this.details(r) : null;
  }

  /** A meeting's record (its own log replayed unless it is the live one). */
  recordStore(id: string): RecordStore {
    return new RecordStore(this.service, this.clock, id);
  }

  plan(raw: unknown): Answer {
    const parsed = meetingPlanSchema.safeParse(raw);
    if (!parsed.success) return malformed(MEETING, parsed.error);
    const plan = parsed.data;
    const ord = ((this.db.prepare('SELECT MAX(ord) AS n FROM meetings').get() as { n: number | null }).n ?? 0) + 1;
    const id = `m${ord}`;
    return this.write(id, plan, (agenda, carried) => {
      this.db
        .prepare(
          'INSERT INTO meetings (id, ord, title, date, time, status, agenda, extraordinary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, ord, plan.title, plan.date, plan.time, 'planned', JSON.stringify(agenda), plan.extraordinary ? JSON.stringify({ demandedBy: plan.extraordinary.demandedBy, at: this.clock() }) : null, this.clock());
      this.markCarried(carried, id);
    });
  }

  update(raw: unknown): Answer {
    const parsed = meetingUpdateSchema.safeParse(raw);
    if (!parsed.success) return malformed(MEETING, parsed.error);
    const { meetingId, ...change } = parsed.data;
    const r = this.row(meetingId);
    if (!r) return termRefusal('UNKNOWN_MEETING');
    // The live meeting's set-up is fixed when it goes live: its agenda changes in the chamber (§ 20).
    if (r.status !== 'planned' || r.setup !== null) return termRefusal('MEETING_NOT_PLANNED');
    const current = this.details(r);
    // The agenda a client sends is the meeting's own items; the items carried here (their
    // first reading is the server's to state) stay unless `carry` names another set.
    const carriedHere = current.agenda.flatMap((i) => (i.carriedFrom ? [i.carriedFrom] : []));
    const plan: MeetingPlan = {
      title: change.title ?? current.title,
      date: change.date ?? current.date,
      time: change.time ?? current.time,
      agenda: change.agenda ?? current.agenda.filter((i) => !i.carriedFrom),
      carry: change.carry ?? carriedHere,
      // Left out: the demand stays; null: the meeting is no longer an extraordinary one.
      extraordinary: change.extraordinary === null ? null : (change.extraordinary ?? (current.extraordinary ? { demandedBy: current.extraordinary.demandedBy } : null)),
    };
    return this.write(meetingId, plan, (agenda, carried) => {
      // Carried items dropped from the agenda are free to move again.
      const kept = new Set(agenda.filter((i) => i.carriedFrom).map((i) => `${i.carriedFrom!.meetingId}/${i.carriedFrom!.itemId}`));
      for (const old of current.agenda)
        if (old.carriedFrom && !kept.has(`${old.carriedFrom.meetingId}/${old.carriedFrom.itemId}`)) this.unmarkCarried(old.carriedFrom, meetingId);
      this.db
        .prepare('UPDATE meetings SET title = ?, date = ?, time = ?, agenda = ?, extraordinary = ? WHERE id = ?')
        .run(plan.title, plan.date, plan.time, JSON.stringify(agenda), plan.extraordinary ? JSON.stringify({ demandedBy: plan.extraordinary.demandedBy, at: current.extraordinary?.at ?? this.clock() }) : null, meetingId);
      this.markCarried(carried, meetingId);
    });
  }

  /** Checks a plan against the rules and stores it in one transaction. */
  private write(id: string, plan: MeetingPlan, store: (agenda: ItemSetup[], carried: ItemSetup[]) => void): Answer {
    if (!validDate(plan.date, plan.time)) return termRefusal('BAD_DATE');
    const config = this.config();
    const council = getMeta<Council>(this.db, 'council');
    if (plan.extraordinary) {
      const persons = new Map((council?.persons ?? []).map((p) => [p.id, p] as const));
      const unknown = plan.extraordinary.demandedBy.find((p) => persons.get(p)?.kind !== 'member');
      if (unknown !== undefined) return termRefusal('UNKNOWN_PERSON', { da: `(${unknown})`, en: `(${unknown})` });
      if (!extraordinaryDemandMet(plan.extraordinary.demandedBy, config.memberCount)) return termRefusal('EXTRAORDINARY_TOO_FEW');
    }
    const carried: ItemSetup[] = [];
    const start = meetingStart(plan.date, plan.time, config.timeZone);
    for (const c of plan.carry ?? []) {
      const item = this.carriedItem(c.meetingId, c.itemId, id);
      if ('ok' in item) return item;
      // § 21, stk. 2: the meeting itself must lie after the gap (the engine checks the moment again).
      if (start < secondReadingFrom(item.firstReadingHeldAt!, item.kind, config)) return termRefusal('SECOND_READING_TOO_EARLY', { da: `(${item.title})`, en: `(${item.title})` });
      carried.push(item);
    }
    const agenda = [...plan.agenda, ...carried];
    const ids = new Set<string>();
    for (const i of agenda) {
      if (ids.has(i.id)) return termRefusal('DUPLICATE_ITEM', { da: `(${i.id})`, en: `(${i.id})` });
      ids.add(i.id);
      if (i.doors === 'closed' && !i.closedReason?.trim()) return termRefusal('CLOSED_WITHOUT_REASON', { da: `(${i.title})`, en: `(${i.title})` });
    }
    try {
      this.db.transaction(() => store(agenda, carried))();
    } catch (e) {
      log.error({ event: 'error', err: e }, 'storing a meeting failed');
      return serverRefusal('INTERNAL');
    }
    this.changed();
    return { ok: true, meeting: this.get(id)! };
  }

  /** § 21: an item of an earlier meeting awaiting its second reading, as it moves to `to`. */
  private carriedItem(from: string, itemId: string, to: string): ItemSetup | TermRefusal {
    const r = this.row(from);
    if (!r || r.setup === null || from === to) return termRefusal('UNKNOWN_MEETING');
    const carried = JSON.parse(r.carried) as Record<string, string>;
    if (carried[itemId] && carried[itemId] !== to) return termRefusal('SECOND_READING_MOVED');
    const state = this.recordStore(from).state();
    const item = state.items[itemId];
    if (!item || item.status !== 'awaitingSecondReading' || item.firstReadingAt === null || (r.id === this.service.meetingId && state.meeting.status !== 'closed'))
      return termRefusal('NOT_AWAITING_SECOND_READING');
    const setup = JSON.parse(r.setup) as MeetingSetup;
    const original = setup.agenda.find((i) => i.id === itemId) ?? item;
    const { urgentReason: _u, firstReadingHeldAt: _f, carriedFrom: _c, ...rest } = original as ItemSetup;
    return { ...rest, readings: 2, firstReadingHeldAt: item.firstReadingAt, carriedFrom: { meetingId: from, itemId } };
  }

  private markCarried(items: ItemSetup[], to: string) {
    for (const i of items) {
      const from = i.carriedFrom!;
      const r = this.row(from.meetingId)!;
      this.db.prepare('UPDATE meetings SET carried = ? WHERE id = ?').run(JSON.stringify({ ...(JSON.parse(r.carried) as object), [from.itemId]: to }), from.meetingId);
    }
  }

  private unmarkCarried(from: { meetingId: string; itemId: string }, to: string) {
    const r = this.row(from.meetingId);
    if (!r) return;
    const carried = JSON.parse(r.carried) as Record<string, string>;
    if (carried[from.itemId] !== to) return;
    delete carried[from.itemId];
    this.db.prepare('UPDATE meetings SET carried = ? WHERE id = ?').run(JSON.stringify(carried), from.meetingId);
  }

  /** § 9: the agenda is marked sent to the members now; items added later are urgent if the notice is short. */
  noticeSent(raw: unknown): Answer {
    const parsed = meetingRefSchema.safeParse(raw);
    if (!parsed.success) return malformed(MEETING, parsed.error);
    const r = this.row(parsed.data.meetingId);
    if (!r) return termRefusal('UNKNOWN_MEETING');
    if (r.status !== 'planned' || r.setup !== null) return termRefusal('MEETING_NOT_PLANNED');
    this.db.prepare('UPDATE meetings SET notice_sent_at = ? WHERE id = ?').run(this.clock(), r.id);
    this.changed();
    return { ok: true, meeting: this.get(r.id)! };
  }

  /**
   * The meeting goes live: its set-up is fixed from the council's roster now and its agenda,
   * the chamber's screens show it, and the meeting live before gives way (if it may).
   */
  activate(raw: unknown): Answer {
    const parsed = meetingRefSchema.safeParse(raw);
    if (!parsed.success) return malformed(MEETING, parsed.error);
    const r = this.row(parsed.data.meetingId);
    if (!r) return termRefusal('UNKNOWN_MEETING');
    const liveRow = this.row(this.service.meetingId);
    // Actions applied but not yet committed count as events: a check-in in the same tick keeps
    // the live meeting (its set-up must stay to replay it).
    const events = (this.db.prepare('SELECT COUNT(*) AS n FROM events WHERE meeting = ?').get(this.service.meetingId) as { n: number }).n + this.service.pending;
    const refused = activationRefusal(this.summaryOf(r), liveRow ? { status: liveRow.status, events } : null);
    if (refused) return refused;
    const config = this.config();
    const agenda = JSON.parse(r.agenda) as ItemSetup[];
    // § 9, stk. 2: on short notice every item is urgent and states why.
    const lacking = urgentWithoutReason(agenda, noticeShort(r.notice_sent_at, r.date, config.timeZone));
    if (lacking.length) return termRefusal('URGENT_REASON_MISSING', { da: `(${lacking.map((i) => i.title).join('; ')})`, en: `(${lacking.map((i) => i.title).join('; ')})` });
    const council = getMeta<Council>(this.db, 'council');
    if (!council) return serverRefusal('INTERNAL');
    const setup: MeetingSetup = { ...council, title: r.title, agenda };
    const configText = JSON.stringify(getMeta<Partial<ChamberConfig>>(this.db, 'config') ?? {});
    // Versions only move forward across meetings: every screen takes the new view as newer.
    const base = this.service.state.version + 1;
    this.db.transaction(() => {
      // A live meeting that gives way with nothing in its log goes back to being prepared.
      if (liveRow && events === 0 && liveRow.status === 'planned') this.db.prepare('UPDATE meetings SET setup = NULL, config = NULL WHERE id = ?').run(liveRow.id);
      this.db.prepare('UPDATE meetings SET setup = ?, config = ?, base_version = ? WHERE id = ?').run(JSON.stringify(setup), configText, base, r.id);
      setMeta(this.db, 'live', r.id);
    })();
    this.service.switchTo(r.id);
    log.info({ event: 'meeting-live', meeting: r.id, version: base }, 'another meeting is live');
    this.changed();
    return { ok: true, meeting: this.get(r.id)! };
  }

  /** § 29, stk. 4: a signed meeting's agenda and record go to the public archive. */
  publish(raw: unknown): Answer {
    const parsed = meetingRefSchema.safeParse(raw);
    if (!parsed.success) return malformed(MEETING, parsed.error);
    const r = this.row(parsed.data.meetingId);
    if (!r) return termRefusal('UNKNOWN_MEETING');
    const refused = publicationRefusal(r.status);
    if (refused) return refused;
    this.db.prepare("UPDATE meetings SET status = 'published', published_at = ? WHERE id = ? AND status = 'signed'").run(this.clock(), r.id);
    this.changed();
    return { ok: true, meeting: this.get(r.id)! };
  }


  /** The record store signs a meeting: the list shows it at once. */
  signed() {
    this.changed();
  }
}
