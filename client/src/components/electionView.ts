import { listWeights } from '../../../shared/elections/handlers';
import type { Election } from '../../../shared/elections/types';
import { publicElection } from '../../../shared/views';
import type { MeetingState, PublicElection } from '../../../shared/index';
import { retranslate, useLang, type Lang, type StringKey } from '../i18n';

// Elections (§§ 27–28) as every screen shows them. The gallery gets `PublicElection`s from
// the server; the chair and the seats hold the election in their MeetingState and turn it
// into the same shape here (plus what their view knows beyond it), so the rounds, lots and
// picks read the same on all three screens.

export type PubMajority = Extract<PublicElection, { kind: 'majority' }>;
export type PubProportional = Extract<PublicElection, { kind: 'proportional' }>;

/** What a console knows beyond the public shape: present at each round's close, lot purposes. */
export interface MajorityExtra {
  presentAtClose?: number[];
  lotPurposes?: ('finalists' | 'winner' | 'quotients')[];
  pendingPurpose?: 'finalists' | 'winner';
}

/**
 * The public shape of one election, from a chair or member view (as shared/views.ts makes
 * it for the gallery). Before the allocation a console also sees each list's size as it
 * stands now: the engine's `listWeights` (its members among `electionVoters`: present, § 16,
 * and not disqualified, § 23), the rule the allocation itself will weigh by; the allocation
 * fixes it.
 */
export function asPublic(s: MeetingState, e: Election): PublicElection {
  const pub = publicElection(s, e);
  if (pub.kind !== 'proportional' || e.kind !== 'proportional' || e.weights) return pub;
  const weights = listWeights(s, e);
  return { ...pub, lists: pub.lists.map((l) => ({ ...l, weight: weights[l.id] ?? 0 })) };
}

export function majorityExtra(e: Election): MajorityExtra {
  if (e.kind !== 'majority') return {};
  return { presentAtClose: e.rounds.map((r) => r.presentAtClose), lotPurposes: e.lots.map((l) => l.purpose), pendingPurpose: e.lot?.purpose };
}

/**
 * The public view does not say what a drawn lot was for; it follows from the rounds: a lot
 * among round 3's two finalists settles the winner, any other one the places in round 3.
 */
export function lotPurpose(e: PubMajority, lot: { tied: string[] }): 'finalists' | 'winner' {
  const third = e.rounds.find((r) => r.number === 3);
  return third && third.status === 'closed' && lot.tied.every((c) => third.candidates.includes(c)) ? 'winner' : 'finalists';
}

export function candidateName(e: PubMajority, id: string): string {
  return e.candidates.find((c) => c.id === id)?.name ?? id;
}

/** A list's name as stored (see `listDisplayName` for the one to show). */
export function listName(e: PubProportional, id: string): string {
  return e.lists.find((l) => l.id === id)?.name ?? id;
}

/**
 * A list's name in `lang`. The chair's console names an alliance ("Valgforbund A + B", id
 * "A+B") and an independent's list ("Jens (løsgænger)", id "<group>-<person>") in the
 * chair's language when it sets the lists up; shown, they follow the screen's language. A
 * party's list keeps the party's name, and a name the chair typed is kept as typed.
 */
export function listDisplayName(list: { id: string; name: string }, lang: Lang): string {
  const keys: StringKey[] = list.id.includes('+') ? ['allianceName', 'independentList'] : list.id.includes('-') ? ['independentList'] : [];
  return keys.length ? retranslate(list.name, keys, lang) : list.name;
}

/** `listDisplayName` in the current language, for a list of the election by id. */
export function useListName(e: PubProportional): (id: string) => string {
  const lang = useLang((s) => s.lang);
  return (id) => {
    const l = e.lists.find((x) => x.id === id);
    return l ? listDisplayName(l, lang) : id;
  };
}

/** Candidates' names as a sentence: "A, B og C" / "A, B and C". */
export function namesOf(e: PubMajority, ids: string[], lang: Lang): string {
  return new Intl.ListFormat(lang === 'da' ? 'da-DK' : 'en-GB', { type: 'conjunction' }).format(ids.map((id) => candidateName(e, id)));
}

export function formatQuotient(q: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(q);
}
