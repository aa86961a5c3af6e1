import express from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ChamberConfig } from '../shared/config';
import type { MeetingSetup } from '../shared/types';
import { seedDemo, storedDemoCredentials, type DemoChamber } from './demo/credentials';
import { historyAgenda, historyWhen, playDemoHistory } from './demo/history';
import { DemoOnNetworkError, isLoopback } from './demo/network';
import { MeetingService } from './meeting/service';
import { Term } from './meeting/term';
import { openCredentials } from './store/credentials';
import { loadSetup, openDb, saveSetup, type Credentials } from './store/db';
import { clientAddressFor, type TrustProxy } from './transport/client-address';
import { securityHeaders } from './transport/headers';
import { redirectServer, type TlsFiles } from './transport/tls';
import type { SignInLimits } from './transport/limits';
import { attachSockets, type TransportOptions } from './transport/sockets';
import { PublicFeed, type PublicFeedOptions } from './transport/public-feed';
import { recordRouter } from './record/routes';
import { archiveRouter } from './record/archive';
import { Backups, type BackupOptions } from './ops/backup';
import { Metrics, metricsRoute } from './ops/metrics';
import { watchHttp, watchTransport } from './ops/watch';

export interface StartOptions {
  dbPath: string;
  /** Limits of the socket transport (seat sockets per key, code and handshake locks, message rate). */
  transport?: Partial<Omit<TransportOptions, 'graceMs'>>;
  port?: number;
  host?: string;
  /**
   * Seed the demo chamber (random credentials, kept in the database) when the database has no
   * set-up yet, and list its credentials at `/api/demo`. Refused on a non-loopback host
   * unless `demoOnNetwork` is set too.
   */
  demo?: boolean;
  demoSeats?: number;
  /**
   * With `demo`, on a fresh database: an earlier meeting already held, signed and published
   * (four weeks ago) and today's meeting live with the budget's second reading
   * (server/demo/history.ts). `main.ts --demo` sets it; tests start from a fresh meeting m1.
   */
  demoHistory?: boolean;
  /** Serve the demo (and `/api/demo`) to the network: `--demo-on-network`. */
  demoOnNetwork?: boolean;
  /**
   * Or seed this set-up (ignored when the database already has one); `generated`, the
   * credentials its import drew, go to the provisioning file once.
   */
  setup?: { setup: MeetingSetup; credentials: Credentials; config?: Partial<ChamberConfig>; generated?: Partial<Credentials> };
  /** The server key for codes and seat keys (`--key-file`); default `<dbPath>.key` (server/store/credentials.ts). */
  keyFile?: string;
  /** Where credentials the server draws are written once (`--provisioning-file`); default `<dbPath>.provisioning.jsonl`. */
  provisioningFile?: string;
  config?: Partial<ChamberConfig>;
  staticDir?: string;
  graceMs?: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /**
   * Origins (scheme://host[:port]) whose pages may open a socket besides the server's own
   * (`--origin URL`, SALEN_ORIGINS): e.g. the public name behind a reverse proxy.
   */
  origins?: string[];
  /** express's `trust proxy` (`--trust-proxy VALUE`, SALEN_TRUST_PROXY); default false. */
  trustProxy?: TrustProxy;
  /** Failed record sign-ins allowed per address, per account and overall (default: server/transport/limits.ts). */
  recordLimits?: Partial<SignInLimits>;
  /** Online backups of the database (`--backup-dir`, server/ops/backup.ts). */
  backup?: BackupOptions;
  /** `GET /metrics` from another machine with `Authorization: Bearer TOKEN` (`--metrics-token`). */
  metricsToken?: string;  /** HTTPS and WSS on `port` with this certificate and key (`--tls-cert`, `--tls-key`; `readTlsFiles`). */
  tls?: Pick<TlsFiles, 'cert' | 'key'>;
  /** Limits of the open data feed's SSE streams (`--sse-max`, `--sse-max-per-address`; server/transport/public-feed.ts). */
  publicFeed?: PublicFeedOptions;
  /** With `tls`: a plain HTTP port that answers only `308` to the HTTPS URL (`--http-redirect PORT`). */
  httpRedirectPort?: number;
}

export interface CloseOptions {
  /**
   * Tell every connected screen that the server is restarting and keep serving this long
   * before closing the sockets (the acks of actions already sent still go out); 0: no notice.
   */
  noticeMs?: number;
}

export interface RunningServer {
  /** `https://…` when the server speaks TLS, `http://…` otherwise. */
  url: string;
  port: number;
  /** The `--http-redirect` listener's port, if any. */
  redirectPort?: number;
  service: MeetingService;
  /** The council's meetings across the term. */
  term: Term;
  /**
   * The credentials this server knows in clear: a demo database's (kept in it), or those of
   * a set-up seeded at this start; empty otherwise (a real meeting stores only hashes).
   */
  demo: DemoChamber;
  metrics: Metrics;
  backups: Backups | null;
  /** The open data feed (`/api/public`, `/api/public/events`). */
  publicFeed: PublicFeed;
  /**
   * The clean stop: no new connections, the `restarting` notice (if `noticeMs`), the sockets
   * closed, what is pending committed, the HTTP server and the database closed.
   */
  close(opts?: CloseOptions): Promise<void>;
  /** Serves a renewed certificate and key from now on (SIGHUP); open connections keep theirs. */
  reloadTls(files: Pick<TlsFiles, 'cert' | 'key'>): void;
}

/** `server.listen`, with a refusal to listen (port taken, port < 1024 without the right) as an error that says so. */
export class ListenError extends Error {}
function listen(server: HttpServer | ReturnType<typeof createHttpsServer>, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? 'the port is already in use'
          : e.code === 'EACCES'
            ? 'not allowed (a port below 1024 needs CAP_NET_BIND_SERVICE: docs/deploy.md, "Service")'
            : e.code === 'EADDRNOTAVAIL'
              ? 'no such address on this machine'
              : (e.code ?? e.message);
      reject(new ListenError(`${what}: cannot listen on ${host}:${port}: ${why}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** How long a clean stop waits for sockets and HTTP connections to close before it closes the database anyway. */
const CLOSE_WAIT_MS = 3000;

const NO_CREDENTIALS: Credentials = { codes: {}, seatKeys: {}, chairPasswords: {}, secretariatPassword: '' };

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  // The demo publishes its credentials: checked before anything is opened or written.
  if (opts.demo && !opts.demoOnNetwork && !isLoopback(host)) throw new DemoOnNetworkError(host);
  const db = openDb(opts.dbPath);
  try {
    // The server key: a missing or foreign one refuses the start (ServerKeyError, with what to do).
    openCredentials(db, { keyFile: opts.keyFile, provisioningFile: opts.provisioningFile });
  } catch (e) {
    db.close();
    throw e;
  }
  let seeded: Credentials | null = null;
  if (!loadSetup(db)) {
    if (opts.setup) {
      const { generated } = opts.setup;
      saveSetup(db, opts.setup.setup, { ...opts.setup.config, ...opts.config }, opts.setup.credentials, generated && { source: 'setup', credentials: generated });
      seeded = opts.setup.credentials;
    } else if (opts.demo && opts.demoHistory) {
      const now = Date.now();
      seeded = seedDemo(db, { seatCount: opts.demoSeats, config: opts.config, when: historyWhen(now, opts.config ?? {}), agenda: historyAgenda() });
      try {
        await playDemoHistory(db, seeded, now);
      } catch (e) {
        db.close();
        throw e;
      }
    } else if (opts.demo) seeded = seedDemo(db, { seatCount: opts.demoSeats, config: opts.config });
    else throw new Error(`${opts.dbPath} holds no meeting set-up; start with --demo or --setup FILE`);
  }
  const creds = seeded ?? storedDemoCredentials(db);
  const demo: DemoChamber = { setup: loadSetup(db)!.setup, ...NO_CREDENTIALS, ...creds };
  const service = new MeetingService(db);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? false);
  const clientAddress = clientAddressFor(opts.trustProxy);
  // HTTPS and WSS on the one port when given a certificate; socket.io attaches to either.
  const http = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, app) : createServer(app);
  // Metrics, logs and backups (server/ops): read from the sockets and the state when scraped.
  const metrics = new Metrics({ sockets: () => sockets.io.sockets.sockets.values(), state: () => service.state });
  service.onCommitTimed((seconds, step, n) => metrics.committed(seconds, step, n));
  const backups = opts.backup ? new Backups(db, service, opts.backup, metrics) : null;
  // `origins` and `clientAddress` are for the socket handshakes (allowRequest: originCheck(origins)).
  const transport = {
    graceMs: opts.graceMs ?? service.state.config.presenceGraceMs,
    pingIntervalMs: opts.pingIntervalMs,
    pingTimeoutMs: opts.pingTimeoutMs,
    origins: opts.origins ?? [],
    clientAddress,
    ops: watchTransport(metrics, { clientAddress, state: () => service.state }),
    ...opts.transport,
  };
  const term = new Term(service);
  const sockets = attachSockets(http, service, term, transport);

  // Security headers on every answer below (static files, /api, /record, 404s).
  app.use(securityHeaders({ tls: !!opts.tls }));
  const httpLog = watchHttp(clientAddress);
  app.use(httpLog.requests);
  // The meeting's version counts every action, closed items' too (§ 2): only this machine
  // (monitoring, the resilience suite) is told it; anyone else learns that the server is up.
  app.get('/healthz', (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(isLoopback(clientAddress(req)) ? { ok: true, version: service.state.version } : { ok: true });
  });
  // The open data feed (docs/open-data.md): the gallery's view as JSON and as a stream of
  // Server-Sent Events, open to any origin, computed once per public change for every viewer;
  // a new version that changes nothing public keeps the view (and version) last served (§§ 2–3).
  const publicFeed = new PublicFeed(service, clientAddress, opts.publicFeed);
  app.get('/api/public', publicFeed.json);
  app.get('/api/public/events', publicFeed.events);
  app.options(['/api/public', '/api/public/events'], publicFeed.preflight);
  // Demo only: the seat links, so every seat terminal can be opened from one page; to this
  // machine only (no proxy in between) unless the demo was started --demo-on-network.
  if (opts.demo)
    app.get('/api/demo', (req, res) => {
      const proxied = req.get('forwarded') !== undefined || req.get('x-forwarded-for') !== undefined;
      if (!opts.demoOnNetwork && (proxied || !isLoopback(clientAddress(req))))
        return res.status(404).json({ ok: false, code: 'NOT_FOUND', paragraph: '—', message: { da: 'Ikke fundet.', en: 'Not found.' } });
      if (!creds)
        return res.status(404).json({
          ok: false,
          code: 'NO_DEMO_CREDENTIALS',
          paragraph: '—',
          message: { da: 'Databasen har ingen gemte demo-adgangskoder; slet den for en ny demo.', en: 'This database keeps no demo credentials; delete it for a fresh demo.' },
        });
      res.set('Cache-Control', 'no-store');
      res.json({
        seats: service.state.chamber.seats.map((seat) => {
          const p = Object.values(service.state.persons).find((x) => x.seatId === seat.id);
          return { seatId: seat.id, key: demo.seatKeys[seat.id], personId: p?.id, name: p?.name, groupId: p?.groupId, code: p ? demo.codes[p.id] : undefined };
        }),
        chair: service.state.chair.line.map((id) => ({ personId: id, password: demo.chairPasswords[id] })),
        secretariatPassword: demo.secretariatPassword,
      });
    });
  // The council's meetings (shared/term/lifecycle.ts): id, title, date, time and status, for anyone.
  app.get('/api/meetings', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ meetings: term.list() });
  });
  app.get('/metrics', metricsRoute(metrics, { token: opts.metricsToken, clientAddress }));
  app.get('/api/time', (_req, res) => {
    res.json({ serverNow: Date.now() });
  });
  app.use(recordRouter(service, { limits: opts.recordLimits, term }));
  // § 29, stk. 4: the public archive of published records and coming agendas (server/record/archive.ts).
  app.use(archiveRouter(term));
  const staticDir = path.resolve(opts.staticDir ?? 'dist/client');
  if (existsSync(staticDir)) {
    app.use(express.static(staticDir, { index: 'index.html' }));
    for (const route of ['/seat', '/chair', '/secretariat', '/gallery', '/tilgaengelighed', '/accessibility', '/overlay'])
      app.get(route, (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }
  app.use(httpLog.errors);

  let redirect: HttpServer | null = null;
  try {
    await listen(http, opts.port ?? 3000, host, opts.tls ? 'HTTPS' : 'HTTP');
    if (opts.tls && opts.httpRedirectPort !== undefined) {
      redirect = redirectServer((http.address() as AddressInfo).port);
      await listen(redirect, opts.httpRedirectPort, host, '--http-redirect');
    }
  } catch (e) {
    await sockets.close();
    http.close();
    service.close();
    db.close();
    throw e;
  }
  const port = (http.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  let closing: Promise<void> | null = null;
  const close = async ({ noticeMs = 0 }: CloseOptions = {}) => {
    // No new connections from here; the sockets already open are served until they close.
    const httpClosed = new Promise<void>((r) => http.close(() => r()));
    redirect?.close();
    if (noticeMs > 0) {
      sockets.announceRestart(noticeMs);
      await new Promise((r) => setTimeout(r, noticeMs));
    }
    // What was read is committed now and its acks go out on the next turn; an action read
    // after this is refused (nothing applied), so no screen is left with a half-known press.
    service.close();
    // The open data streams get the last committed change, then end (they would hold the stop).
    publicFeed.close();
    await new Promise((r) => setImmediate(r));
    // A peer that never answers the websocket close would hold the stop for ws's 30 s: what
    // matters is stored already, so the stop goes on after a few seconds regardless.
    const done = Promise.all([sockets.close(), httpClosed]);
    const late = new Promise<void>((r) => setTimeout(r, CLOSE_WAIT_MS).unref());
    await Promise.race([done, late]);
    http.closeAllConnections();
    // A backup under way finishes first: it reads the database being closed.
    await backups?.close();
    db.close();
  };
  return {
    url: `${opts.tls ? 'https' : 'http'}://${wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    redirectPort: redirect ? (redirect.address() as AddressInfo).port : undefined,
    service,
    term,
    demo,
    metrics,
    backups,
    publicFeed,
    close: (o) => (closing ??= close(o)),
    reloadTls: (files) => {
      if (!('setSecureContext' in http)) throw new Error('this server does not speak TLS');
      http.setSecureContext({ cert: files.cert, key: files.key });
    },
  };
}
