import type { ChamberConfig } from './config';
import type { Election } from './elections/types';
import type { AnyRefusalCode } from './refusals';

export type PersonId = string;
export type SeatId = string;
export type GroupId = string;
export type ItemId = string;
export type VoteId = string;
export type AmendmentId = string;
export type MotionId = string;

export type Choice = 'for' | 'against' | 'abstain';
export const CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];

/** A party, or an independent [løsgænger] who forms a group of one (§ 19, stk. 2). */
export interface Group {
  id: GroupId;
  letter: string;
  name: string;
  color: string;
  independent: boolean;
}

export interface Seat {
  id: SeatId;
  label: string;
  /** Position on the chamber's seat map, in map units (0..100). */
  x: number;
  y: number;
}

/** A member holds a fixed seat (§ 17); a substitute sits in an absent member's seat (§ 8). */
export interface Person {
  id: PersonId;
  name: string;
  groupId: GroupId;
  kind: 'member' | 'substitute';
  /** The member's own fixed seat; substitutes have none of their own. */
  seatId: SeatId | null;
  /** § 19, stk. 4: a mayor's official title ("Overborgmester"), named before the name. */
  title?: string;
}

/** Everything a meeting starts from; credentials are not here (they never reach a view). */
export interface MeetingSetup {
  title: string;
  chamber: { name: string; seats: Seat[] };
  groups: Group[];
  persons: Person[];
  /** § 18, stk. 2: the chair, then the 1st and 2nd vice-chair. */
  chairLine: PersonId[];
  agenda: ItemSetup[];
}

export type ItemKind =
  | 'proposal'
  | 'budget'
  | 'question'
  | 'memberProposal'
  | 'election'
  | 'report'
  | 'other';

export interface ItemSetup {
  id: ItemId;
  title: string;
  text: string;
  kind: ItemKind;
  doors: 'open' | 'closed';
  /** § 2, stk. 4: a closed item carries a written reason. */
  closedReason?: string;
  /** § 21: one reading unless law or the council says two. */
  readings?: 1 | 2;
  /** The proposal as worded on the agenda (the point voted on by default). */
  proposal?: string;
  speakingTime?: { firstSeconds: number; laterSeconds: number };
  /** Annex (bilag 1): this item's speaking time per group in seconds; null lifts the chamber's budget. */
  groupBudgetSeconds?: number | null;
  /** § 25, stk. 3: on a two-reading item, amendments are handed in until this time (epoch ms). */
  amendmentDeadline?: number;
  /** § 9, stk. 2: an item decided on short notice states why it is urgent. */
  urgentReason?: string;
  /** § 14: links to the case material members may see. */
  caseLinks?: { title: string; url: string }[];
  /**
   * § 21: an item whose first reading was in an earlier meeting (set by the server when the
   * secretariat moves it, never by a client): it starts awaiting its second reading.
   */
  firstReadingHeldAt?: number;
  carriedFrom?: { meetingId: string; itemId: string };
}

export type ItemStatus =
  | 'pending'
  | 'active'
  | 'done'
  | 'postponed'
  | 'referred'
  | 'awaitingSecondReading';

/**
 * Annex (bilag 1): the kinds of speech. A first or later speech on the item (§ 19), a short
 * remark [kort bemærkning] to the latest speech, a point of order [til forretningsordenen].
 */
export type SpeechKind = 'first' | 'later' | 'remark' | 'order';
/** What a member asks for: an ordinary speech (first or later is decided when given), a remark, a point of order. */
export type RequestKind = 'speech' | 'remark' | 'order';

export interface Request {
  personId: PersonId;
  /** Absent in states kept from before the annex's kinds: an ordinary speech. */
  kind?: RequestKind;
  /** A short remark: the index in Item.speeches of the speech it answers. */
  to?: number;
  /** Order asked: a meeting-wide counter, never a wall-clock time. */
  seq: number;
  /** § 19, stk. 2: the chair placed this request at a fixed index, with a reason. */
  pinned: { index: number; reason: string } | null;
}

export interface Speech {
  personId: PersonId;
  groupKey: string;
  startedAt: number;
  /** Absolute deadline (server clock), so every screen shows the same second. */
  deadline: number;
  first: boolean;
  kind: SpeechKind;
}

/** A speech as given (§ 19): kept for the speech index and speaking-time statistics. */
export interface SpeechRecord {
  personId: PersonId;
  groupKey: string;
  first: boolean;
  /** Annex (bilag 1); absent in records kept from before the kinds: first or later by `first`. */
  kind?: SpeechKind;
  /** A short remark: the index in Item.speeches of the speech it answers. */
  to?: number;
  /** § 21: the reading it was given in (a second reading starts a new speaker list). */
  reading: 1 | 2;
  startedAt: number;
  /** null while the speech goes on. */
  endedAt: number | null;
}

export interface Debate {
  requests: Request[];
  speaking: Speech | null;
  /** Speeches given on this item, in order. */
  spoken: { personId: PersonId; groupKey: string }[];
  /** § 18, stk. 4: the council closed the debate. */
  closed: boolean;
}

export interface Item extends ItemSetup {
  number: number;
  readings: 1 | 2;
  reading: 1 | 2;
  firstReadingAt: number | null;
  status: ItemStatus;
  debate: Debate;
  /** § 23: members found disqualified on this item. */
  disqualified: PersonId[];
  /** § 25: the chair's voting order of this item's amendments. */
  amendmentOrder: AmendmentId[];
  /** A vote on the item itself (amendment or proposal) has begun: § 25 closes submissions. */
  votingBegun: boolean;
  referredTo: string | null;
  /** When the item was under debate: each start or reopening, until it was left or the meeting closed. */
  periods: { from: number; to: number | null }[];
  /** Every speech on the item in every reading, in order (the debate's list starts anew per reading). */
  speeches: SpeechRecord[];
}

export interface Amendment {
  id: AmendmentId;
  itemId: ItemId;
  /** A sub-amendment amends this amendment. */
  parentId: AmendmentId | null;
  text: string;
  proposer: PersonId;
  status: 'pending' | 'adopted' | 'rejected' | 'withdrawn';
}

/**
 * A procedural motion on an item, put to the council: direct referral to a committee, which
 * stops the debate until decided (§ 26, stk. 2); postponing the debate (§ 18, stk. 5); or
 * reopening a finished item, which the council may refuse (§ 20, stk. 3). A member or the
 * chair proposes it; the council decides it by a vote or the chair's declaration (§ 24,
 * stk. 4) with the subject `{ kind: 'motion' }`. One at a time.
 */
export type MotionKind = 'referral' | 'postponement' | 'reopening';

export interface Motion {
  id: MotionId;
  kind: MotionKind;
  /** The item it is about: the current item, or for a reopening the finished one. */
  itemId: ItemId;
  proposer: PersonId;
  byChair: boolean;
  /** Referral: the committee named. */
  committee: string | null;
  /** The stated reason; for a reopening, the new information relied on (§ 20, stk. 3). */
  reason: string | null;
  at: number;
  status: 'pending' | 'adopted' | 'rejected';
}

/** What a vote decides; its effect is applied when the vote closes. */
export type Subject =
  | { kind: 'proposal'; part?: string }
  | { kind: 'amendment'; amendmentId: AmendmentId }
  | { kind: 'reading' }
  | { kind: 'closure' }
  | { kind: 'agendaOrder'; order: ItemId[] }
  | { kind: 'denyFloor'; personId: PersonId }
  | { kind: 'disqualification'; personId: PersonId }
  | { kind: 'referral'; committee: string }
  | { kind: 'postpone' }
  /** A procedural motion put to the council (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3). */
  | { kind: 'motion'; motionId: MotionId };

export type VoteMode = 'electronic' | 'rollCall' | 'manual';

export interface Counts {
  for: number;
  against: number;
  abstain: number;
}

export interface VoteResult extends Counts {
  adopted: boolean;
  /** Persons present (and entitled) when the vote closed. */
  present: PersonId[];
  /** Named list: the whole roll call, or members who asked to be named (§ 29, stk. 2). */
  named: { personId: PersonId; choice: Choice | null }[];
  byGroup: Record<GroupId, Counts>;
  manual: { counts: Counts; counterCheck: Counts } | null;
}

export interface Vote {
  id: VoteId;
  itemId: ItemId;
  point: string;
  subject: Subject;
  mode: VoteMode;
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  /** Ballots by person; counted at the close only for persons then present. */
  ballots: Record<PersonId, Choice>;
  rollCall: { order: PersonId[]; index: number } | null;
  result: VoteResult | null;
  /** Set in member and console views, where ballots are withheld until the close. */
  ballotCount?: number;
  /** Console views of an open electronic vote: who has voted (never how), persons' order. */
  votedBy?: PersonId[];
}

/** § 24, stk. 4 and § 26: the chair states an outcome; any member's demand forces a vote. */
export interface Declaration {
  id: string;
  itemId: ItemId;
  point: string;
  subject: Subject;
  expected: 'adopted' | 'rejected';
  demands: PersonId[];
}

export interface RecordEntry {
  id: string;
  itemId: ItemId;
  kind: 'vote' | 'declaration' | 'referral' | 'postponement' | 'reopening' | 'disqualification' | 'reading' | 'election' | 'correction';
  voteId: VoteId | null;
  point: string;
  subject: Subject | null;
  outcome: 'adopted' | 'rejected' | 'referred' | 'postponed' | 'elected';
  counts: Counts | null;
  byGroup: Record<GroupId, Counts> | null;
  mode: VoteMode | 'declaration' | null;
  /** Roll call: everyone; otherwise members who asked to be named (§ 29, stk. 2). */
  named: { personId: PersonId; choice: Choice | null }[];
  dissents: { personId: PersonId; text: string }[];
  /** § 29, stk. 5: members absent when the decision was taken, and substitutes who sat. */
  absent: PersonId[];
  substitutes: { substituteId: PersonId; forMember: PersonId }[];
  at: number;
  detail?: string;
}

export interface Occupancy {
  personId: PersonId;
  /** The seat terminal answers; a silent one counts as absent (§ 16) until it answers. */
  online: boolean;
  since: number;
}

export interface Demands {
  /** § 24, stk. 2: roll call demanded for the next vote. */
  rollCall: PersonId[];
  /** § 18, stk. 4: closure of the debate demanded. */
  closure: PersonId[];
  /** § 20, stk. 1: a vote on the order of the agenda demanded. */
  agendaOrder: PersonId[];
  /** § 24, stk. 5: division of the current item's proposal demanded (until all who demanded it withdraw). */
  division: PersonId[];
}

/** § 24, stk. 5: the chair's wording of a divided proposal's parts, decided one by one in this order. */
export interface Division {
  itemId: ItemId;
  parts: string[];
  /** How many parts are decided: `parts[decided]` is the next to be voted or declared. */
  decided: number;
}

export interface MeetingState {
  version: number;
  /** Meeting-wide counter for ids and request order. */
  seq: number;
  config: ChamberConfig;
  title: string;
  chamber: { name: string; seats: Seat[] };
  groups: Record<GroupId, Group>;
  persons: Record<PersonId, Person>;
  meeting: {
    status: 'planned' | 'open' | 'suspended' | 'closed';
    openedAt: number | null;
    closedAt: number | null;
    /** § 7: the 23:00 warning has been given. */
    lateWarned: boolean;
    /** § 1: the chair cleared the gallery: the public display is blank. */
    galleryBlank: boolean;
  };
  chair: {
    line: PersonId[];
    /** Whoever holds the chair now (§ 18, stk. 2). */
    acting: PersonId | null;
    temporary: PersonId | null;
  };
  /** Seats occupied by a checked-in person. */
  presence: Record<SeatId, Occupancy>;
  /** § 8: absent member → substitute called in for them. */
  substitutes: Record<PersonId, PersonId>;
  agenda: ItemId[];
  items: Record<ItemId, Item>;
  currentItem: ItemId | null;
  demands: Demands;
  /** § 24, stk. 5: the parts of the current item's divided proposal, once the chair has worded them. */
  division: Division | null;
  amendments: Record<AmendmentId, Amendment>;
  votes: Record<VoteId, Vote>;
  activeVote: VoteId | null;
  declaration: Declaration | null;
  /** Procedural motions of the meeting (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3), decided or not. */
  motions: Record<MotionId, Motion>;
  /** The motion awaiting the council's decision, if any. */
  pendingMotion: MotionId | null;
  /** § 18, stk. 3. */
  callsToOrder: Record<PersonId, number>;
  deniedFloor: PersonId[];
  record: RecordEntry[];
  /** §§ 27–28: elections held in this meeting. */
  elections: Record<string, Election>;
  activeElection: string | null;
  /** Chair's logged decisions that are not votes (moves in the speaker list etc.). */
  log: { at: number; text: string; by: PersonId | null }[];
}

export type Actor =
  | { role: 'member'; personId: PersonId; seatId: SeatId }
  | { role: 'chair'; personId: PersonId }
  | { role: 'secretariat'; id: string }
  | { role: 'system' };

/** Everything that is not in the action but that the engine needs: the clock and chance. */
export interface Context {
  now: number;
  /** A random value for draws (elections); the server stores it with the action. */
  random?: string;
}

export interface Refusal {
  ok: false;
  code: AnyRefusalCode;
  paragraph: string;
  message: { da: string; en: string };
}

export interface EngineEvent {
  type: string;
  [key: string]: unknown;
}

export type { Action, ActionBody, ActionType } from './actions';
