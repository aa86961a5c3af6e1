import { io, type Socket } from 'socket.io-client';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lastText, lightParser, type LightView } from './light-parser';
import { now, serve, sleep } from './common';
import type { LooseAck } from '../../shared/protocol';

// A load-generator process: holds a share of the seat terminals and public sockets, and
// reports arrival times (same machine clock as the coordinator: `now()`).

interface Conn {
  /** A socket.io client; absent for an SSE viewer. */
  socket?: Socket;
  kind: 'seat' | 'public' | 'sse';
  connected(): boolean;
  close(): void;
  personId: string;
  last: number;
  hit: number;
  hitBytes: number;
  /** Not watched this phase (a public socket while nothing public changes). */
  skip?: boolean;
}

// Sockets by target server ('salen' or 'raw'): both sets stay connected, so the rounds can
// alternate between the two servers under the same background load.
const groups: Record<string, Conn[]> = {};
const targets: Record<string, number> = {};
const conns = (g: unknown): Conn[] => (groups[String(g ?? 'salen')] ??= []);
const allConns = () => Object.values(groups).flat();
let disconnects = 0;
const disconnectReasons: Record<string, number> = {};
let cpuMark = process.cpuUsage();
const CHOICES = ['for', 'against', 'abstain'] as const;

function open(group: string, url: string, auth: Record<string, unknown>, kind: Conn['kind'], personId: string, waitView: boolean, ca?: string): Promise<Conn | null> {
  return new Promise((resolve) => {
    // `ca` (--tls): the run's throwaway certificate, the only one trusted.
    const socket = io(url, { auth, ca, transports: ['websocket'], reconnection: false, forceNew: true, parser: lightParser, timeout: 60_000 });
    const c: Conn = { socket, kind, personId, last: -1, hit: NaN, hitBytes: 0, connected: () => socket.connected, close: () => socket.close() };
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      if (!ok) socket.close();
      resolve(ok ? c : null);
    };
    socket.on('view', (v: LightView) => {
      if (v.version > c.last) c.last = v.version;
      if (Number.isNaN(c.hit) && v.version >= (targets[group] ?? Infinity)) {
        c.hit = v.at;
        c.hitBytes = v.bytes;
      }
      if (waitView) finish(true);
    });
    socket.on('connect', () => {
      if (!waitView) finish(true);
    });
    socket.on('connect_error', () => finish(false));
    socket.on('disconnect', (reason) => {
      disconnects++;
      disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + 1;
    });
  });
}

/**
 * An open data viewer: `GET /api/public/events` read as it arrives. Each event's id is its
 * version; the arrival of a complete event at or above the watched version is stamped, as a
 * socket's view is by the light parser.
 */
function openSse(group: string, url: string, ca?: string): Promise<Conn | null> {
  return new Promise((resolve) => {
    let open = false;
    let req: ClientRequest | null = null;
    const c: Conn = { kind: 'sse', personId: '', last: -1, hit: NaN, hitBytes: 0, connected: () => open, close: () => req?.destroy() };
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      if (!ok) req?.destroy();
      resolve(ok ? c : null);
    };
    const u = `${url}/api/public/events`;
    const get = u.startsWith('https:') ? httpsRequest : httpRequest;
    req = get(u, { agent: false, ca, headers: { accept: 'text/event-stream' }, timeout: 60_000 }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return finish(false);
      }
      open = true;
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const at = now();
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m = /^id: (\d+)$/m.exec(frame);
          if (!m) continue;
          const v = Number(m[1]);
          if (v > c.last) c.last = v;
          if (Number.isNaN(c.hit) && v >= (targets[group] ?? Infinity)) {
            c.hit = at;
            c.hitBytes = frame.length;
          }
          finish(true);
        }
      });
      res.on('close', () => {
        if (open) {
          disconnects++;
          disconnectReasons['sse closed'] = (disconnectReasons['sse closed'] ?? 0) + 1;
        }
        open = false;
        finish(false);
      });
    });
    req.on('error', () => finish(false));
    req.end();
  });
}

serve({
  /** Opens the sockets in waves; `mode: raw` joins rooms on the plain socket.io server. */
  async connect(m) {
    const url = m.url as string;
    const ca = m.ca as string | undefined;
    const raw = m.mode === 'raw';
    const group = raw ? 'raw' : 'salen';
    const list = conns(group);
    const seats = m.seats as { key: string; personId: string; session: string }[];
    const publics = m.publics as number;
    const parallel = (m.parallel as number) ?? 100;
    const jobs: (() => Promise<Conn | null>)[] = [];
    for (const s of seats)
      jobs.push(() => open(group, url, raw ? { room: 'members' } : { role: 'seat', seatKey: s.key, session: s.session }, 'seat', s.personId, !raw, ca));
    for (let i = 0; i < publics; i++) jobs.push(() => open(group, url, raw ? { room: 'public' } : { role: 'public' }, 'public', '', !raw, ca));
    // Open data viewers (--sse): our server only; the raw floor has no such endpoint.
    if (!raw) for (let i = 0; i < ((m.sse as number) ?? 0); i++) jobs.push(() => openSse(group, url, ca));
    const t0 = now();
    let failed = 0;
    for (let i = 0; i < jobs.length; i += parallel) {
      const got = await Promise.all(jobs.slice(i, i + parallel).map((j) => j()));
      for (const c of got) if (c) list.push(c);
      else failed++;
    }
    return { connected: list.length, failed, ms: now() - t0 };
  },
  watch(m) {
    const target = (targets[String(m.group ?? 'salen')] = m.minVersion as number);
    const kinds = (m.kinds as Conn['kind'][] | undefined) ?? ['seat', 'public', 'sse'];
    // A socket already at or past the version counts as arrived now (only used to wait).
    const t = now();
    for (const c of conns(m.group)) {
      c.skip = !kinds.includes(c.kind);
      c.hit = c.last >= target ? t : NaN;
      c.hitBytes = 0;
    }
    return {};
  },
  /** Arrival times of the first view at or above the watched version, per kind. */
  async collect(m) {
    const deadline = now() + ((m.timeoutMs as number) ?? 120_000);
    const list = conns(m.group);
    while (now() < deadline && list.some((c) => !c.skip && c.connected() && Number.isNaN(c.hit))) await sleep(5);
    const seat: number[] = [];
    const pub: number[] = [];
    const sse: number[] = [];
    let missing = 0;
    let sseMissing = 0;
    const bytes = { seat: 0, public: 0, sse: 0 };
    for (const c of list) {
      if (c.skip) continue;
      if (Number.isNaN(c.hit)) {
        if (c.kind === 'sse') sseMissing++;
        else missing++;
        continue;
      }
      (c.kind === 'seat' ? seat : c.kind === 'sse' ? sse : pub).push(c.hit);
      bytes[c.kind] = Math.max(bytes[c.kind], c.hitBytes);
    }
    targets[String(m.group ?? 'salen')] = Infinity;
    const samples = m.samples ? { public: lastText.public, member: lastText.member } : undefined;
    return { seat, pub, sse, missing, sseMissing, bytes, samples };
  },
  /**
   * Every seat casts once: all at the same wall-clock moment `at` (a storm), or, with
   * `windowMs`, each at its own random moment in [at, at + windowMs) (members pressing in
   * their own time). Answers with each cast's ack latency, from its own send.
   */
  async cast(m) {
    const at = m.at as number;
    const windowMs = (m.windowMs as number) ?? 0;
    const shift = ((m.round as number) + ((m.shift as number) ?? 0)) % 3;
    const timeoutMs = (m.timeoutMs as number) ?? 120_000;
    const seats = conns(m.group ?? 'salen').filter((c) => c.kind === 'seat');
    const lat: number[] = [];
    const acks: { personId: string; version: number; choice: string }[] = [];
    const refused: Record<string, number> = {};
    let pending = seats.length;
    const sentAt: number[] = [];
    const all = new Promise<void>((resolve) => {
      if (pending === 0) resolve();
      const fire = (c: Conn, i: number) => {
        const choice = CHOICES[(i + shift) % 3]!;
        const t = now();
        sentAt.push(t - at);
        c.socket!.emit('action', { type: 'vote.cast', choice }, (ack: LooseAck) => {
          lat.push(now() - t);
          if (ack.ok) acks.push({ personId: c.personId, version: ack.version!, choice });
          else refused[ack.code ?? '?'] = (refused[ack.code ?? '?'] ?? 0) + 1;
          if (--pending === 0) resolve();
        });
      };
      if (windowMs > 0) seats.forEach((c, i) => setTimeout(() => fire(c, i), Math.max(0, at + Math.random() * windowMs - now())));
      else void sleep(Math.max(0, at - now())).then(() => seats.forEach(fire));
    });
    await Promise.race([all, sleep(timeoutMs + windowMs)]);
    return { lat, acks, refused, unanswered: pending, spreadMs: sentAt.length ? Math.max(...sentAt) - Math.min(...sentAt) : 0 };
  },
  /** Highest version seen: lowest over all sockets. */
  status(m) {
    let min = Infinity;
    // (disconnects are counted per socket, whatever the reason: ping timeout, transport close…)
    for (const c of conns(m.group)) if (c.connected()) min = Math.min(min, c.last);
    return { minVersion: min, connected: allConns().filter((c) => c.connected()).length, disconnects, disconnectReasons };
  },
  async disconnect() {
    for (const c of allConns()) c.close();
    for (const k of Object.keys(groups)) delete groups[k];
    await sleep(50);
    disconnects = 0;
    for (const k of Object.keys(disconnectReasons)) delete disconnectReasons[k];
    return {};
  },
  cpu() {
    const d = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    return { ms: (d.user + d.system) / 1000 };
  },
  memory() {
    return { rss: process.memoryUsage().rss };
  },
});
