import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { startServer as StartServer } from '../../server/app';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { now, serve } from './common';

// The real server in its own process, on a database the coordinator has seeded. The server
// code is not changed; this process only wraps two of its calls at run time to see where a
// commit's time goes: the SQLite transaction (with its fsync) and the whole flush (commit,
// acks, then the broadcasts to every room).
const dbPath = process.argv[2]!;
// --tls: the certificate and key the coordinator made; the server speaks HTTPS/WSS with them.
const [certPath, keyPath] = process.argv.slice(3);
const gc = (globalThis as { gc?: () => void }).gc;

// BENCH_APP=path/to/app.ts runs a variant of the server (for trying a design change side by
// side with the current one); by default the server in server/.
const appModule = process.env.BENCH_APP ? pathToFileURL(path.resolve(process.env.BENCH_APP)).href : '../../server/app';
const { startServer } = (await import(appModule)) as { startServer: typeof StartServer };
const tls = certPath && keyPath ? { cert: readFileSync(certPath), key: readFileSync(keyPath) } : undefined;
const server = await startServer({ dbPath, port: 0, host: '127.0.0.1', graceMs: 600_000, staticDir: '/nonexistent', tls,
  // The bench's open data viewers (--sse) all come from 127.0.0.1.
  publicFeed: { maxStreams: 1_000_000, maxStreamsPerAddress: 1_000_000 },
});

interface FlushTrace {
  at: number;
  batch: number;
  commitMs: number;
  totalMs: number;
}
const traces: FlushTrace[] = [];
/** Time spent in the commit listeners (the views to every room, notices, own parts). */
const pushes: { at: number; ms: number }[] = [];
const svc = server.service as unknown as {
  queue: unknown[];
  flush: () => void;
  listeners: ((c: unknown) => void)[];
  db: { transaction: (fn: () => void) => () => void };
};
/** Per action: from `dispatch` (the message decoded, about to be validated) to its ack resolving. */
const dispatches: number[] = [];
const svcD = server.service as unknown as { dispatch: (...a: unknown[]) => Promise<unknown> };
const origDispatch = svcD.dispatch.bind(svcD);
svcD.dispatch = (...a: unknown[]) => {
  const t = now();
  const p = origDispatch(...a);
  void p.then(() => {
    if (dispatches.length < 100_000) dispatches.push(now() - t);
  });
  return p;
};
svc.listeners = svc.listeners.map((l) => (c: unknown) => {
  const t = now();
  l(c);
  if (pushes.length < 100_000) pushes.push({ at: t, ms: now() - t });
});
let commitMs = 0;
const origTx = svc.db.transaction.bind(svc.db);
svc.db.transaction = (fn: () => void) => {
  const tx = origTx(fn);
  return () => {
    const t = now();
    try {
      tx();
    } finally {
      commitMs += now() - t;
    }
  };
};
const origFlush = svc.flush.bind(svc);
svc.flush = () => {
  const batch = svc.queue.length;
  commitMs = 0;
  const t = now();
  origFlush();
  if (batch > 0 && traces.length < 100_000) traces.push({ at: t, batch, commitMs, totalMs: now() - t });
};

let cpu = process.cpuUsage();
// How long the event loop was held at a time (a ballot read in the meantime waits that long).
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
serve({
  memory() {
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
  },
  /** CPU time (user + system, ms) since the previous call. */
  cpu() {
    const d = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    return { ms: (d.user + d.system) / 1000 };
  },
  /** The flushes (group commits) since the previous call. */
  trace() {
    const loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
    loop.reset();
    return { flushes: traces.splice(0), pushes: pushes.splice(0), dispatches: dispatches.splice(0), loopDelay };
  },
  version() {
    return { version: server.service.state.version };
  },
  async stop() {
    await server.close();
    setTimeout(() => process.exit(0), 10);
    return {};
  },
});
process.send?.({ ev: 'ready', port: server.port });
