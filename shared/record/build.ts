import { amendmentLabels as labelsOf } from '../engine/selectors';
import type { Amendment, Counts, Item, MeetingState, RecordEntry, Subject, Vote } from '../types';
import { personRef } from './person';
import { speakingStats } from './speaking';
import type {
  Audience,
  ClosedRecordItem,
  DecisionRecord,
  GroupCounts,
  ItemOutcome,
  LaterAddition,
  OpenRecordItem,
  PersonRef,
  RecordAmendment,
  RecordCorrection,
  RecordDecision,
  RecordElection,
  RecordItem,
  RecordSignature,
  RecordSubject,
} from './types';

// § 29: the decision record, built from the meeting's state alone (pure, deterministic).
// §§ 2–3: the public version shows a closed item only as its number and "Lukket punkt";
// nothing else of it (title, text, proposal, reason, points, amendments, names) leaves here.

export const CLOSED_ITEM_TITLE = 'Lukket punkt' as const;

/** A correction as stored; `buildRecord` resolves its item and hides it for the public. */
export interface StoredCorrection {
  id: number;
  at: number;
  by: string;
  byRole: 'chair' | 'secretariat';
  itemId: string | null;
  text: string;
  lastSeq: number;
  lastHash: string;
}

export interface BuildOptions {
  audience: Audience;
  /** Signatures so far (§ 29, stk. 1); the first one fixes the record's anchor. */
  signatures?: RecordSignature[];
  corrections?: StoredCorrection[];
  /**
   * The live state when `state` is the frozen one (replayed up to the signed event): what
   * the log gained since is listed as later additions, never merged into the signed text.
   */
  current?: MeetingState;
}

const DEFAULT_TZ = 'Europe/Copenhagen';
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Local date and time of `ts` in `timeZone`: { date: "YYYY-MM-DD", time: "HH:MM" }. */
export function localDateTime(ts: number, timeZone = DEFAULT_TZ): { date: string; time: string } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ts)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}


/** Amendments of an item with the one numbering every screen uses (selectors.amendmentLabels). */
function amendmentLabels(s: MeetingState, itemId: string): Map<string, { am: Amendment; label: string; parentLabel: string | null }> {
  const out = new Map<string, { am: Amendment; label: string; parentLabel: string | null }>();
  for (const [id, l] of labelsOf(s, itemId)) out.set(id, { am: s.amendments[id]!, ...l });
  return out;
}

function itemNumberOf(s: MeetingState, itemId: string): number | null {
  return s.items[itemId]?.number ?? null;
}

function recordSubject(s: MeetingState, subject: Subject | null, labels: Map<string, { label: string }> | null): RecordSubject | null {
  if (!subject) return null;
  switch (subject.kind) {
    case 'proposal':
      return subject.part ? { kind: 'proposal', part: subject.part } : { kind: 'proposal' };
    case 'amendment':
      return { kind: 'amendment', amendment: labels?.get(subject.amendmentId)?.label ?? '?' };
    case 'reading':
    case 'closure':
    case 'postpone':
      return { kind: subject.kind };
    case 'agendaOrder':
      return { kind: 'agendaOrder', order: subject.order.map((id) => itemNumberOf(s, id) ?? 0) };
    case 'denyFloor':
    case 'disqualification':
      return { kind: subject.kind, person: personRef(s, subject.personId) };
    case 'referral':
      return { kind: 'referral', committee: subject.committee };
    case 'motion': {
      const m = s.motions[subject.motionId];
      if (!m) return { kind: 'other' };
      return {
        kind: 'motion',
        motion: m.kind,
        proposer: personRef(s, m.proposer),
        ...(m.committee ? { committee: m.committee } : {}),
        ...(m.reason ? { reason: m.reason } : {}),
      };
    }
    default:
      return { kind: 'other' };
  }
}

function zero(): Counts {
  return { for: 0, against: 0, abstain: 0 };
}

/** Per-party rows in the groups' order; an independent's group is split per person. */
function groupRows(s: MeetingState, byGroup: Record<string, Counts> | null, vote: Vote | undefined): GroupCounts[] {
  if (!byGroup) return [];
  const rows: GroupCounts[] = [];
  const known = new Set<string>();
  for (const g of Object.values(s.groups)) {
    known.add(g.id);
    const c = byGroup[g.id];
    if (!c) continue;
    if (g.independent && vote?.result) {
      const split: GroupCounts[] = [];
      for (const pid of vote.result.present) {
        if (s.persons[pid]?.groupId !== g.id) continue;
        const choice = vote.ballots[pid];
        if (!choice) continue;
        const row: GroupCounts = { group: g.letter, groupName: g.name, person: personRef(s, pid), ...zero() };
        row[choice]++;
        split.push(row);
      }
      const sum = split.reduce((a, r) => a + r.for + r.against + r.abstain, 0);
      if (sum === c.for + c.against + c.abstain) {
        rows.push(...split);
        continue;
      }
    }
    rows.push({ group: g.letter, groupName: g.name, for: c.for, against: c.against, abstain: c.abstain });
  }
  for (const [gid, c] of Object.entries(byGroup)) if (!known.has(gid)) rows.push({ group: gid, groupName: gid, ...c });
  return rows;
}

/** §§ 27–28: the election an entry of kind 'election' reports, names resolved. */
function electionOf(s: MeetingState, id: string | null): RecordElection | undefined {
  const e = id ? s.elections[id] : undefined;
  if (!e) return undefined;
  if (e.kind === 'majority') {
    const name = (c: string) => e.candidates.find((x) => x.id === c)?.name ?? c;
    return {
      id: e.id,
      kind: 'majority',
      title: e.title,
      secret: e.secret,
      rounds: e.rounds
        .filter((r) => r.tally)
        .map((r) => ({ number: r.number, tally: Object.entries(r.tally ?? {}).map(([c, votes]) => ({ name: name(c), votes })) })),
      voided: (e.voided ?? []).map((v) => ({
        number: v.number,
        voted: v.voted,
        reason: v.reason,
        at: v.at,
        time: localDateTime(v.at, s.config.timeZone || DEFAULT_TZ).time,
      })),
      seats: [],
      lots: e.lots.map((l) => ({ ...l, tied: l.tied.map(name), winner: name(l.winner) })),
      elected: e.elected ? [name(e.elected)] : [],
    };
  }
  const name = (l: string) => e.lists.find((x) => x.id === l)?.name ?? l;
  const seats = Object.entries(e.result?.seats ?? {}).map(([l, n]) => ({ name: name(l), seats: n }));
  return {
    id: e.id,
    kind: 'proportional',
    title: e.title,
    secret: false,
    rounds: [],
    voided: [],
    seats,
    lots: e.lots.map((l) => ({ ...l, tied: l.tied.map(name), winner: name(l.winner) })),
    elected: Object.values(e.named).map((p) => personRef(s, p).name),
  };
}

function decisionOf(s: MeetingState, e: RecordEntry, labels: Map<string, { label: string }> | null): RecordDecision {
  const vote = e.voteId ? s.votes[e.voteId] : undefined;
  const manual = vote?.result?.manual ?? null;
  const d: RecordDecision = {
    id: e.id,
    kind: e.kind,
    voteId: e.voteId,
    point: e.point,
    subject: recordSubject(s, e.subject, labels),
    outcome: e.outcome,
    mode: e.mode,
    counts: e.counts ? { for: e.counts.for, against: e.counts.against, abstain: e.counts.abstain } : null,
    counterCheck: manual ? { ...manual.counterCheck } : null,
    byGroup: groupRows(s, e.byGroup, vote),
    named: e.named.map((n) => ({ person: personRef(s, n.personId), choice: n.choice })),
    dissents: e.dissents.map((x) => ({ person: personRef(s, x.personId), text: x.text })),
    absent: e.absent.map((id) => personRef(s, id)),
    substitutes: e.substitutes.map((x) => ({ substitute: personRef(s, x.substituteId), forMember: personRef(s, x.forMember) })),
    at: e.at,
    time: localDateTime(e.at, s.config.timeZone || DEFAULT_TZ).time,
  };
  if (e.detail !== undefined) d.detail = e.detail;
  if (e.kind === 'election') {
    const election = electionOf(s, e.voteId);
    if (election) d.election = election;
  }
  return d;
}

function itemOutcome(item: Item, decisions: RecordDecision[]): ItemOutcome {
  if (item.status === 'referred') return 'referred';
  if (item.status === 'postponed') return 'postponed';
  if (item.status === 'awaitingSecondReading') return 'toSecondReading';
  if (item.status === 'pending') return 'notHandled';
  // The main proposal, per part when divided (§ 24, stk. 5); a reopened item's later vote counts.
  const byPart = new Map<string, boolean>();
  for (const d of decisions) if (d.subject?.kind === 'proposal') byPart.set(d.subject.part ?? '', d.outcome === 'adopted');
  if (byPart.size) {
    const res = [...byPart.values()];
    return res.every(Boolean) ? 'adopted' : res.some(Boolean) ? 'partlyAdopted' : 'rejected';
  }
  const reading = decisions.filter((d) => d.subject?.kind === 'reading' || d.kind === 'reading');
  if (reading.length) return reading[reading.length - 1]!.outcome === 'adopted' ? 'toSecondReading' : 'rejected';
  const elected = decisions.some((d) => d.kind === 'election');
  if (elected) return 'handled';
  return item.status === 'active' ? 'inProgress' : 'handled';
}

/** § 3: an item counts as closed if it was behind closed doors in any state the record sees. */
function closedTest(...states: (MeetingState | undefined)[]): (itemId: string) => boolean {
  return (itemId) => states.some((st) => st?.items[itemId]?.doors === 'closed');
}

function buildItem(s: MeetingState, item: Item, audience: Audience, isClosed: (itemId: string) => boolean): RecordItem {
  if (audience === 'public' && isClosed(item.id)) {
    const closed: ClosedRecordItem = { closed: true, number: item.number, title: CLOSED_ITEM_TITLE };
    return closed;
  }
  const labels = amendmentLabels(s, item.id);
  const decisions = s.record.filter((e) => e.itemId === item.id).map((e) => decisionOf(s, e, labels));
  const decidedBy = (amId: string) =>
    s.record.find((e) => e.subject?.kind === 'amendment' && e.subject.amendmentId === amId)?.id ?? null;
  const amendments: RecordAmendment[] = [...labels.values()].map(({ am, label, parentLabel }) => ({
    id: am.id,
    label,
    parentLabel,
    text: am.text,
    proposer: personRef(s, am.proposer),
    status: am.status,
    decidedBy: decidedBy(am.id),
  }));
  const out: OpenRecordItem = {
    closed: false,
    id: item.id,
    number: item.number,
    title: item.title,
    text: item.text,
    kind: item.kind,
    doors: item.doors,
    closedReason: item.doors === 'closed' ? (item.closedReason ?? null) : null,
    proposal: item.proposal ?? null,
    readings: item.readings,
    reading: item.reading,
    status: item.status,
    outcome: itemOutcome(item, decisions),
    decisions,
    amendments,
    referredTo: item.referredTo,
    disqualified: item.disqualified.map((id) => personRef(s, id)),
  };
  return out;
}

/** § 29, stk. 5: who was absent across the meeting's decisions, and which substitutes sat. */
function attendance(s: MeetingState): DecisionRecord['attendance'] {
  const members = Object.values(s.persons).filter((p) => p.kind === 'member');
  const entries = s.record;
  const subs = new Map<string, { substitute: PersonRef; forMember: PersonRef }>();
  const absentAt = new Map<string, Set<number>>();
  let absentCount = new Map<string, number>();
  if (entries.length === 0) {
    // No decisions: the state's own moment (at the close, for a closed meeting).
    const present = new Set<string>();
    for (const occ of Object.values(s.presence)) if (occ.online) present.add(occ.personId);
    for (const m of members) if (!present.has(m.id)) absentCount.set(m.id, 1);
    for (const [memberId, subId] of Object.entries(s.substitutes))
      if (present.has(subId)) subs.set(`${subId}>${memberId}`, { substitute: personRef(s, subId), forMember: personRef(s, memberId) });
  } else {
    absentCount = new Map();
    for (const e of entries) {
      const n = itemNumberOf(s, e.itemId) ?? 0;
      for (const id of e.absent) {
        absentCount.set(id, (absentCount.get(id) ?? 0) + 1);
        let set = absentAt.get(id);
        if (!set) absentAt.set(id, (set = new Set()));
        set.add(n);
      }
      for (const x of e.substitutes)
        subs.set(`${x.substituteId}>${x.forMember}`, { substitute: personRef(s, x.substituteId), forMember: personRef(s, x.forMember) });
    }
  }
  const total = Math.max(1, entries.length);
  const present: PersonRef[] = [];
  const absent: PersonRef[] = [];
  const partlyAbsent: { person: PersonRef; items: number[] }[] = [];
  for (const m of members) {
    const k = absentCount.get(m.id) ?? 0;
    if (k === 0) present.push(personRef(s, m.id));
    else if (k >= total) absent.push(personRef(s, m.id));
    else partlyAbsent.push({ person: personRef(s, m.id), items: [...(absentAt.get(m.id) ?? [])].sort((a, b) => a - b) });
  }
  return { present, absent, partlyAbsent, substitutes: [...subs.values()], decisions: entries.length };
}

/** What the live log added after the freeze: new decisions, dissents and named votes. */
export function laterAdditions(frozen: MeetingState, current: MeetingState, audience: Audience): LaterAddition[] {
  const out: LaterAddition[] = [];
  const isClosed = closedTest(frozen, current);
  const before = new Map(frozen.record.map((e) => [e.id, e]));
  for (const e of current.record) {
    const number = itemNumberOf(current, e.itemId);
    const closed = audience === 'public' && isClosed(e.itemId);
    const old = before.get(e.id);
    if (!old) {
      out.push(
        closed
          ? { kind: 'decision', at: e.at, itemNumber: number, closed: true }
          : { kind: 'decision', at: e.at, itemNumber: number, closed: false, decision: decisionOf(current, e, amendmentLabels(current, e.itemId)) },
      );
      continue;
    }
    for (const d of e.dissents) {
      if (old.dissents.some((x) => x.personId === d.personId)) continue;
      out.push(
        closed
          ? { kind: 'dissent', at: null, itemNumber: number, closed: true }
          : { kind: 'dissent', at: null, itemNumber: number, closed: false, entryId: e.id, person: personRef(current, d.personId), text: d.text },
      );
    }
    for (const n of e.named) {
      if (old.named.some((x) => x.personId === n.personId)) continue;
      out.push(
        closed
          ? { kind: 'namedVote', at: null, itemNumber: number, closed: true }
          : { kind: 'namedVote', at: null, itemNumber: number, closed: false, entryId: e.id, person: personRef(current, n.personId), choice: n.choice },
      );
    }
  }
  return out;
}

function correctionOf(s: MeetingState, c: StoredCorrection, audience: Audience, isClosed: (itemId: string) => boolean): RecordCorrection {
  const number = c.itemId ? itemNumberOf(s, c.itemId) : null;
  const closed = !!c.itemId && isClosed(c.itemId);
  const out: RecordCorrection = {
    id: c.id,
    at: c.at,
    by: c.by,
    byRole: c.byRole,
    itemNumber: number,
    closed,
    lastSeq: c.lastSeq,
    lastHash: c.lastHash,
  };
  if (!(closed && audience === 'public')) out.text = c.text;
  return out;
}

/** § 29: the decision record of the meeting in `state`, for members or for the public. */
export function buildRecord(state: MeetingState, opts: BuildOptions): DecisionRecord {
  const s = state;
  const audience = opts.audience;
  const tz = s.config.timeZone || DEFAULT_TZ;
  const opened = s.meeting.openedAt !== null ? localDateTime(s.meeting.openedAt, tz) : null;
  const closedAt = s.meeting.closedAt !== null ? localDateTime(s.meeting.closedAt, tz) : null;
  const isClosed = closedTest(s, opts.current);
  const items = s.agenda.filter((id) => s.items[id]).map((id) => buildItem(s, s.items[id]!, audience, isClosed));
  // Items that somehow left the agenda still belong in the record, after the rest.
  for (const item of Object.values(s.items)) if (!s.agenda.includes(item.id)) items.push(buildItem(s, item, audience, isClosed));
  const meetingDecisions = s.record.filter((e) => !s.items[e.itemId]).map((e) => decisionOf(s, e, null));
  const signatures = [...(opts.signatures ?? [])].sort((a, b) => a.at - b.at || a.lastSeq - b.lastSeq);
  const first = signatures[0];
  const roles = new Set(signatures.map((x) => x.role));
  return {
    format: 'salen.decision-record/1',
    audience,
    title: s.title,
    chamber: s.chamber.name,
    meeting: {
      status: s.meeting.status,
      openedAt: s.meeting.openedAt,
      closedAt: s.meeting.closedAt,
      timeZone: tz,
      date: opened?.date ?? null,
      start: opened?.time ?? null,
      end: closedAt?.time ?? null,
    },
    chair: s.chair.acting ? personRef(s, s.chair.acting) : null,
    attendance: attendance(s),
    items,
    meetingDecisions,
    signatures,
    signed: roles.has('chair') && roles.has('secretariat'),
    anchor: first ? { lastSeq: first.lastSeq, lastHash: first.lastHash, setupHash: first.setupHash } : null,
    corrections: (opts.corrections ?? []).map((c) => correctionOf(s, c, audience, isClosed)),
    later: opts.current ? laterAdditions(s, opts.current, audience) : [],
    speaking: speakingStats(s, { audience }),
  };
}

/** Every decision of the record in order: items in agenda order, then meeting-level ones. */
export function allDecisions(r: DecisionRecord): { item: RecordItem | null; decision: RecordDecision }[] {
  const out: { item: RecordItem | null; decision: RecordDecision }[] = [];
  for (const item of r.items) if (!item.closed) for (const d of item.decisions) out.push({ item, decision: d });
  for (const d of r.meetingDecisions) out.push({ item: null, decision: d });
  return out;
}
