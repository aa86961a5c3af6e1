import { describe, expect, it } from 'vitest';
import { wireFuzz } from '../../scripts/resilience/wire-fuzz';

// Issue #11, item 1: raw frames on the wire (not through socket.io-client) as the public, a
// seat before and after check-in, and the chair. The long run is `npm run -s resilience`.
describe('raw-frame fuzz', () => {
  it('no frame ends the process, changes state or goes unanswered', { timeout: 240_000 }, async () => {
    const r = await wireFuzz({ rounds: 1, seed: 7 });
    expect(r.serverAlive).toBe(true);
    expect(r.sent).toBeGreaterThan(400);
    expect(r.accepted).toBe(0);
    expect(r.unanswered).toBe(0);
    expect(r.batchesHealthy).toBe(r.batches);
    expect(r.batches).toBeGreaterThanOrEqual(6);
    expect(r.versionAfter).toBe(r.versionBefore);
    // Judged on the raw packet: deep and oversized frames get their own refusal, not a crash.
    expect(r.byCode.TOO_DEEP).toBeGreaterThan(0);
    expect(r.byCode.TOO_LARGE).toBeGreaterThan(0);
    expect(r.byCode.MALFORMED).toBeGreaterThan(0);
    expect(r.byCode.UNKNOWN_EVENT).toBeGreaterThan(0);
    expect(r.handshakes.refused + r.handshakes.connected).toBe(r.handshakes.sent);
    expect(r.burst.rateLimited).toBeGreaterThan(0);
  });
});
