import { speechKind } from '../engine/speakers';
import type { Item, MeetingState, SpeechKind, SpeechRecord } from '../types';

/** The annex's kinds of speech, in the order the statistics list them. */
export const SPEECH_KINDS: readonly SpeechKind[] = ['first', 'later', 'remark', 'order'];
import { personRef } from './person';
import type { Audience, PersonRef } from './types';

// § 19: speaking time per member and per group, per item and for the meeting, from the
// state alone (Item.speeches), so the chair's console and the record count the same way.
// §§ 2–3: a closed item's speeches are counted only for members and the consoles; the public
// version leaves the item out entirely, totals included (its number is all the public sees).

/** One speaker's time. */
export interface PersonTime {
  person: PersonRef;
  ms: number;
  speeches: number;
}

/** A group's time; an independent [løsgænger] is a group of one (§ 19, stk. 2) and carries `person`. */
export interface GroupTime {
  /** The engine's group key: `group:<id>` or `solo:<person id>`. */
  key: string;
  group: string;
  groupName: string;
  person?: PersonRef;
  ms: number;
  speeches: number;
}

export interface SpeakingTally {
  ms: number;
  speeches: number;
  /** Annex (bilag 1): time and count by kind of speech (first, later, short remark, point of order). */
  byKind: Record<SpeechKind, { ms: number; speeches: number }>;
  /** Most time first (ties: by name), so the top speakers are the list's head. */
  byGroup: GroupTime[];
  byPerson: PersonTime[];
}

export interface ItemSpeaking extends SpeakingTally {
  itemId: string;
  number: number;
  title: string;
  /** Behind closed doors: present only in the members' statistics. */
  closed: boolean;
}

export interface SpeakingStats {
  audience: Audience;
  meeting: SpeakingTally;
  /** Items with at least one speech, in agenda order. */
  items: ItemSpeaking[];
  /** A speech was going on: counted up to `now` if given, else left out until it ends. */
  ongoing: boolean;
}

export interface SpeakingOptions {
  audience: Audience;
  /** The clock for a speech still going on (the console's); without it such a speech is left out. */
  now?: number;
}

/** The speech's length in ms, or null when it goes on and no clock was given. */
export function speechMs(sp: SpeechRecord, now?: number): number | null {
  if (sp.endedAt !== null) return Math.max(0, sp.endedAt - sp.startedAt);
  return now === undefined ? null : Math.max(0, now - sp.startedAt);
}

function byTimeThenName<T extends { ms: number }>(label: (x: T) => string) {
  return (a: T, b: T) => b.ms - a.ms || label(a).localeCompare(label(b), 'da');
}

function tally(s: MeetingState, speeches: SpeechRecord[], now: number | undefined): SpeakingTally {
  const persons = new Map<string, PersonTime>();
  const groups = new Map<string, GroupTime>();
  let ms = 0;
  let count = 0;
  const byKind = Object.fromEntries(SPEECH_KINDS.map((k) => [k, { ms: 0, speeches: 0 }])) as SpeakingTally['byKind'];
  for (const sp of speeches) {
    const len = speechMs(sp, now);
    if (len === null) continue;
    ms += len;
    count++;
    const k = byKind[speechKind(sp)];
    k.ms += len;
    k.speeches++;
    let p = persons.get(sp.personId);
    if (!p) persons.set(sp.personId, (p = { person: personRef(s, sp.personId), ms: 0, speeches: 0 }));
    p.ms += len;
    p.speeches++;
    let g = groups.get(sp.groupKey);
    if (!g) {
      const who = s.persons[sp.personId];
      const group = who ? s.groups[who.groupId] : undefined;
      g = { key: sp.groupKey, group: group?.letter ?? who?.groupId ?? '', groupName: group?.name ?? '', ms: 0, speeches: 0 };
      if (sp.groupKey.startsWith('solo:')) g.person = p.person;
      groups.set(sp.groupKey, g);
    }
    g.ms += len;
    g.speeches++;
  }
  return {
    ms,
    speeches: count,
    byKind,
    byGroup: [...groups.values()].sort(byTimeThenName((x) => x.person?.name ?? x.group)),
    byPerson: [...persons.values()].sort(byTimeThenName((x) => x.person.name)),
  };
}

function itemsInOrder(s: MeetingState): Item[] {
  const out = s.agenda.map((id) => s.items[id]).filter((x): x is Item => !!x);
  for (const it of Object.values(s.items)) if (!s.agenda.includes(it.id)) out.push(it);
  return out;
}

/** Speaking time per member and group, per item and for the meeting, as `audience` may see it. */
export function speakingStats(s: MeetingState, opts: SpeakingOptions): SpeakingStats {
  const items: ItemSpeaking[] = [];
  const all: SpeechRecord[] = [];
  let ongoing = false;
  for (const it of itemsInOrder(s)) {
    const speeches = it.speeches ?? [];
    if (!speeches.length) continue;
    if (opts.audience === 'public' && it.doors === 'closed') continue;
    if (speeches.some((sp) => sp.endedAt === null)) ongoing = true;
    all.push(...speeches);
    items.push({ itemId: it.id, number: it.number, title: it.title, closed: it.doors === 'closed', ...tally(s, speeches, opts.now) });
  }
  return { audience: opts.audience, meeting: tally(s, all, opts.now), items, ongoing };
}

/** "m:ss", or "h:mm:ss" from an hour: how the record and the console write a speaking time. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
