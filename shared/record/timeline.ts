import { speechKind } from '../engine/speakers';
import type { Item, MeetingState, SpeechKind, RecordEntry, Subject, Vote, VoteMode } from '../types';
import { personRef } from './person';
import { TIMELINE_TEXT, type Lang } from './i18n';
import type { Audience, PersonRef } from './types';

// The speech index: when each item was under debate, each speech (§ 19) and each vote or
// decision, from the state alone (Item.periods, Item.speeches, votes, the record). Times are
// the engine's (the action context's clock), in ms. §§ 2–3: the public timeline shows a closed
// item only as its number and when it was under debate: no title, speaker, vote or decision.

export interface TimelinePeriod {
  start: number;
  /** null while the item is under debate. */
  end: number | null;
}

export interface TimelineSpeech {
  person: PersonRef;
  /** The engine's group key (`group:<id>`, or `solo:<person>` for an independent, § 19, stk. 2). */
  groupKey: string;
  /** § 19: the speaker's first speech on the item (in this reading), or a later one. */
  first: boolean;
  /** Annex (bilag 1): first or later speech, short remark, point of order. */
  kind: SpeechKind;
  reading: 1 | 2;
  start: number;
  end: number | null;
}

export interface TimelineVote {
  id: string;
  point: string;
  subject: Subject['kind'];
  mode: VoteMode;
  openedAt: number;
  closedAt: number | null;
  result: { adopted: boolean; for: number; against: number; abstain: number } | null;
}

/** A decision without a vote of its own: a declaration (§ 26), postponement, election (§§ 27–28)… */
export interface TimelineDecision {
  id: string;
  kind: RecordEntry['kind'];
  point: string;
  outcome: RecordEntry['outcome'];
  at: number;
}

export type TimelineItem =
  | { closed: true; number: number; periods: TimelinePeriod[] }
  | {
      closed: false;
      id: string;
      number: number;
      title: string;
      doors: 'open' | 'closed';
      periods: TimelinePeriod[];
      speeches: TimelineSpeech[];
      votes: TimelineVote[];
      decisions: TimelineDecision[];
    };

export interface Timeline {
  format: 'salen.timeline/1';
  audience: Audience;
  title: string;
  timeZone: string;
  openedAt: number | null;
  closedAt: number | null;
  /** Items that were under debate, in the order they were first taken up. */
  items: TimelineItem[];
  /** Votes and decisions that belong to no item (the order of the agenda, § 20). */
  votes: TimelineVote[];
  decisions: TimelineDecision[];
}

function voteOf(v: Vote): TimelineVote {
  const r = v.result;
  return {
    id: v.id,
    point: v.point,
    subject: v.subject.kind,
    mode: v.mode,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    result: r ? { adopted: r.adopted, for: r.for, against: r.against, abstain: r.abstain } : null,
  };
}

function decisionsOf(s: MeetingState, entries: RecordEntry[]): TimelineDecision[] {
  return entries
    .filter((e) => !(e.voteId && s.votes[e.voteId]))
    .map((e) => ({ id: e.id, kind: e.kind, point: e.point, outcome: e.outcome, at: e.at }));
}

function itemOf(s: MeetingState, it: Item, audience: Audience): TimelineItem {
  const periods = it.periods.map((p) => ({ start: p.from, end: p.to }));
  if (audience === 'public' && it.doors === 'closed') return { closed: true, number: it.number, periods };
  return {
    closed: false,
    id: it.id,
    number: it.number,
    title: it.title,
    doors: it.doors,
    periods,
    speeches: it.speeches.map((sp) => ({
      person: personRef(s, sp.personId),
      groupKey: sp.groupKey,
      first: sp.first,
      kind: speechKind(sp),
      reading: sp.reading,
      start: sp.startedAt,
      end: sp.endedAt,
    })),
    votes: Object.values(s.votes)
      .filter((v) => v.itemId === it.id)
      .sort((a, b) => a.openedAt - b.openedAt)
      .map(voteOf),
    decisions: decisionsOf(
      s,
      s.record.filter((e) => e.itemId === it.id),
    ),
  };
}

/** The meeting's timeline as `audience` may see it. */
export function buildTimeline(s: MeetingState, audience: Audience): Timeline {
  const items = Object.values(s.items)
    .filter((it) => (it.periods ?? []).length > 0)
    .sort((a, b) => a.periods[0]!.from - b.periods[0]!.from || a.number - b.number)
    .map((it) => itemOf(s, it, audience));
  return {
    format: 'salen.timeline/1',
    audience,
    title: s.title,
    timeZone: s.config.timeZone,
    openedAt: s.meeting.openedAt,
    closedAt: s.meeting.closedAt,
    items,
    votes: Object.values(s.votes)
      .filter((v) => !s.items[v.itemId])
      .sort((a, b) => a.openedAt - b.openedAt)
      .map(voteOf),
    decisions: decisionsOf(
      s,
      s.record.filter((e) => !s.items[e.itemId]),
    ),
  };
}

const TIME_KEYS = new Set(['start', 'end', 'openedAt', 'closedAt', 'at']);

/** The timeline as JSON: every time an ISO 8601 string (UTC), null kept. */
export function timelineJson(t: Timeline): unknown {
  const walk = (x: unknown, key: string | null): unknown => {
    if (Array.isArray(x)) return x.map((v) => walk(v, null));
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v, k)]));
    if (key !== null && TIME_KEYS.has(key) && typeof x === 'number') return new Date(x).toISOString();
    return x;
  };
  return walk(t, null);
}

/** A chapter: one stretch of the meeting under one title. */
export interface Chapter {
  start: number;
  end: number;
  text: string;
}

interface Span {
  start: number;
  end: number;
  /** Speech 3 over vote 2 over item 1 over the meeting 0: the innermost names the stretch. */
  depth: number;
  text: string;
}

/**
 * Chapters in order and without overlap: each stretch of the meeting is named by the innermost
 * thing going on (a speech within its item, a vote, the item, else the meeting). `now` ends
 * whatever is still going on; nothing shows before the opening.
 */
export function chapters(t: Timeline, lang: Lang, now: number): Chapter[] {
  if (t.openedAt === null) return [];
  const w = TIMELINE_TEXT[lang];
  const until = (end: number | null) => end ?? t.closedAt ?? now;
  const spans: Span[] = [{ start: t.openedAt, end: until(t.closedAt), depth: 0, text: t.title }];
  const votes = (prefix: string, list: TimelineVote[]) => {
    for (const v of list) spans.push({ start: v.openedAt, end: until(v.closedAt), depth: 2, text: `${prefix}${w.vote(v)}` });
  };
  for (const it of t.items) {
    const prefix = `${w.item} ${it.number}: `;
    const title = it.closed ? `${prefix}${w.closedItem}` : `${prefix}${it.title}${it.doors === 'closed' ? ` (${w.closedDoors})` : ''}`;
    for (const p of it.periods) spans.push({ start: p.start, end: until(p.end), depth: 1, text: title });
    if (it.closed) continue;
    for (const sp of it.speeches) spans.push({ start: sp.start, end: until(sp.end), depth: 3, text: `${prefix}${w.speech(sp)}` });
    votes(prefix, it.votes);
  }
  votes('', t.votes);
  const valid = spans.filter((x) => x.end > x.start);
  const bounds = [...new Set(valid.flatMap((x) => [x.start, x.end]))].sort((a, b) => a - b);
  const out: (Chapter & { span: Span })[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    let best: Span | null = null;
    for (const x of valid) {
      if (x.start > a || x.end < b) continue;
      if (!best || x.depth > best.depth || (x.depth === best.depth && x.start > best.start)) best = x;
    }
    if (!best) continue;
    const last = out.at(-1);
    if (last && last.span === best && last.end === a) last.end = b;
    else out.push({ start: a, end: b, text: best.text, span: best });
  }
  return out.map(({ start, end, text }) => ({ start, end, text }));
}

/** HH:MM:SS.mmm (hours may pass 99, as WebVTT allows). */
export function vttTime(ms: number): string {
  const t = Math.max(0, Math.round(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const sec = Math.floor((t % 60_000) / 1000);
  const milli = t % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}

/** Cue text: one line, with WebVTT's special characters escaped (`-->` cannot survive `&gt;`). */
function cueText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * WebVTT chapters relative to `origin` (the video's start; default the meeting's opening):
 * cues ending before it are dropped, a cue running across it starts at 00:00:00.000.
 */
export function chaptersVtt(list: Chapter[], origin: number): string {
  const cues: string[] = [];
  for (const c of list) {
    if (c.end <= origin) continue;
    const start = Math.max(c.start, origin) - origin;
    const end = c.end - origin;
    if (end <= start) continue;
    cues.push(`${vttTime(start)} --> ${vttTime(end)}\n${cueText(c.text)}`);
  }
  return `WEBVTT\n\n${cues.map((c) => `${c}\n\n`).join('')}`;
}
