import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { styledName } from '../../shared/names';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #12, item 5: the wall did not say that a vote was on an amendment, nor whose it was,
// and the consoles numbered amendments by voting order while the record numbered them as
// handed in. Here the chair and the members act through real sockets; the gallery runs in
// chromium and must name the amendment by its one number (the order handed in) and its
// mover, however the chair orders the votes.

const stage = new Stage();
let server: RunningServer;
let gallery: Page;
let chair: Socket;
const seat = new Map<string, Socket>();

const act = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
  return r;
};
const state = async () => ((await emit(chair, 'sync')) as unknown as { view: MeetingState }).view;
const voteLine = () => gallery.getByTestId('gallery-vote-amendment');
const listed = () => gallery.getByTestId('gallery-amendments').locator('li[data-amendment]');

beforeAll(async () => {
  server = await stage.start('salen-e2e-gallery-amendment', {});
  const { demo } = server;
  gallery = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  // 30 present (quorum), members of C, F and B among them.
  const all = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId);
  const movers = ['C', 'F', 'B'].map((g) => all.find((p) => p.groupId === g && p.id !== chairId)!);
  const members = [...movers, ...all.filter((p) => !movers.includes(p))].slice(0, 30);
  for (const p of members) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
    expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
    seat.set(p.id, s);
  }
  await act(chair, { type: 'meeting.open' });
  await act(chair, { type: 'item.start', itemId: 'i2' });
  await gallery.getByRole('heading', { name: /Cykelsti på Nørrebrogade/ }).waitFor();
});

afterAll(() => stage.close());

describe('the gallery names the amendment a vote is on (§ 25)', () => {
  it('by its number as handed in and its mover, in Danish and in English; a vote on anything else names none', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const chairId = demo.setup.chairLine[0]!;
    const present = [...seat.keys()].map((id) => persons.find((p) => p.id === id)!).filter((p) => p.id !== chairId);
    const from = (group: string): Person => present.find((p) => p.groupId === group)!;
    const [c, f, b] = [from('C'), from('F'), from('B')];
    expect([c, f, b].every(Boolean)).toBe(true);
    // § 19, stk. 4: a mover who is a mayor is named with the official title.
    const party = (p: Person) => demo.setup.groups.find((g) => g.id === p.groupId)!.name;

    // A vote that is not on an amendment: the wall says a vote is on, and names no amendment.
    await act(chair, { type: 'vote.open', point: 'At forhandlingen afsluttes.', subject: { kind: 'closure' } });
    await gallery.getByText('Afstemning i gang').waitFor();
    await gallery.locator('main').getByText('At forhandlingen afsluttes.').waitFor();
    await expectAccessible(gallery, 'gallery, a vote on closure');
    expect(await voteLine().count()).toBe(0);
    await act(chair, { type: 'vote.close' });
    await expect.poll(() => gallery.getByTestId('gallery-vote').count()).toBe(0);

    // Handed in: 1 by C, 2 by F, and 1a (to 1) by B.
    await act(seat.get(c.id)!, { type: 'amendment.submit', text: 'Cykelstien gøres 3 meter bred.' });
    await act(seat.get(f.id)!, { type: 'amendment.submit', text: 'Cykelstien får en grøn rabat.' });
    const first = Object.values((await state()).amendments).find((a) => a.proposer === c.id)!;
    await act(seat.get(b.id)!, { type: 'amendment.submit', text: 'Bredden gælder kun på strækningen ved Nørrebroparken.', parentId: first.id });
    const s = await state();
    const byProposer = (p: Person) => Object.values(s.amendments).find((a) => a.proposer === p.id)!;
    const [am1, am2, am1a] = [byProposer(c), byProposer(f), byProposer(b)];
    await expect.poll(async () => (await listed().all()).length).toBe(3);

    // The chair puts 2 first: voted on first, still number 2 (and 1a before 1, § 25, stk. 4).
    await act(chair, { type: 'amendment.order', order: [am2.id, am1.id, am1a.id] });
    await expect.poll(async () => Promise.all((await listed().all()).map((li) => li.getAttribute('data-amendment')))).toEqual(['2', '1', '1a']);
    const listText = await gallery.getByTestId('gallery-amendments').innerText();
    expect(listText).toContain('Nr. 2');
    expect(listText).toContain('Cykelstien får en grøn rabat.');
    expect(listText).toContain(f.name);

    await act(chair, { type: 'vote.open', point: 'Cykelstien får en grøn rabat.', subject: { kind: 'amendment', amendmentId: am2.id } });
    await expect.poll(() => voteLine().innerText()).toBe(`Afstemning om ændringsforslag 2 (stillet af ${styledName(f)}, ${party(f)})`);
    expect(await gallery.locator('li[data-amendment="2"]').getAttribute('class')).toContain('is-voting');
    expect(await gallery.locator('li[data-amendment="1"]').getAttribute('class')).not.toContain('is-voting');
    await expectAccessible(gallery, 'gallery, a vote on an amendment with the list');

    // English is a click away, the same number and mover.
    await gallery.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
    await expect.poll(() => voteLine().innerText()).toBe(`Vote on amendment 2 (moved by ${styledName(f)}, ${party(f)})`);
    expect(await gallery.getByTestId('gallery-amendments').innerText()).toContain('No. 2');
    await expectAccessible(gallery, 'gallery, amendments in English');
    await gallery.getByRole('button', { name: 'Switch language to Danish' }).click();
    await expect.poll(() => voteLine().innerText()).toBe(`Afstemning om ændringsforslag 2 (stillet af ${styledName(f)}, ${party(f)})`);

    // Closed: its fate shows in the list; the next vote is the sub-amendment 1a, second in line.
    for (const p of present.slice(0, 20)) await act(seat.get(p.id)!, { type: 'vote.cast', choice: 'against' });
    await act(chair, { type: 'vote.close' });
    await expect.poll(() => voteLine().count()).toBe(0);
    await expect.poll(() => gallery.locator('li[data-amendment="2"]').innerText()).toContain('forkastet');
    await act(chair, { type: 'vote.open', point: 'Bredden gælder kun ved Nørrebroparken.', subject: { kind: 'amendment', amendmentId: am1a.id } });
    await expect.poll(() => voteLine().innerText()).toBe(`Afstemning om ændringsforslag 1a (stillet af ${styledName(b)}, ${party(b)})`);
    expect(await gallery.locator('li[data-amendment="1a"]').getAttribute('class')).toContain('is-voting');
  }, 120_000);
});
