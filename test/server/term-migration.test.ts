import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { verifyLog } from '../../server/record/verify';
import { openDb } from '../../server/store/db';
import { chairClient, members, seatFor, tempDb, testServer, type Client } from './helpers';

// Issue #14, item 1: a database from before the council term held one meeting (its set-up in
// meta.setup, tables without a meeting column). Opened by this server, it becomes meeting m1
// of a council with that roster, live; its log, ballots, results and signatures are kept,
// and its chain and signatures still verify with the same hashes.
const OLD_SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE credentials (kind TEXT NOT NULL, subject TEXT NOT NULL, secret_hash TEXT NOT NULL, PRIMARY KEY (kind, subject));
CREATE TABLE events (seq INTEGER PRIMARY KEY, nonce TEXT UNIQUE, type TEXT NOT NULL, action TEXT NOT NULL, ctx TEXT NOT NULL, version INTEGER NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE ballots (vote_id TEXT NOT NULL, person_id TEXT NOT NULL, choice TEXT NOT NULL, UNIQUE (vote_id, person_id));
CREATE TABLE vote_results (vote_id TEXT PRIMARY KEY, present TEXT NOT NULL, counts TEXT NOT NULL, adopted INTEGER NOT NULL, closed_at INTEGER NOT NULL);
CREATE TABLE record_signatures (role TEXT PRIMARY KEY, person TEXT, name TEXT NOT NULL, at INTEGER NOT NULL, last_seq INTEGER NOT NULL, last_hash TEXT NOT NULL, setup_hash TEXT NOT NULL);
CREATE TRIGGER record_signatures_no_delete BEFORE DELETE ON record_signatures BEGIN SELECT RAISE(ABORT, 'a signature is never removed (§ 29)'); END;
CREATE TABLE record_corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, by TEXT NOT NULL, by_role TEXT NOT NULL, by_person TEXT, item_id TEXT, text TEXT NOT NULL, last_seq INTEGER NOT NULL, last_hash TEXT NOT NULL);
`;

describe('a one-meeting database from before the council term', () => {
  let server: RunningServer;
  let chair: Client;
  const seats: Client[] = [];
  let source: string;
  let old: string;
  let before: { hash: string; setupHash: string; version: number };

  beforeAll(async () => {
    source = tempDb('term-old');
    server = await testServer({ dbPath: source });
    chair = await chairClient(server);
    for (const id of members(server).slice(0, 28)) seats.push(await seatFor(server, id));
    await chair.act({ type: 'meeting.open' });
    await chair.act({ type: 'item.start', itemId: 'i2' });
    const steps = [await chair.act({ type: 'vote.open', point: 'At cykelstien anlægges.', subject: { kind: 'proposal' }, mode: 'electronic' })];
    for (const s of seats.slice(0, 20)) steps.push(await s.act({ type: 'vote.cast', choice: 'for' }));
    steps.push(await chair.act({ type: 'vote.close' }), await chair.act({ type: 'meeting.close' }));
    if (steps.some((a) => !a.ok)) throw new Error('the meeting did not run');
    const chairId = server.service.state.chair.line[0]!;
    await fetch(`${server.url}/record/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] }) });
    for (const s of seats) s.close();
    chair.close();
    await server.close();
    const v = verifyLog(source);
    if (!v.ok) throw new Error(v.reason);
    before = { hash: v.hash, setupHash: v.setupHash, version: v.state.version };

    // The same meeting written the way the server wrote it before the term.
    old = tempDb('term-old');
    const src = new Database(source, { readonly: true });
    const dst = new Database(old);
    dst.exec(OLD_SCHEMA);
    const row = src.prepare("SELECT setup, config FROM meetings WHERE id = 'm1'").get() as { setup: string; config: string };
    dst.prepare("INSERT INTO meta (key, value) VALUES ('setup', ?), ('config', ?)").run(row.setup, row.config);
    for (const c of src.prepare('SELECT kind, subject, secret_hash FROM credentials').all() as object[]) dst.prepare('INSERT INTO credentials VALUES (@kind, @subject, @secret_hash)').run(c);
    for (const e of src.prepare('SELECT seq, nonce, type, action, ctx, version, prev_hash, hash FROM events ORDER BY seq').all() as object[])
      dst.prepare('INSERT INTO events VALUES (@seq, @nonce, @type, @action, @ctx, @version, @prev_hash, @hash)').run(e);
    for (const b of src.prepare('SELECT vote_id, person_id, choice FROM ballots').all() as object[]) dst.prepare('INSERT INTO ballots VALUES (@vote_id, @person_id, @choice)').run(b);
    for (const r of src.prepare('SELECT vote_id, present, counts, adopted, closed_at FROM vote_results').all() as object[])
      dst.prepare('INSERT INTO vote_results VALUES (@vote_id, @present, @counts, @adopted, @closed_at)').run(r);
    for (const s of src.prepare('SELECT role, person, name, at, last_seq, last_hash, setup_hash FROM record_signatures').all() as object[])
      dst.prepare('INSERT INTO record_signatures VALUES (@role, @person, @name, @at, @last_seq, @last_hash, @setup_hash)').run(s);
    src.close();
    dst.close();
    copyFileSync(`${source}.key`, `${old}.key`);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('the old file is refused by verify until the server opens it once (it says so)', () => {
    const r = verifyLog(old);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/before the council term/);
  });

  it('opened, it is meeting m1, live, with every row kept and the same chain and set-up hashes', () => {
    const db = openDb(old);
    try {
      expect(db.prepare('SELECT id, status, base_version FROM meetings').all()).toEqual([{ id: 'm1', status: 'planned', base_version: 0 }]);
      expect(JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'live'").get() as { value: string }).value)).toBe('m1');
      expect(db.prepare("SELECT 1 FROM meta WHERE key = 'setup'").get()).toBeUndefined();
      expect((db.prepare("SELECT COUNT(*) AS n FROM ballots WHERE meeting = 'm1'").get() as { n: number }).n).toBe(20);
      expect((db.prepare("SELECT COUNT(*) AS n FROM record_signatures WHERE meeting = 'm1'").get() as { n: number }).n).toBe(1);
      expect(() => db.prepare('DELETE FROM record_signatures').run()).toThrow(/never removed/);
    } finally {
      db.close();
    }
    const v = verifyLog(old);
    expect(v.ok).toBe(true);
    if (v.ok) expect({ hash: v.hash, setupHash: v.setupHash, version: v.state.version }).toEqual(before);
  });

  it('the server resumes on it at the same version, and the list follows the log: closed', async () => {
    server = await testServer({ dbPath: old });
    expect(server.service.state.version).toBe(before.version);
    expect(server.term.list()).toEqual([expect.objectContaining({ id: 'm1', status: 'closed', live: true })]);
  });
});
