import { io, type Socket } from 'socket.io-client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../server/app';
import { applyPatch } from '../../shared/delta';
import type { LooseAck } from '../../shared/protocol';

export function tempDb(name = 'salen'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), `${name}-`)), 'meeting.sqlite');
}

export async function testServer(opts: Partial<StartOptions> = {}): Promise<RunningServer> {
  return startServer({ dbPath: tempDb(), port: 0, demo: true, graceMs: 60_000, staticDir: '/nonexistent', ...opts });
}

/** The protocol's ack (shared/protocol.ts), loosened so a test reads any field without narrowing. */
export type Ack = LooseAck;

export interface Client {
  socket: Socket;
  /** Every view received, deltas already applied to the view before them (as a screen does). */
  views: { version: number; role: string; view: any; base?: number; patch?: unknown[] }[];
  /** Deltas that did not fit the view held (wrong base or role): a screen would have to sync. */
  gaps: number;
  owns: any[];
  latest(): any;
  act(body: unknown): Promise<Ack>;
  emit(event: string, payload?: unknown): Promise<any>;
  waitFor(pred: (view: any) => boolean, ms?: number): Promise<any>;
  close(): void;
}

export function connect(url: string, auth: Record<string, unknown>): Promise<Client> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: true, reconnectionDelay: 100, forceNew: true });
  const views: Client['views'] = [];
  const owns: any[] = [];
  const waiters = new Set<() => void>();
  socket.on('view', (v) => {
    if (v.patch) {
      const last = views.at(-1);
      if (!last || last.version !== v.base || last.role !== v.role) {
        client.gaps++;
        return;
      }
      v = { ...v, view: applyPatch(last.view, v.patch) };
    }
    views.push(v);
    for (const w of [...waiters]) w();
  });
  socket.on('own', (o) => {
    owns.push(o);
    for (const w of [...waiters]) w();
  });
  const emit = (event: string, payload?: unknown) =>
    new Promise<any>((resolve) => (payload === undefined ? socket.emit(event, resolve) : socket.emit(event, payload, resolve)));
  const client: Client = {
    socket,
    views,
    gaps: 0,
    owns,
    latest: () => views[views.length - 1]?.view,
    act: (body) => emit('action', body),
    emit,
    waitFor: (pred, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const v = client.latest();
          if (v && pred(v)) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(v);
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('waitFor timed out'));
        }, ms);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Seat terminals for the given persons, each checked in with its own code. */
export async function seatFor(server: RunningServer, personId: string): Promise<Client> {
  const p = server.service.state.persons[personId]!;
  const c = await connect(server.url, { role: 'seat', seatKey: server.demo.seatKeys[p.seatId!] });
  const ack = await c.emit('checkIn', { code: server.demo.codes[personId] });
  if (!ack.ok) throw new Error(`check-in of ${personId} refused: ${ack.code}`);
  // The tablet keeps its session, so it is still the member after a reconnect (issue #11).
  c.socket.auth = { ...(c.socket.auth as object), session: ack.session };
  return c;
}

export function chairClient(server: RunningServer): Promise<Client> {
  const id = server.service.state.chair.line[0]!;
  return connect(server.url, { role: 'chair', personId: id, password: server.demo.chairPasswords[id] });
}

export function members(server: RunningServer): string[] {
  return Object.values(server.service.state.persons)
    .filter((p) => p.kind === 'member')
    .map((p) => p.id);
}
