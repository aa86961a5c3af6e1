import { connectLean, sleep, stateOf, type Ack, type Lean } from './client';
import { brokenLink, canonical, chairAuth, checkInMembers, demo, memberIds, readLog, replayLog, seatClient, ServerProcess, tempDir } from './env';
// A small seeded generator, so a failing run can be repeated (`--seed`).
import { mulberry32 as rng } from '../../test/support/rng';
import { chairView } from '../../shared/views';

/**
 * Crash trials: a vote storm (seats casting and changing their vote, members asking for the
 * floor and withdrawing, one checking out and in, the chair closing and opening votes), the
 * server killed with SIGKILL at a random moment, restarted on the same database. After each
 * kill: every acknowledged action is in the log at its version with the same actor and
 * content; the hash chain is intact; no client saw a version the log does not have; after the
 * restart the server's state equals an independent replay of the log (pure engine), and the
 * ballots table agrees with the state.
 */
export interface CrashOptions {
  trials: number;
  seats?: number;
  /** The kill falls uniformly in this window after the storm starts (ms). */
  killWindowMs?: [number, number];
  seed?: number;
  log?: (line: string) => void;
}

export interface CrashSummary {
  trials: number;
  actions: number;
  acked: number;
  lost: number;
  refused: number;
  refusedByCode: Record<string, number>;
  inFlightAtKill: number;
  crashes: number;
  replayMismatches: number;
  chainBreaks: number;
  ballotMismatches: number;
  seenBeyondLog: number;
  finalVersion: number;
  restartMs: number[];
  failures: string[];
  seed: number;
}

interface Acked {
  version: number;
  type: string;
  personId: string | null;
  choice?: string;
  nonce?: string;
}


export async function crashTrials(opts: CrashOptions): Promise<CrashSummary> {
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rand = rng(seed);
  const [k0, k1] = opts.killWindowMs ?? [30, 1500];
  const log = opts.log ?? (() => undefined);
  const tmp = tempDir('crash');
  const server = await ServerProcess.create(tmp.db);
  const voters = memberIds.slice(3, 3 + (opts.seats ?? 30));
  const chairId = demo.setup.chairLine[0]!;
  const out: CrashSummary = {
    trials: 0,
    actions: 0,
    acked: 0,
    lost: 0,
    refused: 0,
    refusedByCode: {},
    inFlightAtKill: 0,
    crashes: 0,
    replayMismatches: 0,
    chainBreaks: 0,
    ballotMismatches: 0,
    seenBeyondLog: 0,
    finalVersion: 0,
    restartMs: [],
    failures: [],
    seed,
  };
  const clients: Lean[] = [];
  const closeAll = () => {
    for (const c of clients.splice(0)) c.close();
  };
  try {
    await server.start();
    let nonce = 0;
    const n = (t: number) => `crash-${seed}-${t}-${++nonce}`;
    for (let t = 0; t < opts.trials; t++) {
      const chair = await connectLean(server.url, chairAuth(), { keepView: true });
      clients.push(chair);
      const seats = await Promise.all(voters.map((p) => seatClient(server.url, p)));
      clients.push(...seats);
      const acked: Acked[] = [];
      let inFlight = 0;
      const send = async (c: Lean, body: Record<string, unknown>, personId: string | null, event = 'action') => {
        out.actions++;
        inFlight++;
        const nonceValue = event === 'action' ? n(t) : undefined;
        const ack: Ack | null = await c.emit(event, nonceValue ? { ...body, nonce: nonceValue } : body, 20_000);
        inFlight--;
        if (!ack) return null;
        if (ack.ok) acked.push({ version: ack.version!, type: (body.type as string) ?? 'presence.checkIn', personId, choice: body.choice as string | undefined, nonce: nonceValue });
        else {
          out.refused++;
          out.refusedByCode[ack.code!] = (out.refusedByCode[ack.code!] ?? 0) + 1;
        }
        return ack;
      };
      if (t === 0) {
        // Everyone else checks in too (quorum), then leaves the terminal: with the long grace
        // period the seat stays present across the restarts.
        await checkInMembers(server.url, [], memberIds.filter((p) => !voters.includes(p)));
        for (const body of [{ type: 'meeting.open' }, { type: 'item.start', itemId: 'i2' }]) {
          const a = await send(chair, body, chairId);
          if (!a?.ok) throw new Error(`${body.type} refused: ${a?.code}`);
        }
        await chair.until((c) => stateOf(c)?.currentItem === 'i2', 10_000);
      }
      if (!stateOf(chair)?.activeVote) {
        const a = await send(chair, { type: 'vote.open', point: `Prøve ${t + 1}`, subject: { kind: 'proposal' } }, chairId);
        if (!a?.ok) throw new Error(`vote.open refused: ${a?.code}`);
      }

      // The storm, until the kill.
      let stop = false;
      const choices = ['for', 'against', 'abstain'];
      const loops: Promise<void>[] = [];
      seats.forEach((c, i) => {
        const me = voters[i]!;
        loops.push(
          (async () => {
            for (let k = 0; !stop && k < 1000; k++) {
              if (i === 0) {
                // One member leaves and comes back: check-out deletes the ballot beside the log.
                await send(c, k % 2 === 0 ? { type: 'presence.checkOut' } : { code: demo.codes[me] }, me, k % 2 === 0 ? 'action' : 'checkIn');
              } else if (i <= 2) await send(c, { type: k % 2 === 0 ? 'floor.request' : 'floor.withdraw' }, me);
              else await send(c, { type: 'vote.cast', choice: choices[Math.floor(rand() * 3)] }, me);
              await sleep(40 + rand() * 50);
            }
          })(),
        );
      });
      loops.push(
        (async () => {
          for (let k = 0; !stop && k < 1000; k++) {
            await sleep(150 + rand() * 200);
            if (stop) break;
            await send(chair, { type: 'vote.close' }, chairId);
            await send(chair, { type: 'vote.open', point: `Prøve ${t + 1}.${k + 1}`, subject: { kind: 'proposal' } }, chairId);
          }
        })(),
      );
      await sleep(k0 + rand() * (k1 - k0));
      await server.kill9();
      const inFlightAtKill = inFlight;
      out.crashes++;
      out.inFlightAtKill += inFlightAtKill;
      stop = true;
      await Promise.all(loops);
      const seen = Math.max(...clients.map((c) => c.version));
      closeAll();

      // On disk: every acknowledged action, unbroken chain, nothing shown that is not stored.
      const { rows, ballots } = readLog(tmp.db);
      const byVersion = new Map(rows.map((r) => [r.version, r]));
      let lost = 0;
      for (const a of acked) {
        const r = byVersion.get(a.version);
        const actor = r?.action.actor as { personId?: string } | undefined;
        const same =
          r &&
          r.type === a.type &&
          (actor?.personId ?? null) === a.personId &&
          (a.choice === undefined || (r.action as { choice?: string }).choice === a.choice) &&
          (a.nonce === undefined || r.nonce === a.nonce);
        if (!same) lost++;
      }
      out.acked += acked.length;
      out.lost += lost;
      const maxLogged = rows.length ? rows[rows.length - 1]!.version : 0;
      if (seen > maxLogged) out.seenBeyondLog++;
      const broken = brokenLink(rows);
      if (broken !== null) out.chainBreaks++;

      // Restart: the live state is a replay of the log; the ballots table agrees with it.
      const t0 = Date.now();
      await server.start();
      out.restartMs.push(Date.now() - t0);
      const check = await connectLean(server.url, chairAuth(), { keepView: true });
      const replayed = replayLog(tmp.db, rows);
      // The console's view is the chair's projection of the state (an open vote's choices withheld).
      const same = check.version === maxLogged && canonical(check.view) === canonical(chairView(replayed));
      if (!same) out.replayMismatches++;
      const table = new Map(ballots.map((b) => [`${b.vote_id}/${b.person_id}`, b.choice]));
      const inState = new Map(
        Object.values(replayed.votes).flatMap((v) => Object.entries(v.ballots).map(([p, c]) => [`${v.id}/${p}`, c] as const)),
      );
      const ballotsAgree = table.size === inState.size && [...inState].every(([k, c]) => table.get(k) === c);
      if (!ballotsAgree) out.ballotMismatches++;
      check.close();
      out.trials++;
      out.finalVersion = maxLogged;
      const bad = lost || broken !== null || !same || !ballotsAgree || seen > maxLogged;
      if (bad)
        out.failures.push(
          `trial ${t + 1}: lost ${lost}, chain ${broken ?? 'ok'}, replay ${same ? 'equal' : `differs (server v${check.version}, log v${maxLogged})`}, ballots ${ballotsAgree ? 'agree' : 'differ'}, seen v${seen} / logged v${maxLogged}`,
        );
      log(
        `trial ${String(t + 1).padStart(3)}: ${acked.length} acked, ${lost} lost, ${inFlightAtKill} in flight at the kill, log v${maxLogged}, restart ${out.restartMs.at(-1)} ms${bad ? '  FAILED' : ''}`,
      );
    }
  } finally {
    closeAll();
    await server.kill9();
    if (out.failures.length === 0) tmp.remove();
    else out.failures.push(`database kept: ${tmp.db}`);
  }
  return out;
}
