import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { styledName } from '../../shared/names';
import { chairClient, members, seatFor, testServer, type Client } from './helpers';

// The speech index over HTTP (issue #15, item 4): a meeting run through real sockets, then
// GET /record/chapters.vtt and /record/timeline.json. §§ 2–3: a closed item only as its number.

interface Cue {
  start: number;
  end: number;
  text: string;
}

/** A strict reader of what we serve: the WEBVTT header, then blank-line separated cues. */
function parseVtt(text: string): Cue[] {
  expect(text.startsWith('WEBVTT\n\n')).toBe(true);
  const ms = (t: string) => {
    const m = /^(\d{2,}):(\d{2}):(\d{2})\.(\d{3})$/.exec(t);
    expect(m, `timestamp ${t}`).not.toBeNull();
    return ((Number(m![1]) * 60 + Number(m![2])) * 60 + Number(m![3])) * 1000 + Number(m![4]);
  };
  return text
    .slice('WEBVTT\n\n'.length)
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [timing, ...lines] = block.split('\n');
      expect(lines).toHaveLength(1);
      const [a, b] = timing!.split(' --> ');
      return { start: ms(a!), end: ms(b!), text: lines[0]! };
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('speech index: chapters.vtt and timeline.json', () => {
  let server: RunningServer;
  let chair: Client;
  const seats = new Map<string, Client>();
  const act = async (c: Client, body: unknown) => expect((await c.act(body)).ok, JSON.stringify(body)).toBe(true);

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    for (const id of members(server).slice(0, 30)) seats.set(id, await seatFor(server, id));
    await act(chair, { type: 'meeting.open' });
    // Item 2, open: two first speeches (m1 Ø, m13 A) and a vote.
    await sleep(20);
    await act(chair, { type: 'item.start', itemId: 'i2' });
    await act(seats.get('m1')!, { type: 'floor.request' });
    await act(seats.get('m13')!, { type: 'floor.request' });
    for (let i = 0; i < 2; i++) {
      await sleep(20);
      await act(chair, { type: 'floor.give' });
      await sleep(60);
      await act(chair, { type: 'floor.end' });
    }
    await act(chair, { type: 'vote.open', point: 'Cykelstien anlægges', subject: { kind: 'proposal' } });
    for (const id of ['m1', 'm2', 'm13']) await act(seats.get(id)!, { type: 'vote.cast', choice: 'for' });
    await sleep(20);
    await act(chair, { type: 'vote.close' });
    await act(chair, { type: 'item.finish' });
    // The closed item (§ 2): a speech by m23 (C) and a vote.
    await sleep(20);
    await act(chair, { type: 'item.start', itemId: 'i3' });
    await act(seats.get('m23')!, { type: 'floor.request' });
    await act(chair, { type: 'floor.give' });
    await sleep(40);
    await act(seats.get('m23')!, { type: 'floor.yield' });
    await act(chair, { type: 'vote.open', point: 'Ejendommen sælges', subject: { kind: 'proposal' } });
    await act(seats.get('m23')!, { type: 'vote.cast', choice: 'for' });
    await sleep(20);
    await act(chair, { type: 'vote.close' });
    await act(chair, { type: 'item.finish' });
    await sleep(20);
    await act(chair, { type: 'meeting.close' });
  });
  afterAll(async () => {
    for (const c of seats.values()) c.close();
    chair?.close();
    await server?.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const closedNumber = () => server.service.state.items.i3!.number;
  const secrets = () => ['Salg af ejendommen', 'Ejendommen sælges', server.service.state.persons.m23!.name];

  it('chapters.vtt: a WEBVTT file, cues in order without overlap, the closed item only as its number', async () => {
    const res = await get('/record/chapters.vtt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const cues = parseVtt(res.text);
    expect(cues[0]!.start).toBe(0);
    for (let i = 0; i < cues.length; i++) {
      expect(cues[i]!.end).toBeGreaterThan(cues[i]!.start);
      if (i) expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.end);
    }
    // § 19, stk. 4: a mayor is named by the title (the demo's chair m13 is the overborgmester).
    const m1 = styledName(server.service.state.persons.m1!);
    const m13 = styledName(server.service.state.persons.m13!);
    expect(cues.map((c) => c.text)).toContain(`Punkt 2: ${m1} (Ø) – 1. indlæg`);
    expect(cues.map((c) => c.text)).toContain(`Punkt 2: ${m13} (A) – 1. indlæg`);
    expect(cues.filter((c) => c.text.startsWith(`Punkt ${closedNumber()}`)).map((c) => c.text)).toEqual([`Punkt ${closedNumber()}: Lukket punkt`]);
    for (const s of secrets()) expect(res.text).not.toContain(s);
    const en = parseVtt((await get('/record/chapters.vtt?lang=en')).text);
    expect(en.map((c) => c.text)).toContain(`Item 2: ${m1} (Ø) – first speech`);
    expect(en.map((c) => c.text)).toContain(`Item ${closedNumber()}: Closed item`);
  });

  it('?start=<ISO time> of the video shifts every cue and drops those before it', async () => {
    const whole = parseVtt((await get('/record/chapters.vtt')).text);
    const opened = server.service.state.meeting.openedAt!;
    // The video starts where the second cue starts (the first is clipped away entirely).
    const shift = whole[1]!.start;
    const later = parseVtt((await get(`/record/chapters.vtt?start=${encodeURIComponent(new Date(opened + shift).toISOString())}`)).text);
    expect(later).toEqual(whole.slice(1).map((c) => ({ ...c, start: c.start - shift, end: c.end - shift })));
    // A start before the opening moves everything later.
    const early = parseVtt((await get(`/record/chapters.vtt?start=${encodeURIComponent(new Date(opened - 5000).toISOString())}`)).text);
    expect(early).toEqual(whole.map((c) => ({ ...c, start: c.start + 5000, end: c.end + 5000 })));
    const bad = await get('/record/chapters.vtt?start=yesterday');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('timeline.json: ISO times, speeches and votes of open items; a closed item only as its number', async () => {
    const res = await get('/record/timeline.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const t = JSON.parse(res.text);
    expect(t.format).toBe('salen.timeline/1');
    expect(t.audience).toBe('public');
    expect(Date.parse(t.openedAt)).toBe(server.service.state.meeting.openedAt);
    const [i2, closed] = t.items;
    expect(i2.number).toBe(2);
    expect(i2.speeches.map((s: { person: { id: string }; first: boolean }) => [s.person.id, s.first])).toEqual([
      ['m1', true],
      ['m13', true],
    ]);
    for (const s of i2.speeches) expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
    expect(i2.votes[0]).toMatchObject({ point: 'Cykelstien anlægges', result: { adopted: true, for: 3 } });
    expect(Object.keys(closed).sort()).toEqual(['closed', 'number', 'periods']);
    expect(closed).toMatchObject({ closed: true, number: closedNumber() });
    for (const s of secrets()) expect(res.text).not.toContain(s);
  });

  it('the members’ timeline needs the members’ record access and holds the closed item in full', async () => {
    expect((await get('/record/members/timeline.json')).status).toBe(401);
    const code = server.demo.codes.m2!;
    const res = await get(`/record/members/timeline.json?code=${encodeURIComponent(code)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    for (const s of secrets()) expect(res.text).toContain(s);
    const vtt = parseVtt((await get(`/record/members/chapters.vtt?code=${encodeURIComponent(code)}`)).text);
    expect(vtt.map((c) => c.text)).toContain(`Punkt ${closedNumber()}: ${server.service.state.persons.m23!.name} (C) – 1. indlæg`);
  });

  it('the record carries the speaking time: public without the closed item, members with it', async () => {
    const pub = JSON.parse((await get('/record.json')).text);
    expect(pub.speaking.items.map((i: { number: number }) => i.number)).toEqual([2]);
    expect(pub.speaking.meeting.speeches).toBe(2);
    const html = (await get('/record')).text;
    expect(html).toContain('Taletid (§ 19)');
    const mem = JSON.parse((await get(`/record/members.json?code=${encodeURIComponent(server.demo.codes.m2!)}`)).text);
    expect(mem.speaking.meeting.speeches).toBe(3);
  });
});
