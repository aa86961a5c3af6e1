import type { AmendmentId, Item, ItemId, MeetingState, PersonId, SeatId, Vote } from '../types';

/**
 * Where a person is checked in. A person checks in only at their home seat (§ 17; a
 * substitute at the absent member's, § 8) and a substitute is released only once seated
 * nowhere, so one lookup answers: this runs for every ballot of a 1,000-seat chamber.
 */
export function seatOf(s: MeetingState, personId: PersonId): SeatId | null {
  const seat = homeSeat(s, personId);
  return seat && s.presence[seat]?.personId === personId ? seat : null;
}

/** § 16: present means checked in at a seat whose terminal answers. */
export function isPresent(s: MeetingState, personId: PersonId): boolean {
  const seat = seatOf(s, personId);
  return seat ? s.presence[seat]!.online : false;
}

/** Persons present, in the chamber's seat order (the roll-call order, § 24, stk. 2). */
export function presentPersons(s: MeetingState): PersonId[] {
  const out: PersonId[] = [];
  for (const seat of s.chamber.seats) {
    const occ = s.presence[seat.id];
    if (occ?.online) out.push(occ.personId);
  }
  return out;
}

export function presentCount(s: MeetingState): number {
  let n = 0;
  for (const occ of Object.values(s.presence)) if (occ.online) n++;
  return n;
}

/** § 15: at least half of the members. */
export function quorumNeeded(s: MeetingState): number {
  return Math.ceil(s.config.memberCount * s.config.quorumShare);
}

export function hasQuorum(s: MeetingState): boolean {
  return presentCount(s) >= quorumNeeded(s);
}

/** § 24, stk. 2: a third of the members present (at least one). */
export function rollCallNeeded(s: MeetingState): number {
  return Math.max(1, Math.ceil(presentCount(s) * s.config.rollCallShare - 1e-9));
}

export function rollCallDemanded(s: MeetingState): boolean {
  return s.demands.rollCall.filter((p) => isPresent(s, p)).length >= rollCallNeeded(s);
}

/** § 20, stk. 1: six members' demand puts the order of the agenda to a vote. */
export function orderVoteDemanded(s: MeetingState): boolean {
  return s.demands.agendaOrder.length >= s.config.forceVoteMembers;
}

/** The seat a person sits in by right: their own (§ 17), or the absent member's (§ 8). */
/**
 * The seat where this person may check in now (§ 17 fixed seat; § 8 a substitute takes the
 * seat of the member they replace, and that member may not): null for anyone else.
 */
export function checkInSeat(s: MeetingState, personId: PersonId): SeatId | null {
  const p = s.persons[personId];
  if (!p || (p.kind === 'member' && s.substitutes[personId])) return null;
  return homeSeat(s, personId);
}

export function homeSeat(s: MeetingState, personId: PersonId): SeatId | null {
  const p = s.persons[personId];
  if (!p) return null;
  if (p.kind === 'member') return p.seatId;
  for (const [memberId, subId] of Object.entries(s.substitutes)) {
    if (subId === personId) return s.persons[memberId]?.seatId ?? null;
  }
  return null;
}

/** § 19, stk. 2: a party is one group; each independent is a group of one. */
export function groupKey(s: MeetingState, personId: PersonId): string {
  const p = s.persons[personId];
  if (!p) return `?${personId}`;
  const g = s.groups[p.groupId];
  return !g || g.independent ? `solo:${personId}` : `group:${p.groupId}`;
}

export function currentItem(s: MeetingState): Item | null {
  return s.currentItem ? (s.items[s.currentItem] ?? null) : null;
}

export function isDisqualified(s: MeetingState, itemId: ItemId | null, personId: PersonId): boolean {
  if (!itemId) return false;
  return s.items[itemId]?.disqualified.includes(personId) ?? false;
}

/** § 23: a disqualified member votes only on their own disqualification. */
export function mayVoteOn(s: MeetingState, vote: Vote, personId: PersonId): boolean {
  if (vote.subject.kind === 'disqualification' && vote.subject.personId === personId) return true;
  return !isDisqualified(s, vote.itemId, personId);
}

/**
 * Who may vote on this vote now — the one rule the engine accepts a ballot by and counts a
 * result by, and every screen shows. § 16: present (checked in at a seat that answers);
 * § 23: not disqualified, except on their own disqualification; § 24, stk. 2: in a roll call,
 * the persons called (fixed when it opened) who are still present — one who arrives later is
 * not called. A substitute (§ 8) counts like the member whose seat they took. Seat order.
 */
export function eligibleVoters(s: MeetingState, vote: Vote): PersonId[] {
  const base = vote.rollCall ? vote.rollCall.order.filter((p) => isPresent(s, p)) : presentPersons(s);
  return base.filter((p) => mayVoteOn(s, vote, p));
}

/**
 * Who may vote in an election on this item now (§§ 27–28): § 16 present, § 23 not
 * disqualified on the item. The same rule the election's handlers accept a ballot by and
 * weigh a list by (listWeights). Seat order.
 */
export function electionVoters(s: MeetingState, itemId: ItemId): PersonId[] {
  return presentPersons(s).filter((p) => !isDisqualified(s, itemId, p));
}

/**
 * § 25, stk. 4: the order amendments are decided in. Top-level amendments in the chair's
 * order, each preceded by its own sub-amendments (also in the chair's order).
 */
export function amendmentVotingOrder(s: MeetingState, itemId: ItemId): AmendmentId[] {
  const item = s.items[itemId];
  if (!item) return [];
  const live = item.amendmentOrder.filter((id) => s.amendments[id] && s.amendments[id]!.status !== 'withdrawn');
  const out: AmendmentId[] = [];
  for (const id of live) {
    if (s.amendments[id]!.parentId !== null) continue;
    for (const sub of live) if (s.amendments[sub]!.parentId === id) out.push(sub);
    out.push(id);
  }
  return out;
}

/**
 * § 25: one numbering of an item's amendments on every screen and in the record — by the
 * order they were handed in: "1", "2", … and each one's sub-amendments "1a", "1b", ….
 * The voting order (above) may differ; the number does not change with it.
 */
export function amendmentLabels(s: MeetingState, itemId: ItemId): Map<AmendmentId, { label: string; parentLabel: string | null }> {
  const idNum = (id: string) => Number(id.replace(/\D/g, '')) || 0;
  const list = Object.values(s.amendments)
    .filter((a) => a.itemId === itemId)
    .sort((a, b) => idNum(a.id) - idNum(b.id));
  const out = new Map<AmendmentId, { label: string; parentLabel: string | null }>();
  let n = 0;
  for (const am of list) if (am.parentId === null) out.set(am.id, { label: String(++n), parentLabel: null });
  const subs = new Map<string, number>();
  for (const am of list) {
    if (am.parentId === null) continue;
    const k = subs.get(am.parentId) ?? 0;
    subs.set(am.parentId, k + 1);
    const parentLabel = out.get(am.parentId)?.label ?? '?';
    out.set(am.id, { label: `${parentLabel}${String.fromCharCode(97 + (k % 26))}`, parentLabel });
  }
  return out;
}

/** The next amendment that must be voted on, or null when the main proposal is next. */
export function nextAmendment(s: MeetingState, itemId: ItemId): AmendmentId | null {
  return amendmentVotingOrder(s, itemId).find((id) => s.amendments[id]!.status === 'pending') ?? null;
}

/** Members absent and substitutes sitting, for the record (§ 29, stk. 5). */
export function absentees(s: MeetingState): { absent: PersonId[]; substitutes: { substituteId: PersonId; forMember: PersonId }[] } {
  const absent: PersonId[] = [];
  const substitutes: { substituteId: PersonId; forMember: PersonId }[] = [];
  // One pass over the seats, then a set lookup per person: O(members), not O(members²).
  const present = new Set<PersonId>();
  for (const occ of Object.values(s.presence)) if (occ.online) present.add(occ.personId);
  for (const p of Object.values(s.persons)) {
    if (p.kind !== 'member' || present.has(p.id)) continue;
    absent.push(p.id);
    const sub = s.substitutes[p.id];
    if (sub && present.has(sub)) substitutes.push({ substituteId: sub, forMember: p.id });
  }
  return { absent, substitutes };
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();
function localMinutes(ts: number, timeZone: string): number {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ts));
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

const endMemo = new Map<string, number>();

/** § 7: the moment the meeting passes its normal end, counted from the day it opened. */
export function normalEndAt(s: MeetingState): number | null {
  const opened = s.meeting.openedAt;
  if (opened === null) return null;
  // Asked on every action: the answer depends only on these three, so keep it.
  const key = `${opened}|${s.config.normalEnd}|${s.config.timeZone}`;
  const known = endMemo.get(key);
  if (known !== undefined) return known;
  const [hh, mm] = s.config.normalEnd.split(':').map(Number);
  const endMin = (hh ?? 23) * 60 + (mm ?? 0);
  const startMin = localMinutes(opened, s.config.timeZone);
  const startOfMinute = opened - (opened % 60000);
  const end = Math.max(opened, startOfMinute + (endMin - startMin) * 60000);
  if (endMemo.size > 1000) endMemo.clear();
  endMemo.set(key, end);
  return end;
}

export function lateWarningDue(s: MeetingState, now: number): boolean {
  if (s.meeting.lateWarned || s.meeting.status === 'planned' || s.meeting.status === 'closed') return false;
  const end = normalEndAt(s);
  return end !== null && now >= end;
}

/**
 * § 24, stk. 5: the vote on the item's proposal (the point that may be divided) is under way —
 * a vote or declaration on it, whole or in part, is open or pending, or a part is decided. Read
 * from the state alone, not the record (the screens judge their buttons on a state without it);
 * a decided whole proposal has set `item.votingBegun`.
 */
export function proposalVotingBegun(s: MeetingState, item: Item): boolean {
  const onProposal = (x: { itemId: ItemId; subject: { kind: string } } | null | undefined) => x?.itemId === item.id && x.subject.kind === 'proposal';
  if (onProposal(s.activeVote ? s.votes[s.activeVote] : null) || onProposal(s.declaration)) return true;
  return s.division?.itemId === item.id && s.division.decided > 0;
}

/** § 24, stk. 5: the parts of the current item's proposal while its division stands (demanded), else null. */
export function divisionOf(s: MeetingState, itemId: ItemId): { parts: string[]; decided: number } | null {
  if (!s.demands.division.length || s.currentItem !== itemId) return null;
  return s.division?.itemId === itemId ? s.division : { parts: [], decided: 0 };
}
