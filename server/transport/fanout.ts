import type { PayloadOf, ServerEvent } from '../../shared/protocol';
import type { JsonText } from './encoder';
import type { SalenServer, SalenSocket } from './handshake';
import { log } from '../ops/log';

/** A server → client message, as its object or already encoded once for many sockets. */
export type Outbound<E extends ServerEvent> = PayloadOf<E> | JsonText<PayloadOf<E>>;
/** socket.io's typed emit takes the objects only; an encoded payload goes through as it is (encoder.ts). */
type AnyEmit = { emit(event: string, payload: unknown): unknown };

/**
 * Sockets per broadcast call: one encoding and one websocket frame serve each slice. Writing
 * to a socket costs 10–30 µs here, so a slice holds the event loop for about 1–2 ms.
 */
const SLICE_SOCKETS = 64;
/** Time on the event loop before yielding, so new actions are read and acknowledged in between. */
const SLICE_MS = 2;

/**
 * Pushes to thousands of sockets go out in slices, yielding to the event loop between them:
 * a member's cast is read and acknowledged while a running tally is still reaching the
 * gallery's viewers. Order is kept: a message goes out only after every message queued
 * before it, so a socket never sees a push overtake an earlier one.
 */
export class FanOut {
  private tasks: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  private running = false;

  constructor(private readonly io: SalenServer) {}

  /** Queues `event` to every socket id in `ids` (a pre-encoded payload keeps this cheap). */
  toSockets<E extends ServerEvent>(ids: string[], event: E, payload: Outbound<E>) {
    for (let i = 0; i < ids.length; i += SLICE_SOCKETS) {
      const part = ids.slice(i, i + SLICE_SOCKETS);
      this.tasks.push(() => (this.io.to(part) as unknown as AnyEmit).emit(event, payload));
    }
    this.kick();
  }

  toSocket<E extends ServerEvent>(socket: SalenSocket, event: E, payload: Outbound<E>) {
    this.tasks.push(() => {
      if (socket.connected) (socket as unknown as AnyEmit).emit(event, payload);
    });
    this.kick();
  }

  // Sending starts on the next turn of the event loop: the acks of the commit that caused
  // the push, and any ballot already read, go first.
  private kick() {
    if (!this.running && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.run);
    }
  }

  private run = () => {
    this.scheduled = false;
    this.running = true;
    const end = performance.now() + SLICE_MS;
    try {
      // At least one message per turn, however slow, so the queue always moves.
      let first = true;
      while (this.head < this.tasks.length && (first || performance.now() < end)) {
        first = false;
        const task = this.tasks[this.head++]!;
        try {
          task();
        } catch (e) {
          log.error({ event: 'error', err: e }, 'push failed');
        }
      }
    } finally {
      this.running = false;
      if (this.head >= this.tasks.length) {
        this.tasks = [];
        this.head = 0;
      } else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.run);
      }
    }
  };

  clear() {
    this.tasks = [];
    this.head = 0;
  }
}
