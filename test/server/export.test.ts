import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { verifyLog } from '../../server/record/verify';
import { playSampleMeeting } from '../../server/record/sample';
import { EXPORTED_META, EXPORTED_TABLES, exportMeeting } from '../../server/store/export';
import { SeatAccess } from '../../server/store/seat-access';
import { connect, tempDb, testServer } from './helpers';

const run = (script: string, args: string[]) => spawnSync('npm', ['run', '-s', script, '--', ...args], { encoding: 'utf8', timeout: 120_000 });

/** Every cell of every table (and the schema), as text. */
function cells(file: string): { table: string; column: string; text: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    const out: { table: string; column: string; text: string }[] = [];
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    for (const { name } of tables) {
      const cols = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        for (const c of cols) {
          const v = row[c];
          out.push({ table: name, column: c, text: Buffer.isBuffer(v) ? `${v.toString('hex')} ${v.toString('utf8')}` : String(v) });
        }
    }
    for (const t of db.prepare('SELECT name, sql FROM sqlite_master').all() as { name: string; sql: string | null }[])
      out.push({ table: 'sqlite_master', column: t.name, text: t.sql ?? '' });
    return out;
  } finally {
    db.close();
  }
}

describe('export: a copy of the meeting without credentials (issue #13, item 3)', () => {
  let server: RunningServer;
  let dbPath: string;
  let rotated: string;
  let tokens: string[];

  beforeAll(async () => {
    // A demo database: the hardest case, since it also keeps its credentials in clear.
    dbPath = tempDb('export');
    server = await testServer({ dbPath });
    await playSampleMeeting(server.service);
    const sec = await connect(server.url, { role: 'secretariat', password: server.demo.secretariatPassword });
    const seatId = server.service.state.chamber.seats[4]!.id;
    const ack = await sec.emit('seat.rotateKey', { seatId });
    expect(ack.ok).toBe(true);
    rotated = ack.key;
    sec.close();
    // Seat sessions stored beside the log, as tablets hold them.
    const access = new SeatAccess(server.service.db);
    const members = Object.values(server.service.state.persons).filter((p) => p.kind === 'member');
    tokens = members.slice(0, 3).map((m) => access.start(m.seatId!, m.id).token);
    const chairId = server.service.state.chair.line[0]!;
    for (const body of [
      { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] },
      { role: 'secretariat', password: server.demo.secretariatPassword, name: 'Mette Nørgaard' },
    ]) {
      const res = await fetch(`${server.url}/record/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    }
    const corr = await fetch(`${server.url}/record/corrections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'secretariat', password: server.demo.secretariatPassword, text: 'Stavefejl i punkt 2.' }),
    });
    expect(corr.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('npm run -s export writes the copy while the server runs; npm run -s verify passes on it with the meeting’s own hash', () => {
    const out = path.join(path.dirname(dbPath), 'published.sqlite');
    const r = run('export', [dbPath, out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^exported .*published\.sqlite \(meta, meetings, events, record_signatures, record_corrections, council_events; no credentials\)\nOK [0-9a-f]{64}\n/);
    const v = run('verify', [out]);
    expect(v.status).toBe(0);
    const original = verifyLog(dbPath);
    expect(original.ok).toBe(true);
    expect(v.stdout.split('\n')[0]).toBe(`OK ${original.ok ? original.hash : ''}`);
    expect(v.stdout).toContain(`setup ${original.ok ? original.setupHash : ''}`);
    expect(existsSync(`${out}-wal`)).toBe(false);

    // The copy holds the kept tables and meta rows only…
    const db = new Database(out, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const meta = (db.prepare('SELECT key FROM meta ORDER BY key').all() as { key: string }[]).map((m) => m.key);
    const signatures = (db.prepare('SELECT COUNT(*) AS n FROM record_signatures').get() as { n: number }).n;
    db.close();
    expect(tables).toEqual([...EXPORTED_TABLES].sort());
    expect(meta).toEqual([...EXPORTED_META].sort());
    expect(signatures).toBe(2);

    // …and no cell of any table or column carries a credential, its stored form or a session.
    const src = new Database(dbPath, { readonly: true });
    const storedForms = (src.prepare('SELECT secret_hash FROM credentials').all() as { secret_hash: string }[]).map((r) => r.secret_hash);
    const sessionHashes = (src.prepare('SELECT token_hash FROM seat_sessions').all() as { token_hash: string }[]).map((r) => r.token_hash);
    const metaKeys = (src.prepare('SELECT key FROM meta').all() as { key: string }[]).map((r) => r.key);
    src.close();
    expect(storedForms.length).toBeGreaterThan(100);
    expect(sessionHashes).toHaveLength(3);
    expect(metaKeys).toEqual(expect.arrayContaining(['demoCredentials', 'serverKey']));
    const d = server.demo;
    const secrets = [
      ...storedForms,
      ...storedForms.map((s) => s.split('$').at(-1)!),
      ...sessionHashes,
      ...tokens,
      rotated,
      ...Object.values(d.seatKeys),
      ...Object.values(d.chairPasswords),
      d.secretariatPassword,
      readFileSync(`${dbPath}.key`).toString('hex'),
      'demoCredentials',
      'serverKey',
      'secret_hash',
      'token_hash',
    ];
    const all = cells(out);
    expect(all.length).toBeGreaterThan(1000);
    const codes = Object.values(d.codes);
    const found = all.flatMap((c) => [
      ...secrets.filter((x) => c.text.includes(x)).map((x) => `${c.table}.${c.column} holds ${x}`),
      // Six-digit codes: as a whole value or as a JSON string (a timestamp may hold any six digits).
      ...codes.filter((code) => c.text === code || c.text.includes(`"${code}"`)).map(() => `${c.table}.${c.column} holds a personal code`),
    ]);
    expect(found).toEqual([]);
    // The raw file too, free pages included.
    const bytes = readFileSync(out);
    for (const s of [rotated, d.secretariatPassword, ...Object.values(d.seatKeys), ...storedForms.slice(0, 20)]) expect(bytes.includes(Buffer.from(s))).toBe(false);
    // The meeting itself is untouched: the server still checks its credentials.
    expect(verifyLog(dbPath).ok).toBe(true);
  });

  it('never overwrites, and refuses a file that is no meeting', async () => {
    const dir = path.dirname(dbPath);
    const taken = path.join(dir, 'taken.sqlite');
    writeFileSync(taken, 'keep me');
    await expect(exportMeeting(dbPath, taken)).rejects.toThrow(/exists already/);
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    await expect(exportMeeting(dbPath, dbPath)).rejects.toThrow(/new file/);
    const empty = path.join(dir, 'empty.sqlite');
    new Database(empty).close();
    await expect(exportMeeting(empty, path.join(dir, 'x.sqlite'))).rejects.toThrow(/not a Salen meeting/);
    expect(existsSync(path.join(dir, 'x.sqlite'))).toBe(false);
    const r = run('export', [dbPath]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run -s export -- MEETING.sqlite OUT.sqlite');
  });
});
