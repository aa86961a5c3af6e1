import { Router, type Request, type Response } from 'express';
import { agendaPageHtml, archiveHtml, byDate, publicAgenda, recordAgenda, type Archive, type ArchivedMeeting, type ComingMeeting } from '../../shared/record/archive';
import { recordHtml } from '../../shared/record/html';
import { RECORD_TEXT, votesCsvIn, type Lang } from '../../shared/record/i18n';
import type { DecisionRecord } from '../../shared/record/types';
import { makeConfig, type ChamberConfig } from '../../shared/config';
import type { MeetingDetails } from '../../shared/term/lifecycle';
import type { Term } from '../meeting/term';
import { getMeta, lastHash, type Council } from '../store/db';
import { allowInlineStyles, inlineStyleHashes } from '../transport/headers';
import type { RecordStore } from './store';

// § 29, stk. 4: the public archive (shared/record/archive.ts), server-rendered, no script.
//   GET /archive[?lang=en]                  every published meeting (newest first) with its agenda
//                                           and record links, and the coming meetings' agendas
//   GET /archive.json                       the same as JSON (format salen.archive/1)
//   GET /archive/:id[?lang=en]              a published meeting's public record (HTML), or a
//                                           coming meeting's public agenda
//   GET /archive/:id.json                   …as JSON
//   GET /archive/:id/votes.csv[?lang=en]    a published meeting's votes (CSV)
// Any other meeting (open, closed, signed but not published) answers 404 in the refusal shape.
// Always the public audience: a closed item is its number and "Lukket punkt" (§§ 2–3).

type Found = { kind: 'published'; meeting: MeetingDetails } | { kind: 'coming'; meeting: MeetingDetails } | { kind: 'refused'; status: number; body: object };

const notFound = (code: string, paragraph: string, da: string, en: string) => ({ kind: 'refused' as const, status: 404, body: { ok: false, code, paragraph, message: { da, en } } });

/** The meetings the archive shows agendas of before they are held. */
// § 9: a coming meeting's agenda is public once it has gone to the members (or the meeting
// is in the chamber now); a draft the secretariat is still preparing is not.
const coming = (m: MeetingDetails) => m.status === 'planned' && (m.noticeSentAt !== null || m.live);

export function archiveRouter(term: Term): Router {
  const router = Router();
  const stores = new Map<string, RecordStore>();
  const records = new Map<string, { key: string; record: DecisionRecord }>();

  const langOf = (req: Request): Lang => (req.query.lang === 'en' ? 'en' : 'da');
  const config = (): ChamberConfig => makeConfig(getMeta<Partial<ChamberConfig>>(term.db, 'config') ?? {});
  const chamber = () => getMeta<Council>(term.db, 'council')?.chamber.name ?? '';

  /** A published meeting's public record, built again only when its log, signatures or corrections grew. */
  function record(id: string): DecisionRecord {
    const counts = term.db
      .prepare('SELECT (SELECT COUNT(*) FROM record_signatures WHERE meeting = ?) AS s, (SELECT COUNT(*) FROM record_corrections WHERE meeting = ?) AS c')
      .get(id, id) as { s: number; c: number };
    const key = `${lastHash(term.db, id).seq}:${counts.s}:${counts.c}`;
    const hit = records.get(id);
    if (hit?.key === key) return hit.record;
    let store = stores.get(id);
    if (!store) stores.set(id, (store = term.recordStore(id)));
    const r = store.record('public');
    records.set(id, { key, record: r });
    return r;
  }

  const base = (id: string) => `/archive/${encodeURIComponent(id)}`;

  function archived(m: MeetingDetails): ArchivedMeeting {
    const r = record(m.id);
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      time: m.time,
      publishedAt: m.publishedAt,
      signed: r.signed,
      agenda: recordAgenda(r),
      links: { html: base(m.id), json: `${base(m.id)}.json`, csv: `${base(m.id)}/votes.csv` },
    };
  }

  function comingOf(m: MeetingDetails): ComingMeeting {
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      time: m.time,
      live: m.live,
      extraordinary: m.extraordinary !== null,
      agenda: publicAgenda(m.agenda),
      links: { html: base(m.id), json: `${base(m.id)}.json` },
    };
  }

  function archive(): Archive {
    const all = term.all();
    return {
      format: 'salen.archive/1',
      chamber: chamber(),
      published: byDate(all.filter((m) => m.status === 'published'), true).map(archived),
      coming: byDate(all.filter(coming), false).map(comingOf),
    };
  }

  function find(id: string): Found {
    const m = term.get(id);
    if (!m) return notFound('UNKNOWN_MEETING', '—', 'Ukendt møde.', 'Unknown meeting.');
    if (m.status === 'published') return { kind: 'published', meeting: m };
    if (coming(m)) return { kind: 'coming', meeting: m };
    return notFound(
      'NOT_PUBLISHED',
      '§ 29, stk. 4',
      'Mødets beslutningsprotokol er ikke offentliggjort endnu: det sker, når forpersonen og sekretariatet har underskrevet den.',
      "The meeting's decision record has not been published yet: that happens once the chair and the secretariat have signed it.",
    );
  }

  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');
  function html(res: Response, text: string) {
    noStore(res);
    // The page's one <style> block is allowed by its hash; no other inline style, no script.
    allowInlineStyles(res, inlineStyleHashes(text));
    res.type('html').send(text);
  }
  const refuse = (res: Response, f: Extract<Found, { kind: 'refused' }>) => {
    noStore(res);
    res.status(f.status).json(f.body);
  };

  router.get('/archive', (req, res) => {
    html(res, archiveHtml(archive(), { lang: langOf(req), timeZone: config().timeZone, self: '/archive', json: '/archive.json' }));
  });
  router.get('/archive.json', (_req, res) => {
    noStore(res);
    res.json(archive());
  });

  router.get('/archive/:name', (req, res) => {
    const name = req.params.name;
    const asJson = name.endsWith('.json');
    const f = find(asJson ? name.slice(0, -'.json'.length) : name);
    if (f.kind === 'refused') return refuse(res, f);
    const m = f.meeting;
    const lang = langOf(req);
    if (f.kind === 'coming') {
      if (asJson) {
        noStore(res);
        return res.json(comingOf(m));
      }
      return html(res, agendaPageHtml(comingOf(m), chamber(), { lang, archive: '/archive' }));
    }
    const r = record(m.id);
    if (asJson) {
      noStore(res);
      return res.type('json').send(JSON.stringify(r));
    }
    const b = base(m.id);
    html(
      res,
      recordHtml(r, {
        lang,
        links: {
          archive: lang === 'en' ? '/archive?lang=en' : '/archive',
          otherLang: lang === 'da' ? `${b}?lang=en` : b,
          json: `${b}.json`,
          csv: `${b}/votes.csv${lang === 'da' ? '' : '?lang=en'}`,
        },
      }),
    );
  });

  router.get('/archive/:id/votes.csv', (req, res) => {
    const f = find(req.params.id);
    if (f.kind === 'refused') return refuse(res, f);
    if (f.kind === 'coming')
      return refuse(res, notFound('NOT_PUBLISHED', '§ 29, stk. 4', 'Mødet er ikke afholdt endnu.', 'The meeting has not been held yet.'));
    const lang = langOf(req);
    noStore(res);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${f.meeting.date}-${RECORD_TEXT[lang].csvWords.filename(false)}"`)
      .send(votesCsvIn(record(f.meeting.id), lang));
  });

  return router;
}
