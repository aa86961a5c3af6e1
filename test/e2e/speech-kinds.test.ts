import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { styledName } from '../../shared/names';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, signInChair, Stage } from './stage';

// Issue #16, item 6 — the annex's kinds of speech (bilag 1) on the screens: a member asks for a
// short remark [kort bemærkning] on the seat while someone speaks; the chair sees the kind in
// the queue and gives the floor; the gallery shows the kind and the time left.

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let seatPage: Page;
let gallery: Page;
let overlay: Page;
let chairSocket: Socket;
let seats: Map<string, Socket>;
let me: Person;
let speaker: Person;

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const ok = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
};

beforeAll(async () => {
  server = await stage.start('salen-speech-kinds', {});
  const { demo } = server;
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId && !demo.setup.chairLine.includes(p.id));
  speaker = members[0]!;
  me = members.find((p) => p.groupId !== speaker.groupId)!;
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
  await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
  chairSocket = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  // A quorum (§ 15) at their seats by socket; the member under test checks in on the screen.
  seats = await stage.checkInSeats(members.filter((p) => p.id !== me.id).slice(0, 30));
  seatPage = await stage.newPage({ width: 1180, height: 820 }, `/seat#key=${encodeURIComponent(demo.seatKeys[me.seatId!]!)}`);
  await checkInAt(seatPage, demo.codes[me.id]!);
  gallery = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
  overlay = await stage.newPage({ width: 1920, height: 1080 }, '/overlay');
});

afterAll(() => stage.close());

describe('a short remark [kort bemærkning] from the seat, given by the chair, shown on the gallery (annex, bilag 1)', () => {
  it('the member asks during a speech and sees the place; the chair sees the kind in the queue and gives it; the gallery shows the kind and the time left', async () => {
    await ok(chairSocket, { type: 'meeting.open' });
    await ok(chairSocket, { type: 'item.start', itemId: 'i2' });
    await ok(seats.get(speaker.id)!, { type: 'floor.request' });
    await ok(chairSocket, { type: 'floor.give' });
    const state = () => server.service.state.items.i2!;
    await poll(() => seatPage.getByTestId('seat-speaking').innerText()).toContain('1. indlæg');

    // The seat: the remark button, then the member's place with the kind, as feedback.
    const ask = seatPage.getByRole('button', { name: 'Bed om kort bemærkning' });
    await poll(() => ask.isEnabled()).toBe(true);
    await ask.click();
    await poll(() => state().debate.requests.map((r) => `${r.kind}:${r.personId}`)).toEqual([`remark:${me.id}`]);
    await poll(() => seatPage.getByTestId('my-place').innerText()).toContain('Du er nr. 1 på talerlisten: Kort bemærkning');
    await seatPage.getByRole('button', { name: 'Træk kort bemærkning tilbage' }).waitFor();
    await expectAccessible(seatPage, 'the seat with a short remark asked for');

    // The chair: the kind in the queue; the floor is given once the speech has ended.
    const queue = chair.getByTestId('chair-queue');
    await poll(() => queue.innerText()).toContain('Kort bemærkning');
    await ok(chairSocket, { type: 'floor.end' });
    const give = chair.getByRole('button', { name: new RegExp(`^Giv ordet: ${styledName(server.service.state.persons[me.id]!)}`) });
    await poll(() => give.isEnabled()).toBe(true);
    await give.click();
    await poll(() => state().debate.speaking).toMatchObject({ personId: me.id, kind: 'remark' });
    await poll(() => chair.getByTestId('chair-speech-kind').innerText()).toBe('Kort bemærkning');
    await expectAccessible(chair, 'the console giving a short remark');

    // The gallery: the kind beside the speaker and the remark's own time (one minute) counting down.
    await poll(() => gallery.getByTestId('gallery-speech-kind').innerText()).toBe('Kort bemærkning');
    const clock = gallery.locator('.gallery-clock');
    await poll(async () => (await clock.innerText()).trim()).toMatch(/^(1:00|0:[0-5]\d)$/);
    await expectAccessible(gallery, 'the gallery with a short remark');
    // The broadcast overlay's lower third names the kind too.
    await poll(() => overlay.getByTestId('overlay-speech-kind').innerText()).toBe('Kort bemærkning');
    await seatPage.getByRole('button', { name: 'Afslut mit indlæg' }).waitFor();
    await poll(() => seatPage.getByTestId('seat-speaking').innerText()).toContain('Kort bemærkning');
    await expectAccessible(seatPage, 'the seat giving its short remark');
  });

  it('a second remark to the same speech is refused on the seat with the paragraph', async () => {
    await ok(chairSocket, { type: 'floor.end' });
    await poll(() => server.service.state.items.i2!.debate.speaking).toBeNull();
    const ask = seatPage.getByRole('button', { name: 'Bed om kort bemærkning' });
    await poll(() => ask.isDisabled()).toBe(true);
    await poll(() => seatPage.getByTestId('speech-kinds').innerText()).toContain('§ 19, stk. 2, bilag 1');
  });
});

describe('the speaking time per group per item (annex, optional)', () => {
  it('on an item with a budget, the seat, the chair and the gallery show the speaker’s group’s time beside the speech’s', async () => {
    await ok(chairSocket, { type: 'item.finish' });
    await ok(chairSocket, { type: 'agenda.add', item: { id: 'u1', title: 'Punkt med tidsramme', text: '', kind: 'other', doors: 'open', groupBudgetSeconds: 600 } });
    await ok(chairSocket, { type: 'item.start', itemId: 'u1' });
    await ok(seats.get(speaker.id)!, { type: 'floor.request' });
    await ok(chairSocket, { type: 'floor.give' });
    await poll(() => server.service.state.items.u1!.debate.speaking?.personId).toBe(speaker.id);
    const clock = /Gruppens taletid: (10:00|9:[0-5]\d)/;
    await poll(() => gallery.getByTestId('gallery-group-time').innerText()).toMatch(clock);
    await poll(() => chair.getByTestId('chair-group-time').innerText()).toMatch(clock);
    await poll(() => seatPage.getByTestId('seat-group-time').innerText()).toMatch(clock);
    await expectAccessible(gallery, 'the gallery with a group’s time');
  });
});
