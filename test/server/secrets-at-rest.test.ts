import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { newDemo, type DemoChamber } from '../../server/demo/credentials';
import { hashPasswordSync, SCRYPT, SecretsBusyError, ServerKeyError, withPasswordSlot } from '../../server/security/secrets';
import { openDb, setMeta } from '../../server/store/db';
import { connect, tempDb, testServer } from './helpers';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Row = { kind: string; subject: string; secret_hash: string };
/** The credentials table as a copy of the database shows it (read-only, beside the running server). */
function stored(dbPath: string): Row[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT kind, subject, secret_hash FROM credentials ORDER BY kind, subject').all() as Row[];
  } finally {
    db.close();
  }
}
const valueOf = (dbPath: string, kind: string, subject: string) => stored(dbPath).find((r) => r.kind === kind && r.subject === subject)!.secret_hash;

/** A chamber with known credentials: m1's code has four digits (a council that kept them, --min-code-digits 4). */
function chamber(): DemoChamber {
  const d = newDemo({ seatCount: 12 });
  d.codes.m1 = '4821';
  // The same password twice: a salt per secret makes the stored values differ.
  d.secretariatPassword = d.chairPasswords[d.setup.chairLine[0]!]!;
  return d;
}

async function fromSetup(d: DemoChamber, dbPath = tempDb('secrets'), extra = {}): Promise<RunningServer> {
  const { codes, seatKeys, chairPasswords, secretariatPassword } = d;
  return testServer({ dbPath, demo: false, setup: { setup: d.setup, credentials: { codes, seatKeys, chairPasswords, secretariatPassword }, config: { memberCount: 12 } }, ...extra });
}

function refusedWith(p: Promise<unknown>, message: RegExp | string) {
  return expect(p).rejects.toThrow(message);
}

describe('secrets at rest: what a copy of the database holds (issue #13, item 2)', () => {
  let server: RunningServer;
  let d: DemoChamber;
  let dbPath: string;

  beforeAll(async () => {
    d = chamber();
    dbPath = tempDb('at-rest');
    server = await fromSetup(d, dbPath);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('codes and seat keys are HMAC-SHA-256 under the key file, not SHA-256: trying every 4- and 6-digit code finds none', () => {
    const rows = stored(dbPath);
    const codes = rows.filter((r) => r.kind === 'code');
    expect(codes).toHaveLength(d.setup.persons.length);
    for (const r of [...codes, ...rows.filter((x) => x.kind === 'seatKey')]) expect(r.secret_hash).toMatch(/^hmac-sha256\$[0-9a-f]{64}$/);
    const values = new Set(codes.map((r) => r.secret_hash.split('$')[1]!));
    // What an attacker with the file alone would try: every code of 4 and of 6 digits, hashed.
    let found = 0;
    for (let n = 0; n < 10_000; n++) if (values.has(sha256(String(n).padStart(4, '0')))) found++;
    for (let n = 0; n < 1_000_000; n++) if (values.has(sha256(String(n).padStart(6, '0')))) found++;
    expect(found).toBe(0);
    // The key is what stands in the way: with it, the same search finds the 4-digit code at once.
    const keyFile = `${dbPath}.key`;
    const key = readFileSync(keyFile);
    expect(key).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const m1 = valueOf(dbPath, 'code', 'm1').split('$')[1];
    const hits = [];
    for (let n = 0; n < 10_000; n++) {
      const code = String(n).padStart(4, '0');
      if (createHmac('sha256', key).update(code).digest('hex') === m1) hits.push(code);
    }
    expect(hits).toEqual(['4821']);
    // No stored value carries a secret or its plain SHA-256.
    const everything = JSON.stringify(rows);
    for (const secret of [...Object.values(d.codes), ...Object.values(d.seatKeys), ...Object.values(d.chairPasswords)]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(sha256(secret));
    }
  });

  it('passwords are scrypt with their cost and a salt each: the same password twice is stored twice differently', () => {
    const chair = valueOf(dbPath, 'chair', d.setup.chairLine[0]!);
    const secretariat = valueOf(dbPath, 'secretariat', 'secretariat');
    const form = new RegExp(`^scrypt\\$N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`);
    expect(chair).toMatch(form);
    expect(secretariat).toMatch(form);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(chair.split('$')[2]).not.toBe(secretariat.split('$')[2]);
    expect(chair.split('$')[3]).not.toBe(secretariat.split('$')[3]);
  });

  it('sign-in through real sockets: the right seat key, code and passwords get in; wrong ones are refused', async () => {
    const seatId = d.setup.persons.find((p) => p.id === 'm1')!.seatId!;
    const seat = await connect(server.url, { role: 'seat', seatKey: d.seatKeys[seatId] });
    const before = server.service.state.version;
    expect(await seat.emit('checkIn', { code: '482100' })).toMatchObject({ ok: false, code: 'BAD_CODE', paragraph: '§ 16' });
    expect(await seat.emit('checkIn', { code: sha256('4821') })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect(server.service.state.presence[seatId]).toBeUndefined();
    expect(server.service.state.version).toBe(before);
    expect(await seat.emit('checkIn', { code: '4821' })).toMatchObject({ ok: true });
    expect(server.service.state.presence[seatId]!.personId).toBe('m1');
    seat.close();
    // A seat key one character off, and the key's SHA-256 (what the old database stored).
    const key = d.seatKeys[seatId]!;
    const offByOne = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    await refusedWith(connect(server.url, { role: 'seat', seatKey: offByOne }), 'unauthorized');
    await refusedWith(connect(server.url, { role: 'seat', seatKey: sha256(key) }), 'unauthorized');

    const chairId = d.setup.chairLine[0]!;
    const chair = await connect(server.url, { role: 'chair', personId: chairId, password: d.chairPasswords[chairId] });
    chair.close();
    await refusedWith(connect(server.url, { role: 'chair', personId: chairId, password: `${d.chairPasswords[chairId]}x` }), 'unauthorized');
    // The vice-chair's password is not the chair's.
    await refusedWith(connect(server.url, { role: 'chair', personId: chairId, password: d.chairPasswords[d.setup.chairLine[1]!] }), 'unauthorized');
    const sec = await connect(server.url, { role: 'secretariat', password: d.secretariatPassword });
    sec.close();
    await refusedWith(connect(server.url, { role: 'secretariat', password: d.secretariatPassword.toUpperCase() + '!' }), 'unauthorized');
    // The record's members' version checks codes and passwords the same way.
    expect((await fetch(`${server.url}/record/members.json?code=${d.codes.m2}`)).status).toBe(200);
    expect((await fetch(`${server.url}/record/members.json?code=${d.codes.m2}0`)).status).toBe(401);
    const basic = (user: string, pw: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}` });
    expect((await fetch(`${server.url}/record/members.json`, { headers: basic('secretariat', d.secretariatPassword) })).status).toBe(200);
    expect((await fetch(`${server.url}/record/members.json`, { headers: basic(chairId, 'not-the-password') })).status).toBe(401);
  });
});

describe('the server key file (issue #13, item 2)', () => {
  it('a database whose key file is missing, or another one, refuses to start and says what to do', async () => {
    const d = newDemo({ seatCount: 12 });
    const dbPath = tempDb('key-missing');
    const first = await fromSetup(d, dbPath);
    await first.close();
    const moved = `${dbPath}.key.saved`;
    renameSync(`${dbPath}.key`, moved);
    const missing = fromSetup(d, dbPath);
    await expect(missing).rejects.toBeInstanceOf(ServerKeyError);
    await expect(missing).rejects.toThrow(`the key file ${dbPath}.key does not exist`);
    await expect(missing).rejects.toThrow('--key-file PATH (or SALEN_KEY_FILE)');
    // Another database's key is refused too, not taken as a new one.
    const other = await testServer({ dbPath: tempDb('key-other') });
    await other.close();
    await expect(fromSetup(d, dbPath, { keyFile: `${other.service.db.name}.key` })).rejects.toThrow(/is not the server key of/);
    // The same files untouched: nothing was created in the key's place.
    expect(() => statSync(`${dbPath}.key`)).toThrow();
    // Given with --key-file (here: keyFile), the moved key works, and so does every credential.
    const back = await fromSetup(d, dbPath, { keyFile: moved });
    try {
      const seat = await connect(back.url, { role: 'seat', seatKey: d.seatKeys[d.setup.persons[2]!.seatId!] });
      expect((await seat.emit('checkIn', { code: d.codes[d.setup.persons[2]!.id] })).ok).toBe(true);
      seat.close();
    } finally {
      await back.close();
    }
  });

  it('the server process prints the message and exits 2', () => {
    const dbPath = tempDb('key-process');
    const create = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
      const { openDb, saveSetup } = await import('./server/store/db.ts');
      const { newDemo } = await import('./server/demo/credentials.ts');
      const d = newDemo({ seatCount: 12 });
      const db = openDb(${JSON.stringify(dbPath)});
      saveSetup(db, d.setup, { memberCount: 12 }, d);
      db.close();
    `], { encoding: 'utf8', timeout: 60_000 });
    expect(create.stderr).toBe('');
    renameSync(`${dbPath}.key`, `${dbPath}.key.elsewhere`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', dbPath, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the key file ${dbPath}.key does not exist`);
    expect(run.stderr).not.toMatch(/at \S+ \(/); // a message, not a stack trace
    const withKey = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', dbPath, '--port', '0', '--key-file', `${dbPath}.key.wrong`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(withKey.status).toBe(2);
    expect(withKey.stderr).toContain(`the key file ${dbPath}.key.wrong does not exist`);
  });
});

describe('a database in the old format (unsalted SHA-256) is upgraded on start (issue #13, item 2)', () => {
  let server: RunningServer;
  let d: DemoChamber;
  let dbPath: string;
  const chairId = () => d.setup.chairLine[0]!;

  beforeAll(async () => {
    // Written exactly as saveSetup wrote it before issue #13: bare SHA-256 hex of every secret.
    d = newDemo({ seatCount: 12 });
    d.codes.m3 = '7391'; // four digits were the norm then
    dbPath = tempDb('legacy');
    const db = openDb(dbPath);
    db.transaction(() => {
      setMeta(db, 'setup', d.setup);
      setMeta(db, 'config', { memberCount: 12 });
      const ins = db.prepare('INSERT INTO credentials (kind, subject, secret_hash) VALUES (?, ?, ?)');
      for (const [p, c] of Object.entries(d.codes)) ins.run('code', p, sha256(c));
      for (const [s, k] of Object.entries(d.seatKeys)) ins.run('seatKey', s, sha256(k));
      for (const [p, pw] of Object.entries(d.chairPasswords)) ins.run('chair', p, sha256(pw));
      ins.run('secretariat', 'secretariat', sha256(d.secretariatPassword));
    })();
    db.close();
    server = await testServer({ dbPath, demo: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('every old value is wrapped at the start: no bare SHA-256 is left, the format is marked', () => {
    const rows = stored(dbPath);
    expect(rows.length).toBe(Object.keys(d.codes).length + Object.keys(d.seatKeys).length + Object.keys(d.chairPasswords).length + 1);
    for (const r of rows) {
      expect(r.secret_hash).not.toMatch(/^[0-9a-f]{64}$/);
      expect(r.secret_hash).toMatch(r.kind === 'code' || r.kind === 'seatKey' ? /^hmac-sha256\(sha256\)\$[0-9a-f]{64}$/ : /^scrypt\(sha256\)\$N=32768,r=8,p=1\$/);
    }
    const old = new Set(Object.values(d.codes).map(sha256));
    expect(rows.some((r) => old.has(r.secret_hash.split('$').at(-1)!))).toBe(false);
    expect(statSync(`${dbPath}.key`).mode & 0o777).toBe(0o600);
  });

  it('the old codes, keys and passwords still sign in (wrong ones do not), and each is stored anew at its first correct use', async () => {
    const m3seat = d.setup.persons.find((p) => p.id === 'm3')!.seatId!;
    await refusedWith(connect(server.url, { role: 'seat', seatKey: sha256(d.seatKeys[m3seat]!) }), 'unauthorized');
    const seat = await connect(server.url, { role: 'seat', seatKey: d.seatKeys[m3seat] });
    expect(valueOf(dbPath, 'seatKey', m3seat)).toMatch(/^hmac-sha256\$/);
    expect(await seat.emit('checkIn', { code: '7392' })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect(await seat.emit('checkIn', { code: sha256('7391') })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect(valueOf(dbPath, 'code', 'm3')).toMatch(/^hmac-sha256\(sha256\)\$/);
    expect(await seat.emit('checkIn', { code: '7391' })).toMatchObject({ ok: true });
    expect(valueOf(dbPath, 'code', 'm3')).toMatch(/^hmac-sha256\$/);
    seat.close();

    await refusedWith(connect(server.url, { role: 'chair', personId: chairId(), password: sha256(d.chairPasswords[chairId()]!) }), 'unauthorized');
    expect(valueOf(dbPath, 'chair', chairId())).toMatch(/^scrypt\(sha256\)\$/);
    const chair = await connect(server.url, { role: 'chair', personId: chairId(), password: d.chairPasswords[chairId()] });
    chair.close();
    await expect.poll(() => valueOf(dbPath, 'chair', chairId())).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    await refusedWith(connect(server.url, { role: 'secretariat', password: 'wrong-password-here' }), 'unauthorized');
    const sec = await connect(server.url, { role: 'secretariat', password: d.secretariatPassword });
    sec.close();
    await expect.poll(() => valueOf(dbPath, 'secretariat', 'secretariat')).toMatch(/^scrypt\$/);
    // Stored anew, the same password still works.
    const again = await connect(server.url, { role: 'chair', personId: chairId(), password: d.chairPasswords[chairId()] });
    again.close();
  });

  it('a password stored at a lower cost is raised to today’s at its next correct sign-in', async () => {
    const vice = d.setup.chairLine[1]!;
    const cheap = hashPasswordSync(d.chairPasswords[vice]!, 'scrypt', { N: 1024, r: 8, p: 1 });
    server.service.db.prepare("UPDATE credentials SET secret_hash = ? WHERE kind = 'chair' AND subject = ?").run(cheap, vice);
    await refusedWith(connect(server.url, { role: 'chair', personId: vice, password: 'not-it-at-all' }), 'unauthorized');
    expect(valueOf(dbPath, 'chair', vice)).toBe(cheap);
    const c = await connect(server.url, { role: 'chair', personId: vice, password: d.chairPasswords[vice] });
    c.close();
    await expect.poll(() => valueOf(dbPath, 'chair', vice)).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
  });
});

describe('password checks at once', () => {
  it('two run, 32 wait, the rest are refused busy before any work', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const calls = Array.from({ length: 40 }, () =>
      withPasswordSlot(async () => {
        started++;
        await gate;
        return true;
      }),
    );
    const settled = Promise.allSettled(calls);
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(2);
    release();
    const results = await settled;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(34);
    const busy = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(busy).toHaveLength(6);
    for (const b of busy) expect(b.reason).toBeInstanceOf(SecretsBusyError);
    expect(started).toBe(34);
    // Every slot is free again.
    expect(await withPasswordSlot(async () => 'free')).toBe('free');
  });
});

describe('the path of the key file', () => {
  it('defaults to beside the database and can be put elsewhere', async () => {
    const dbPath = tempDb('key-path');
    const keyFile = path.join(path.dirname(dbPath), 'elsewhere', '..', 'my.key');
    const s = await testServer({ dbPath, keyFile });
    await s.close();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(() => statSync(`${dbPath}.key`)).toThrow();
  });
});
