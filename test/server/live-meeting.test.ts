import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chairClient, connect, members, seatFor, testServer, type Client } from './helpers';
import type { ViewMessage } from '../../shared/protocol';
import type { RecordEntry } from '../../shared/types';
import { chairView, memberView, publicView, type PublicView } from '../../shared/views';

/** One place in the public view's speakers' queue (an open item's). */
type QueueEntry = Extract<NonNullable<PublicView['current']>, { closed: false }>['queue'][number];

// A real server on a loopback port, real socket.io clients, a real SQLite file.
describe('live meeting over socket.io (§§ 2–3, 15, 16, 19, 24)', () => {
  let server: RunningServer;
  let chair: Client;
  let pub: Client;
  const seats = new Map<string, Client>();
  const publicFrames: ViewMessage[] = [];

  beforeAll(async () => {
    server = await testServer();
    pub = await connect(server.url, { role: 'public' });
    pub.socket.on('view', (v) => publicFrames.push(v));
    chair = await chairClient(server);
    const ids = members(server).slice(0, 40);
    for (const id of ids) seats.set(id, await seatFor(server, id));
  });
  afterAll(async () => {
    for (const c of seats.values()) c.close();
    chair?.close();
    pub?.close();
    await server?.close();
  });

  const byGroup = (g: string) => [...seats.keys()].filter((id) => server.service.state.persons[id]!.groupId === g);

  it('check-in of 40 members reaches quorum (§ 15) on every screen', async () => {
    const v = await pub.waitFor((v) => v.quorum.present === 40);
    expect(v.quorum.met).toBe(true);
    expect(v.quorum.needed).toBe(28);
    const cv = await chair.waitFor((v) => Object.keys(v.presence).length === 40);
    expect(cv.presence).toBeDefined();
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
  });

  it('speaker requests appear in party-first order (§ 19, stk. 2) for the public and the chair', async () => {
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
    const [a1, a2] = byGroup('A');
    const [o1] = byGroup('Ø');
    const [c1] = byGroup('C');
    for (const id of [a1!, a2!, o1!, c1!]) expect((await seats.get(id)!.act({ type: 'floor.request' })).ok).toBe(true);
    const v = await pub.waitFor((v) => v.current?.queue?.length === 4);
    expect(v.current.queue.map((q: QueueEntry) => q.personId)).toEqual([a1, o1, c1, a2]);
    expect(v.current.queue.map((q: QueueEntry) => q.reason)).toEqual(['groupFirst', 'groupFirst', 'groupFirst', 'order']);
    expect((await chair.act({ type: 'floor.give' })).ok).toBe(true);
    const after = await pub.waitFor((v) => v.current?.speaking?.personId === a1);
    expect(after.current.speaking.deadline).toBeGreaterThan(Date.now());
    expect((await chair.act({ type: 'floor.end' })).ok).toBe(true);
  });

  it('a vote: members cast, nobody public sees a choice before the close, the seat map after (§ 24)', async () => {
    const open = await chair.act({ type: 'vote.open', point: 'At cykelstien anlægges.', subject: { kind: 'proposal' } });
    expect(open.ok).toBe(true);
    const ids = [...seats.keys()];
    const choices = ids.map((_, i) => (i % 3 === 0 ? 'against' : i % 3 === 1 ? 'for' : 'abstain'));
    const acks = await Promise.all(ids.map((id, i) => seats.get(id)!.act({ type: 'vote.cast', choice: choices[i] })));
    expect(acks.every((a) => a.ok)).toBe(true);
    // A member's own ballot comes back to that seat only.
    const first = seats.get(ids[0]!)!;
    // (with the running tally: ballots are acknowledged at once and shown once, a moment later)
    for (let i = 0; i < 100 && first.owns.at(-1)?.ballot !== choices[0]; i++) await new Promise((r) => setTimeout(r, 20));
    expect(first.owns.at(-1).ballot).toBe(choices[0]);
    for (const id of ids.slice(1)) expect(seats.get(id)!.owns.every((o) => o.ballot === null || o.ballot === choices[ids.indexOf(id)])).toBe(true);
    const memberVote = first.latest().votes[first.latest().activeVote];
    expect(memberVote.ballots).toEqual({});
    expect(memberVote.ballotCount).toBe(40);
    // The chair's console learns who has voted, never how, until the close (issue #11).
    const chairView = await chair.waitFor((v) => v.activeVote && v.votes[v.activeVote].votedBy?.length === 40);
    expect(chairView.votes[chairView.activeVote].ballots).toEqual({});
    expect(chairView.votes[chairView.activeVote].ballotCount).toBe(40);
    const pv = await pub.waitFor((v) => v.current?.vote?.voted === 40);
    expect(JSON.stringify(pv)).not.toContain('"ballots"');
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    const res = await pub.waitFor((v) => v.lastResult?.counts && v.current?.vote === null);
    const expected = { for: choices.filter((c) => c === 'for').length, against: choices.filter((c) => c === 'against').length, abstain: choices.filter((c) => c === 'abstain').length };
    expect(res.lastResult.counts).toEqual(expected);
    expect(res.lastResult.adopted).toBe(expected.for > expected.against);
    const seatOf = server.service.state.persons[ids[0]!]!.seatId!;
    expect(res.lastResult.seats[seatOf]).toBe(choices[0]);
    // The database stored the members present with the result.
    const row = server.service.db.prepare('SELECT present FROM vote_results').get() as { present: string };
    expect(JSON.parse(row.present).sort()).toEqual([...ids].sort());
    expect((await chair.act({ type: 'item.finish' })).ok).toBe(true);
  });

  it('a roll-call demand crossing a third forces a roll call in seat order (§ 24, stk. 2)', async () => {
    expect((await chair.act({ type: 'item.start', itemId: 'i5' })).ok).toBe(true);
    const ids = [...seats.keys()];
    const needed = Math.ceil(40 / 3);
    for (const id of ids.slice(0, needed - 1)) expect((await seats.get(id)!.act({ type: 'rollCall.demand' })).ok).toBe(true);
    const v = await pub.waitFor((v) => v.current?.demands?.rollCall === needed - 1);
    expect(v.current.demands.rollCallNeeded).toBe(needed);
    expect((await seats.get(ids[needed - 1]!)!.act({ type: 'rollCall.demand' })).ok).toBe(true);
    const open = await chair.act({ type: 'vote.open', point: 'At lokalplanen vedtages.', subject: { kind: 'proposal' } });
    expect(open.ok).toBe(true);
    await pub.waitFor((v) => v.current?.vote?.mode === 'rollCall');
    const order: string[] = server.service.state.votes[server.service.state.activeVote!]!.rollCall!.order;
    expect(order.length).toBe(40);
    // Out of turn is refused and changes nothing.
    const before = server.service.state.version;
    const wrong = await seats.get(order[1]!)!.act({ type: 'vote.cast', choice: 'for' });
    expect(wrong).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN', paragraph: '§ 24, stk. 2' });
    expect(server.service.state.version).toBe(before);
    for (const id of order) {
      const turn = await pub.waitFor((v) => v.current?.vote?.rollCallTurn === id);
      expect(turn.current.vote.rollCallTurn).toBe(id);
      expect((await seats.get(id)!.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    }
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    const entry = server.service.state.record.at(-1)!;
    expect(entry.mode).toBe('rollCall');
    expect(entry.named.map((n) => n.personId)).toEqual(order);
    expect(entry.counts).toEqual({ for: 40, against: 0, abstain: 0 });
    expect((await chair.act({ type: 'item.finish' })).ok).toBe(true);
  });

  it('a closed item: the public sees "closed" and nothing of it, members see it (§§ 2–3)', async () => {
    const closedItem = server.service.state.items['i3']!;
    const viewsBefore = pub.views.length;
    const versionBefore = server.service.state.version;
    expect((await chair.act({ type: 'item.start', itemId: 'i3' })).ok).toBe(true);
    const ids = [...seats.keys()];
    expect((await seats.get(ids[5]!)!.act({ type: 'floor.request' })).ok).toBe(true);
    expect((await chair.act({ type: 'floor.give' })).ok).toBe(true);
    expect((await chair.act({ type: 'floor.end' })).ok).toBe(true);
    expect((await chair.act({ type: 'vote.open', point: 'At ejendommen sælges.', subject: { kind: 'proposal' } })).ok).toBe(true);
    const apiAtStart = (await (await fetch(`${server.url}/api/public`)).json()).version;
    for (const id of ids.slice(0, 30)) expect((await seats.get(id)!.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    // /api/public follows the same rule as the sockets: ballots in a closed item move nothing.
    expect(apiAtStart).toBeGreaterThan(versionBefore);
    expect((await (await fetch(`${server.url}/api/public`)).json()).version).toBe(apiAtStart);
    expect(server.service.state.version).toBeGreaterThan(apiAtStart + 30);
    const memberView = await seats.get(ids[0]!)!.waitFor((v) => v.record.some((r: RecordEntry) => r.itemId === 'i3'));
    expect(memberView.items.i3.title).toBe(closedItem.title);
    expect((await chair.act({ type: 'item.finish' })).ok).toBe(true);
    await pub.waitFor((v) => v.current === null);
    // § 2: the gallery learns that a closed item began and ended, nothing else: no push while
    // the closed item's speaker, vote and ballots come and go (issue #11, item 8).
    const during = pub.views.slice(viewsBefore).filter((f) => f.version > versionBefore);
    expect(during).toHaveLength(2);
    for (const f of during) expect((f.patch as [string[]][]).some(([path]) => path[0] !== 'version')).toBe(true);
    // Over every public frame of the whole meeting, as sent and as rebuilt: nothing of the closed item.
    expect(publicFrames.length).toBeGreaterThan(during.length);
    for (const frame of [...publicFrames, ...pub.views]) {
      const text = JSON.stringify(frame);
      for (const secret of [closedItem.title, closedItem.text, closedItem.proposal!, closedItem.closedReason!, 'At ejendommen sælges.'])
        expect(text).not.toContain(secret);
      expect(text).not.toContain('"ballots"');
    }
    for (const frame of pub.views) {
      const cur = frame.view.current;
      if (cur?.closed) expect(Object.keys(cur).sort()).toEqual(['closed', 'number']);
      if (cur?.vote) expect(frame.view.lastResult?.voteId).not.toBe(cur.vote.id);
    }
    expect(during.some((f) => f.view.current?.closed === true)).toBe(true);
  });

  it('connect sends the full view; pushes after a commit are deltas that rebuild exactly the full view', async () => {
    const first = pub.views[0]!; // recorded from before the connect completed
    expect(first.patch).toBeUndefined();
    expect(first.view.chamber.seats).toHaveLength(55);
    expect(first.view.members.length).toBeGreaterThan(55);
    const pushed = pub.views.slice(1);
    expect(pushed.length).toBeGreaterThan(10);
    let prev = first;
    for (const f of pushed) {
      // Each push names the version it applies to: the one before it on this socket.
      expect(f.base).toBe(prev.version);
      expect(f.version).toBeGreaterThan(prev.version);
      const text = JSON.stringify(f.patch);
      expect(text).not.toContain('"chamber"');
      expect(text).not.toContain('"members"');
      prev = f;
    }
    // A delta is small: a running tally does not carry the chamber.
    expect(Math.min(...pushed.map((f) => JSON.stringify(f.patch).length))).toBeLessThan(JSON.stringify(first.view).length / 10);
    // The views rebuilt from deltas are the views the state gives now (and what `sync` sends).
    const fresh = (c: Client) => JSON.parse(JSON.stringify(c === pub ? publicView(server.service.state) : c === chair ? chairView(server.service.state) : memberView(server.service.state)));
    for (const c of [pub, chair, ...seats.values()]) {
      expect(c.gaps).toBe(0);
      await c.waitFor((v) => v.version === server.service.state.version);
      expect(c.views.at(-1)!.view).toEqual(fresh(c));
      const sync = await c.emit('sync');
      await c.waitFor((v) => v.version >= sync.version);
      const held = c.views.at(-1)!;
      expect(held.version).toBe(sync.version);
      expect(held.role).toBe(sync.role);
      expect(held.view).toEqual(sync.view);
    }
    const chairPush = chair.views.at(-1)!;
    expect(chairPush.patch).toBeDefined();
    expect(JSON.stringify(chairPush.patch)).not.toContain('"persons"');
  });

  it('a reconnecting client ends with the current state', async () => {
    const late = await connect(server.url, { role: 'public' });
    const v = await late.waitFor((v) => v.version === server.service.state.version);
    expect(v.version).toBe(server.service.state.version);
    const sync = await late.emit('sync');
    expect(sync.version).toBe(server.service.state.version);
    late.close();
    const id = [...seats.keys()][2]!;
    const seat = seats.get(id)!;
    seat.socket.disconnect();
    expect((await chair.act({ type: 'gallery.blank', blank: false })).ok).toBe(true);
    seat.socket.connect();
    const back = await seat.waitFor((v) => v.version === server.service.state.version);
    expect(back.presence[server.service.state.persons[id]!.seatId!].personId).toBe(id);
    // Versions a screen receives only grow.
    const versions = seat.views.map((f) => f.version);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThanOrEqual(versions[i - 1]!);
  });
});
