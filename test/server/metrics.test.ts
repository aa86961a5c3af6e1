import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './helpers';
import { nonLoopbackAddress, runServer, setupFixture, type RunningProcess, type SetupFixture } from './ops-fixture';
import { freePort } from './process';

/** One sample of a Prometheus text exposition: `name{a="x",b="y"} value`; 0 when absent (a counter not yet incremented). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v) && Object.keys(have).length === Object.keys(labels).length) return Number(m[3]);
  }
  return 0;
}

// Issue #13, item 6: GET /metrics in Prometheus text format, from a real server process.
describe('metrics: GET /metrics', () => {
  const token = 'metrics-token-for-the-test-0123456789';
  let fx: SetupFixture;
  let server: RunningProcess;
  let port: number;
  let url: string;
  const clients: Client[] = [];
  const scrape = async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    fx = setupFixture(12);
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Every interface, so a request can come from an address that is not loopback; the token from the environment.
    server = await runServer(['--db', `${fx.dir}/meeting.sqlite`, '--setup', fx.file, '--host', '0.0.0.0', '--port', String(port), '--grace-ms', '600000'], url, {
      SALEN_METRICS_TOKEN: token,
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.stop();
  });

  const chairId = () => fx.setup.chairLine[0]!;
  const member = (i: number) => fx.setup.persons.filter((p) => p.kind === 'member')[i]!;

  it('counts sockets per role, check-ins, actions accepted and refused by code, commits and pushes', async () => {
    const before = await scrape();
    for (const role of ['chair', 'secretariat', 'seat', 'public']) expect(sample(before, 'salen_sockets', { role })).toBe(0);
    expect(sample(before, 'salen_meeting_status', { status: 'planned' })).toBe(1);

    const chair = await connect(url, { role: 'chair', personId: chairId(), password: fx.credentials.chairPasswords[chairId()] });
    const secretariat = await connect(url, { role: 'secretariat', password: fx.credentials.secretariatPassword });
    const seats = await Promise.all([0, 1, 2].map((i) => connect(url, { role: 'seat', seatKey: fx.credentials.seatKeys[member(i).seatId!] })));
    const gallery = await Promise.all([0, 1].map(() => connect(url, {})));
    clients.push(chair, secretariat, ...seats, ...gallery);

    for (const [i, c] of seats.slice(0, 2).entries()) expect((await c.emit('checkIn', { code: fx.credentials.codes[member(i).id] })).ok).toBe(true);
    // Refusals, each with its code: a wrong code at the third seat, a ballot before the meeting opens,
    // an action type nobody knows, and the gallery trying to act.
    const wrong = await seats[2]!.emit('checkIn', { code: '00000000' });
    expect(wrong.code).toBe('BAD_CODE');
    expect((await seats[0]!.act({ type: 'vote.cast', choice: 'for' })).code).toBe('MEETING_NOT_OPEN');
    expect((await chair.act({ type: 'no.such.action' })).code).toBe('MALFORMED');
    expect((await gallery[0]!.act({ type: 'meeting.open' })).code).toBe('UNAUTHORIZED');
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    await chair.waitFor((v) => v.meeting.status === 'open');

    const after = await scrape();
    expect(sample(after, 'salen_sockets', { role: 'chair' })).toBe(1);
    expect(sample(after, 'salen_sockets', { role: 'secretariat' })).toBe(1);
    expect(sample(after, 'salen_sockets', { role: 'seat' })).toBe(3);
    expect(sample(after, 'salen_sockets', { role: 'public' })).toBe(2);
    expect(sample(after, 'salen_checked_in_members', { terminal: 'online' })).toBe(2);
    expect(sample(after, 'salen_meeting_status', { status: 'open' })).toBe(1);
    expect(sample(after, 'salen_meeting_version')).toBe(3);
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('salen_actions_accepted_total', { type: 'checkIn' })).toBe(2);
    expect(moved('salen_actions_accepted_total', { type: 'meeting.open' })).toBe(1);
    expect(moved('salen_actions_refused_total', { type: 'checkIn', code: 'BAD_CODE' })).toBe(1);
    expect(moved('salen_actions_refused_total', { type: 'vote.cast', code: 'MEETING_NOT_OPEN' })).toBe(1);
    // A type a client made up is not a label: it counts as `unknown`.
    expect(moved('salen_actions_refused_total', { type: 'unknown', code: 'MALFORMED' })).toBe(1);
    expect(after).not.toContain('no.such.action');
    expect(moved('salen_actions_refused_total', { type: 'meeting.open', code: 'UNAUTHORIZED' })).toBe(1);
    // Three commits (two check-ins, the opening), each timed with its COMMIT step; pushes measured.
    expect(moved('salen_commit_seconds_count', {})).toBe(3);
    expect(moved('salen_commit_fsync_seconds_count', {})).toBe(3);
    expect(sample(after, 'salen_commit_fsync_seconds_sum')).toBeLessThanOrEqual(sample(after, 'salen_commit_seconds_sum'));
    expect(moved('salen_push_bytes_count', { event: 'view' })).toBeGreaterThan(0);
    expect(sample(after, 'salen_push_bytes_sum', { event: 'view' })).toBeGreaterThan(1000);
    // The process's own metrics, event-loop delay among them.
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \S+$/m);
    expect(after).toMatch(/^process_resident_memory_bytes \S+$/m);

    // A seat that leaves leaves the gauge.
    seats[2]!.close();
    await expect.poll(async () => sample(await scrape(), 'salen_sockets', { role: 'seat' })).toBe(2);
  });

  it('answers this machine only, or a bearer of the token; anyone else gets the 404 of a path that does not exist', async () => {
    const unknown = await fetch(`${url}/no-such-page`);
    expect(unknown.status).toBe(404);
    // express's own 404 names the path: the same page, with /metrics in it.
    const notFound = (await unknown.text()).replace('/no-such-page', '/metrics');
    const refused = async (res: Response) => {
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(notFound);
    };
    // Through a proxy (a forwarded request, even from loopback) the client is not this machine.
    await refused(await fetch(`${url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } }));
    await refused(await fetch(`${url}/metrics`, { headers: { Forwarded: 'for=203.0.113.9' } }));
    expect(await scrape({ 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${token}` })).toContain('salen_sockets');
    // From another address of this machine (not loopback): only with the token.
    const addr = nonLoopbackAddress();
    if (!addr) return console.warn('no non-loopback IPv4 address here: only the forwarded case was tested');
    const remote = `http://${addr}:${port}/metrics`;
    await refused(await fetch(remote));
    await refused(await fetch(remote, { headers: { Authorization: `Bearer ${token}x` } }));
    await refused(await fetch(remote, { headers: { Authorization: token } }));
    const ok = await fetch(remote, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('salen_actions_accepted_total');
  });
});
