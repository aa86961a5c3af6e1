import { io, type Socket } from 'socket.io-client';
import { applyPatch } from '../../shared/delta';
import type { AnswerOf, ClientEvent, LooseAck, SyncAck, ViewMessage, WholeViewMessage } from '../../shared/protocol';
import type { MeetingState } from '../../shared/types';

/** A refusal or an acceptance, as the server answers `action` and `checkIn`: the protocol's ack (shared/protocol.ts), loosened. */
export type Ack = LooseAck;

/**
 * What `emit` settles with: a protocol event's own ack; for an event named only at run time
 * (the scripts send every event, some of them unknown to the server) any of the acks, loosened.
 */
export type EmitAnswer<E extends string> = E extends ClientEvent ? AnswerOf<E> : LooseAck<AnswerOf<ClientEvent>>;

/**
 * A lean test client: keeps only the latest view (and, on request, its full body), answers
 * every emit with a promise that settles with the ack, `null` on timeout or disconnect.
 */
export interface Lean {
  socket: Socket;
  /** Highest view version seen (from pushes and from `sync` answers). */
  version: number;
  /** The latest whole view, kept only with `keepView`: the public view, or the projected state for a member or the chair. */
  view: WholeViewMessage['view'] | null;
  disconnects: number;
  /** The payload is not checked: the scripts send malformed ones on purpose. */
  emit<E extends string>(event: E, payload?: unknown, timeoutMs?: number): Promise<EmitAnswer<E> | null>;
  act(body: unknown, timeoutMs?: number): Promise<Ack | null>;
  until(pred: (c: Lean) => boolean, timeoutMs: number): Promise<boolean>;
  close(): void;
}

export interface LeanOptions {
  keepView?: boolean;
  /** Behave like the real client (client/src/socket.ts): reconnect, and `sync` on every connect. */
  realClient?: boolean;
}

export function lean(url: string, auth: Record<string, unknown>, opts: LeanOptions = {}): Lean {
  const socket = io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: !!opts.realClient,
    reconnectionDelayMax: 3000,
    timeout: 30_000,
  });
  const waiters = new Set<() => void>();
  const c: Lean = {
    socket,
    version: -1,
    view: null,
    disconnects: 0,
    emit<E extends string>(event: E, payload?: unknown, timeoutMs = 30_000) {
      return new Promise<EmitAnswer<E> | null>((resolve) => {
        if (!socket.connected) return resolve(null);
        let done = false;
        // The server's answer as the protocol says it is (shared/protocol.ts); nothing here checks it.
        const finish = (v: unknown) => {
          if (done) return;
          done = true;
          clearTimeout(t);
          socket.off('disconnect', onDisc);
          resolve(v as EmitAnswer<E> | null);
        };
        const onDisc = () => finish(null);
        const t = setTimeout(() => finish(null), timeoutMs);
        socket.once('disconnect', onDisc);
        if (payload === undefined) socket.emit(event, finish);
        else socket.emit(event, payload, finish);
      });
    },
    act(body, timeoutMs) {
      return c.emit('action', body, timeoutMs);
    },
    until(pred, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          if (!pred(c)) return;
          waiters.delete(check);
          clearTimeout(t);
          resolve(true);
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          resolve(false);
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      socket.close();
    },
  };
  const seen = (version: number, view: Lean['view'] | undefined) => {
    if (version > c.version) {
      c.version = version;
      if (opts.keepView) c.view = view ?? null;
    }
    for (const w of [...waiters]) w();
  };
  // A push after a commit is a delta from the view before it; a lean client that keeps no
  // view only needs its version, one that keeps the view applies it (or syncs on a gap).
  socket.on('view', (v: ViewMessage) => {
    if (!v.patch) return seen(v.version, v.view);
    if (!opts.keepView) return seen(v.version, undefined);
    if (c.view && v.base === c.version) return seen(v.version, applyPatch(c.view, v.patch));
    if (v.version > c.version)
      void c.emit('sync').then((a: SyncAck | null) => {
        if (a?.ok) seen(a.version, a.view);
      });
  });
  socket.on('disconnect', () => c.disconnects++);
  if (opts.realClient)
    socket.on('connect', () => {
      void c.emit('time');
      void c.emit('sync').then((a: SyncAck | null) => {
        if (a?.ok) seen(a.version, a.view);
      });
    });
  return c;
}

/** The kept view as the meeting's (projected) state, as a member or the chair sees it; `null` for the public view or none kept. */
export function stateOf(c: Lean): MeetingState | null {
  return c.view && 'persons' in c.view ? c.view : null;
}

/** Connects and waits for the first view (or the refusal of the handshake). */
export function connectLean(url: string, auth: Record<string, unknown>, opts: LeanOptions = {}, timeoutMs = 30_000): Promise<Lean> {
  const c = lean(url, auth, opts);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      c.close();
      reject(new Error('connect timed out'));
    }, timeoutMs);
    const onError = (e: Error) => {
      clearTimeout(t);
      c.close();
      reject(e);
    };
    c.socket.once('connect_error', onError);
    void c.until((x) => x.version >= 0, timeoutMs).then((ok) => {
      clearTimeout(t);
      // Later connection errors belong to the reconnection, not to this first connect.
      c.socket.off('connect_error', onError);
      if (ok) resolve(c);
    });
  });
}

/** Connects `n` clients, `parallel` at a time. */
export async function connectMany(
  n: number,
  make: (i: number) => Promise<Lean>,
  parallel = 50,
): Promise<Lean[]> {
  const out: Lean[] = [];
  for (let i = 0; i < n; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, n - i) }, (_, k) => make(i + k)))));
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
