import { createHash } from 'node:crypto';
import { connectLean, connectMany, lean, sleep, stateOf, type Ack, type Lean } from './client';
import { canonical, chairAuth, checkInMembers, demo, memberAuth, memberIds, seatAuth, seatOfPerson, ServerProcess, tempDir } from './env';

/**
 * Bad-input storm. Many sockets send malformed, oversized, unauthorized, replayed and
 * out-of-turn messages, each paced under the per-socket rate limit, so the specific refusal
 * is what they get; a few sockets flood (RATE_LIMITED), a few send one frame over the 64 KiB
 * transport limit (socket.io drops the connection), a few try a handshake with a wrong key.
 *
 * Phase A: nobody honest acts: afterwards the version and a hash of the chair's full view are
 * unchanged. Phase B: the storm goes on while the chair and honest seats hold votes; every
 * honest action is accepted, every event written meanwhile is an honest one, and every honest
 * client shows the final version.
 */
export interface BadInputOptions {
  messages: number;
  sockets: number;
  floods?: number;
  floodSize?: number;
  oversized?: number;
  badHandshakes?: number;
  log?: (line: string) => void;
}

export interface BadInputSummary {
  sent: number;
  answered: number;
  refused: number;
  specific: number;
  rateLimited: number;
  otherRefusals: Record<string, number>;
  accepted: number;
  unanswered: number;
  oversizedSent: number;
  oversizedDropped: number;
  unknownEventSent: number;
  unknownEventAnswered: number;
  handshakesRefused: number;
  badHandshakes: number;
  floodSent: number;
  floodRefused: number;
  floodRateLimited: number;
  serverUp: boolean;
  phaseAUnchanged: boolean;
  honestActions: number;
  honestAccepted: number;
  honestEventsOnly: boolean;
  honestClientsCurrent: boolean;
  byCategory: Record<string, { sent: number; specific: number; rateLimited: number; other: number; none: number }>;
  durationMs: number;
}

type Msg = { cat: string; event: string; payload: unknown; expect: string };

const X = (n: number) => 'x'.repeat(n);

export async function badInputStorm(opts: BadInputOptions): Promise<BadInputSummary> {
  const log = opts.log ?? (() => undefined);
  const tmp = tempDir('badinput');
  const server = await ServerProcess.create(tmp.db);
  const all: Lean[] = [];
  const t0 = Date.now();
  try {
    await server.start();
    const url = server.url;
    const chairId = demo.setup.chairLine[0]!;
    const vice = demo.setup.chairLine[1]!;
    const chair = await connectLean(url, chairAuth(), { keepView: true });
    all.push(chair);
    const honestIds = memberIds.filter((p) => !demo.setup.chairLine.includes(p)).slice(0, 20);
    const absentIds = memberIds.filter((p) => !demo.setup.chairLine.includes(p)).slice(40);
    const honest = await checkInMembers(url, honestIds, memberIds.filter((p) => !absentIds.includes(p)));
    all.push(...honest);
    let honestNonce = 0;
    const hn = () => `honest-${++honestNonce}`;
    const acceptedNonces: string[] = [];
    const chairAct = async (body: Record<string, unknown>) => {
      const nonce = hn();
      const a: Ack | null = await chair.act({ ...body, nonce });
      if (!a?.ok) throw new Error(`${String(body.type)} refused: ${a?.code ?? 'no answer'}`);
      acceptedNonces.push(nonce);
      return a;
    };
    await chairAct({ type: 'meeting.open' });
    await chairAct({ type: 'item.start', itemId: 'i2' });
    // Phase A's state: a roll call is running, so a cast out of turn is refused.
    await chairAct({ type: 'vote.open', point: 'Navneopråb', subject: { kind: 'proposal' }, mode: 'rollCall' });
    const rollCall = (c: Lean) => {
      const s = stateOf(c);
      return s?.activeVote ? (s.votes[s.activeVote]?.rollCall ?? null) : null;
    };
    await chair.until((c) => !!rollCall(c), 10_000);
    const rc = rollCall(chair);
    if (!rc) throw new Error('the roll call did not start');
    const turn = rc.order[rc.index];
    const attackSeats = honestIds.filter((p) => p !== turn);

    // The attackers.
    const kinds = ['public', 'emptySeat', 'memberSeat', 'memberSeat', 'vice', 'secretariat'] as const;
    // A seat key opens at most 3 sockets (the member's tablet is one): past that, an attacker
    // is a gallery visitor instead. Members misbehaving use their own tablet's session.
    const perSeat = new Map<string, number>();
    const seatBudget = (personId: string, honestHere: number) => {
      const n = perSeat.get(personId) ?? honestHere;
      if (n >= 3) return false;
      perSeat.set(personId, n + 1);
      return true;
    };
    const attackers = await connectMany(
      opts.sockets,
      (i) => {
        let kind: (typeof kinds)[number] = kinds[i % kinds.length]!;
        const target = kind === 'emptySeat' ? absentIds[i % absentIds.length]! : attackSeats[i % attackSeats.length]!;
        if ((kind === 'emptySeat' || kind === 'memberSeat') && !seatBudget(target, kind === 'memberSeat' ? 1 : 0)) kind = 'public';
        const auth =
          kind === 'public'
            ? { role: 'public' }
            : kind === 'emptySeat'
              ? seatAuth(target)
              : kind === 'memberSeat'
                ? memberAuth(target)
                : kind === 'vice'
                  ? chairAuth(vice)
                  : { role: 'secretariat', password: demo.secretariatPassword };
        return connectLean(url, auth).then((c) => Object.assign(c, { kind }));
      },
      50,
    );
    all.push(...attackers);

    const present = honestIds[0]!;
    const messagesFor = (kind: string, phase: 'A' | 'B'): Msg[] => {
      const replayNonce = acceptedNonces[0]!;
      switch (kind) {
        case 'public':
          return [
            { cat: 'unauthorized', event: 'action', payload: { type: 'meeting.close' }, expect: 'UNAUTHORIZED' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.cast', choice: 'for' }, expect: 'UNAUTHORIZED' },
            { cat: 'malformed', event: 'action', payload: 42, expect: 'UNAUTHORIZED' },
            { cat: 'unauthorized', event: 'checkIn', payload: { code: demo.codes[present] }, expect: 'WRONG_ROLE' },
            { cat: 'tooLarge', event: 'action', payload: { type: 'amendment.submit', text: X(20_000) }, expect: 'TOO_LARGE' },
          ];
        case 'emptySeat':
          return [
            { cat: 'unauthorized', event: 'action', payload: { type: 'floor.request' }, expect: 'NOT_CHECKED_IN' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.cast', choice: 'against' }, expect: 'NOT_CHECKED_IN' },
            { cat: 'unauthorized', event: 'checkIn', payload: { code: '0000000' }, expect: 'BAD_CODE' },
            { cat: 'malformed', event: 'checkIn', payload: { code: 42 }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'checkIn', payload: null, expect: 'MALFORMED' },
            // Another member's real code answers as a wrong one does (no oracle).
            { cat: 'outOfTurn', event: 'checkIn', payload: { code: demo.codes[present] }, expect: 'BAD_CODE' },
          ];
        case 'memberSeat':
          return [
            { cat: 'malformed', event: 'action', payload: null, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: 'vote.cast', expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'no.such' }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'vote.cast', choice: 'maybe' }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'vote.cast', choice: 'for', extra: 1 }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'floor.move', personId: 'm1', toIndex: -1, reason: 'x' }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'vote.cast', choice: 'for', nonce: 7 }, expect: 'MALFORMED' },
            { cat: 'malformed', event: 'action', payload: { type: 'vote.cast', choice: 'for', nonce: X(65) }, expect: 'MALFORMED' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.close' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'seat.offline', seatId: seatOfPerson(present) }, expect: 'NOT_SYSTEM' },
            { cat: 'replayed', event: 'action', payload: { type: 'vote.cast', choice: 'for', nonce: replayNonce }, expect: 'REPLAYED' },
            { cat: 'replayed', event: 'action', payload: { type: 'floor.request', nonce: acceptedNonces[acceptedNonces.length - 1] }, expect: 'REPLAYED' },
            { cat: 'tooLarge', event: 'action', payload: { type: 'amendment.submit', text: X(30_000) }, expect: 'TOO_LARGE' },
            ...(phase === 'A'
              ? [{ cat: 'outOfTurn', event: 'action', payload: { type: 'vote.cast', choice: 'for' }, expect: 'NOT_YOUR_TURN' }]
              : []),
          ];
        case 'vice':
          return [
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.close' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'meeting.close' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'floor.give' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'checkIn', payload: { code: demo.codes[vice] }, expect: 'WRONG_ROLE' },
          ];
        default:
          return [
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.close' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'item.finish' }, expect: 'NOT_ACTING_CHAIR' },
            { cat: 'unauthorized', event: 'action', payload: { type: 'vote.cast', choice: 'for' }, expect: 'WRONG_ROLE' },
          ];
      }
    };

    const out: BadInputSummary = {
      sent: 0,
      answered: 0,
      refused: 0,
      specific: 0,
      rateLimited: 0,
      otherRefusals: {},
      accepted: 0,
      unanswered: 0,
      oversizedSent: 0,
      oversizedDropped: 0,
      unknownEventSent: 0,
      unknownEventAnswered: 0,
      handshakesRefused: 0,
      badHandshakes: 0,
      floodSent: 0,
      floodRefused: 0,
      floodRateLimited: 0,
      serverUp: false,
      phaseAUnchanged: false,
      honestActions: 0,
      honestAccepted: 0,
      honestEventsOnly: false,
      honestClientsCurrent: false,
      byCategory: {},
      durationMs: 0,
    };
    const tally = (m: Msg, ack: Ack | null) => {
      const c = (out.byCategory[m.cat] ??= { sent: 0, specific: 0, rateLimited: 0, other: 0, none: 0 });
      c.sent++;
      out.sent++;
      if (!ack) {
        c.none++;
        out.unanswered++;
        return;
      }
      out.answered++;
      if (ack.ok) {
        out.accepted++;
        c.other++;
        return;
      }
      out.refused++;
      // After five wrong codes a seat is locked (issue #11): the lock is the specific answer then.
      if (ack.code === m.expect || (m.expect === 'BAD_CODE' && ack.code === 'SEAT_LOCKED')) {
        out.specific++;
        c.specific++;
      } else if (ack.code === 'RATE_LIMITED') {
        out.rateLimited++;
        c.rateLimited++;
      } else {
        c.other++;
        const k = `${m.cat}:${ack.code}`;
        out.otherRefusals[k] = (out.otherRefusals[k] ?? 0) + 1;
      }
    };

    /** Each attacker: a burst under the limit, then ~14 messages a second. */
    const storm = async (phase: 'A' | 'B', total: number) => {
      const per = Math.ceil(total / attackers.length);
      let budget = total;
      await Promise.all(
        attackers.map(async (c, j) => {
          const list = messagesFor((c as Lean & { kind: string }).kind, phase);
          const pending: Promise<void>[] = [];
          for (let i = 0; i < per && budget > 0; i++) {
            budget--;
            const m = list[(i + j) % list.length]!;
            pending.push(c.emit(m.event, m.payload, 60_000).then((ack) => tally(m, ack)));
            // The limit is 20 a second plus 20 once in 10 s: 30 at once, then one every 70 ms (14/s);
            // every fifth socket goes a little too fast (one every 35 ms) and meets the limit.
            if (i >= 30) await sleep(j % 5 === 0 ? 35 : 70);
          }
          await Promise.all(pending);
        }),
      );
    };

    /** Sockets that break the rules of the transport itself. */
    const extras = async () => {
      // Over the 64 KiB frame limit: socket.io closes the connection.
      const big = await connectMany(opts.oversized ?? 5, () => connectLean(url, { role: 'public' }), 10);
      all.push(...big);
      await Promise.all(
        big.map(async (c) => {
          out.oversizedSent++;
          const ack = await c.emit('action', { type: 'amendment.submit', text: X(70 * 1024) }, 30_000);
          if (!ack && !c.socket.connected) out.oversizedDropped++;
        }),
      );
      // Floods from single sockets: past the burst, RATE_LIMITED.
      const floods = await connectMany(opts.floods ?? 3, () => connectLean(url, { role: 'public' }), 10);
      all.push(...floods);
      await Promise.all(
        floods.map(async (c) => {
          const acks = await Promise.all(
            Array.from({ length: opts.floodSize ?? 200 }, () => c.emit('action', { type: 'no.such' }, 60_000)),
          );
          for (const a of acks) {
            out.floodSent++;
            if (a && !a.ok) out.floodRefused++;
            if (a && !a.ok && a.code === 'RATE_LIMITED') out.floodRateLimited++;
          }
        }),
      );
      // Unknown events (no handler on the server: socket.io never calls their ack).
      const some = attackers.slice(0, 10);
      await Promise.all(
        some.map(async (c) => {
          out.unknownEventSent++;
          if (await c.emit('hack', { type: 'meeting.close' }, 2000)) out.unknownEventAnswered++;
        }),
      );
      // Handshakes with wrong credentials.
      for (let i = 0; i < (opts.badHandshakes ?? 5); i++) {
        out.badHandshakes++;
        const auth = [{ role: 'seat', seatKey: 'nope' }, { role: 'chair', personId: chairId, password: 'wrong' }, { role: 'secretariat', password: '' }, { role: 'root' }][i % 4]!;
        await connectLean(url, auth, {}, 10_000).then(
          (c) => c.close(),
          () => out.handshakesRefused++,
        );
      }
    };

    // Phase A: only bad input; the state must not move.
    /** The version the chair's room is at; a refused or unanswered sync ends the run. */
    const syncedVersion = async () => {
      const a = await chair.emit('sync');
      if (!a?.ok) throw new Error(`sync: ${a?.code ?? 'no answer'}`);
      return a.version;
    };
    const before = await chair.emit('sync');
    const hashOf = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');
    const nA = Math.round(opts.messages * 0.6);
    log(`phase A: ${nA} bad messages from ${attackers.length} sockets, nobody honest acting (version ${before?.ok ? before.version : '?'})`);
    await Promise.all([storm('A', nA), extras()]);
    const after = await chair.emit('sync');
    out.phaseAUnchanged = !!before?.ok && !!after?.ok && before.version === after.version && hashOf(before.view) === hashOf(after.view);

    // Phase B: bad input goes on while honest clients hold votes.
    await chairAct({ type: 'vote.close' });
    const vB = await syncedVersion();
    const nB = opts.messages - nA;
    log(`phase B: ${nB} bad messages while the chair and ${honest.length} seats hold votes (from version ${vB})`);
    let stormDone = false;
    let honestActions = 0;
    let honestAccepted = 0;
    const honestWork = (async () => {
      for (let round = 0; round < 50 && (round < 2 || !stormDone); round++) {
        await chairAct({ type: 'vote.open', point: `Ærlig runde ${round + 1}`, subject: { kind: 'proposal' } });
        honestActions++;
        honestAccepted++;
        const acks = await Promise.all(honest.map((c, i) => c.act({ type: 'vote.cast', choice: ['for', 'against', 'abstain'][(i + round) % 3], nonce: hn() })));
        honestActions += acks.length;
        honestAccepted += acks.filter((a) => a?.ok).length;
        await chairAct({ type: 'vote.close' });
        honestActions++;
        honestAccepted++;
      }
    })();
    await storm('B', nB);
    stormDone = true;
    await honestWork;
    out.honestActions = honestActions + 1;
    out.honestAccepted = honestAccepted + 1;
    const final = await syncedVersion();
    const { readLog } = await import('./env');
    const rows = readLog(tmp.db).rows.filter((r) => r.version > vB);
    out.honestEventsOnly = rows.length === honestActions && rows.every((r) => r.nonce?.startsWith('honest-'));
    const current = await Promise.all([chair, ...honest].map((c) => c.until((x) => x.version >= final, 30_000)));
    out.honestClientsCurrent = current.every(Boolean);
    out.serverUp = server.alive() && (await server.healthy());
    out.durationMs = Date.now() - t0;
    return out;
  } finally {
    for (const c of all) c.close();
    await server.kill9();
    tmp.remove();
  }
}

void lean;
