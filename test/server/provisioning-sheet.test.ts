import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './helpers';
import { fixtureServer, type RunningProcess } from './ops-fixture';

interface Entry {
  source: string;
  codes?: Record<string, string>;
  seatKeys?: Record<string, string>;
}
const entries = (file: string): Entry[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Entry)
    : [];

const text = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** The handshake's answer for a seat key: admitted, or the refusal's message. */
const admitted = (url: string, seatKey: string) =>
  connect(url, { role: 'seat', seatKey }).then(
    (c) => {
      c.close();
      return true;
    },
    (e: Error) => e.message,
  );

/** A code not standing alone in a line, so a pid or a port that merely contains it is no leak. */
const holds = (line: string, secret: string) => new RegExp(`(?<![0-9A-Za-z_-])${secret}(?![0-9A-Za-z_-])`).test(line);

// Issue #14, item 3: provisioning a chamber — every seat key at once, personal codes reset.
describe('provisioning a chamber: rotating every seat key, resetting personal codes', () => {
  const procs: RunningProcess[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of procs) await p.stop();
  });

  it('refuses every role but the secretariat and changes nothing; then every old key is refused and every new key works, written once to the provisioning file', { timeout: 90_000 }, async () => {
    // Eight seats: eight refused handshakes stay under the address lock's ten (server/transport/handshake.ts).
    const { fx, url, dbPath, server } = await fixtureServer(8, ['--log-level', 'trace']);
    procs.push(server);
    const provisioning = `${dbPath}.provisioning.jsonl`;
    const member = fx.setup.persons.find((p) => p.kind === 'member')!;
    const chairId = fx.setup.chairLine[0]!;

    const chair = await connect(url, { role: 'chair', personId: chairId, password: fx.credentials.chairPasswords[chairId] });
    const tablet = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[member.seatId!] });
    clients.push(chair, tablet);
    expect((await tablet.emit('checkIn', { code: fx.credentials.codes[member.id] })).ok).toBe(true);
    const told: unknown[] = [];
    tablet.socket.on('session', (m) => told.push(m));
    const before = text(provisioning);

    for (const who of [chair, tablet]) {
      expect(await who.emit('seat.rotateAllKeys')).toMatchObject({ ok: false, code: 'NOT_SECRETARIAT', paragraph: '§ 8' });
      expect(await who.emit('person.resetCode', { personId: member.id })).toMatchObject({ ok: false, code: 'NOT_SECRETARIAT', paragraph: '§ 8' });
      expect(await who.emit('person.resetAllCodes')).toMatchObject({ ok: false, code: 'NOT_SECRETARIAT', paragraph: '§ 8' });
    }
    // Nothing changed: the file, every old key, the member's tablet.
    expect(text(provisioning)).toBe(before);
    for (const key of Object.values(fx.credentials.seatKeys)) expect(await admitted(url, key)).toBe(true);
    expect(tablet.socket.connected).toBe(true);
    expect(told).toEqual([]);

    const secretariat = await connect(url, { role: 'secretariat', password: fx.credentials.secretariatPassword });
    clients.push(secretariat);
    const r = await secretariat.emit('seat.rotateAllKeys');
    expect(r.ok).toBe(true);
    const keys = r.keys as Record<string, string>;
    expect(Object.keys(keys).sort()).toEqual(fx.setup.chamber.seats.map((s) => s.id).sort());
    expect(new Set(Object.values(keys)).size).toBe(fx.setup.chamber.seats.length);
    for (const k of Object.values(keys)) expect(k).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // The tablet was told and dropped, as for one seat's rotation.
    const deadline = Date.now() + 10_000;
    while ((told.length === 0 || tablet.socket.connected) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    expect(told[0]).toEqual({ ended: 'keyRotated' });
    expect(tablet.socket.connected).toBe(false);
    tablet.socket.io.opts.reconnection = false;

    for (const old of Object.values(fx.credentials.seatKeys)) expect(await admitted(url, old)).toMatch(/unauthorized/);
    for (const key of Object.values(keys)) expect(await admitted(url, key)).toBe(true);
    const fresh = await connect(url, { role: 'seat', seatKey: keys[member.seatId!]! });
    clients.push(fresh);
    expect((await fresh.emit('checkIn', { code: fx.credentials.codes[member.id] })).ok).toBe(true);

    const last = entries(provisioning).at(-1)!;
    expect(last).toMatchObject({ source: 'seat.rotateAllKeys', seatKeys: keys });
    await server.waitForLog((l) => l.event === 'seatKeysRotated');
    for (const line of server.stdout.concat(server.stderr)) for (const k of Object.values(keys)) expect(line.includes(k)).toBe(false);
  });

  it('resets one code: the old code is refused, the new one checks in, the provisioning file has it and no log line does; then every code at once', { timeout: 90_000 }, async () => {
    const { fx, url, dbPath, server } = await fixtureServer(12, ['--log-level', 'trace']);
    procs.push(server);
    const provisioning = `${dbPath}.provisioning.jsonl`;
    const [m, n] = fx.setup.persons.filter((p) => p.kind === 'member');
    const secretariat = await connect(url, { role: 'secretariat', password: fx.credentials.secretariatPassword });
    clients.push(secretariat);

    const countBefore = entries(provisioning).length;
    expect(await secretariat.emit('person.resetCode', { personId: 'nobody' })).toMatchObject({ ok: false, code: 'UNKNOWN_PERSON', paragraph: '§ 17' });
    expect(await secretariat.emit('person.resetCode', { personId: '__proto__' })).toMatchObject({ ok: false, code: 'UNKNOWN_PERSON' });
    // A number where the id goes, or no id at all: refused, nothing drawn.
    expect(await secretariat.emit('person.resetCode', { personId: 4 })).toMatchObject({ ok: false, code: 'UNKNOWN_PERSON' });
    expect(await secretariat.emit('person.resetCode', {})).toMatchObject({ ok: false, code: 'UNKNOWN_PERSON' });
    expect(entries(provisioning).length).toBe(countBefore);

    const r = await secretariat.emit('person.resetCode', { personId: m!.id });
    expect(r).toMatchObject({ ok: true, personId: m!.id });
    const code = r.code as string;
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(code).not.toBe(fx.credentials.codes[m!.id]);

    const seat = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[m!.seatId!] });
    clients.push(seat);
    expect(await seat.emit('checkIn', { code: fx.credentials.codes[m!.id] })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect((await seat.emit('checkIn', { code })).ok).toBe(true);
    // Only that person's code changed.
    const other = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[n!.seatId!] });
    clients.push(other);
    expect((await other.emit('checkIn', { code: fx.credentials.codes[n!.id] })).ok).toBe(true);

    expect(entries(provisioning).at(-1)).toMatchObject({ source: 'person.resetCode', codes: { [m!.id]: code } });
    await server.waitForLog((l) => l.event === 'codeReset' && l.personId === m!.id);

    const all = await secretariat.emit('person.resetAllCodes');
    expect(all.ok).toBe(true);
    const codes = all.codes as Record<string, string>;
    expect(Object.keys(codes).sort()).toEqual(fx.setup.persons.map((p) => p.id).sort());
    expect(new Set(Object.values(codes)).size).toBe(fx.setup.persons.length);
    expect(entries(provisioning).at(-1)).toMatchObject({ source: 'person.resetAllCodes', codes });
    await server.waitForLog((l) => l.event === 'codesReset');
    // A seat whose member has a new code: the old one is refused, the new one checks in.
    const third = fx.setup.persons.filter((p) => p.kind === 'member')[2]!;
    const t3 = await connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[third.seatId!] });
    clients.push(t3);
    expect(await t3.emit('checkIn', { code: fx.credentials.codes[third.id] })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect((await t3.emit('checkIn', { code: codes[third.id] })).ok).toBe(true);

    for (const line of server.stdout.concat(server.stderr)) {
      expect(holds(line, code), line).toBe(false);
      for (const c of Object.values(codes)) expect(holds(line, c), line).toBe(false);
    }
  });
});
