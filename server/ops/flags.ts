import { DEFAULT_BACKUP_EVERY_MS, DEFAULT_BACKUP_KEEP, type BackupOptions } from './backup';
import { isLogLevel, type LogLevel } from './log';

export interface OpsFlags {
  logLevel: LogLevel;
  backup?: BackupOptions;
  metricsToken?: string;
}

/**
 * The operator's flags of `server/main.ts` (docs/deploy.md): `--log-level`, `--backup-dir`,
 * `--backup-every-min`, `--backup-keep`, `--metrics-token`, each with its environment variable.
 * `fail` ends the start with a message (exit 2) before anything is opened.
 */
export function opsFlags(arg: (name: string) => string | undefined, fail: (message: string) => never, env = process.env, defaultLevel: LogLevel = 'info'): OpsFlags {
  const logLevel = arg('log-level') ?? env.SALEN_LOG_LEVEL ?? defaultLevel;
  if (!isLogLevel(logLevel)) fail(`--log-level ${logLevel}: one of fatal, error, warn, info, debug, trace, silent`);
  const dir = arg('backup-dir') ?? env.SALEN_BACKUP_DIR;
  const every = arg('backup-every-min') ?? env.SALEN_BACKUP_EVERY_MIN;
  const keep = arg('backup-keep') ?? env.SALEN_BACKUP_KEEP;
  // Fractions of a minute are allowed (a test takes one every second or so); not below 0.01 (0.6 s).
  if (every !== undefined && !(Number(every) >= 0.01)) fail(`--backup-every-min ${every}: minutes between backups, at least 0.01`);
  if (keep !== undefined && !(Number.isInteger(Number(keep)) && Number(keep) >= 1)) fail(`--backup-keep ${keep}: a whole number of backups to keep, at least 1`);
  if (!dir && (every !== undefined || keep !== undefined)) fail('--backup-every-min and --backup-keep need --backup-dir DIR');
  const token = arg('metrics-token') ?? env.SALEN_METRICS_TOKEN;
  if (token !== undefined && token.length < 16) fail('--metrics-token: at least 16 characters (e.g. `openssl rand -hex 32`)');
  return {
    logLevel,
    backup: dir
      ? { dir, everyMs: every !== undefined ? Number(every) * 60_000 : DEFAULT_BACKUP_EVERY_MS, keep: keep !== undefined ? Number(keep) : DEFAULT_BACKUP_KEEP }
      : undefined,
    metricsToken: token || undefined,
  };
}
