import { connectLean, connectMany, type Lean } from './client';
import { chairAuth, checkInMembers, memberIds, ServerProcess, tempDir } from './env';

/**
 * Reconnect storm: `clients` sockets (public screens and some seat terminals, all behaving
 * like the real client: reconnect with back-off, `sync` on every connect) are connected when
 * the server is restarted — by SIGKILL (a crash) or SIGTERM (a planned restart). Measured
 * from the moment the restarted server answers /healthz: how long until every client shows
 * the current version again, and whether a change made right after reaches all of them.
 */
export interface ReconnectOptions {
  clients: number;
  seats?: number;
  how?: 'kill' | 'term';
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ReconnectSummary {
  how: 'kill' | 'term';
  clients: number;
  returned: number;
  stuck: number;
  versionBefore: number;
  versionAfterRestart: number;
  downMs: number;
  /** Per client: from the restarted server answering to the client showing the version. */
  backP50Ms: number;
  backP99Ms: number;
  allBackMs: number;
  /** A change right after: how long until every client shows it. */
  liveAgainMs: number;
  liveAgainReached: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

export async function reconnectStorm(opts: ReconnectOptions): Promise<ReconnectSummary> {
  const how = opts.how ?? 'kill';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const log = opts.log ?? (() => undefined);
  const tmp = tempDir('reconnect');
  const server = await ServerProcess.create(tmp.db);
  const nSeats = Math.min(opts.seats ?? 40, memberIds.length - 3, opts.clients);
  const clients: Lean[] = [];
  try {
    await server.start();
    const real = { realClient: true };
    const chair = await connectLean(server.url, chairAuth(), real);
    clients.push(chair);
    const seatIds = memberIds.slice(3, 3 + nSeats);
    clients.push(...(await checkInMembers(server.url, seatIds, memberIds, real)));
    for (const body of [{ type: 'meeting.open' }, { type: 'item.start', itemId: 'i2' }, { type: 'vote.open', point: 'Før genstart', subject: { kind: 'proposal' } }])
      if (!(await chair.act(body))?.ok) throw new Error(`${body.type} refused`);
    clients.push(...(await connectMany(opts.clients - nSeats - 1, () => connectLean(server.url, { role: 'public' }, real), 50)));
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as { version: number };
    await Promise.all(clients.map((c) => c.until((x) => x.version >= before.version, timeoutMs)));
    log(`${clients.length} clients at version ${before.version}; restarting the server (${how})`);

    const tDown = Date.now();
    if (how === 'kill') await server.kill9();
    else await server.term();
    // The clients notice at once (connection closed); reset what they have shown.
    for (const c of clients) c.version = -1;
    await server.start();
    const tUp = Date.now();
    const after = (await (await fetch(`${server.url}/healthz`)).json()) as { version: number };
    const back = new Array<number>(clients.length).fill(NaN);
    await Promise.all(
      clients.map(async (c, i) => {
        if (await c.until((x) => x.version >= after.version, timeoutMs)) back[i] = Date.now() - tUp;
      }),
    );
    const got = back.filter((x) => Number.isFinite(x));
    log(`${got.length}/${clients.length} back at version ${after.version}; slowest after ${Math.max(...got)} ms`);

    // Live again: one change reaches every client.
    await chair.until((c) => c.socket.connected, 10_000);
    const t1 = Date.now();
    // A change the public sees (the gallery pushes only public changes, issue #11).
    const change = await chair.act({ type: 'gallery.blank', blank: true });
    const target = change?.ok ? change.version! : after.version;
    const reached = await Promise.all(clients.map((c) => c.until((x) => x.version >= target, timeoutMs)));
    const liveAgainMs = Date.now() - t1;
    return {
      how,
      clients: clients.length,
      returned: got.length,
      stuck: clients.length - got.length,
      versionBefore: before.version,
      versionAfterRestart: after.version,
      downMs: tUp - tDown,
      backP50Ms: pct(got, 50),
      backP99Ms: pct(got, 99),
      allBackMs: got.length ? Math.max(...got) : NaN,
      liveAgainMs,
      liveAgainReached: reached.filter(Boolean).length,
    };
  } finally {
    for (const c of clients) c.close();
    await server.kill9();
    tmp.remove();
  }
}
