/**
 * Salen resilience suite: crash trials, a reconnect storm, a bad-input storm and the
 * authorization matrix, against the real server (its own process; the matrix in-process).
 *
 *   npm run -s resilience -- [--trials N] [--clients N] [--messages N] [--seed S] [--only crash,reconnect,input,authz] [--json]
 *
 * Defaults: 100 crash trials, 1,000 clients in the reconnect storm (SIGKILL and SIGTERM),
 * 100,000 bad messages from 500 sockets. The short version runs in the test suite
 * (test/server/resilience.test.ts). Exit code 1 when anything acknowledged was lost, a state
 * differed from its replay, bad input was accepted or left unanswered, a client did not come
 * back, or an authorization pair came out wrong.
 */
import { authMatrix, matrixText } from './resilience/authz';
import { badInputStorm } from './resilience/bad-input';
import { crashTrials } from './resilience/crash';
import { reconnectStorm } from './resilience/reconnect';
import { wireFuzz } from './resilience/wire-fuzz';
import { arg } from './cli-args';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const run = (part: string) => !only || only.has(part);
const JSON_OUT = process.argv.includes('--json');
const log = (line: string) => (JSON_OUT ? console.error(line) : console.log(line));

async function main(): Promise<number> {
  const summary: Record<string, unknown> = {};
  const problems: string[] = [];
  const t0 = Date.now();

  if (run('crash')) {
    log('== crash trials: kill -9 during vote storms ==');
    const seedArg = process.argv.indexOf('--seed');
    const c = await crashTrials({
      trials: arg('trials', 100),
      seats: 40,
      killWindowMs: [20, 1500],
      seed: seedArg >= 0 ? Number(process.argv[seedArg + 1]) : undefined,
      log,
    });
    summary.crash = c;
    const r = [...c.restartMs].sort((a, b) => a - b);
    log(
      `trials ${c.trials} (seed ${c.seed}), crashes ${c.crashes}; actions ${c.actions}: acknowledged ${c.acked}, lost ${c.lost}, ` +
        `refused ${c.refused} ${JSON.stringify(c.refusedByCode)}, in flight at the kill ${c.inFlightAtKill}; ` +
        `replay ≠ state ${c.replayMismatches}, chain breaks ${c.chainBreaks}, ballots ≠ state ${c.ballotMismatches}, ` +
        `views ahead of the log ${c.seenBeyondLog}; log at version ${c.finalVersion}; restart median ${r[Math.floor(r.length / 2)]} ms, max ${r.at(-1)} ms`,
    );
    if (c.lost || c.replayMismatches || c.chainBreaks || c.ballotMismatches || c.seenBeyondLog || c.trials !== c.crashes)
      problems.push(`crash trials: ${c.failures.join('; ')}`);
  }

  if (run('reconnect')) {
    for (const how of ['kill', 'term'] as const) {
      log(`== reconnect storm: restart (${how === 'kill' ? 'SIGKILL' : 'SIGTERM'}) under ${arg('clients', 1000)} clients ==`);
      const r = await reconnectStorm({ clients: arg('clients', 1000), seats: 40, how, log });
      summary[`reconnect_${how}`] = r;
      log(
        `${r.returned}/${r.clients} back at version ${r.versionAfterRestart} (was ${r.versionBefore}); server down ${r.downMs} ms; ` +
          `back after p50 ${r.backP50Ms} ms, p99 ${r.backP99Ms} ms, all ${r.allBackMs} ms; next change on all ${r.liveAgainReached}/${r.clients} in ${r.liveAgainMs} ms`,
      );
      if (r.stuck || r.liveAgainReached !== r.clients || r.versionAfterRestart !== r.versionBefore)
        problems.push(`reconnect (${how}): ${r.stuck} stuck, ${r.clients - r.liveAgainReached} missed the next change`);
    }
  }

  if (run('input')) {
    const messages = arg('messages', 100_000);
    log(`== bad-input storm: ${messages} messages ==`);
    const b = await badInputStorm({ messages, sockets: 500, floods: 10, floodSize: 500, oversized: 20, badHandshakes: 20, log });
    summary.badInput = b;
    log(
      `sent ${b.sent}: refused ${b.refused} (specific ${b.specific} = ${((100 * b.specific) / b.sent).toFixed(1)} %, rate-limited ${b.rateLimited}, other ${JSON.stringify(b.otherRefusals)}), ` +
        `accepted ${b.accepted}, unanswered ${b.unanswered}`,
    );
    for (const [cat, c] of Object.entries(b.byCategory))
      log(`  ${cat.padEnd(13)} sent ${String(c.sent).padStart(6)}  specific ${String(c.specific).padStart(6)}  rate-limited ${String(c.rateLimited).padStart(5)}  other ${c.other}  unanswered ${c.none}`);
    log(
      `floods: ${b.floodSent} sent, ${b.floodRefused} refused (${b.floodRateLimited} RATE_LIMITED); oversized (> 64 KiB): ${b.oversizedSent} sent, ${b.oversizedDropped} connections dropped; ` +
        `bad handshakes ${b.handshakesRefused}/${b.badHandshakes} refused; unknown events ${b.unknownEventSent} sent, ${b.unknownEventAnswered} answered`,
    );
    log(
      `server up: ${b.serverUp}; state unchanged (phase A): ${b.phaseAUnchanged}; honest actions ${b.honestAccepted}/${b.honestActions} accepted, ` +
        `log holds only them: ${b.honestEventsOnly}, honest clients current: ${b.honestClientsCurrent}; ${(b.durationMs / 1000).toFixed(1)} s`,
    );
    if (b.accepted || b.unanswered || !b.serverUp || !b.phaseAUnchanged || b.honestAccepted !== b.honestActions || !b.honestEventsOnly || !b.honestClientsCurrent)
      problems.push('bad-input storm: see above');
    if (Object.keys(b.otherRefusals).length || b.specific < b.sent / 2) problems.push('bad-input storm: refusals not specific');
  }

  if (run('fuzz')) {
    const rounds = arg('fuzz-rounds', 20);
    log(`== raw-frame fuzz: ${rounds} rounds as public, seat before/after check-in, chair ==`);
    const f = await wireFuzz({ rounds, seed: arg('seed', 1), log });
    summary.fuzz = f;
    log(
      `${f.sent} frames: refused ${f.refused}, connection closed ${f.closed}, no answer expected ${f.silent - f.unanswered}, accepted ${f.accepted}, unanswered ${f.unanswered}; ` +
        `refusals ${JSON.stringify(f.byCode)}`,
    );
    log(
      `handshakes ${f.handshakes.refused}/${f.handshakes.sent} refused; burst ${f.burst.rateLimited}/${f.burst.sent} rate-limited; ` +
        `batches healthy ${f.batchesHealthy}/${f.batches}; version ${f.versionBefore} → ${f.versionAfter}; server alive ${f.serverAlive}; ${(f.durationMs / 1000).toFixed(1)} s`,
    );
    if (!f.serverAlive || f.accepted || f.unanswered || f.batchesHealthy !== f.batches || f.versionAfter !== f.versionBefore) problems.push('raw-frame fuzz: see above');
  }

  if (run('authz')) {
    log('== authorization matrix ==');
    const m = await authMatrix({ log });
    summary.authz = { ...m, cells: undefined };
    log(matrixText(m));
    log(
      `${m.types} action types × ${m.roles} roles = ${m.pairs} pairs (${m.allowedPairs} allowed), ${m.mismatches.length} mismatches; ` +
        `a member checking in at another's seat: ${m.otherSeatCheckIn}; ${m.servers} servers, ${(m.durationMs / 1000).toFixed(1)} s`,
    );
    for (const x of m.mismatches) log(`  MISMATCH ${x.type} by ${x.role}: expected ${x.expected ? 'allowed' : 'refused'}, got ${x.code}`);
    if (m.mismatches.length) problems.push(`authorization: ${m.mismatches.length} mismatches`);
  }

  log('');
  log('== summary ==');
  const c = summary.crash as Awaited<ReturnType<typeof crashTrials>> | undefined;
  const b = summary.badInput as Awaited<ReturnType<typeof badInputStorm>> | undefined;
  if (c) log(`trials ${c.trials}, crashed ${c.crashes}, actions acknowledged ${c.acked}, lost ${c.lost}, refused ${c.refused}`);
  if (b)
    log(
      `bad input: ${b.sent + b.floodSent + b.oversizedSent + b.unknownEventSent} messages, refused ${b.refused + b.floodRefused}, accepted ${b.accepted}, ` +
        `connections dropped for > 64 KiB ${b.oversizedDropped}, unknown events unanswered ${b.unknownEventSent - b.unknownEventAnswered}`,
    );
  log(problems.length ? `PROBLEMS:\n  ${problems.join('\n  ')}` : `all checks passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (JSON_OUT) console.log(JSON.stringify({ ...summary, problems }));
  return problems.length ? 1 : 0;
}

const hardStop = setTimeout(() => {
  console.error('resilience: overall time limit reached; stopping');
  process.exit(2);
}, arg('time-limit-s', 3600) * 1000);
hardStop.unref();

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('resilience failed:', e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
