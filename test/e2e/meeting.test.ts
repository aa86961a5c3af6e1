import { statSync } from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, SCREENSHOTS, signInChair, Stage } from './stage';

// One council meeting played through the real screens: the chair's console, three seat
// terminals from three parties, and the public display, each in its own browser context,
// against the real server. The other members join through plain seat sockets.

type Running = RunningServer;

const stage = new Stage();
const { openSocket, newPage } = stage;
let server: Running;
const started = Date.now();

/** The names in a list, in order, as the screen shows them. */
async function namesIn(page: Page, listName: string, persons: Person[]): Promise<string[]> {
  const items = await page.getByRole('list', { name: listName }).getByRole('listitem').allInnerTexts();
  return items.map((text) => persons.find((p) => text.includes(p.name))?.name ?? text);
}

beforeAll(async () => {
  server = await stage.start('salen-e2e', {});
});

afterAll(() => stage.close());

describe('a meeting played on the screens', () => {
  it('check-in, § 19 speaker order, a vote on the seat map, a roll-call demand, a closed item', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const members = persons.filter((p) => p.kind === 'member' && p.seatId);
    const chairId = demo.setup.chairLine[0]!;
    const byGroup = (g: string, n = 0) => members.filter((p) => p.groupId === g && p.id !== chairId)[n]!;
    // Three browser seats from three parties, and a second Ø member on a plain socket.
    const [p1, p2, p3] = [byGroup('Ø', 0), byGroup('C', 0), byGroup('F', 0)];
    const p4 = byGroup('Ø', 1);
    const browserSeats = [p1, p2, p3];
    const seatUrl = (p: Person) => `/seat?key=${encodeURIComponent(demo.seatKeys[p.seatId!]!)}`;

    // --- the screens open ---
    const [gallery, chair, ...seats] = await Promise.all([
      newPage({ width: 1920, height: 1080 }, '/gallery'),
      newPage({ width: 1600, height: 1000 }, '/chair'),
      // One seat in portrait, two in landscape.
      ...browserSeats.map((p, i) => newPage(i === 0 ? { width: 820, height: 1180 } : { width: 1180, height: 820 }, seatUrl(p))),
    ]);

    await signInChair(chair, chairId, demo.chairPasswords[chairId]!);

    // --- check-in: three members by clicking, the rest through seat sockets (§§ 15–17) ---
    for (const [i, page] of seats.entries()) {
      const p = browserSeats[i]!;
      await checkInAt(page, demo.codes[p.id]!);
      await page.getByRole('heading', { name: p.name }).waitFor();
    }
    await expectAccessible(seats[0]!, 'seat checked in (portrait)');
    await expectAccessible(chair, 'chair, check-in');
    const others = [persons.find((p) => p.id === chairId)!, p4, ...members.filter((p) => ![chairId, p4.id, p1.id, p2.id, p3.id].includes(p.id))].slice(0, 25);
    const seatSocket = new Map<string, Socket>();
    await Promise.all(
      others.map(async (p) => {
        const s = await openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
        const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
        expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
        seatSocket.set(p.id, s);
      }),
    );
    await expect.poll(() => chair.getByTestId('quorum').first().innerText()).toContain('28/28');
    await expect.poll(() => gallery.locator('main').innerText()).toContain('Til stede 28');

    // --- the chair opens the meeting and starts item 2 ---
    await chair.getByRole('button', { name: 'Åbn mødet' }).click();
    await chair.getByRole('button', { name: 'Start Punkt 2' }).click();
    await gallery.getByRole('heading', { name: /Cykelsti på Nørrebrogade/ }).waitFor();
    for (const page of seats) await page.getByRole('heading', { name: /Punkt 2: Cykelsti på Nørrebrogade/ }).waitFor();
    await expectAccessible(gallery, 'gallery, item under way');

    // --- § 19, stk. 2: Ø asks, Ø asks again, then C and F: the parties' first speakers go first ---
    await seats[0]!.getByRole('button', { name: 'Bed om ordet' }).click();
    await seats[0]!.getByText('Du er nr. 1 på talerlisten').waitFor();
    expect((await emit(seatSocket.get(p4.id)!, 'action', { type: 'floor.request' })).ok).toBe(true);
    await seats[1]!.getByRole('button', { name: 'Bed om ordet' }).click();
    await seats[1]!.getByText('Du er nr. 2 på talerlisten').waitFor();
    await seats[2]!.getByRole('button', { name: 'Bed om ordet' }).click();
    await seats[2]!.getByText('Du er nr. 3 på talerlisten').waitFor();
    const expected = [p1.name, p2.name, p3.name, p4.name];
    for (const page of seats) await expect.poll(() => namesIn(page, 'Talerliste', persons)).toEqual(expected);
    await expect.poll(() => namesIn(chair, 'Talerliste', persons)).toEqual(expected);
    await expect.poll(() => namesIn(gallery, 'Næste talere', persons)).toEqual(expected);
    const chairQueue = await chair.getByRole('list', { name: 'Talerliste' }).innerText();
    expect(chairQueue).toContain('Først for sin gruppe (§ 19, stk. 2)');
    expect(chairQueue).toContain('I den rækkefølge, der er bedt om ordet (§ 19, stk. 2)');
    // The seat that asked second in time stands fourth, and says why.
    await expect.poll(() => seats[0]!.getByRole('list', { name: 'Talerliste' }).innerText()).toContain(p4.name);

    // --- the floor: G gives it to the head of the list; the gallery shows the running clock ---
    await chair.getByRole('heading', { name: 'Talerliste' }).click();
    await chair.keyboard.press('g');
    await gallery.getByRole('timer').waitFor();
    await expect.poll(() => gallery.locator('.gallery-speaker').innerText()).toContain(p1.name);
    await seats[0]!.getByText('Du har ordet').waitFor();
    await expectAccessible(seats[0]!, 'seat with the floor');
    await expectAccessible(gallery, 'gallery, speaker and clock');
    await expectAccessible(chair, 'chair, speaker and queue');
    const clock1 = await gallery.getByRole('timer').innerText();
    await gallery.waitForTimeout(1100);
    expect(await gallery.getByRole('timer').innerText()).not.toBe(clock1);
    await chair.keyboard.press('e');
    await gallery.getByText('Ingen har ordet.').waitFor();

    // --- § 25: an amendment is handed in at a seat and is voted on first ---
    await seats[1]!.getByText('Stil ændringsforslag (§ 25)').click();
    await seats[1]!.getByLabel('Ændringsforslagets tekst').fill('Cykelstien gøres 3 meter bred.');
    await seats[1]!.getByRole('button', { name: 'Aflevér ændringsforslag' }).click();
    await chair.getByText('Cykelstien gøres 3 meter bred.').first().waitFor();
    await expect.poll(() => chair.getByLabel(/Afstemningstemaet/).inputValue()).toBe('Cykelstien gøres 3 meter bred.');

    // --- vote: the chair opens; the three seats press; the rest vote by socket ---
    await chair.getByRole('button', { name: 'Åbn afstemning', exact: true }).click();
    await gallery.getByText('Afstemning i gang').waitFor();
    const choices: Record<string, string> = { [p1.id]: 'For', [p2.id]: 'Imod', [p3.id]: 'Undlader' };
    for (const [i, page] of seats.entries()) {
      const label = choices[browserSeats[i]!.id]!;
      await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
      await page.getByText(`Registreret af systemet: ${label.toUpperCase()}`).waitFor();
      await expect.poll(() => page.getByRole('button', { name: new RegExp(`^${label}`) }).getAttribute('aria-pressed')).toBe('true');
    }
    // A change of mind before the close is allowed and shown.
    await seats[2]!.getByRole('button', { name: /^For/ }).click();
    await seats[2]!.getByText('Registreret af systemet: FOR').waitFor();
    await gallery.getByText('3 af 28 har stemt').waitFor();
    await Promise.all(others.map((p, i) => emit(seatSocket.get(p.id)!, 'action', { type: 'vote.cast', choice: i % 4 === 0 ? 'against' : 'for' })));
    await gallery.getByText('28 af 28 har stemt').waitFor();
    for (const [label, page] of [['seat', seats[1]!], ['chair', chair], ['gallery', gallery]] as const) await expectAccessible(page, `${label}, vote on an amendment`);
    await expect.poll(() => chair.getByTestId('chair-voted').innerText()).toContain('28 af 28');
    await seats[0]!.screenshot({ path: path.join(SCREENSHOTS, 'seat.png'), fullPage: true });
    await chair.getByRole('heading', { name: 'Talerliste' }).click();
    await chair.keyboard.press('c');

    // --- the result on the gallery: counts, outcome, the seat map with symbols and a legend ---
    await gallery.getByText('Seneste afgørelse').waitFor();
    const map = gallery.getByRole('img', { name: /Salens pladser/ });
    await map.waitFor();
    expect(await map.locator(`[data-seat="${p1.seatId}"]`).getAttribute('data-choice')).toBe('for');
    expect(await map.locator(`[data-seat="${p2.seatId}"]`).getAttribute('data-choice')).toBe('against');
    expect(await map.locator(`[data-seat="${p3.seatId}"]`).getAttribute('data-choice')).toBe('for');
    expect(await map.locator(`[data-seat="${p2.seatId}"] text`).textContent()).toBe('−');
    const galleryText = await gallery.locator('main').innerText();
    expect(galleryText).toContain('Vedtaget');
    // 18 sockets and two seats for, 7 sockets and one seat against.
    expect(galleryText).toMatch(/For 20\b/);
    expect(galleryText).toMatch(/Imod 8\b/);
    expect(galleryText).toContain('Ikke stemt 0');
    await gallery.screenshot({ path: path.join(SCREENSHOTS, 'gallery.png') });
    await expectAccessible(gallery, 'gallery, result with the seat map');
    await expectAccessible(seats[0]!, 'seat, result');

    // --- § 24, stk. 2: a roll call is demanded by a third of those present (10 of 28) ---
    for (const page of seats) {
      await page.getByRole('button', { name: 'Kræv navneopråb' }).click();
      await page.getByText('Du har fremsat kravet.').first().waitFor();
    }
    await seats[0]!.getByText(/3 af 10 krævet/).waitFor();
    for (const p of others.slice(0, 6)) expect((await emit(seatSocket.get(p.id)!, 'action', { type: 'rollCall.demand' })).ok).toBe(true);
    await seats[1]!.getByText(/9 af 10 krævet/).waitFor();
    expect((await emit(seatSocket.get(others[6]!.id)!, 'action', { type: 'rollCall.demand' })).ok).toBe(true);
    for (const page of seats) await page.getByText(/10 af 10 krævet/).waitFor();
    await expect.poll(() => chair.getByTestId('chair-demands').innerText()).toMatch(/Kræv navneopråb: 10 \/ 10 ✓/);

    // The next vote (the main proposal) becomes a roll call; each member votes when called.
    await expect.poll(() => chair.getByLabel(/Afstemningstemaet/).inputValue()).toBe('At Borgerrepræsentationen godkender anlæg af cykelstien.');
    await chair.getByRole('button', { name: 'Åbn afstemning', exact: true }).click();
    await chair.getByRole('heading', { name: /Afstemning i gang · Navneopråb/ }).waitFor();
    const secretariat = await openSocket({ role: 'secretariat', password: demo.secretariatPassword });
    const full = (await emit(secretariat, 'sync')) as unknown as { view: MeetingState };
    const rc = full.view.votes[full.view.activeVote!]!.rollCall!;
    expect(rc.order.length).toBe(28);
    for (const pid of rc.order) {
      const i = browserSeats.findIndex((p) => p.id === pid);
      if (i >= 0) {
        const page = seats[i]!;
        await page.getByText('Det er din tur til at stemme').waitFor();
        if (i === 0) await expectAccessible(page, 'seat, roll call: my turn');
        await page.getByRole('button', { name: /^For/ }).click();
        await page.getByText('Din stemme ved navneopråbet er afgivet.').waitFor();
      } else {
        const r = await emit(seatSocket.get(pid)!, 'action', { type: 'vote.cast', choice: 'for' });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
    }
    await expect.poll(() => chair.getByTestId('chair-voted').innerText()).toContain('28 af 28');
    await chair.screenshot({ path: path.join(SCREENSHOTS, 'chair.png'), fullPage: true });
    await expectAccessible(chair, 'chair, roll call');
    await chair.getByRole('button', { name: 'Luk afstemning' }).click();
    await expect.poll(() => gallery.locator('main').innerText()).toMatch(/For 28/);
    await expect.poll(() => chair.getByRole('region', { name: 'Meddelelser' }).innerText()).toContain('Krav om navneopråb (10)');

    // --- § 24, stk. 4: a declaration without a vote; a member demands a vote; show of hands ---
    await chair.getByLabel('Afstemningstema', { exact: true }).selectOption('postpone');
    await chair.getByLabel('Forventet udfald').selectOption('rejected');
    await chair.getByRole('button', { name: 'Erklær uden afstemning' }).click();
    await seats[0]!.getByText('Forpersonen erklærer uden afstemning (§ 24, stk. 4)').first().waitFor();
    await seats[0]!.getByRole('button', { name: 'Kræv afstemning' }).click();
    await expect.poll(() => chair.getByTestId('chair-declaration-demands').innerText()).toContain(`Krav om afstemning fra: ${p1.name}`);
    await chair.getByText('§ 24, stk. 4: Et medlem har krævet afstemning; punktet afgøres ved afstemning.').waitFor();
    await chair.getByLabel('Afstemningsmåde').selectOption('manual');
    await chair.getByRole('button', { name: 'Åbn afstemning om erklæringen' }).click();
    await gallery.getByText('Afstemning ved håndsoprækning').waitFor();
    await seats[1]!.getByText('Der stemmes ved håndsoprækning.').waitFor();
    for (const [label, page] of [['seat', seats[1]!], ['chair', chair], ['gallery', gallery]] as const) await expectAccessible(page, `${label}, show of hands`);
    const counted = chair.getByRole('group', { name: 'Optælling' });
    const checked = chair.getByRole('group', { name: 'Kontraprøve' });
    await counted.getByLabel('Imod').fill('27');
    await counted.getByLabel('Undlader').fill('1');
    await checked.getByLabel('Imod').fill('26');
    await chair.getByText('§ 24, stk. 1: Kontraprøven stemmer ikke med optællingen; tæl igen.').waitFor();
    await checked.getByLabel('Imod').fill('27');
    await checked.getByLabel('Undlader').fill('1');
    await chair.getByRole('button', { name: 'Registrér resultat' }).click();
    await expect.poll(() => chair.getByTestId('chair-result').innerText()).toMatch(/Forkastet · Håndsoprækning — For 0 · Imod 27 · Undlader 1/);
    await expect.poll(() => gallery.locator('main').innerText()).toContain('At punktet udsættes.');

    // --- § 1: the chair blanks the public display (B) and brings it back ---
    await chair.getByRole('heading', { name: 'Talerliste' }).click();
    await chair.keyboard.press('b');
    await expect.poll(async () => (await gallery.locator('main').innerText()).trim()).toBe('Rådhussalen');
    // B toggles what the console shows: press again only once the console shows the blank.
    await chair.getByText('Tilhørerskærmen er blank.').waitFor();
    await chair.keyboard.press('b');
    await gallery.getByText('Seneste afgørelse').waitFor();

    // --- §§ 2–3: a closed item; members see it, the gallery shows nothing of it ---
    await chair.keyboard.press('n'); // finish item 2
    await chair.getByRole('button', { name: 'Start Punkt 6' }).waitFor();
    await chair.getByRole('button', { name: 'Start Punkt 6' }).click();
    await gallery.getByRole('heading', { name: /Punkt 6 Lukket møde/ }).waitFor();
    await seats[0]!.getByRole('heading', { name: /Salg af ejendommen Vesterbrogade 1/ }).waitFor();
    const closedText = await gallery.locator('body').innerText();
    expect(closedText).toContain('Lukket møde');
    expect(closedText).not.toContain('Salg af ejendommen');
    expect(closedText).not.toContain('Vesterbrogade');
    expect(await gallery.content()).not.toContain('Vesterbrogade');
    for (const [label, page] of [['seat', seats[0]!], ['chair', chair], ['gallery', gallery]] as const) await expectAccessible(page, `${label}, closed item`);

    // English is one click away, and remembered.
    await gallery.getByRole('button', { name: /Switch language|Skift sprog/ }).click();
    await gallery.getByText('Closed session').first().waitFor();
    await gallery.reload();
    await gallery.getByText('Closed session').first().waitFor();
    await expectAccessible(gallery, 'gallery, closed item, English');

    // --- the screenshots were written ---
    for (const name of ['seat', 'chair', 'gallery']) {
      const st = statSync(path.join(SCREENSHOTS, `${name}.png`));
      expect(st.size).toBeGreaterThan(10_000);
      expect(st.mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    }
  }, 180_000);
});
