import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { playSampleMeeting } from '../../server/record/sample';
import { verifyLog, type LogRow, type VerifyResult } from '../../server/record/verify';
import { eventHash, lastHash, openDb } from '../../server/store/db';
import type { Actor } from '../../shared/types';
import { tempDb, testServer } from './helpers';

// The log is a hash chain: `verify` walks it, replays the meeting through the rules and
// names the first event where the chain or the replayed state breaks. Each test tampers with
// its own copy of a real log file written by the server.

const dir = mkdtempSync(path.join(tmpdir(), 'verify-'));
let original: string;
let finalHash: string;
let events: number;
let signedHash: string;
let copies = 0;

function copy(): string {
  const to = path.join(dir, `copy-${++copies}.sqlite`);
  copyFileSync(original, to);
  if (existsSync(`${original}-wal`)) copyFileSync(`${original}-wal`, `${to}-wal`);
  return to;
}

function tamper(fn: (db: Database.Database, rows: LogRow[]) => void): string {
  const file = copy();
  const db = new Database(file);
  const rows = db.prepare('SELECT seq, type, action, ctx, version, prev_hash, hash FROM events ORDER BY seq').all() as LogRow[];
  db.transaction(() => fn(db, rows))();
  db.close();
  return file;
}

function broken(r: VerifyResult): { seq: number | null; reason: string } {
  expect(r.ok, 'expected the log to be broken').toBe(false);
  return r as { seq: number | null; reason: string };
}

/** Renumbers events from `from` on by `by`, through a temporary range (seq is the primary key). */
function shift(db: Database.Database, from: number, by: number) {
  db.prepare('UPDATE events SET seq = seq + 1000000 WHERE seq >= ?').run(from);
  db.prepare('UPDATE events SET seq = seq - 1000000 + ? WHERE seq >= 1000000').run(by);
}

/** Recomputes every hash from `from` on, as a forger with write access would. */
function rehash(db: Database.Database, from: number) {
  const rows = db.prepare('SELECT seq, action, ctx, version FROM events WHERE seq >= ? ORDER BY seq').all(from) as LogRow[];
  let prev = (db.prepare('SELECT hash FROM events WHERE seq = ?').get(from - 1) as { hash: string }).hash;
  for (const r of rows) {
    const h = eventHash(prev, r.seq, r.action, r.ctx, r.version);
    db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, h, r.seq);
    prev = h;
  }
}

beforeAll(async () => {
  original = tempDb('verify-src');
  const server = await testServer({ dbPath: original });
  await playSampleMeeting(server.service);
  const chairId = server.service.state.chair.line[0]!;
  for (const body of [
    { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] },
    { role: 'secretariat', password: server.demo.secretariatPassword },
  ]) {
    const res = await fetch(`${server.url}/record/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  }
  signedHash = ((await (await fetch(`${server.url}/record.json`)).json()) as { anchor: { lastHash: string } }).anchor.lastHash;
  const head = lastHash(server.service.db);
  finalHash = head.hash;
  events = head.seq;
  await server.close();
});

describe('verify: the chain and the replay of a real log', () => {
  it('passes the untouched copy, ending at the last hash', () => {
    const r = verifyLog(copy());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.hash).toBe(finalHash);
    expect(r.hash).toBe(signedHash);
    expect(r.events).toBe(events);
    expect(r.state.meeting.status).toBe('closed');
    expect(r.state.version).toBe(events);
  });

  it("catches an edited vote: one ballot's choice changed in the action JSON", () => {
    let seq = 0;
    const file = tamper((db, rows) => {
      const cast = rows.filter((r) => r.type === 'vote.cast' && r.action.includes('"choice":"for"'))[7]!;
      seq = cast.seq;
      db.prepare('UPDATE events SET action = ? WHERE seq = ?').run(cast.action.replace('"choice":"for"', '"choice":"against"'), seq);
    });
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(seq);
    expect(r.reason).toMatch(/hash does not match/);
  });

  it('catches a deleted event', () => {
    const seq = 200;
    const file = tamper((db) => void db.prepare('DELETE FROM events WHERE seq = ?').run(seq));
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(seq);
    expect(r.reason).toMatch(/missing/);
  });

  it('catches a deleted last event (the chain no longer reaches the signed hash)', () => {
    const file = tamper((db) => void db.prepare('DELETE FROM events WHERE seq = ?').run(events));
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(events);
    expect(r.reason).toMatch(/signature/);
  });

  it("catches a reordered pair: two events' seq swapped", () => {
    const a = 150;
    const file = tamper((db) => {
      db.prepare('UPDATE events SET seq = -1 WHERE seq = ?').run(a);
      db.prepare('UPDATE events SET seq = ? WHERE seq = ?').run(a, a + 1);
      db.prepare('UPDATE events SET seq = ? WHERE seq = -1').run(a + 1);
    });
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(a);
  });

  it('catches an inserted forged event, hashed onto its predecessor', () => {
    const at = 300;
    const file = tamper((db, rows) => {
      const prev = rows[at - 2]!;
      const model = rows.find((r) => r.type === 'vote.cast' && r.seq > at)!;
      shift(db, at, 1);
      const h = eventHash(prev.hash, at, model.action, model.ctx, prev.version + 1);
      db.prepare("INSERT INTO events (meeting, seq, nonce, type, action, ctx, version, prev_hash, hash) VALUES ('m1', ?, NULL, ?, ?, ?, ?, ?, ?)").run(
        at,
        model.type,
        model.action,
        model.ctx,
        prev.version + 1,
        prev.hash,
        h,
      );
    });
    const r = broken(verifyLog(file));
    // The forged event itself links and hashes; the chain breaks at the next one, which
    // still links to the forged event's predecessor.
    expect(r.seq).toBe(at + 1);
    expect(r.reason).toMatch(new RegExp(`links to event ${at - 1}: event ${at} was inserted`));
  });

  it('catches a forged event that the rules refuse on replay, even with a consistent chain', () => {
    const file = tamper((db, rows) => {
      const last = rows.at(-1)!;
      const cast = rows.find((r) => r.type === 'vote.cast')!;
      const seq = last.seq + 1;
      const h = eventHash(last.hash, seq, cast.action, last.ctx, last.version + 1);
      db.prepare("INSERT INTO events (meeting, seq, type, action, ctx, version, prev_hash, hash) VALUES ('m1', ?, ?, ?, ?, ?, ?, ?)").run(seq, cast.type, cast.action, last.ctx, last.version + 1, last.hash, h);
    });
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(events + 1);
    expect(r.reason).toMatch(/rules refuse vote\.cast on replay: MEETING_CLOSED/);
  });

  it('catches a stored version that the replay does not reach', () => {
    const file = tamper((db, rows) => {
      const last = rows.at(-1)!;
      const seq = last.seq + 1;
      const action = JSON.stringify({ type: 'gallery.blank', blank: true, actor: JSON.parse(rows.find((r) => r.type === 'meeting.open')!.action).actor });
      const h = eventHash(last.hash, seq, action, last.ctx, last.version + 5);
      db.prepare("INSERT INTO events (meeting, seq, type, action, ctx, version, prev_hash, hash) VALUES ('m1', ?, ?, ?, ?, ?, ?, ?)").run(seq, 'gallery.blank', action, last.ctx, last.version + 5, last.hash, h);
    });
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(events + 1);
    expect(r.reason).toMatch(/replayed version \d+ differs from the stored version/);
  });

  it('catches a full rewrite of the chain through the signed hash', () => {
    // A forger flips a vote and recomputes every hash after it: the chain is consistent and
    // the rules accept it, but the signature no longer matches, nor does the published hash.
    let seq = 0;
    const file = tamper((db, rows) => {
      const cast = rows.filter((r) => r.type === 'vote.cast' && r.action.includes('"choice":"for"'))[3]!;
      seq = cast.seq;
      db.prepare('UPDATE events SET action = ? WHERE seq = ?').run(cast.action.replace('"choice":"for"', '"choice":"abstain"'), seq);
      rehash(db, seq);
    });
    const r = broken(verifyLog(file));
    expect(r.seq).toBe(events);
    expect(r.reason).toMatch(/chair's signature states hash/);
    // Even with the signatures table dropped, the published hash is not in the chain.
    const stripped = tamper(() => {});
    const db = openDb(stripped);
    db.exec('DROP TABLE record_signatures; DROP TABLE record_corrections');
    db.close();
    expect(verifyLog(stripped, { expect: signedHash }).ok).toBe(true);
    const db2 = new Database(file);
    db2.exec('DROP TRIGGER record_signatures_no_delete; DROP TABLE record_signatures');
    db2.close();
    const r2 = broken(verifyLog(file, { expect: signedHash }));
    expect(r2.reason).toMatch(/does not contain the expected hash/);
  });

  it('reports a file that is no meeting log', () => {
    expect(broken(verifyLog(path.join(dir, 'missing.sqlite'))).reason).toMatch(/cannot open/);
    const empty = path.join(dir, 'empty.sqlite');
    new Database(empty).close();
    expect(broken(verifyLog(empty)).reason).toMatch(/not a Salen meeting log/);
  });
});

describe('verify: a log with a secret election (§ 27, stk. 2)', () => {
  it('replays ballots logged without their choice and rounds closed with the counts kept apart', async () => {
    const dbPath = tempDb('verify-election');
    const server = await testServer({ dbPath });
    const s = server.service;
    const chair = { role: 'chair' as const, personId: s.state.chair.line[0]! };
    const ids = Object.values(s.state.persons).filter((p) => p.kind === 'member').slice(0, 30);
    const must = async (body: Record<string, unknown>, actor: Actor) => expect((await s.dispatch(body, actor)).ok, String(body.type)).toBe(true);
    for (const p of ids) await must({ type: 'presence.checkIn' }, { role: 'member', personId: p.id, seatId: p.seatId! });
    await must({ type: 'meeting.open' }, chair);
    await must({ type: 'item.start', itemId: 'i6' }, chair);
    await must({ type: 'election.create', kind: 'majority', title: 'Valg', candidates: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }] }, chair);
    await must({ type: 'election.demandSecret' }, { role: 'member', personId: ids[3]!.id, seatId: ids[3]!.seatId! });
    await must({ type: 'election.openRound' }, chair);
    for (const [i, p] of ids.entries()) await must({ type: 'election.cast', candidateId: i < 20 ? 'x' : 'y' }, { role: 'member', personId: p.id, seatId: p.seatId! });
    await must({ type: 'election.closeRound' }, chair);
    const version = s.state.version;
    const elected = (Object.values(s.state.elections)[0] as { elected: string | null }).elected;
    await server.close();
    const db = new Database(dbPath, { readonly: true });
    const casts = db.prepare("SELECT action FROM events WHERE type = 'election.cast'").all() as { action: string }[];
    db.close();
    expect(casts.length).toBe(30);
    for (const c of casts) expect(c.action).not.toContain('candidateId');
    const r = verifyLog(dbPath);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.version).toBe(version);
    expect(elected).toBe('x');
    expect((Object.values(r.state.elections)[0] as { elected: string | null }).elected).toBe('x');
  });
});

describe('verify as a command', () => {
  function run(file: string): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });
  }

  it('prints "OK <hash>" and exits 0, or "BROKEN at seq N" and exits 1', async () => {
    const good = copy();
    const bad = tamper((db) => void db.prepare('DELETE FROM events WHERE seq = ?').run(42));
    const [ok, ko] = await Promise.all([run(good), run(bad)]);
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toBe(`OK ${finalHash}`);
    expect(ko.code).toBe(1);
    expect(ko.out).toMatch(/^BROKEN at seq 42: event 42 is missing/);
  });
});
