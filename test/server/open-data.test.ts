import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingService } from '../../server/meeting/service';
import { playSampleMeeting, SAMPLE_CLOSED_AMENDMENT, SAMPLE_CLOSED_DISSENT, SAMPLE_CLOSED_POINT } from '../../server/record/sample';
import { applyPatch, type Patch } from '../../shared/delta';
import { deltaMessageSchema, publicViewSchema } from '../../shared/public-schema';
import type { Actor, PersonId } from '../../shared/types';
import { publicView, type PublicView } from '../../shared/views';
import { openDataSchemaText, SCHEMA_FILE } from '../../scripts/open-data-schema';
import { launchChromium } from '../e2e/stage';
import { members, tempDb, testServer } from './helpers';

// The open data feed (docs/open-data.md) on a real server over loopback HTTP: the stream is
// read as it arrives, byte for byte, as a newsroom's client would.

interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

interface Stream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every byte received so far. */
  raw: string;
  events: SseEvent[];
  retry: number | null;
  /** The `n`-th event (0-based), once it has come. */
  event(n: number, ms?: number): Promise<SseEvent>;
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET path` and parses the text/event-stream as it arrives (the EventSource rules for id, event, data, retry). */
function openStream(base: string, path = '/api/public/events', headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      res.setEncoding('utf8');
      const waiters = new Set<() => void>();
      let buf = '';
      let endResolve!: () => void;
      const s: Stream = {
        status: res.statusCode!,
        headers: res.headers,
        raw: '',
        events: [],
        retry: null,
        ended: new Promise<void>((r) => (endResolve = r)),
        event: (n, ms = 10_000) =>
          new Promise((ok, fail) => {
            const check = () => {
              if (s.events.length > n) {
                waiters.delete(check);
                clearTimeout(t);
                ok(s.events[n]!);
              }
            };
            const t = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`event ${n} did not come (got ${s.events.length})`));
            }, ms);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      };
      res.on('data', (chunk: string) => {
        s.raw += chunk;
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let id: string | undefined;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const c = line.indexOf(':');
            const field = c < 0 ? line : line.slice(0, c);
            const value = c < 0 ? '' : line.slice(c + 1).replace(/^ /, '');
            if (field === 'id') id = value;
            else if (field === 'event') event = value;
            else if (field === 'data') data.push(value);
            else if (field === 'retry') s.retry = Number(value);
          }
          if (data.length) s.events.push({ id, event, data: data.join('\n') });
        }
        for (const w of [...waiters]) w();
      });
      res.on('end', () => endResolve());
      res.on('close', () => endResolve());
      resolve(s);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The view a client holds after the events: a whole view replaces, a delta applies only on its base. */
function rebuild(events: SseEvent[], start: PublicView | null = null): PublicView {
  let view = start;
  for (const e of events) {
    if (e.event === 'view') view = JSON.parse(e.data) as PublicView;
    else if (e.event === 'delta') {
      const d = deltaMessageSchema.parse(JSON.parse(e.data));
      expect(view?.version, 'a delta on the view it was made from').toBe(d.base);
      view = applyPatch(view, d.patch as Patch);
      expect(String(d.version)).toBe(e.id);
    }
    expect(String(view!.version)).toBe(e.id);
  }
  return view!;
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const r = await fetch(url, { headers });
  return { status: r.status, headers: r.headers, body: (await r.json()) as unknown };
}

const chairOf = (server: RunningServer): Actor => ({ role: 'chair', personId: server.service.state.chair.line[0]! });
const memberOf = (service: MeetingService, id: PersonId): Actor => ({ role: 'member', personId: id, seatId: service.state.persons[id]!.seatId! });
async function act(service: MeetingService, body: Record<string, unknown>, actor: Actor) {
  const ack = await service.dispatch(body, actor);
  if (!ack.ok) throw new Error(`${String(body.type)} refused: ${ack.code}`);
  return ack;
}

/** A live meeting: members checked in, the meeting open, item 2 on the floor, a speaker and a queue. */
async function liveMeeting(server: RunningServer, present = 30) {
  const svc = server.service;
  const ids = members(server).slice(0, present);
  await Promise.all(ids.map((id) => act(svc, { type: 'presence.checkIn' }, memberOf(svc, id))));
  await act(svc, { type: 'meeting.open' }, chairOf(server));
  await act(svc, { type: 'item.start', itemId: 'i2' }, chairOf(server));
  for (const id of ids.slice(0, 4)) await act(svc, { type: 'floor.request' }, memberOf(svc, id));
  await act(svc, { type: 'floor.give' }, chairOf(server));
  return ids;
}

describe('GET /api/public/events: the public view as Server-Sent Events', () => {
  let server: RunningServer;
  const open: Stream[] = [];
  const stream = async (path?: string, headers?: Record<string, string>) => {
    const s = await openStream(server.url, path, headers);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    server = await testServer();
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('starts with the whole view (id = its version) and a retry hint, then each change; the view rebuilt from the events is GET /api/public', async () => {
    const s = await stream();
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['cache-control']).toContain('no-transform');
    expect(s.headers['content-encoding']).toBeUndefined();
    const first = await s.event(0);
    expect(first.event).toBe('view');
    const whole = publicViewSchema.parse(JSON.parse(first.data));
    expect(first.id).toBe(String(whole.version));
    expect(whole).toEqual((await getJson(`${server.url}/api/public`)).body);
    expect(s.retry).toBeGreaterThan(0);

    const ids = await liveMeeting(server);
    await s.event(1);
    const pub = (await getJson(`${server.url}/api/public`)).body as PublicView;
    // Each change came as a delta with a higher id, and they add up to the current view.
    await expect.poll(() => s.events.at(-1)?.id).toBe(String(pub.version));
    expect(s.events.slice(1).every((e) => e.event === 'delta')).toBe(true);
    const idsSeen = s.events.map((e) => Number(e.id));
    expect(idsSeen).toEqual([...idsSeen].sort((a, b) => a - b));
    expect(new Set(idsSeen).size).toBe(idsSeen.length);
    const rebuilt = rebuild(s.events);
    expect(rebuilt).toEqual(pub);
    expect(rebuilt.current && !rebuilt.current.closed && rebuilt.current.speaking?.personId).toBe(ids[0]);

    // A second viewer joins at the current view; one change reaches both as the same bytes,
    // computed once for both.
    const t = await stream();
    expect((await t.event(0)).id).toBe(String(pub.version));
    const before = server.publicFeed.computed;
    await act(server.service, { type: 'floor.end' }, chairOf(server));
    const [a, b] = await Promise.all([s.event(s.events.length), t.event(1)]);
    expect(a).toEqual(b);
    expect(server.publicFeed.computed).toBe(before + 1);
  });

  it('resumes with Last-Event-ID (header or ?lastEventId=): only what was missed, nothing when current, the whole view when too old', async () => {
    const s = await stream();
    const first = await s.event(0);
    const lastId = first.id!;
    s.close();
    const chair = chairOf(server);
    await act(server.service, { type: 'vote.open', point: 'At forslaget vedtages.', subject: { kind: 'proposal' } }, chair);
    const voters = Object.values(server.service.state.presence).map((p) => p.personId).slice(0, 5);
    for (const id of voters) await act(server.service, { type: 'vote.cast', choice: 'for' }, memberOf(server.service, id));
    const pub = (await getJson(`${server.url}/api/public`)).body as PublicView;
    expect(pub.version).toBeGreaterThan(Number(lastId));

    for (const [path, headers] of [
      [undefined, { 'last-event-id': lastId }],
      [`/api/public/events?lastEventId=${lastId}`, {}],
    ] as const) {
      const r = await stream(path, headers);
      await expect.poll(() => r.events.at(-1)?.id).toBe(String(pub.version));
      expect(r.events.map((e) => e.event)).not.toContain('view');
      const d0 = JSON.parse(r.events[0]!.data) as { base: number };
      expect(d0.base).toBe(Number(lastId));
      expect(rebuild(r.events, JSON.parse(first.data) as PublicView)).toEqual(pub);
      expect(rebuild(r.events, JSON.parse(first.data) as PublicView).current).toMatchObject({ vote: { voted: 5 } });
    }

    // Current already: nothing until the next change, which comes as a delta from that id.
    const cur = await stream(undefined, { 'last-event-id': String(pub.version) });
    await act(server.service, { type: 'vote.close' }, chair);
    const next = await cur.event(0);
    expect(next.event).toBe('delta');
    expect((JSON.parse(next.data) as { base: number }).base).toBe(pub.version);
    expect(cur.events).toHaveLength(1);

    // An id the server knows no way from (unknown, or ahead of it): the whole view.
    for (const id of ['1', String(pub.version + 1000), 'garbage']) {
      const r = await stream(undefined, { 'last-event-id': id });
      const e = await r.event(0);
      expect(e.event, id).toBe('view');
      expect(JSON.parse(e.data)).toEqual((await getJson(`${server.url}/api/public`)).body);
    }
  });

  it('is open to cross-origin GETs without credentials: Access-Control-Allow-Origin * on both endpoints, a preflight for Last-Event-ID', async () => {
    const foreign = { origin: 'https://nyheder.example.dk' };
    const json = await fetch(`${server.url}/api/public`, { headers: foreign });
    expect(json.status).toBe(200);
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    expect(json.headers.get('access-control-allow-credentials')).toBeNull();
    expect(json.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(json.headers.get('set-cookie')).toBeNull();
    const s = await stream(undefined, foreign);
    expect(s.status).toBe(200);
    expect(s.headers['access-control-allow-origin']).toBe('*');
    expect(s.headers['access-control-allow-credentials']).toBeUndefined();
    expect(s.headers['set-cookie']).toBeUndefined();
    const pre = await fetch(`${server.url}/api/public/events`, {
      method: 'OPTIONS',
      headers: { ...foreign, 'access-control-request-method': 'GET', 'access-control-request-headers': 'last-event-id' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('last-event-id');
    // Nothing else is opened up: the record and the API's other routes name no origin.
    for (const route of ['/record.json', '/api/time', '/healthz'])
      expect((await fetch(`${server.url}${route}`, { headers: foreign })).headers.get('access-control-allow-origin'), route).toBeNull();
  });
});

describe("another site's page in Chromium", () => {
  it('reads /api/public with fetch and follows the stream with EventSource; after a restart EventSource resumes by Last-Event-ID (no second whole view)', async () => {
    const dbPath = tempDb('open-data');
    let server = await testServer({ dbPath });
    const port = server.port;
    // The other site: a page on another port of this machine (another origin), nothing but a script.
    const page = `<!doctype html><title>Nyheder</title><script>
      window.events = [];
      fetch('${server.url}/api/public').then((r) => r.json()).then((v) => (window.fetched = v.version), (e) => (window.fetched = String(e)));
      const feed = new EventSource('${server.url}/api/public/events');
      for (const type of ['view', 'delta']) feed.addEventListener(type, (e) => window.events.push({ type, id: e.lastEventId, data: JSON.parse(e.data) }));
      feed.onerror = () => (window.errors = (window.errors || 0) + 1);
    </script>`;
    const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      type Seen = { type: string; id: string; data: { version: number; base?: number } }[];
      const events = () => tab.evaluate(() => (window as unknown as { events: Seen }).events);
      await expect.poll(async () => (await events()).length, { timeout: 15_000 }).toBe(1);
      const first = (await events())[0]!;
      expect(first.type).toBe('view');
      expect(first.id).toBe(String(first.data.version));
      expect(await tab.evaluate(() => (window as unknown as { fetched: unknown }).fetched)).toBe(first.data.version);

      await act(server.service, { type: 'meeting.open' }, chairOf(server));
      await expect.poll(async () => (await events()).length, { timeout: 15_000 }).toBe(2);
      const delta = (await events())[1]!;
      expect(delta.type).toBe('delta');
      expect(delta.data.base).toBe(first.data.version);

      // The server stops and comes back on the same port and database; the browser reconnects
      // on its own with Last-Event-ID: it is current, so the next event is a delta from there.
      await server.close();
      server = await testServer({ dbPath, port });
      await expect.poll(() => server.publicFeed.streamCount, { timeout: 20_000 }).toBe(1);
      await act(server.service, { type: 'item.start', itemId: 'i1' }, chairOf(server));
      await expect.poll(async () => (await events()).length, { timeout: 15_000 }).toBe(3);
      const resumed = (await events())[2]!;
      expect(resumed.type).toBe('delta');
      expect(resumed.data.base).toBe(delta.data.version);
    } finally {
      await browser.close();
      site.close();
      await server.close();
    }
  });
});

describe('the feed never carries a closed item (§§ 2–3)', () => {
  let server: RunningServer;
  afterAll(async () => {
    await server?.close();
  });

  it("a whole meeting with a closed item, streamed: no event holds the closed item's title, text, amendment, point or dissent; the rebuilt view is GET /api/public", async () => {
    server = await testServer();
    const s = await openStream(server.url);
    await s.event(0);
    const closed = server.service.state.items.i3!;
    expect(closed.doors).toBe('closed');
    const sample = await playSampleMeeting(server.service);
    const pub = (await getJson(`${server.url}/api/public`)).body as PublicView;
    await expect.poll(() => s.events.at(-1)?.id).toBe(String(pub.version));
    expect(rebuild(s.events)).toEqual(pub);
    const secrets = [closed.title, closed.text, SAMPLE_CLOSED_AMENDMENT, SAMPLE_CLOSED_DISSENT, SAMPLE_CLOSED_POINT, ...sample.closedSecrets].filter((x) => x.length > 0);
    expect(secrets.length).toBeGreaterThan(3);
    // Compared on the JSON text as sent (non-ASCII as it is, and as JSON escapes it).
    for (const secret of secrets) {
      expect(s.raw, secret).not.toContain(secret);
      expect(s.raw, secret).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    // The closed item itself went out, as its number only.
    expect(s.raw).toContain(`"number":${closed.number}`);
    s.close();
  });
});

describe('limits and the clean stop', () => {
  it('answers 429 beyond the streams allowed per address and in all; a closed stream frees its place', async () => {
    const server = await testServer({ trustProxy: 'loopback', publicFeed: { maxStreamsPerAddress: 2, maxStreams: 3 } });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    try {
      const a1 = await openStream(server.url, undefined, from('10.0.0.1'));
      const a2 = await openStream(server.url, undefined, from('10.0.0.1'));
      const a3 = await openStream(server.url, undefined, from('10.0.0.1'));
      expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 429]);
      await a3.ended;
      expect(JSON.parse(a3.raw)).toMatchObject({ ok: false, code: 'TOO_MANY_STREAMS' });
      expect(a3.headers['retry-after']).toBeTruthy();
      expect(a3.headers['access-control-allow-origin']).toBe('*');
      const b1 = await openStream(server.url, undefined, from('10.0.0.2'));
      const b2 = await openStream(server.url, undefined, from('10.0.0.3'));
      expect([b1.status, b2.status]).toEqual([200, 429]);
      expect(server.publicFeed.streamCount).toBe(3);
      a1.close();
      await expect.poll(() => server.publicFeed.streamCount).toBe(2);
      const b3 = await openStream(server.url, undefined, from('10.0.0.3'));
      expect(b3.status).toBe(200);
      // HEAD opens no stream; GET /api/public is not a stream: neither is counted or refused.
      const head = await fetch(`${server.url}/api/public/events`, { method: 'HEAD', headers: from('10.0.0.1') });
      expect(head.status).toBe(200);
      expect(server.publicFeed.streamCount).toBe(3);
      expect((await fetch(`${server.url}/api/public`, { headers: from('10.0.0.1') })).status).toBe(200);
      for (const s of [a2, b1, b3]) s.close();
    } finally {
      await server.close();
    }
  });

  it('a resume from further back than the deltas kept gets the whole view', async () => {
    const server = await testServer({ publicFeed: { historyChanges: 2 } });
    try {
      // A viewer stays on, so each change below is its own delta (with nobody streaming, the
      // next request would make them one).
      const keeper = await openStream(server.url);
      const s = await openStream(server.url);
      const first = await s.event(0);
      s.close();
      const chair = chairOf(server);
      const ids = members(server).slice(0, 3);
      for (const id of ids) await act(server.service, { type: 'presence.checkIn' }, memberOf(server.service, id));
      await act(server.service, { type: 'meeting.open' }, chair);
      const pub = (await getJson(`${server.url}/api/public`)).body as PublicView;
      const r = await openStream(server.url, undefined, { 'last-event-id': first.id! });
      const e = await r.event(0);
      expect(e.event).toBe('view');
      expect(e.id).toBe(String(pub.version));
      expect(JSON.parse(e.data)).toEqual(pub);
      r.close();
      // Within the deltas kept: only those.
      const t = await openStream(server.url, undefined, { 'last-event-id': String(pub.version) });
      await act(server.service, { type: 'item.start', itemId: 'i1' }, chair);
      expect((await t.event(0)).event).toBe('delta');
      expect(keeper.events.length).toBeGreaterThan(3);
      t.close();
      keeper.close();
    } finally {
      await server.close();
    }
  });

  it('keeps an idle stream alive with a comment line, unbuffered on the way (X-Accel-Buffering: no)', async () => {
    const server = await testServer({ publicFeed: { heartbeatMs: 100 } });
    try {
      const s = await openStream(server.url);
      expect(s.headers['x-accel-buffering']).toBe('no');
      await s.event(0);
      await expect.poll(() => s.raw.split('\n\n:\n\n').length, { timeout: 10_000 }).toBeGreaterThan(2);
      // Comments are not events: still the one view.
      expect(s.events).toHaveLength(1);
      s.close();
    } finally {
      await server.close();
    }
  });

  it('the clean stop sends the last committed change and ends every stream', async () => {
    const server = await testServer();
    const s = await openStream(server.url);
    await s.event(0);
    const chair = chairOf(server);
    const opened = act(server.service, { type: 'meeting.open' }, chair);
    await server.close();
    await opened;
    await s.ended;
    const last = s.events.at(-1)!;
    expect(rebuild(s.events).meeting.status).toBe('open');
    expect(Number(last.id)).toBe(server.service.state.version);
    expect(server.publicFeed.streamCount).toBe(0);
  });
});

describe('the schema of the public view (shared/public-schema.ts, docs/open-data.schema.json)', () => {
  it('every public view of a real meeting parses with the strict schema: speakers, votes, a roll call, a closed item, an election with a lot, a blanked gallery', async () => {
    const server = await testServer();
    try {
      const views: PublicView[] = [];
      server.service.onCommitted(() => views.push(structuredClone(publicView(server.service.state))));
      const svc = server.service;
      const chair = chairOf(server);
      const ids = await liveMeeting(server, 40);
      await act(svc, { type: 'floor.end' }, chair);
      await act(svc, { type: 'vote.open', point: 'At forslaget vedtages.', subject: { kind: 'proposal' } }, chair);
      for (const id of ids.slice(0, 10)) await act(svc, { type: 'vote.cast', choice: 'against' }, memberOf(svc, id));
      await act(svc, { type: 'vote.close' }, chair);
      await act(svc, { type: 'gallery.blank', blank: true }, chair);
      await act(svc, { type: 'gallery.blank', blank: false }, chair);
      await act(svc, { type: 'item.finish' }, chair);
      await act(svc, { type: 'item.start', itemId: 'i3' }, chair);
      await act(svc, { type: 'item.finish' }, chair);
      await act(svc, { type: 'item.start', itemId: 'i6' }, chair);
      await act(svc, { type: 'election.create', kind: 'majority', title: 'Valg af formand', candidates: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }] }, chair);
      await act(svc, { type: 'election.openRound' }, chair);
      // A tie: half for each, so the chair draws a lot.
      const voters = ids.slice(0, 20);
      for (const [i, id] of voters.entries()) await act(svc, { type: 'election.cast', candidateId: i % 2 ? 'x' : 'y' }, memberOf(svc, id));
      await act(svc, { type: 'election.closeRound' }, chair);
      const e = Object.values(svc.state.elections)[0]!;
      // A majority election may need further rounds before a lot: hold them until one is drawn.
      for (let round = 0; round < 4 && e.kind === 'majority' && !e.lot && !e.elected; round++) {
        await act(svc, { type: 'election.openRound' }, chair);
        for (const [i, id] of voters.entries()) await act(svc, { type: 'election.cast', candidateId: i % 2 ? 'x' : 'y' }, memberOf(svc, id));
        await act(svc, { type: 'election.closeRound' }, chair);
      }
      const el = svc.state.elections[e.id]!;
      if (el.kind === 'majority' && el.lot) await act(svc, { type: 'election.drawLot' }, chair);
      // A whole sample meeting too (declarations, amendments, a roll call, the closed item's votes).
      const other = await testServer();
      try {
        other.service.onCommitted(() => views.push(structuredClone(publicView(other.service.state))));
        await playSampleMeeting(other.service);
      } finally {
        await other.close();
      }

      const seen = { speaking: 0, vote: 0, rollCall: 0, result: 0, closedCurrent: 0, blank: 0, election: 0, lot: 0 };
      for (const v of views) {
        const r = publicViewSchema.safeParse(JSON.parse(JSON.stringify(v)));
        expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
        if (v.current && !v.current.closed && v.current.speaking) seen.speaking++;
        if (v.current && !v.current.closed && v.current.vote) seen.vote++;
        if (v.current && !v.current.closed && v.current.vote?.mode === 'rollCall') seen.rollCall++;
        if (v.lastResult?.seats) seen.result++;
        if (v.current?.closed) seen.closedCurrent++;
        if (v.blank) seen.blank++;
        if (v.elections.length) seen.election++;
        if (v.elections.some((x) => x.kind === 'majority' && x.lots.length)) seen.lot++;
      }
      for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);

      // Strict: a field the schema does not know fails, so PublicView cannot grow without it.
      const last = JSON.parse(JSON.stringify(views.at(-1))) as Record<string, unknown>;
      expect(publicViewSchema.safeParse({ ...last, extra: 1 }).success).toBe(false);
      expect(publicViewSchema.safeParse({ ...last, quorum: { ...(last.quorum as object), hidden: true } }).success).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('docs/open-data.schema.json is what scripts/open-data-schema.ts generates (npm run -s open-data-schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(openDataSchemaText());
    const doc = JSON.parse(openDataSchemaText()) as { additionalProperties: boolean; required: string[]; $defs: Record<string, unknown> };
    expect(doc.additionalProperties).toBe(false);
    expect(doc.required).toEqual(expect.arrayContaining(['version', 'agenda', 'current', 'lastResult', 'elections']));
    expect(doc.$defs.DeltaMessage).toBeTruthy();
  });
});
