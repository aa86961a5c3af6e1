import { describe, expect, it } from 'vitest';
import { authMatrix } from '../../scripts/resilience/authz';
import { badInputStorm } from '../../scripts/resilience/bad-input';
import { crashTrials } from '../../scripts/resilience/crash';
import { reconnectStorm } from '../../scripts/resilience/reconnect';

// The short version of `npm run -s resilience` (scripts/resilience/*): the same checks at a
// smaller size. No assertion depends on how fast the machine is; time limits are generous.
describe('resilience', () => {
  it('kill -9 during vote storms loses nothing acknowledged; the restarted state is a replay of the log', { timeout: 300_000 }, async () => {
    const r = await crashTrials({ trials: 10, seats: 20, killWindowMs: [30, 800] });
    expect(r.failures).toEqual([]);
    expect(r.trials).toBe(10);
    expect(r.crashes).toBe(10);
    expect(r.acked).toBeGreaterThan(0);
    expect(r.lost).toBe(0);
    expect(r.replayMismatches).toBe(0);
    expect(r.chainBreaks).toBe(0);
    expect(r.ballotMismatches).toBe(0);
    expect(r.seenBeyondLog).toBe(0);
  });

  it('every client returns to the current version after a restart under load', { timeout: 300_000 }, async () => {
    const r = await reconnectStorm({ clients: 200, seats: 20, how: 'kill' });
    expect(r.stuck).toBe(0);
    expect(r.returned).toBe(200);
    expect(r.versionAfterRestart).toBe(r.versionBefore);
    expect(r.liveAgainReached).toBe(200);
  });

  it('a storm of bad input is refused message by message; state unchanged; honest clients keep working', { timeout: 300_000 }, async () => {
    const r = await badInputStorm({ messages: 5000, sockets: 100, floods: 3, floodSize: 200, oversized: 5, badHandshakes: 5 });
    expect(r.sent).toBe(5000);
    expect(r.serverUp).toBe(true);
    expect(r.accepted).toBe(0);
    expect(r.unanswered).toBe(0);
    expect(r.refused).toBe(r.sent);
    expect(r.otherRefusals).toEqual({});
    expect(r.specific).toBeGreaterThan(r.sent / 2);
    expect(r.floodRateLimited).toBeGreaterThan(0);
    expect(r.floodRefused).toBe(r.floodSent);
    expect(r.oversizedDropped).toBe(r.oversizedSent);
    expect(r.handshakesRefused).toBe(r.badHandshakes);
    expect(r.phaseAUnchanged).toBe(true);
    expect(r.honestAccepted).toBe(r.honestActions);
    expect(r.honestEventsOnly).toBe(true);
    expect(r.honestClientsCurrent).toBe(true);
  });

  it('authorization: exactly the allowed (action type, role) pairs get past authorization', { timeout: 300_000 }, async () => {
    const m = await authMatrix();
    expect(m.otherSeatCheckIn).toBe('BAD_CODE');
    expect(m.pairs).toBe(m.types * m.roles);
    expect(m.allowedPairs).toBeGreaterThan(0);
    expect(m.mismatches).toEqual([]);
  });
});
