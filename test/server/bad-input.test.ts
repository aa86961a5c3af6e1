import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chairClient, connect, members, seatFor, testServer, type Client } from './helpers';

// Malformed, unauthorized, replayed and out-of-turn input: a refusal each, nothing changed.
describe('bad input is refused and changes nothing', () => {
  let server: RunningServer;
  let chair: Client;
  const seats: Client[] = [];
  let ids: string[];

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    ids = members(server).slice(0, 30);
    for (const id of ids) seats.push(await seatFor(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of seats) c.close();
    chair?.close();
    await server?.close();
  });

  /** Sends, expects the refusal code, and checks the whole state did not move. */
  async function refused(client: Client, event: string, payload: unknown, code: string, paragraph?: string) {
    const before = JSON.stringify(server.service.state);
    const ack = await client.emit(event, payload);
    expect(ack.ok).toBe(false);
    expect(ack.code).toBe(code);
    if (paragraph) expect(ack.paragraph).toBe(paragraph);
    expect(ack.message.da.length).toBeGreaterThan(3);
    expect(ack.message.en.length).toBeGreaterThan(3);
    expect(JSON.stringify(server.service.state)).toBe(before);
  }

  it('malformed payloads', async () => {
    const seat = seats[0]!;
    await refused(seat, 'action', null, 'MALFORMED');
    await refused(seat, 'action', 'vote.cast', 'MALFORMED');
    await refused(seat, 'action', { type: 'no.such' }, 'MALFORMED');
    await refused(seat, 'action', { type: 'vote.cast', choice: 'maybe' }, 'MALFORMED');
    await refused(seat, 'action', { type: 'vote.cast', choice: 'for', extra: 1 }, 'MALFORMED');
    await refused(seat, 'action', { type: 'floor.move', personId: 'm1', toIndex: -1, reason: 'x' }, 'MALFORMED');
    await refused(seat, 'action', { type: 'amendment.submit', text: 'x'.repeat(20_000) }, 'TOO_LARGE');
    await refused(seat, 'checkIn', { code: 42 }, 'MALFORMED');
    await refused(seat, 'action', { type: 'vote.cast', choice: 'for', nonce: 7 }, 'MALFORMED');
  });

  it('unauthorized: the public, a seat doing chair work, a vice-chair not in the chair, the system', async () => {
    const pub = await connect(server.url, { role: 'public' });
    await refused(pub, 'action', { type: 'meeting.close' }, 'UNAUTHORIZED');
    await refused(pub, 'checkIn', { code: server.demo.codes[ids[0]!] }, 'WRONG_ROLE');
    pub.close();
    await refused(seats[0]!, 'action', { type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    await refused(seats[0]!, 'action', { type: 'seat.offline', seatId: 'S01' }, 'NOT_SYSTEM');
    const vice = server.service.state.chair.line[1]!;
    const viceConsole = await connect(server.url, { role: 'chair', personId: vice, password: server.demo.chairPasswords[vice] });
    await refused(viceConsole, 'action', { type: 'floor.give' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    viceConsole.close();
    await expect(connect(server.url, { role: 'chair', personId: vice, password: 'wrong' })).rejects.toThrow('unauthorized');
    await expect(connect(server.url, { role: 'seat', seatKey: 'nope' })).rejects.toThrow('unauthorized');
    const emptySeat = server.service.state.persons[members(server)[50]!]!.seatId!;
    const terminal = await connect(server.url, { role: 'seat', seatKey: server.demo.seatKeys[emptySeat] });
    await refused(terminal, 'action', { type: 'floor.request' }, 'NOT_CHECKED_IN', '§ 16');
    await refused(terminal, 'checkIn', { code: '0000000' }, 'BAD_CODE', '§ 16');
    terminal.close();
  });

  it('out of turn: wrong seat, second seat, vote with no vote open, after close, twice in a roll call', async () => {
    // Another member's code at a seat answers exactly as a wrong code does (no oracle, issue #11).
    const otherSeat = server.service.state.persons[members(server)[45]!]!.seatId!;
    const terminal = await connect(server.url, { role: 'seat', seatKey: server.demo.seatKeys[otherSeat] });
    const wrong = await terminal.emit('checkIn', { code: '0000000' });
    await refused(terminal, 'checkIn', { code: server.demo.codes[members(server)[46]!] }, 'BAD_CODE', '§ 16');
    // A member already checked in tries a second seat: the same answer.
    const second = await terminal.emit('checkIn', { code: server.demo.codes[ids[0]!] });
    expect(second).toEqual(wrong);
    terminal.close();
    await refused(seats[0]!, 'action', { type: 'vote.cast', choice: 'for' }, 'NO_VOTE_OPEN', '§ 24, stk. 1');
    expect((await chair.act({ type: 'vote.open', point: 'P', subject: { kind: 'proposal' } })).ok).toBe(true);
    expect((await seats[0]!.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    await refused(seats[0]!, 'action', { type: 'vote.cast', choice: 'against' }, 'NO_VOTE_OPEN', '§ 24, stk. 1');
    expect((await chair.act({ type: 'vote.open', point: 'R', subject: { kind: 'proposal' }, mode: 'rollCall' })).ok).toBe(true);
    const order = server.service.state.votes[server.service.state.activeVote!]!.rollCall!.order;
    const firstSeat = seats[ids.indexOf(order[0]!)]!;
    expect((await firstSeat.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    await refused(firstSeat, 'action', { type: 'vote.cast', choice: 'against' }, 'NOT_YOUR_TURN', '§ 24, stk. 2');
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
  });

  it('a fault inside the engine answers INTERNAL and rebuilds the live state from the log', async () => {
    const s = server.service.state;
    const before = JSON.stringify(s);
    // Provoke a fault in rule code: damage the in-memory state only (the log is untouched).
    (s as { deniedFloor: unknown }).deniedFloor = null;
    const ack = await seats[6]!.act({ type: 'floor.request' });
    expect(ack).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(server.service.state)).toBe(before);
    expect((await seats[6]!.act({ type: 'floor.request' })).ok).toBe(true);
    expect((await seats[6]!.act({ type: 'floor.withdraw' })).ok).toBe(true);
  });

  it('an unknown event is answered with a refusal, not left hanging', async () => {
    await refused(seats[0]!, 'vote', { choice: 'for' }, 'UNKNOWN_EVENT');
  });

  it('replayed: an action with a nonce already accepted', async () => {
    const seat = seats[3]!;
    expect((await seat.act({ type: 'floor.request', nonce: 'n-1' })).ok).toBe(true);
    await refused(seat, 'action', { type: 'floor.request', nonce: 'n-1' }, 'REPLAYED');
    await refused(seat, 'action', { type: 'floor.withdraw', nonce: 'n-1' }, 'REPLAYED');
  });

  it('a flood from one socket is rate limited with a clear refusal, and honest clients keep working', async () => {
    const flooder = seats[4]!;
    const acks = await Promise.all(Array.from({ length: 120 }, () => flooder.act({ type: 'rollCall.demand' })));
    const limited = acks.filter((a) => a.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.message!.en).toMatch(/Too many/);
    expect(acks.filter((a) => a.ok).length).toBe(1);
    expect((await seats[5]!.act({ type: 'floor.request' })).ok).toBe(true);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.ok).toBe(true);
  });
});
