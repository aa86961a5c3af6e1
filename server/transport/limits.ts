import { RateLimiterMemory } from 'rate-limiter-flexible';

/** At most `points` failures per `durationMs` (a fixed window that starts at the first failure). */
export interface LimitWindow {
  points: number;
  durationMs: number;
}

export interface SignInLimits {
  /** Failed sign-ins from one client address (req.ip, under the `trust proxy` setting). */
  perAddress: LimitWindow;
  /** Failed sign-ins against one account: a chair's person id, 'secretariat', or 'code' for the members' codes. */
  perAccount: LimitWindow;
  /** Failed sign-ins from everyone together: caps guessing from many addresses (and the memory the limiter holds). */
  global: LimitWindow;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { points: 10, durationMs: 15 * 60_000 },
  perAccount: { points: 10, durationMs: 15 * 60_000 },
  global: { points: 100, durationMs: 15 * 60_000 },
};

/** Longest account name kept as a key (a Basic user is whatever the client sends). */
const MAX_ACCOUNT_CHARS = 128;

/**
 * Failed sign-ins on the record routes, limited per client address, per account and overall
 * with rate-limiter-flexible: every entry expires by itself at the end of its window; nothing
 * is ever cleared in bulk. A refused attempt is not checked and counts nothing, so at most
 * `global.points` failures (and entries) exist per window.
 */
export class SignInLimiter {
  private readonly address: RateLimiterMemory;
  private readonly account: RateLimiterMemory;
  private readonly global: RateLimiterMemory;
  readonly limits: SignInLimits;

  constructor(limits: Partial<SignInLimits> = {}) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    const make = (w: LimitWindow, keyPrefix: string) => new RateLimiterMemory({ points: w.points, duration: w.durationMs / 1000, keyPrefix });
    this.address = make(this.limits.perAddress, 'addr');
    this.account = make(this.limits.perAccount, 'acct');
    this.global = make(this.limits.global, 'all');
  }

  private keys(address: string, accounts: string[]): [RateLimiterMemory, string][] {
    const unique = [...new Set(accounts.map((a) => a.slice(0, MAX_ACCOUNT_CHARS)))];
    return [[this.global, 'all'], [this.address, address], ...unique.map((a): [RateLimiterMemory, string] => [this.account, a])];
  }

  /** 0 when this address may try these accounts now; otherwise the ms until it may. */
  async blockedFor(address: string, accounts: string[]): Promise<number> {
    let wait = 0;
    for (const [limiter, key] of this.keys(address, accounts)) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= limiter.points && res.msBeforeNext > 0) wait = Math.max(wait, res.msBeforeNext);
    }
    return wait;
  }

  /** Counts one failed sign-in against the address, each account tried, and the total. */
  async failed(address: string, accounts: string[]): Promise<void> {
    for (const [limiter, key] of this.keys(address, accounts)) await limiter.penalty(key, 1);
  }
}
