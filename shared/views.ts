import { amendmentLabels, eligibleVoters, groupKey, hasQuorum, isDisqualified, isPresent, presentCount, quorumNeeded, rollCallNeeded } from './engine/selectors';
import type { Election } from './elections/types';
import { groupBudgetMs, groupTimeLeft, projectedSpeakers, type PlaceReason } from './engine/speakers';
import { styledName } from './names';
import type { Choice, Counts, Group, Item, ItemId, MeetingState, MotionKind, PersonId, RequestKind, Seat, SpeechKind, Subject, Vote, VoteMode } from './types';

// What each role may see, as pure projections of the one state (§§ 2–3, § 16, § 24).

/** A lot's secret stays hidden until the draw reveals it; only its hash is shown before. */
function withoutLotSecrets(s: MeetingState): MeetingState {
  let elections: MeetingState['elections'] | null = null;
  for (const e of Object.values(s.elections)) {
    const hidden =
      e.kind === 'majority' ? (e.lot ? { ...e, lot: { ...e.lot, secret: '' } } : null) : e.status === 'setup' && e.secret ? { ...e, secret: '' } : null;
    if (hidden) (elections ??= { ...s.elections })[e.id] = hidden;
  }
  return elections ? { ...s, elections } : s;
}

/** An open election round shows who has voted (`voted`), never for whom, to anyone. */
function withoutOpenRoundChoices(s: MeetingState): MeetingState {
  const e = s.activeElection ? s.elections[s.activeElection] : undefined;
  if (e?.kind !== 'majority' || e.rounds.at(-1)?.status !== 'open' || Object.keys(e.rounds.at(-1)!.ballots).length === 0) return s;
  const rounds = e.rounds.map((r) => (r.status === 'open' ? { ...r, ballots: {} } : r));
  return { ...s, elections: { ...s.elections, [e.id]: { ...e, rounds } } };
}

/** Who has voted in `vote`, in the persons' set-up order (stable, so a push changes little). */
export function votedBy(s: MeetingState, vote: Vote): PersonId[] {
  const out: PersonId[] = [];
  for (const p in s.persons) if (vote.ballots[p]) out.push(p);
  return out;
}

/**
 * Chair, vice-chairs and secretariat (every console): the whole meeting, but no member's
 * choice before the close. An open electronic vote carries who has voted (`votedBy`) and how
 * many (`ballotCount`), never how; a roll call keeps its answers, given aloud one by one
 * (§ 24, stk. 2). An open election round carries `voted` only. After the close, all as held.
 */
export function chairView(state: MeetingState): MeetingState {
  const s = withoutOpenRoundChoices(withoutLotSecrets(state));
  const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
  if (!vote || vote.status !== 'open' || vote.mode === 'rollCall') return s;
  return {
    ...s,
    votes: { ...s.votes, [vote.id]: { ...vote, ballots: {}, ballotCount: Object.keys(vote.ballots).length, votedBy: votedBy(s, vote) } },
  };
}

/**
 * Members: the whole meeting, closed items included (§ 3 binds them to confidentiality),
 * but no other member's choice before the close — in a roll call too (the answers are heard
 * in the room; the named list comes with the result). One encoding serves every seat; a
 * seat's own ballot travels separately (see `ownView`).
 */
export function memberView(state: MeetingState): MeetingState {
  const s = withoutOpenRoundChoices(withoutLotSecrets(state));
  const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
  if (!vote) return s;
  return {
    ...s,
    votes: { ...s.votes, [vote.id]: { ...vote, ballots: {}, ballotCount: Object.keys(vote.ballots).length } },
  };
}

export interface OwnView {
  personId: PersonId | null;
  seatId: string;
  ballot: Choice | null;
  voteId: string | null;
}

export function ownView(s: MeetingState, seatId: string): OwnView {
  const personId = s.presence[seatId]?.personId ?? null;
  const vote = s.activeVote ? s.votes[s.activeVote] : undefined;
  return { personId, seatId, ballot: (personId && vote?.ballots[personId]) || null, voteId: vote?.id ?? null };
}

/** Merges a seat's own ballot into the shared member view, so the engine can judge its buttons. */
export function withOwn(s: MeetingState, own: OwnView | null): MeetingState {
  if (!own?.personId || !own.ballot || !own.voteId || s.activeVote !== own.voteId) return s;
  const vote = s.votes[own.voteId];
  if (!vote) return s;
  return { ...s, votes: { ...s.votes, [vote.id]: { ...vote, ballots: { ...vote.ballots, [own.personId]: own.ballot } } } };
}

export type PublicAgendaItem =
  | { closed: false; id: ItemId; number: number; title: string; kind: string; status: string }
  | { closed: true; number: number; status: string };

export interface PublicResult {
  voteId: string;
  /** The decision's item: the wall and the overlay name it, and tell the current item's from an earlier one. */
  itemId: ItemId;
  number: number;
  title: string;
  /** Server time of the decision: the wall shows an earlier item's decision only for a while. */
  at: number;
  point: string;
  subject: Subject['kind'] | null;
  mode: VoteMode | 'declaration';
  counts: Counts | null;
  adopted: boolean;
  outcome: string;
  /** Seat map: each seat's choice, for an open (not secret) vote. */
  seats: Record<string, Choice | null> | null;
  byGroup: Record<string, Counts> | null;
}

/** A part of a divided proposal (§ 24, stk. 5): its number in the chair's order, of how many, and its wording. */
export interface PublicPart {
  number: number;
  of: number;
  text: string;
}

export interface PublicView {
  version: number;
  title: string;
  /** § 1: the chair cleared the gallery; show nothing but the blank screen. */
  blank: boolean;
  meeting: { status: MeetingState['meeting']['status']; lateWarned: boolean };
  chamber: { name: string; seats: Seat[] };
  groups: Record<string, Group>;
  members: { id: PersonId; name: string; title?: string; groupId: string; kind: 'member' | 'substitute' }[];
  /** § 18, stk. 2: the chair, the vice-chairs, and who holds the chair now. */
  chairLine: PersonId[];
  actingChair: PersonId | null;
  /** Who sits where and is present; a closed item does not change this public fact. */
  presence: Record<string, { personId: PersonId; online: boolean }>;
  quorum: { present: number; needed: number; met: boolean; memberCount: number };
  agenda: PublicAgendaItem[];
  current:
    | null
    | { closed: true; number: number }
    | {
        closed: false;
        id: ItemId;
        number: number;
        title: string;
        text: string;
        proposal: string | null;
        reading: number;
        readings: number;
        /** `groupLeftMs`: annex (bilag 1), the speaker's group's time on the item when the speech began (null: no budget). */
        speaking: { personId: PersonId; startedAt: number; deadline: number; first: boolean; kind: SpeechKind; groupLeftMs: number | null } | null;
        queue: { personId: PersonId; kind: RequestKind; reason: PlaceReason }[];
        /** Annex (bilag 1): each group's time left on the item from finished speeches, when the item has a budget. */
        groupTime: null | { budgetMs: number; left: Record<string, number> };
        demands: { rollCall: number; rollCallNeeded: number; closure: number; closureNeeded: number };
        vote: null | {
          id: string;
          point: string;
          subject: Subject['kind'];
          /** § 25: the amendment voted on — its one number (as in the record) and its proposer. */
          amendment: { label: string; proposer: PersonId } | null;
          /** § 24, stk. 5: the part of a divided proposal voted on (1-based, of how many), else null. */
          part: PublicPart | null;
          mode: VoteMode;
          voted: number;
          eligible: number;
          rollCallTurn: PersonId | null;
        };
        declaration: null | { point: string; expected: 'adopted' | 'rejected'; demands: number; part: PublicPart | null };
        /** § 24, stk. 5: the proposal's parts as the chair worded them while division stands, and how many are decided. */
        division: null | { parts: string[]; decided: number };
        amendments: { id: string; label: string; text: string; parentId: string | null; proposer: PersonId; status: string }[];
      };
  /** The latest decision on an open item. */
  lastResult: PublicResult | null;
  /**
   * The procedural motion awaiting the council (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3) and
   * how it is being decided. On a closed item only its kind and the item's number (§§ 2–3).
   */
  motion: PublicMotion | null;
  /** Elections on open items (§§ 27–28): rounds, lots, picks with quotients. */
  elections: PublicElection[];
}

export interface PublicMotion {
  id: string;
  kind: MotionKind;
  closed: boolean;
  itemNumber: number;
  itemTitle: string | null;
  proposer: PersonId | null;
  committee: string | null;
  reason: string | null;
  /** Proposed and waiting; put to a vote; or declared by the chair (§ 24, stk. 4). */
  deciding: 'proposed' | 'vote' | 'declaration';
}

function publicMotion(s: MeetingState): PublicMotion | null {
  const m = s.pendingMotion ? s.motions[s.pendingMotion] : undefined;
  const item = m ? s.items[m.itemId] : undefined;
  if (!m || !item) return null;
  const on = (subject: Subject | undefined) => subject?.kind === 'motion' && subject.motionId === m.id;
  const deciding = on(s.activeVote ? s.votes[s.activeVote]?.subject : undefined) ? 'vote' : on(s.declaration?.subject) ? 'declaration' : 'proposed';
  const closed = item.doors === 'closed';
  return {
    id: m.id,
    kind: m.kind,
    closed,
    itemNumber: item.number,
    itemTitle: closed ? null : item.title,
    proposer: closed ? null : m.proposer,
    committee: closed ? null : m.committee,
    reason: closed ? null : m.reason,
    deciding,
  };
}

export type PublicElection =
  | {
      id: string;
      kind: 'majority';
      itemId: ItemId;
      active: boolean;
      title: string;
      secret: boolean;
      status: string;
      candidates: { id: string; name: string }[];
      rounds: { number: number; candidates: string[]; status: string; voted: number; presentAtClose: number | null; tally: Record<string, number> | null }[];
      /** Rounds voided by a restart while open (held again under the same number). */
      voided: { number: number; voted: number; at: number; reason: string }[];
      finalists: string[] | null;
      pendingLot: { purpose: string; tied: string[]; commitment: string } | null;
      lots: { purpose: string; tied: string[]; winner: string; commitment: string; secret: string; digest: string }[];
      elected: string | null;
    }
  | {
      id: string;
      kind: 'proportional';
      itemId: ItemId;
      active: boolean;
      title: string;
      status: string;
      seats: number;
      lists: { id: string; name: string; weight: number; held: number; renounced: number }[];
      commitment: string;
      secret: string | null;
      result: { seats: Record<string, number>; order: { seat: number; group: string; quotient: number }[] } | null;
      lots: { tied: string[]; winner: string; digest: string }[];
      named: Record<number, string>;
    };

/** One election as anyone may see it; before the allocation a list's size is its members present now. */
export function publicElection(s: MeetingState, e: Election): PublicElection {
  if (e.kind === 'majority')
    return {
      id: e.id, kind: 'majority', itemId: e.itemId, active: s.activeElection === e.id, title: e.title, secret: e.secret, status: e.status, candidates: e.candidates,
      rounds: e.rounds.map((r) => ({
        number: r.number, candidates: r.candidates, status: r.status, voted: r.voted.length,
        presentAtClose: r.status === 'closed' ? r.presentAtClose : null, tally: r.status === 'closed' ? r.tally : null,
      })),
      voided: (e.voided ?? []).map((v) => ({ number: v.number, voted: v.voted, at: v.at, reason: v.reason })),
      finalists: e.finalists,
      pendingLot: e.lot ? { purpose: e.lot.purpose, tied: e.lot.tied, commitment: e.lot.commitment } : null,
      lots: e.lots.map((l) => ({ purpose: l.purpose, tied: l.tied, winner: l.winner, commitment: l.commitment, secret: l.secret, digest: l.digest })),
      elected: e.elected,
    };
  return {
    id: e.id, kind: 'proportional', itemId: e.itemId, active: s.activeElection === e.id, title: e.title, status: e.status, seats: e.seats,
    lists: e.lists.map((l) => ({
      id: l.id,
      name: l.name,
      weight: e.weights ? (e.weights[l.id] ?? 0) : l.members.filter((p) => isPresent(s, p) && !isDisqualified(s, e.itemId, p)).length,
      held: l.held,
      renounced: e.renounced[l.id] ?? 0,
    })),
    commitment: e.commitment,
    secret: e.status === 'allocated' ? e.secret : null,
    result: e.result ? { seats: e.result.seats, order: e.result.order } : null,
    lots: e.status === 'allocated' ? e.lots.map((l) => ({ tied: l.tied, winner: l.winner, digest: l.digest })) : [],
    named: Object.fromEntries(Object.entries(e.named).map(([k, p]) => [Number(k), s.persons[p] ? styledName(s.persons[p]) : p])),
  };
}

function publicElections(s: MeetingState): PublicElection[] {
  return Object.values(s.elections)
    .filter((e) => s.items[e.itemId]?.doors === 'open')
    .map((e) => publicElection(s, e));
}

/** The seat map of a closed vote: each present voter's seat and choice (null: did not vote). */
function seatChoices(s: MeetingState, vote: Vote): Record<string, Choice | null> {
  const seatOf: Record<string, string> = {};
  for (const p of Object.values(s.persons)) if (p.seatId) seatOf[p.id] = p.seatId;
  for (const [memberId, subId] of Object.entries(s.substitutes)) {
    const seat = s.persons[memberId]?.seatId;
    if (seat) seatOf[subId] = seat;
  }
  const bySeat: Record<string, Choice | null> = {};
  for (const p of vote.result?.present ?? []) {
    const seat = seatOf[p];
    if (seat) bySeat[seat] = vote.ballots[p] ?? null;
  }
  return bySeat;
}

// The persons of a meeting are set up once and never changed in place: one list per set-up
// (so a push can tell by identity that the list did not change).
const membersByPersons = new WeakMap<object, PublicView['members']>();
function publicMembers(s: MeetingState): PublicView['members'] {
  let list = membersByPersons.get(s.persons);
  if (!list) {
    list = Object.values(s.persons).map((p) => ({ id: p.id, name: p.name, ...(p.title ? { title: p.title } : {}), groupId: p.groupId, kind: p.kind }));
    membersByPersons.set(s.persons, list);
  }
  return list;
}

export function publicView(s: MeetingState): PublicView {
  const cur = s.currentItem ? s.items[s.currentItem] : undefined;
  const activeVote = s.activeVote ? s.votes[s.activeVote] : undefined;
  let current: PublicView['current'] = null;
  if (cur && cur.status === 'active') {
    if (cur.doors === 'closed') current = { closed: true, number: cur.number };
    else {
      const labels = amendmentLabels(s, cur.id);
      current = {
        closed: false,
        id: cur.id,
        number: cur.number,
        title: cur.title,
        text: cur.text,
        proposal: cur.proposal ?? null,
        reading: cur.reading,
        readings: cur.readings,
        speaking: cur.debate.speaking
          ? {
              personId: cur.debate.speaking.personId,
              startedAt: cur.debate.speaking.startedAt,
              deadline: cur.debate.speaking.deadline,
              first: cur.debate.speaking.first,
              kind: cur.debate.speaking.kind,
              groupLeftMs: cur.debate.speaking.kind === 'order' ? null : groupTimeLeft(s, cur, cur.debate.speaking.groupKey),
            }
          : null,
        queue: projectedSpeakers(s, cur.id).map((p) => ({ personId: p.personId, kind: p.kind, reason: p.reason })),
        groupTime: groupTimeView(s, cur),
        demands: {
          rollCall: s.demands.rollCall.length,
          rollCallNeeded: rollCallNeeded(s),
          closure: s.demands.closure.length,
          closureNeeded: s.config.forceVoteMembers,
        },
        vote:
          activeVote && activeVote.itemId === cur.id
            ? {
                id: activeVote.id,
                point: activeVote.point,
                subject: activeVote.subject.kind,
                amendment: amendmentOf(s, activeVote),
                part: partOf(s, activeVote.subject),
                mode: activeVote.mode,
                voted: Object.keys(activeVote.ballots).length,
                eligible: eligibleVoters(s, activeVote).length,
                rollCallTurn: activeVote.rollCall ? (activeVote.rollCall.order[activeVote.rollCall.index] ?? null) : null,
              }
            : null,
        declaration:
          s.declaration && s.declaration.itemId === cur.id
            ? { point: s.declaration.point, expected: s.declaration.expected, demands: s.declaration.demands.length, part: partOf(s, s.declaration.subject) }
            : null,
        division: s.demands.division.length && s.division?.itemId === cur.id ? { parts: [...s.division.parts], decided: s.division.decided } : null,
        amendments: cur.amendmentOrder
          .map((id) => s.amendments[id]!)
          .map((a) => ({ id: a.id, label: labels.get(a.id)?.label ?? '?', text: a.text, parentId: a.parentId, proposer: a.proposer, status: a.status })),
      };
    }
  }
  let lastResult: PublicResult | null = null;
  for (let i = s.record.length - 1; i >= 0 && !lastResult; i--) {
    const e = s.record[i]!;
    const item = s.items[e.itemId];
    if (item?.doors === 'closed') continue;
    const vote = e.voteId ? s.votes[e.voteId] : undefined;
    const seats = vote?.result && vote.mode !== 'manual' ? seatChoices(s, vote) : null;
    lastResult = {
      voteId: e.voteId ?? e.id,
      itemId: e.itemId,
      number: item?.number ?? 0,
      title: item?.title ?? '',
      at: e.at,
      point: e.point,
      subject: e.subject?.kind ?? null,
      mode: e.mode ?? 'declaration',
      counts: e.counts,
      adopted: e.outcome === 'adopted' || e.outcome === 'referred',
      outcome: e.outcome,
      seats,
      byGroup: e.byGroup,
    };
  }
  if (s.meeting.galleryBlank) {
    current = null;
    lastResult = null;
  }
  const presence: PublicView['presence'] = {};
  for (const [seat, occ] of Object.entries(s.presence)) presence[seat] = { personId: occ.personId, online: occ.online };
  return {
    version: s.version,
    title: s.title,
    blank: s.meeting.galleryBlank,
    meeting: { status: s.meeting.status, lateWarned: s.meeting.lateWarned },
    chamber: s.chamber,
    groups: s.groups,
    members: publicMembers(s),
    chairLine: s.chair.line,
    actingChair: s.chair.acting,
    presence,
    quorum: { present: presentCount(s), needed: quorumNeeded(s), met: hasQuorum(s), memberCount: s.config.memberCount },
    agenda: s.meeting.galleryBlank ? [] : s.agenda.map((id): PublicAgendaItem => {
      const it = s.items[id]!;
      return it.doors === 'closed'
        ? { closed: true, number: it.number, status: it.status }
        : { closed: false, id: it.id, number: it.number, title: it.title, kind: it.kind, status: it.status };
    }),
    current,
    lastResult,
    motion: s.meeting.galleryBlank ? null : publicMotion(s),
    elections: s.meeting.galleryBlank ? [] : publicElections(s),
  };
}

/** The part of a divided proposal a vote or declaration is on (§ 24, stk. 5). */
function partOf(s: MeetingState, subject: Subject): PublicPart | null {
  if (subject.kind !== 'proposal' || subject.part === undefined) return null;
  const parts = s.division?.itemId === s.currentItem ? (s.division?.parts ?? []) : [];
  const at = parts.indexOf(subject.part);
  return at < 0 ? { number: 0, of: 0, text: subject.part } : { number: at + 1, of: parts.length, text: subject.part };
}

/** The amendment a vote is on, as the public sees it (its item is open: the caller checks). */
function amendmentOf(s: MeetingState, vote: Vote): { label: string; proposer: PersonId } | null {
  if (vote.subject.kind !== 'amendment') return null;
  const am = s.amendments[vote.subject.amendmentId];
  const label = amendmentLabels(s, vote.itemId).get(vote.subject.amendmentId)?.label;
  return am && label ? { label, proposer: am.proposer } : null;
}

/** Annex (bilag 1): the time left of every group that has a member on the council. */
function groupTimeView(s: MeetingState, item: Item): { budgetMs: number; left: Record<string, number> } | null {
  const budgetMs = groupBudgetMs(s, item);
  if (budgetMs === null) return null;
  const left: Record<string, number> = {};
  for (const p of Object.values(s.persons)) {
    const key = groupKey(s, p.id);
    if (!(key in left)) left[key] = groupTimeLeft(s, item, key) ?? budgetMs;
  }
  return { budgetMs, left };
}
