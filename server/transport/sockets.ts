import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { lateWarningDue } from '../../shared/engine/selectors';
import type { Actor, EngineEvent } from '../../shared/types';
import { chairView, memberView, ownView, publicView, type OwnView } from '../../shared/views';
import { checkSecret, findBySecret } from '../store/db';
import { serverRefusal, type Ack, type MeetingService } from '../meeting/service';
import { applyPatch, diffViews, type Patch } from '../../shared/delta';
import { JsonText, salenParser } from './encoder';
import { FanOut } from './fanout';

type Role = 'public' | 'seat' | 'chair' | 'secretariat';
type Room = 'public' | 'members' | 'chair';
// The chair's console first: whoever acted sees the result before the gallery does.
const ROOMS: Room[] = ['chair', 'members', 'public'];
/** Parts of a view set up once per meeting and never changed in place (docs/protocol.md). */
const STATIC_KEYS = ['chamber', 'groups', 'persons', 'members', 'config'];
interface Feed {
  version: number;
  /** The live objects behind the static parts of that view: the same object means no change. */
  statics: Record<string, unknown>;
  /** Votes already closed in that view. */
  closedVotes: Set<string>;
  /** The view as JSON, made when a socket first needs the whole of it. */
  text: string | null;
  /** A copy of the view (shares nothing with the live state, which changes in place). */
  snapshot: unknown;
}
interface Identity {
  role: Role;
  seatId?: string;
  personId?: string;
}

const MAX_PAYLOAD_CHARS = 16_000;
const QUIET_FOR_MEMBERS = new Set(['vote.cast', 'floor.requested', 'presence.changed']);
const KNOWN_EVENTS = new Set(['action', 'checkIn', 'sync', 'time']);
const TALLY_MS = 100;
const TALLY_MAX_MS = 1000;
/** Per-socket token bucket: a burst of 40, refilled at 20 messages a second. */
const RATE = { burst: 40, perSecond: 20 };

export interface TransportOptions {
  graceMs: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
}

/**
 * socket.io wiring: who a socket is (handshake auth), which room it joins, actions in and
 * views out. Views are encoded once per role per commit; a seat's own part goes only to it.
 */
export function attachSockets(http: HttpServer, service: MeetingService, opts: TransportOptions) {
  const io = new Server(http, {
    maxHttpBufferSize: 64 * 1024,
    pingInterval: opts.pingIntervalMs ?? 5000,
    pingTimeout: opts.pingTimeoutMs ?? 5000,
    serveClient: false,
    cors: { origin: false },
    parser: salenParser,
  });
  const fanout = new FanOut(io);
  const seatSockets = new Map<string, Set<Socket>>();
  const graceTimers = new Map<string, NodeJS.Timeout>();
  const lastOwn = new Map<string, OwnView>();

  const system = (body: unknown) => service.dispatch(body, { role: 'system' });

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const role = (auth.role ?? 'public') as Role;
    const id: Identity = { role: 'public' };
    if (role === 'seat') {
      const seatId = typeof auth.seatKey === 'string' ? findBySecret(service.db, 'seatKey', auth.seatKey) : null;
      if (!seatId) return next(new Error('unauthorized'));
      Object.assign(id, { role, seatId });
    } else if (role === 'chair') {
      const { personId, password } = auth;
      if (typeof personId !== 'string' || typeof password !== 'string' || !checkSecret(service.db, 'chair', personId, password))
        return next(new Error('unauthorized'));
      Object.assign(id, { role, personId });
    } else if (role === 'secretariat') {
      if (typeof auth.password !== 'string' || !checkSecret(service.db, 'secretariat', 'secretariat', auth.password))
        return next(new Error('unauthorized'));
      id.role = 'secretariat';
    } else if (role !== 'public') return next(new Error('unauthorized'));
    socket.data.id = id;
    next();
  });

  const occupant = (seatId: string) => service.state.presence[seatId]?.personId ?? null;

  function actorOf(id: Identity): Actor | null {
    if (id.role === 'chair') return { role: 'chair', personId: id.personId! };
    if (id.role === 'secretariat') return { role: 'secretariat', id: 'secretariat' };
    if (id.role === 'seat') {
      const personId = occupant(id.seatId!);
      return personId ? { role: 'member', personId, seatId: id.seatId! } : null;
    }
    return null;
  }

  function roomOf(id: Identity): Room {
    if (id.role === 'chair' || id.role === 'secretariat') return 'chair';
    if (id.role === 'seat' && occupant(id.seatId!)) return 'members';
    return 'public';
  }

  function viewFor(room: Room) {
    const s = service.state;
    if (room === 'chair') return chairView(s);
    if (room === 'members') return memberView(s);
    return publicView(s);
  }
  const roleName = { public: 'public', members: 'member', chair: 'chair' } as const;

  // Per room, the view last pushed: its version, its JSON text (what a joining socket gets)
  // and a copy to diff the next one against. A room nobody is in has no feed; the next
  // socket to join starts one. (docs/architecture.md, "How views are pushed")
  const feeds = new Map<Room, Feed>();
  function feedOf(room: Room): Feed {
    let f = feeds.get(room);
    if (!f) {
      const view = viewFor(room);
      const text = JSON.stringify(view);
      f = { version: service.state.version, statics: staticsOf(view), closedVotes: closedVotes(), text, snapshot: JSON.parse(text) };
      feeds.set(room, f);
    }
    return f;
  }
  const head = (version: number, room: Room) => `{"version":${version},"serverNow":${Date.now()},"role":"${roleName[room]}"`;
  const staticsOf = (view: object) => {
    const out: Record<string, unknown> = {};
    for (const k of STATIC_KEYS) if (k in view) out[k] = (view as Record<string, unknown>)[k];
    return out;
  };
  const closedVotes = () => new Set(Object.values(service.state.votes).filter((v) => v.status === 'closed').map((v) => v.id));
  const textOf = (f: Feed) => (f.text ??= JSON.stringify(f.snapshot));
  const fullMessage = (room: Room, f: Feed) => new JsonText(`${head(f.version, room)},"view":${textOf(f)}}`);

  /** A socket joins its room's stream at the view last pushed there; deltas follow from it. */
  function sendFull(socket: Socket) {
    const id = socket.data.id as Identity;
    const room = roomOf(id);
    for (const r of ROOMS) if (r !== room) socket.leave(r);
    socket.join(room);
    const f = feedOf(room);
    socket.data.viewVersion = f.version;
    fanout.toSocket(socket, 'view', fullMessage(room, f));
    if (id.role === 'seat') sendOwn(socket, true);
  }

  // A seat's own part goes when its ballot or its person changes. A ballot left behind by a
  // vote that is no longer the active one needs no message: the screen shows a ballot only
  // for the vote it belongs to (so opening and closing a vote send nothing to each seat).
  function sendOwn(socket: Socket, force = false) {
    const id = socket.data.id as Identity;
    const own = ownView(service.state, id.seatId!);
    const last = lastOwn.get(socket.id);
    lastOwn.set(socket.id, own);
    const unchanged = last?.personId === own.personId && (last.voteId === own.voteId ? last.ballot === own.ballot : !own.ballot);
    if (!force && unchanged) return;
    fanout.toSocket(socket, 'own', { version: service.state.version, ...own });
  }

  // After a commit: each room gets the delta from its last push (one encoding per room);
  // a socket that is not at that base (it joined or changed room since) gets the whole view.
  function pushRooms(events: EngineEvent[]) {
    const version = service.state.version;
    // Seats whose room changed (check-in, check-out) first join their new room's stream.
    for (const sockets of seatSockets.values())
      for (const sock of sockets) if (!sock.rooms.has(roomOf(sock.data.id as Identity))) sendFull(sock);
    const closed = closedVotes();
    for (const room of ROOMS) {
      const members = io.sockets.adapter.rooms.get(room);
      if (!members || members.size === 0) {
        feeds.delete(room);
        continue;
      }
      const prev = feedOf(room);
      if (prev.version === version) continue;
      const view = viewFor(room);
      const statics = staticsOf(view);
      // Known unchanged: set-up parts that are the same objects; votes closed at the last push
      // (a closed vote never changes: test/unit/engine-property.test.ts).
      const same = (p: readonly string[]) =>
        p.length === 1 ? STATIC_KEYS.includes(p[0]!) && statics[p[0]!] === prev.statics[p[0]!] : p[0] === 'votes' && prev.closedVotes.has(p[1]!);
      const patch = JSON.stringify(diffViews(prev.snapshot, view, same));
      // The next copy is the last one patched (parsed anew: no part of it is the live state).
      const next: Feed = { version, statics, closedVotes: closed, text: null, snapshot: applyPatch(prev.snapshot, JSON.parse(patch) as Patch) };
      feeds.set(room, next);
      const atBase: string[] = [];
      const behind: string[] = [];
      for (const sid of members) {
        const sock = io.sockets.sockets.get(sid);
        if (!sock) continue;
        (sock.data.viewVersion === prev.version ? atBase : behind).push(sid);
        sock.data.viewVersion = version;
      }
      if (atBase.length) fanout.toSockets(atBase, 'view', new JsonText(`${head(version, room)},"base":${prev.version},"patch":${patch}}`));
      if (behind.length) fanout.toSockets(behind, 'view', fullMessage(room, next));
    }
    // Members get the notices worth showing; a notice per ballot would only say who voted when.
    const forMembers = events.filter((e) => !QUIET_FOR_MEMBERS.has(e.type));
    if (forMembers.length) fanout.toSockets(roomIds('members'), 'notice', { version, events: forMembers });
    if (events.length) fanout.toSockets(roomIds('chair'), 'notice', { version, events });
    for (const sockets of seatSockets.values()) for (const sock of sockets) sendOwn(sock);
  }
  const roomIds = (room: Room) => [...(io.sockets.adapter.rooms.get(room) ?? [])];

  // A storm of ballots in an electronic vote is acknowledged at once but shown as one running
  // tally: pushed TALLY_MS after the last ballot-only commit (at most TALLY_MAX_MS after the
  // first), and only when nothing is pending, so a view never shows an uncommitted action.
  // Anything else — a roll-call turn included — pushes at once. (docs/performance.md, B)
  let tallyTimer: NodeJS.Timeout | null = null;
  let firstTally = 0;
  let heldEvents: EngineEvent[] = [];
  const flushHeld = () => {
    if (tallyTimer) clearTimeout(tallyTimer);
    tallyTimer = null;
    if (service.pending > 0) {
      tallyTimer = setTimeout(flushHeld, 5);
      return;
    }
    firstTally = 0;
    const events = heldEvents;
    heldEvents = [];
    pushRooms(events);
  };

  // After every commit, at once or (a running tally) debounced: views, notices, own parts.
  service.onCommitted((c) => {
    heldEvents.push(...c.events);
    const active = service.state.activeVote ? service.state.votes[service.state.activeVote] : undefined;
    const tallyOnly = active?.mode === 'electronic' && c.actions.every((a) => a.type === 'vote.cast');
    if (!tallyOnly) flushHeld();
    else {
      const t = Date.now();
      if (!firstTally) firstTally = t;
      if (tallyTimer) clearTimeout(tallyTimer);
      tallyTimer = setTimeout(flushHeld, Math.max(0, Math.min(TALLY_MS, firstTally + TALLY_MAX_MS - t)));
    }
  });

  // § 16: a seat whose terminal is silent longer than the grace period counts as absent.
  function armGrace(seatId: string) {
    clearTimeout(graceTimers.get(seatId));
    graceTimers.set(
      seatId,
      setTimeout(() => {
        graceTimers.delete(seatId);
        if ((seatSockets.get(seatId)?.size ?? 0) > 0) return;
        if (service.state.presence[seatId]?.online) void system({ type: 'seat.offline', seatId });
      }, opts.graceMs),
    );
  }
  // After a restart no terminal is connected yet: each occupied seat gets its grace period.
  for (const seatId of Object.keys(service.state.presence)) armGrace(seatId);

  const tick = setInterval(() => {
    if (lateWarningDue(service.state, Date.now())) void system({ type: 'clock.tick' });
  }, 10_000);
  tick.unref();

  io.on('connection', (socket) => {
    const id = socket.data.id as Identity;
    const bucket = { tokens: RATE.burst, at: Date.now() };
    const limited = (): Ack | null => {
      const now = Date.now();
      bucket.tokens = Math.min(RATE.burst, bucket.tokens + ((now - bucket.at) / 1000) * RATE.perSecond);
      bucket.at = now;
      if (bucket.tokens < 1)
        return serverRefusal('RATE_LIMITED', 'For mange henvendelser; vent et øjeblik.', 'Too many messages; wait a moment.');
      bucket.tokens -= 1;
      return null;
    };
    const reply = (cb: unknown, ack: unknown) => {
      if (typeof cb === 'function') cb(ack);
    };

    if (id.role === 'seat') {
      const set = seatSockets.get(id.seatId!) ?? new Set();
      set.add(socket);
      seatSockets.set(id.seatId!, set);
      clearTimeout(graceTimers.get(id.seatId!));
      graceTimers.delete(id.seatId!);
      const occ = service.state.presence[id.seatId!];
      if (occ && !occ.online) void system({ type: 'seat.online', seatId: id.seatId });
    }
    sendFull(socket);

    socket.on('action', async (body: unknown, cb?: unknown) => {
      if (typeof cb !== 'function' && typeof body === 'function') return;
      const lim = limited();
      if (lim) return reply(cb, lim);
      if (JSON.stringify(body ?? null).length > MAX_PAYLOAD_CHARS)
        return reply(cb, serverRefusal('TOO_LARGE', 'Handlingen er for stor.', 'The action is too large.'));
      const actor = actorOf(id);
      if (!actor)
        return reply(
          cb,
          id.role === 'seat'
            ? serverRefusal('NOT_CHECKED_IN', 'Ingen er meldt ind på denne plads.', 'Nobody is checked in at this seat.', '§ 16')
            : serverRefusal('UNAUTHORIZED', 'Offentligheden kan ikke handle.', 'The public cannot act.', '§ 1'),
        );
      let nonce: string | undefined;
      if (body && typeof body === 'object' && 'nonce' in body) {
        const { nonce: n, ...rest } = body as Record<string, unknown>;
        nonce = n as string;
        body = rest;
      }
      reply(cb, await service.dispatch(body, actor, nonce));
    });

    socket.on('checkIn', async (payload: unknown, cb?: unknown) => {
      const lim = limited();
      if (lim) return reply(cb, lim);
      if (id.role !== 'seat')
        return reply(cb, serverRefusal('WRONG_ROLE', 'Kun en pladsterminal kan melde ind.', 'Only a seat terminal checks in.', '§ 17'));
      const code = (payload as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || code.length > 64)
        return reply(cb, serverRefusal('MALFORMED', 'Ugyldig kode.', 'Malformed code.'));
      const personId = findBySecret(service.db, 'code', code);
      if (!personId) return reply(cb, serverRefusal('BAD_CODE', 'Forkert personlig kode.', 'Wrong personal code.', '§ 16'));
      reply(cb, await service.dispatch({ type: 'presence.checkIn' }, { role: 'member', personId, seatId: id.seatId! }));
    });

    socket.on('sync', (cb?: unknown) => {
      const lim = limited();
      if (lim) return reply(cb, lim);
      const room = roomOf(id);
      if (!socket.rooms.has(room)) sendFull(socket);
      const f = feedOf(room);
      socket.data.viewVersion = f.version;
      const own = id.role === 'seat' ? ownView(service.state, id.seatId!) : null;
      reply(cb, new JsonText(`{"ok":true,${head(f.version, room).slice(1)},"view":${textOf(f)},"own":${JSON.stringify(own)}}`));
    });

    socket.on('time', (cb?: unknown) => reply(cb, limited() ?? { ok: true, serverNow: Date.now() }));

    // An event we do not know still gets an answer, so a client waiting on it does not hang.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      reply(args.at(-1), serverRefusal('UNKNOWN_EVENT', `Ukendt hændelse: ${event.slice(0, 40)}`, `Unknown event: ${event.slice(0, 40)}`));
    });

    socket.on('disconnect', () => {
      lastOwn.delete(socket.id);
      if (id.role !== 'seat') return;
      const set = seatSockets.get(id.seatId!);
      set?.delete(socket);
      if (!set || set.size === 0) {
        seatSockets.delete(id.seatId!);
        if (occupant(id.seatId!)) armGrace(id.seatId!);
      }
    });
  });

  return {
    io,
    close: async () => {
      clearInterval(tick);
      if (tallyTimer) clearTimeout(tallyTimer);
      fanout.clear();
      for (const t of graceTimers.values()) clearTimeout(t);
      graceTimers.clear();
      await new Promise<void>((r) => io.close(() => r()));
    },
  };
}
