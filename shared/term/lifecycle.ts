// A council term: one installation holds the council and its meetings, each with its own
// log. These are the rules of a meeting's life around the engine's own (planned → open →
// closed inside the log): which meeting may go live, when it is signed and published, the
// notice before it (§ 9), an extraordinary meeting's demand (§ 4, stk. 5), and a second
// reading moved to a later meeting (§ 21, stk. 2). Pure: the server and the secretariat's
// screen ask the same functions.
import type { ChamberConfig } from '../config';
import { fromCatalogue } from '../refusals';
import type { ItemSetup, PersonId } from '../types';

export type MeetingStatus = 'planned' | 'open' | 'closed' | 'signed' | 'published';

/** A meeting as listed (`GET /api/meetings`, the secretariat's list, the archive). */
export interface MeetingSummary {
  id: string;
  title: string;
  /** The meeting's day, `YYYY-MM-DD`, and its start, `HH:MM`, in the chamber's time zone. */
  date: string;
  time: string;
  status: MeetingStatus;
  /** The one meeting the chamber's screens show now. */
  live: boolean;
}

/** What the secretariat sees of a meeting besides the summary. */
export interface MeetingDetails extends MeetingSummary {
  agenda: ItemSetup[];
  /** § 9: when the agenda was marked sent to the members (epoch ms), or null. */
  noticeSentAt: number | null;
  /** § 4, stk. 5: an extraordinary meeting demanded by these members. */
  extraordinary: { demandedBy: PersonId[]; at: number } | null;
  publishedAt: number | null;
  /** Items of this meeting whose second reading moved to a later one: item id → meeting id. */
  carried: Record<string, string>;
  /**
   * § 21: items of this meeting (once closed) whose first reading was held here and whose
   * second reading has not yet moved to another meeting — what the agenda builder may carry.
   */
  awaitingSecondReading: AwaitingItem[];
}

/** An item awaiting its second reading in a later meeting (§ 21, stk. 2 counts from `firstReadingAt`). */
export interface AwaitingItem {
  itemId: string;
  title: string;
  kind: ItemSetup['kind'];
  firstReadingAt: number;
}

/** Every refusal of the term's rules: code → paragraph, Danish, English (docs/protocol.md). */
export const TERM_REFUSALS = {
  UNKNOWN_MEETING: ['—', 'Ukendt møde.', 'Unknown meeting.'],
  MEETING_NOT_PLANNED: ['§ 9', 'Mødet er ikke længere under forberedelse; dagsordenen ligger fast.', 'The meeting is no longer being prepared; its agenda is fixed.'],
  MEETING_LIVE_BUSY: ['§ 7', 'Det igangværende møde er ikke hævet; hæv det, før et andet møde tages i brug.', 'The live meeting has not been closed; close it before another meeting goes live.'],
  MEETING_ALREADY_LIVE: ['—', 'Mødet er allerede i gang i salen.', 'The meeting is already live in the chamber.'],
  RECORD_NOT_SIGNED: ['§ 29, stk. 4', 'Protokollen offentliggøres, når forpersonen og sekretariatet har underskrevet den.', 'The record is published once the chair and the secretariat have signed it.'],
  ALREADY_PUBLISHED: ['§ 29, stk. 4', 'Mødet er allerede offentliggjort.', 'The meeting has already been published.'],
  BAD_DATE: ['—', 'Ugyldig dato eller tid (ÅÅÅÅ-MM-DD og TT:MM).', 'Invalid date or time (YYYY-MM-DD and HH:MM).'],
  DUPLICATE_ITEM: ['§ 20', 'To punkter på dagsordenen har samme id.', 'Two agenda items have the same id.'],
  CLOSED_WITHOUT_REASON: ['§ 2, stk. 4', 'Et punkt for lukkede døre skal have en skriftlig begrundelse.', 'A closed item needs a written reason.'],
  NOT_AWAITING_SECOND_READING: ['§ 21', 'Punktet afventer ikke en 2. behandling.', 'The item is not awaiting a second reading.'],
  SECOND_READING_MOVED: ['§ 21', 'Punktets 2. behandling er allerede flyttet til et andet møde.', "The item's second reading has already moved to another meeting."],
  SECOND_READING_TOO_EARLY: ['§ 21, stk. 2', 'Mødet ligger før fristen mellem 1. og 2. behandling (24 timer; 3 uger for budgettet).', 'The meeting is before the gap between the first and second reading (24 hours; three weeks for the budget).'],
  URGENT_REASON_MISSING: ['§ 9, stk. 2', 'Mødet ligger under fire hverdage efter udsendelsen: hvert hastepunkt skal have en begrundelse på dagsordenen.', 'The meeting is less than four weekdays after the notice: every urgent item needs its reason on the agenda.'],
  EXTRAORDINARY_TOO_FEW: ['§ 4, stk. 5', 'Et ekstraordinært møde på medlemmernes krav kræver mindst en tredjedel af medlemmerne.', 'An extraordinary meeting on the members’ demand needs at least a third of the members.'],
  UNKNOWN_PERSON: ['§ 17', 'Ukendt medlem.', 'Unknown member.'],
} as const satisfies Record<string, readonly [string, string, string]>;
export type TermRefusalCode = keyof typeof TERM_REFUSALS;

export interface TermRefusal {
  ok: false;
  code: TermRefusalCode;
  paragraph: string;
  message: { da: string; en: string };
}
export function termRefusal(code: TermRefusalCode, detail?: { da: string; en: string }): TermRefusal {
  return fromCatalogue(TERM_REFUSALS, code, detail);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export function validDate(date: string, time: string): boolean {
  if (!DATE.test(date) || !TIME.test(time)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The offset of `timeZone` from UTC at `utcMs`, in ms (Intl, so summer time is right). */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** The moment a meeting starts (epoch ms): its local date and time in the chamber's zone. */
export function meetingStart(date: string, time: string, timeZone: string): number {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const first = naive - zoneOffset(naive, timeZone);
  return naive - zoneOffset(first, timeZone);
}

/** § 21, stk. 2: the earliest moment of a second reading after a first one at `firstAt`. */
export function secondReadingFrom(firstAt: number, kind: ItemSetup['kind'], config: Pick<ChamberConfig, 'readingGapHours' | 'budgetReadingGapDays'>): number {
  return firstAt + (kind === 'budget' ? config.budgetReadingGapDays * 24 : config.readingGapHours) * 3600 * 1000;
}

/** § 9: whole weekdays (Monday–Friday) after the day the agenda was sent, up to the meeting's day. */
export function weekdaysOfNotice(sentAt: number, date: string, timeZone: string): number {
  const sentDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(sentAt));
  let day = Date.parse(`${sentDay}T12:00:00Z`);
  const end = Date.parse(`${date}T12:00:00Z`);
  let n = 0;
  for (day += 86_400_000; day < end; day += 86_400_000) {
    const wd = new Date(day).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** § 9: the agenda reaches the members four weekdays before the meeting. */
export const NOTICE_WEEKDAYS = 4;
export function noticeShort(sentAt: number | null, date: string, timeZone: string): boolean {
  return sentAt === null || weekdaysOfNotice(sentAt, date, timeZone) < NOTICE_WEEKDAYS;
}

/**
 * § 9, stk. 2: with short notice, every item is urgent and needs its reason — but a second
 * reading moved from an earlier meeting, which its first reading announced (§ 21). Returns
 * the items lacking one (an empty list: the agenda may stand).
 */
export function urgentWithoutReason(agenda: readonly ItemSetup[], short: boolean): ItemSetup[] {
  return short ? agenda.filter((i) => !i.carriedFrom && !i.urgentReason?.trim()) : [];
}

/** § 4, stk. 5: at least a third of the members demand an extraordinary meeting. */
export function extraordinaryDemandMet(demandedBy: readonly PersonId[], memberCount: number): boolean {
  return new Set(demandedBy).size * 3 >= memberCount;
}

/**
 * Which meeting may go live. One meeting is live at a time; the live one gives way once it
 * is closed, or if nothing happened in it yet (no event in its log).
 */
export function activationRefusal(target: { status: MeetingStatus; live: boolean }, live: { status: MeetingStatus; events: number } | null): TermRefusal | null {
  if (target.live) return termRefusal('MEETING_ALREADY_LIVE');
  if (target.status !== 'planned') return termRefusal('MEETING_NOT_PLANNED');
  if (live && live.status === 'open') return termRefusal('MEETING_LIVE_BUSY');
  if (live && live.status === 'planned' && live.events > 0) return termRefusal('MEETING_LIVE_BUSY');
  return null;
}

/** § 29, stk. 4: a meeting is published once its record is signed. */
export function publicationRefusal(status: MeetingStatus): TermRefusal | null {
  if (status === 'published') return termRefusal('ALREADY_PUBLISHED');
  if (status !== 'signed') return termRefusal('RECORD_NOT_SIGNED');
  return null;
}
