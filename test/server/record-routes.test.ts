import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { playSampleMeeting, type SampleMeeting } from '../../server/record/sample';
import { verifyLog } from '../../server/record/verify';
import type { RecordStore } from '../../server/record/store';
import { lastHash } from '../../server/store/db';
import type { LooseAck } from '../../shared/protocol';
import type { DecisionRecord } from '../../shared/record/types';
import type { Refusal } from '../../shared/types';
import { tempDb, testServer } from './helpers';

// § 29 over HTTP: the public record (stk. 4) holds nothing of closed items (§§ 2–3); the
// members' version needs a code or password; the chair and the secretary sign it off, after
// which it is frozen and corrections are new entries.

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text: await res.text() };
}

/** What the sign and correction routes answer (the refusal's status is the response's), loosened so a test reads any field. */
type RouteAnswer = LooseAck<Extract<Awaited<ReturnType<RecordStore['sign']>> | Awaited<ReturnType<RecordStore['correct']>>, { ok: true }> | Refusal>;

async function post(url: string, body: unknown, raw = false) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as RouteAnswer };
}

describe('decision record routes (§ 29)', () => {
  const dbPath = tempDb('record');
  let server: RunningServer;
  let sample: SampleMeeting;
  let chairId: string;
  let memberCode: string;
  // The demo's credentials are random per database: read from the running server.
  let chairPassword: string;
  let secretariatPassword: string;

  beforeAll(async () => {
    server = await testServer({ dbPath });
    // Signing before the meeting is closed is refused.
    chairId = server.service.state.chair.line[0]!;
    chairPassword = server.demo.chairPasswords[chairId]!;
    secretariatPassword = server.demo.secretariatPassword;
    const early = await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: chairPassword });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MEETING_NOT_CLOSED');
    sample = await playSampleMeeting(server.service);
    memberCode = server.demo.codes[server.service.state.persons.m2!.id]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the public record as HTML (da, en), JSON and CSV with nothing of the closed item', async () => {
    const da = await get(`${server.url}/record`);
    expect(da.status).toBe(200);
    expect(da.type).toMatch(/text\/html/);
    expect(da.text).toContain('Beslutningsprotokol');
    expect(da.text).toContain('Lukket punkt');
    expect(da.text).toContain('Cykelsti på Nørrebrogade');
    expect(da.headers.get('cache-control')).toBe('no-store');
    const en = await get(`${server.url}/record?lang=en`);
    expect(en.text).toContain('Decision record');
    expect(en.text).toContain('Closed item');
    const json = await get(`${server.url}/record.json`);
    expect(json.type).toMatch(/application\/json/);
    const rec = JSON.parse(json.text) as DecisionRecord;
    expect(rec.audience).toBe('public');
    const closedNumber = server.service.state.items[sample.closedItemId]!.number;
    expect(rec.items.find((i) => i.number === closedNumber)).toEqual({ closed: true, number: closedNumber, title: 'Lukket punkt' });
    const csv = await get(`${server.url}/record/votes.csv`);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.text).toContain('Punkt nr.,Punkt');
    expect(csv.text).toContain('Cykelsti på Nørrebrogade');
    // English keeps the column codes a script reads.
    const csvEn = await get(`${server.url}/record/votes.csv?lang=en`);
    expect(csvEn.text).toContain('item_number,item_title');

    const all = [da.text, en.text, json.text, csv.text, csvEn.text].join('\n');
    for (const secret of sample.closedSecrets) expect(all, secret).not.toContain(secret);
    for (const e of server.service.state.record.filter((x) => x.itemId === sample.closedItemId)) expect(json.text).not.toContain(`"${e.id}"`);
  });

  it("guards the members' version: a member's code, or the chair's or secretariat's password", async () => {
    const none = await get(`${server.url}/record/members`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect((await get(`${server.url}/record/members.json?code=nope`)).status).toBe(401);
    expect((await get(`${server.url}/record/members.json`, basic('secretariat', 'wrong'))).status).toBe(401);
    expect((await get(`${server.url}/record/members/votes.csv`, basic(chairId, 'wrong'))).status).toBe(401);

    const byCode = await get(`${server.url}/record/members?code=${memberCode}`);
    expect(byCode.status).toBe(200);
    for (const secret of sample.closedSecrets) expect(byCode.text).toContain(secret.replace(/&/g, '&amp;'));
    expect(byCode.text).toContain('Medlemsudgave');
    expect(byCode.text).toContain(`code=${memberCode}`); // its links keep working
    const bySecretariat = await get(`${server.url}/record/members.json`, basic('secretariat', secretariatPassword));
    expect(bySecretariat.status).toBe(200);
    const rec = JSON.parse(bySecretariat.text) as DecisionRecord;
    expect(rec.audience).toBe('members');
    expect(rec.items.find((i) => !i.closed && i.id === sample.closedItemId)).toMatchObject({ closed: false, doors: 'closed', title: server.service.state.items[sample.closedItemId]!.title });
    const byChair = await get(`${server.url}/record/members/votes.csv`, basic(chairId, chairPassword));
    expect(byChair.status).toBe(200);
    expect(byChair.text).toContain('At ejendommen Vesterbrogade 1 sælges til højestbydende køber.');
    const byMemberBasic = await get(`${server.url}/record/members?lang=en`, basic('anyone', memberCode));
    expect(byMemberBasic.status).toBe(200);
    expect(byMemberBasic.text).toContain('Members&#39; edition');
  });

  it('refuses malformed and unauthorized sign-offs', async () => {
    expect((await post(`${server.url}/record/sign`, '{not json', true)).body.code).toBe('MALFORMED');
    expect((await post(`${server.url}/record/sign`, { role: 'mayor', password: 'x' })).status).toBe(400);
    expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: 'x', extra: 1 })).status).toBe(400);
    const wrong = await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: secretariatPassword });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ ok: false, code: 'UNAUTHORIZED', paragraph: '§ 29' });
    expect(wrong.body.message!.da.length).toBeGreaterThan(0);
    const json = JSON.parse((await get(`${server.url}/record.json`)).text);
    expect(json.signatures).toEqual([]);
    expect(json.anchor).toBeNull();
  });

  it('signs: the chair first fixes the record at the chain head; later log entries stay apart', async () => {
    const head = lastHash(server.service.db);
    const before = JSON.parse((await get(`${server.url}/record.json`)).text);
    const r = await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: chairPassword });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, signed: false, signature: { role: 'chair', personId: chairId, name: server.service.state.persons[chairId]!.name, lastSeq: head.seq, lastHash: head.hash } });
    expect((await post(`${server.url}/record/sign`, { role: 'chair', personId: chairId, password: chairPassword })).body.code).toBe('ALREADY_SIGNED');

    // A member adds a dissent after the signature: it is listed apart, the signed text stays.
    const s = server.service.state;
    const entry = s.record.find((e) => e.subject?.kind === 'reading')!;
    const m1 = Object.values(s.persons).find((p) => p.kind === 'member' && s.presence[p.seatId!]?.online && p.id !== chairId)!;
    const ack = await server.service.dispatch({ type: 'record.dissent', entryId: entry.id, text: 'Tilføjet efter underskriften.' }, { role: 'member', personId: m1.id, seatId: m1.seatId! });
    expect(ack.ok).toBe(true);
    const after = JSON.parse((await get(`${server.url}/record.json`)).text);
    expect(after.items).toEqual(before.items);
    expect(after.anchor).toMatchObject({ lastSeq: head.seq, lastHash: head.hash });
    expect(after.later).toEqual([expect.objectContaining({ kind: 'dissent', text: 'Tilføjet efter underskriften.', closed: false })]);
    const html = (await get(`${server.url}/record`)).text;
    expect(html).toContain(head.hash);
    expect(html).toContain('Tilføjelser i mødets log efter underskriften');
  });

  it('co-signs the same frozen record; a further signature is refused', async () => {
    const chair = JSON.parse((await get(`${server.url}/record.json`)).text).signatures[0];
    const r = await post(`${server.url}/record/sign`, { role: 'secretariat', password: secretariatPassword, name: 'Mette Sekretær' });
    expect(r.status).toBe(200);
    expect(r.body.signed).toBe(true);
    expect(r.body.signature).toMatchObject({ role: 'secretariat', personId: null, name: 'Mette Sekretær', lastSeq: chair.lastSeq, lastHash: chair.lastHash });
    expect(lastHash(server.service.db).seq).toBeGreaterThan(chair.lastSeq);
    for (const body of [
      { role: 'secretariat', password: secretariatPassword },
      { role: 'chair', personId: chairId, password: chairPassword },
    ]) {
      const again = await post(`${server.url}/record/sign`, body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RECORD_SIGNED');
    }
    const rec = JSON.parse((await get(`${server.url}/record.json`)).text) as DecisionRecord;
    expect(rec.signed).toBe(true);
    expect(rec.signatures.map((x) => x.role)).toEqual(['chair', 'secretariat']);
    const html = (await get(`${server.url}/record`)).text;
    expect(html).not.toContain('Udkast');
    expect(html).toContain('Mette Sekretær');
  });

  it('adds corrections as new, visible entries; a closed item’s correction stays out of the public version', async () => {
    const ok = await post(`${server.url}/record/corrections`, { role: 'chair', personId: chairId, password: chairPassword, itemId: 'i2', text: 'Punkt 2: stemmetallet for ændringsforslag 1 rettes.' });
    expect(ok.status).toBe(200);
    expect(ok.body.correction).toMatchObject({ itemId: 'i2', byRole: 'chair', lastSeq: lastHash(server.service.db).seq, lastHash: lastHash(server.service.db).hash });
    const secret = 'Rettelse til lukket punkt: køberen hedder Hansen ApS.';
    expect((await post(`${server.url}/record/corrections`, { role: 'secretariat', password: secretariatPassword, itemId: sample.closedItemId, text: secret })).status).toBe(200);
    expect((await post(`${server.url}/record/corrections`, { role: 'secretariat', password: secretariatPassword, itemId: 'nope', text: 'x' })).body.code).toBe('UNKNOWN_ITEM');
    expect((await post(`${server.url}/record/corrections`, { role: 'secretariat', password: 'bad', text: 'x' })).status).toBe(401);
    expect((await post(`${server.url}/record/corrections`, { role: 'secretariat', password: secretariatPassword, text: '   ' })).status).toBe(400);

    const pub = JSON.parse((await get(`${server.url}/record.json`)).text);
    expect(pub.corrections).toHaveLength(2);
    expect(pub.corrections[0]).toMatchObject({ itemNumber: 2, text: 'Punkt 2: stemmetallet for ændringsforslag 1 rettes.' });
    expect(pub.corrections[1]).toMatchObject({ closed: true });
    expect(pub.corrections[1].text).toBeUndefined();
    const pubAll = [(await get(`${server.url}/record`)).text, JSON.stringify(pub), (await get(`${server.url}/record/votes.csv`)).text].join('');
    expect(pubAll).not.toContain('Hansen ApS');
    const members = JSON.parse((await get(`${server.url}/record/members.json`, basic('secretariat', secretariatPassword))).text);
    expect(members.corrections[1].text).toBe(secret);
  });

  it('the database refuses to change or remove a signature or a correction', () => {
    const db = server.service.db;
    expect(() => db.prepare("UPDATE record_signatures SET name = 'X'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM record_signatures').run()).toThrow(/never removed/);
    expect(() => db.prepare("UPDATE record_corrections SET text = 'X'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM record_corrections').run()).toThrow(/never removed/);
  });

  it('keeps the signed record across a restart, and the log verifies against its hash', async () => {
    const before = (await get(`${server.url}/record.json`)).text;
    await server.close();
    server = await testServer({ dbPath });
    const after = (await get(`${server.url}/record.json`)).text;
    expect(after).toBe(before);
    const rec = JSON.parse(after);
    const v = verifyLog(dbPath, { expect: rec.anchor.lastHash });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.found).toEqual({ hash: rec.anchor.lastHash, seq: rec.anchor.lastSeq });
      expect(v.setupHash).toBe(rec.anchor.setupHash);
    }
  });

  it('throttles guessing of member codes', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await get(`${server.url}/record/members.json?code=${9000 + i}x`)).status;
    expect(last).toBe(429);
    expect((await get(`${server.url}/record/members.json?code=${memberCode}`)).status).toBe(429);
    expect((await get(`${server.url}/record.json`)).status).toBe(200);
  });
});
