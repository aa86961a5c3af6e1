import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { rollCallNeeded } from '../../shared/engine/selectors';
import type { MeetingState } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, signInChair, Stage } from './stage';

// Issue #12, item 5 — what a play-through found on the chair's console: the vote form kept
// the last vote's mode and ignored a demanded roll call; feedback lines never expired and
// kept the old language after a switch. The real server, the chair in chromium, the members
// on plain seat sockets.

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let secretariat: Socket;
const seatSockets: Socket[] = [];

const feedback = () => chair.getByTestId('feedback').innerText();
const fullState = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;

beforeAll(async () => {
  server = await stage.start('salen-chair-playtest', {});
  const { demo } = server;
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId);
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
  await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
  seatSockets.push(...(await stage.checkInSeats(members)).values());
  secretariat = await stage.openSocket({ role: 'secretariat', password: demo.secretariatPassword });
});

afterAll(() => stage.close());

describe("the chair's console after a play-through (issue #12)", () => {
  it('a success line clears after a few seconds; a refusal stays, and follows a language switch', async () => {
    await chair.getByRole('button', { name: 'Åbn mødet' }).click();
    await expect.poll(feedback).toBe('✓ Åbn mødet: Modtaget');
    const shownAt = Date.now();
    await expect.poll(async () => (await feedback()).trim(), { timeout: 10_000 }).toBe('');
    // Not at once: long enough to read (FEEDBACK_OK_MS is 6 s).
    expect(Date.now() - shownAt).toBeGreaterThan(4_500);

    await chair.getByRole('button', { name: 'Start Punkt 2' }).click();
    await expect.poll(feedback).toBe('✓ Start Punkt 2: Modtaget');

    // A refusal only the server gives: the message is over the transport's size limit.
    await chair.getByLabel('Udvalg').fill('x'.repeat(17_000));
    await chair.getByRole('button', { name: 'Henvis til udvalg (§ 26)' }).click();
    const refusedDa = '✗ Henvis til udvalg (§ 26) — Beskeden er for stor.';
    await expect.poll(feedback).toBe(refusedDa);
    await expectAccessible(chair, 'chair, a refusal on the feedback line');
    expect((await fullState()).declaration).toBeNull();
    // It stays past the time a success line gets.
    await chair.waitForTimeout(7_000);
    expect(await feedback()).toBe(refusedDa);

    // The language button re-renders the same line, label and reason, in English.
    await chair.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
    await expect.poll(feedback).toBe('✗ Refer to committee (§ 26) — The message is too large.');
    await expectAccessible(chair, 'chair in English');
    await chair.getByRole('button', { name: 'Switch language to Danish' }).click();
    await expect.poll(feedback).toBe(refusedDa);
    await chair.getByLabel('Udvalg').fill('');
    const s = await fullState();
    expect(s.declaration).toBeNull();
    expect(s.items[s.currentItem!]!.status).toBe('active');
  });

  it('the vote mode starts from electronic for each vote, and shows the roll call once one is demanded', async () => {
    const mode = chair.getByLabel('Afstemningsmåde');
    const kind = chair.getByLabel('Afstemningstema', { exact: true });
    await expect.poll(() => mode.inputValue()).toBe('electronic');

    // A show of hands (§ 24, stk. 1) on closing the debate, counted and registered.
    await kind.selectOption('closure');
    await mode.selectOption('manual');
    await chair.getByRole('button', { name: 'Åbn afstemning', exact: true }).click();
    await chair.getByRole('heading', { name: /Afstemning i gang · Håndsoprækning/ }).waitFor();
    await expectAccessible(chair, 'chair, show of hands: the count');
    await chair.getByRole('group', { name: 'Optælling' }).getByLabel('Imod').fill('5');
    await chair.getByRole('group', { name: 'Kontraprøve' }).getByLabel('Imod').fill('5');
    await chair.getByRole('button', { name: 'Registrér resultat' }).click();
    await expect.poll(() => chair.getByTestId('chair-result').innerText()).toMatch(/Håndsoprækning/);

    // The next vote's form starts from electronic again, and V opens exactly that.
    await expect.poll(() => mode.inputValue()).toBe('electronic');
    await kind.selectOption('closure');
    await chair.getByRole('heading', { name: 'Talerliste' }).click();
    await chair.keyboard.press('v');
    await chair.getByRole('heading', { name: /Afstemning i gang · Elektronisk/ }).waitFor();
    const open = await fullState();
    expect(open.votes[open.activeVote!]!.mode).toBe('electronic');
    await chair.keyboard.press('c');
    await mode.waitFor();
    await expect.poll(() => mode.inputValue()).toBe('electronic');

    // The chair picks a show of hands; then a third of those present demand a roll call
    // (§ 24, stk. 2): the form shows the roll call, which the engine now requires.
    await mode.selectOption('manual');
    const needed = rollCallNeeded(await fullState());
    expect(needed).toBeGreaterThan(1);
    for (const [i, s] of seatSockets.slice(0, needed - 1).entries()) expect((await emit(s, 'action', { type: 'rollCall.demand' })).ok, `demand ${i}`).toBe(true);
    await chair.waitForTimeout(300);
    expect(await mode.inputValue()).toBe('manual');
    expect((await emit(seatSockets[needed - 1]!, 'action', { type: 'rollCall.demand' })).ok).toBe(true);
    await expect.poll(() => mode.inputValue()).toBe('rollCall');
    expect(await mode.locator('option:checked').innerText()).toBe('Navneopråb');

    await chair.getByRole('heading', { name: 'Talerliste' }).click();
    await chair.keyboard.press('v');
    await chair.getByRole('heading', { name: /Afstemning i gang · Navneopråb/ }).waitFor();
    await expectAccessible(chair, 'chair, roll call open');
  });
});
