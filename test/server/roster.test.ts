import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { verifyCouncilChain } from '../../server/record/verify';
import { findBySecret } from '../../server/store/credentials';
import type { Council } from '../../shared/term/roster';
import { chairClient, connect, testServer, type Client } from './helpers';

// Issue #14, item 2: the secretariat keeps the council's roster between meetings — an import
// that is all or nothing, members added and leaving, a substitute becoming a member (§ 8),
// the seat map (§ 17) — each change in the roster's own hash chain. Through real sockets, a
// real server and a real SQLite file.
describe("the council's roster (§§ 8, 17, 18)", () => {
  let server: RunningServer;
  let sec: Client;
  let chair: Client;
  const pushes: { council: Council; seq: number }[] = [];
  let importedCode = '';
  let left = '';

  const council = async (): Promise<Council> => (await sec.emit('council.get')).council;
  const csvOf = (c: Council, extra: string[] = [], drop: string[] = []) =>
    [
      'id;name;kind;group;seat;title;group_name;group_color',
      ...c.persons.filter((p) => !drop.includes(p.id)).map((p) => `${p.id};${p.name};${p.kind};${p.groupId};${p.seatId ?? ''};${p.title ?? ''};;`),
      ...extra,
    ].join('\n');
  const events = () => (server.service.db.prepare('SELECT COUNT(*) AS n FROM council_events').get() as { n: number }).n;

  beforeAll(async () => {
    server = await testServer({ demoSeats: 9 });
    sec = await connect(server.url, { role: 'secretariat', password: server.demo.secretariatPassword });
    sec.socket.on('council', (m) => pushes.push(m));
    chair = await chairClient(server);
  });
  afterAll(async () => {
    for (const c of [sec, chair]) c?.close();
    await server?.close();
  });

  it('only the secretariat reads and changes the roster (§ 8)', async () => {
    const before = await council();
    expect(before.persons.filter((p) => p.kind === 'member')).toHaveLength(9);
    expect(await chair.emit('council.get')).toMatchObject({ ok: false, code: 'NOT_SECRETARIAT', paragraph: '§ 8' });
    expect(await chair.emit('person.add', { name: 'Ny Person', groupId: 'A', kind: 'substitute' })).toMatchObject({ ok: false, code: 'NOT_SECRETARIAT', paragraph: '§ 8' });
    expect(await council()).toEqual(before);
    expect(events()).toBe(0);
  });

  it('a malformed payload is refused with MALFORMED and changes nothing', async () => {
    const before = await council();
    const junk: [string, unknown][] = [
      ['council.import', { format: 'xml', text: 'x' }],
      ['council.import', { format: 'csv', text: 'x'.repeat(15_001) }],
      ['person.add', { name: 'X', groupId: 'A', kind: 'member', seatId: 'S01', role: 'chair' }],
      ['person.add', [1, 2]],
      ['person.edit', { personId: 42 }],
      ['person.leave', 'm2'],
      ['substitute.promote', { personId: 'sub1' }],
      ['group.add', { letter: 'Z', name: 'Z', color: 'red', independent: false }],
      ['group.edit', { groupId: '__proto__x', name: '' }],
      ['seats.set', { seats: [{ id: 'S01', x: 'left', y: 0 }] }],
    ];
    // Through a socket of its own: the junk counts against that socket's message rate only.
    const other = await connect(server.url, { role: 'secretariat', password: server.demo.secretariatPassword });
    try {
      for (const [event, payload] of junk) expect(await other.emit(event, payload), event).toMatchObject({ ok: false, code: 'MALFORMED' });
    } finally {
      other.close();
    }
    expect(await council()).toEqual(before);
    expect(events()).toBe(0);
  });

  it('a CSV with a bad row is refused whole, naming the line and the field; nothing is imported', async () => {
    const before = await council();
    const lines = csvOf(before, ['n1;Nina Nyvalgt;medlemmer;A;;;;', 'n2;Niels Ny;substitute;Q;;;;']).split('\n');
    const r = await sec.emit('council.import', { format: 'csv', text: lines.join('\n') });
    expect(r).toMatchObject({ ok: false, code: 'ROSTER_IMPORT_INVALID', paragraph: '§ 17' });
    const badKind = lines.length - 1;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: badKind, field: 'kind' }),
        expect.objectContaining({ line: badKind + 1, field: 'group' }),
      ]),
    );
    expect(r.problems[0].message.da).toMatch(/kind/);
    expect(await council()).toEqual(before);
    expect(events()).toBe(0);
  });

  it('a member on a seat that does not exist, or on a seat already held, is named by line (§ 17)', async () => {
    const before = await council();
    const someSeat = before.persons.find((p) => p.kind === 'member')!.seatId;
    const text = csvOf(before, [`n1;Nina Nyvalgt;member;A;NOPE;;;`, `n2;Niels Ny;member;A;${someSeat};;;`]);
    const r = await sec.emit('council.import', { format: 'csv', text });
    const n = text.split('\n').length;
    expect(r.problems).toEqual([
      expect.objectContaining({ line: n - 1, field: 'seat' }),
      expect.objectContaining({ line: n, field: 'seat' }),
    ]);
    expect(await council()).toEqual(before);
  });

  it('a good import replaces the roster, draws codes for the new persons, and is pushed to the secretariat', async () => {
    const before = await council();
    const leaving = before.persons.find((p) => p.kind === 'member' && !before.chairLine.includes(p.id))!;
    const text = csvOf(before, ['n2;Niels Ny;stedfortræder;G;;;Grønne Gruppe;#2e7d32'], [leaving.id]);
    const r = await sec.emit('council.import', { format: 'csv', text });
    expect(r).toMatchObject({ ok: true, seq: 1 });
    expect(Object.keys(r.codes)).toEqual(['n2']);
    expect(r.codes.n2).toMatch(/^\d{6}$/);
    expect(findBySecret(server.service.db, 'code', r.codes.n2)).toBe('n2');
    importedCode = r.codes.n2;
    left = leaving.id;
    const after = await council();
    expect(after.persons.map((p) => p.id)).not.toContain(leaving.id);
    expect(after.persons.find((p) => p.id === 'n2')).toMatchObject({ kind: 'substitute', groupId: 'G', seatId: null });
    expect(after.groups.find((g) => g.id === 'G')).toMatchObject({ name: 'Grønne Gruppe', color: '#2e7d32' });
    await expect.poll(() => pushes.at(-1)?.seq).toBe(1);
    // The live meeting keeps the roster it went live with.
    expect(server.service.state.persons[leaving.id]).toBeDefined();
    expect(server.service.state.persons.n2).toBeUndefined();
  });

  it('adds a member with a personal code; the chair line cannot leave (§ 18, stk. 2); a substitute takes a vacant seat (§ 8)', async () => {
    const before = await council();
    const held = new Set(before.persons.map((p) => p.seatId));
    const vacant = before.chamber.seats.find((s) => !held.has(s.id))!.id;
    const taken = before.persons.find((p) => p.kind === 'member')!.seatId;

    expect(await sec.emit('person.add', { name: 'Ida Dobbelt', groupId: 'A', kind: 'member', seatId: taken })).toMatchObject({ ok: false, code: 'SEAT_TAKEN', paragraph: '§ 17' });
    expect(await sec.emit('person.add', { name: 'Sub Med Plads', groupId: 'A', kind: 'substitute', seatId: vacant })).toMatchObject({ ok: false, code: 'SUBSTITUTE_NO_SEAT', paragraph: '§ 8' });
    const chairId = before.chairLine[0]!;
    expect(await sec.emit('person.leave', { personId: chairId })).toMatchObject({ ok: false, code: 'IN_CHAIR_LINE', paragraph: '§ 18, stk. 2' });
    const member = before.persons.find((p) => p.kind === 'member')!;
    expect(await sec.emit('substitute.promote', { personId: member.id, seatId: vacant })).toMatchObject({ ok: false, code: 'NOT_A_SUBSTITUTE', paragraph: '§ 8' });
    expect(await sec.emit('substitute.promote', { personId: 'n2', seatId: taken })).toMatchObject({ ok: false, code: 'SEAT_TAKEN' });
    expect(await council()).toEqual(before);
    expect(events()).toBe(1);

    const added = await sec.emit('person.add', { name: 'Sofie Suppleant', groupId: 'G', kind: 'substitute', title: 'Rådmand' });
    expect(added).toMatchObject({ ok: true, personId: expect.any(String), code: expect.stringMatching(/^\d{6}$/) });
    expect(findBySecret(server.service.db, 'code', added.code)).toBe(added.personId);

    expect(await sec.emit('substitute.promote', { personId: 'n2', seatId: vacant })).toMatchObject({ ok: true });
    const after = await council();
    expect(after.persons.find((p) => p.id === 'n2')).toMatchObject({ kind: 'member', seatId: vacant });
    expect(after.persons.find((p) => p.id === added.personId)).toMatchObject({ name: 'Sofie Suppleant', title: 'Rådmand', kind: 'substitute' });

    expect(await sec.emit('person.edit', { personId: added.personId, name: 'Sofie Stedfortræder', title: null })).toMatchObject({ ok: true });
    expect((await council()).persons.find((p) => p.id === added.personId)).not.toHaveProperty('title');
    expect(await sec.emit('person.leave', { personId: added.personId })).toMatchObject({ ok: true });
    expect((await council()).persons.map((p) => p.id)).not.toContain(added.personId);
  });

  it('groups are added and edited; the seat map keeps every seat once within 0–100 (§ 17)', async () => {
    expect(await sec.emit('group.add', { id: 'G', letter: 'G', name: 'Igen', color: '#000000', independent: false })).toMatchObject({ ok: false, code: 'GROUP_EXISTS' });
    expect(await sec.emit('group.add', { letter: 'H', name: 'Hjemmestyre', color: '#112233', independent: false })).toMatchObject({ ok: true });
    expect(await sec.emit('group.edit', { groupId: 'G', name: 'De Grønne' })).toMatchObject({ ok: true });
    const before = await council();
    expect(before.groups.find((g) => g.id === 'G')?.name).toBe('De Grønne');
    const seats = before.chamber.seats;
    expect(await sec.emit('seats.set', { seats: seats.slice(1) })).toMatchObject({ ok: false, code: 'BAD_SEAT_MAP', paragraph: '§ 17' });
    expect(await sec.emit('seats.set', { seats: seats.map((s, i) => (i === 0 ? { ...s, x: 140 } : s)) })).toMatchObject({ ok: false, code: 'BAD_SEAT_MAP' });
    expect(await council()).toEqual(before);
    const moved = seats.map((s, i) => (i === 0 ? { ...s, x: 12.34, y: 80 } : s));
    expect(await sec.emit('seats.set', { seats: moved })).toMatchObject({ ok: true });
    expect((await council()).chamber.seats[0]).toMatchObject({ x: 12.3, y: 80 });
  });

  it('a meeting that goes live later takes the roster as it is then: the promoted member checks in with the code from the import', async () => {
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const planned = await sec.emit('meeting.plan', { title: 'Næste møde', date, time: '17:00', agenda: [] });
    expect(planned.ok).toBe(true);
    expect(await sec.emit('meeting.activate', { meetingId: planned.meeting.id })).toMatchObject({ ok: true });
    const state = server.service.state;
    expect(state.persons[left]).toBeUndefined();
    const n2 = state.persons.n2!;
    expect(n2).toMatchObject({ kind: 'member' });
    expect(state.chamber.seats[0]).toMatchObject({ x: 12.3, y: 80 });
    const seat = await connect(server.url, { role: 'seat', seatKey: server.demo.seatKeys[n2.seatId!] });
    try {
      expect(await seat.emit('checkIn', { code: importedCode })).toMatchObject({ ok: true });
      expect(server.service.state.presence[n2.seatId!]?.personId).toBe('n2');
    } finally {
      seat.close();
    }
  });

  it("every change is in the roster's hash chain, and the chain verifies", async () => {
    const r = verifyCouncilChain(server.service.db);
    expect(r).toEqual({ ok: true, changes: events() });
    expect(events()).toBe(8);
    const changes = (server.service.db.prepare('SELECT change FROM council_events ORDER BY seq').all() as { change: string }[]).map((c) => JSON.parse(c.change).type);
    expect(changes).toEqual(['council.import', 'person.add', 'substitute.promote', 'person.edit', 'person.leave', 'group.add', 'group.edit', 'seats.set']);
  });
});
