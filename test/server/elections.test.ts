import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { commitment, drawLot } from '../../shared/elections/lot';
import type { PublicElection } from '../../shared/views';
import { chairClient, connect, members, seatFor, testServer, type Client } from './helpers';

type MajorityRound = Extract<PublicElection, { kind: 'majority' }>['rounds'][number];
type ProportionalList = Extract<PublicElection, { kind: 'proportional' }>['lists'][number];

describe('elections on the live server (§§ 27–28)', () => {
  let server: RunningServer;
  let chair: Client;
  let pub: Client;
  const seats = new Map<string, Client>();
  let ids: string[];

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    pub = await connect(server.url, { role: 'public' });
    ids = members(server).slice(0, 30);
    for (const id of ids) seats.set(id, await seatFor(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i6' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of seats.values()) c.close();
    chair?.close();
    pub?.close();
    await server?.close();
  });

  const cand = [
    { id: 'x', name: 'Xenia Holm' },
    { id: 'y', name: 'Yusuf Lund' },
    { id: 'z', name: 'Zara Dahl' },
  ];
  async function round(votes: string[]) {
    expect((await chair.act({ type: 'election.openRound' })).ok).toBe(true);
    for (let i = 0; i < votes.length; i++) {
      const ack = await seats.get(ids[i]!)!.act({ type: 'election.cast', candidateId: votes[i] });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
    expect((await chair.act({ type: 'election.closeRound' })).ok).toBe(true);
  }
  const spread = (counts: Record<string, number>) => Object.entries(counts).flatMap(([c, n]) => Array(n).fill(c) as string[]);

  it('§ 27, stk. 1: three rounds, the finalists and the winner settled by lots anyone can check', async () => {
    expect((await chair.act({ type: 'election.create', kind: 'majority', title: 'Valg af formand for udvalget', candidates: cand })).ok).toBe(true);
    await round(spread({ x: 10, y: 10, z: 10 })); // no majority of the 30 present
    await round(spread({ x: 12, y: 9, z: 9 })); // no absolute majority; y and z tie for the second place
    const withLot = await pub.waitFor((v) => v.elections[0]?.pendingLot);
    const e1 = withLot.elections[0];
    expect(e1.pendingLot.tied).toEqual(['y', 'z']);
    expect(e1.pendingLot.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(withLot)).not.toContain('"secret":"');
    expect((await chair.act({ type: 'election.drawLot' })).ok).toBe(true);
    const drawn = await pub.waitFor((v) => v.elections[0]?.lots.length === 1);
    const lot1 = drawn.elections[0].lots[0];
    expect(commitment(lot1.secret)).toBe(e1.pendingLot.commitment);
    expect(drawLot(lot1.secret, ['y', 'z']).winner).toBe(lot1.winner);
    expect(drawn.elections[0].finalists).toEqual(['x', lot1.winner]);
    // Round 3 is binding: a tie between the finalists is settled by the chair's lot.
    await round(spread({ x: 15, [lot1.winner]: 15 }));
    expect((await chair.act({ type: 'election.drawLot' })).ok).toBe(true);
    const done = await pub.waitFor((v) => v.elections[0]?.status === 'decided');
    const lot2 = done.elections[0].lots[1];
    expect(drawLot(lot2.secret, ['x', lot1.winner].sort()).winner).toBe(done.elections[0].elected);
    expect(done.elections[0].rounds.map((r: MajorityRound) => r.tally)).toEqual([{ x: 10, y: 10, z: 10 }, { x: 12, y: 9, z: 9 }, { x: 15, [lot1.winner]: 15 }]);
    expect(server.service.state.record.at(-1)).toMatchObject({ kind: 'election', outcome: 'elected' });
    expect((await chair.act({ type: 'election.finish' })).ok).toBe(true);
  });

  it('§ 28: D\u2019Hondt on lists of members present, picks with quotients, a list names its people', async () => {
    const st = server.service.state;
    const byGroup = new Map<string, string[]>();
    for (const id of ids) byGroup.set(st.persons[id]!.groupId, [...(byGroup.get(st.persons[id]!.groupId) ?? []), id]);
    const lists = [...byGroup.entries()].map(([g, m]) => ({ id: g, name: st.groups[g]!.name, members: m }));
    expect((await chair.act({ type: 'election.create', kind: 'proportional', title: 'Valg til Børneudvalget', seats: 5 })).ok).toBe(true);
    expect((await chair.act({ type: 'election.setLists', lists })).ok).toBe(true);
    expect((await chair.act({ type: 'election.allocate' })).ok).toBe(true);
    const v = await pub.waitFor((v) => v.elections.some((e: PublicElection) => e.kind === 'proportional' && e.result));
    const e = v.elections.find((e: PublicElection) => e.kind === 'proportional');
    expect(e.result.order).toHaveLength(5);
    // Each pick's quotient is the list's weight over the seats it had + 1, never rising.
    const taken: Record<string, number> = {};
    for (const pick of e.result.order) {
      const w = e.lists.find((l: ProportionalList) => l.id === pick.group).weight;
      expect(pick.quotient).toBeCloseTo(w / ((taken[pick.group] ?? 0) + 1), 5);
      taken[pick.group] = (taken[pick.group] ?? 0) + 1;
    }
    for (let i = 1; i < e.result.order.length; i++) expect(e.result.order[i].quotient).toBeLessThanOrEqual(e.result.order[i - 1].quotient);
    const first = e.result.order[0];
    const person = lists.find((l) => l.id === first.group)!.members[0]!;
    const other = lists.find((l) => l.id !== first.group)!.members[0]!;
    const wrong = await chair.act({ type: 'election.nameSeat', pick: 1, personId: other });
    expect(wrong).toMatchObject({ ok: false, code: 'WRONG_LIST', paragraph: '§ 28, stk. 7' });
    expect((await chair.act({ type: 'election.nameSeat', pick: 1, personId: person })).ok).toBe(true);
    expect((await chair.act({ type: 'election.finish' })).ok).toBe(true);
  });

  it('§ 27, stk. 2: a secret ballot leaves no link from a member to a choice anywhere in the database', async () => {
    expect((await chair.act({ type: 'election.create', kind: 'majority', title: 'Hemmeligt valg', candidates: cand.slice(0, 2) })).ok).toBe(true);
    expect((await seats.get(ids[3]!)!.act({ type: 'election.demandSecret' })).ok).toBe(true);
    const choices = ids.map((_, i) => (i % 3 === 0 ? 'y' : 'x'));
    await round(choices);
    const e = Object.values(server.service.state.elections).at(-1)!;
    expect(e.kind === 'majority' && e.secret).toBe(true);
    if (e.kind !== 'majority') return;
    expect(e.rounds[0]!.ballots).toEqual({});
    expect(e.rounds[0]!.voted).toHaveLength(30);
    expect(e.rounds[0]!.tally).toEqual({ x: 20, y: 10 });
    expect(e.elected).toBe('x');
    const dbPath = server.service.db.name;
    // The log from the secret demand on: 30 casts, none with a choice, and the counts in the close.
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT seq, type, action FROM events ORDER BY seq').all() as { seq: number; type: string; action: string }[];
    const from = rows.findIndex((r) => r.type === 'election.demandSecret');
    const secretPart = rows.slice(from);
    const casts = secretPart.filter((r) => r.type === 'election.cast');
    expect(casts).toHaveLength(30);
    for (const c of casts) expect(JSON.parse(c.action)).toEqual({ type: 'election.cast', sealed: true, actor: expect.any(Object) });
    expect(JSON.parse(secretPart.find((r) => r.type === 'election.closeRound')!.action).tally).toEqual({ x: 20, y: 10 });
    // No other table can hold a member with a choice: ballots is for § 24 votes only.
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((t) => !t.startsWith('record_') && !t.startsWith('sqlite_')) // record sign-off; SQLite's own
      .sort();
    // (The running counts are kept in memory only: test/server/secret-ballot.test.ts.)
    expect(tables).not.toContain('secret_tally');
    expect(tables).toEqual(expect.arrayContaining(['ballots', 'credentials', 'events', 'meta', 'vote_results']));
    for (const b of db.prepare('SELECT vote_id FROM ballots').all() as { vote_id: string }[]) expect(b.vote_id).not.toBe(e.id);
    db.close();
    // Nobody's view holds a choice either; a restart replays to the same result.
    const mv = seats.get(ids[0]!)!.latest();
    expect(JSON.stringify(mv.elections[e.id].rounds)).not.toMatch(/"ballots":\{"/);
    expect(JSON.stringify(chair.latest().elections[e.id].rounds)).not.toMatch(/"ballots":\{"/);
    server.service.replay();
    const again = server.service.state.elections[e.id]!;
    expect(again.kind === 'majority' && again.rounds[0]!.tally).toEqual({ x: 20, y: 10 });
  });

  it('§ 27, stk. 2: a close in the same tick as the last secret ballots counts them all', async () => {
    const svc = server.service;
    const chairActor = { role: 'chair' as const, personId: svc.state.chair.acting! };
    expect((await chair.act({ type: 'election.finish' })).ok).toBe(true);
    expect((await chair.act({ type: 'election.create', kind: 'majority', title: 'Samme tik', candidates: cand.slice(0, 2) })).ok).toBe(true);
    expect((await seats.get(ids[0]!)!.act({ type: 'election.demandSecret' })).ok).toBe(true);
    expect((await chair.act({ type: 'election.openRound' })).ok).toBe(true);
    // Dispatched without waiting: the casts are applied but not yet committed when the close reads the count.
    const casts = ids.slice(0, 5).map((id) => svc.dispatch({ type: 'election.cast', candidateId: 'y' }, { role: 'member', personId: id, seatId: svc.state.persons[id]!.seatId! }));
    const close = svc.dispatch({ type: 'election.closeRound' }, chairActor);
    const acks = await Promise.all([...casts, close]);
    expect(acks.every((a) => a.ok), JSON.stringify(acks)).toBe(true);
    const e = Object.values(svc.state.elections).at(-1)!;
    expect(e.kind === 'majority' && e.rounds[0]!.tally).toEqual({ x: 0, y: 5 });
    // While an election runs, the item cannot be finished or voted on.
    const finish = await chair.act({ type: 'item.finish' });
    expect(finish).toMatchObject({ ok: false, code: 'ELECTION_ACTIVE', paragraph: '§ 27' });
    const vote = await chair.act({ type: 'vote.open', point: 'P', subject: { kind: 'proposal' } });
    expect(vote).toMatchObject({ ok: false, code: 'ELECTION_ACTIVE' });
  });
});
