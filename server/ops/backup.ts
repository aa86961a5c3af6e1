import Database from 'better-sqlite3';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { MeetingService } from '../meeting/service';
import { lastHash, type DB } from '../store/db';
import { log } from './log';
import type { Metrics } from './metrics';

export interface BackupOptions {
  /** `--backup-dir DIR`: created (mode 0700) if missing. */
  dir: string;
  /** `--backup-every-min N` in ms: between backups while the meeting is open or suspended (default 5 min). */
  everyMs?: number;
  /** `--backup-keep N`: the newest N backups are kept, older ones deleted (default 12). */
  keep?: number;
}

export const DEFAULT_BACKUP_EVERY_MS = 5 * 60_000;
export const DEFAULT_BACKUP_KEEP = 12;

/** `meeting-2025-03-04T19-30-00.123Z-seq1234.sqlite`: the time it was taken and the last event in it. */
const NAME = /^(.+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)-seq(\d+)\.sqlite$/;

export interface BackupFile {
  file: string;
  /** The last event of the log in the copy. */
  seq: number;
}

/** The backups of a database in `dir`, oldest first (by the time in their names). */
export function listBackups(dir: string, base: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => [n, NAME.exec(n)] as const)
    .filter(([, m]) => m?.[1] === base)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([n, m]) => ({ file: path.join(dir, n), seq: Number(m![3]) }));
}

/**
 * Online backups of the meeting's database (docs/deploy.md, "Backups and restore"): SQLite's
 * backup API through better-sqlite3's `db.backup()`, which copies 100 pages per turn of the
 * event loop, so acks and pushes keep flowing while it runs; commits made meanwhile on the
 * same connection go into the copy too. One every `everyMs` while the meeting is open or
 * suspended (none when nothing was logged since the last), and one when it closes. Each copy
 * is a standalone file (rollback journal, no `-wal` beside it), mode 0600, named after the
 * time and its last event, and written under a temporary name first, so a file with a
 * backup's name is always whole.
 */
export class Backups {
  readonly dir: string;
  private readonly base: string;
  private readonly everyMs: number;
  private readonly keep: number;
  private timer: NodeJS.Timeout | null = null;
  /** Backups run one after another; a close waits for the last. */
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private lastSeq: number;
  private closed = false;

  constructor(
    private readonly db: DB,
    private readonly service: MeetingService,
    opts: BackupOptions,
    private readonly metrics: Metrics | null = null,
  ) {
    this.dir = path.resolve(opts.dir);
    this.base = path.parse(db.name).name;
    this.everyMs = opts.everyMs ?? DEFAULT_BACKUP_EVERY_MS;
    this.keep = opts.keep ?? DEFAULT_BACKUP_KEEP;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // After a restart, a backup of the same last event is not taken again.
    this.lastSeq = listBackups(this.dir, this.base).at(-1)?.seq ?? -1;
    service.onCommitted((c) => {
      for (const e of c.events) {
        if (e.type === 'meeting.opened') this.startTimer();
        if (e.type === 'meeting.closed') {
          this.stopTimer();
          void this.take('close');
        }
      }
    });
    const status = service.state.meeting.status;
    if (status === 'open' || status === 'suspended') this.startTimer();
  }

  private startTimer() {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      if (!this.busy) void this.take('timer');
    }, this.everyMs);
    this.timer.unref();
  }

  private stopTimer() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes a backup now (after any running one); resolves with its path, or null when none was needed or it failed. */
  take(reason: 'timer' | 'close' | 'manual' = 'manual'): Promise<string | null> {
    const run = () => this.backup(reason);
    const p = this.chain.then(run, run);
    this.chain = p;
    return p;
  }

  private async backup(reason: string): Promise<string | null> {
    if (this.closed || !this.db.open) return null;
    if (lastHash(this.db).seq === this.lastSeq) return null;
    this.busy = true;
    const started = performance.now();
    const partial = path.join(this.dir, `.${this.base}-${process.pid}-${Date.now()}.partial`);
    try {
      // Created empty with mode 0600 first: the copy holds what the database holds.
      closeSync(openSync(partial, 'wx', 0o600));
      await this.db.backup(partial);
      const seq = standalone(partial);
      chmodSync(partial, 0o600);
      const file = path.join(this.dir, `${this.base}-${new Date().toISOString().replace(/:/g, '-')}-seq${seq}.sqlite`);
      renameSync(partial, file);
      syncDir(this.dir);
      this.lastSeq = seq;
      const removed = this.prune();
      const seconds = (performance.now() - started) / 1000;
      this.metrics?.backupLast.set(Date.now() / 1000);
      this.metrics?.backupSeconds.observe(seconds);
      log.info({ event: 'backup', reason, file, seq, ms: Math.round(seconds * 1000), removed }, 'backup written');
      return file;
    } catch (e) {
      rmSync(partial, { force: true });
      this.metrics?.backupFailures.inc();
      log.error({ event: 'backupFailed', reason, err: e, dir: this.dir }, 'backup failed');
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Deletes all but the newest `keep` backups; the number deleted. */
  private prune(): number {
    const all = listBackups(this.dir, this.base);
    const old = all.slice(0, Math.max(0, all.length - this.keep));
    for (const b of old) rmSync(b.file, { force: true });
    return old.length;
  }

  /** Stops the timer and waits for a running backup (before the database closes). */
  async close() {
    this.stopTimer();
    // A backup queued while waiting (the meeting closed just now) is waited for too.
    let last: Promise<unknown> | null = null;
    while (last !== this.chain) {
      last = this.chain;
      await last;
    }
    this.closed = true;
  }
}

/**
 * The copy keeps the source's WAL mode in its header; switched to a rollback journal it is
 * one file that can be copied, verified and restored alone. Its last event names it.
 */
function standalone(file: string): number {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return (copy.prepare('SELECT max(seq) AS seq FROM events').get() as { seq: number | null }).seq ?? 0;
  } finally {
    copy.close();
  }
}

/** The rename is durable only once the directory itself is synced. */
function syncDir(dir: string) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
