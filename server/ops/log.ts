import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/** The levels `--log-level` takes (pino's, plus `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = Level | 'silent';

/**
 * Fields that may hold a secret, wherever they turn up in a logged object. Nothing in the
 * server logs them on purpose (the log calls name their fields one by one); this is the
 * second line, for an object someone logs whole one day (docs/security.md, "Logs").
 */
const SECRET_FIELDS = ['password', 'secretariatPassword', 'chairPasswords', 'seatKey', 'seatKeys', 'codes', 'token', 'auth', 'authorization', 'cookie', 'secret'];
/** Names that are secrets in a payload but something else on an error (`err.code`: ENOENT, SQLITE_BUSY). */
const PAYLOAD_FIELDS = ['code', 'key', 'session'];
const CONTAINERS = ['payload', 'body', 'query', 'data', 'credentials', 'req.query', 'req.body'];
export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  ...PAYLOAD_FIELDS.flatMap((f) => [f, ...CONTAINERS.map((c) => `${c}.${f}`)]),
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * The server's structured log: one JSON object per line on stdout (pino), with an ISO time,
 * the level by name, and an `event` naming what happened (docs/deploy.md, "Monitoring and
 * logs"). The level is `--log-level` for `server/main.ts` (default info); a server started
 * in-process (tests, scripts) logs errors only, as its console did, unless SALEN_LOG_LEVEL says more.
 */
export const log: Logger = createLog();

/** A logger with the server's format and redaction, to stdout or to `dest` (a test's stream). */
export function createLog(dest?: DestinationStream, level = process.env.SALEN_LOG_LEVEL ?? 'error'): Logger {
  const opts = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return dest ? pino(opts, dest) : pino(opts);
}

export function setLogLevel(level: LogLevel) {
  log.level = level;
}

export function isLogLevel(v: string): v is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(v);
}

/**
 * At most `burst` lines per key and window: a flood (a locked-out guesser, a socket over its
 * rate) must not become a flood of log lines. The first line after the window says how many
 * were left out. Keys are bounded: the oldest is forgotten past `maxKeys`.
 */
export class LogThrottle {
  private seen = new Map<string, { since: number; lines: number; dropped: number }>();
  constructor(
    private windowMs = 10_000,
    private burst = 5,
    private maxKeys = 10_000,
  ) {}

  /** The number of lines left out before this one, or null to leave this one out. */
  take(key: string, now = Date.now()): number | null {
    const s = this.seen.get(key);
    if (s && now - s.since < this.windowMs) {
      if (s.lines < this.burst) {
        s.lines++;
        return 0;
      }
      s.dropped++;
      return null;
    }
    const dropped = s?.dropped ?? 0;
    this.seen.delete(key);
    this.seen.set(key, { since: now, lines: 1, dropped: 0 });
    if (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value!);
    return dropped;
  }
}
