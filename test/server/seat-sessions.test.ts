import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { SeatLocksMessage } from '../../shared/protocol';
import { chairClient, connect, members, testServer, type Client } from './helpers';

// Issue #11, items 2–3: a seat key opens the terminal, not the member; codes cannot be sorted
// or guessed; handshakes back off; the secretariat can take a lost tablet's key away.

const seatKeyOf = (server: RunningServer, personId: string) => server.demo.seatKeys[server.service.state.persons[personId]!.seatId!]!;
const sessionEvents = (c: Client) => {
  const got: { ended: string }[] = [];
  c.socket.on('session', (e) => got.push(e));
  return got;
};
const until = async (pred: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
/** A seat tablet that checked in, keeping its session for reconnects (as the screen does). */
async function tablet(server: RunningServer, personId: string): Promise<Client> {
  const c = await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, personId) });
  const ack = await c.emit('checkIn', { code: server.demo.codes[personId] });
  expect(ack.ok).toBe(true);
  expect(typeof ack.session).toBe('string');
  c.socket.auth = { ...(c.socket.auth as object), session: ack.session };
  return c;
}

describe('a seat key alone does not make you the member (issue #11, item 2)', () => {
  let server: RunningServer;
  let chair: Client;
  let ids: string[];
  const open: Client[] = [];
  const keep = (c: Client) => (open.push(c), c);

  beforeAll(async () => {
    server = await testServer({ graceMs: 400 });
    chair = await chairClient(server);
    ids = members(server);
    for (const id of ids.slice(0, 30)) keep(await tablet(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    chair?.close();
    await server?.close();
  });

  it('a second socket with the key sees the public view and may not act', async () => {
    const copy = keep(await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[0]!) }));
    await copy.waitFor((v) => v.version !== undefined);
    expect(copy.views[0]!.role).toBe('public');
    expect(copy.owns.at(-1)?.personId ?? null).toBeNull();
    const before = JSON.stringify(server.service.state);
    for (const body of [{ type: 'floor.request' }, { type: 'presence.checkOut' }, { type: 'rollCall.demand' }]) {
      const ack = await copy.act(body);
      expect(ack).toMatchObject({ ok: false, code: 'NOT_CHECKED_IN', paragraph: '§ 16' });
    }
    expect(JSON.stringify(server.service.state)).toBe(before);
    // The member's own tablet is unaffected.
    expect((await open[0]!.act({ type: 'floor.request' })).ok).toBe(true);
    copy.close();
  });

  it('the session survives the tablet reconnecting; a made-up session does not bind', async () => {
    const t = open[1]!;
    t.socket.disconnect();
    t.socket.connect();
    await until(() => t.socket.connected);
    expect((await t.act({ type: 'floor.request' })).ok).toBe(true);
    const forged = keep(await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[1]!), session: 'x'.repeat(43) }));
    expect((await forged.act({ type: 'floor.withdraw' })).code).toBe('NOT_CHECKED_IN');
    forged.close();
  });

  it('the same member checking in on another tablet moves the session; the old one is told', async () => {
    const old = open[2]!;
    const told = sessionEvents(old);
    const fresh = keep(await tablet(server, ids[2]!));
    await until(() => told.length > 0);
    expect(told[0]).toEqual({ ended: 'moved' });
    expect((await old.act({ type: 'floor.request' })).code).toBe('NOT_CHECKED_IN');
    expect((await fresh.act({ type: 'floor.request' })).ok).toBe(true);
    await old.waitFor(() => old.views.at(-1)!.role === 'public');
    // The old token is worthless now, also after a reconnect.
    old.socket.disconnect();
    old.socket.connect();
    await until(() => old.socket.connected);
    expect((await old.act({ type: 'floor.withdraw' })).code).toBe('NOT_CHECKED_IN');
    old.close();
  });

  it('checking out ends the session', async () => {
    const t = open[3]!;
    const told = sessionEvents(t);
    expect((await t.act({ type: 'presence.checkOut' })).ok).toBe(true);
    await until(() => told.length > 0);
    expect(told[0]).toEqual({ ended: 'checkedOut' });
    t.socket.disconnect();
    t.socket.connect();
    await until(() => t.socket.connected);
    expect((await t.act({ type: 'floor.request' })).code).toBe('NOT_CHECKED_IN');
    expect(server.service.state.presence[server.service.state.persons[ids[3]!]!.seatId!]).toBeUndefined();
  });

  it('the § 16 grace period ends the session; a copy of the key does not keep the member present', async () => {
    const t = open[4]!;
    const seatId = server.service.state.persons[ids[4]!]!.seatId!;
    const copy = keep(await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[4]!) }));
    t.socket.disconnect();
    await until(() => server.service.state.presence[seatId]?.online === false, 3000);
    // Back on the network, the tablet's old session is gone: it must enter the code again.
    t.socket.connect();
    await until(() => t.socket.connected);
    expect((await t.act({ type: 'floor.request' })).code).toBe('NOT_CHECKED_IN');
    const again = await t.emit('checkIn', { code: server.demo.codes[ids[4]!] });
    expect(again.ok).toBe(true);
    await until(() => server.service.state.presence[seatId]?.online === true);
    copy.close();
  });

  it('at most a few sockets per seat key; the member\u2019s tablet always gets in', async () => {
    const personId = ids[5]!;
    const key = seatKeyOf(server, personId);
    const extra: Client[] = [];
    // The member's tablet is one socket; two more copies fill the seat (default 3).
    for (let i = 0; i < 2; i++) extra.push(keep(await connect(server.url, { role: 'seat', seatKey: key })));
    await expect(connect(server.url, { role: 'seat', seatKey: key })).rejects.toThrow('seat_busy');
    // The member's tablet reconnecting while the seat is full: a copy makes way.
    const t = open[5]!;
    t.socket.disconnect();
    extra.push(keep(await connect(server.url, { role: 'seat', seatKey: key })));
    t.socket.connect();
    await until(() => t.socket.connected);
    expect((await t.act({ type: 'floor.request' })).ok).toBe(true);
    expect(extra.filter((c) => c.socket.connected).length).toBe(2);
    for (const c of extra) c.close();
  });
});

describe('no oracle, no guessing (issue #11, item 3)', () => {
  let server: RunningServer;
  let chair: Client;
  let ids: string[];
  const open: Client[] = [];

  beforeAll(async () => {
    server = await testServer({ transport: { codeLockMs: 400, handshakeLockMs: 400 } });
    chair = await chairClient(server);
    ids = members(server);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    chair?.close();
    await server?.close();
  });

  it('every code that would not check this seat\u2019s member in gets the same refusal (§ 8, § 16)', async () => {
    const s = server.service.state;
    const secretariat = await connect(server.url, { role: 'secretariat', password: server.demo.secretariatPassword });
    open.push(secretariat);
    const replaced = ids[10]!;
    const sub = Object.values(s.persons).find((p) => p.kind === 'substitute')!.id;
    expect((await secretariat.act({ type: 'substitute.callIn', memberId: replaced, substituteId: sub })).ok).toBe(true);
    const seat = await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, replaced) });
    open.push(seat);
    const otherSub = Object.values(s.persons).find((p) => p.kind === 'substitute' && p.id !== sub)!.id;
    await tablet(server, ids[11]!).then((c) => open.push(c));
    const before = JSON.stringify(server.service.state);
    const answers = [];
    // Wrong code; another member's code; a member checked in elsewhere; the replaced member; a substitute not called in for this seat.
    // (Four here: the fifth failure would lock the seat, tested below.)
    for (const code of ['0000000', server.demo.codes[ids[12]!], server.demo.codes[ids[11]!], server.demo.codes[replaced]])
      answers.push(await seat.emit('checkIn', { code }));
    const elsewhere = await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[13]!) });
    open.push(elsewhere);
    answers.push(await elsewhere.emit('checkIn', { code: server.demo.codes[otherSub] }));
    expect(JSON.stringify(server.service.state)).toBe(before);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: false, code: 'BAD_CODE', paragraph: '§ 16' });
    // The substitute called in for this seat is let in.
    const ok = await seat.emit('checkIn', { code: server.demo.codes[sub] });
    expect(ok.ok).toBe(true);
    expect(server.service.state.presence[server.service.state.persons[replaced]!.seatId!]?.personId).toBe(sub);
  });

  it('five failed codes lock the seat, across sockets, with a growing back-off the consoles see', async () => {
    const personId = ids[20]!;
    const seatId = server.service.state.persons[personId]!.seatId!;
    const locks: SeatLocksMessage[] = [];
    chair.socket.on('seatLocks', (m) => locks.push(m));
    const sockets: Client[] = [];
    for (let i = 0; i < 3; i++) sockets.push(await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, personId) }));
    open.push(...sockets);
    const lockRound = async () => {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await sockets[i % 3]!.emit('checkIn', { code: String(9_000_000 + i) }));
      return answers;
    };
    const first = await lockRound();
    expect(first.slice(0, 4).every((a) => a.code === 'BAD_CODE')).toBe(true);
    expect(first[4]).toMatchObject({ ok: false, code: 'SEAT_LOCKED', paragraph: '§ 16' });
    expect(first[4].retryAfterMs).toBe(400);
    // Locked: even the right code is refused, and nothing changes.
    const before = JSON.stringify(server.service.state);
    const right = await sockets[0]!.emit('checkIn', { code: server.demo.codes[personId] });
    expect(right.code).toBe('SEAT_LOCKED');
    expect(JSON.stringify(server.service.state)).toBe(before);
    await until(() => locks.some((m) => m.locks[seatId]));
    expect(locks.at(-1)!.locks[seatId]!.until).toBeGreaterThan(Date.now() - 50);
    await until(() => locks.at(-1)!.locks[seatId] === undefined, 3000);
    // The second lock lasts twice as long.
    const second = await lockRound();
    expect(second[4].code).toBe('SEAT_LOCKED');
    expect(second[4].retryAfterMs).toBe(800);
    await new Promise((r) => setTimeout(r, 850));
    const ok = await sockets[1]!.emit('checkIn', { code: server.demo.codes[personId] });
    expect(ok.ok).toBe(true);
    // Another seat was never locked by any of this.
    const other = await tablet(server, ids[21]!);
    open.push(other);
  });

  it('failed handshakes back off per account and per address', async () => {
    const chairId = server.service.state.chair.line[0]!;
    const vice = server.service.state.chair.line[1]!;
    for (let i = 0; i < 5; i++) await expect(connect(server.url, { role: 'chair', personId: vice, password: `wrong-${i}` })).rejects.toThrow('unauthorized');
    // The account is locked: the right password waits too; another account does not.
    await expect(connect(server.url, { role: 'chair', personId: vice, password: server.demo.chairPasswords[vice] })).rejects.toThrow('rate_limited');
    const c = await connect(server.url, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] });
    c.close();
    // Ten failures from one address lock the address for every account, but never the public.
    for (let i = 0; i < 5; i++) await expect(connect(server.url, { role: 'seat', seatKey: `guess-${i}` })).rejects.toThrow(/unauthorized|rate_limited/);
    await expect(connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[30]!) })).rejects.toThrow('rate_limited');
    const pub = await connect(server.url, { role: 'public' });
    expect(pub.socket.connected).toBe(true);
    pub.close();
    await new Promise((r) => setTimeout(r, 450));
    const back = await connect(server.url, { role: 'seat', seatKey: seatKeyOf(server, ids[30]!) });
    back.close();
  });
});

describe('the secretariat takes a lost tablet\u2019s key away (issue #11, item 2)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('rotating a seat key ends its session and shuts out every tablet with the old key', async () => {
    const personId = members(server)[7]!;
    const seatId = server.service.state.persons[personId]!.seatId!;
    const oldKey = seatKeyOf(server, personId);
    const t = await tablet(server, personId);
    const told = sessionEvents(t);
    const chair = await chairClient(server);
    const member = await tablet(server, members(server)[8]!);
    const before = JSON.stringify(server.service.state);
    for (const [who, code] of [[chair, 'NOT_SECRETARIAT'], [member, 'NOT_SECRETARIAT']] as const) {
      const r = await who.emit('seat.rotateKey', { seatId });
      expect(r).toMatchObject({ ok: false, code, paragraph: '§ 8' });
    }
    const secretariat = await connect(server.url, { role: 'secretariat', password: server.demo.secretariatPassword });
    expect((await secretariat.emit('seat.rotateKey', { seatId: 'nope' })).code).toBe('UNKNOWN_SEAT');
    expect(JSON.stringify(server.service.state)).toBe(before);
    const r = await secretariat.emit('seat.rotateKey', { seatId });
    expect(r.ok).toBe(true);
    expect(r.seatId).toBe(seatId);
    expect(r.key).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await until(() => told.length > 0 && !t.socket.connected);
    expect(told[0]).toEqual({ ended: 'keyRotated' });
    t.socket.io.opts.reconnection = false;
    await expect(connect(server.url, { role: 'seat', seatKey: oldKey, session: 'whatever' })).rejects.toThrow('unauthorized');
    const fresh = await connect(server.url, { role: 'seat', seatKey: r.key });
    const again = await fresh.emit('checkIn', { code: server.demo.codes[personId] });
    expect(again.ok).toBe(true);
    for (const c of [t, chair, member, secretariat, fresh]) c.close();
  });
});

describe('--seat-sockets sets how many sockets one seat key may open', () => {
  it('with --seat-sockets 1 a second socket with the key is refused; a bad value stops the start', { timeout: 60_000 }, async () => {
    const { spawnServer, freePort, kill9 } = await import('./process');
    const { readDemoCredentials } = await import('../../server/demo/credentials');
    const { tempDb } = await import('./helpers');
    const { spawnSync } = await import('node:child_process');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo', '--db', tempDb('seat-sockets-bad'), '--port', '0', '--seat-sockets', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--seat-sockets 0/);
    const dbPath = tempDb('seat-sockets');
    const port = await freePort();
    const child = await spawnServer(dbPath, port, ['--seat-sockets', '1']);
    try {
      const creds = readDemoCredentials(dbPath)!;
      const key = Object.values(creds.seatKeys)[0]!;
      const first = await connect(`http://127.0.0.1:${port}`, { role: 'seat', seatKey: key });
      await expect(connect(`http://127.0.0.1:${port}`, { role: 'seat', seatKey: key })).rejects.toThrow('seat_busy');
      first.close();
    } finally {
      await kill9(child);
    }
  });
});
