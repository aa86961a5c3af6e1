import { closedLast } from '../engine/state';
import type { MeetingDetails } from '../term/lifecycle';
import type { ItemKind } from '../types';
import { esc } from './html';
import { RECORD_TEXT, type Lang } from './i18n';
import type { DecisionRecord, ItemOutcome } from './types';

// § 29, stk. 4: the public archive a city links to from its website: every published
// meeting with its agenda and its public decision record, and the public agendas of the
// meetings to come. §§ 2–3: a closed item is only ever its number and "Lukket punkt" here,
// whether it was planned closed or closed in the chamber; nothing else of it leaves.

/** One agenda line as the public may see it. */
export type ArchiveAgendaItem =
  | { number: number; closed: true; title: 'Lukket punkt' }
  | {
      number: number;
      closed: false;
      title: string;
      text: string;
      kind: ItemKind;
      proposal: string | null;
      readings: 1 | 2;
      /** § 21: 2 for a second reading moved here from an earlier meeting. */
      reading: 1 | 2;
      /** § 9, stk. 2: why an item on short notice is urgent (on the agenda, so public). */
      urgentReason: string | null;
      /** A published meeting's items: what was decided (the record's words for it). */
      outcome?: ItemOutcome;
    };

export interface ArchiveLinks {
  html: string;
  json: string;
  csv?: string;
}

export interface ArchivedMeeting {
  id: string;
  title: string;
  date: string;
  time: string;
  publishedAt: number | null;
  /** Signed by the chair and the secretariat (§ 29, stk. 1): always, once published. */
  signed: boolean;
  agenda: ArchiveAgendaItem[];
  links: ArchiveLinks;
}

export interface ComingMeeting {
  id: string;
  title: string;
  date: string;
  time: string;
  /** The meeting the chamber's screens show now. */
  live: boolean;
  /** § 4, stk. 5: demanded by a third of the members. */
  extraordinary: boolean;
  agenda: ArchiveAgendaItem[];
  links: ArchiveLinks;
}

export interface Archive {
  format: 'salen.archive/1';
  chamber: string;
  /** Newest first. */
  published: ArchivedMeeting[];
  /** Soonest first. */
  coming: ComingMeeting[];
}

const CLOSED = (number: number): ArchiveAgendaItem => ({ number, closed: true, title: 'Lukket punkt' });

/** A planned meeting's agenda, public: closed items by number only (§§ 2–3). */
export function publicAgenda(agenda: MeetingDetails['agenda']): ArchiveAgendaItem[] {
  // Numbered as the meeting will number them: closed items last (§ 2, stk. 6).
  return closedLast(agenda).map((i, k) =>
    i.doors === 'closed'
      ? CLOSED(k + 1)
      : {
          number: k + 1,
          closed: false,
          title: i.title,
          text: i.text,
          kind: i.kind,
          proposal: i.proposal ?? null,
          readings: i.readings ?? 1,
          reading: i.carriedFrom ? 2 : 1,
          urgentReason: i.urgentReason?.trim() || null,
        },
  );
}

/** A held meeting's agenda from its public record: what the chamber did, closed items by number. */
export function recordAgenda(r: DecisionRecord): ArchiveAgendaItem[] {
  if (r.audience !== 'public') throw new Error('the archive shows the public record only (§ 3)');
  return r.items.map((i) =>
    i.closed
      ? CLOSED(i.number)
      : {
          number: i.number,
          closed: false,
          title: i.title,
          text: i.text,
          kind: i.kind,
          proposal: i.proposal,
          readings: i.readings,
          reading: i.reading,
          urgentReason: null,
          outcome: i.outcome,
        },
  );
}

/** Newest first by the meeting's day and time; soonest first for the coming ones. */
export function byDate<T extends { date: string; time: string }>(list: T[], newestFirst: boolean): T[] {
  return [...list].sort((a, b) => {
    const c = `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`);
    return newestFirst ? -c : c;
  });
}

export const ARCHIVE_TEXT = {
  da: {
    title: 'Arkiv',
    heading: 'Møder, dagsordener og beslutningsprotokoller',
    intro:
      'Her offentliggøres dagsordenerne for de kommende møder og beslutningsprotokollen for hvert afholdt møde, når forpersonen og sekretariatet har underskrevet den (§ 29, stk. 4). Punkter for lukkede døre vises kun med nummer (§§ 2–3).',
    coming: 'Kommende møder',
    noComing: 'Ingen møder er planlagt.',
    published: 'Offentliggjorte møder',
    noPublished: 'Ingen protokoller er offentliggjort endnu.',
    agenda: 'Dagsorden',
    emptyAgenda: 'Dagsordenen er endnu tom.',
    live: 'Mødet vises nu i salen',
    extraordinary: 'Ekstraordinært møde (§ 4, stk. 5)',
    at: 'kl.',
    record: 'Beslutningsprotokol',
    json: 'JSON',
    csv: 'Afstemninger (CSV)',
    publishedOn: 'Offentliggjort',
    proposal: 'Indstilling',
    urgent: 'Hastende (§ 9, stk. 2)',
    secondReading: '2. behandling, § 21',
    decision: 'Beslutning',
    otherLang: 'English',
    archiveJson: 'Arkivet som JSON',
    agendaOf: 'Dagsorden',
    back: 'Til arkivet',
  },
  en: {
    title: 'Archive',
    heading: 'Meetings, agendas and decision records',
    intro:
      'The agendas of the coming meetings, and the decision record of each meeting held once the chair and the secretariat have signed it (§ 29(4)). Items behind closed doors are shown by number only (§§ 2–3).',
    coming: 'Coming meetings',
    noComing: 'No meetings are planned.',
    published: 'Published meetings',
    noPublished: 'No records have been published yet.',
    agenda: 'Agenda',
    emptyAgenda: 'The agenda is still empty.',
    live: 'Now on the chamber’s screens',
    extraordinary: 'Extraordinary meeting (§ 4(5))',
    at: 'at',
    record: 'Decision record',
    json: 'JSON',
    csv: 'Votes (CSV)',
    publishedOn: 'Published',
    proposal: 'Proposal',
    urgent: 'Urgent (§ 9(2))',
    secondReading: 'second reading, § 21',
    decision: 'Decision',
    otherLang: 'Dansk',
    archiveJson: 'The archive as JSON',
    agendaOf: 'Agenda',
    back: 'To the archive',
  },
} as const;

/** A meeting's day in words: "tirsdag den 4. november 2026" / "Tuesday 4 November 2026". */
function longDay(date: string, lang: Lang): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
const clock = (hhmm: string, lang: Lang) => (lang === 'da' ? hhmm.replace(':', '.') : hhmm);
function stampDay(ts: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(ts));
}

/** Adds `?lang=en` to a link when the page is in English. */
export function inLang(href: string, lang: Lang): string {
  return lang === 'en' ? `${href}${href.includes('?') ? '&' : '?'}lang=en` : href;
}

function agendaHtml(items: ArchiveAgendaItem[], lang: Lang): string {
  const t = ARCHIVE_TEXT[lang];
  const r = RECORD_TEXT[lang];
  if (!items.length) return `<p class="muted">${esc(t.emptyAgenda)}</p>`;
  const li = items.map((i) => {
    const num = `<span class="num">${esc(r.item)} ${i.number}.</span>`;
    if (i.closed) return `<li class="closed">${num} <em>${esc(r.closedItem)}</em></li>`;
    const parts = [`${num} <strong>${esc(i.title)}</strong>`];
    if (i.readings === 2) parts.push(` <span class="muted">(${esc(i.reading === 2 ? t.secondReading : r.reading(i.reading, 2))})</span>`);
    if (i.text) parts.push(`<br><span class="text">${esc(i.text)}</span>`);
    if (i.proposal && !i.outcome) parts.push(`<br><span class="label">${esc(t.proposal)}:</span> ${esc(i.proposal)}`);
    if (i.urgentReason) parts.push(`<br><span class="label">${esc(t.urgent)}:</span> ${esc(i.urgentReason)}`);
    if (i.outcome) parts.push(`<br><span class="label">${esc(t.decision)}:</span> ${esc(r.itemOutcome[i.outcome])}`);
    return `<li>${parts.join('')}</li>`;
  });
  // The numbers are the agenda's own (a closed item keeps its place): no list numbering.
  return `<ul class="agenda">${li.join('')}</ul>`;
}

function when(m: { date: string; time: string }, lang: Lang): string {
  return `${longDay(m.date, lang)} ${ARCHIVE_TEXT[lang].at} ${clock(m.time, lang)}`;
}

function comingHtml(m: ComingMeeting, lang: Lang, level: 2 | 3): string {
  const t = ARCHIVE_TEXT[lang];
  const h = `h${level}`;
  const notes = [m.live ? t.live : '', m.extraordinary ? t.extraordinary : ''].filter(Boolean);
  return `<article class="meeting" aria-labelledby="m-${esc(m.id)}"><${h} id="m-${esc(m.id)}"><a href="${esc(inLang(m.links.html, lang))}">${esc(m.title)}</a></${h}>
<p class="when">${esc(when(m, lang))}${notes.length ? ` · <span class="note">${esc(notes.join(' · '))}</span>` : ''}</p>
${agendaHtml(m.agenda, lang)}</article>`;
}

function publishedHtml(m: ArchivedMeeting, lang: Lang, timeZone: string): string {
  const t = ARCHIVE_TEXT[lang];
  const links = [
    `<a href="${esc(inLang(m.links.html, lang))}">${esc(t.record)}<span class="sr"> – ${esc(m.title)}, ${esc(m.date)}</span></a>`,
    `<a href="${esc(m.links.json)}">${esc(t.json)}<span class="sr"> – ${esc(m.title)}, ${esc(m.date)}</span></a>`,
    m.links.csv ? `<a href="${esc(inLang(m.links.csv, lang))}">${esc(t.csv)}<span class="sr"> – ${esc(m.title)}, ${esc(m.date)}</span></a>` : '',
  ].filter(Boolean);
  return `<article class="meeting" aria-labelledby="m-${esc(m.id)}"><h3 id="m-${esc(m.id)}"><a href="${esc(inLang(m.links.html, lang))}">${esc(m.title)}</a></h3>
<p class="when">${esc(when(m, lang))}${m.publishedAt !== null ? ` · ${esc(t.publishedOn)} ${esc(stampDay(m.publishedAt, lang, timeZone))}` : ''}</p>
<p class="links">${links.join(' ')}</p>
<h4>${esc(t.agenda)}</h4>
${agendaHtml(m.agenda, lang)}</article>`;
}

const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #c9c2b5; --link: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f4f2ee; font: 16px/1.5 Georgia, "Times New Roman", serif; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.wrap { max-width: 52rem; margin: 0 auto; padding: 0 16px; }
header.top { background: #fff; border-bottom: 2px solid var(--ink); padding: 14px 0 10px; }
.kicker { font: 600 0.8rem system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); margin: 0; }
h1 { font-size: 1.8rem; font-weight: normal; margin: 2px 0 6px; }
nav.tools { font: 0.95rem system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: 4px 18px; }
nav.tools a, .links a { display: inline-block; padding: 10px 0; min-height: 44px; }
.intro { margin: 14px 0; }
h2 { font-size: 1.35rem; margin: 26px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
article.meeting { background: #fff; border: 1px solid var(--rule); padding: 10px 16px 12px; margin: 12px 0; }
article.meeting h3 { font-size: 1.15rem; margin: 2px 0; }
h4 { font: 600 0.9rem system-ui, sans-serif; margin: 8px 0 2px; color: var(--muted); }
.when { margin: 0 0 4px; color: var(--muted); }
.note { color: #7a3b00; }
.links { margin: 0; font: 0.95rem system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: 0 18px; }
ul.agenda { list-style: none; padding: 0; margin: 4px 0 0; }
ul.agenda li { padding: 6px 0; border-top: 1px dotted var(--rule); }
ul.agenda li:first-child { border-top: 0; }
.num { font-variant-numeric: tabular-nums; color: var(--muted); }
.text { color: #333; }
.label { font-weight: bold; }
.muted { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin: 28px 0 20px; font: 0.85rem system-ui, sans-serif; color: var(--muted); }
`;

function page(lang: Lang, title: string, kicker: string, nav: string, main: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><div class="wrap"><p class="kicker">${esc(kicker)}</p><h1>${esc(title)}</h1><nav class="tools" aria-label="${esc(ARCHIVE_TEXT[lang].title)}">${nav}</nav></div></header>
<main class="wrap">
${main}
</main>
<footer class="wrap">Salen</footer>
</body>
</html>
`;
}

const langLink = (href: string, lang: Lang) =>
  `<a href="${esc(lang === 'da' ? inLang(href, 'en') : href)}" hreflang="${lang === 'da' ? 'en' : 'da'}" lang="${lang === 'da' ? 'en' : 'da'}">${esc(ARCHIVE_TEXT[lang].otherLang)}</a>`;

/** `GET /archive`: the archive's one page, no script. */
export function archiveHtml(a: Archive, opts: { lang: Lang; timeZone: string; self: string; json: string }): string {
  const { lang } = opts;
  const t = ARCHIVE_TEXT[lang];
  const main = [
    `<p class="intro">${esc(t.intro)}</p>`,
    `<section aria-labelledby="coming"><h2 id="coming">${esc(t.coming)}</h2>${a.coming.length ? a.coming.map((m) => comingHtml(m, lang, 3)).join('\n') : `<p>${esc(t.noComing)}</p>`}</section>`,
    `<section aria-labelledby="published"><h2 id="published">${esc(t.published)}</h2>${a.published.length ? a.published.map((m) => publishedHtml(m, lang, opts.timeZone)).join('\n') : `<p>${esc(t.noPublished)}</p>`}</section>`,
  ].join('\n');
  const nav = `${langLink(opts.self, lang)}<a href="${esc(opts.json)}">${esc(t.archiveJson)}</a>`;
  return page(lang, `${t.title} – ${t.heading}`, a.chamber, nav, main);
}

/** `GET /archive/:id` of a coming meeting: its public agenda alone. */
export function agendaPageHtml(m: ComingMeeting, chamber: string, opts: { lang: Lang; archive: string }): string {
  const { lang } = opts;
  const t = ARCHIVE_TEXT[lang];
  const nav = `<a href="${esc(inLang(opts.archive, lang))}">${esc(t.back)}</a>${langLink(m.links.html, lang)}<a href="${esc(m.links.json)}">${esc(t.json)}</a>`;
  const notes = [m.live ? t.live : '', m.extraordinary ? t.extraordinary : ''].filter(Boolean);
  const main = `<p class="when">${esc(m.title)} – ${esc(when(m, lang))}${notes.length ? ` · <span class="note">${esc(notes.join(' · '))}</span>` : ''}</p>
<section aria-labelledby="agenda"><h2 id="agenda">${esc(t.agenda)}</h2>${agendaHtml(m.agenda, lang)}</section>`;
  return page(lang, `${t.agendaOf} – ${m.title}, ${m.date}`, chamber, nav, main);
}
