import express, { Router, type Request, type Response } from 'express';
import { recordHtml } from '../../shared/record/html';
import { RECORD_TEXT, votesCsvIn, type Lang } from '../../shared/record/i18n';
import { buildTimeline, chapters, chaptersVtt, timelineJson } from '../../shared/record/timeline';
import type { Audience } from '../../shared/record/types';
import type { Term } from '../meeting/term';
import type { MeetingService } from '../meeting/service';
import { SecretsBusyError } from '../security/secrets';
import { checkSecret, findBySecret } from '../store/credentials';
import { allowInlineStyles, inlineStyleHashes } from '../transport/headers';
import { SignInLimiter, type SignInLimits } from '../transport/limits';
import { VersionCache } from '../transport/version-cache';
import { RecordStore, UNAUTHORIZED, type RecordRefusal } from './store';

// § 29: the decision record over HTTP.
//   GET  /record[?lang=en]            public printable HTML (stk. 4: published on the web)
//   GET  /record.json                 public JSON
//   GET  /record/votes.csv[?lang=en]  public CSV of the decisions (header and details in the language)
//   GET  /record/members[?lang=en]    members' version (closed items included), and
//   GET  /record/members.json         …/members/votes.csv: a member's personal code
//   GET  /record/members/votes.csv    (?code=…) or HTTP Basic (user "secretariat" with its password,
//                                     a chair's person id with its password, or any other user with a member code)
//   GET  /record/chapters.vtt[?lang=en][&start=<ISO time>]
//                                     WebVTT chapters (items, speeches, votes) from the opening
//                                     or from the video's start; a closed item only as its number
//   GET  /record/timeline.json        the same timeline as JSON (ISO times)
//   GET  /record/members/chapters.vtt …and the members' variants (closed items in full), with
//   GET  /record/members/timeline.json the members' version's access
//   POST /record/sign                 { role: 'chair', personId, password } | { role: 'secretariat', password, name? }
//   POST /record/corrections          the same credentials + { text, itemId? }
// Failed sign-ins are limited per client address (req.ip: see `trust proxy`), per account and
// overall (server/transport/limits.ts): 429 + Retry-After, checked before any secret is.
// Every output is computed once per meeting version and record revision.

export interface RecordRouterOptions {
  clock?: () => number;
  /** Failed sign-ins allowed per client address, per account and overall (tests use short windows). */
  limits?: Partial<SignInLimits>;
  /**
   * The council's meetings: a signature or correction with `?meeting=ID` is for that meeting's
   * record (one closed before another went live); the meetings list learns of a signature.
   */
  term?: Term;
}

/** Who a member-version request or a signature claims to be, for the per-account limit. */
interface Attempt {
  /** Accounts whose secret this request tries; none when it carries no credential at all. */
  accounts: string[];
}

function basicCredentials(req: Request): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The accounts a members' version request tries: a code in ?code= tries the members' codes
 * ('code'); HTTP Basic with user "secretariat" tries the secretariat's password only; with a
 * chair's person id, that chair's password and, as a code, the members' codes; with any other
 * user, only the codes (the user name is not an account then).
 */
function memberAttempt(req: Request, chairLine: string[]): Attempt {
  if (typeof req.query.code === 'string') return { accounts: ['code'] };
  const basic = basicCredentials(req);
  if (!basic) return { accounts: [] };
  if (basic.user === 'secretariat') return { accounts: ['secretariat'] };
  return { accounts: chairLine.includes(basic.user) ? [basic.user, 'code'] : ['code'] };
}

/** A signature or correction tries the chair's person id or the secretariat. */
function bodyAttempt(body: unknown): Attempt {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (b.role === 'chair') return { accounts: [typeof b.personId === 'string' ? b.personId : '?'] };
  if (b.role === 'secretariat') return { accounts: ['secretariat'] };
  return { accounts: [] };
}

export function recordRouter(service: MeetingService, opts: RecordRouterOptions = {}): Router {
  const store = new RecordStore(service, opts.clock);
  const router = Router();
  const limiter = new SignInLimiter(opts.limits);
  // Signatures and corrections live beside the log: each one is a new revision of the record.
  let revision = 0;
  const cache = new VersionCache(() => service.state, () => revision);
  const record = (audience: Audience) => cache.get(`record:${audience}`, () => store.record(audience));

  const langOf = (req: Request): Lang => (req.query.lang === 'en' ? 'en' : 'da');
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  function send(res: Response, r: RecordRefusal) {
    const { status, ...body } = r;
    if (status === 401) res.set('WWW-Authenticate', 'Basic realm="Salen: beslutningsprotokol", charset="UTF-8"');
    res.status(status).json(body);
  }

  /** Members, the chair line and the secretariat may read the members' version (§ 3). */
  async function memberAccess(req: Request): Promise<boolean> {
    const code = typeof req.query.code === 'string' ? req.query.code : undefined;
    if (code !== undefined) return code.length > 0 && code.length <= 64 && findBySecret(service.db, 'code', code) !== null;
    const basic = basicCredentials(req);
    if (!basic) return false;
    const { user, password } = basic;
    if (!password || password.length > 200) return false;
    if (user === 'secretariat') return checkSecret(service.db, 'secretariat', 'secretariat', password);
    if (user && (await checkSecret(service.db, 'chair', user, password))) return true;
    return findBySecret(service.db, 'code', password) !== null;
  }

  function tooMany(res: Response, waitMs: number) {
    res
      .status(429)
      .set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))))
      .json({ ok: false, code: 'RATE_LIMITED', paragraph: '—', message: { da: 'For mange forkerte forsøg; vent lidt.', en: 'Too many failed attempts; wait a while.' } });
  }

  /**
   * The members' version: refused with 429 (nothing checked, nothing counted) while the client's
   * address, an account it tries or everyone together has used up its failures; a failure counts.
   */
  async function guard(req: Request, res: Response): Promise<boolean> {
    const { accounts } = memberAttempt(req, service.state.chair.line);
    const address = req.ip ?? '?';
    const wait = await limiter.blockedFor(address, accounts);
    if (wait > 0) {
      tooMany(res, wait);
      return false;
    }
    try {
      if (await memberAccess(req)) return true;
    } catch (e) {
      // Too many password checks at once: refused unchecked and uncounted.
      if (!(e instanceof SecretsBusyError)) throw e;
      tooMany(res, 1000);
      return false;
    }
    // A request with no credential at all (a browser's first visit, before it asks for a
    // password) guesses nothing and counts nothing.
    if (accounts.length) await limiter.failed(address, accounts);
    send(res, UNAUTHORIZED());
    return false;
  }

  // Every output is computed once per meeting version (and record revision), then served
  // from the cache: the members' page per language and per code, because its links carry it.
  function html(audience: Audience, base: string) {
    return async (req: Request, res: Response) => {
      if (audience === 'members' && !(await guard(req, res))) return;
      const lang = langOf(req);
      const code = audience === 'members' && typeof req.query.code === 'string' ? req.query.code : null;
      const page = cache.get(`html:${audience}:${lang}:${code ?? ''}`, () => {
        const q = (extra: Record<string, string>) => {
          const p = new URLSearchParams({ ...(code ? { code } : {}), ...extra });
          const s = p.toString();
          return s ? `?${s}` : '';
        };
        const text = recordHtml(record(audience), {
          lang,
          links: {
            archive: lang === 'en' ? '/archive?lang=en' : '/archive',
            otherLang: `${base}${q(lang === 'da' ? { lang: 'en' } : {})}`,
            json: `${base}.json${q({})}`,
            csv: `${base}/votes.csv${q(lang === 'da' ? {} : { lang })}`,
          },
        });
        return { text, styles: inlineStyleHashes(text) };
      });
      noStore(res);
      // The page's one <style> block is allowed by its hash; no other inline style or script.
      allowInlineStyles(res, page.styles);
      res.type('html').send(page.text);
    };
  }

  function json(audience: Audience) {
    return async (req: Request, res: Response) => {
      if (audience === 'members' && !(await guard(req, res))) return;
      noStore(res);
      res.type('json').send(cache.get(`json:${audience}`, () => JSON.stringify(record(audience))));
    };
  }

  function csv(audience: Audience) {
    return async (req: Request, res: Response) => {
      if (audience === 'members' && !(await guard(req, res))) return;
      const lang = langOf(req);
      noStore(res);
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${RECORD_TEXT[lang].csvWords.filename(audience === 'members')}"`)
        .send(cache.get(`csv:${audience}:${lang}`, () => votesCsvIn(record(audience), lang)));
    };
  }

  // The speech index follows the live log (not the signed freeze): it indexes the video.
  const timeline = (audience: Audience) => cache.get(`timeline:${audience}`, () => buildTimeline(service.state, audience));

  function vtt(audience: Audience) {
    return async (req: Request, res: Response) => {
      if (audience === 'members' && !(await guard(req, res))) return;
      const t = timeline(audience);
      let origin = t.openedAt ?? 0;
      if (req.query.start !== undefined) {
        const at = typeof req.query.start === 'string' ? Date.parse(req.query.start) : NaN;
        if (!Number.isFinite(at))
          return send(res, {
            ok: false,
            status: 400,
            code: 'MALFORMED',
            paragraph: '—',
            message: { da: 'start skal være et tidspunkt (ISO 8601).', en: 'start must be a time (ISO 8601).' },
          });
        origin = at;
      }
      noStore(res);
      // Public chapters serve a video player on another site (a <track> with crossorigin).
      if (audience === 'public') res.set('Access-Control-Allow-Origin', '*');
      res.type('text/vtt; charset=utf-8').send(chaptersVtt(chapters(t, langOf(req), (opts.clock ?? Date.now)()), origin));
    };
  }

  function timelineRoute(audience: Audience) {
    return async (req: Request, res: Response) => {
      if (audience === 'members' && !(await guard(req, res))) return;
      noStore(res);
      if (audience === 'public') res.set('Access-Control-Allow-Origin', '*');
      res.type('json').send(cache.get(`timeline.json:${audience}`, () => JSON.stringify(timelineJson(timeline(audience)))));
    };
  }

  router.get('/record/chapters.vtt', vtt('public'));
  router.get('/record/timeline.json', timelineRoute('public'));
  router.get('/record/members/chapters.vtt', vtt('members'));
  router.get('/record/members/timeline.json', timelineRoute('members'));
  router.get('/record', html('public', '/record'));
  router.get('/record.json', json('public'));
  router.get('/record/votes.csv', csv('public'));
  router.get('/record/members', html('members', '/record/members'));
  router.get('/record/members.json', json('members'));
  router.get('/record/members/votes.csv', csv('members'));

  /** A signature or a correction: limited like the members' version; a wrong password counts. */
  function signed(act: (body: unknown, store: RecordStore) => Promise<{ ok: true } | RecordRefusal>) {
    return async (req: Request, res: Response) => {
      const { accounts } = bodyAttempt(req.body);
      const address = req.ip ?? '?';
      const wait = await limiter.blockedFor(address, accounts);
      if (wait > 0) return tooMany(res, wait);
      const meeting = req.query.meeting;
      let target = store;
      if (meeting !== undefined && meeting !== service.meetingId) {
        if (typeof meeting !== 'string' || !opts.term?.get(meeting))
          return send(res, { ok: false, status: 404, code: 'UNKNOWN_MEETING', paragraph: '—', message: { da: 'Ukendt møde.', en: 'Unknown meeting.' } });
        target = opts.term.recordStore(meeting);
      }
      let r;
      try {
        r = await act(req.body, target);
      } catch (e) {
        if (!(e instanceof SecretsBusyError)) throw e;
        return tooMany(res, 1000);
      }
      if (!r.ok) {
        if (r.status === 401) await limiter.failed(address, accounts);
        return send(res, r);
      }
      revision++;
      opts.term?.signed();
      res.json(r);
    };
  }
  const body = express.json({ limit: '16kb' });
  router.post('/record/sign', body, signed((b, st) => st.sign(b)));
  router.post('/record/corrections', body, signed((b, st) => st.correct(b)));
  // A body that is not JSON, or too large, answers in the same refusal shape.
  router.use('/record', (err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    const e = err as { type?: string; status?: number } | null;
    if (!e || typeof e !== 'object' || !e.status) return next(err);
    res.status(e.status === 413 ? 413 : 400).json({
      ok: false,
      code: e.status === 413 ? 'TOO_LARGE' : 'MALFORMED',
      paragraph: '—',
      message: e.status === 413 ? { da: 'Forespørgslen er for stor.', en: 'The request is too large.' } : { da: 'Ugyldig JSON.', en: 'Malformed JSON.' },
    });
  });
  return router;
}
