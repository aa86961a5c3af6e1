import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface BackoffOptions {
  /** Failures in a row that start a lock. */
  maxFailures: number;
  /** The first lock; each further lock within `memoryMs` lasts twice the one before. */
  firstLockMs: number;
  maxLockMs?: number;
  /** How long failures are remembered without a lock (and locks, for the doubling). */
  memoryMs?: number;
}

export interface Lock {
  locked: boolean;
  retryAfterMs: number;
  failures: number;
}

/**
 * Growing back-off on guesses (personal codes per seat, handshake secrets per address and per
 * account): after `maxFailures` failures the key is locked for 30 s, then 1 min, 2 min … Built
 * on rate-limiter-flexible, so every entry expires by itself; nothing is ever cleared in bulk.
 */
export class Backoff {
  private failures: RateLimiterMemory;
  private locks: RateLimiterMemory;
  private maxLockMs: number;

  constructor(readonly opts: BackoffOptions) {
    const memorySec = (opts.memoryMs ?? 24 * 3600_000) / 1000;
    this.failures = new RateLimiterMemory({ points: opts.maxFailures, duration: Math.min(memorySec, 3600) });
    this.locks = new RateLimiterMemory({ points: 1_000_000, duration: memorySec });
    this.maxLockMs = opts.maxLockMs ?? 3600_000;
  }

  /** The lock on `key` now (failures counted so far, or how long it stays locked). */
  async check(key: string): Promise<Lock> {
    const res = await this.failures.get(key);
    const failures = res?.consumedPoints ?? 0;
    const locked = failures > this.opts.maxFailures;
    return { locked, retryAfterMs: locked ? Math.max(1, res!.msBeforeNext) : 0, failures: Math.min(failures, this.opts.maxFailures) };
  }

  /** Counts a failure; the one that reaches `maxFailures` starts the next, longer lock. */
  async fail(key: string): Promise<Lock> {
    let res: RateLimiterRes;
    try {
      res = await this.failures.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) return this.check(key); // already locked
      throw e;
    }
    if (res.remainingPoints > 0) return { locked: false, retryAfterMs: 0, failures: res.consumedPoints };
    const n = (await this.locks.consume(key)).consumedPoints;
    const ms = Math.min(this.opts.firstLockMs * 2 ** (n - 1), this.maxLockMs);
    await this.failures.block(key, ms / 1000);
    return { locked: true, retryAfterMs: ms, failures: this.opts.maxFailures };
  }

  /** A success forgets the failures (and the doubling) of that key. */
  async succeed(key: string) {
    await this.failures.delete(key);
    await this.locks.delete(key);
  }
}
