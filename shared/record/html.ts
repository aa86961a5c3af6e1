import { RECORD_TEXT, TIMELINE_TEXT, type Lang } from './i18n';
import { formatDuration, SPEECH_KINDS, type SpeakingStats, type SpeakingTally } from './speaking';
import type { DecisionRecord, LaterAddition, OpenRecordItem, PersonRef, RecordDecision, RecordElection } from './types';

// The printable record: one self-contained HTML page laid out like a Danish council's
// decision record, with A4 print styles and page numbers from CSS @page counters.

export function esc(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface HtmlOptions {
  lang: Lang;
  /** Links shown on screen (never in print): the archive, the other language, JSON and CSV. */
  links?: { archive?: string; otherLang?: string; json?: string; csv?: string };
}

function longDate(ts: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(ts));
}

function stamp(ts: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ts));
}

function clock(hhmm: string, lang: Lang): string {
  return lang === 'da' ? hhmm.replace(':', '.') : hhmm;
}

const person = (p: PersonRef) => `${esc(p.name)}${p.group ? ` (${esc(p.group)})` : ''}`;
const people = (ps: PersonRef[], none: string) => (ps.length ? ps.map(person).join(', ') : esc(none));

/** The per-party breakdown the way Danish records write it: "For stemte 38: Ø (12), A (10) …". */
function countsLines(d: RecordDecision, lang: Lang): string {
  const t = RECORD_TEXT[lang];
  if (!d.byGroup.length || !d.counts) return '';
  const line = (key: 'for' | 'against' | 'abstain') => {
    const rows = d.byGroup.filter((g) => g[key] > 0);
    if (!rows.length) return '';
    const who = rows
      .map((g) => (g.person ? `${esc(g.person.name)} (${esc(g.group)})` : `<span class="party">${esc(g.group)}</span>&nbsp;(${g[key]})`))
      .join(', ');
    return `<li><span class="label">${esc(t.votedLine[key](d.counts![key]))}:</span> ${who}</li>`;
  };
  return `<ul class="by-group">${line('for')}${line('against')}${line('abstain')}</ul>`;
}

/** §§ 27–28: rounds or seats, lots with their commitments, who was elected. */
function electionHtml(e: RecordElection, lang: Lang): string {
  const w = RECORD_TEXT[lang].election;
  const out: string[] = [];
  if (e.secret) out.push(`<li>${esc(w.secretBallot)}</li>`);
  // A voided round comes before the round held again under its number.
  const voided = e.voided ?? [];
  for (const r of e.rounds) {
    for (const v of voided.filter((x) => x.number === r.number))
      out.push(`<li><span class="label">${esc(w.round(v.number))}:</span> ${esc(w.voided(v.voted, clock(v.time, lang)))}</li>`);
    out.push(`<li><span class="label">${esc(w.round(r.number))}:</span> ${r.tally.map((x) => `${esc(x.name)} ${x.votes}`).join(', ')}</li>`);
  }
  for (const v of voided.filter((x) => !e.rounds.some((r) => r.number === x.number)))
    out.push(`<li><span class="label">${esc(w.round(v.number))}:</span> ${esc(w.voided(v.voted, clock(v.time, lang)))}</li>`);
  if (e.seats.length) out.push(`<li><span class="label">${esc(w.seats)}:</span> ${e.seats.map((x) => `${esc(x.name)} ${x.seats}`).join(', ')}</li>`);
  for (const l of e.lots)
    out.push(
      `<li><span class="label">${esc(w.lot)}</span> ${esc(w.among)} ${l.tied.map(esc).join(', ')}: ${esc(w.drawn)} <strong>${esc(l.winner)}</strong> <span class="small">(${esc(w.commitment)} <span class="hash">${esc(l.commitment)}</span>, ${esc(w.secret)} <span class="hash">${esc(l.secret)}</span>)</span></li>`,
    );
  if (e.elected.length) out.push(`<li><span class="label">${esc(w.elected)}:</span> ${e.elected.map(esc).join(', ')}</li>`);
  return `<ul class="by-group">${out.join('')}</ul>`;
}

function decisionHtml(d: RecordDecision, lang: Lang, meetingAbsent: Set<string>): string {
  const t = RECORD_TEXT[lang];
  const parts: string[] = [];
  const subject = d.subject ? t.subject(d.subject) : (t.kind[d.kind] ?? '');
  parts.push(`<p class="point"><span class="subject">${esc(subject)}</span> <span class="time">${esc(t.at)} ${esc(clock(d.time, lang))}</span></p>`);
  parts.push(`<blockquote class="worded">${esc(d.point)}</blockquote>`);
  let result = `<strong>${esc(t.outcome[d.outcome] ?? d.outcome)}</strong>`;
  if (d.counts) result += ` – ${esc(t.counts(d.counts))}`;
  if (d.mode) result += ` (${esc(t.mode[d.mode] ?? d.mode)})`;
  if (d.counterCheck) result += `. ${esc(t.counterCheck)}: ${esc(t.counts(d.counterCheck))}`;
  parts.push(`<p class="result">${result}.</p>`);
  if (d.detail) parts.push(`<p class="detail">${esc(t.detail(d.detail))}</p>`);
  if (d.election) parts.push(electionHtml(d.election, lang));
  parts.push(countsLines(d, lang));
  if (d.named.length) {
    const label = d.mode === 'rollCall' ? t.rollCall : t.namedVotes;
    const list = d.named.map((n) => `<li>${person(n.person)}: ${esc(t.choice[n.choice ?? 'none'])}</li>`).join('');
    parts.push(`<div class="named"><h3>${esc(label)}</h3><ul class="${d.named.length > 8 ? 'cols' : ''}">${list}</ul></div>`);
  }
  if (d.dissents.length) {
    const list = d.dissents.map((x) => `<li>${person(x.person)}: »${esc(x.text)}«</li>`).join('');
    parts.push(`<div class="dissents"><h3>${esc(t.dissents)}</h3><ul>${list}</ul></div>`);
  }
  const absentDiffers = d.absent.length !== meetingAbsent.size || d.absent.some((p) => !meetingAbsent.has(p.id));
  if (absentDiffers && d.mode !== null)
    parts.push(`<p class="small">${esc(t.absentAtDecision)}: ${people(d.absent, t.absentNone)}</p>`);
  return `<div class="decision">${parts.join('')}</div>`;
}

function itemHtml(item: DecisionRecord['items'][number], lang: Lang, meetingAbsent: Set<string>): string {
  const t = RECORD_TEXT[lang];
  if (item.closed) {
    return `<section class="item closed"><h2><span class="num">${esc(t.item)} ${item.number}.</span> ${esc(t.closedItem)}</h2></section>`;
  }
  const it = item as OpenRecordItem;
  const out: string[] = [];
  const reading = t.reading(it.reading, it.readings);
  out.push(
    `<h2><span class="num">${esc(t.item)} ${it.number}.</span> ${esc(it.title)}${reading ? ` <span class="muted">(${esc(reading)})</span>` : ''}</h2>`,
  );
  if (it.doors === 'closed')
    out.push(`<p class="closed-note">${esc(t.closedReason)}${it.closedReason ? `: ${esc(it.closedReason)}` : ''}</p>`);
  if (it.text) out.push(`<p class="text">${esc(it.text)}</p>`);
  if (it.proposal) out.push(`<p class="proposal"><span class="label">${esc(t.proposal)}:</span> ${esc(it.proposal)}</p>`);
  const outcome = it.outcome === 'referred' && it.referredTo ? `${esc(t.referredTo)} ${esc(it.referredTo)}` : esc(t.itemOutcome[it.outcome]);
  out.push(`<p class="outcome"><span class="label">${esc(t.decision)}:</span> <strong>${outcome}</strong></p>`);
  if (it.amendments.length) {
    const list = it.amendments
      .map(
        (a) =>
          `<li><span class="label">${esc(t.amendment)} ${esc(a.label)}</span>${a.parentLabel ? ` (${esc(t.subAmendment)} ${esc(a.parentLabel)})` : ''}, ${esc(t.from)} ${person(a.proposer)}: »${esc(a.text)}« – <em>${esc(t.amendmentStatus[a.status])}</em></li>`,
      )
      .join('');
    out.push(`<div class="amendments"><h3>${esc(t.amendments)}</h3><ul>${list}</ul></div>`);
  }
  if (it.disqualified.length) out.push(`<p class="small">${esc(t.disqualified)}: ${people(it.disqualified, t.absentNone)}</p>`);
  out.push(it.decisions.map((d) => decisionHtml(d, lang, meetingAbsent)).join(''));
  return `<section class="item">${out.join('')}</section>`;
}

function laterHtml(x: LaterAddition, lang: Lang): string {
  const t = RECORD_TEXT[lang];
  const where = x.itemNumber !== null ? `${t.item} ${x.itemNumber}: ` : '';
  if (x.closed) return `<li>${esc(where)}${esc(t.laterClosed)}</li>`;
  if (x.kind === 'decision') return `<li>${esc(where)}${esc(t.laterDecision)}${x.decision ? decisionHtml(x.decision, lang, new Set()) : ''}</li>`;
  if (x.kind === 'dissent') return `<li>${esc(where)}${esc(t.laterDissent)} – ${x.person ? person(x.person) : ''}: »${esc(x.text)}«</li>`;
  return `<li>${esc(where)}${esc(t.laterNamed)} – ${x.person ? person(x.person) : ''}: ${esc(t.choice[x.choice ?? 'none'])}</li>`;
}

/** Text safe inside a CSS string inside a <style> element. */
function cssString(text: string): string {
  return text.replace(/["\\<>\r\n]/g, '');
}

const CSS = (lang: Lang, headerRight: string) => {
  const t = RECORD_TEXT[lang];
  return `
@page {
  size: A4;
  margin: 22mm 20mm 24mm 22mm;
  @top-right { content: "${cssString(headerRight)}"; font: 8pt Georgia, serif; color: #555; }
  @bottom-center { content: "${t.page} " counter(page) " ${t.of} " counter(pages); font: 9pt Georgia, serif; }
}
:root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #b9b2a5; }
* { box-sizing: border-box; }
html { background: #e9e6df; }
body { margin: 0; color: var(--ink); font: 11pt/1.45 Georgia, "Times New Roman", serif; }
.sheet { background: #fff; max-width: 210mm; margin: 12px auto; padding: 20mm 20mm 18mm 22mm; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
.toolbar { max-width: 210mm; margin: 10px auto 0; font: 10pt system-ui, sans-serif; display: flex; gap: 14px; }
.toolbar a { color: #1d4f91; }
header.masthead { border-bottom: 2px solid var(--ink); padding-bottom: 6px; margin-bottom: 14px; }
.kicker { font: 600 9pt system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 20pt; margin: 2px 0 4px; font-weight: normal; }
.when { margin: 0; }
.edition { font: 9pt system-ui, sans-serif; color: var(--muted); margin: 6px 0 0; }
.banner { border: 1.5px solid #9b1c1c; color: #9b1c1c; padding: 4px 8px; font: 600 10pt system-ui, sans-serif; margin: 8px 0; }
.attendance p { margin: 2px 0; }
.label { font-weight: bold; }
.muted { color: var(--muted); font-weight: normal; }
section.item { border-top: 1px solid var(--rule); padding-top: 8px; margin-top: 14px; break-inside: auto; }
section.item h2 { font-size: 13pt; margin: 0 0 4px; break-after: avoid; }
section.item.closed h2 { font-style: italic; }
.num { font-variant-numeric: tabular-nums; }
.text { margin: 2px 0 4px; color: #333; }
.closed-note { font: italic 10pt Georgia, serif; color: #7a3b00; margin: 0 0 4px; }
.proposal, .outcome { margin: 3px 0; }
.decision { margin: 8px 0 4px 12px; padding-left: 10px; border-left: 2px solid var(--rule); break-inside: avoid; }
.point { margin: 0; font: 600 9.5pt system-ui, sans-serif; color: var(--muted); }
.time { font-weight: normal; }
blockquote.worded { margin: 2px 0; font-style: italic; }
.result { margin: 2px 0; }
ul.by-group { list-style: none; padding: 0; margin: 2px 0 4px; font-size: 10pt; }
ul.by-group li { margin: 0; }
.party { font-weight: 600; }
h3, h4 { font: 600 9.5pt system-ui, sans-serif; margin: 6px 0 2px; }
ul { margin: 2px 0; padding-left: 18px; }
ul.cols { columns: 2; column-gap: 24px; }
.small { font-size: 9.5pt; color: #333; margin: 3px 0; }
.signatures { margin-top: 22px; border-top: 2px solid var(--ink); padding-top: 8px; break-inside: avoid; }
.sig-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 10px; }
.sig { border-top: 1px solid var(--ink); padding-top: 4px; min-height: 46px; }
.sig .role { font: 600 9pt system-ui, sans-serif; color: var(--muted); }
.hash { font: 8.5pt ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
.corrections, .later { margin-top: 16px; border-top: 1px solid var(--rule); padding-top: 6px; }
@media print {
  html { background: #fff; }
  .toolbar { display: none; }
  .sheet { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
`;
};

/** The printable HTML page of a decision record. */
export function recordHtml(r: DecisionRecord, opts: HtmlOptions): string {
  const lang = opts.lang;
  const t = RECORD_TEXT[lang];
  const tz = r.meeting.timeZone;
  const when =
    r.meeting.openedAt !== null
      ? `${longDate(r.meeting.openedAt, lang, tz)} ${t.at} ${clock(r.meeting.start ?? '', lang)}${r.meeting.end ? `–${clock(r.meeting.end, lang)}` : ''}`
      : t.notOpened;
  const dateShort = r.meeting.date ?? '';
  const meetingAbsent = new Set(r.attendance.absent.map((p) => p.id));
  const body: string[] = [];

  body.push(`<header class="masthead"><div class="kicker">${esc(r.chamber)}</div><h1>${esc(t.record)}</h1>`);
  body.push(`<p class="when"><strong>${esc(r.title)}</strong>, ${esc(when)}</p>`);
  body.push(`<p class="edition">${esc(r.audience === 'members' ? t.membersEdition : t.publicEdition)}</p></header>`);
  if (!r.anchor) body.push(`<p class="banner">${esc(t.draft)}</p>`);
  else if (!r.signed) body.push(`<p class="banner">${esc(t.partlySigned)}</p>`);

  const a = r.attendance;
  const att: string[] = [];
  if (r.chair) att.push(`<p><span class="label">${esc(t.chair)}:</span> ${person(r.chair)}</p>`);
  att.push(`<p><span class="label">${esc(t.present)}:</span> ${a.present.length} ${esc(t.membersPresent)}</p>`);
  att.push(`<p><span class="label">${esc(t.absent)}:</span> ${people(a.absent, t.absentNone)}</p>`);
  if (a.partlyAbsent.length)
    att.push(
      `<p><span class="label">${esc(t.partlyAbsent)}:</span> ${a.partlyAbsent
        .map((x) => `${person(x.person)} – ${esc(t.atItems)} ${x.items.map((n) => (n === 0 ? esc(t.meetingLevel) : String(n))).join(', ')}`)
        .join('; ')}</p>`,
    );
  if (a.substitutes.length)
    att.push(
      `<p><span class="label">${esc(t.substitutes)}:</span> ${a.substitutes
        .map((x) => `${person(x.substitute)} ${esc(t.substituteFor)} ${person(x.forMember)}`)
        .join('; ')}</p>`,
    );
  body.push(`<div class="attendance">${att.join('')}</div>`);

  for (const item of r.items) body.push(itemHtml(item, lang, meetingAbsent));

  if (r.meetingDecisions.length)
    body.push(
      `<section class="item"><h2>${esc(t.meetingDecisions)}</h2>${r.meetingDecisions.map((d) => decisionHtml(d, lang, meetingAbsent)).join('')}</section>`,
    );

  if (r.speaking) body.push(speakingHtml(r.speaking, lang));

  const sig = (role: 'chair' | 'secretariat') => {
    const s = r.signatures.find((x) => x.role === role);
    const label = role === 'chair' ? t.signChair : t.signSecretariat;
    return `<div class="sig"><div class="role">${esc(label)}</div>${
      s ? `<div>${esc(s.name)}</div><div class="small">${esc(t.signedAt)} ${esc(stamp(s.at, lang, tz))}</div>` : `<div class="muted">${esc(t.notSigned)}</div>`
    }</div>`;
  };
  body.push(`<section class="signatures"><h3>${esc(t.signatures)}</h3><div class="sig-grid">${sig('chair')}${sig('secretariat')}</div>`);
  if (r.anchor)
    body.push(
      `<p class="small">${esc(t.chain(r.anchor.lastSeq))} <span class="hash">${esc(r.anchor.lastHash)}</span>.</p><p class="small">${esc(t.setup)} <span class="hash">${esc(r.anchor.setupHash)}</span>.</p>`,
    );
  body.push('</section>');

  if (r.corrections.length) {
    const list = r.corrections
      .map((c) => {
        const where = c.itemNumber !== null ? `${t.item} ${c.itemNumber}: ` : '';
        const text = c.closed && c.text === undefined ? esc(t.correctionToClosed) : `»${esc(c.text)}«`;
        return `<li>${esc(where)}${text} <span class="small">– ${esc(t.correctionBy)} ${esc(c.by)}, ${esc(stamp(c.at, lang, tz))}; log ${c.lastSeq} <span class="hash">${esc(c.lastHash.slice(0, 16))}…</span></span></li>`;
      })
      .join('');
    body.push(`<section class="corrections"><h3>${esc(t.corrections)}</h3><ol>${list}</ol></section>`);
  }
  if (r.later.length)
    body.push(`<section class="later"><h3>${esc(t.later)}</h3><p class="small">${esc(t.laterNote)}</p><ul>${r.later.map((x) => laterHtml(x, lang)).join('')}</ul></section>`);

  const links = opts.links ?? {};
  const toolbar = [
    links.archive ? `<a href="${esc(links.archive)}">${esc(t.archive)}</a>` : '',
    links.otherLang ? `<a href="${esc(links.otherLang)}" hreflang="${lang === 'da' ? 'en' : 'da'}">${esc(t.otherLang)}</a>` : '',
    links.json ? `<a href="${esc(links.json)}">${esc(t.json)}</a>` : '',
    links.csv ? `<a href="${esc(links.csv)}">${esc(t.csv)}</a>` : '',
  ]
    .filter(Boolean)
    .join('');
  const headerRight = `${t.record} · ${r.title} · ${dateShort}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.record} – ${r.title}${dateShort ? ` ${dateShort}` : ''}`)}</title>
<style>${CSS(lang, headerRight)}</style>
</head>
<body>
${toolbar ? `<nav class="toolbar">${toolbar}</nav>` : ''}
<main class="sheet">
${body.join('\n')}
</main>
</body>
</html>
`;
}

/** § 19: the speaking-time section — the meeting's totals, then each item's. */
function speakingHtml(st: SpeakingStats, lang: Lang): string {
  const w = TIMELINE_TEXT[lang];
  const t = RECORD_TEXT[lang];
  const rows = (x: SpeakingTally) => {
    const groups = x.byGroup
      .map((g) => `<li><span class="party">${esc(g.person ? `${g.person.name} (${g.group})` : `${g.group} – ${g.groupName}`)}</span>: ${esc(formatDuration(g.ms))} <span class="muted">(${esc(w.speeches(g.speeches))})</span></li>`)
      .join('');
    const persons = x.byPerson
      .map((p) => `<li>${esc(`${p.person.name}${p.person.group ? ` (${p.person.group})` : ''}`)}: ${esc(formatDuration(p.ms))} <span class="muted">(${esc(w.speeches(p.speeches))})</span></li>`)
      .join('');
    // Annex (bilag 1): only the kinds that occurred, so a council without them sees no empty rows.
    const kinds = SPEECH_KINDS.filter((k) => x.byKind[k].speeches > 0)
      .map((k) => `<li>${esc(w.kinds[k])}: ${esc(formatDuration(x.byKind[k].ms))} <span class="muted">(${esc(w.speeches(x.byKind[k].speeches))})</span></li>`)
      .join('');
    return (
      `<p class="small"><span class="label">${esc(w.total)}:</span> ${esc(formatDuration(x.ms))} (${esc(w.speeches(x.speeches))})</p>` +
      `<h4>${esc(w.byKind)}</h4><ul class="by-kind">${kinds}</ul>` +
      `<h4>${esc(w.byGroup)}</h4><ul class="by-group">${groups}</ul><h4>${esc(w.byPerson)}</h4><ul class="cols">${persons}</ul>`
    );
  };
  const out = [`<section class="item speaking"><h2>${esc(w.speaking)}</h2>`];
  out.push(`<p class="small">${esc(w.speakingNote)}${st.audience === 'public' ? ` ${esc(w.speakingPublicNote)}` : ''}</p>`);
  if (!st.meeting.speeches) out.push(`<p>${esc(w.noSpeeches)}</p>`);
  else {
    out.push(`<h3>${esc(w.wholeMeeting)}</h3>${rows(st.meeting)}`);
    for (const it of st.items) if (it.speeches) out.push(`<h3>${esc(`${t.item} ${it.number}. ${it.title}`)}</h3>${rows(it)}`);
  }
  out.push('</section>');
  return out.join('');
}
