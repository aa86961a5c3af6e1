import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoCredentials } from '../../server/demo/credentials';
import type { ActionAck, CheckInAck, LooseAck, SyncAck } from '../../shared/protocol';
import type { MeetingState } from '../../shared/types';
import { HSTS_MAX_AGE_S } from '../../server/transport/headers';
import { testServer } from './helpers';
import { freePort, kill9, spawnServer, stopWith } from './process';

// HTTPS built in (issue #13, item 1): the real server process with a self-signed certificate,
// a real socket.io client over wss:// that trusts only that certificate, HSTS, the redirect
// listener, a certificate renewed with SIGHUP, and a start refused for files it cannot use.

const dir = mkdtempSync(path.join(tmpdir(), 'salen-tls-'));
const file = (name: string) => path.join(dir, name);

function makeCert(name: string) {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '1', '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`)],
    { stdio: 'ignore' },
  );
}

const fingerprint = (pem: string | Buffer) => new X509Certificate(pem).fingerprint256;

/** The certificate the server presents, trusting nothing (only to read it). */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
      const fp = s.getPeerX509Certificate()?.fingerprint256 ?? '';
      s.end();
      resolve(fp);
    });
    s.on('error', reject);
  });
}

function get(url: string, opts: { ca?: Buffer; host?: string; method?: string } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)({
    host: u.hostname,
    port: u.port,
    path: u.pathname + u.search,
    method: opts.method ?? 'GET',
    headers: opts.host ? { host: opts.host } : {},
    ...(opts.ca ? { ca: opts.ca, servername: 'localhost' } : {}),
  });
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A socket.io client over wss:// that trusts `ca` only (no `rejectUnauthorized: false`). */
function wss(url: string, auth: Record<string, unknown>, ca?: Buffer): Promise<{ socket: Socket; views: unknown[] }> {
  const socket = io(url, { auth, ca: ca?.toString(), transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
  const views: unknown[] = [];
  socket.on('view', (v) => views.push(v));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, views }));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

const emit = <A = LooseAck<ActionAck | CheckInAck>>(s: Socket, event: string, payload?: unknown) =>
  new Promise<A>((resolve) => (payload === undefined ? s.emit(event, resolve) : s.emit(event, payload, resolve)));

/** The server process started with these arguments, to its exit: code and stderr. */
function refusedStart(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(t), resolve({ code, stderr }))));
}

beforeAll(() => {
  makeCert('a');
  makeCert('b');
  copyFileSync(file('a.pem'), file('live.pem'));
  copyFileSync(file('a.key'), file('live.key'));
  writeFileSync(file('not-a-cert.pem'), 'hello\n');
});

describe('HTTPS built in: --tls-cert, --tls-key, --http-redirect', () => {
  let child: ChildProcess | undefined;
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.close();
    if (child) await kill9(child);
  });

  it('serves HTTPS and WSS on one port with HSTS, redirects plain HTTP with 308, and reloads a renewed certificate on SIGHUP', async () => {
    const [port, redirectPort] = [await freePort(), await freePort()];
    const dbPath = file('meeting.sqlite');
    const caA = readFileSync(file('a.pem'));
    child = await spawnServer(dbPath, port, ['--tls-cert', file('live.pem'), '--tls-key', file('live.key'), '--http-redirect', String(redirectPort), '--grace-ms', '600000'], { ca: caA });
    const url = `https://127.0.0.1:${port}`;

    // The certificate served is the one given, and a client that trusts only it gets in.
    expect(await servedFingerprint(port)).toBe(fingerprint(caA));
    const health = await get(`${url}/healthz`, { ca: caA });
    expect(health.status).toBe(200);
    const hsts = String(health.headers['strict-transport-security']);
    expect(hsts).toMatch(/^max-age=\d+$/);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBe(HSTS_MAX_AGE_S);
    expect(hsts).not.toMatch(/includeSubDomains/i);

    // Nothing in clear on the TLS port: a plain HTTP request gets no answer from the app.
    const plain = await get(`http://127.0.0.1:${port}/healthz`).catch((e: Error) => e);
    expect(plain instanceof Error || plain.status !== 200).toBe(true);
    // A client that trusts the usual authorities only is refused: the TLS is real.
    await expect(wss(url, { role: 'public' })).rejects.toThrow();

    // A real socket.io client over wss://, trusting only this certificate: the chair opens
    // the meeting, a seat checks in, and both acks and the views come back over TLS.
    const demo = readDemoCredentials(dbPath);
    const chairId = demo.setup.chairLine[0]!;
    const chair = await wss(url, { role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] }, caA);
    sockets.push(chair.socket);
    const transport = chair.socket.io.engine.transport as unknown as { name: string; opts: { secure: boolean } };
    expect(transport.name).toBe('websocket');
    expect(transport.opts.secure).toBe(true);
    const open = await emit(chair.socket, 'action', { type: 'meeting.open' });
    expect(open).toMatchObject({ ok: true });
    const member = demo.setup.persons.find((p) => p.kind === 'member')!;
    const seat = await wss(url, { role: 'seat', seatKey: demo.seatKeys[member.seatId!] }, caA);
    sockets.push(seat.socket);
    const checkIn = await emit(seat.socket, 'checkIn', { code: demo.codes[member.id] });
    expect(checkIn.ok).toBe(true);
    expect(typeof checkIn.session).toBe('string');
    expect(chair.views.length).toBeGreaterThan(0);
    const synced = await emit<SyncAck>(chair.socket, 'sync');
    if (!synced.ok) throw new Error(`sync refused: ${synced.code}`);
    expect(synced.version).toBeGreaterThanOrEqual(checkIn.version!);
    const view = synced.view as MeetingState;
    expect(view.meeting.status).toBe('open');
    expect(view.presence[member.seatId!]).toMatchObject({ personId: member.id });

    // --http-redirect: 308 to the same host on the HTTPS port, path and query kept; nothing else.
    const r1 = await get(`http://127.0.0.1:${redirectPort}/seat?x=1`, { host: `salen.example.dk:${redirectPort}` });
    expect(r1.status).toBe(308);
    expect(r1.headers.location).toBe(`https://salen.example.dk:${port}/seat?x=1`);
    expect(r1.headers['strict-transport-security']).toBeUndefined();
    const r2 = await get(`http://127.0.0.1:${redirectPort}/healthz`, { method: 'POST' });
    expect(r2.status).toBe(308);
    expect(r2.headers.location).toBe(`https://127.0.0.1:${port}/healthz`);
    expect(r2.body).not.toContain('ok');
    const r3 = await get(`http://127.0.0.1:${redirectPort}/api/public`, { host: 'bad host' });
    expect(r3.status).toBe(400);

    // A renewed certificate: the files are replaced and SIGHUP makes new connections get it.
    const caB = readFileSync(file('b.pem'));
    copyFileSync(file('b.pem'), file('live.pem'));
    copyFileSync(file('b.key'), file('live.key'));
    child.kill('SIGHUP');
    const until = Date.now() + 10_000;
    while ((await servedFingerprint(port)) !== fingerprint(caB) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await servedFingerprint(port)).toBe(fingerprint(caB));
    expect(child.exitCode).toBeNull();
    const again = await wss(url, { role: 'public' }, caB);
    sockets.push(again.socket);
    expect((await get(`${url}/healthz`, { ca: caB })).status).toBe(200);

    // The clean stop over TLS too.
    expect(await stopWith(child, 'SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('sends no HSTS without TLS', async () => {
    const server = await testServer();
    try {
      expect(server.url.startsWith('http://')).toBe(true);
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('refuses to start with a certificate or key it cannot use: one line naming the file, exit ≠ 0, no stack trace, no database', async () => {
    const port = String(await freePort());
    const db = (n: string) => file(`refused-${n}.sqlite`);
    const base = (n: string) => ['--demo', '--db', db(n), '--port', port];
    const cases: { name: string; args: string[]; env?: Record<string, string>; says: RegExp }[] = [
      { name: 'missing', args: ['--tls-cert', file('nope.pem'), '--tls-key', file('a.key')], says: new RegExp(`--tls-cert ${file('nope.pem')}: cannot read the certificate: no such file`) },
      { name: 'missing-key', args: ['--tls-cert', file('a.pem'), '--tls-key', file('nope.key')], says: new RegExp(`--tls-key ${file('nope.key')}: cannot read the private key: no such file`) },
      { name: 'env', args: [], env: { SALEN_TLS_CERT: file('gone.pem'), SALEN_TLS_KEY: file('a.key') }, says: new RegExp(`SALEN_TLS_CERT ${file('gone.pem')}: cannot read`) },
      { name: 'not-pem', args: ['--tls-cert', file('not-a-cert.pem'), '--tls-key', file('a.key')], says: new RegExp(`${file('not-a-cert.pem')}: not a PEM certificate`) },
      { name: 'mismatch', args: ['--tls-cert', file('a.pem'), '--tls-key', file('b.key')], says: new RegExp(`--tls-key ${file('b.key')}: this key does not belong to the certificate`) },
      { name: 'redirect-alone', args: ['--http-redirect', '8081'], says: /--http-redirect: only with --tls-cert and --tls-key/ },
    ];
    const results = await Promise.all(cases.map((c) => refusedStart([...base(c.name), ...c.args], c.env)));
    cases.forEach((c, i) => {
      const r = results[i]!;
      expect(r.code, c.name).not.toBe(0);
      expect(r.code, c.name).not.toBeNull();
      expect(r.stderr, c.name).toMatch(c.says);
      expect(r.stderr, c.name).not.toMatch(/^\s+at /m);
      expect(r.stderr.trim().split('\n'), c.name).toHaveLength(1);
      expect(existsSync(db(c.name)), c.name).toBe(false);
    });
  });
});
