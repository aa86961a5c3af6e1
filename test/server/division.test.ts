import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chairClient, members, seatFor, testServer, type Client } from './helpers';

// § 24, stk. 5 through real sockets: once a member has demanded division, the chair's vote on
// the whole proposal is refused with the paragraph, and nothing changes on the server.
describe('division of the point over socket.io (§ 24, stk. 5)', () => {
  let server: RunningServer;
  let chair: Client;
  const seats: Client[] = [];

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    for (const id of members(server).slice(0, 30)) seats.push(await seatFor(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of seats) c.close();
    chair?.close();
    await server?.close();
  });

  it('refuses a vote on the whole proposal once division is demanded; the state is unchanged', async () => {
    const member = seats[0]!;
    expect((await member.act({ type: 'division.demand' })).ok).toBe(true);
    await chair.waitFor((v) => v.demands.division.length === 1);
    const before = JSON.stringify(server.service.state);
    const ack = await chair.act({ type: 'vote.open', point: 'Indstillingen', subject: { kind: 'proposal' } });
    expect(ack).toMatchObject({ ok: false, code: 'DIVISION_DEMANDED', paragraph: '§ 24, stk. 5' });
    expect(JSON.stringify(server.service.state)).toBe(before);
    expect(server.service.state.activeVote).toBeNull();
    // The chair words the parts; the first part is then put to the vote.
    expect((await chair.act({ type: 'division.setParts', parts: ['Første del', 'Anden del'] })).ok).toBe(true);
    const out = await chair.act({ type: 'vote.open', point: 'Anden del', subject: { kind: 'proposal', part: 'Anden del' } });
    expect(out).toMatchObject({ ok: false, code: 'PART_ORDER', paragraph: '§ 24, stk. 5' });
    expect((await chair.act({ type: 'vote.open', point: 'Første del', subject: { kind: 'proposal', part: 'Første del' } })).ok).toBe(true);
  });
});
