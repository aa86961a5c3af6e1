import { makeConfig, type ChamberConfig } from '../config';
import type { Item, ItemSetup, MeetingSetup, MeetingState, RecordEntry } from '../types';
import { absentees } from './selectors';

/** § 2, stk. 6: closed items go last; the relative order within each kind is kept. */
export function closedLast<T extends { doors: 'open' | 'closed' }>(items: T[]): T[] {
  return [...items.filter((i) => i.doors === 'open'), ...items.filter((i) => i.doors === 'closed')];
}

export function emptyDebate(): Item['debate'] {
  return { requests: [], speaking: null, spoken: [], closed: false };
}

/** The speaker stops (yielded, stopped by the chair, item left, meeting closed): the speech's end is kept. */
export function endSpeech(item: Item, now: number) {
  if (!item.debate.speaking) return;
  const last = item.speeches.at(-1);
  if (last && last.endedAt === null) last.endedAt = now;
  item.debate.speaking = null;
}

/** The item stops being under debate: its open period ends. */
export function endPeriod(item: Item, now: number) {
  const last = item.periods.at(-1);
  if (last && last.to === null) last.to = now;
}

/** An agenda item as the meeting starts handling it. */
export function newItem(setup: ItemSetup, number: number): Item {
  return {
    ...setup,
    number,
    // § 21: a second reading moved here from an earlier meeting waits out the gap like one
    // in the same meeting (agenda.ts, item.start).
    readings: setup.firstReadingHeldAt !== undefined ? 2 : (setup.readings ?? 1),
    reading: 1,
    firstReadingAt: setup.firstReadingHeldAt ?? null,
    status: setup.firstReadingHeldAt !== undefined ? 'awaitingSecondReading' : 'pending',
    debate: emptyDebate(),
    disqualified: [],
    amendmentOrder: [],
    votingBegun: false,
    referredTo: null,
    periods: [],
    speeches: [],
  };
}

/** Appends a decision to the record (§ 29) with the absent members and substitutes of the moment (stk. 5). */
export function addRecordEntry(
  s: MeetingState,
  at: number,
  entry: Pick<RecordEntry, 'kind' | 'point' | 'outcome'> & Partial<Omit<RecordEntry, 'id' | 'absent' | 'substitutes' | 'at'>>,
) {
  s.record.push({
    itemId: s.currentItem ?? '',
    voteId: null,
    subject: null,
    counts: null,
    byGroup: null,
    mode: null,
    named: [],
    dissents: [],
    ...entry,
    id: `r${++s.seq}`,
    ...absentees(s),
    at,
  });
}

export function createState(setup: MeetingSetup, config: Partial<ChamberConfig> = {}): MeetingState {
  const cfg = makeConfig(config);
  const ordered = closedLast(setup.agenda);
  const items: Record<string, Item> = {};
  ordered.forEach((it, i) => (items[it.id] = newItem(it, i + 1)));
  return {
    version: 0,
    seq: 0,
    config: cfg,
    title: setup.title,
    chamber: setup.chamber,
    groups: Object.fromEntries(setup.groups.map((g) => [g.id, g])),
    persons: Object.fromEntries(setup.persons.map((p) => [p.id, p])),
    meeting: { status: 'planned', openedAt: null, closedAt: null, lateWarned: false, galleryBlank: false },
    chair: { line: setup.chairLine, acting: setup.chairLine[0] ?? null, temporary: null },
    presence: {},
    substitutes: {},
    agenda: ordered.map((i) => i.id),
    items,
    currentItem: null,
    demands: { rollCall: [], closure: [], agendaOrder: [], division: [] },
    division: null,
    amendments: {},
    votes: {},
    activeVote: null,
    declaration: null,
    motions: {},
    pendingMotion: null,
    callsToOrder: {},
    deniedFloor: [],
    record: [],
    elections: {},
    activeElection: null,
    log: [],
  };
}
