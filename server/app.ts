import express from 'express';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ChamberConfig } from '../shared/config';
import type { MeetingSetup } from '../shared/types';
import { publicView } from '../shared/views';
import { seedDemo, storedDemoCredentials, type DemoChamber } from './demo/credentials';
import { DemoOnNetworkError, isLoopback } from './demo/network';
import { MeetingService } from './meeting/service';
import { openCredentials } from './store/credentials';
import { loadSetup, openDb, saveSetup, type Credentials } from './store/db';
import { clientAddressFor, type TrustProxy } from './transport/client-address';
import { securityHeaders } from './transport/headers';
import type { SignInLimits } from './transport/limits';
import { attachSockets, type TransportOptions } from './transport/sockets';
import { VersionCache } from './transport/version-cache';
import { recordRouter } from './record/routes';

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
}

export interface RunningServer {
  url: string;
  port: number;
  service: MeetingService;
  /**
   * The credentials this server knows in clear: a demo database's (kept in it), or those of
   * a set-up seeded at this start; empty otherwise (a real meeting stores only hashes).
   */
  demo: DemoChamber;
  close(): Promise<void>;
}

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
  const http = createServer(app);
  // `origins` and `clientAddress` are for the socket handshakes (allowRequest: originCheck(origins)).
  const transport = {
    graceMs: opts.graceMs ?? service.state.config.presenceGraceMs,
    pingIntervalMs: opts.pingIntervalMs,
    pingTimeoutMs: opts.pingTimeoutMs,
    origins: opts.origins ?? [],
    clientAddress,
    ...opts.transport,
  };
  const sockets = attachSockets(http, service, transport);

  // Security headers on every answer below (static files, /api, /record, 404s).
  app.use(securityHeaders());
  // The meeting's version counts every action, closed items' too (§ 2): only this machine
  // (monitoring, the resilience suite) is told it; anyone else learns that the server is up.
  app.get('/healthz', (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(isLoopback(clientAddress(req)) ? { ok: true, version: service.state.version } : { ok: true });
  });
  // The gallery's view, computed once per meeting version; as on the public sockets, a new
  // version that changes nothing public keeps the text (and version) last served (§§ 2–3).
  const publicCache = new VersionCache(() => service.state);
  let lastPublic = { body: '', text: '' };
  app.get('/api/public', (_req, res) => {
    const text = publicCache.get('public', () => {
      const view = publicView(service.state);
      const body = JSON.stringify({ ...view, version: 0 });
      if (body !== lastPublic.body) lastPublic = { body, text: JSON.stringify(view) };
      return lastPublic.text;
    });
    res.type('json').send(text);
  });
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
  app.get('/api/time', (_req, res) => {
    res.json({ serverNow: Date.now() });
  });
  app.use(recordRouter(service, { limits: opts.recordLimits }));
  const staticDir = path.resolve(opts.staticDir ?? 'dist/client');
  if (existsSync(staticDir)) {
    app.use(express.static(staticDir, { index: 'index.html' }));
    for (const route of ['/seat', '/chair', '/secretariat', '/gallery'])
      app.get(route, (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }

  await new Promise<void>((resolve) => http.listen(opts.port ?? 3000, host, resolve));
  const port = (http.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  return {
    url: `http://${wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    service,
    demo,
    close: async () => {
      await sockets.close();
      await new Promise<void>((r) => http.close(() => r()));
      db.close();
    },
  };
}
