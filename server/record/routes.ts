import express, { Router, type Request, type Response } from 'express';
import { votesCsv } from '../../shared/record/csv';
import { recordHtml } from '../../shared/record/html';
import type { Lang } from '../../shared/record/i18n';
import type { Audience } from '../../shared/record/types';
import type { MeetingService } from '../meeting/service';
import { checkSecret, findBySecret } from '../store/db';
import { RecordStore, UNAUTHORIZED, type RecordRefusal } from './store';

// § 29: the decision record over HTTP.
//   GET  /record[?lang=en]            public printable HTML (stk. 4: published on the web)
//   GET  /record.json                 public JSON
//   GET  /record/votes.csv            public CSV of the decisions
//   GET  /record/members[?lang=en]    members' version (closed items included), and
//   GET  /record/members.json         …/members/votes.csv: a member's personal code
//   GET  /record/members/votes.csv    (?code=…) or HTTP Basic (user "secretariat" or a chair's
//                                     person id with its password, or any user with a member code)
//   POST /record/sign                 { role: 'chair', personId, password } | { role: 'secretariat', password, name? }
//   POST /record/corrections          the same credentials + { text, itemId? }

/** Failed member-version sign-ins per client: codes are short, so guessing is throttled. */
const FAIL_WINDOW_MS = 10 * 60_000;
const FAIL_LIMIT = 10;

export interface RecordRouterOptions {
  clock?: () => number;
}

export function recordRouter(service: MeetingService, opts: RecordRouterOptions = {}): Router {
  const store = new RecordStore(service, opts.clock);
  const router = Router();
  const failures = new Map<string, { count: number; since: number }>();

  const client = (req: Request) => req.ip ?? req.socket.remoteAddress ?? '?';
  function throttled(req: Request): boolean {
    const f = failures.get(client(req));
    if (!f) return false;
    if (Date.now() - f.since > FAIL_WINDOW_MS) {
      failures.delete(client(req));
      return false;
    }
    return f.count >= FAIL_LIMIT;
  }
  function failed(req: Request) {
    const key = client(req);
    const f = failures.get(key);
    if (!f || Date.now() - f.since > FAIL_WINDOW_MS) failures.set(key, { count: 1, since: Date.now() });
    else f.count++;
    if (failures.size > 10_000) failures.clear();
  }

  const langOf = (req: Request): Lang => (req.query.lang === 'en' ? 'en' : 'da');
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  function send(res: Response, r: RecordRefusal) {
    const { status, ...body } = r;
    if (status === 401) res.set('WWW-Authenticate', 'Basic realm="Salen: beslutningsprotokol", charset="UTF-8"');
    res.status(status).json(body);
  }

  /** Members, the chair line and the secretariat may read the members' version (§ 3). */
  function memberAccess(req: Request): boolean {
    const code = typeof req.query.code === 'string' ? req.query.code : undefined;
    if (code !== undefined) return code.length > 0 && code.length <= 64 && findBySecret(service.db, 'code', code) !== null;
    const header = req.get('authorization') ?? '';
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!m) return false;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (!password || password.length > 200) return false;
    if (user === 'secretariat' && checkSecret(service.db, 'secretariat', 'secretariat', password)) return true;
    if (user && checkSecret(service.db, 'chair', user, password)) return true;
    return findBySecret(service.db, 'code', password) !== null;
  }

  function tooMany(res: Response) {
    res
      .status(429)
      .set('Retry-After', String(FAIL_WINDOW_MS / 1000))
      .json({ ok: false, code: 'RATE_LIMITED', paragraph: '—', message: { da: 'For mange forkerte forsøg; vent lidt.', en: 'Too many failed attempts; wait a while.' } });
  }

  function guard(req: Request, res: Response): boolean {
    if (throttled(req)) {
      tooMany(res);
      return false;
    }
    if (memberAccess(req)) return true;
    failed(req);
    send(res, UNAUTHORIZED());
    return false;
  }

  function html(audience: Audience, base: string) {
    return (req: Request, res: Response) => {
      if (audience === 'members' && !guard(req, res)) return;
      const lang = langOf(req);
      const code = audience === 'members' && typeof req.query.code === 'string' ? req.query.code : null;
      const q = (extra: Record<string, string>) => {
        const p = new URLSearchParams({ ...(code ? { code } : {}), ...extra });
        const s = p.toString();
        return s ? `?${s}` : '';
      };
      const page = recordHtml(store.record(audience), {
        lang,
        links: {
          otherLang: `${base}${q(lang === 'da' ? { lang: 'en' } : {})}`,
          json: `${base}.json${q({})}`,
          csv: `${base}/votes.csv${q({})}`,
        },
      });
      noStore(res);
      res.type('html').send(page);
    };
  }

  function json(audience: Audience) {
    return (req: Request, res: Response) => {
      if (audience === 'members' && !guard(req, res)) return;
      noStore(res);
      res.json(store.record(audience));
    };
  }

  function csv(audience: Audience) {
    return (req: Request, res: Response) => {
      if (audience === 'members' && !guard(req, res)) return;
      noStore(res);
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${audience === 'members' ? 'beslutningsprotokol-medlemmer' : 'beslutningsprotokol'}-afstemninger.csv"`)
        .send(votesCsv(store.record(audience)));
    };
  }

  router.get('/record', html('public', '/record'));
  router.get('/record.json', json('public'));
  router.get('/record/votes.csv', csv('public'));
  router.get('/record/members', html('members', '/record/members'));
  router.get('/record/members.json', json('members'));
  router.get('/record/members/votes.csv', csv('members'));

  const body = express.json({ limit: '16kb' });
  router.post('/record/sign', body, (req, res) => {
    if (throttled(req)) return tooMany(res);
    const r = store.sign(req.body);
    if (!r.ok) {
      if (r.status === 401) failed(req);
      return send(res, r);
    }
    res.json(r);
  });
  router.post('/record/corrections', body, (req, res) => {
    if (throttled(req)) return tooMany(res);
    const r = store.correct(req.body);
    if (!r.ok) {
      if (r.status === 401) failed(req);
      return send(res, r);
    }
    res.json(r);
  });
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
