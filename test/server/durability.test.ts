import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { readDemoCredentials, type DemoChamber } from '../../server/demo/credentials';
import { connect, tempDb, type Client } from './helpers';
import { freePort, kill9, spawnServer } from './process';

// An ack means durable: kill -9 in the middle of a burst of votes loses nothing acknowledged.
describe('durability: SIGKILL during a burst of votes', () => {
  let demo: DemoChamber;
  const dbPath = tempDb('kill9');
  let child: ChildProcess | undefined;
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    if (child) await kill9(child);
  });

  it('finds every acknowledged vote and the same version after a restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = await spawnServer(dbPath, port, ['--grace-ms', '600000']);
    // The demo's credentials are random per database: read them from the one the server seeded.
    demo = readDemoCredentials(dbPath);
    const chairId = demo.setup.chairLine[0]!;
    const chair = await connect(url, { role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
    clients.push(chair);
    const voters = demo.setup.persons.filter((p) => p.kind === 'member').slice(0, 30);
    const seats: Client[] = [];
    for (const p of voters) {
      const c = await connect(url, { role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
      expect((await c.emit('checkIn', { code: demo.codes[p.id] })).ok).toBe(true);
      seats.push(c);
      clients.push(c);
    }
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
    expect((await chair.act({ type: 'vote.open', point: 'Burst', subject: { kind: 'proposal' } })).ok).toBe(true);

    const acked: { version: number; personId: string; choice: string }[] = [];
    const choices = ['for', 'against', 'abstain'] as const;
    let stop = false;
    // Each seat keeps changing its vote as fast as acks come back, until the kill.
    const loops = seats.map(async (c, i) => {
      for (let k = 0; !stop; k++) {
        const choice = choices[(i + k) % 3]!;
        const ack = await Promise.race([c.act({ type: 'vote.cast', choice }), new Promise<null>((r) => setTimeout(() => r(null), 1500))]);
        if (!ack || !ack.ok) return;
        acked.push({ version: ack.version!, personId: voters[i]!.id, choice });
        if (k > 200) return;
      }
    });
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    await kill9(child);
    stop = true;
    await Promise.all(loops);
    const maxAcked = Math.max(...acked.map((a) => a.version));
    expect(acked.length).toBeGreaterThanOrEqual(150);

    // The log on disk holds every acknowledged action, at its version.
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare("SELECT version, action FROM events WHERE type = 'vote.cast'").all() as { version: number; action: string }[];
    db.close();
    const byVersion = new Map(rows.map((r) => [r.version, JSON.parse(r.action)]));
    for (const a of acked) {
      const ev = byVersion.get(a.version);
      expect(ev, `acked version ${a.version}`).toBeDefined();
      expect(ev.actor.personId).toBe(a.personId);
      expect(ev.choice).toBe(a.choice);
    }

    // Restart: the replayed meeting is at least at the last acked version, with those ballots.
    child = await spawnServer(dbPath, port, ['--grace-ms', '600000']);
    const chair2 = await connect(url, { role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
    clients.push(chair2);
    const v = await chair2.waitFor(() => true);
    const lastLogged = Math.max(...rows.map((r) => r.version));
    expect(v.version).toBe(lastLogged);
    expect(v.version).toBeGreaterThanOrEqual(maxAcked);
    // An open vote's choices are withheld from every console (issue #11): close it, then read them.
    const voteId = v.activeVote;
    expect((await chair2.act({ type: 'vote.close' })).ok).toBe(true);
    const closed = await chair2.waitFor((x) => x.votes[voteId].status === 'closed');
    const vote = closed.votes[voteId];
    for (const p of voters) {
      const mine = rows.filter((r) => JSON.parse(r.action).actor.personId === p.id).sort((a, b) => a.version - b.version);
      if (mine.length) expect(vote.ballots[p.id]).toBe(JSON.parse(mine.at(-1)!.action).choice);
    }
  });
});
