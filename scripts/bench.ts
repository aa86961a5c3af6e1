/**
 * Salen benchmark: the real server under simulated seat terminals and public screens.
 *
 *   npm run -s bench -- [--seats N] [--public M] [--rounds R] [--json]
 *                       [--replay-events K] [--no-replay] [--no-raw] [--keep] [--cast-window-ms W]
 *                       [--warmup V] [--tls] [--sse N]
 *
 * Everything runs on this machine over 127.0.0.1: the server (own process, own SQLite file
 * in a temp dir), a plain socket.io server as the floor (own process), and the sockets in
 * worker processes. Per round: the chair opens a vote; every seat casts once at its own random
 * moment of a window (--cast-window-ms, default 2 s: cast → ack as a member sees it), then every
 * seat changes its vote at the same moment (a storm); acks come only after the commit. The chair
 * closes the vote and every socket's
 * arrival of the result view is timed (fan-out). Then the raw socket.io server broadcasts the
 * same view texts to the same number of sockets (rounds alternate, so both see the same
 * background load); ours / raw at p99 is the headline. Also: cold replay of a 100,000-event
 * log, and server memory per connected socket. Method and figures: docs/performance.md.
 *
 * --sse N: N open data viewers (`GET /api/public/events`, Server-Sent Events) beside the
 * public sockets, in their own worker processes; each one's arrival of the result is timed
 * as a socket's is (close → the event at that version), reported apart from the sockets
 * (the raw floor has no such endpoint, so they are not in the fan-out ratio).
 *
 * --tls: the same run over HTTPS/WSS. A throwaway self-signed certificate (openssl) in the
 * run's temp dir; our server (`--tls-cert`/`--tls-key`'s path: startServer's `tls`) and the raw
 * floor both speak TLS, and every client trusts that certificate alone. Compare with the same
 * command without --tls for the cost of TLS.
 */
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Child, dist, fmt, killChildren, now, sleep, spawnChild, within, type Dist } from './bench/common';
import { lightParser, type LightView } from './bench/light-parser';
import { buildLog, seedMeeting } from './bench/seed';
import { arg } from './cli-args';

// ---- arguments ---------------------------------------------------------------------------

const flag = (name: string) => process.argv.includes(`--${name}`);

const SEATS = arg('seats', 200);
const PUBLIC = arg('public', 1000);
const ROUNDS = Math.max(1, arg('rounds', 5));
const JSON_OUT = flag('json');
const REPLAY_EVENTS = arg('replay-events', 100_000);
const DO_REPLAY = !flag('no-replay') && REPLAY_EVENTS > 0;
const DO_RAW = !flag('no-raw');
/** Longest wait for any one phase (connect, storm, fan-out): generous, but bounded. */
const PHASE_MS = arg('phase-timeout-ms', 180_000);
/** Sockets each worker opens at once: small waves, so the server's event loop never stalls for long. */
const CONNECT_PARALLEL = Math.max(1, arg('connect-parallel', 10));
/** Members pressing in their own time: every seat casts once at a random moment in this window. */
const CAST_WINDOW_MS = Math.max(1, arg('cast-window-ms', 2000));
/** Votes held before the measured rounds and not measured (see the warm-up below). */
const WARMUP = Math.max(0, arg('warmup', 1));
const TLS = flag('tls');
/** Open data viewers (SSE) beside the public sockets. */
const SSE = arg('sse', 0);

/** A throwaway self-signed certificate for 127.0.0.1 in `dir`: its paths, and the PEM every client trusts. */
function throwawayCert(dir: string) {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { cert, key, ca: readFileSync(cert, 'utf8') };
}
/** The PEM the clients trust (--tls), or undefined. */
let CA: string | undefined;

const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
  else console.error(...a);
};

// ---- the run -----------------------------------------------------------------------------

interface Workers {
  seat: Child[];
  pub: Child[];
  sse: Child[];
  all: Child[];
}

function startWorkers(seats: number, publics: number, sse: number): Workers {
  const seat = Array.from({ length: seats > 0 ? Math.ceil(seats / 500) : 0 }, (_, i) => spawnChild(`seat-worker-${i}`, 'scripts/bench/worker.ts'));
  const pub = Array.from({ length: publics > 0 ? Math.min(4, Math.ceil(publics / 2500)) : 0 }, (_, i) =>
    spawnChild(`public-worker-${i}`, 'scripts/bench/worker.ts'),
  );
  const sseW = Array.from({ length: sse > 0 ? Math.min(2, Math.ceil(sse / 2500)) : 0 }, (_, i) => spawnChild(`sse-worker-${i}`, 'scripts/bench/worker.ts'));
  return { seat, pub, sse: sseW, all: [...seat, ...pub, ...sseW] };
}

function share<T>(items: T[], k: number, n: number): T[] {
  return items.filter((_, i) => i % n === k);
}

async function connectAll(w: Workers, url: string, mode: 'salen' | 'raw', seatKeys: { key: string; personId: string; session: string }[], publics: number) {
  const t0 = now();
  const res = await Promise.all([
    ...w.seat.map((c, k) => c.call('connect', { url, mode, ca: CA, seats: share(seatKeys, k, w.seat.length), publics: 0, parallel: CONNECT_PARALLEL }, 3 * PHASE_MS)),
    ...w.pub.map((c, k) =>
      c.call('connect', { url, mode, ca: CA, seats: [], publics: Math.floor(publics / w.pub.length) + (k < publics % w.pub.length ? 1 : 0), parallel: CONNECT_PARALLEL }, 3 * PHASE_MS),
    ),
    ...(mode === 'raw'
      ? []
      : w.sse.map((c, k) =>
          c.call('connect', { url, mode, ca: CA, seats: [], publics: 0, sse: Math.floor(SSE / w.sse.length) + (k < SSE % w.sse.length ? 1 : 0), parallel: CONNECT_PARALLEL }, 3 * PHASE_MS),
        )),
  ]);
  const connected = res.reduce((n, r) => n + (r.connected as number), 0);
  const failed = res.reduce((n, r) => n + (r.failed as number), 0);
  return { connected, failed, ms: now() - t0 };
}

/** Sockets still connected, and why the others went. */
async function status(w: Workers) {
  const r = await Promise.all(w.all.map((c) => c.call('status')));
  const reasons: Record<string, number> = {};
  for (const x of r) for (const [k, v] of Object.entries(x.disconnectReasons as Record<string, number>)) reasons[k] = (reasons[k] ?? 0) + v;
  return { connected: r.reduce((n, x) => n + (x.connected as number), 0), disconnects: r.reduce((n, x) => n + (x.disconnects as number), 0), reasons };
}

/** Arms every worker to stamp the first view at or above `version`. */
/** `kinds`: the sockets to wait for (the gallery gets no push when nothing public changed). */
async function watch(w: Workers, version: number, group: 'salen' | 'raw' = 'salen', kinds: ('seat' | 'public' | 'sse')[] = ['seat', 'public', 'sse']) {
  await Promise.all(w.all.map((c) => c.call('watch', { minVersion: version, group, kinds })));
}

async function collect(w: Workers, t0: number, group: 'salen' | 'raw' = 'salen', samples = false) {
  const res = await Promise.all(w.all.map((c) => c.call('collect', { timeoutMs: PHASE_MS, group, samples }, PHASE_MS + 30_000)));
  const texts: { public?: string; member?: string } = {};
  for (const r of res) {
    const x = r.samples as { public?: string; member?: string } | undefined;
    texts.public ??= x?.public;
    texts.member ??= x?.member;
  }
  const seat: number[] = [];
  const pub: number[] = [];
  const sse: number[] = [];
  let missing = 0;
  let sseMissing = 0;
  const bytes = { seat: 0, public: 0, sse: 0 };
  for (const r of res) {
    for (const t of r.seat as number[]) seat.push(t - t0);
    for (const t of r.pub as number[]) pub.push(t - t0);
    for (const t of r.sse as number[]) sse.push(t - t0);
    missing += r.missing as number;
    sseMissing += r.sseMissing as number;
    const b = r.bytes as { seat: number; public: number; sse: number };
    bytes.seat = Math.max(bytes.seat, b.seat);
    bytes.public = Math.max(bytes.public, b.public);
    bytes.sse = Math.max(bytes.sse, b.sse);
  }
  for (let i = 0; i < sseMissing; i++) sse.push(Infinity);
  // A socket that never got the view counts as infinitely late: with more than 1 % missing,
  // p99 is infinite (null in the JSON) rather than flattered by the sockets that were dropped.
  for (let i = 0; i < missing; i++) pub.push(Infinity);
  return { seat, pub, sse, sseMissing, all: [...seat, ...pub], missing, bytes, texts };
}

function connectChair(url: string, personId: string, password: string) {
  return new Promise<{ socket: Socket; version: () => number }>((resolve, reject) => {
    let version = -1;
    const socket = io(url, { auth: { role: 'chair', personId, password }, ca: CA, transports: ['websocket'], reconnection: false, forceNew: true, parser: lightParser });
    socket.on('view', (v: LightView) => {
      if (v.version > version) version = v.version;
      resolve({ socket, version: () => version });
    });
    socket.on('connect_error', (e) => reject(e));
  });
}

function act(socket: Socket, body: unknown): Promise<{ ok: boolean; version?: number; code?: string }> {
  return within(new Promise((resolve) => socket.emit('action', body, resolve)), PHASE_MS, `action ${(body as { type: string }).type}`);
}

type FlushTrace = { batch: number; commitMs: number; totalMs: number };
type CastAck = { personId: string; version: number; choice: string };

/** One cast by every seat (at once, or spread over `windowMs`), from every seat worker. */
async function castPhase(w: Workers, at: number, round: number, windowMs: number, shift: number, group: 'salen' | 'raw' = 'salen') {
  const res = await Promise.all(w.seat.map((c) => c.call('cast', { at, round, windowMs, shift, group, timeoutMs: PHASE_MS }, PHASE_MS + windowMs + 30_000)));
  const refused: Record<string, number> = {};
  for (const c of res) for (const [k, v] of Object.entries(c.refused as Record<string, number>)) refused[k] = (refused[k] ?? 0) + v;
  return {
    lat: res.flatMap((c) => c.lat as number[]),
    acks: res.flatMap((c) => c.acks as CastAck[]),
    refused,
    unanswered: res.reduce((n, c) => n + (c.unanswered as number), 0),
    spreadMs: Math.max(...res.map((c) => c.spreadMs as number)),
  };
}

interface RoundResult {
  /** Each seat at its own moment in the window: the cast → ack a member sees. */
  pacedLat: number[];
  pacedServer: number[];
  /** Every seat at the same moment. */
  castLat: number[];
  casts: number;
  castRefused: Record<string, number>;
  castUnanswered: number;
  castSpreadMs: number;
  settleMs: number;
  fanout: number[];
  fanoutSeat: number[];
  fanoutPublic: number[];
  /** Open data viewers (--sse): close → the result event. */
  fanoutSse: number[];
  sseMissing: number;
  missing: number;
  closeAckMs: number;
  bytes: { seat: number; public: number; sse: number };
  cpuStormMs: number;
  cpuCloseMs: number;
  workerCpuStormMs: number;
  workerCpuCloseMs: number;
  storm: FlushSummary;
  close: FlushSummary;
}

interface FlushSummary {
  dispatchMs: number[];
  pushMs: number;
  pushes: number;
  flushes: number;
  batches: number[];
  commitMs: number;
  commitMaxMs: number;
  broadcastMs: number;
  broadcastMaxMs: number;
}

function summarize(t: { flushes: unknown; pushes: unknown; dispatches?: unknown }): FlushSummary {
  const flushes = t.flushes as FlushTrace[];
  const pushes = t.pushes as { ms: number }[];
  return {
    dispatchMs: (t.dispatches as number[] | undefined) ?? [],
    pushMs: pushes.reduce((n, p) => n + p.ms, 0),
    pushes: pushes.length,
    flushes: flushes.length,
    batches: flushes.map((f) => f.batch),
    commitMs: flushes.reduce((n, f) => n + f.commitMs, 0),
    commitMaxMs: Math.max(0, ...flushes.map((f) => f.commitMs)),
    broadcastMs: flushes.reduce((n, f) => n + f.totalMs - f.commitMs, 0),
    broadcastMaxMs: Math.max(0, ...flushes.map((f) => f.totalMs - f.commitMs)),
  };
}

async function workerCpu(w: Workers) {
  const r = await Promise.all(w.all.map((c) => c.call('cpu')));
  return r.reduce((n, x) => n + (x.ms as number), 0);
}

async function main() {
  const started = now();
  const machine = {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  log(`Salen bench${TLS ? ' over TLS' : ''}: ${SEATS} seats, ${PUBLIC} public sockets${SSE ? `, ${SSE} SSE viewers` : ''}, ${ROUNDS} rounds — ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, load ${machine.loadavg.join(' ')}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salen-bench-'));
  const dbPath = path.join(dir, 'meeting.sqlite');
  const out: Record<string, unknown> = { seats: SEATS, public: PUBLIC, sse: SSE, sockets: SEATS + PUBLIC, rounds: ROUNDS, tls: TLS, machine };
  const tls = TLS ? throwawayCert(dir) : null;
  CA = tls?.ca;
  const scheme = tls ? 'https' : 'http';
  try {
    // 1. The meeting: every member checked in, the meeting open, item 2 on the floor.
    const chamber = await seedMeeting(dbPath, SEATS);
    const chairId = chamber.setup.chairLine[0]!;

    // 2. The server in its own process.
    // BENCH_CPU_PROF=DIR: V8 CPU profiles of both servers, for finding where the time goes.
    // BENCH_SERVER_FLAGS="--trace-gc …": more node flags for the server process (diagnosis).
    const prof = [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []),
      ...(process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean),
    ];
    const tlsArgs = tls ? [tls.cert, tls.key] : [];
    const server = spawnChild('server', 'scripts/bench/server-proc.ts', [dbPath, ...tlsArgs], ['--expose-gc', ...prof]);
    const port = (await server.waitEvent('ready', 60_000)).port as number;
    const url = `${scheme}://127.0.0.1:${port}`;
    const mem0 = await server.call('memory');
    await server.call('cpu');

    // 3. Load generators, then every socket; then the same sockets again on the raw floor.
    const w = startWorkers(SEATS, PUBLIC, SSE);
    const seatKeys = chamber.members.map((m) => ({ key: chamber.seatKeys[m.seatId!]!, personId: m.id, session: chamber.sessions[m.id]! }));
    const conn = await connectAll(w, url, 'salen', seatKeys, PUBLIC);
    log(`connected ${conn.connected} sockets in ${fmt(conn.ms / 1000)} s (${conn.failed} failed)`);
    const chair = await connectChair(url, chairId, chamber.chairPasswords[chairId]!);
    chair.socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') log(`the chair's console was disconnected: ${reason}`);
    });
    const mem1 = await server.call('memory');
    const rssPerSocket = ((mem1.rss as number) - (mem0.rss as number)) / Math.max(1, conn.connected + 1);
    out.rss_mb = Math.round(((mem1.rss as number) / 2 ** 20) * 10) / 10;
    out.rss_idle_mb = Math.round(((mem0.rss as number) / 2 ** 20) * 10) / 10;
    out.rss_per_socket_kb = Math.round((rssPerSocket / 1024) * 10) / 10;
    out.connect_ms_per_socket = Math.round((conn.ms / Math.max(1, conn.connected)) * 100) / 100;
    out.connect_failed = conn.failed;
    const cpuConnect = (await server.call('cpu')).ms as number;
    out.server_cpu_per_connect_ms = Math.round((cpuConnect / Math.max(1, conn.connected)) * 100) / 100;

    // The floor: a plain socket.io server with the same sockets, rounds alternating with ours
    // so both see the same background load.
    let rawServer: Child | null = null;
    let control: Socket | null = null;
    if (DO_RAW) {
      rawServer = spawnChild('raw-server', 'scripts/bench/raw-server.ts', tlsArgs, ['--expose-gc', ...prof]);
      const rawPort = (await rawServer.waitEvent('ready', 60_000)).port as number;
      const rawUrl = `${scheme}://127.0.0.1:${rawPort}`;
      const rc = await connectAll(w, rawUrl, 'raw', seatKeys, PUBLIC);
      log(`raw socket.io: connected ${rc.connected} sockets in ${fmt(rc.ms / 1000)} s (${rc.failed} failed)`);
      control = await new Promise<Socket>((resolve, reject) => {
        const s = io(rawUrl, { auth: { room: 'control' }, ca: CA, transports: ['websocket'], reconnection: false, forceNew: true });
        s.on('connect', () => resolve(s));
        s.on('connect_error', reject);
      });
    }
    const st0 = await status(w);
    if (st0.disconnects) log(`after connecting: ${st0.connected} still connected; disconnects ${JSON.stringify(st0.reasons)}`);
    out.disconnected_while_connecting = st0.disconnects;

    // 4. Rounds of voting, each followed by a raw round with the same payload sizes.
    const rounds: RoundResult[] = [];
    const acked: { personId: string; version: number; choice: string }[] = [];
    let raw: number[] = [];
    let rawMissing = 0;
    const rawCpu: number[] = [];
    /** The server's event-loop delay during each paced phase (what a ballot may wait to be read). */
    const loopDelays: { p99: number; max: number }[] = [];
    // The floor for cast → ack: the same casts to the raw server, which acknowledges at once.
    const rawPaced: number[] = [];
    const rawStorm: number[] = [];
    const rawPush: number[] = [];
    // A warm-up vote first, not measured (its casts are still checked against the log): the
    // first ballots after a start meet cold code and files that still grow, which a meeting
    // hours long does not. The raw floor gets the same warm-up.
    for (let k = 0; k < WARMUP; k++) {
      const o = await act(chair.socket, { type: 'vote.open', point: 'Opvarmning', subject: { kind: 'proposal' } });
      if (!o.ok) throw new Error(`vote.open refused: ${o.code}`);
      acked.push(...(await castPhase(w, now() + 100, k, CAST_WINDOW_MS, 0)).acks);
      await sleep(200);
      acked.push(...(await castPhase(w, now() + 300, k, 0, 1)).acks);
      const c = await act(chair.socket, { type: 'vote.close' });
      if (!c.ok) throw new Error(`vote.close refused: ${c.code}`);
      await watch(w, c.version!);
      await collect(w, now());
      if (rawServer) {
        await castPhase(w, now() + 100, k, CAST_WINDOW_MS, 0, 'raw');
        await castPhase(w, now() + 300, k, 0, 1, 'raw');
      }
      log(`warm-up vote ${k + 1} done (not measured)`);
    }
    for (let r = 1; r <= ROUNDS; r++) {
      const open = await act(chair.socket, { type: 'vote.open', point: `Runde ${r}`, subject: { kind: 'proposal' } });
      if (!open.ok) throw new Error(`vote.open refused: ${open.code}`);
      await watch(w, open.version!);
      await collect(w, now());
      await sleep(200);
      await server.call('cpu');
      await server.call('trace');
      await workerCpu(w);

      // Members pressing in their own time: each seat casts once, at a random moment of the window.
      const paced = await castPhase(w, now() + 100, r, CAST_WINDOW_MS, 0);
      acked.push(...paced.acks);
      const pacedRaw = (await server.call('trace')) as unknown as { flushes: unknown; pushes: unknown; dispatches: unknown; loopDelay: { p99: number; max: number } };
      const pacedTrace = summarize(pacedRaw);
      loopDelays.push(pacedRaw.loopDelay);
      await watch(w, Math.max(open.version!, ...paced.acks.map((a) => a.version)));
      await collect(w, now());
      await sleep(200);
      await server.call('cpu');
      await server.call('trace');
      await workerCpu(w);

      // Then every seat changes its vote at the same moment (a storm).
      const at = now() + 300;
      const stormCasts = await castPhase(w, at, r, 0, 1);
      const castLat = stormCasts.lat;
      const castAcks = stormCasts.acks;
      acked.push(...castAcks);
      const castRefused: Record<string, number> = { ...stormCasts.refused };
      for (const [k, v] of Object.entries(paced.refused)) castRefused[k] = (castRefused[k] ?? 0) + v;
      const last = Math.max(open.version!, ...castAcks.map((a) => a.version));
      // Changed votes change no count the public sees: only the seats get this push (issue #11).
      await watch(w, last, 'salen', ['seat']);
      const settled = await collect(w, at);
      const cpuStorm = (await server.call('cpu')).ms as number;
      const wStorm = await workerCpu(w);
      const storm = summarize((await server.call("trace")) as unknown as { flushes: unknown; pushes: unknown });

      // The close, and its result on every socket.
      await sleep(200);
      await watch(w, last + 1);
      await server.call('cpu');
      await server.call('trace');
      await workerCpu(w);
      const t0 = now();
      const close = await act(chair.socket, { type: 'vote.close' });
      const closeAckMs = now() - t0;
      if (!close.ok) throw new Error(`vote.close refused: ${close.code}`);
      if (close.version !== last + 1) throw new Error(`vote.close at version ${close.version}, expected ${last + 1}`);
      const fan = await collect(w, t0, 'salen', true);
      const cpuClose = (await server.call('cpu')).ms as number;
      const wClose = await workerCpu(w);
      const closeTrace = summarize((await server.call("trace")) as unknown as { flushes: unknown; pushes: unknown });
      rounds.push({
        pacedLat: paced.lat,
        pacedServer: pacedTrace.dispatchMs,
        castLat,
        casts: castAcks.length + paced.acks.length,
        castRefused,
        castUnanswered: stormCasts.unanswered + paced.unanswered,
        castSpreadMs: stormCasts.spreadMs,
        settleMs: settled.all.length ? Math.max(...settled.all.filter(Number.isFinite)) : NaN,
        fanout: fan.all,
        fanoutSeat: fan.seat,
        fanoutPublic: fan.pub,
        fanoutSse: fan.sse,
        sseMissing: fan.sseMissing,
        missing: fan.missing,
        closeAckMs,
        bytes: fan.bytes,
        cpuStormMs: cpuStorm,
        cpuCloseMs: cpuClose,
        workerCpuStormMs: wStorm,
        workerCpuCloseMs: wClose,
        storm,
        close: closeTrace,
      });
      const st = await status(w);
      if (st.disconnects) log(`  sockets connected: ${st.connected}; disconnects so far ${JSON.stringify(st.reasons)}`);
      const d = dist(fan.all);
      const c = dist(castLat);
      const pc = dist(paced.lat);
      log(
        `round ${r}: ${paced.acks.length} casts over ${CAST_WINDOW_MS} ms, ack p50 ${fmt(pc.p50)} p99 ${fmt(pc.p99)} ms ` +
          `(server's event loop held p99 ${fmt(loopDelays.at(-1)!.p99)} max ${fmt(loopDelays.at(-1)!.max)} ms); ` +
          `${castAcks.length} casts at once, ack p50 ${fmt(c.p50)} p99 ${fmt(c.p99)} ms; storm settled on all sockets after ${fmt(rounds.at(-1)!.settleMs)} ms; ` +
          `${storm.flushes} commits [${storm.batches.join(' ')}] fsync ${fmt(storm.commitMs)} ms, flush ${fmt(storm.broadcastMs)} ms after it; ` +
          `close → result p50 ${fmt(d.p50)} p99 ${fmt(d.p99)} max ${fmt(d.max)} ms (${fan.missing} missing); views ${fan.bytes.public} B public, ${fan.bytes.seat} B member` +
          (SSE ? `; SSE viewers p50 ${fmt(dist(fan.sse).p50)} p99 ${fmt(dist(fan.sse).p99)} ms (${fan.sseMissing} missing), event ${fan.bytes.sse} B` : ''),
      );

      // The raw round: the same bytes to the same number of sockets.
      if (rawServer && control) {
        const ctl = control;
        await sleep(200);
        await watch(w, r, 'raw');
        await rawServer.call('cpu');
        const t1 = now();
        const goAck = (await within(
          new Promise((res) =>
            ctl.emit('go', { version: r, publicBytes: fan.bytes.public, memberBytes: fan.bytes.seat, publicText: fan.texts.public, memberText: fan.texts.member }, res),
          ),
          PHASE_MS,
          'raw go',
        )) as { pushMs: number };
        rawPush.push(goAck.pushMs);
        const rf = await collect(w, t1, 'raw');
        rawCpu.push((await rawServer.call('cpu')).ms as number);
        raw = raw.concat(rf.all);
        rawMissing += rf.missing;
        const rd = dist(rf.all);
        await sleep(200);
        const rp = await castPhase(w, now() + 100, r, CAST_WINDOW_MS, 0, 'raw');
        await sleep(200);
        const rs = await castPhase(w, now() + 300, r, 0, 1, 'raw');
        rawPaced.push(...rp.lat);
        rawStorm.push(...rs.lat);
        log(
          `raw round ${r}: broadcast → received p50 ${fmt(rd.p50)} p99 ${fmt(rd.p99)} max ${fmt(rd.max)} ms (${rf.missing} missing); ` +
            `casts acked at once: over ${CAST_WINDOW_MS} ms p99 ${fmt(dist(rp.lat).p99)} ms, all at once p99 ${fmt(dist(rs.lat).p99)} ms`,
        );
      }
    }

    // 5. Every acknowledged cast is in the log, with its version, member and choice.
    const stEnd = await status(w);
    const disconnects = stEnd.disconnects;
    out.disconnect_reasons = stEnd.reasons;
    chair.socket.close();
    control?.close();
    await Promise.all(w.all.map((c) => c.call('disconnect')));
    for (const c of w.all) c.kill();
    if (rawServer) {
      await rawServer.call('stop').catch(() => undefined);
      await within(rawServer.exited(), 10_000, 'raw server stop').catch(() => rawServer!.kill());
    }
    await server.call('stop').catch(() => undefined);
    await within(server.exited(), 10_000, 'server stop').catch(() => server.kill());
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare("SELECT version, action FROM events WHERE type = 'vote.cast'").all() as { version: number; action: string }[];
    db.close();
    const byVersion = new Map(rows.map((r) => [r.version, JSON.parse(r.action) as { choice: string; actor: { personId: string } }]));
    const lost = acked.filter((a) => {
      const ev = byVersion.get(a.version);
      return !ev || ev.actor.personId !== a.personId || ev.choice !== a.choice;
    }).length;
    const pubBytes = Math.max(...rounds.map((r) => r.bytes.public));
    const seatBytes = Math.max(...rounds.map((r) => r.bytes.seat));

    // 7. Cold replay of a long log, in fresh processes (as after a restart).
    const replay: number[] = [];
    if (DO_REPLAY) {
      const replayDb = path.join(dir, 'replay.sqlite');
      const t = now();
      const built = await buildLog(replayDb, REPLAY_EVENTS);
      log(`replay log: ${built.events} events (${built.votes} votes) built in ${fmt((now() - t) / 1000)} s`);
      for (let i = 0; i < 3; i++) {
        const child = spawnChild('replay', 'scripts/bench/replay-child.ts', [replayDb]);
        const m = await child.waitEvent('replayed', PHASE_MS);
        if (m.version !== built.events) throw new Error(`replay reached version ${m.version}, log has ${built.events}`);
        replay.push(m.ms as number);
        await child.exited();
      }
      replay.sort((a, b) => a - b);
    }

    // 8. Figures.
    const all = <K extends keyof RoundResult>(k: K) => rounds.flatMap((r) => r[k] as unknown as number[]);
    const fan = dist(all('fanout'));
    const fanSeat = dist(all('fanoutSeat'));
    const fanPub = dist(all('fanoutPublic'));
    const fanSse = dist(all('fanoutSse'));
    const rawD = dist(raw);
    const cast = dist(all('pacedLat'));
    const serverAck = dist(all('pacedServer'));
    const storm = dist(all('castLat'));
    const stormServerAck = dist(rounds.flatMap((r) => r.storm.dispatchMs));
    const rawCast = dist(rawPaced);
    const rawStormD = dist(rawStorm);
    const settle = dist(rounds.map((r) => r.settleMs));
    const closeAck = dist(rounds.map((r) => r.closeAckMs));
    const casts = rounds.reduce((n, r) => n + r.casts, 0);
    const refused: Record<string, number> = {};
    for (const r of rounds) for (const [k, v] of Object.entries(r.castRefused)) refused[k] = (refused[k] ?? 0) + v;
    const r2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
    Object.assign(out, {
      fanout_min_ms: r2(fan.min),
      fanout_p50_ms: r2(fan.p50),
      fanout_p99_ms: r2(fan.p99),
      fanout_max_ms: r2(fan.max),
      fanout_seat_p99_ms: r2(fanSeat.p99),
      fanout_public_p99_ms: r2(fanPub.p99),
      sse: SSE,
      fanout_sse_p50_ms: SSE ? r2(fanSse.p50) : null,
      fanout_sse_p99_ms: SSE ? r2(fanSse.p99) : null,
      fanout_sse_max_ms: SSE ? r2(fanSse.max) : null,
      fanout_sse_missing: rounds.reduce((n, r) => n + r.sseMissing, 0),
      event_bytes_sse: Math.max(...rounds.map((r) => r.bytes.sse)),
      fanout_missing: rounds.reduce((n, r) => n + r.missing, 0),
      raw_fanout_min_ms: DO_RAW ? r2(rawD.min) : null,
      raw_fanout_p50_ms: DO_RAW ? r2(rawD.p50) : null,
      raw_fanout_p99_ms: DO_RAW ? r2(rawD.p99) : null,
      raw_fanout_max_ms: DO_RAW ? r2(rawD.max) : null,
      raw_missing: rawMissing,
      fanout_ratio_p50: DO_RAW ? r2(fan.p50 / rawD.p50) : null,
      fanout_ratio_p99: DO_RAW ? r2(fan.p99 / rawD.p99) : null,
      fanout_missing_share: r2(rounds.reduce((n, r) => n + r.missing, 0) / Math.max(1, rounds.reduce((n, r) => n + r.fanout.length, 0))),
      close_ack_p50_ms: r2(closeAck.p50),
      cast_window_ms: CAST_WINDOW_MS,
      cast_ack_p50_ms: r2(cast.p50),
      cast_ack_p99_ms: r2(cast.p99),
      cast_ack_max_ms: r2(cast.max),
      server_dispatch_to_ack_p50_ms: r2(serverAck.p50),
      server_dispatch_to_ack_p99_ms: r2(serverAck.p99),
      storm_cast_ack_p50_ms: r2(storm.p50),
      storm_cast_ack_p99_ms: r2(storm.p99),
      storm_cast_ack_max_ms: r2(storm.max),
      storm_server_dispatch_to_ack_p99_ms: r2(stormServerAck.p99),
      paced_loop_delay_p99_ms: r2(Math.max(...loopDelays.map((l) => l.p99))),
      paced_loop_delay_max_ms: r2(Math.max(...loopDelays.map((l) => l.max))),
      raw_cast_ack_p50_ms: rawPaced.length ? r2(rawCast.p50) : null,
      raw_cast_ack_p99_ms: rawPaced.length ? r2(rawCast.p99) : null,
      raw_storm_cast_ack_p50_ms: rawStorm.length ? r2(rawStormD.p50) : null,
      raw_storm_cast_ack_p99_ms: rawStorm.length ? r2(rawStormD.p99) : null,
      casts,
      casts_expected: 2 * SEATS * ROUNDS,
      warmup_votes: WARMUP,
      casts_refused: refused,
      casts_unanswered: rounds.reduce((n, r) => n + r.castUnanswered, 0),
      casts_durable: casts - lost,
      casts_checked_in_log: acked.length,
      casts_lost: lost,
      cast_send_spread_ms: r2(Math.max(...rounds.map((r) => r.castSpreadMs))),
      storm_settle_p50_ms: r2(settle.p50),
      storm_settle_max_ms: r2(settle.max),
      view_bytes_public: pubBytes,
      view_bytes_member: seatBytes,
      server_cpu_storm_ms: r2(rounds.reduce((n, r) => n + r.cpuStormMs, 0) / rounds.length),
      server_cpu_close_ms: r2(rounds.reduce((n, r) => n + r.cpuCloseMs, 0) / rounds.length),
      worker_cpu_storm_ms: r2(rounds.reduce((n, r) => n + r.workerCpuStormMs, 0) / rounds.length),
      worker_cpu_close_ms: r2(rounds.reduce((n, r) => n + r.workerCpuCloseMs, 0) / rounds.length),
      storm_commits: r2(rounds.reduce((n, r) => n + r.storm.flushes, 0) / rounds.length),
      storm_commit_ms: r2(rounds.reduce((n, r) => n + r.storm.commitMs, 0) / rounds.length),
      storm_commit_max_ms: r2(Math.max(...rounds.map((r) => r.storm.commitMaxMs))),
      storm_broadcast_ms: r2(rounds.reduce((n, r) => n + r.storm.broadcastMs, 0) / rounds.length),
      close_commit_ms: r2(rounds.reduce((n, r) => n + r.close.commitMs, 0) / rounds.length),
      close_broadcast_ms: r2(rounds.reduce((n, r) => n + r.close.broadcastMs, 0) / rounds.length),
      storm_pushes: r2(rounds.reduce((n, r) => n + r.storm.pushes, 0) / rounds.length),
      storm_push_ms: r2(rounds.reduce((n, r) => n + r.storm.pushMs, 0) / rounds.length),
      close_push_ms: r2(rounds.reduce((n, r) => n + r.close.pushMs, 0) / rounds.length),
      raw_push_ms: rawPush.length ? r2(rawPush.reduce((a, b) => a + b, 0) / rawPush.length) : null,
      raw_cpu_broadcast_ms: rawCpu.length ? r2(rawCpu.reduce((a, b) => a + b, 0) / rawCpu.length) : null,
      replay_events: DO_REPLAY ? REPLAY_EVENTS : null,
      replay_100k_ms: replay.length ? r2(replay[1] ?? replay[0]!) : null,
      replay_runs_ms: replay.map(r2),
      client_disconnects: disconnects,
      duration_s: r2((now() - started) / 1000),
    });
    printTable(out, { fan, fanSeat, fanPub, fanSse, rawD, cast, serverAck, storm, stormServerAck, rawCast, rawStormD, settle, closeAck });
    if (JSON_OUT) console.log(JSON.stringify(out));
  } finally {
    killChildren();
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

function printTable(o: Record<string, unknown>, d: Record<string, Dist>) {
  const row = (name: string, x: Dist | null, note = '') =>
    log(`  ${name.padEnd(34)} ${x ? [x.min, x.p50, x.p90, x.p99, x.max].map((v) => fmt(v).padStart(9)).join('') : ''}  ${note}`);
  log('');
  log(`Salen bench${o.tls ? ' over TLS (HTTPS/WSS, both servers)' : ''} — ${o.seats} seats + ${o.public} public = ${o.sockets} sockets, ${o.rounds} rounds`);
  log(`  ${''.padEnd(34)} ${['min', 'p50', 'p90', 'p99', 'max'].map((h) => h.padStart(9)).join('')}  (ms)`);
  row(`cast → ack (each seat in ${o.cast_window_ms} ms)`, d.cast!, `${o.casts}/${o.casts_expected} acked (both kinds), ${o.casts_durable} durable, ${o.casts_lost} lost`);
  row('  … inside the server', d.serverAck!, 'dispatch → ack resolved (validate, apply, wait for the commit)');
  row('  … raw socket.io (acks at once)', o.raw_cast_ack_p99_ms === null ? null : d.rawCast!);
  row('cast → ack (all seats at once)', d.storm!);
  row('  … inside the server', d.stormServerAck!);
  row('  … raw socket.io (acks at once)', o.raw_storm_cast_ack_p99_ms === null ? null : d.rawStormD!);
  row('storm → last view on all sockets', d.settle!, 'per round');
  row('close → result, all sockets', d.fan!, `${o.fanout_missing} missing`);
  row('  … seat terminals', d.fanSeat!);
  row('  … public sockets', d.fanPub!);
  if (o.sse) row('  … open data viewers (SSE)', d.fanSse!, `${o.sse} viewers, ${o.fanout_sse_missing} missing, event ${o.event_bytes_sse} B`);
  row('raw socket.io, same sockets+bytes', o.raw_fanout_p99_ms === null ? null : d.rawD!, `${o.raw_missing} missing`);
  row('close → chair ack', d.closeAck!);
  log(`  fan-out ratio ours/raw: p50 ${o.fanout_ratio_p50 ?? '—'}, p99 ${o.fanout_ratio_p99 ?? '—'}`);
  log(`  views: public ${o.view_bytes_public} B, member ${o.view_bytes_member} B; server CPU per storm ${o.server_cpu_storm_ms} ms, per close ${o.server_cpu_close_ms} ms (raw: ${o.raw_cpu_broadcast_ms ?? '—'} ms)`);
  log(`  per storm: ${o.storm_commits} group commits, fsync ${o.storm_commit_ms} ms (max ${o.storm_commit_max_ms}), then ${o.storm_broadcast_ms} ms of broadcasts inside the flushes; per close: fsync ${o.close_commit_ms} ms, broadcasts ${o.close_broadcast_ms} ms`);
  log(`  pushes (views to every room, notices, own parts) on the server's thread: per storm ${o.storm_pushes} taking ${o.storm_push_ms} ms; per close ${o.close_push_ms} ms (raw: ${o.raw_push_ms ?? '—'} ms)`);
  log(`  connecting: ${o.connect_ms_per_socket} ms per socket (wall), server CPU ${o.server_cpu_per_connect_ms} ms per connection`);
  log(`  load generators' CPU per storm ${o.worker_cpu_storm_ms} ms, per close ${o.worker_cpu_close_ms} ms`);
  log(`  replay of ${o.replay_events ?? 0} events: ${o.replay_100k_ms ?? '—'} ms (runs ${(o.replay_runs_ms as unknown[]).join(', ')})`);
  log(`  server RSS ${o.rss_mb} MB (idle ${o.rss_idle_mb} MB): ${o.rss_per_socket_kb} kB per socket`);
  log(`  client disconnects ${o.client_disconnects}; run took ${o.duration_s} s`);
}

const hardStop = setTimeout(() => {
  console.error('bench: overall time limit reached; stopping');
  killChildren();
  process.exit(2);
}, arg('time-limit-s', 1800) * 1000);
hardStop.unref();

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error('bench failed:', e instanceof Error ? e.stack : e);
    killChildren();
    process.exit(1);
  });
