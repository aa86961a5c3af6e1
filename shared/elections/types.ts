import type { PersonId } from '../types';
import type { AllocationResult } from './allocation';

/** A lot that anyone can check: the hash of the secret is shown before the draw. */
export interface PendingLot {
  purpose: 'finalists' | 'winner';
  tied: string[];
  places: number;
  commitment: string;
  /** Revealed into the record at the draw; views withhold it until then. */
  secret: string;
}

export interface DrawnLot {
  purpose: 'finalists' | 'winner' | 'quotients';
  tied: string[];
  winner: string;
  commitment: string;
  secret: string;
  digest: string;
}

export interface ElectionRound {
  number: 1 | 2 | 3;
  candidates: string[];
  status: 'open' | 'closed';
  /** Who has voted: all that is stored of a secret ballot besides the counts. */
  voted: PersonId[];
  /** Open ballots only; a secret round never holds a choice (§ 27, stk. 2). */
  ballots: Record<PersonId, string>;
  tally: Record<string, number> | null;
  presentAtClose: number;
}

/**
 * A secret round the server could not count: its counts live only in the server's memory
 * (no file links a member to a choice), so a restart mid-round voids it; it is held again
 * under the same number (docs/protocol.md, "Secret rounds").
 */
export interface VoidedRound {
  number: 1 | 2 | 3;
  /** How many had voted when it was voided. */
  voted: number;
  at: number;
  reason: 'restart';
}

export interface MajorityElection {
  id: string;
  kind: 'majority';
  itemId: string;
  title: string;
  /** § 27, stk. 3: the same method for appointments. */
  appointment: boolean;
  secret: boolean;
  secretDemands: PersonId[];
  candidates: { id: string; name: string }[];
  rounds: ElectionRound[];
  /** Rounds voided (a restart while a secret round was open), in order. */
  voided: VoidedRound[];
  status: 'setup' | 'voting' | 'lot' | 'decided';
  finalists: string[] | null;
  lot: PendingLot | null;
  lots: DrawnLot[];
  elected: string | null;
}

export interface ElectionList {
  id: string;
  name: string;
  members: PersonId[];
  /** § 28, stk. 4: seats that fell to the list's mayors count for it. */
  held: number;
}

export interface ProportionalElection {
  id: string;
  kind: 'proportional';
  itemId: string;
  title: string;
  seats: number;
  lists: ElectionList[];
  renounced: Record<string, number>;
  status: 'setup' | 'allocated';
  /** § 28, stk. 5: a unanimous list declared elected unless someone demands an election. */
  unanimous: { demands: PersonId[] } | null;
  commitment: string;
  secret: string;
  weights: Record<string, number> | null;
  result: AllocationResult | null;
  lots: DrawnLot[];
  /** Persons the lists name for their seats, by pick; a vacancy is refilled by the same list (stk. 7). */
  named: Record<number, PersonId>;
}

export type Election = MajorityElection | ProportionalElection;
