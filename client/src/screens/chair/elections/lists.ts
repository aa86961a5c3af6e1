import type { MeetingState } from '../../../../../shared/index';
import type { ProportionalElection } from '../../../../../shared/elections/types';
import type { Translate } from '../../../i18n';

/** A party's list as § 28, stk. 2 has it by default: a party's members; an independent alone. */
export interface PartyList {
  id: string;
  members: string[];
  /** The group's letter; for an independent, their name. */
  short: string;
  name: (t: Translate) => string;
}

/** What the chair composes: which party lists make one list (several: an electoral alliance), and the seats it holds (stk. 4). */
export interface DraftList {
  parties: string[];
  held: number;
}

/** A list as sent to the engine (`election.setLists`), with the party lists it is made of. */
export interface ListRow {
  id: string;
  name: string;
  members: string[];
  held: number;
  parties: string[];
}

export function partyLists(state: MeetingState): PartyList[] {
  const out: PartyList[] = [];
  for (const g of Object.values(state.groups)) {
    const members = Object.values(state.persons).filter((p) => p.kind === 'member' && p.groupId === g.id);
    if (!members.length) continue;
    if (g.independent) for (const p of members) out.push({ id: `${g.id}-${p.id}`, members: [p.id], short: p.name, name: (t) => t('independentList', { name: p.name }) });
    else out.push({ id: g.id, members: members.map((p) => p.id), short: g.letter, name: () => g.name });
  }
  return out;
}

/** The draft the editor starts from: the saved lists, or one list per party. */
export function initialDraft(e: ProportionalElection, base: PartyList[]): DraftList[] {
  if (e.lists.length) return e.lists.map((l) => ({ parties: l.id.split('+'), held: l.held }));
  return base.map((b) => ({ parties: [b.id], held: 0 }));
}

/**
 * The lists the draft describes. A list as saved keeps the name the engine holds (it goes to
 * the public display and the record as it is); any other is named in the current language —
 * a party list by its party (an independent's in the language's words), an alliance by its
 * parties' letters — at every render, so a language switch renames every list not yet saved.
 */
export function draftRows(draft: DraftList[], base: PartyList[], saved: ProportionalElection['lists'], t: Translate): ListRow[] {
  const byId = new Map(base.map((b) => [b.id, b]));
  return draft.map((d) => {
    const id = d.parties.join('+');
    const parts = d.parties.map((p) => byId.get(p));
    const known = parts.every((p) => p !== undefined);
    const kept = saved.find((l) => l.id === id);
    const members = known ? parts.flatMap((p) => p!.members) : (kept?.members ?? []);
    const name = kept
      ? kept.name
      : !known
        ? id
        : parts.length > 1
          ? t('allianceName', { names: parts.map((p) => p!.short).join(' + ') })
          : parts[0]!.name(t);
    return { id, name, members, held: d.held, parties: d.parties };
  });
}

/** Lists compare as saved when ids, names, members and held seats agree. */
export const listKey = (ls: { id: string; name: string; members: string[]; held: number }[]) =>
  JSON.stringify(ls.map((l) => [l.id, l.name, [...l.members].sort(), l.held]));
