import express from 'express';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ChamberConfig } from '../shared/config';
import type { MeetingSetup } from '../shared/types';
import { publicView } from '../shared/views';
import { demoChamber, type DemoChamber } from './demo/chamber';
import { MeetingService } from './meeting/service';
import { loadSetup, openDb, saveSetup, type Credentials } from './store/db';
import { attachSockets } from './transport/sockets';
import { recordRouter } from './record/routes';

export interface StartOptions {
  dbPath: string;
  port?: number;
  host?: string;
  /** Seed the demo chamber when the database has no set-up yet. */
  demo?: boolean;
  demoSeats?: number;
  /** Or seed this set-up (ignored when the database already has one). */
  setup?: { setup: MeetingSetup; credentials: Credentials; config?: Partial<ChamberConfig> };
  config?: Partial<ChamberConfig>;
  staticDir?: string;
  graceMs?: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  service: MeetingService;
  demo: DemoChamber;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const db = openDb(opts.dbPath);
  // The demo's credentials are derived, not stored in clear: rebuild them to print the links.
  const demo = demoChamber({ seatCount: opts.demoSeats });
  if (!loadSetup(db)) {
    if (opts.setup) saveSetup(db, opts.setup.setup, { ...opts.setup.config, ...opts.config }, opts.setup.credentials);
    else if (opts.demo) saveSetup(db, demo.setup, { memberCount: demo.setup.persons.filter((p) => p.kind === 'member').length, ...opts.config }, demo);
    else throw new Error(`${opts.dbPath} holds no meeting set-up; start with --demo or --setup FILE`);
  }
  const service = new MeetingService(db);
  const app = express();
  app.disable('x-powered-by');
  const http = createServer(app);
  const sockets = attachSockets(http, service, {
    graceMs: opts.graceMs ?? service.state.config.presenceGraceMs,
    pingIntervalMs: opts.pingIntervalMs,
    pingTimeoutMs: opts.pingTimeoutMs,
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, version: service.state.version });
  });
  app.get('/api/public', (_req, res) => {
    res.json(publicView(service.state));
  });
  // Demo only: the seat links, so every seat terminal can be opened from one page.
  if (opts.demo)
    app.get('/api/demo', (_req, res) => {
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
  app.use(recordRouter(service));
  const staticDir = path.resolve(opts.staticDir ?? 'dist/client');
  if (existsSync(staticDir)) {
    app.use(express.static(staticDir, { index: 'index.html' }));
    for (const route of ['/seat', '/chair', '/secretariat', '/gallery'])
      app.get(route, (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }

  await new Promise<void>((resolve) => http.listen(opts.port ?? 3000, opts.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
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
