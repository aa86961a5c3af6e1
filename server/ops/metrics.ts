import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ACTION_TYPES } from '../../shared/actions';
import { REFUSALS, TRANSPORT_REFUSALS } from '../../shared/refusals';
import type { MeetingState } from '../../shared/types';
import { isLoopback } from '../demo/network';

/** Socket roles as the handshake names them (server/transport/handshake.ts). */
export const SOCKET_ROLES = ['chair', 'secretariat', 'seat', 'public'] as const;
/** Socket events besides `action`: those that change something, and reads. */
const CHANGING_EVENTS = ['checkIn', 'seat.rotateKey', 'seat.rotateAllKeys', 'person.resetCode', 'person.resetAllCodes'];
const KNOWN_TYPES = new Set<string>([...ACTION_TYPES, ...CHANGING_EVENTS, 'sync', 'time']);
const KNOWN_CODES = new Set<string>([...Object.keys(REFUSALS), ...Object.keys(TRANSPORT_REFUSALS)]);
/** Events the server pushes (shared/protocol.ts ServerToClientEvents). */
const PUSH_EVENTS = new Set(['view', 'own', 'notice', 'seatLocks', 'session']);

/**
 * Label values come from a fixed list, never from what a client sent: an unknown action type
 * is `unknown`, an unknown refusal code `OTHER`, so no one can grow the series without bound.
 */
export const typeLabel = (t: unknown) => (typeof t === 'string' && KNOWN_TYPES.has(t) ? t : 'unknown');
export const codeLabel = (c: unknown) => (typeof c === 'string' && KNOWN_CODES.has(c) ? c : 'OTHER');

/** Where the gauges read from when scraped: the live sockets and the meeting state. */
export interface MetricSources {
  sockets(): Iterable<{ data: { id?: { role: string } } }>;
  state(): MeetingState;
}

// Commits are an fsync or two: tens of µs on a good SSD, ms on a slow disk, worse on a sick one.
const SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BYTES = [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304];

/**
 * The process's own metrics (CPU, memory, handles, GC, event-loop delay), made once per
 * process: their collectors (an event-loop delay monitor, a GC observer) cannot be stopped,
 * so a test process starting many servers must not start many of them.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

/**
 * The server's Prometheus metrics (prom-client), in a registry of its own (not prom-client's
 * global one): Salen's `salen_*` series, served with the process metrics (docs/deploy.md,
 * "Monitoring and logs", lists them).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly accepted: Counter<'type'>;
  readonly refused: Counter<'type' | 'code'>;
  readonly commitSeconds: Histogram;
  readonly syncSeconds: Histogram;
  readonly commitActions: Histogram;
  readonly pushBytes: Histogram<'event'>;
  readonly backupLast: Gauge;
  readonly backupSeconds: Histogram;
  readonly backupFailures: Counter;
  /** Encoded texts already measured: one view text serves every slice of a broadcast. */
  private measured = new WeakSet<object>();

  constructor(sources: MetricSources) {
    processMetrics(); // the event-loop delay is measured from the start
    const registers = [this.registry];
    new Gauge({
      name: 'salen_sockets',
      help: 'Open sockets by role (chair, secretariat, seat terminals, public screens)',
      labelNames: ['role'],
      registers,
      collect() {
        const n: Record<string, number> = Object.fromEntries(SOCKET_ROLES.map((r) => [r, 0]));
        for (const s of sources.sockets()) {
          const role = s.data.id?.role;
          if (role && role in n) n[role]!++;
        }
        for (const r of SOCKET_ROLES) this.set({ role: r }, n[r]!);
      },
    });
    new Gauge({
      name: 'salen_checked_in_members',
      help: 'Persons checked in at a seat (§ 16), by whether their seat terminal answers',
      labelNames: ['terminal'],
      registers,
      collect() {
        let online = 0;
        let offline = 0;
        for (const occ of Object.values(sources.state().presence)) {
          if (occ.online) online++;
          else offline++;
        }
        this.set({ terminal: 'online' }, online);
        this.set({ terminal: 'offline' }, offline);
      },
    });
    new Gauge({
      name: 'salen_meeting_version',
      help: 'The meeting version: actions carried out since the set-up',
      registers,
      collect() {
        this.set(sources.state().version);
      },
    });
    new Gauge({
      name: 'salen_meeting_status',
      help: 'The meeting status: 1 for the current one',
      labelNames: ['status'],
      registers,
      collect() {
        const now = sources.state().meeting.status;
        for (const st of ['planned', 'open', 'suspended', 'closed']) this.set({ status: st }, st === now ? 1 : 0);
      },
    });
    this.accepted = new Counter({ name: 'salen_actions_accepted_total', help: 'Actions (and check-ins, key rotations) carried out, by type', labelNames: ['type'], registers });
    this.refused = new Counter({
      name: 'salen_actions_refused_total',
      help: 'Messages refused, by action type (or event) and refusal code',
      labelNames: ['type', 'code'],
      registers,
    });
    this.commitSeconds = new Histogram({
      name: 'salen_commit_seconds',
      help: 'One group commit of the meeting log: the SQLite transaction that makes a tick of actions durable',
      buckets: SECONDS,
      registers,
    });
    this.syncSeconds = new Histogram({
      name: 'salen_commit_fsync_seconds',
      help: 'The COMMIT step of that transaction: writing the log frames and the fsync (synchronous = FULL)',
      buckets: SECONDS,
      registers,
    });
    this.commitActions = new Histogram({ name: 'salen_commit_actions', help: 'Actions per group commit', buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000], registers });
    this.pushBytes = new Histogram({
      name: 'salen_push_bytes',
      help: 'Size of each message the server pushes (one encoding, however many sockets it reaches), by event',
      labelNames: ['event'],
      buckets: BYTES,
      registers,
    });
    this.backupLast = new Gauge({ name: 'salen_backup_last_success_seconds', help: 'Unix time of the last backup written (--backup-dir)', registers });
    this.backupSeconds = new Histogram({ name: 'salen_backup_seconds', help: 'Time to write one backup', buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60], registers });
    this.backupFailures = new Counter({ name: 'salen_backup_failures_total', help: 'Backups that could not be written', registers });
  }

  /** The exposition text for a scrape: the process metrics and this server's. */
  text(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  /** The answer to a socket event: accepted (`ok: true`) or refused with its code. Reads (`sync`, `time`) count only when refused. */
  answered(event: unknown, payload: unknown, answer: unknown) {
    const a = answer as { ok?: unknown; code?: unknown } | null;
    const type = event === 'action' ? typeLabel(payload && typeof payload === 'object' ? (payload as { type?: unknown }).type : undefined) : typeLabel(event);
    if (a?.ok === false) this.refused.inc({ type, code: codeLabel(a.code) });
    else if (a?.ok === true && (event === 'action' || CHANGING_EVENTS.includes(String(event)))) this.accepted.inc({ type });
  }

  committed(seconds: number, syncSeconds: number, actions: number) {
    this.commitSeconds.observe(seconds);
    this.syncSeconds.observe(syncSeconds);
    this.commitActions.observe(actions);
  }

  /** An encoded push; `source` is the pre-encoded payload, measured once however many slices it serves. */
  pushed(event: string, text: string, source?: object) {
    if (!PUSH_EVENTS.has(event)) return;
    if (source) {
      if (this.measured.has(source)) return;
      this.measured.add(source);
    }
    this.pushBytes.observe({ event }, Buffer.byteLength(text));
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `Authorization: Bearer TOKEN` against the configured token, in constant time (digests of equal length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return !!m && timingSafeEqual(digest(m[1]!), digest(token));
}

export interface MetricsAccess {
  /** `--metrics-token` / SALEN_METRICS_TOKEN: lets a scraper on another machine in. */
  token?: string;
  clientAddress(req: IncomingMessage): string;
}

/**
 * `GET /metrics`: to this machine (a loopback peer, no proxy in between), or to a request
 * bearing the token. Anyone else gets the same 404 as a path that does not exist, so the
 * route's presence is not revealed.
 */
export function metricsRoute(metrics: Metrics, access: MetricsAccess) {
  return (req: Request, res: Response, next: NextFunction) => {
    const proxied = req.get('forwarded') !== undefined || req.get('x-forwarded-for') !== undefined;
    const local = !proxied && isLoopback(access.clientAddress(req));
    if (!local && !(access.token && bearerMatches(req.get('authorization'), access.token))) return next();
    metrics.text().then(
      (text) => {
        res.set('Cache-Control', 'no-store');
        res.type(metrics.registry.contentType).send(text);
      },
      (e: unknown) => next(e),
    );
  };
}
