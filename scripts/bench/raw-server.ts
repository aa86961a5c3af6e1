import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serve } from './common';

// The floor: a plain socket.io server that broadcasts a payload of the given size to the
// same rooms as the real server does, and acknowledges every action at once.
const gc = (globalThis as { gc?: () => void }).gc;
// --tls: the same certificate as the real server, so the floor pays for TLS too.
const [certPath, keyPath] = process.argv.slice(2);
const http = certPath && keyPath ? createHttpsServer({ cert: readFileSync(certPath), key: readFileSync(keyPath) }) : createServer();
const io = new Server(http, { maxHttpBufferSize: 8 * 2 ** 20 });
let cpu = process.cpuUsage();

/**
 * The payload: the very view text the real server sent (same bytes, same characters), with
 * this round's version; or, without a sample, padding to the same UTF-8 size.
 */
function payload(role: string, version: number, bytes: number, sample?: string) {
  if (sample) {
    const [, view] = JSON.parse(sample.slice(1)) as [string, Record<string, unknown>];
    return { ...view, version, serverNow: Date.now() };
  }
  const make = (n: number) => ({ version, serverNow: Date.now(), role, view: { pad: 'x'.repeat(n) } });
  const len = (n: number) => Buffer.byteLength(`2["view",${JSON.stringify(make(n))}]`);
  return make(Math.max(0, bytes - len(0)));
}

let seq = 0;
io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { room?: unknown }).room ?? 'public');
  socket.join(room);
  // The floor for cast → ack: every action acknowledged at once, nothing checked or stored.
  socket.on('action', (_body: unknown, cb?: (a: unknown) => void) => cb?.({ ok: true, version: ++seq }));
  socket.on('go', (m: { version: number; publicBytes: number; memberBytes: number; publicText?: string; memberText?: string }, cb?: (a: unknown) => void) => {
    const pub = payload('public', m.version, m.publicBytes, m.publicText);
    const mem = payload('member', m.version, m.memberBytes, m.memberText);
    const t = performance.now();
    io.to('public').emit('view', pub);
    io.to('members').emit('view', mem);
    cb?.({ ok: true, pushMs: performance.now() - t });
  });
});

await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
serve({
  memory() {
    gc?.();
    gc?.();
    return { rss: process.memoryUsage().rss };
  },
  cpu() {
    const d = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    return { ms: (d.user + d.system) / 1000 };
  },
  async stop() {
    await new Promise<void>((r) => io.close(() => r()));
    setTimeout(() => process.exit(0), 10);
    return {};
  },
});
process.send?.({ ev: 'ready', port: (http.address() as AddressInfo).port });
