import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../server/app';
import { startServer } from '../../server/app';
import { readDemoCredentials } from '../../server/demo/credentials';
import { DemoOnNetworkError, isLoopback } from '../../server/demo/network';
import { playSampleMeeting } from '../../server/record/sample';
import { clientAddressFor, parseTrustProxy } from '../../server/transport/client-address';
import { VersionCache } from '../../server/transport/version-cache';
import { ensureClientBuilt } from '../e2e/global-build';
import { chairClient, connect, tempDb, testServer } from './helpers';
import { freePort, kill9 } from './process';

// Issue #11, items 3, 6, 7 over HTTP: security headers on every answer, socket handshakes from
// a foreign page refused, the demo kept on the machine with credentials of its own, record
// sign-ins limited per address, per account and overall, and outputs cached per version.

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** A raw HTTP request (any Host, Origin, X-Forwarded-For), as no browser would let a page send. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(JSON.stringify(body))) });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => raw(url, json(body, headers), 'POST', JSON.stringify(body));
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

function cspOf(a: Answer): Map<string, string[]> {
  const header = String(a.headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]));
}

/** The headers every answer carries, whatever the route. */
function expectHardened(a: Answer, where: string) {
  const csp = cspOf(a);
  expect(a.headers['x-content-type-options'], where).toBe('nosniff');
  expect(a.headers['referrer-policy'], where).toBe('no-referrer');
  expect(a.headers['x-frame-options'], where).toBe('DENY');
  expect(a.headers['strict-transport-security'], where).toBeUndefined(); // no TLS yet (issue #13)
  expect(a.headers['x-powered-by'], where).toBeUndefined();
  // express's own 404 page replaces the policy with a stricter one: nothing at all may load.
  if (a.status === 404 && csp.get('default-src')?.[0] === "'none'") return expect(csp.size, where).toBe(1);
  expect(csp.get('default-src'), where).toEqual(["'self'"]);
  expect(csp.get('script-src'), where).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), where).toEqual(["'none'"]);
  expect(csp.get('connect-src'), where).toEqual(["'self'"]);
  expect(csp.get('img-src'), where).toEqual(["'self'", 'data:']);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(csp.get('object-src'), where).toEqual(["'none'"]);
  expect(csp.has('upgrade-insecure-requests'), where).toBe(false); // plain HTTP on a chamber's network
  const text = String(a.headers['content-security-policy']);
  expect(text, where).not.toContain('unsafe-inline');
  expect(text, where).not.toContain('unsafe-eval');
}

const styleBlocks = (html: string) => [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
const sha = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

describe('security headers on every route', () => {
  let server: RunningServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = ensureClientBuilt();
    server = await testServer({ staticDir });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the screens, their assets, /api, /healthz, /record and a 404 all carry CSP, nosniff, no-referrer, frame-ancestors none, no HSTS', async () => {
    const index = await raw(`${server.url}/`);
    expect(index.status).toBe(200);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeTruthy();
    for (const route of ['/', '/seat', '/chair', '/gallery', asset!, '/api/public', '/api/time', '/api/demo', '/healthz', '/record', '/record.json', '/record/votes.csv', '/record/members', '/nothing-here']) {
      const a = await raw(`${server.url}${route}`);
      expect(a.status, route).toBe(route === '/nothing-here' ? 404 : route === '/record/members' ? 401 : 200);
      expectHardened(a, route);
      // Only the printable record has an inline style block, allowed by its hash alone.
      if (!route.startsWith('/record') && a.status !== 404) expect(cspOf(a).get('style-src'), route).toEqual(["'self'"]);
    }
  });

  it('the built screens hold no inline script or style: every script is a file from the server itself', () => {
    const html = readFileSync(path.join(staticDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(styleBlocks(html)).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it("the printable record's one <style> block is allowed by its SHA-256, in both languages and the members' version", async () => {
    const code = server.demo.codes.m2!;
    for (const route of ['/record', '/record?lang=en', `/record/members?code=${code}`, `/record/members?lang=en&code=${code}`]) {
      const a = await raw(`${server.url}${route}`);
      expect(a.status, route).toBe(200);
      expectHardened(a, route);
      const blocks = styleBlocks(a.text);
      expect(blocks, route).toHaveLength(1);
      expect(cspOf(a).get('style-src'), route).toEqual(["'self'", sha(blocks[0]!)]);
      expect(a.text).not.toMatch(/<script/i);
    }
  });
});

describe('socket handshakes from a foreign Origin are refused (allowRequest)', () => {
  let server: RunningServer;
  let host: string;
  const CONFIGURED = 'https://salen.example.dk';
  beforeAll(async () => {
    server = await testServer({ origins: [`${CONFIGURED}/`] });
    host = new URL(server.url).host;
  });
  afterAll(async () => {
    await server?.close();
  });

  const polling = (headers: Record<string, string>) => raw(`${server.url}/socket.io/?EIO=4&transport=polling`, headers);
  function upgrade(origin?: string): Promise<{ opened: boolean; status?: number; first?: string }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://${host}/socket.io/?EIO=4&transport=websocket`, origin ? { origin } : {});
      ws.once('message', (d) => {
        resolve({ opened: true, first: String(d) });
        ws.close();
      });
      ws.once('unexpected-response', (_req, res: IncomingMessage) => {
        resolve({ opened: false, status: res.statusCode });
        res.resume();
        ws.terminate();
      });
      ws.once('error', () => resolve({ opened: false }));
    });
  }

  it('refuses polling and websocket handshakes from http://evil.example, a look-alike host and Origin: null; the meeting is unchanged', async () => {
    const before = JSON.parse((await raw(`${server.url}/healthz`)).text).version;
    for (const origin of ['http://evil.example', `http://${host}.evil.example`, 'null', 'https://salen.example.dk.evil.example', 'not a url']) {
      const p = await polling({ origin });
      expect([400, 403], origin).toContain(p.status);
      expect(p.text, origin).not.toMatch(/"sid"/);
      const w = await upgrade(origin);
      expect(w.opened, origin).toBe(false);
      expect([400, 403], origin).toContain(w.status);
    }
    expect(JSON.parse((await raw(`${server.url}/healthz`)).text).version).toBe(before);
    expect(server.service.state.version).toBe(before);
  });

  it("lets through the server's own origin, a configured origin, and clients that send no Origin (tests, non-browser tools)", async () => {
    const passing: Record<string, string>[] = [{}, { origin: `http://${host}` }, { origin: CONFIGURED }, { origin: 'https://SALEN.example.dk:443' }];
    for (const headers of passing) {
      const p = await polling(headers);
      expect(p.status, JSON.stringify(headers)).toBe(200);
      expect(p.text).toMatch(/^0\{"sid"/);
    }
    // The Host a browser sent is what the page's own origin is compared with.
    const viaName = await polling({ host: 'salen.local:8080', origin: 'http://salen.local:8080' });
    expect(viaName.status).toBe(200);
    expect((await polling({ host: 'salen.local:8080', origin: 'http://salen.local:8081' })).status).toBe(403);
    for (const origin of [undefined, `http://${host}`, CONFIGURED]) {
      const w = await upgrade(origin);
      expect(w.opened, String(origin)).toBe(true);
      expect(w.first).toMatch(/^0\{"sid"/);
    }
    const pub = await connect(server.url, { role: 'public' });
    expect((await pub.waitFor(() => true)).meeting).toBeDefined();
    pub.close();
  });
});

describe('the demo stays on the machine', () => {
  const spawned: ReturnType<typeof spawn>[] = [];
  afterAll(async () => {
    for (const c of spawned) if (c.exitCode === null && c.signalCode === null) await kill9(c);
  });

  function main(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    spawned.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (d) => (out.stdout += d));
    child.stderr!.on('data', (d) => (out.stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, out, exited };
  }

  it('knows loopback from the network', () => {
    for (const h of ['127.0.0.1', '127.3.2.1', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '', '192.168.1.10', '10.0.0.1', 'salen.local', '128.0.0.1', '::2']) expect(isLoopback(h), h).toBe(false);
  });

  it('`--demo --host 0.0.0.0` exits non-zero with a message and writes nothing', async () => {
    const db = tempDb('demo-network');
    const run = main(['--demo', '--host', '0.0.0.0', '--port', '0', '--db', db]);
    expect(await run.exited).not.toBe(0);
    expect(run.out.stderr).toContain('--demo-on-network');
    expect(run.out.stdout).not.toContain('Salen kører');
    expect(existsSync(db)).toBe(false);
    await expect(startServer({ dbPath: db, port: 0, host: '192.168.1.10', demo: true })).rejects.toBeInstanceOf(DemoOnNetworkError);
    expect(existsSync(db)).toBe(false);
  });

  it('with --demo-on-network it serves, warns loudly on stderr, and prints fragment links with the credentials stored in its database', { timeout: 60_000 }, async () => {
    const db = tempDb('demo-network-ok');
    const port = await freePort();
    const run = main(['--demo', '--demo-on-network', '--host', '0.0.0.0', '--port', String(port), '--db', db]);
    const deadline = Date.now() + 30_000;
    while (!run.out.stdout.includes('Stop:') && Date.now() < deadline && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(run.child.exitCode).toBeNull();
    const warning = run.out.stderr;
    expect(warning).toMatch(/^!{20,}$/m);
    expect(warning).toContain('DEMO ON A NETWORK');
    expect(warning.split('\n').filter((l) => l.startsWith('!! ')).length).toBeGreaterThanOrEqual(5);
    const creds = readDemoCredentials(db);
    const member = creds.setup.persons.find((p) => p.id === creds.setup.chairLine[1])!;
    expect(run.out.stdout).toContain(`/seat#key=${creds.seatKeys[member.seatId!]}`);
    expect(run.out.stdout).not.toContain('/seat?key=');
    expect(run.out.stdout).toContain(creds.chairPasswords[creds.setup.chairLine[0]!]);
    // On the network /api/demo answers (that is what the flag is for).
    const demo = JSON.parse((await raw(`http://127.0.0.1:${port}/api/demo`, { 'x-forwarded-for': '192.168.1.20' })).text);
    expect(demo.secretariatPassword).toBe(creds.secretariatPassword);
    await kill9(run.child);
  });

  it('/api/demo answers only this machine unless --demo-on-network, and only for a demo', async () => {
    const server = await testServer();
    const plain = await testServer({ demo: false, dbPath: tempDb('not-demo'), setup: { setup: server.demo.setup, credentials: server.demo } });
    try {
      expect((await raw(`${server.url}/api/demo`)).status).toBe(200);
      // Through a proxy (even one on this machine) it is the network asking.
      expect((await raw(`${server.url}/api/demo`, { 'x-forwarded-for': '192.168.1.20' })).status).toBe(404);
      expect((await raw(`${server.url}/api/demo`, { forwarded: 'for=192.168.1.20' })).status).toBe(404);
      expect((await raw(`${plain.url}/api/demo`)).status).toBe(404);
    } finally {
      await server.close();
      await plain.close();
    }
  });

  it('/healthz tells the meeting\u2019s version to this machine only (it counts closed items\u2019 actions too)', async () => {
    const server = await testServer({ trustProxy: 'loopback' });
    try {
      const here = JSON.parse((await raw(`${server.url}/healthz`)).text);
      expect(here).toEqual({ ok: true, version: server.service.state.version });
      const there = await raw(`${server.url}/healthz`, { 'x-forwarded-for': '203.0.113.7' });
      expect(there.status).toBe(200);
      expect(JSON.parse(there.text)).toEqual({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('two fresh demo databases get different random credentials; a restart keeps them', async () => {
    const dbA = tempDb('demo-a');
    const a = await startServer({ dbPath: dbA, port: 0, demo: true, staticDir: '/nonexistent' });
    const b = await testServer();
    const credsA = { codes: a.demo.codes, seatKeys: a.demo.seatKeys, chairPasswords: a.demo.chairPasswords, secretariatPassword: a.demo.secretariatPassword };
    try {
      const ids = a.demo.setup.persons.map((p) => p.id);
      const codes = ids.map((id) => a.demo.codes[id]!);
      for (const c of codes) expect(c).toMatch(/^\d{6}$/); // like real codes (the set-up import's minimum)
      expect(new Set(codes).size).toBe(codes.length); // a code is looked up by itself
      for (const k of Object.values(a.demo.seatKeys)) expect(k).toMatch(/^[A-Za-z0-9_-]{24,}$/);
      for (const pw of [...Object.values(a.demo.chairPasswords), a.demo.secretariatPassword]) expect(pw).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(Object.keys(a.demo.seatKeys)).toEqual(a.demo.setup.chamber.seats.map((s) => s.id));
      // Another database, other credentials (codes may coincide by chance, not all of them).
      expect(b.demo.secretariatPassword).not.toBe(a.demo.secretariatPassword);
      for (const s of Object.keys(a.demo.seatKeys)) expect(b.demo.seatKeys[s]).not.toBe(a.demo.seatKeys[s]);
      for (const id of a.demo.setup.chairLine) expect(b.demo.chairPasswords[id]).not.toBe(a.demo.chairPasswords[id]);
      expect(ids.filter((id) => a.demo.codes[id] === b.demo.codes[id]).length).toBeLessThan(ids.length / 2);
      // They work: the chair signs in with this database's password and not with the other's.
      const chair = await chairClient(a);
      chair.close();
      await expect(connect(a.url, { role: 'chair', personId: a.demo.setup.chairLine[0], password: b.demo.chairPasswords[a.demo.setup.chairLine[0]!] })).rejects.toThrow();
    } finally {
      await a.close();
      await b.close();
    }
    expect(readDemoCredentials(dbA)).toMatchObject(credsA);
    const again = await startServer({ dbPath: dbA, port: 0, demo: true, staticDir: '/nonexistent' });
    try {
      expect(again.demo).toMatchObject(credsA);
      const listed = JSON.parse((await raw(`${again.url}/api/demo`)).text);
      expect(listed.secretariatPassword).toBe(credsA.secretariatPassword);
      expect(listed.seats[0].key).toBe(credsA.seatKeys[listed.seats[0].seatId]);
      const chair = await chairClient(again);
      chair.close();
    } finally {
      await again.close();
    }
  });
});

describe('record sign-ins are limited per address, per account and overall (rate-limiter-flexible)', () => {
  const WINDOW = 1500;
  const refusedWith429 = (a: Answer) => {
    expect(a.status).toBe(429);
    expect(JSON.parse(a.text).code).toBe('RATE_LIMITED');
    const retry = Number(a.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(Math.ceil(WINDOW / 1000));
  };
  const signatures = async (s: RunningServer) => JSON.parse((await raw(`${s.url}/record.json`)).text).signatures as unknown[];

  it('per address: the 4th wrong code from one address is refused with 429 and Retry-After, even with the right credentials; nothing is signed; the entry expires', async () => {
    const server = await testServer({ recordLimits: { perAddress: { points: 3, durationMs: WINDOW }, perAccount: { points: 100, durationMs: WINDOW } } });
    try {
      await playSampleMeeting(server.service);
      const chairId = server.service.state.chair.line[0]!;
      const version = server.service.state.version;
      // A request without any credential (a browser's first visit) guesses nothing: not counted.
      for (let i = 0; i < 5; i++) expect((await raw(`${server.url}/record/members`)).status).toBe(401);
      expect((await raw(`${server.url}/record/members.json?code=0000`)).status).toBe(401);
      expect((await raw(`${server.url}/record/members.json`, basic('secretariat', 'wrong'))).status).toBe(401);
      expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: 'wrong' })).status).toBe(401);
      refusedWith429(await raw(`${server.url}/record/members.json?code=${server.demo.codes.m2}`));
      const signing = await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] });
      refusedWith429(signing);
      expect(await signatures(server)).toEqual([]);
      expect(server.service.state.version).toBe(version);
      // X-Forwarded-For is not believed without `trust proxy`: still the same address.
      refusedWith429(await raw(`${server.url}/record/members.json?code=1`, { 'x-forwarded-for': '10.9.9.9' }));
      // The window ends by itself; the right credentials work again.
      await new Promise((r) => setTimeout(r, WINDOW + 200));
      expect((await raw(`${server.url}/record/members.json?code=${server.demo.codes.m2}`)).status).toBe(200);
      expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] })).status).toBe(200);
      expect(await signatures(server)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('per account, behind a trusted proxy: wrong passwords for the chair from many addresses lock that account only', async () => {
    const server = await testServer({
      trustProxy: 'loopback',
      recordLimits: { perAddress: { points: 100, durationMs: WINDOW }, perAccount: { points: 4, durationMs: WINDOW } },
    });
    try {
      await playSampleMeeting(server.service);
      const [chairId, viceId] = server.service.state.chair.line;
      const from = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });
      // At once: each wrong password costs a scrypt hash (tens of ms), and all four must land in one window.
      const guesses = await Promise.all([1, 2, 3, 4].map((i) => post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: `guess${i}` }, from(i))));
      expect(guesses.map((g) => g.status)).toEqual([401, 401, 401, 401]);
      // A fifth address: the account is locked, its right password too; nothing is signed.
      refusedWith429(await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId!] }, from(5)));
      refusedWith429(await raw(`${server.url}/record/members.json`, { ...basic(chairId!, server.demo.chairPasswords[chairId!]!), ...from(6) }));
      expect(await signatures(server)).toEqual([]);
      // Another account is not locked: the vice-chair and the secretariat still get their answer.
      expect((await raw(`${server.url}/record/members.json`, { ...basic(viceId!, 'wrong'), ...from(7) })).status).toBe(401);
      expect((await post(`${server.url}/record/sign`, { role: 'secretariat', password: server.demo.secretariatPassword }, from(8))).status).toBe(200);
      await new Promise((r) => setTimeout(r, WINDOW + 200));
      expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId!] }, from(9))).status).toBe(200);
      expect(await signatures(server)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("members' codes are one account: guesses from many addresses lock code sign-ins, not the secretariat's", async () => {
    const server = await testServer({
      trustProxy: 'loopback',
      recordLimits: { perAddress: { points: 100, durationMs: WINDOW }, perAccount: { points: 5, durationMs: WINDOW } },
    });
    try {
      const code = server.demo.codes.m2!;
      const wrong = (i: number) => String(((Number(code) + i) % 9000) + 1000);
      for (let i = 1; i <= 5; i++) expect((await raw(`${server.url}/record/members.json?code=${wrong(i)}`, { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
      refusedWith429(await raw(`${server.url}/record/members.json?code=${code}`, { 'x-forwarded-for': '203.0.113.50' }));
      refusedWith429(await raw(`${server.url}/record/members.json`, { ...basic('anyone', code), 'x-forwarded-for': '203.0.113.51' }));
      // The secretariat's own account is not the codes' one.
      expect((await raw(`${server.url}/record/members.json`, { ...basic('secretariat', server.demo.secretariatPassword), 'x-forwarded-for': '203.0.113.52' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('overall: failures from many addresses and accounts together close sign-ins for everyone until the window ends', async () => {
    const server = await testServer({
      trustProxy: true,
      recordLimits: { perAddress: { points: 100, durationMs: WINDOW }, perAccount: { points: 100, durationMs: WINDOW }, global: { points: 6, durationMs: WINDOW } },
    });
    try {
      for (let i = 1; i <= 6; i++) expect((await raw(`${server.url}/record/members.json`, { ...basic(`user${i}`, 'x'), 'x-forwarded-for': `192.0.2.${i}` })).status).toBe(401);
      refusedWith429(await raw(`${server.url}/record/members.json`, { ...basic('secretariat', server.demo.secretariatPassword), 'x-forwarded-for': '192.0.2.99' }));
      await new Promise((r) => setTimeout(r, WINDOW + 200));
      expect((await raw(`${server.url}/record/members.json`, { ...basic('secretariat', server.demo.secretariatPassword), 'x-forwarded-for': '192.0.2.99' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('clientAddress() applies the trust proxy setting to a raw request, as express does for req.ip', async () => {
    const settings = [false, true, 'loopback', '10.0.0.0/8', 1] as const;
    const seen: Record<string, string> = {};
    const http = createServer((req, res) => {
      for (const s of settings) seen[String(s)] = clientAddressFor(s)(req);
      res.end();
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      await raw(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, { 'x-forwarded-for': '198.51.100.7, 192.0.2.1' });
      expect(seen).toEqual({ false: '127.0.0.1', true: '198.51.100.7', loopback: '192.0.2.1', '10.0.0.0/8': '127.0.0.1', 1: '192.0.2.1' });
    } finally {
      http.close();
    }
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, uniquelocal')).toBe('loopback, uniquelocal');
    expect(() => parseTrustProxy('not-an-address')).toThrow();
  });
});

describe('/api/public and the record are computed once per meeting version', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the same version answers the same bytes; a new version or a signature gives new ones', async () => {
    const cache = new VersionCache(() => server.service.state);
    let made = 0;
    const get = () => cache.get('x', () => ++made);
    expect([get(), get(), get()]).toEqual([1, 1, 1]);

    const p1 = (await raw(`${server.url}/api/public`)).text;
    const r1 = (await raw(`${server.url}/record.json`)).text;
    expect((await raw(`${server.url}/api/public`)).text).toBe(p1);
    expect((await raw(`${server.url}/record.json`)).text).toBe(r1);
    const chair = await chairClient(server);
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    chair.close();
    expect(get()).toBe(2);
    const p2 = JSON.parse((await raw(`${server.url}/api/public`)).text);
    expect(p2.version).toBe(server.service.state.version);
    expect(p2.version).toBeGreaterThan(JSON.parse(p1).version);
    expect(p2.meeting.status).not.toBe(JSON.parse(p1).meeting.status);
    expect((await raw(`${server.url}/record.json`)).text).not.toBe(r1);

    // A signature changes the record without a new version of the meeting.
    const closed = await testServer();
    try {
      await signatureChangesRecord(closed);
    } finally {
      await closed.close();
    }
  });
});

/** A signature changes the record's outputs while the meeting's version stays the same. */
async function signatureChangesRecord(server: RunningServer) {
  await playSampleMeeting(server.service);
  const unsigned = JSON.parse((await raw(`${server.url}/record.json`)).text);
  const html = (await raw(`${server.url}/record`)).text;
  expect(unsigned.signatures).toEqual([]);
  const version = server.service.state.version;
  const chairId = server.service.state.chair.line[0]!;
  expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] })).status).toBe(200);
  expect(server.service.state.version).toBe(version);
  expect(JSON.parse((await raw(`${server.url}/record.json`)).text).signatures).toHaveLength(1);
  expect((await raw(`${server.url}/record`)).text).not.toBe(html);
}
