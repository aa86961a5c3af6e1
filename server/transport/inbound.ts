import type { AnswerOf, ArgCount, ClientEvent } from '../../shared/protocol';
import type { JsonText } from './encoder';
import type { SalenSocket as Socket } from './handshake';
import { BurstyRateLimiter, RateLimiterMemory } from 'rate-limiter-flexible';
import { serverRefusal } from '../meeting/service';
import { REJECTED_EVENT, type RejectedCode } from './packet-guard';
import { log } from '../ops/log';

/**
 * One client → server event: how many arguments it takes before its callback, and what it
 * does. The payload is untrusted (`unknown`: the handler checks it); the answer is the
 * event's ack (shared/protocol.ts), as an object or already encoded.
 */
export interface InboundEvent<E extends ClientEvent = ClientEvent> {
  args: ArgCount<E>;
  run(socket: Socket, payload: unknown): Answer<E> | Promise<Answer<E>>;
}
type Answer<E extends ClientEvent> = AnswerOf<E> | JsonText<AnswerOf<E>>;

/** The router's table: one handler for every client → server event of the protocol, no more. */
export type InboundTable = { [E in ClientEvent]: InboundEvent<E> };

export interface InboundOptions {
  /** Messages per socket and second (default 20)… */
  perSecond?: number;
  /** …and up to `burst` more once in ten seconds (default 20): a screen's reconnect burst. */
  burst?: number;
  /** Told every answer, refusals included (metrics and logs: server/ops/watch.ts); its faults are its own. */
  answered?(socket: Socket, event: unknown, payload: unknown, answer: unknown): void;
}

const REJECTED: Record<RejectedCode, () => unknown> = {
  TOO_LARGE: () => serverRefusal('TOO_LARGE'),
  TOO_DEEP: () => serverRefusal('TOO_DEEP'),
  MALFORMED: () => serverRefusal('MALFORMED'),
};

/**
 * Every message a socket sends goes through here, before any handler (socket.io's `onAny`
 * and `on` listeners are not used): it counts against the socket's rate limit, must name a
 * known event with a string, must carry exactly that event's arguments, and gets exactly one
 * answer on its callback if it has one. A handler that throws answers INTERNAL; nothing a
 * client sends reaches the process's top level.
 */
export function routeInbound(events: InboundTable, opts: InboundOptions = {}) {
  const steady = new RateLimiterMemory({ points: opts.perSecond ?? 20, duration: 1 });
  const spare = new RateLimiterMemory({ keyPrefix: 'burst', points: opts.burst ?? 20, duration: 10 });
  const limiter = new BurstyRateLimiter(steady, spare);
  const table = new Map<string, InboundEvent>(Object.entries(events));

  /** The answer to one message: a value, or the handler's own promise (see `attach`). */
  function route(socket: Socket, packet: unknown[]): unknown {
    const [event, ...args] = packet;
    if (event === REJECTED_EVENT) return (REJECTED[args[0] as RejectedCode] ?? REJECTED.MALFORMED)();
    if (typeof event !== 'string') return serverRefusal('MALFORMED', 'Hændelsens navn skal være tekst.', 'The event name must be a string.');
    const handler = table.get(event);
    if (!handler)
      return serverRefusal('UNKNOWN_EVENT', `Ukendt hændelse: ${event.slice(0, 40)}`, `Unknown event: ${event.slice(0, 40)}`);
    if (args.length !== handler.args || args.some((a) => typeof a === 'function'))
      return serverRefusal('MALFORMED', `«${event}» tager ${handler.args} argument(er) og et svar.`, `"${event}" takes ${handler.args} argument(s) and a callback.`);
    return handler.run(socket, args[0]);
  }

  const internal = () => serverRefusal('INTERNAL');

  return {
    attach(socket: Socket) {
      socket.use((packet) => {
        const last = packet.at(-1);
        const ack = typeof last === 'function' ? (last as (a: unknown) => void) : null;
        const rest = ack ? packet.slice(0, -1) : packet;
        // An answer that cannot be sent is logged, never thrown into a promise nobody awaits.
        const reply = ack
          ? (a: unknown) => {
              try {
                ack(a);
              } catch (e) {
                log.error({ err: e, socketEvent: String(rest[0]).slice(0, 40) }, 'could not answer');
              }
            }
          : null;
        const cb = (a: unknown) => {
          reply?.(a);
          try {
            opts.answered?.(socket, rest[0], rest[1], a);
          } catch (e) {
            log.error({ err: e }, 'answer observer failed');
          }
        };
        const fault = (e: unknown) => {
          log.error({ err: e, socketEvent: String(rest[0]).slice(0, 40) }, 'handler fault');
          cb(internal());
        };
        limiter.consume(socket.id).then(
          () => {
            let answer: unknown;
            try {
              answer = route(socket, rest);
            } catch (e) {
              return fault(e);
            }
            // The callback hangs on the handler's own promise: when a commit resolves it, the ack
            // is sent before the pushes that commit starts (MeetingService.flush), not after.
            if (answer instanceof Promise) answer.then(cb, fault);
            else cb(answer);
          },
          () => cb(serverRefusal('RATE_LIMITED')),
        );
      });
      socket.on('disconnect', () => void Promise.all([steady.delete(socket.id), spare.delete(socket.id)]));
    },
  };
}
