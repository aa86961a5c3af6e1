import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chairClient, connect, members, seatFor, testServer, type Client } from './helpers';

// Procedural motions through real sockets (§ 26, stk. 2; § 18, stk. 4; § 24, stk. 4): a seat
// proposes, only the acting chair puts it to the council, only the proposer withdraws it.
describe('a member’s motion for direct referral over the wire', () => {
  let server: RunningServer;
  let chair: Client;
  let pub: Client;
  const seats: Client[] = [];
  let ids: string[];

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    pub = await connect(server.url, { role: 'public' });
    ids = members(server).slice(1, 31);
    for (const id of ids) seats.push(await seatFor(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
    expect((await seats[4]!.act({ type: 'floor.request' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of seats) c.close();
    chair?.close();
    pub?.close();
    await server?.close();
  });

  /** Sends, expects the refusal code and paragraph, and checks the whole state did not move. */
  async function refused(client: Client, body: unknown, code: string, paragraph: string) {
    const before = JSON.stringify(server.service.state);
    const ack = await client.act(body);
    expect(ack).toMatchObject({ ok: false, code, paragraph });
    expect(ack.message?.da.length).toBeGreaterThan(3);
    expect(ack.message?.en.length).toBeGreaterThan(3);
    expect(JSON.stringify(server.service.state)).toBe(before);
  }

  it('the wrong roles are refused; the floor is refused while the motion waits; the chair’s declaration refers the item', async () => {
    const referral = { type: 'motion.propose', motion: { kind: 'referral', committee: 'Økonomiudvalget' } };
    // The public never acts; a terminal with nobody checked in is not a member present (§ 16).
    await refused(pub, referral, 'UNAUTHORIZED', '§ 1');
    const emptySeat = server.service.state.persons[members(server)[50]!]!.seatId!;
    const terminal = await connect(server.url, { role: 'seat', seatKey: server.demo.seatKeys[emptySeat] });
    await refused(terminal, referral, 'NOT_CHECKED_IN', '§ 16');
    terminal.close();

    const proposed = await seats[0]!.act(referral);
    expect(proposed.ok).toBe(true);
    const motionId = server.service.state.pendingMotion!;
    expect(server.service.state.motions[motionId]).toMatchObject({ kind: 'referral', proposer: ids[0], status: 'pending' });
    await pub.waitFor((v) => v.motion?.id === motionId && v.motion.committee === 'Økonomiudvalget' && v.motion.deciding === 'proposed');

    // Only the acting chair puts it to the council (§ 18, stk. 1); only the proposer withdraws it.
    const subject = { kind: 'motion', motionId };
    await refused(seats[1]!, { type: 'vote.open', point: 'Henvisning', subject }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    await refused(seats[1]!, { type: 'declaration.make', point: 'Henvisning', subject, expected: 'adopted' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    const vice = server.service.state.chair.line[1]!;
    const viceConsole = await connect(server.url, { role: 'chair', personId: vice, password: server.demo.chairPasswords[vice] });
    await refused(viceConsole, { type: 'vote.open', point: 'Henvisning', subject }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    viceConsole.close();
    await refused(seats[2]!, { type: 'motion.withdraw' }, 'NOT_MOTION_PROPOSER', '§ 18, stk. 4');
    // § 26, stk. 2: the debate stands still.
    await refused(chair, { type: 'floor.give' }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
    await refused(seats[3]!, { type: 'motion.propose', motion: { kind: 'postponement' } }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');

    expect((await chair.act({ type: 'declaration.make', point: 'Punktet henvises direkte til Økonomiudvalget', subject, expected: 'adopted' })).ok).toBe(true);
    await pub.waitFor((v) => v.motion?.deciding === 'declaration');
    expect((await chair.act({ type: 'declaration.confirm' })).ok).toBe(true);
    const view = await pub.waitFor((v) => v.motion === null && v.lastResult?.subject === 'motion');
    expect(view.lastResult).toMatchObject({ outcome: 'referred', mode: 'declaration' });
    expect(view.agenda.find((i: { id?: string }) => i.id === 'i2')).toMatchObject({ status: 'referred' });
    expect(server.service.state.items.i2).toMatchObject({ status: 'referred', referredTo: 'Økonomiudvalget' });
  });
});
