import type { Choice, Counts, ItemKind, ItemStatus, PersonId, RecordEntry, VoteMode } from '../types';
import type { SpeakingStats } from './speaking';

// The decision record [beslutningsprotokol] of § 29 as data: built from the meeting's state
// by `buildRecord`, rendered to HTML, JSON and CSV. Every field is plain JSON.

export type Audience = 'members' | 'public';

/** A person as the record names them. */
export interface PersonRef {
  id: PersonId;
  /** As the record names them (§ 19, stk. 4): with the official title, if any. */
  name: string;
  title?: string;
  /** The group's letter (party letter; "LG" for an independent). */
  group: string;
  kind: 'member' | 'substitute';
}

/** One row of the per-party breakdown; an independent is a group of one (§ 19, stk. 2). */
export interface GroupCounts extends Counts {
  group: string;
  groupName: string;
  /** Set when the row is a single independent member. */
  person?: PersonRef;
}

/** What a decision was about, with item ids turned into numbers and person ids into names. */
export interface RecordSubject {
  kind: 'proposal' | 'amendment' | 'reading' | 'closure' | 'agendaOrder' | 'denyFloor' | 'disqualification' | 'referral' | 'postpone' | 'motion' | 'other';
  part?: string;
  /** A procedural motion put to the council: its kind, proposer and stated reason. */
  motion?: 'referral' | 'postponement' | 'reopening';
  proposer?: PersonRef;
  reason?: string;
  /** The amendment's label within its item ("1", "1a"). */
  amendment?: string;
  person?: PersonRef;
  committee?: string;
  /** The order decided, as item numbers. */
  order?: number[];
}

export interface RecordDecision {
  /** The engine's record entry id (what `record.dissent` refers to). */
  id: string;
  kind: RecordEntry['kind'];
  voteId: string | null;
  /** The point as the chair worded it (§ 18, stk. 1). */
  point: string;
  subject: RecordSubject | null;
  outcome: RecordEntry['outcome'];
  /** electronic | rollCall | manual | declaration (§ 24, stk. 4) | null (no vote: postponement). */
  mode: VoteMode | 'declaration' | null;
  counts: Counts | null;
  /** § 24, stk. 1: a show of hands with its counter-check. */
  counterCheck: Counts | null;
  byGroup: GroupCounts[];
  /** Roll call: everyone called; otherwise members who asked to be named (§ 29, stk. 2). */
  named: { person: PersonRef; choice: Choice | null }[];
  /** § 29, stk. 3. */
  dissents: { person: PersonRef; text: string }[];
  /** § 29, stk. 5: members absent when this was decided, and substitutes who sat. */
  absent: PersonRef[];
  substitutes: { substitute: PersonRef; forMember: PersonRef }[];
  at: number;
  /** Local time "HH:MM" in the chamber's time zone. */
  time: string;
  detail?: string;
  /** §§ 27–28: for an entry of kind 'election', the election as held (when the state has it). */
  election?: RecordElection;
}

/** An election in the record: rounds or seats, lots drawn (checkable), who was elected. */
export interface RecordElection {
  id: string;
  kind: 'majority' | 'proportional';
  title: string;
  /** § 27, stk. 2: a written (secret) ballot; only counts are kept. */
  secret: boolean;
  /** § 27: each round's votes per candidate (by name). */
  rounds: { number: number; tally: { name: string; votes: number }[] }[];
  /**
   * Secret rounds voided because the server restarted while they were open (their counts
   * are kept in memory only); each was held again under the same number. `time`: "HH:MM".
   */
  voided: { number: number; voted: number; reason: 'restart'; at: number; time: string }[];
  /** § 28: seats per list (by name). */
  seats: { name: string; seats: number }[];
  /** Lots drawn, with the commitment shown before and the secret revealed after. */
  lots: { purpose: string; tied: string[]; winner: string; commitment: string; secret: string; digest: string }[];
  elected: string[];
}

export interface RecordAmendment {
  id: string;
  /** "1", "2", … in order handed in; a sub-amendment to 1 is "1a", "1b", … */
  label: string;
  parentLabel: string | null;
  text: string;
  proposer: PersonRef;
  /** Its fate: adopted, rejected, withdrawn, or still pending. */
  status: 'pending' | 'adopted' | 'rejected' | 'withdrawn';
  /** The decision that settled it, if any. */
  decidedBy: string | null;
}

export type ItemOutcome =
  | 'adopted'
  | 'rejected'
  | 'partlyAdopted'
  | 'referred'
  | 'postponed'
  | 'toSecondReading'
  | 'handled'
  | 'inProgress'
  | 'notHandled';

export interface OpenRecordItem {
  closed: false;
  id: string;
  number: number;
  title: string;
  text: string;
  kind: ItemKind;
  doors: 'open' | 'closed';
  /** § 2, stk. 4 (members' version only: a closed item's written reason). */
  closedReason: string | null;
  proposal: string | null;
  readings: 1 | 2;
  reading: 1 | 2;
  status: ItemStatus;
  outcome: ItemOutcome;
  decisions: RecordDecision[];
  amendments: RecordAmendment[];
  referredTo: string | null;
  /** § 23. */
  disqualified: PersonRef[];
}

/** § 3: all the public version shows of a closed item. */
export interface ClosedRecordItem {
  closed: true;
  number: number;
  title: 'Lukket punkt';
}

export type RecordItem = OpenRecordItem | ClosedRecordItem;

export interface RecordSignature {
  role: 'chair' | 'secretariat';
  personId: string | null;
  name: string;
  at: number;
  /** The chain's head the signature covers: the record is frozen at this event. */
  lastSeq: number;
  lastHash: string;
  /** SHA-256 of the meeting's stored set-up (meta.setup + meta.config). */
  setupHash: string;
}

export interface RecordCorrection {
  id: number;
  at: number;
  by: string;
  byRole: 'chair' | 'secretariat';
  /** The item corrected; a closed item's correction shows in public only as its number. */
  itemNumber: number | null;
  closed: boolean;
  /** Absent in the public version for a closed item. */
  text?: string;
  lastSeq: number;
  lastHash: string;
}

/** Something that happened in the log after the record was signed: shown, never merged in. */
export type LaterAddition =
  | { kind: 'decision'; at: number; itemNumber: number | null; closed: boolean; decision?: RecordDecision }
  | { kind: 'dissent'; at: number | null; itemNumber: number | null; closed: boolean; entryId?: string; person?: PersonRef; text?: string }
  | { kind: 'namedVote'; at: number | null; itemNumber: number | null; closed: boolean; entryId?: string; person?: PersonRef; choice?: Choice | null };

export interface SignOff {
  signatures: RecordSignature[];
  corrections: RecordCorrection[];
  /** Additions after the freeze (see `laterAdditions`). */
  later: LaterAddition[];
}

export interface DecisionRecord {
  format: 'salen.decision-record/1';
  audience: Audience;
  title: string;
  chamber: string;
  meeting: {
    status: 'planned' | 'open' | 'suspended' | 'closed';
    openedAt: number | null;
    closedAt: number | null;
    timeZone: string;
    /** Local date "YYYY-MM-DD" the meeting opened, and local times "HH:MM". */
    date: string | null;
    start: string | null;
    end: string | null;
  };
  /** Whoever held the chair when the record was built (§ 18, stk. 2). */
  chair: PersonRef | null;
  /** § 29, stk. 5. */
  attendance: {
    /** Members present at every decision (or, with no decisions, at the state's moment). */
    present: PersonRef[];
    /** Members absent at every decision. */
    absent: PersonRef[];
    /** Members absent at some decisions only, with the items (numbers; 0: no item). */
    partlyAbsent: { person: PersonRef; items: number[] }[];
    substitutes: { substitute: PersonRef; forMember: PersonRef }[];
    decisions: number;
  };
  items: RecordItem[];
  /** Decisions that belong to no item (the order of the agenda, § 20). */
  meetingDecisions: RecordDecision[];
  signatures: RecordSignature[];
  /** Signed by both the chair and the secretariat (§ 29, stk. 1). */
  signed: boolean;
  /** The chain position the record is frozen at (from the first signature), or null for a draft. */
  anchor: { lastSeq: number; lastHash: string; setupHash: string } | null;
  corrections: RecordCorrection[];
  later: LaterAddition[];
  /** § 19: speaking time per member and group, per item and for the meeting (finished speeches; public: open items only). */
  speaking?: SpeakingStats;
}
