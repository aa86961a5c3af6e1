import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord, OpenRecordItem } from '../../shared/record/types';
import { connect, tempDb, type Client } from './helpers';
import { freePort, kill9, spawnServer } from './process';

// Issue #11, item 5 (§ 27, stk. 2): no file the server writes — the database, its write-ahead
// log, a copy taken at any moment — links a member to a choice. The running count of a secret
// round lives in the server's memory only; the close carries it into the log. A server that
// dies (kill -9) or is stopped (SIGTERM) mid-round loses it: the round is void at the next
// start, recorded, and held again.

interface DemoCreds {
  seats: { seatId: string; key: string; personId?: string; code?: string }[];
  chair: { personId: string; password: string }[];
  secretariatPassword: string;
}

/** Copies the database as a backup script or an intruder would, while the server runs. */
function copyDb(from: string, to: string) {
  for (const ext of ['', '-wal', '-shm']) if (existsSync(from + ext)) copyFileSync(from + ext, to + ext);
}

function occurrences(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

/** Every file of a database copy, concatenated as raw bytes. */
function rawBytes(db: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((ext) => existsSync(db + ext)).map((ext) => readFileSync(db + ext)));
}

describe('§ 27, stk. 2 — secret ballots on disk and across a restart (issue #11, item 5)', () => {
  const dbPath = tempDb('secret');
  let child: ChildProcess | undefined;
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    if (child) await kill9(child);
  });

  const tag = randomBytes(4).toString('hex');
  const cands = [
    { id: `kand-${tag}-a`, name: 'Astrid Holm' },
    { id: `kand-${tag}-b`, name: 'Bjarke Lund' },
    { id: `kand-${tag}-c`, name: 'Camilla Dahl' },
  ];

  /**
   * For each candidate: how often its id occurs in the raw bytes (UTF-8 and UTF-16) outside
   * the election's own set-up (`{"id":…,"name":…}` in the logged `election.create`, copied
   * whole into every page image of the log that holds it). A ballot linked to its voter, a
   * per-ballot count, a tally row: each would add occurrences.
   */
  function linkedOccurrences(db: string): Record<string, number> {
    const raw = rawBytes(db);
    const out: Record<string, number> = {};
    for (const c of cands) {
      const literal = JSON.stringify({ id: c.id, name: c.name });
      const utf8 = occurrences(raw, Buffer.from(c.id)) - occurrences(raw, Buffer.from(literal));
      const utf16 = occurrences(raw, Buffer.from(c.id, 'utf16le')) - occurrences(raw, Buffer.from(literal, 'utf16le'));
      out[c.id] = utf8 + utf16;
    }
    return out;
  }

  it('a copy of the files mid-round links nobody to a choice; a kill -9 or a SIGTERM voids the round, which is held again to a result', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const start = async () => {
      child = await spawnServer(dbPath, port, ['--grace-ms', '600000']);
      // The demo's credentials are random per database: ask the running server.
      return (await (await fetch(`${url}/api/demo`)).json()) as DemoCreds;
    };
    let creds = await start();
    const chairOf = async () => {
      const c = await connect(url, { role: 'chair', personId: creds.chair[0]!.personId, password: creds.chair[0]!.password });
      clients.push(c);
      return c;
    };
    const voters = creds.seats.filter((s) => s.personId && s.code && !creds.chair.some((c) => c.personId === s.personId)).slice(0, 30);
    const seatsOf = async () => {
      const m = new Map<string, Client>();
      for (const s of voters) {
        const c = await connect(url, { role: 'seat', seatKey: s.key });
        clients.push(c);
        const ack = await c.emit('checkIn', { code: s.code });
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
        m.set(s.personId!, c);
      }
      return m;
    };
    let chair = await chairOf();
    let seats = await seatsOf();
    const ok = async (c: Client, body: unknown) => {
      const ack = await c.act(body);
      expect(ack.ok, `${JSON.stringify(body)} → ${JSON.stringify(ack)}`).toBe(true);
      return ack;
    };
    await ok(chair, { type: 'meeting.open' });
    await ok(chair, { type: 'item.start', itemId: 'i6' });
    await ok(chair, { type: 'election.create', kind: 'majority', title: 'Valg af formand for udvalget', candidates: cands });
    await ok(seats.get(voters[0]!.personId!)!, { type: 'election.demandSecret' });
    await ok(chair, { type: 'election.openRound' });
    const electionId = (await chair.waitFor((v) => v.activeElection && v.elections[v.activeElection].rounds.length === 1)).activeElection as string;

    // A copy before the first ballot…
    const dir = path.dirname(dbPath);
    const before = path.join(dir, 'copy-before.sqlite');
    copyDb(dbPath, before);
    // …the members vote for different candidates…
    const choice = (i: number) => cands[i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 2]!.id;
    await Promise.all(voters.map((s, i) => ok(seats.get(s.personId!)!, { type: 'election.cast', candidateId: choice(i) })));
    // …and a copy after every ballot, while the server runs and the round is open.
    const after = path.join(dir, 'copy-after.sqlite');
    copyDb(dbPath, after);
    expect(existsSync(`${after}-wal`)).toBe(true);

    const linkedBefore = linkedOccurrences(before);
    const linkedAfter = linkedOccurrences(after);
    expect(linkedAfter).toEqual(linkedBefore);
    expect(Object.values(linkedBefore).every((n) => n === 0)).toBe(true);

    // Opened as a database, the copy has no row that names a voter and a candidate.
    const db = new Database(after);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    let rows = 0;
    for (const t of tables)
      for (const row of db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]) {
        rows++;
        const values = Object.values(row).map((v) => (v instanceof Buffer ? v.toString('latin1') : String(v)));
        const names = (id: string) => values.some((v) => v === id || v.includes(`"${id}"`));
        for (const c of cands)
          if (names(c.id)) for (const s of voters) expect(names(s.personId!), `${t} row names ${s.personId} and ${c.id}`).toBe(false);
      }
    // The 30 ballots are in the log, sealed: who voted, never for whom.
    const casts = (db.prepare("SELECT action FROM events WHERE type = 'election.cast'").all() as { action: string }[]).map((r) => JSON.parse(r.action));
    expect(casts).toHaveLength(30);
    for (const a of casts) expect(Object.keys(a).sort()).toEqual(['actor', 'sealed', 'type']);
    expect(tables).not.toContain('secret_tally');
    expect(rows).toBeGreaterThan(30);
    db.close();

    // kill -9 mid-round: the counts were in memory only. At the next start the round is void.
    await kill9(child!);
    creds = await start();
    chair = await chairOf();
    let v = await chair.waitFor((x) => x.elections[electionId]?.voided?.length === 1);
    expect(v.elections[electionId].rounds).toEqual([]);
    expect(v.elections[electionId].voided).toEqual([{ number: 1, voted: 30, at: expect.any(Number), reason: 'restart' }]);
    expect(v.elections[electionId].status).toBe('setup');
    expect(v.activeElection).toBe(electionId);
    const log = new Database(dbPath, { readonly: true });
    const last = log.prepare('SELECT type, action FROM events ORDER BY seq DESC LIMIT 1').get() as { type: string; action: string };
    log.close();
    expect(last.type).toBe('election.voidRound');
    expect(JSON.parse(last.action)).toEqual({ type: 'election.voidRound', reason: 'restart', actor: { role: 'system' } });

    // Held again as round 1; a graceful stop (SIGTERM) mid-round voids it the same way.
    seats = await seatsOf();
    await ok(chair, { type: 'election.openRound' });
    for (const s of voters.slice(0, 5)) await ok(seats.get(s.personId!)!, { type: 'election.cast', candidateId: cands[1]!.id });
    const stopped = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child!.kill('SIGTERM');
    expect(await stopped).toBe(0);
    creds = await start();
    chair = await chairOf();
    v = await chair.waitFor((x) => x.elections[electionId]?.voided?.length === 2);
    expect(v.elections[electionId].voided[1]).toMatchObject({ number: 1, voted: 5, reason: 'restart' });

    // And held again to a result: 20 of 30 present for the first candidate elects in round 1.
    seats = await seatsOf();
    await ok(chair, { type: 'election.openRound' });
    await Promise.all(voters.map((s, i) => ok(seats.get(s.personId!)!, { type: 'election.cast', candidateId: i < 20 ? cands[0]!.id : cands[2]!.id })));
    await ok(chair, { type: 'election.closeRound' });
    v = await chair.waitFor((x) => x.elections[electionId]?.status === 'decided');
    expect(v.elections[electionId].elected).toBe(cands[0]!.id);
    expect(v.elections[electionId].rounds[0]).toMatchObject({ number: 1, status: 'closed', tally: { [cands[0]!.id]: 20, [cands[1]!.id]: 0, [cands[2]!.id]: 10 } });

    // The measure is not blind: once closed, the counts are in the log (the close carries them).
    const closed = path.join(dir, 'copy-closed.sqlite');
    copyDb(dbPath, closed);
    const linkedClosed = linkedOccurrences(closed);
    expect(linkedClosed[cands[0]!.id]).toBeGreaterThan(0);
    expect(linkedClosed[cands[2]!.id]).toBeGreaterThan(0);

    // The decision record shows both void rounds before the round that was held.
    const record = (await (await fetch(`${url}/record.json`)).json()) as DecisionRecord;
    const item = record.items.find((i): i is OpenRecordItem => !i.closed && i.id === 'i6');
    const decision = item?.decisions.find((d) => d.kind === 'election');
    expect(decision?.election?.voided).toEqual([
      expect.objectContaining({ number: 1, voted: 30, reason: 'restart' }),
      expect.objectContaining({ number: 1, voted: 5, reason: 'restart' }),
    ]);
    expect(decision?.election?.rounds).toEqual([{ number: 1, tally: [{ name: 'Astrid Holm', votes: 20 }, { name: 'Bjarke Lund', votes: 0 }, { name: 'Camilla Dahl', votes: 10 }] }]);
    const html = await (await fetch(`${url}/record`)).text();
    expect(html).toMatch(/1\. afstemning:<\/span> annulleret kl\. \d\d\.\d\d, fordi serveren genstartede/);
  }, 120_000);
});
