import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chairClient, members, seatFor, testServer, type Client } from './helpers';

// Issue #12, item 5: on a Danish page the decision record's CSV and the allocation details of
// a proportional election were in English ("item_number", "round 1: …", "seats: …",
// "unanimous list (§ 28, stk. 5)"). The record's language (Danish, English with ?lang=en)
// now decides them too. Elections played on the real server through its sockets.

async function get(url: string) {
  const res = await fetch(url);
  // Keeps the CSV's byte-order mark (res.text() would drop it): spreadsheets need it for "æøå".
  return { status: res.status, headers: res.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) };
}

/** The printable record's text as a reader sees it (entities decoded). */
const readable = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The CSV's rows as cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** The cells of one column, by its header. */
const column = (rows: string[][], header: string) => {
  const at = rows[0]!.indexOf(header);
  expect(at, `column "${header}" in ${rows[0]!.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[at]!);
};

describe('the record CSV and election details in the record\u2019s language (§ 29, §§ 27–28)', () => {
  let server: RunningServer;
  let chair: Client;
  const seats = new Map<string, Client>();
  let ids: string[];

  beforeAll(async () => {
    server = await testServer();
    chair = await chairClient(server);
    ids = members(server).slice(0, 30);
    for (const id of ids) seats.set(id, await seatFor(server, id));
    const ok = async (body: Record<string, unknown>) => {
      const r = await chair.act(body);
      expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
    };
    await ok({ type: 'meeting.open' });
    await ok({ type: 'item.start', itemId: 'i6' });
    // § 27: decided in round 1, 20 to 10.
    await ok({ type: 'election.create', kind: 'majority', title: 'Formand for udvalget', candidates: [{ id: 'x', name: 'Xenia Holm' }, { id: 'y', name: 'Yusuf Lund' }] });
    await ok({ type: 'election.openRound' });
    for (const [i, id] of ids.entries()) expect((await seats.get(id)!.act({ type: 'election.cast', candidateId: i < 20 ? 'x' : 'y' })).ok).toBe(true);
    await ok({ type: 'election.closeRound' });
    await ok({ type: 'election.finish' });
    // § 28: two proportional elections on the parties' lists, one by D'Hondt, one a unanimous list (stk. 5).
    const st = server.service.state;
    const groups = [...new Set(ids.map((id) => st.persons[id]!.groupId))];
    const lists = groups.map((g) => ({ id: g, name: st.groups[g]!.name, members: ids.filter((id) => st.persons[id]!.groupId === g) }));
    await ok({ type: 'election.create', kind: 'proportional', title: 'Børneudvalget', seats: 3 });
    await ok({ type: 'election.setLists', lists });
    await ok({ type: 'election.allocate' });
    await ok({ type: 'election.finish' });
    await ok({ type: 'election.create', kind: 'proportional', title: 'Kulturudvalget', seats: 2 });
    await ok({ type: 'election.setLists', lists });
    await ok({ type: 'election.declareUnanimous' });
    await ok({ type: 'election.allocate' });
    await ok({ type: 'election.finish' });
  });
  afterAll(async () => {
    for (const c of seats.values()) c.close();
    chair?.close();
    await server?.close();
  });

  it('the CSV in Danish: a Danish header, the elections\u2019 details in Danish words, a Danish file name', async () => {
    const da = await get(`${server.url}/record/votes.csv`);
    expect(da.status).toBe(200);
    expect(da.headers.get('content-disposition')).toBe('attachment; filename="beslutningsprotokol-afstemninger.csv"');
    expect(da.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(da.text);
    expect(rows[0]!.slice(0, 3)).toEqual(['Punkt nr.', 'Punkt', 'Afgørelse (id)']);
    expect(rows[0]).toContain('Detaljer');
    expect(rows[0]).not.toContain('item_number');
    const details = column(rows, 'Detaljer').filter(Boolean);
    expect(details).toHaveLength(3);
    expect(details[0]).toBe('runde 1 | 1. afstemning: Xenia Holm 20, Yusuf Lund 10 | valgt: Xenia Holm');
    expect(details[1]).toMatch(/^d'Hondts metode \(§ 28, stk\. 1\) \| pladser: .+ \d/);
    expect(details[2]).toMatch(/^enstemmig liste, ingen krævede valg \(§ 28, stk\. 5\) \| pladser: /);
    for (const d of details) expect(d).not.toMatch(/\b(round|seats|elected|unanimous|lot among)\b/);
    // The counts and the record's other cells are the same in both languages.
    const en = parseCsv((await get(`${server.url}/record/votes.csv?lang=en`)).text);
    expect(rows.length).toBe(en.length);
    expect(column(rows, 'Afgørelse (id)')).toEqual(column(en, 'decision_id'));
    expect(column(rows, 'For')).toEqual(column(en, 'for'));
  });

  it('the CSV in English keeps the column names scripts read, with English details', async () => {
    const res = await get(`${server.url}/record/votes.csv?lang=en`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="decision-record-votes.csv"');
    expect(res.text.startsWith('\uFEFFitem_number,item_title,decision_id,')).toBe(true);
    const details = column(parseCsv(res.text), 'detail').filter(Boolean);
    expect(details[0]).toBe('round 1 | round 1: Xenia Holm 20, Yusuf Lund 10 | elected: Xenia Holm');
    expect(details[1]).toMatch(/^D'Hondt \(§ 28\(1\)\) \| seats: /);
    expect(details[2]).toMatch(/^unanimous list, no member demanded an election \(§ 28\(5\)\) \| seats: /);
    for (const d of details) expect(d).not.toMatch(/\b(runde|pladser|valgt|stk\.)/);
    // An unknown language is the default, Danish.
    expect((await get(`${server.url}/record/votes.csv?lang=xx`)).text).toBe((await get(`${server.url}/record/votes.csv`)).text);
  });

  it("the members' CSV follows the same language, behind the same sign-in", async () => {
    const code = server.demo.codes[ids[0]!]!;
    expect((await get(`${server.url}/record/members/votes.csv?lang=en`)).status).toBe(401);
    const da = await get(`${server.url}/record/members/votes.csv?code=${encodeURIComponent(code)}`);
    expect(da.headers.get('content-disposition')).toBe('attachment; filename="beslutningsprotokol-medlemmer-afstemninger.csv"');
    expect(da.text.startsWith('\uFEFFPunkt nr.,Punkt,')).toBe(true);
    const en = await get(`${server.url}/record/members/votes.csv?code=${encodeURIComponent(code)}&lang=en`);
    expect(en.headers.get('content-disposition')).toBe('attachment; filename="decision-record-members-votes.csv"');
    expect(en.text.startsWith('\uFEFFitem_number,')).toBe(true);
  });

  it('the printable record names the allocation in its language, and links to the CSV in it', async () => {
    const da = await get(`${server.url}/record`);
    da.text = readable(da.text);
    expect(da.text).toContain("d'Hondts metode (§ 28, stk. 1)");
    expect(da.text).toContain('enstemmig liste, ingen krævede valg (§ 28, stk. 5)');
    expect(da.text).not.toMatch(/unanimous list|D'Hondt \(/);
    expect(da.text).toContain('href="/record/votes.csv"');
    const en = await get(`${server.url}/record?lang=en`);
    en.text = readable(en.text);
    expect(en.text).toContain("D'Hondt (§ 28(1))");
    expect(en.text).toContain('unanimous list, no member demanded an election (§ 28(5))');
    expect(en.text).toContain('href="/record/votes.csv?lang=en"');
  });
});
