import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { demoAgenda } from '../../server/demo/chamber';
import { SAMPLE_CLOSED_AMENDMENT, SAMPLE_CLOSED_DISSENT, SAMPLE_CLOSED_POINT } from '../../server/record/sample';
import { verifyAll } from '../../server/record/verify';
import type { Archive } from '../../shared/record/archive';
import { chairClient, members, seatFor, tempDb, testServer, type Client } from './helpers';
import { freePort } from './process';

// Issue #14, items 5 and 6: the public archive (§ 29, stk. 4) on the demo's whole cycle — an
// earlier meeting held four weeks ago through the real engine, signed and published, and
// today's meeting live with the budget's second reading (§ 21). A real server, real HTTP, a
// real SQLite file. Closed items never leave as more than their number (§§ 2–3).

/** Everything the demo's closed items hold (both meetings have "Salg af ejendommen Vesterbrogade 1"). */
const CLOSED_SECRETS = [
  ...demoAgenda()
    .filter((i) => i.doors === 'closed')
    .flatMap((i) => [i.title, i.text, i.proposal ?? '', i.closedReason ?? '']),
  SAMPLE_CLOSED_AMENDMENT,
  SAMPLE_CLOSED_DISSENT,
  SAMPLE_CLOSED_POINT,
  'Vesterbrogade',
].filter(Boolean);

describe('the public archive on the demo’s history (§ 29, stk. 4; §§ 2–3; § 21)', () => {
  let server: RunningServer;
  let dbPath: string;
  const clients: Client[] = [];
  const get = async (path: string) => {
    const r = await fetch(server.url + path);
    return { status: r.status, type: r.headers.get('content-type') ?? '', csp: r.headers.get('content-security-policy') ?? '', text: await r.text() };
  };
  const archive = async () => JSON.parse((await get('/archive.json')).text) as Archive;

  beforeAll(async () => {
    dbPath = tempDb('archive');
    server = await testServer({ dbPath, demoHistory: true });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  });

  it('the demo holds an earlier meeting, published four weeks ago, and today’s live and ready to open', async () => {
    const list = server.term.list();
    expect(list.map((m) => [m.id, m.status, m.live])).toEqual([
      ['m1', 'published', false],
      ['m2', 'planned', true],
    ]);
    const days = (Date.parse(`${list[1]!.date}T12:00:00Z`) - Date.parse(`${list[0]!.date}T12:00:00Z`)) / 86_400_000;
    expect(days).toBe(28);
    const s = server.service.state;
    expect(server.service.meetingId).toBe('m2');
    expect(s.meeting.status).toBe('planned');
    expect(Object.keys(s.presence)).toHaveLength(0);
    // § 21: the budget waits for its second reading here; the other items are fresh.
    expect(s.items.i4).toMatchObject({ status: 'awaitingSecondReading', carriedFrom: { meetingId: 'm1', itemId: 'i4' } });
    for (const id of ['i1', 'i2', 'i3', 'i5', 'i6']) expect(s.items[id]!.status, id).toBe('pending');
    const m1 = server.term.get('m1')!;
    expect(m1.carried).toEqual({ i4: 'm2' });
    expect(server.term.recordStore('m1').record('public').signed).toBe(true);
  });

  it('/archive.json lists the published meeting with its record links and today’s agenda as coming', async () => {
    const a = await archive();
    expect(a).toMatchObject({ format: 'salen.archive/1', chamber: 'Rådhussalen' });
    expect(a.published.map((m) => m.id)).toEqual(['m1']);
    const [m1] = a.published;
    expect(m1).toMatchObject({ signed: true, publishedAt: expect.any(Number), links: { html: '/archive/m1', json: '/archive/m1.json', csv: '/archive/m1/votes.csv' } });
    expect(m1!.agenda.find((i) => !i.closed && i.title === 'Budget 2027')).toMatchObject({ reading: 1, readings: 2, outcome: 'toSecondReading' });
    expect(m1!.agenda.filter((i) => i.closed)).toEqual([{ number: 7, closed: true, title: 'Lukket punkt' }]);
    expect(a.coming.map((m) => [m.id, m.live])).toEqual([['m2', true]]);
    const today = a.coming[0]!;
    // Numbered as the meeting numbers them: the closed item last (§ 2, stk. 6).
    expect(today.agenda.map((i) => (i.closed ? `${i.number} lukket` : `${i.number} ${i.title}`))).toEqual([
      '1 Godkendelse af dagsorden',
      '2 Cykelsti på Nørrebrogade',
      '3 Lokalplan for Nordhavn',
      '4 Medlemsforslag om grønne tage',
      '5 Budget 2027',
      '6 lukket',
    ]);
    expect(today.agenda[4]).toMatchObject({ reading: 2, readings: 2, kind: 'budget' });
    expect(Object.keys(today.agenda[5]!).sort()).toEqual(['closed', 'number', 'title']);
    // The same numbers as the chamber's screens will show.
    for (const i of today.agenda) {
      const live = Object.values(server.service.state.items).find((x) => x.number === i.number)!;
      expect(i.closed ? live.doors : live.title).toBe(i.closed ? 'closed' : i.title);
    }
  });

  it('/archive is one page without script: Danish by default, English with ?lang=en, its style allowed by hash', async () => {
    const da = await get('/archive');
    expect(da.status).toBe(200);
    expect(da.type).toContain('text/html');
    expect(da.text).toContain('<html lang="da">');
    expect(da.text).toMatch(/<main[\s>]/);
    expect(da.text).toContain('<h2 id="coming">Kommende møder</h2>');
    expect(da.text).toContain('<h2 id="published">Offentliggjorte møder</h2>');
    expect(da.text).toContain('Budget 2027');
    expect(da.text).toContain('2. behandling, § 21');
    expect(da.text).toContain('Oversendt til 2. behandling');
    for (const href of ['/archive/m1', '/archive/m1.json', '/archive/m1/votes.csv', '/archive/m2', '/archive?lang=en']) expect(da.text).toContain(`href="${href}"`);
    expect(da.text).not.toContain('<script');
    expect(da.csp).toMatch(/style-src[^;]*'sha256-/);
    expect(da.csp).not.toContain('unsafe-inline');
    const en = await get('/archive?lang=en');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Coming meetings');
    expect(en.text).toContain('href="/archive/m1?lang=en"');
    expect(en.text).toContain('href="/archive/m1/votes.csv?lang=en"');
  });

  it('the published meeting’s public record in HTML, JSON and CSV, with a link back to the archive', async () => {
    const html = await get('/archive/m1');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<html lang="da">');
    expect(html.text).toContain('Beslutningsprotokol');
    expect(html.text).toContain('Borgerrepræsentationens Sekretariat');
    expect(html.text).toContain('href="/archive"');
    expect(html.text).toContain('href="/archive/m1.json"');
    expect(html.text).toContain('href="/archive/m1?lang=en"');
    expect(html.text).not.toContain('class="banner"');
    expect(html.csp).toMatch(/style-src[^;]*'sha256-/);
    expect((await get('/archive/m1?lang=en')).text).toContain('Decision record');
    const json = await get('/archive/m1.json');
    expect(json.type).toContain('application/json');
    const r = JSON.parse(json.text);
    expect(r).toMatchObject({ format: 'salen.decision-record/1', audience: 'public', signed: true });
    expect(r.items.find((i: { title: string }) => i.title === 'Budget 2027').outcome).toBe('toSecondReading');
    const csv = await get('/archive/m1/votes.csv');
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toContain('Punkt nr.');
    expect(csv.text).toContain('Cykelsti på Nørrebrogade');
    expect((await get('/archive/m1/votes.csv?lang=en')).text.split('\n')[0]).toContain('item_number');
    // The live /record page links to the archive too.
    expect((await get('/record')).text).toContain('href="/archive"');
  });

  it('a coming meeting’s page is its public agenda; it has no record yet', async () => {
    const page = await get('/archive/m2');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="agenda">Dagsorden</h2>');
    expect(page.text).toContain('Budget 2027');
    expect(page.text).toContain('Lukket punkt');
    const json = JSON.parse((await get('/archive/m2.json')).text);
    expect(json).toMatchObject({ id: 'm2', live: true });
    const csv = await get('/archive/m2/votes.csv');
    expect(csv.status).toBe(404);
    expect(JSON.parse(csv.text)).toMatchObject({ ok: false, code: 'NOT_PUBLISHED', paragraph: '§ 29, stk. 4' });
  });

  it('a meeting still being prepared is not public until its agenda has gone to the members (§ 9)', async () => {
    const planned = server.term.plan({ title: 'Udkast til marts', date: '2027-03-04', time: '17:00', agenda: [{ id: 'x1', title: 'Hemmeligt udkast', text: '', kind: 'proposal', doors: 'open' }] });
    if (!planned.ok) throw new Error(planned.code);
    const id = planned.meeting.id;
    expect((await archive()).coming.map((m) => m.id)).not.toContain(id);
    expect((await get('/archive')).text).not.toContain('Hemmeligt udkast');
    expect((await get(`/archive/${id}`)).status).toBe(404);
    expect(server.term.noticeSent({ meetingId: id }).ok).toBe(true);
    expect((await archive()).coming.map((m) => m.id)).toContain(id);
    expect((await get(`/archive/${id}`)).text).toContain('Hemmeligt udkast');
  });

  it('an unknown meeting is 404 in the refusal shape', async () => {
    for (const path of ['/archive/zz', '/archive/zz.json', '/archive/zz/votes.csv', '/archive/..%2Fm1', '/archive/m1%00']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.text), path).toMatchObject({ ok: false, code: 'UNKNOWN_MEETING', message: { da: expect.any(String), en: expect.any(String) } });
    }
  });

  it('today’s meeting held with the second reading; once closed and unsigned it leaves the archive and its record is 404 (§ 29, stk. 4)', async () => {
    const chair = await chairClient(server);
    clients.push(chair);
    for (const id of members(server).slice(0, 28)) clients.push(await seatFor(server, id));
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    // § 21, stk. 2: the three weeks since the first reading have passed.
    expect((await chair.act({ type: 'item.start', itemId: 'i4' })).ok).toBe(true);
    expect(server.service.state.items.i4).toMatchObject({ reading: 2, status: 'active' });
    expect((await chair.act({ type: 'meeting.close' })).ok).toBe(true);
    expect(server.term.get('m2')!.status).toBe('closed');
    const before = JSON.stringify(server.term.all());
    for (const path of ['/archive/m2', '/archive/m2.json', '/archive/m2/votes.csv']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.text), path).toMatchObject({ ok: false, code: 'NOT_PUBLISHED', paragraph: '§ 29, stk. 4' });
      expect(r.text).not.toContain('Budget');
    }
    const a = await archive();
    expect(a.coming.map((m) => m.title)).toEqual(['Udkast til marts']);
    expect(a.published.map((m) => m.id)).toEqual(['m1']);
    // Reading the archive changed nothing.
    expect(JSON.stringify(server.term.all())).toBe(before);
  });

  it('no archive page, list or file ever holds a closed item’s title, text or proposal (§§ 2–3)', async () => {
    const paths = ['/archive', '/archive?lang=en', '/archive.json', '/archive/m1', '/archive/m1?lang=en', '/archive/m1.json', '/archive/m1/votes.csv', '/archive/m1/votes.csv?lang=en'];
    for (const path of paths) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      for (const secret of CLOSED_SECRETS) expect(r.text, `${path} holds "${secret}"`).not.toContain(secret);
    }
    expect((await get('/archive/m1')).text).toContain('Lukket punkt');
  });

  it('each meeting’s log verifies on its own', () => {
    const all = verifyAll(dbPath);
    expect(all.ok).toBe(true);
    expect(all.meetings.map((m) => (m.ok ? [m.meeting, m.lastSeq > 0] : m.reason))).toEqual([
      ['m1', true],
      ['m2', true],
    ]);
  });
});

describe('the demo history at other sizes and from main.ts', () => {
  it('a small chamber (--seats 7) gets a shorter earlier meeting, published, that verifies', async () => {
    const dbPath = tempDb('archive-small');
    const server = await testServer({ dbPath, demoHistory: true, demoSeats: 7 });
    try {
      expect(server.term.list().map((m) => m.status)).toEqual(['published', 'planned']);
      expect(server.service.state.items.i4!.status).toBe('awaitingSecondReading');
      const a = JSON.parse(await (await fetch(`${server.url}/archive.json`)).text()) as Archive;
      expect(a.published[0]!.agenda.find((i) => !i.closed && i.title === 'Budget 2027')).toMatchObject({ outcome: 'toSecondReading' });
    } finally {
      await server.close();
    }
    expect(verifyAll(dbPath).ok).toBe(true);
  });

  it('`main.ts --demo` on a fresh database seeds the history and prints the archive link; --no-demo-history does not', { timeout: 60_000 }, async () => {
    const run = async (extra: string[]) => {
      const port = await freePort();
      const db = tempDb('archive-main');
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo', '--db', db, '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.resume();
      try {
        const deadline = Date.now() + 40_000;
        while (!out.includes('Ctrl+C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
        const list = (await (await fetch(`http://127.0.0.1:${port}/api/meetings`)).json()) as { meetings: { status: string }[] };
        return { out, statuses: list.meetings.map((m) => m.status), db };
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    };
    const withHistory = await run([]);
    expect(withHistory.out).toMatch(/Arkiv +http:\/\/127\.0\.0\.1:\d+\/archive/);
    expect(withHistory.statuses).toEqual(['published', 'planned']);
    expect(verifyAll(withHistory.db).ok).toBe(true);
    const without = await run(['--no-demo-history']);
    expect(without.statuses).toEqual(['planned']);
  });
});
