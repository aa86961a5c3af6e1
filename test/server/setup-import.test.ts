import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDemo } from '../../server/demo/credentials';
import { fromCsv, readSetupFile, validateSetup, type SetupFile } from '../../server/setup/import';
import { chairClient, seatFor, tempDb, testServer } from './helpers';

const CSV_HEADER = 'id;name;group;seat;kind;code;chair';

/** A demo set-up as a JSON set-up file would hold it, credentials changed by `edit`. */
function jsonSetup(edit: (c: SetupFile['credentials']) => void = () => {}): SetupFile {
  const d = newDemo({ seatCount: 12 });
  const credentials = { codes: { ...d.codes }, seatKeys: { ...d.seatKeys }, chairPasswords: { ...d.chairPasswords }, secretariatPassword: d.secretariatPassword };
  edit(credentials);
  return { setup: d.setup, credentials, config: { memberCount: 12 } };
}

describe('meeting set-up import (JSON, CSV)', () => {
  it('a CSV of persons gives groups, seats, the chair line and credentials', () => {
    const f = fromCsv('id;name;group;seat;kind;code;chair\nm1;Anna;A;S1;member;111111;1\nm2;Bo;B;S2;member;222222;2\nm3;Cai;LG;S3;member;333333;\ns1;Dan;A;;substitute;444444;\n');
    expect(validateSetup(f)).toBeNull();
    expect(f.setup.groups.map((g) => [g.id, g.independent])).toEqual([['A', false], ['B', false], ['LG', true]]);
    expect(f.setup.chairLine).toEqual(['m1', 'm2']);
    expect(f.setup.persons.find((p) => p.id === 's1')).toMatchObject({ kind: 'substitute', seatId: null });
    expect(Object.keys(f.credentials.seatKeys)).toEqual(['S1', 'S2', 'S3']);
    expect(f.config?.memberCount).toBe(3);
  });

  it('refuses a set-up where two members share a seat (§ 17) or a seat has no key', () => {
    const d = newDemo({ seatCount: 12 });
    const persons = d.setup.persons.map((p) => (p.id === 'm2' ? { ...p, seatId: d.setup.persons[0]!.seatId } : p));
    expect(validateSetup({ setup: { ...d.setup, persons }, credentials: d })).toMatch(/§ 17/);
    const seatKeys = { ...d.seatKeys };
    delete seatKeys[d.setup.chamber.seats[0]!.id];
    expect(validateSetup({ setup: d.setup, credentials: { ...d, seatKeys } })).toMatch(/seatKeys/);
    const file = path.join(path.dirname(tempDb('setup')), 'bad.json');
    writeFileSync(file, JSON.stringify({ setup: { ...d.setup, persons }, credentials: d }));
    expect(() => readSetupFile(file)).toThrow(/§ 17/);
  });

  it('a server started from a JSON set-up runs that chamber', async () => {
    const d = newDemo({ seatCount: 12 });
    const file = path.join(path.dirname(tempDb('setup')), 'setup.json');
    writeFileSync(file, JSON.stringify({ setup: d.setup, credentials: { codes: d.codes, seatKeys: d.seatKeys, chairPasswords: d.chairPasswords, secretariatPassword: d.secretariatPassword }, config: { memberCount: 12 } }));
    const server = await testServer({ demo: false, setup: readSetupFile(file), demoSeats: 12 });
    try {
      expect(server.service.state.config.memberCount).toBe(12);
      expect(Object.keys(server.service.state.persons)).toHaveLength(d.setup.persons.length);
      const seat = await seatFor(server, 'm3');
      const chair = await chairClient(server);
      expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
      seat.close();
      chair.close();
    } finally {
      await server.close();
    }
  });

  it('CSV: a code of fewer than 6 digits and a code used twice are refused, naming the lines and persons; the secret is never echoed', () => {
    const csv = `${CSV_HEADER}\n# a comment line still counts\nm1;Anna;A;S1;member;4821;1\nm2;Bo;B;S2;member;735119;2\n\nm3;Cai;LG;S3;member;735119;\n`;
    const problem = validateSetup(fromCsv(csv))!;
    expect(problem).toMatch(/^line 3 \(m1\): the personal code must be 6 to 16 digits \(it has 4 characters\)$/m);
    expect(problem).toMatch(/^line 4 \(m2\) and line 6 \(m3\) have the same personal code$/m);
    expect(problem).not.toContain('4821');
    expect(problem).not.toContain('735119');
    // --min-code-digits 4 lets four digits through; the duplicate stays refused.
    const four = validateSetup(fromCsv(csv, { minCodeDigits: 4 }), { minCodeDigits: 4 })!;
    expect(four).not.toMatch(/line 3/);
    expect(four).toMatch(/line 4 \(m2\) and line 6 \(m3\)/);
    expect(validateSetup(fromCsv(`${CSV_HEADER}\nm1;Anna;A;S1;member;48a1x9;1\n`))).toMatch(/line 2 \(m1\).*not all digits/);
  });

  it('CSV: an empty code cell gets a drawn code; drawn seat keys and passwords meet the minimums and are marked generated', () => {
    const f = fromCsv(`${CSV_HEADER}\nm1;Anna;A;S1;member;;1\nm2;Bo;B;S2;member;482193;2\n`);
    expect(validateSetup(f)).toBeNull();
    expect(f.credentials.codes.m1).toMatch(/^[1-9][0-9]{5}$/);
    expect(f.credentials.codes.m2).toBe('482193');
    expect(f.generated!.codes).toEqual({ m1: f.credentials.codes.m1 });
    expect(Object.keys(f.generated!.seatKeys!)).toEqual(['S1', 'S2']);
    for (const key of Object.values(f.credentials.seatKeys)) expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/);
    for (const pw of [...Object.values(f.credentials.chairPasswords), f.credentials.secretariatPassword]) expect(pw.length).toBeGreaterThanOrEqual(12);
    expect(fromCsv(`${CSV_HEADER}\nm1;Anna;A;S1;member;;1\n`, { minCodeDigits: 8 }).credentials.codes.m1).toMatch(/^[1-9][0-9]{7}$/);
  });

  it('JSON: seat keys under 128 bits, passwords under 12 characters, codes twice: every problem listed by person or seat', () => {
    expect(validateSetup(jsonSetup())).toBeNull();
    const f = jsonSetup((c) => {
      c.codes.m4 = c.codes.m2!;
      c.codes.m5 = '12345';
      c.seatKeys[Object.keys(c.seatKeys)[0]!] = 'k17wdrqp-long-random'; // 20 base64url characters: 120 bits
      c.seatKeys[Object.keys(c.seatKeys)[1]!] = 'a'.repeat(31); // 31 hex digits: 124 bits
      c.seatKeys[Object.keys(c.seatKeys)[2]!] = 'with spaces and ümlauts ok?';
      c.chairPasswords[Object.keys(c.chairPasswords)[0]!] = 'hunter2hunt';
      c.secretariatPassword = 'short';
    });
    const [s1, s2, s3] = Object.keys(f.credentials.seatKeys);
    const chair = Object.keys(f.credentials.chairPasswords)[0]!;
    const problem = validateSetup(f)!;
    const lines = problem.split('\n');
    expect(lines).toContain('persons.m2 and persons.m4 have the same personal code');
    expect(lines).toContain('persons.m5: the personal code must be 6 to 16 digits (it has 5 characters)');
    expect(lines.find((l) => l.startsWith(`credentials.seatKeys.${s1}:`))).toMatch(/128 bits.*it has 20 characters/);
    expect(lines.find((l) => l.startsWith(`credentials.seatKeys.${s2}:`))).toMatch(/128 bits.*it has 31 characters/);
    expect(lines.find((l) => l.startsWith(`credentials.seatKeys.${s3}:`))).toMatch(/only the characters/);
    expect(lines).toContain(`credentials.chairPasswords.${chair}: at least 12 characters (it has 11)`);
    expect(lines).toContain('credentials.secretariatPassword: at least 12 characters (it has 5)');
    expect(lines).toHaveLength(7);
    for (const secret of ['hunter2hunt', 'short', 'k17wdrqp-long-random', f.credentials.codes.m2!]) expect(problem).not.toContain(secret);
    // 32 hex digits and 22 base64url characters are exactly 128 bits: accepted.
    const edge = jsonSetup((c) => {
      c.seatKeys[s1!] = '0123456789abcdef0123456789ABCDEF';
      c.seatKeys[s2!] = 'AbCdEfGhIjKlMnOpQrStU_';
    });
    expect(validateSetup(edge)).toBeNull();
    const twice = jsonSetup((c) => (c.seatKeys[s2!] = c.seatKeys[s1!]!));
    expect(validateSetup(twice)).toBe(`credentials.seatKeys: seats ${s1} and ${s2} have the same key`);
  });

  it('a refused set-up file stops the start before anything is written: no database, no key file', () => {
    const dir = path.dirname(tempDb('refused'));
    const file = path.join(dir, 'persons.csv');
    writeFileSync(file, `${CSV_HEADER}\nm1;Anna;A;S1;member;482193;1\nm2;Bo;B;S2;member;482193;2\n`);
    const db = path.join(dir, 'meeting.sqlite');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, '--setup', file, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:`);
    expect(run.stderr).toContain('line 2 (m1) and line 3 (m2) have the same personal code');
    expect(run.stderr).not.toContain('482193');
    expect(run.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['persons.csv']);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, '--setup', file, '--min-code-digits', '3'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--min-code-digits 3: a whole number from 4 to 16/);
    expect(readdirSync(dir).sort()).toEqual(['persons.csv']);
  });
});
