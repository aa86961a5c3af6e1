import type { ClientEvent } from '../../shared/protocol';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { MeetingState } from '../../shared/types';
import type { JsonText } from '../transport/encoder';
import type { Identity, SalenSocket as Socket } from '../transport/handshake';
import { log, LogThrottle } from './log';
import { typeLabel, type Metrics } from './metrics';

/** What the socket transport tells the operator's side (server/transport/sockets.ts calls these). */
export interface TransportOps {
  /** A handshake ended: admitted (`refusal` undefined) or refused with this `connect_error`. */
  handshake(socket: Socket, refusal?: Error): void;
  /** A socket event got its answer (refusals included). */
  answered(socket: Socket, event: unknown, payload: unknown, answer: unknown): void;
  /** The server encoded an event to push. */
  pushed(event: string, text: string, source?: JsonText): void;
}

const ROLES = new Set(['public', 'seat', 'chair', 'secretariat']);
/** The `connect_error` messages the handshake gives (server/transport/handshake.ts). */
const HANDSHAKE_REFUSALS = new Set(['unauthorized', 'rate_limited', 'malformed', 'seat_busy', 'internal']);
// Every client → server event by name; the compiler refuses a list that misses one (shared/protocol.ts).
const EVENT_NAMES: Record<ClientEvent, 1> = {
  action: 1, checkIn: 1, sync: 1, time: 1,
  'seat.rotateKey': 1, 'seat.rotateAllKeys': 1, 'person.resetCode': 1, 'person.resetAllCodes': 1,
  'meetings.list': 1, 'meeting.plan': 1, 'meeting.update': 1, 'meeting.noticeSent': 1, 'meeting.activate': 1, 'meeting.publish': 1,
  'council.get': 1, 'council.import': 1, 'person.add': 1, 'person.edit': 1, 'person.leave': 1, 'substitute.promote': 1, 'group.add': 1, 'group.edit': 1, 'seats.set': 1,
};
const CLIENT_EVENTS = new Set<string>(Object.keys(EVENT_NAMES));
/** Refusals of a frame or message itself, not of what it asked for. */
const FRAME_REFUSALS = new Set(['TOO_LARGE', 'TOO_DEEP', 'MALFORMED', 'UNKNOWN_EVENT']);

const pick = (v: unknown, known: Set<string>, other = 'other') => (typeof v === 'string' && known.has(v) ? v : other);

/**
 * Metrics and log lines from the socket transport. Every field logged is named here, one by
 * one, and comes from the server's own state or a fixed list: never a payload, an `auth`
 * object or an answer (a check-in's answer carries the session token, a key rotation's the
 * new key). Floods (a locked-out guesser, a socket over its rate) get at most 5 lines per 10 s
 * per address, seat or socket, and the next line says how many were left out.
 */
export function watchTransport(metrics: Metrics | null, opts: { clientAddress(req: IncomingMessage): string; state(): MeetingState }): TransportOps {
  const throttle = new LogThrottle();
  const address = (socket: Socket) => opts.clientAddress(socket.request);
  const personOf = (v: unknown) => (typeof v === 'string' && v in opts.state().persons ? v : undefined);
  const who = (id: Identity | undefined) =>
    id?.role === 'seat' ? { seatId: id.seatId } : id?.role === 'chair' ? { personId: id.personId } : {};

  function signIn(socket: Socket, refusal?: Error) {
    const addr = address(socket);
    if (!refusal) {
      const id = socket.data.id;
      const level = id.role === 'public' ? 'debug' : 'info';
      log[level]({ event: 'signIn', role: id.role, ...who(id), address: addr }, 'signed in');
      socket.once('disconnect', (reason) => log[level]({ event: 'signOut', role: id.role, ...who(id), address: addr, reason: String(reason) }, 'signed out'));
      return;
    }
    const raw = socket.handshake.auth as Record<string, unknown> | undefined;
    const role = pick(raw?.role, ROLES);
    const reason = pick(refusal.message, HANDSHAKE_REFUSALS);
    const dropped = throttle.take(`handshake ${addr} ${role} ${reason}`);
    if (dropped === null) return;
    const retryAfterMs = (refusal as { data?: { retryAfterMs?: unknown } }).data?.retryAfterMs;
    log.warn(
      {
        event: 'signInRefused',
        role,
        reason,
        ...(role === 'chair' && personOf(raw?.personId) ? { personId: personOf(raw?.personId) } : {}),
        address: addr,
        ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
        ...(dropped ? { suppressed: dropped } : {}),
      },
      'sign-in refused',
    );
  }

  return {
    handshake(socket, refusal) {
      try {
        signIn(socket, refusal);
      } catch (e) {
        log.error({ err: e }, 'could not log a handshake');
      }
    },

    answered(socket, event, payload, answer) {
      metrics?.answered(event, payload, answer);
      const a = answer as { ok?: unknown; code?: unknown; retryAfterMs?: unknown } | null;
      const id = socket.data.id;
      const socketEvent = pick(event, CLIENT_EVENTS, 'unknown');
      if (a?.ok === true) {
        if (event === 'checkIn' && id.role === 'seat')
          log.info({ event: 'checkIn', seatId: id.seatId, personId: id.session?.personId, address: address(socket) }, 'checked in at a seat');
        else if (event === 'seat.rotateKey')
          log.info({ event: 'seatKeyRotated', seatId: (answer as { seatId?: string }).seatId, address: address(socket) }, 'seat key rotated');
        // Which seats or persons only: the new keys and codes go to the provisioning file, never a log.
        else if (event === 'seat.rotateAllKeys')
          log.info({ event: 'seatKeysRotated', seats: Object.keys((answer as { keys?: object }).keys ?? {}).length, address: address(socket) }, 'every seat key rotated');
        else if (event === 'person.resetCode')
          log.info({ event: 'codeReset', personId: (answer as { personId?: string }).personId, address: address(socket) }, 'personal code reset');
        else if (event === 'person.resetAllCodes')
          log.info({ event: 'codesReset', persons: Object.keys((answer as { codes?: object }).codes ?? {}).length, address: address(socket) }, 'every personal code reset');
        else if (event === 'action' && log.isLevelEnabled('debug'))
          log.debug({ event: 'action', type: typeLabel((payload as { type?: unknown }).type), role: id.role, ...who(id) }, 'action');
        return;
      }
      if (a?.ok !== false) return;
      const code = typeof a.code === 'string' ? a.code : 'OTHER';
      const addr = address(socket);
      const base = { role: id.role, ...who(id), address: addr };
      const warn = (key: string, fields: Record<string, unknown>, msg: string) => {
        const dropped = throttle.take(key);
        if (dropped !== null) log.warn({ ...fields, ...base, ...(dropped ? { suppressed: dropped } : {}) }, msg);
      };
      if (code === 'BAD_CODE') warn(`code ${base.seatId ?? addr}`, { event: 'checkInRefused', refusal: code }, 'wrong personal code at a seat');
      else if (code === 'SEAT_LOCKED') warn(`lock ${base.seatId ?? addr}`, { event: 'seatLocked', retryAfterMs: a.retryAfterMs }, 'seat locked after wrong codes');
      else if (code === 'RATE_LIMITED') warn(`rate ${socket.id}`, { event: 'rateLimited', socketEvent }, 'socket over its message rate');
      else if (FRAME_REFUSALS.has(code)) warn(`frame ${addr} ${code}`, { event: 'frameRefused', refusal: code, socketEvent }, 'message refused');
    },

    pushed(event, text, source) {
      metrics?.pushed(event, text, source);
    },
  };
}

/**
 * HTTP answers worth an operator's eye: refused sign-ins to the record (401) and sign-in
 * limits (429), by path without its query (a members' link carries a code in `?code=`), and
 * errors. Nothing of the request but its method, path and client address is logged.
 */
export function watchHttp(clientAddress: (req: IncomingMessage) => string) {
  const throttle = new LogThrottle();
  const requests = (req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      const status = res.statusCode;
      if (status !== 401 && status !== 429) return;
      const address = clientAddress(req);
      const dropped = throttle.take(`http ${address} ${status}`);
      if (dropped === null) return;
      const event = status === 429 ? 'rateLimited' : 'signInRefused';
      log.warn({ event, via: 'http', method: req.method, path: req.path.slice(0, 100), status, address, ...(dropped ? { suppressed: dropped } : {}) }, 'refused over HTTP');
    });
    next();
  };
  const errors = (err: unknown, req: Request, _res: Response, next: NextFunction) => {
    log.error({ event: 'error', err, method: req.method, path: req.path.slice(0, 100), address: clientAddress(req) }, 'request failed');
    next(err);
  };
  return { requests, errors };
}
