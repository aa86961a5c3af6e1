import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../server/ops/backup';
import { connect, type Client } from './helpers';
import { runServer, setupFixture, type RunningProcess } from './ops-fixture';
import { freePort } from './process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last version logged in a database file (read-only: safe while a server writes it); -1 if it is gone (pruned). */
function loggedVersion(file: string): number {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return -1;
  }
  try {
    return (db.prepare('SELECT max(version) AS v FROM events').get() as { v: number | null }).v ?? 0;
  } finally {
    db.close();
  }
}

async function until<T>(what: string, probe: () => T | null | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// Issue #13, item 5: online backups of a running meeting, and a restore from one.
describe('backups: --backup-dir', () => {
  const procs: RunningProcess[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of procs) await p.stop();
  });

  it('backs up while the meeting runs and when it closes, keeps the newest N, and a mid-meeting backup restores: verify says OK and the server resumes at exactly its state', { timeout: 120_000 }, async () => {
    const fx = setupFixture(12);
    const dbPath = path.join(fx.dir, 'meeting.sqlite');
    const dir = path.join(fx.dir, 'backups');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // 0.01 min: a backup every 0.6 s, so a test sees several.
    const flags = ['--port', String(port), '--grace-ms', '600000', '--log-level', 'info'];
    const server = await runServer(['--db', dbPath, '--setup', fx.file, ...flags, '--backup-dir', dir, '--backup-every-min', '0.01', '--backup-keep', '3'], url);
    procs.push(server);

    const chairId = fx.setup.chairLine[0]!;
    const chair = await connect(url, { role: 'chair', personId: chairId, password: fx.credentials.chairPasswords[chairId] });
    clients.push(chair);
    const members = fx.setup.persons.filter((p) => p.kind === 'member').slice(0, 8);
    const seats: Client[] = [];
    for (const p of members) {
      const c = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[p.seatId!] });
      clients.push(c);
      expect((await c.emit('checkIn', { code: fx.credentials.codes[p.id] })).ok).toBe(true);
      seats.push(c);
    }
    // Before the meeting opens nothing is backed up (three intervals pass).
    await sleep(1800);
    expect(listBackups(dir, 'meeting')).toEqual([]);

    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
    expect((await chair.act({ type: 'vote.open', point: 'Cykelsti', subject: { kind: 'proposal' } })).ok).toBe(true);
    for (const c of seats.slice(0, 4)) expect((await c.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    // Every ack is in: the server's version (told to this machine only) is the state to restore.
    const mid = ((await (await fetch(`${url}/healthz`)).json()) as { version: number }).version;
    const snapshot = await chair.waitFor((v) => v.version === mid);

    // A backup of exactly this state: copied aside at once (later ones prune it).
    const restored = path.join(fx.dir, 'restored.sqlite');
    const backup = await until(`a backup at version ${mid}`, () => listBackups(dir, 'meeting').find((b) => loggedVersion(b.file) === mid));
    copyFileSync(backup.file, restored);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backup.file}-wal`)).toBe(false);

    // The meeting goes on past the backup, with pauses longer than the interval: more backups.
    for (const c of seats.slice(4)) {
      expect((await c.act({ type: 'vote.cast', choice: 'against' })).ok).toBe(true);
      await sleep(700);
    }
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    expect((await chair.act({ type: 'meeting.close' })).ok).toBe(true);
    const final = (await chair.waitFor((v) => v.meeting.status === 'closed')).version as number;
    expect(final).toBeGreaterThan(mid);
    // The close is backed up at once, with the log's last event in its name.
    const closing = await server.waitForLog((l) => l.event === 'backup' && l.reason === 'close');
    expect(closing.seq).toBe(final);
    expect(loggedVersion(closing.file as string)).toBe(final);
    expect(path.basename(closing.file as string)).toMatch(new RegExp(`^meeting-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z-seq${final}\\.sqlite$`));
    // More backups were written than kept; the newest 3 remain, the close's among them.
    const written = server.logs().filter((l) => l.event === 'backup');
    expect(written.length).toBeGreaterThan(3);
    const kept = listBackups(dir, 'meeting');
    expect(kept.length).toBe(3);
    expect(kept.at(-1)!.file).toBe(closing.file);
    expect(kept.map((b) => b.seq)).toEqual([...kept.map((b) => b.seq)].sort((a, b) => a - b));

    for (const c of clients.splice(0)) c.close();
    expect(await server.stop()).toBe(0);

    // Restore: the copy of the mid-meeting backup verifies…
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', restored]);
    expect(stdout).toMatch(/^OK [0-9a-f]{64}/);
    // …and a server started on it resumes at exactly that state, not the later one.
    const port2 = await freePort();
    const url2 = `http://127.0.0.1:${port2}`;
    // A backup restores together with the server key kept outside the database (the codes and
    // seat keys are stored under it): here the meeting's own key file, by --key-file.
    const again = await runServer(['--db', restored, '--key-file', `${dbPath}.key`, ...flags.map((f) => (f === String(port) ? String(port2) : f))], url2);
    procs.push(again);
    const chair2 = await connect(url2, { role: 'chair', personId: chairId, password: fx.credentials.chairPasswords[chairId] });
    clients.push(chair2);
    const resumed = await chair2.waitFor(() => true);
    expect(resumed.version).toBe(mid);
    expect(resumed).toEqual(snapshot);
    // The vote is open again with the four ballots of the backup; the fifth member still votes.
    const fifth = await connect(url2, { role: 'seat', seatKey: fx.credentials.seatKeys[members[4]!.seatId!] });
    clients.push(fifth);
    expect((await fifth.emit('checkIn', { code: fx.credentials.codes[members[4]!.id] })).ok).toBe(true);
    expect((await fifth.act({ type: 'vote.cast', choice: 'abstain' })).ok).toBe(true);
  });
});
