import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SyncAck, ViewMessage } from '../../shared/protocol';
import { lateWarningDue } from '../../shared/engine/selectors';
import type { Actor, EngineEvent } from '../../shared/types';
import { chairView, memberView, ownView, publicView, type OwnView } from '../../shared/views';
import { serverRefusal, type MeetingService } from '../meeting/service';
import { handshake, type Identity, type SalenServer, type SalenSocket as Socket, type SocketData } from './handshake';
import { routeInbound } from './inbound';
import { originCheck } from './origin';
import { SeatTerminals, type SeatIdentity } from './seats';
import { resetAllCodes, resetCode } from './codes';
import { applyPatch, diffViews, type Patch } from '../../shared/delta';
import { JsonText, salenParser, salenParserWith } from './encoder';
import type { TransportOps } from '../ops/watch';
import { FanOut } from './fanout';
import { termEvents } from './term-events';
import { rosterEvents } from './roster-events';
import { Roster } from '../council/roster';
import type { Term } from '../meeting/term';

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

const QUIET_FOR_MEMBERS = new Set(['vote.cast', 'floor.requested', 'presence.changed']);
const TALLY_MS = 100;
const TALLY_MAX_MS = 1000;

export interface TransportOptions {
  graceMs: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Sockets open at once with one seat key (default 3). */
  maxSeatSockets?: number;
  /** The first lock after 5 wrong codes at a seat (default 30 s; doubles each time). */
  codeLockMs?: number;
  /** The first lock after failed handshakes from an address or for an account (default 30 s). */
  handshakeLockMs?: number;
  /** Origins (besides the server's own) whose pages may open a socket (docs/deploy.md). */
  origins?: string[];
  /** The client's address (behind a reverse proxy: the forwarded one, by `trust proxy`). */
  clientAddress?: (req: IncomingMessage) => string;
  /** Messages per socket: `ratePerSecond` (default 20) and a burst of `rateBurst` more per 10 s (default 20). */
  ratePerSecond?: number;
  rateBurst?: number;
  /** Metrics and logs (server/ops/watch.ts): told of handshakes, answers and pushes. */
  ops?: TransportOps;
}

/**
 * socket.io wiring: who a socket is (handshake), which room it joins, messages in (one guarded
 * router) and views out. Views are encoded once per room per push; a seat's own part goes only
 * to it.
 */
/** `term`: the council's meetings, for the secretariat's term events. */
export function attachSockets(http: HttpServer | HttpsServer, service: MeetingService, term: Term, opts: TransportOptions) {
  const io: SalenServer = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    maxHttpBufferSize: 64 * 1024,
    pingInterval: opts.pingIntervalMs ?? 5000,
    pingTimeout: opts.pingTimeoutMs ?? 5000,
    serveClient: false,
    cors: { origin: false },
    parser: opts.ops ? salenParserWith(opts.ops.pushed) : salenParser,
    allowRequest: originCheck(opts.origins ?? []),
  });
  const fanout = new FanOut(io);
  const lastOwn = new Map<string, OwnView>();
  const seats = new SeatTerminals(
    service,
    { graceMs: opts.graceMs, maxSockets: opts.maxSeatSockets ?? 3, codeLockMs: opts.codeLockMs ?? 30_000 },
    {
      resend: (socket) => {
        if (!socket.connected) return;
        sendFull(socket);
      },
      locksChanged: () => fanout.toSockets(roomIds('chair'), 'seatLocks', { locks: seats.locksNow() }),
    },
  );

  const system = (body: unknown) => service.dispatch(body, { role: 'system' });

  const admit = handshake(service, seats, {
    clientAddress: opts.clientAddress ?? ((req) => req.socket.remoteAddress ?? '?'),
    firstLockMs: opts.handshakeLockMs,
  });
  io.use((socket, next) =>
    admit(socket, (err) => {
      opts.ops?.handshake(socket, err);
      next(err);
    }),
  );

  function actorOf(id: Identity): Actor | null {
    if (id.role === 'chair') return { role: 'chair', personId: id.personId };
    if (id.role === 'secretariat') return { role: 'secretariat', id: 'secretariat' };
    if (id.role === 'seat') {
      const personId = seats.memberOf(id);
      return personId ? { role: 'member', personId, seatId: id.seatId } : null;
    }
    return null;
  }

  function roomOf(id: Identity): Room {
    if (id.role === 'chair' || id.role === 'secretariat') return 'chair';
    if (id.role === 'seat' && seats.memberOf(id)) return 'members';
    return 'public';
  }

  /** A seat's own part: its member's ballot, or nothing for a tablet that is not the member. */
  function ownOf(id: SeatIdentity): OwnView {
    if (seats.memberOf(id)) return ownView(service.state, id.seatId);
    return { personId: null, seatId: id.seatId, ballot: null, voteId: null };
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
  const fullMessage = (room: Room, f: Feed) => new JsonText<ViewMessage>(`${head(f.version, room)},"view":${textOf(f)}}`);

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
    if (room === 'chair') fanout.toSocket(socket, 'seatLocks', { locks: seats.locksNow() });
  }

  // A seat's own part goes when its ballot or its person changes. A ballot left behind by a
  // vote that is no longer the active one needs no message: the screen shows a ballot only
  // for the vote it belongs to (so opening and closing a vote send nothing to each seat).
  function sendOwn(socket: Socket, force = false) {
    const own = ownOf(socket.data.id as SeatIdentity);
    const last = lastOwn.get(socket.id);
    lastOwn.set(socket.id, own);
    const unchanged = last?.personId === own.personId && (last.voteId === own.voteId ? last.ballot === own.ballot : !own.ballot);
    if (!force && unchanged) return;
    fanout.toSocket(socket, 'own', { version: service.state.version, ...own });
  }

  /** A delta that changes nothing but the version number tells the gallery only that something happened. */
  const versionOnly = (patch: Patch) => patch.every((op) => op[0].length === 1 && op[0][0] === 'version');

  // After a commit: each room gets the delta from its last push (one encoding per room);
  // a socket that is not at that base (it joined or changed room since) gets the whole view.
  function pushRooms(events: EngineEvent[], reopened: ReadonlySet<string> = new Set()) {
    const version = service.state.version;
    seats.afterCommit(events);
    // Seats whose room changed (check-in, check-out) first join their new room's stream.
    for (const sock of seats.allSockets()) if (!sock.rooms.has(roomOf(sock.data.id as Identity))) sendFull(sock);
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
      // (a closed vote changes only by a member's name vote, § 29, stk. 2, which `reopened`
      // lists: test/unit/engine-property.test.ts).
      const same = (p: readonly string[]) =>
        p.length === 1
          ? STATIC_KEYS.includes(p[0]!) && statics[p[0]!] === prev.statics[p[0]!]
          : p[0] === 'votes' && prev.closedVotes.has(p[1]!) && !reopened.has(p[1]!);
      const ops = diffViews(prev.snapshot, view, same);
      // §§ 2–3: activity in a closed item leaves the public view as it was: no push at all.
      if (room === 'public' && versionOnly(ops)) continue;
      const patch = JSON.stringify(ops);
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
      if (atBase.length) fanout.toSockets(atBase, 'view', new JsonText<ViewMessage>(`${head(version, room)},"base":${prev.version},"patch":${patch}}`));
      if (behind.length) fanout.toSockets(behind, 'view', fullMessage(room, next));
    }
    // Members get the notices worth showing; a notice per ballot would only say who voted when.
    const forMembers = events.filter((e) => !QUIET_FOR_MEMBERS.has(e.type));
    if (forMembers.length) fanout.toSockets(roomIds('members'), 'notice', { version, events: forMembers });
    if (events.length) fanout.toSockets(roomIds('chair'), 'notice', { version, events });
    for (const sock of seats.allSockets()) sendOwn(sock);
  }
  const roomIds = (room: Room) => [...(io.sockets.adapter.rooms.get(room) ?? [])];

  // A storm of ballots in an electronic vote is acknowledged at once but shown as one running
  // tally: pushed TALLY_MS after the last ballot-only commit (at most TALLY_MAX_MS after the
  // first), and only when nothing is pending, so a view never shows an uncommitted action.
  // Anything else — a roll-call turn included — pushes at once. (docs/performance.md, B)
  let tallyTimer: NodeJS.Timeout | null = null;
  let firstTally = 0;
  let heldEvents: EngineEvent[] = [];
  /** Closed votes a name vote (§ 29, stk. 2) changed since the last push. */
  let heldNamed = new Set<string>();
  const flushHeld = () => {
    if (tallyTimer) clearTimeout(tallyTimer);
    tallyTimer = null;
    if (service.pending > 0) {
      tallyTimer = setTimeout(flushHeld, 5);
      return;
    }
    firstTally = 0;
    const events = heldEvents;
    const reopened = heldNamed;
    heldEvents = [];
    heldNamed = new Set();
    pushRooms(events, reopened);
  };

  // After every commit, at once or (a running tally) debounced: views, notices, own parts.
  service.onCommitted((c) => {
    heldEvents.push(...c.events);
    for (const a of c.actions) if (a.type === 'record.nameVote') heldNamed.add(a.voteId);
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

  // Another meeting went live (server/meeting/term.ts): its versions follow the last one's, so
  // every screen takes its whole view as newer; seats' sessions end with the old presence.
  service.onReset(() => {
    if (tallyTimer) clearTimeout(tallyTimer);
    tallyTimer = null;
    firstTally = 0;
    heldEvents = [];
    heldNamed = new Set();
    feeds.clear();
    seats.meetingChanged();
    for (const sock of io.sockets.sockets.values()) sendFull(sock);
  });
  // The secretariat's list of meetings, whenever one changes.
  term.onChange(() => {
    const ids = roomIds('chair').filter((sid) => (io.sockets.sockets.get(sid)?.data.id as Identity | undefined)?.role === 'secretariat');
    if (ids.length) fanout.toSockets(ids, 'meetings', { meetings: term.all() });
  });

  // The council's roster, whenever it changes: to the secretariat only.
  const roster = new Roster(service.db);
  roster.onChange((msg) => {
    const ids = roomIds('chair').filter((sid) => (io.sockets.sockets.get(sid)?.data.id as Identity | undefined)?.role === 'secretariat');
    if (ids.length) fanout.toSockets(ids, 'council', msg);
  });

  const tick = setInterval(() => {
    if (lateWarningDue(service.state, Date.now())) void system({ type: 'clock.tick' });
  }, 10_000);
  tick.unref();

  // Client → server events (docs/protocol.md). Every one passes the guarded router first.
  const inbound = routeInbound(
    {
      action: {
        args: 1,
        // Not async: the dispatch's own promise goes back, so its ack leaves before the push.
        run: (socket, body) => {
          const id = socket.data.id as Identity;
          const actor = actorOf(id);
          if (!actor)
            return id.role === 'seat'
              ? serverRefusal('NOT_CHECKED_IN')
              : serverRefusal('UNAUTHORIZED');
          let nonce: string | undefined;
          if (body && typeof body === 'object' && !Array.isArray(body) && 'nonce' in body) {
            const { nonce: n, ...rest } = body as Record<string, unknown>;
            if (typeof n !== 'string') return serverRefusal('MALFORMED', 'Ugyldig nonce.', 'Malformed nonce.');
            nonce = n;
            body = rest;
          }
          return service.dispatch(body, actor, nonce);
        },
      },
      checkIn: {
        args: 1,
        run: (socket, payload) => {
          if ((socket.data.id as Identity).role !== 'seat')
            return serverRefusal('WRONG_ROLE');
          const code = payload && typeof payload === 'object' ? (payload as { code?: unknown }).code : undefined;
          if (typeof code !== 'string' || code.length === 0 || code.length > 64) return serverRefusal('MALFORMED', 'Ugyldig kode.', 'Malformed code.');
          return seats.checkIn(socket, code);
        },
      },
      'seat.rotateKey': {
        args: 1,
        run: (socket, payload) => {
          if ((socket.data.id as Identity).role !== 'secretariat')
            return serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet kan give en plads en ny nøgle.', 'Only the secretariat can give a seat a new key.', '§ 8');
          return seats.rotateKey(payload && typeof payload === 'object' ? (payload as { seatId?: unknown }).seatId : undefined);
        },
      },
      'seat.rotateAllKeys': {
        args: 0,
        run: (socket) => {
          if ((socket.data.id as Identity).role !== 'secretariat')
            return serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet kan give pladserne nye nøgler.', 'Only the secretariat can give the seats new keys.', '§ 8');
          return seats.rotateAllKeys();
        },
      },
      'person.resetCode': {
        args: 1,
        run: (socket, payload) => {
          if ((socket.data.id as Identity).role !== 'secretariat')
            return serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet kan give et medlem en ny kode.', 'Only the secretariat can give a member a new code.', '§ 8');
          return resetCode(service, payload && typeof payload === 'object' ? (payload as { personId?: unknown }).personId : undefined);
        },
      },
      'person.resetAllCodes': {
        args: 0,
        run: (socket) => {
          if ((socket.data.id as Identity).role !== 'secretariat')
            return serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet kan give medlemmerne nye koder.', 'Only the secretariat can give the members new codes.', '§ 8');
          return resetAllCodes(service);
        },
      },
      sync: {
        args: 0,
        run: (socket) => {
          const id = socket.data.id as Identity;
          const room = roomOf(id);
          if (!socket.rooms.has(room)) sendFull(socket);
          const f = feedOf(room);
          socket.data.viewVersion = f.version;
          const own = id.role === 'seat' ? ownOf(id) : null;
          return new JsonText<SyncAck>(`{"ok":true,${head(f.version, room).slice(1)},"view":${textOf(f)},"own":${JSON.stringify(own)}}`);
        },
      },
      time: { args: 0, run: () => ({ ok: true, serverNow: Date.now() }) },
      ...termEvents(term),
      ...rosterEvents(roster),
    },
    { perSecond: opts.ratePerSecond, burst: opts.rateBurst, answered: opts.ops?.answered },
  );

  io.on('connection', (socket) => {
    const id = socket.data.id as Identity;
    inbound.attach(socket);
    if (id.role === 'seat') seats.connected(socket);
    sendFull(socket);
    socket.on('disconnect', () => {
      lastOwn.delete(socket.id);
      if (id.role === 'seat') seats.disconnected(socket);
    });
  });

  return {
    io,
    seats,
    /**
     * The clean stop's notice (docs/protocol.md, `restarting`): to every socket at once, not
     * behind the queued pushes, so a screen knows the drop that follows is a restart.
     */
    announceRestart: (inMs: number) => {
      io.emit('restarting', { inMs });
    },
    close: async () => {
      clearInterval(tick);
      if (tallyTimer) clearTimeout(tallyTimer);
      fanout.clear();
      seats.close();
      await new Promise<void>((r) => io.close(() => r()));
      seats.close(); // the sockets' disconnects armed grace timers again
    },
  };
}
