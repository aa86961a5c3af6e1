import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempDb, testServer } from './helpers';
import { freePort, kill9 } from './process';

interface Entry {
  at: string;
  source: string;
  codes?: Record<string, string>;
  seatKeys?: Record<string, string>;
  chairPasswords?: Record<string, string>;
  secretariatPassword?: string;
}

const entries = (file: string): Entry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);

const mode = (file: string) => statSync(file).mode & 0o777;

/** Every secret an entry carries. */
const secretsOf = (e: Entry) => [...Object.values(e.codes ?? {}), ...Object.values(e.seatKeys ?? {}), ...Object.values(e.chairPasswords ?? {}), ...(e.secretariatPassword ? [e.secretariatPassword] : [])];

/** The real server process, everything it prints kept. */
async function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, output: () => out };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill9(child);
  throw new Error(`server did not become ready: ${out}`);
}

const CSV = `id;name;group;seat;kind;code;chair
m1;Anna Holm;A;S1;member;;1
m2;Bo Lund;B;S2;member;;2
m3;Cai Berg;LG;S3;member;583021;
m4;Dina Sø;A;S4;member;;
s1;Eva Ny;A;;substitute;;
`;

describe('credentials issued once: the provisioning file (issue #13, item 3)', () => {
  const dbPath = tempDb('provisioning');
  const dir = path.dirname(dbPath);
  const csv = path.join(dir, 'persons.csv');
  const file = `${dbPath}.provisioning.jsonl`;
  let server: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    writeFileSync(csv, CSV);
    server = await start(['--db', dbPath, '--setup', csv]);
  });
  afterAll(async () => {
    if (server) await kill9(server.child);
  });

  it('a CSV import writes what it drew to the file (mode 0600) and prints only where it is', async () => {
    expect(mode(file)).toBe(0o600);
    const [entry, ...rest] = entries(file);
    expect(rest).toEqual([]);
    expect(entry!.source).toBe('setup');
    expect(Object.keys(entry!.seatKeys!).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(Object.keys(entry!.chairPasswords!).sort()).toEqual(['m1', 'm2']);
    expect(entry!.secretariatPassword!.length).toBeGreaterThanOrEqual(12);
    // Codes drawn for the empty cells only; m3's own code was the council's, never the server's.
    expect(Object.keys(entry!.codes!).sort()).toEqual(['m1', 'm2', 'm4', 's1']);
    for (const c of Object.values(entry!.codes!)) expect(c).toMatch(/^[1-9][0-9]{5}$/);
    expect(server.output()).toContain(file);
    for (const secret of secretsOf(entry!)) expect(server.output()).not.toContain(secret);
    expect(server.output()).not.toContain('583021');
    // What the file says is what works.
    const seat = await connect(server.url, { role: 'seat', seatKey: entry!.seatKeys!.S4 });
    expect(await seat.emit('checkIn', { code: entry!.codes!.m4 })).toMatchObject({ ok: true });
    seat.close();
    const chair = await connect(server.url, { role: 'chair', personId: 'm1', password: entry!.chairPasswords!.m1 });
    chair.close();
  });

  it('a rotated seat key goes to the secretariat once and to the file, nowhere else: not the output, not the database', async () => {
    const [first] = entries(file);
    const sec = await connect(server.url, { role: 'secretariat', password: first!.secretariatPassword });
    const ack = await sec.emit('seat.rotateKey', { seatId: 'S2' });
    sec.close();
    expect(ack).toMatchObject({ ok: true, seatId: 'S2' });
    const all = entries(file);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ source: 'seat.rotateKey', seatKeys: { S2: ack.key } });
    expect(Object.keys(all[1]!)).toEqual(['at', 'source', 'seatKeys']);
    expect(mode(file)).toBe(0o600);
    await refusedUnauthorized(server.url, first!.seatKeys!.S2!);
    const t = await connect(server.url, { role: 'seat', seatKey: ack.key });
    t.close();
    expect(server.output()).not.toContain(ack.key);
    for (const f of [dbPath, `${dbPath}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(ack.key))).toBe(false);
    for (const secret of secretsOf(first!)) for (const f of [dbPath, `${dbPath}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(secret))).toBe(false);
  });

  it('a restart with the same set-up file draws nothing new: the file is not touched', async () => {
    const before = readFileSync(file, 'utf8');
    await kill9(server.child);
    chmodSync(file, 0o600);
    server = await start(['--db', dbPath, '--setup', csv]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(server.output()).toContain('"fresh":false');
    expect(server.output()).not.toContain('New credentials');
  });
});

async function refusedUnauthorized(url: string, seatKey: string) {
  await expect(connect(url, { role: 'seat', seatKey })).rejects.toThrow('unauthorized');
}

describe('the provisioning file elsewhere, and the demo', () => {
  it('--provisioning-file puts it where it is asked; a file someone widened is set back to 0600 at the next write', async () => {
    const dbPath = tempDb('provisioning-path');
    const csv = path.join(path.dirname(dbPath), 'persons.csv');
    writeFileSync(csv, CSV);
    const file = path.join(path.dirname(dbPath), 'handout.jsonl');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const s = await start(['--db', dbPath, '--setup', csv, '--provisioning-file', file]);
    try {
      expect(existsSync(`${dbPath}.provisioning.jsonl`)).toBe(false);
      expect(mode(file)).toBe(0o600);
      expect(entries(file)).toHaveLength(1);
      expect(s.output()).toContain(file);
    } finally {
      await kill9(s.child);
    }
  });

  it('the demo writes its credentials to the file too (and, on this machine only, still lists them)', async () => {
    const dbPath = tempDb('provisioning-demo');
    const server = await testServer({ dbPath });
    try {
      const file = `${dbPath}.provisioning.jsonl`;
      expect(mode(file)).toBe(0o600);
      const [entry] = entries(file);
      expect(entry).toMatchObject({
        source: 'demo',
        codes: server.demo.codes,
        seatKeys: server.demo.seatKeys,
        chairPasswords: server.demo.chairPasswords,
        secretariatPassword: server.demo.secretariatPassword,
      });
    } finally {
      await server.close();
    }
  });

  it('a start on a JSON set-up (nothing drawn) writes no file', async () => {
    const dbPath = tempDb('provisioning-json');
    const seeded = await testServer({ dbPath: tempDb('provisioning-json-src') });
    const d = seeded.demo;
    await seeded.close();
    const server = await testServer({
      dbPath,
      demo: false,
      setup: { setup: d.setup, credentials: { codes: d.codes, seatKeys: d.seatKeys, chairPasswords: d.chairPasswords, secretariatPassword: d.secretariatPassword } },
    });
    await server.close();
    expect(existsSync(`${dbPath}.provisioning.jsonl`)).toBe(false);
  });
});
