import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { verifyAll } from '../../server/record/verify';
import { members, testServer } from './helpers';

// Issue #14, item 1: a meeting goes live only when the live one may give way. An action
// applied in the same tick as the switch but not yet committed counts: the live meeting keeps
// its set-up, so its log still replays.
describe('making a meeting live while an action of the live one waits for its commit', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is refused (§ 7), and the check-in is stored in the live meeting, whose log verifies', async () => {
    const planned = server.term.plan({ title: 'Næste møde', date: '2027-01-14', time: '17:00', agenda: [{ id: 'n1', title: 'Punkt', text: '', kind: 'proposal', doors: 'open', urgentReason: 'Frist.' }] });
    expect(planned.ok).toBe(true);
    const member = server.service.state.persons[members(server)[0]!]!;
    const ack = server.service.dispatch({ type: 'presence.checkIn' }, { role: 'member', personId: member.id, seatId: member.seatId! });
    expect(server.service.pending).toBe(1);
    const r = server.term.activate({ meetingId: 'm2' });
    expect(r).toMatchObject({ ok: false, code: 'MEETING_LIVE_BUSY', paragraph: '§ 7' });
    expect(await ack).toMatchObject({ ok: true });
    expect(server.service.meetingId).toBe('m1');
    const all = verifyAll(server.service.db.name);
    expect(all.ok).toBe(true);
    expect(all.meetings.map((m) => (m.ok ? [m.meeting, m.events] : m.reason))).toEqual([['m1', 1]]);
  });
});
