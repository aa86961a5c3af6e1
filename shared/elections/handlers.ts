import { need, once, refuse } from '../refusals';
import type { MeetingState, PersonId } from '../types';
import type { HandlerMap } from '../engine/handlers/types';
import { addRecordEntry } from '../engine/state';
import { requireCurrent, requireOpen, memberOf } from '../engine/handlers/agenda';
import { electionVoters, hasQuorum, isDisqualified, isPresent, presentCount } from '../engine/selectors';
import { allocate } from './allocation';
import { commitment, drawLot } from './lot';
import type { DrawnLot, Election, ElectionRound, MajorityElection, PendingLot, ProportionalElection } from './types';

function active(s: MeetingState): Election {
  const e = s.activeElection ? s.elections[s.activeElection] : undefined;
  need(e, 'UNKNOWN_ELECTION');
  return e;
}
function majority(s: MeetingState): MajorityElection {
  const e = active(s);
  need(e.kind === 'majority', 'ELECTION_KIND');
  return e;
}
function proportional(s: MeetingState): ProportionalElection {
  const e = active(s);
  need(e.kind === 'proportional', 'ELECTION_KIND');
  return e;
}
function openRound(e: MajorityElection): ElectionRound | undefined {
  const r = e.rounds[e.rounds.length - 1];
  return r?.status === 'open' ? r : undefined;
}

function recordElection(s: MeetingState, e: Election, now: number, point: string, detail: string) {
  addRecordEntry(s, now, { itemId: e.itemId, kind: 'election', voteId: e.id, point, outcome: 'elected', detail });
}

/** Draws `places` winners among `tied`, one lot after another, from one revealed secret. */
function drawPlaces(lot: PendingLot): { winners: string[]; lots: DrawnLot[] } {
  const pool = [...lot.tied];
  const winners: string[] = [];
  const lots: DrawnLot[] = [];
  for (let k = 0; k < lot.places && pool.length; k++) {
    const d = drawLot(k === 0 ? lot.secret : `${lot.secret}#${k + 1}`, pool);
    winners.push(d.winner);
    lots.push({ purpose: lot.purpose, tied: d.tied, winner: d.winner, commitment: lot.commitment, secret: lot.secret, digest: d.digest });
    pool.splice(pool.indexOf(d.winner), 1);
  }
  return { winners, lots };
}

function elect(s: MeetingState, e: MajorityElection, winner: string, now: number) {
  e.elected = winner;
  e.status = 'decided';
  const name = e.candidates.find((c) => c.id === winner)?.name ?? winner;
  recordElection(s, e, now, `${e.title}: ${name}`, `round ${e.rounds.length}`);
}

/** § 27, stk. 1: what a closed round decides. */
function decideRound(s: MeetingState, e: MajorityElection, round: ElectionRound, random: string, now: number) {
  const tally = round.tally!;
  const ranked = [...round.candidates].sort((a, b) => (tally[b] ?? 0) - (tally[a] ?? 0));
  const top = tally[ranked[0]!] ?? 0;
  const cast = Object.values(tally).reduce((a, b) => a + b, 0);
  const pendingLot = (purpose: PendingLot['purpose'], tied: string[], places: number) => {
    e.status = 'lot';
    e.lot = { purpose, tied, places, commitment: commitment(random), secret: random };
  };
  if (round.number === 1) {
    // Round 1: votes from a majority of the members present.
    if (top * 2 > round.presentAtClose) return elect(s, e, ranked[0]!, now);
    e.status = 'setup';
  } else if (round.number === 2) {
    // Round 2: an absolute majority of the votes cast; otherwise the two with most votes.
    if (top * 2 > cast) return elect(s, e, ranked[0]!, now);
    if (ranked.length <= 2) {
      e.finalists = ranked;
      e.status = 'setup';
      return;
    }
    const second = tally[ranked[1]!] ?? 0;
    const above = ranked.filter((c) => (tally[c] ?? 0) > second);
    const atSecond = ranked.filter((c) => (tally[c] ?? 0) === second);
    if (above.length + atSecond.length <= 2) {
      e.finalists = ranked.slice(0, 2);
      e.status = 'setup';
    } else {
      e.finalists = above;
      pendingLot('finalists', atSecond, 2 - above.length);
    }
  } else {
    // Round 3 is binding; a tie is settled by lot drawn by the chair.
    const tied = ranked.filter((c) => (tally[c] ?? 0) === top);
    if (tied.length === 1) return elect(s, e, ranked[0]!, now);
    pendingLot('winner', tied, 1);
  }
}

/** § 28: list weights are the members present of each list (§ 23: a disqualified member does not count). */
export function listWeights(s: MeetingState, e: ProportionalElection): Record<string, number> {
  const voters = new Set(electionVoters(s, e.itemId));
  return Object.fromEntries(e.lists.map((l) => [l.id, l.members.filter((p) => voters.has(p)).length]));
}

export const electionHandlers = {
  'election.create': (s, a, ctx) => {
    requireOpen(s);
    const item = requireCurrent(s);
    need(!s.activeElection, 'ELECTION_ACTIVE');
    need(!s.activeVote, 'VOTE_OPEN');
    const candidates = a.candidates ?? [];
    if (a.kind === 'majority')
      need(candidates.length >= 1 && new Set(candidates.map((c) => c.id)).size === candidates.length, 'NEEDS_CANDIDATES');
    else need(a.seats, 'NEEDS_SEATS');
    const id = `e${++s.seq}`;
    if (a.kind === 'majority') {
      s.elections[id] = {
        id, kind: 'majority', itemId: item.id, title: a.title, appointment: a.appointment ?? false, secret: false, secretDemands: [],
        candidates, rounds: [], voided: [], status: 'setup', finalists: null, lot: null, lots: [], elected: null,
      };
    } else {
      const secret = ctx.random ?? '';
      s.elections[id] = {
        id, kind: 'proportional', itemId: item.id, title: a.title, seats: a.seats!, lists: [], renounced: {}, status: 'setup',
        unanimous: null, commitment: commitment(secret), secret, weights: null, result: null, lots: [], named: {},
      };
    }
    s.activeElection = id;
    return [{ type: 'election.created', electionId: id }];
  },
  // § 27, stk. 2: on any member's demand the election is by written, secret ballot.
  'election.demandSecret': (s, a) => {
    const e = majority(s);
    const me = memberOf(a.actor);
    need(e.rounds.length === 0, 'SECRET_AFTER_START');
    once(e.secretDemands, me, '§ 27, stk. 2');
    e.secretDemands.push(me);
    e.secret = true;
  },
  'election.openRound': (s) => {
    requireOpen(s);
    const e = majority(s);
    need(e.status !== 'decided', 'ELECTION_DECIDED');
    need(e.status !== 'lot', 'LOT_PENDING');
    need(!openRound(e), 'ROUND_OPEN');
    need(hasQuorum(s), 'NO_QUORUM');
    const number = (e.rounds.length + 1) as 1 | 2 | 3;
    const candidates = number === 3 ? (e.finalists ?? []) : e.candidates.map((c) => c.id);
    e.rounds.push({ number, candidates, status: 'open', voted: [], ballots: {}, tally: null, presentAtClose: 0 });
    e.status = 'voting';
  },
  // § 16: members present vote for one candidate; a ballot is final once cast.
  'election.cast': (s, a) => {
    requireOpen(s);
    const e = majority(s);
    const round = openRound(e);
    need(round, 'NO_ROUND_OPEN');
    const me = memberOf(a.actor);
    need(!isDisqualified(s, e.itemId, me), 'DISQUALIFIED');
    need(!round.voted.includes(me), 'ALREADY_VOTED');
    // Every ballot names a candidate of this round. The one exception is the logged form of a
    // secret ballot (`sealed`, written by the server, refused from clients by the schema):
    // the server counted its choice apart before logging it, so the log shows only who voted.
    if ('sealed' in a) need(a.sealed === true && e.secret, 'UNKNOWN_CANDIDATE');
    else need(typeof a.candidateId === 'string' && round.candidates.includes(a.candidateId), 'UNKNOWN_CANDIDATE');
    round.voted.push(me);
    if (!e.secret && !('sealed' in a)) round.ballots[me] = a.candidateId;
  },
  // A secret round whose counts were lost (the server restarted while it was open) is void:
  // the fact stays in the election and the record, and the chair holds the round again.
  'election.voidRound': (s, a, ctx) => {
    const e = majority(s);
    const round = openRound(e);
    need(round, 'NO_ROUND_OPEN');
    e.rounds.pop();
    e.voided.push({ number: round.number, voted: round.voted.length, at: ctx.now, reason: a.reason });
    e.status = 'setup';
    return [{ type: 'election.roundVoided', electionId: e.id, round: round.number, reason: a.reason }];
  },
  'election.closeRound': (s, a, ctx) => {
    const e = majority(s);
    const round = openRound(e);
    need(round, 'NO_ROUND_OPEN');
    let tally: Record<string, number>;
    if (e.secret) {
      tally = Object.fromEntries(round.candidates.map((c) => [c, a.tally?.[c] ?? 0]));
      const sum = Object.values(tally).reduce((x, y) => x + y, 0);
      need(a.tally && Object.keys(a.tally).every((c) => round.candidates.includes(c)) && sum === round.voted.length, 'TALLY_MISMATCH');
    } else {
      tally = Object.fromEntries(round.candidates.map((c) => [c, 0]));
      for (const [p, c] of Object.entries(round.ballots)) if (isPresent(s, p)) tally[c] = (tally[c] ?? 0) + 1;
    }
    round.tally = tally;
    round.status = 'closed';
    round.presentAtClose = presentCount(s);
    decideRound(s, e, round, ctx.random ?? '', ctx.now);
    return [{ type: 'election.roundClosed', electionId: e.id, round: round.number }];
  },
  // The chair draws; the secret whose hash was shown is revealed with the result.
  'election.drawLot': (s, _a, ctx) => {
    const e = active(s);
    if (e.kind !== 'majority') return refuse('ELECTION_KIND');
    const lot = e.lot;
    need(lot, 'NO_LOT');
    const { winners, lots } = drawPlaces(lot);
    e.lots.push(...lots);
    e.lot = null;
    if (lot.purpose === 'finalists') {
      e.finalists = [...(e.finalists ?? []), ...winners];
      e.status = 'setup';
    } else elect(s, e, winners[0]!, ctx.now);
    return [{ type: 'election.lotDrawn', electionId: e.id, winners }];
  },
  // § 28, stk. 2: groups that vote together for this election, possibly allied parties.
  'election.setLists': (s, a) => {
    const e = proportional(s);
    need(e.status === 'setup', 'ALREADY_ALLOCATED');
    const seen = new Set<PersonId>();
    for (const l of a.lists)
      for (const p of l.members) {
        need(s.persons[p]?.kind === 'member' && !seen.has(p), 'BAD_LISTS');
        seen.add(p);
      }
    need(new Set(a.lists.map((l) => l.id)).size === a.lists.length, 'BAD_LISTS');
    e.lists = a.lists.map((l) => ({ id: l.id, name: l.name, members: [...l.members], held: l.held ?? 0 }));
  },
  // § 28, stk. 2: a group may renounce seats; they pass to the others.
  'election.renounce': (s, a) => {
    const e = proportional(s);
    need(e.status === 'setup', 'ALREADY_ALLOCATED');
    need(e.lists.some((l) => l.id === a.listId), 'UNKNOWN_LIST');
    e.renounced[a.listId] = a.seats;
  },
  // § 28, stk. 5: a unanimous list may be declared elected unless someone demands an election.
  'election.declareUnanimous': (s) => {
    const e = proportional(s);
    need(e.status === 'setup', 'ALREADY_ALLOCATED');
    need(e.lists.length > 0, 'BAD_LISTS');
    e.unanimous = { demands: [] };
  },
  'election.demandVote': (s, a) => {
    const e = proportional(s);
    need(e.unanimous, 'NO_DECLARATION');
    const me = memberOf(a.actor);
    once(e.unanimous.demands, me, '§ 28, stk. 5');
    e.unanimous.demands.push(me);
  },
  // § 28, stk. 1: D'Hondt on the lists' members present; equal quotients by the revealed lot.
  'election.allocate': (s, _a, ctx) => {
    requireOpen(s);
    const e = proportional(s);
    need(e.status === 'setup', 'ALREADY_ALLOCATED');
    need(e.lists.length > 0, 'BAD_LISTS');
    need(hasQuorum(s), 'NO_QUORUM');
    const weights = listWeights(s, e);
    need(Object.values(weights).some((w) => w > 0), 'NO_WEIGHT');
    const result = allocate({
      mode: 'fixed',
      seats: e.seats,
      groups: e.lists.map((l) => ({ id: l.id, weight: weights[l.id] ?? 0, held: l.held })),
      renounce: Object.keys(e.renounced).length ? { ...e.renounced } : undefined,
      seed: e.secret,
    });
    e.weights = weights;
    e.result = result;
    // The allocation draws each tie from the revealed secret: the digest lets anyone recheck it.
    e.lots = result.lots.map((l) => {
      const d = drawLot(e.secret, l.tied);
      return { purpose: 'quotients', tied: d.tied, winner: l.winner, commitment: e.commitment, secret: e.secret, digest: d.digest };
    });
    e.status = 'allocated';
    const how = e.unanimous && e.unanimous.demands.length === 0 ? 'unanimous list (§ 28, stk. 5)' : "D'Hondt (§ 28, stk. 1)";
    const seats = Object.entries(result.seats).map(([g, n]) => `${g}: ${n}`).join(', ');
    recordElection(s, e, ctx.now, `${e.title}: ${seats}`, how);
    return [{ type: 'election.allocated', electionId: e.id }];
  },
  // § 28, stk. 7: the list that holds a seat names (and on a vacancy renames) its person.
  'election.nameSeat': (s, a) => {
    const e = proportional(s);
    need(e.result, 'NOT_ALLOCATED');
    const pick = e.result.order.find((o) => o.seat === a.pick);
    need(pick, 'UNKNOWN_LIST');
    const list = e.lists.find((l) => l.id === pick.group);
    need(list?.members.includes(a.personId), 'WRONG_LIST');
    e.named[a.pick] = a.personId;
  },
  'election.finish': (s) => {
    const e = active(s);
    need(e.kind === 'proportional' ? e.status === 'allocated' : e.status === 'decided', e.kind === 'proportional' ? 'NOT_ALLOCATED' : 'ELECTION_UNDECIDED');
    s.activeElection = null;
  },
} satisfies HandlerMap;
