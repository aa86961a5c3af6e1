import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLog } from '../../server/ops/log';
import { connect, type Client } from './helpers';
import { fixtureServer, runServer, setupFixture, type RunningProcess } from './ops-fixture';
import { freePort } from './process';

/** Every line that mentions one of the secrets, with the secret named (empty when none leaks). */
function leaks(lines: string[], secrets: string[]): string[] {
  return lines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `${s} in ${line}`));
}

const refusedHandshake = (url: string, auth: Record<string, unknown>) =>
  connect(url, auth).then(
    (c) => {
      c.close();
      throw new Error(`handshake ${JSON.stringify(auth.role)} was admitted`);
    },
    (e: Error) => e.message,
  );

// Issue #13, item 6: structured JSON logs, and never a secret in them.
describe('logs: JSON lines on stdout, no secret in any of them', () => {
  const procs: RunningProcess[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of procs) await p.stop();
  });

  it('logs start, sign-ins, check-ins, refusals worth an eye and the stop, with addresses, and no code, seat key, password or session token', { timeout: 90_000 }, async () => {
    // The most verbose level: every line the server can write is searched for secrets.
    const metricsToken = 'a-metrics-token-nobody-may-log-4711';
    const { fx, port, url, dbPath, server } = await fixtureServer(12, ['--log-level', 'trace'], { SALEN_METRICS_TOKEN: metricsToken });
    procs.push(server);
    const secrets = [...fx.secrets, metricsToken];
    const members = fx.setup.persons.filter((p) => p.kind === 'member');
    const chairId = fx.setup.chairLine[0]!;

    // The chair signs in with the password; a wrong password is refused.
    const chair = await connect(url, { role: 'chair', personId: chairId, password: fx.credentials.chairPasswords[chairId] });
    clients.push(chair);
    const wrongPassword = 'not-the-chairs-password-42';
    secrets.push(wrongPassword);
    expect(await refusedHandshake(url, { role: 'chair', personId: chairId, password: wrongPassword })).toBe('unauthorized');
    const secretariat = await connect(url, { role: 'secretariat', password: fx.credentials.secretariatPassword });
    clients.push(secretariat);

    // A seat with its key, then the member's personal code; the session token it gets is a secret too.
    const m = members[0]!;
    const seat = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[m.seatId!] });
    clients.push(seat);
    const ack = await seat.emit('checkIn', { code: fx.credentials.codes[m.id] });
    expect(ack.ok).toBe(true);
    secrets.push(ack.session);
    // Wrong codes at another seat (one of them another member's), until the seat locks.
    const other = members[1]!;
    const otherSeat = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[other.seatId!] });
    clients.push(otherSeat);
    const wrongCodes = [fx.credentials.codes[members[2]!.id]!, ...[1, 2, 3, 4].map(() => String(randomInt(10_000_000, 100_000_000)))];
    secrets.push(...wrongCodes);
    const answers = [];
    for (const code of wrongCodes) answers.push((await otherSeat.emit('checkIn', { code })).code);
    expect(answers).toEqual(['BAD_CODE', 'BAD_CODE', 'BAD_CODE', 'BAD_CODE', 'SEAT_LOCKED']);

    // The secretariat gives the first seat a new key: the old one is refused, the new one admitted.
    const rotated = await secretariat.emit('seat.rotateKey', { seatId: m.seatId });
    expect(rotated.ok).toBe(true);
    secrets.push(rotated.key);
    expect(await refusedHandshake(url, { role: 'seat', seatKey: fx.credentials.seatKeys[m.seatId!] })).toBe('unauthorized');
    clients.push(await connect(url, { role: 'seat', seatKey: rotated.key }));

    // A frame over the size limit, and a socket over its message rate.
    expect((await chair.emit('action', { type: 'meeting.open', pad: 'x'.repeat(20_000) })).code).toBe('TOO_LARGE');
    const times = await Promise.all(Array.from({ length: 60 }, () => secretariat.emit('time')));
    expect(times.some((t) => t.code === 'RATE_LIMITED')).toBe(true);
    // The members' record with a code in the address (HTTP), right and wrong: neither is logged.
    expect((await fetch(`${url}/record/members.json?code=${fx.credentials.codes[members[3]!.id]}`)).status).toBe(200);
    expect((await fetch(`${url}/record/members.json?code=${wrongCodes[1]}`)).status).toBe(401);
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);

    const lockLine = await server.waitForLog((l) => l.event === 'seatLocked');
    for (const c of clients.splice(0)) c.close();
    expect(await server.stop()).toBe(0);

    // Nothing but JSON objects on stdout, and nothing at all on stderr.
    const out = server.stdout.filter((l) => l.trim());
    expect(out.length).toBeGreaterThan(10);
    for (const line of out) expect(() => JSON.parse(line), line).not.toThrow();
    expect(server.stderr.filter((l) => l.trim())).toEqual([]);
    expect(leaks([...server.stdout, ...server.stderr], secrets)).toEqual([]);

    const logs = server.logs();
    const find = (fields: Record<string, unknown>) => logs.find((l) => Object.entries(fields).every(([k, v]) => l[k] === v));
    const addr = '127.0.0.1';
    expect(find({ event: 'start', port, host: '127.0.0.1', tls: false, db: dbPath, metricsToken: true, level: 'info' })).toBeDefined();
    expect(find({ event: 'signIn', role: 'chair', personId: chairId, address: addr, level: 'info' })).toBeDefined();
    expect(find({ event: 'signIn', role: 'secretariat', address: addr })).toBeDefined();
    expect(find({ event: 'signInRefused', role: 'chair', personId: chairId, reason: 'unauthorized', address: addr, level: 'warn' })).toBeDefined();
    expect(find({ event: 'signIn', role: 'seat', seatId: m.seatId, address: addr })).toBeDefined();
    expect(find({ event: 'checkIn', seatId: m.seatId, personId: m.id, address: addr, level: 'info' })).toBeDefined();
    expect(find({ event: 'checkInRefused', refusal: 'BAD_CODE', seatId: other.seatId, address: addr, level: 'warn' })).toBeDefined();
    expect(lockLine).toMatchObject({ seatId: other.seatId, address: addr, level: 'warn' });
    expect(lockLine.retryAfterMs).toBeGreaterThan(0);
    expect(find({ event: 'seatKeyRotated', seatId: m.seatId, level: 'info' })).toBeDefined();
    expect(find({ event: 'signInRefused', role: 'seat', reason: 'unauthorized', address: addr })).toBeDefined();
    expect(find({ event: 'frameRefused', refusal: 'TOO_LARGE', role: 'chair', address: addr, level: 'warn' })).toBeDefined();
    expect(find({ event: 'rateLimited', role: 'secretariat', socketEvent: 'time', address: addr, level: 'warn' })).toBeDefined();
    expect(find({ event: 'signInRefused', via: 'http', status: 401, path: '/record/members.json', address: addr, level: 'warn' })).toBeDefined();
    expect(find({ event: 'action', type: 'meeting.open', role: 'chair', level: 'debug' })).toBeDefined();
    expect(find({ event: 'stop', signal: 'SIGTERM' })).toBeDefined();
    expect(find({ event: 'stopped' })).toBeDefined();
    // A flood is cut short: five lines of the same kind per window, the rest counted.
    expect(logs.filter((l) => l.event === 'rateLimited').length).toBeLessThanOrEqual(5);
  });

  it('a set-up imported from CSV with codes logs none of them; the default level leaves debug lines out', { timeout: 60_000 }, async () => {
    const fx = setupFixture(4);
    const csv = path.join(fx.dir, 'setup.csv');
    const rows = fx.setup.persons.map((p) => [p.id, p.name, p.groupId, p.seatId ?? '', p.kind, fx.credentials.codes[p.id], String(fx.setup.chairLine.indexOf(p.id) + 1 || '')].join(';'));
    writeFileSync(csv, ['id;name;group;seat;kind;code;chair', ...rows].join('\n'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await runServer(['--db', path.join(fx.dir, 'csv.sqlite'), '--setup', csv, '--port', String(port)], url);
    procs.push(server);
    clients.push(await connect(url, {}));
    await server.waitForLog((l) => l.event === 'start');
    expect(await server.stop()).toBe(0);
    expect(leaks([...server.stdout, ...server.stderr], Object.values(fx.credentials.codes))).toEqual([]);
    expect(server.logs().map((l) => l.level)).not.toContain('debug');
    expect(server.logs().find((l) => l.event === 'start')).toMatchObject({ level: 'info', fresh: true });
  });

  it('redacts secret fields of any object logged whole (defence in depth), keeping error codes', () => {
    const out: string[] = [];
    const log = createLog({ write: (s: string) => void out.push(s) }, 'info');
    const err = Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    log.info({ auth: { role: 'seat', seatKey: 'KEY-1' }, payload: { code: 'CODE-1' }, body: { password: 'PW-1' }, code: 'CODE-2', token: 'TOK-1', err }, 'x');
    log.warn({ nested: { deeper: { password: 'PW-2', seatKey: 'KEY-2' } }, query: { code: 'CODE-3' }, authorization: 'Bearer TOK-2' }, 'y');
    const text = out.join('');
    expect(leaks([text], ['KEY-1', 'CODE-1', 'PW-1', 'CODE-2', 'TOK-1', 'PW-2', 'KEY-2', 'CODE-3', 'TOK-2'])).toEqual([]);
    expect(text).toContain('[redacted]');
    expect(text).toContain('SQLITE_BUSY');
  });
});
