import { localDateTime } from './build';
import type { DecisionRecord, RecordDecision } from './types';

// The record's decisions as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read "æøå"):
// one row per decision, items in agenda order, then the meeting-level decisions.

export const VOTES_CSV_COLUMNS = [
  'item_number',
  'item_title',
  'decision_id',
  'vote_id',
  'kind',
  'time',
  'point',
  'subject',
  'mode',
  'outcome',
  'for',
  'against',
  'abstain',
  'counter_check',
  'by_group',
  'named',
  'dissents',
  'absent',
  'detail',
] as const;

/** One field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: unknown, text = true): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function subjectCode(d: RecordDecision): string {
  const s = d.subject;
  if (!s) return d.kind;
  switch (s.kind) {
    case 'proposal':
      return s.part ? `proposal:${s.part}` : 'proposal';
    case 'amendment':
      return `amendment:${s.amendment ?? ''}`;
    case 'agendaOrder':
      return `agendaOrder:${(s.order ?? []).join('/')}`;
    case 'denyFloor':
    case 'disqualification':
      return `${s.kind}:${s.person?.name ?? ''}`;
    case 'referral':
      return `referral:${s.committee ?? ''}`;
    case 'motion':
      return `motion:${s.motion ?? ''}${s.committee ? `:${s.committee}` : ''}`;
    default:
      return s.kind;
  }
}

/** The entry's detail, and for an election its rounds or seats, lots and who was elected. */
function detail(d: RecordDecision): string {
  const parts: string[] = [];
  if (d.detail) parts.push(d.detail);
  const e = d.election;
  if (e) {
    if (e.secret) parts.push('secret ballot');
    for (const v of e.voided ?? []) parts.push(`round ${v.number} void at ${v.time} (server restarted while it was open; ${v.voted} had voted; held again)`);
    for (const r of e.rounds) parts.push(`round ${r.number}: ${r.tally.map((x) => `${x.name} ${x.votes}`).join(', ')}`);
    if (e.seats.length) parts.push(`seats: ${e.seats.map((x) => `${x.name} ${x.seats}`).join(', ')}`);
    for (const l of e.lots) parts.push(`lot among ${l.tied.join(', ')}: ${l.winner} (commitment ${l.commitment}, secret ${l.secret})`);
    if (e.elected.length) parts.push(`elected: ${e.elected.join(', ')}`);
  }
  return parts.join(' | ');
}

export function votesCsv(r: DecisionRecord): string {
  const tz = r.meeting.timeZone;
  const lines: string[] = [VOTES_CSV_COLUMNS.join(',')];
  const row = (itemNumber: number | null, itemTitle: string, d: RecordDecision) => {
    const when = localDateTime(d.at, tz);
    const cells: [unknown, boolean][] = [
      [itemNumber ?? '', false],
      [itemTitle, true],
      [d.id, true],
      [d.voteId ?? '', true],
      [d.kind, true],
      [`${when.date} ${when.time}`, false],
      [d.point, true],
      [subjectCode(d), true],
      [d.mode ?? '', true],
      [d.outcome, true],
      [d.counts?.for ?? '', false],
      [d.counts?.against ?? '', false],
      [d.counts?.abstain ?? '', false],
      [d.counterCheck ? `${d.counterCheck.for}/${d.counterCheck.against}/${d.counterCheck.abstain}` : '', true],
      [d.byGroup.map((g) => `${g.group}${g.person ? ` (${g.person.name})` : ''}: ${g.for}/${g.against}/${g.abstain}`).join(' | '), true],
      [d.named.map((n) => `${n.person.name} (${n.person.group}): ${n.choice ?? '-'}`).join(' | '), true],
      [d.dissents.map((x) => `${x.person.name} (${x.person.group}): ${x.text}`).join(' | '), true],
      [d.absent.map((p) => `${p.name} (${p.group})`).join(' | '), true],
      [detail(d), true],
    ];
    lines.push(cells.map(([v, text]) => csvField(v, text)).join(','));
  };
  for (const item of r.items) {
    if (item.closed) continue;
    for (const d of item.decisions) row(item.number, item.title, d);
  }
  for (const d of r.meetingDecisions) row(null, '', d);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
