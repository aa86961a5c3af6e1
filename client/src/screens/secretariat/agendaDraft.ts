import type { ItemKind, ItemSetup } from '../../../../shared/types';
import type { MeetingDetails } from '../../../../shared/term/lifecycle';

// The agenda builder's draft: form fields as typed (text, also for numbers), turned into the
// payload of `meeting.plan` / `meeting.update` (shared/term/payloads.ts) only on saving.

export const ITEM_KINDS: readonly ItemKind[] = ['proposal', 'budget', 'question', 'memberProposal', 'election', 'report', 'other'];

export interface CaseLinkDraft {
  title: string;
  url: string;
}

export interface ItemDraft {
  id: string;
  title: string;
  text: string;
  kind: ItemKind;
  doors: 'open' | 'closed';
  closedReason: string;
  readings: 1 | 2;
  proposal: string;
  /** Seconds, as typed; empty: the meeting's default speaking time. */
  firstSeconds: string;
  laterSeconds: string;
  urgentReason: string;
  caseLinks: CaseLinkDraft[];
}

/** An item of an earlier meeting whose second reading is held here (§ 21). */
export interface CarryDraft {
  meetingId: string;
  itemId: string;
  title: string;
  kind: ItemKind;
  firstReadingAt: number;
}

export interface MeetingDraft {
  /** null: a new meeting (`meeting.plan`); else the meeting edited (`meeting.update`). */
  meetingId: string | null;
  title: string;
  date: string;
  time: string;
  noticeSentAt: number | null;
  items: ItemDraft[];
  carry: CarryDraft[];
  extraordinary: boolean;
  demandedBy: string[];
}

/** Item ids are unique across the term, so a carried item never meets its namesake. */
export function newItemId(): string {
  const rnd = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `a${Date.now().toString(36)}${rnd}`;
}

export function emptyItem(): ItemDraft {
  return { id: newItemId(), title: '', text: '', kind: 'proposal', doors: 'open', closedReason: '', readings: 1, proposal: '', firstSeconds: '', laterSeconds: '', urgentReason: '', caseLinks: [] };
}

export function emptyMeeting(): MeetingDraft {
  return { meetingId: null, title: '', date: '', time: '17:00', noticeSentAt: null, items: [emptyItem()], carry: [], extraordinary: false, demandedBy: [] };
}

function itemDraft(i: ItemSetup): ItemDraft {
  return {
    id: i.id,
    title: i.title,
    text: i.text,
    kind: i.kind,
    doors: i.doors,
    closedReason: i.closedReason ?? '',
    readings: i.readings ?? 1,
    proposal: i.proposal ?? '',
    firstSeconds: i.speakingTime ? String(i.speakingTime.firstSeconds) : '',
    laterSeconds: i.speakingTime ? String(i.speakingTime.laterSeconds) : '',
    urgentReason: i.urgentReason ?? '',
    caseLinks: (i.caseLinks ?? []).map((l) => ({ ...l })),
  };
}

export function meetingDraft(m: MeetingDetails): MeetingDraft {
  return {
    meetingId: m.id,
    title: m.title,
    date: m.date,
    time: m.time,
    noticeSentAt: m.noticeSentAt,
    items: m.agenda.filter((i) => !i.carriedFrom).map(itemDraft),
    carry: m.agenda.flatMap((i) => (i.carriedFrom ? [{ ...i.carriedFrom, title: i.title, kind: i.kind, firstReadingAt: i.firstReadingHeldAt ?? 0 }] : [])),
    extraordinary: !!m.extraordinary,
    demandedBy: m.extraordinary?.demandedBy ?? [],
  };
}

const seconds = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** The item as the server takes it: empty optional fields left out. */
export function itemSetup(d: ItemDraft): ItemSetup {
  const first = seconds(d.firstSeconds);
  const later = seconds(d.laterSeconds);
  const links = d.caseLinks.filter((l) => l.title.trim() || l.url.trim()).map((l) => ({ title: l.title.trim(), url: l.url.trim() }));
  return {
    id: d.id,
    title: d.title.trim(),
    text: d.text,
    kind: d.kind,
    doors: d.doors,
    ...(d.doors === 'closed' ? { closedReason: d.closedReason.trim() } : {}),
    ...(d.readings === 2 ? { readings: 2 as const } : {}),
    ...(d.proposal.trim() ? { proposal: d.proposal.trim() } : {}),
    ...(first !== null || later !== null ? { speakingTime: { firstSeconds: first ?? later!, laterSeconds: later ?? first! } } : {}),
    ...(d.urgentReason.trim() ? { urgentReason: d.urgentReason.trim() } : {}),
    ...(links.length ? { caseLinks: links } : {}),
  };
}

/** The payload of `meeting.plan`, or of `meeting.update` with the meeting's id. */
export function payloadOf(d: MeetingDraft) {
  return {
    title: d.title.trim(),
    date: d.date,
    time: d.time,
    agenda: d.items.map(itemSetup),
    carry: d.carry.map((c) => ({ meetingId: c.meetingId, itemId: c.itemId })),
    // An edited meeting's demand unticked is cleared (null); a new meeting just has none.
    ...(d.extraordinary ? { extraordinary: { demandedBy: d.demandedBy } } : d.meetingId ? { extraordinary: null } : {}),
  };
}

/** Moves one entry of a list by `by` places (−1 up, +1 down); the list unchanged at its ends. */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [x] = next.splice(index, 1);
  next.splice(to, 0, x!);
  return next;
}
