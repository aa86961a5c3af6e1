import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #15, item 1: WCAG 2.1 AA in the browser. The screens and states the other browser
// tests do not reach go through axe here; then the announcements, a whole vote by keyboard
// alone, 200 % zoom and reduced motion.

const stage = new Stage();
let server: RunningServer;

beforeAll(async () => {
  server = await stage.start('salen-a11y', {});
});
afterAll(() => stage.close());

const announcer = (page: Page) => page.getByTestId('announcer');

function seatUrl(p: Person) {
  return `/seat#key=${encodeURIComponent(server.demo.seatKeys[p.seatId!]!)}`;
}

describe('WCAG 2.1 AA on every screen (axe-core)', () => {
  it('the pages before a meeting: home, the statement in both languages, sign-ins, the gallery, a seat without a key', async () => {
    const home = await stage.newPage({ width: 1280, height: 800 }, '/');
    await home.getByRole('heading', { name: 'Salen', level: 1 }).waitFor();
    await expectAccessible(home, 'home');
    // The home page links the statement, and the statement its English twin.
    await home.getByRole('link', { name: 'Tilgængelighed' }).click();
    await home.getByRole('heading', { name: 'Tilgængelighedserklæring', level: 1 }).waitFor();
    expect(new URL(home.url()).pathname).toBe('/tilgaengelighed');
    for (const h of ['Standard', 'Sådan er det testet', 'Kendte mangler', 'Kontakt og feedback', 'Håndhævelse']) await home.getByRole('heading', { name: h, level: 2 }).waitFor();
    await home.getByText('Digitaliseringsstyrelsen', { exact: false }).first().waitFor();
    await expectAccessible(home, 'statement (da)');
    await home.getByRole('link', { name: 'Accessibility statement in English' }).click();
    await home.getByRole('heading', { name: 'Accessibility statement', level: 1 }).waitFor();
    expect(new URL(home.url()).pathname).toBe('/accessibility');
    await expectAccessible(home, 'statement (en)');

    const gallery = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
    await gallery.getByText('Borgerrepræsentationens møde').first().waitFor();
    await gallery.getByRole('link', { name: 'Tilgængelighed' }).waitFor();
    await expectAccessible(gallery, 'gallery before the meeting');

    for (const path of ['/chair', '/secretariat']) {
      const page = await stage.newPage({ width: 1280, height: 800 }, path);
      await page.getByLabel('Adgangskode').waitFor();
      await page.getByRole('link', { name: 'Tilgængelighed' }).waitFor();
      await expectAccessible(page, `${path} sign-in`);
    }
    const nokey = await stage.newPage({ width: 1180, height: 820 }, '/seat');
    await nokey.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(nokey, 'seat without a key');

    const secretariat = await stage.newPage({ width: 1280, height: 800 }, '/secretariat');
    await secretariat.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await secretariat.getByRole('button', { name: 'Log ind' }).click();
    await secretariat.getByTestId('sign-out').waitFor();
    await expectAccessible(secretariat, 'secretariat signed in');
  });
});

/** The focused element's outline, as drawn: a visible focus indicator (WCAG 2.4.7). */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const name = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.innerText ?? el.innerText ?? '').trim();
    return { tag: el.tagName, name, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
}

/**
 * Tab (and only Tab) until the focused control's name starts with `name`; every control
 * passed on the way must show its focus ring.
 */
async function tabTo(page: Page, name: string | RegExp, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    if (!ring) continue;
    expect(ring.style, `focus ring on ${ring.tag} "${ring.name}"`).not.toBe('none');
    expect(ring.width, `focus ring on ${ring.tag} "${ring.name}"`).toBeGreaterThanOrEqual(2);
    if (typeof name === 'string' ? ring.name.startsWith(name) : name.test(ring.name)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

describe('a whole vote by keyboard, announced, at 200 % zoom and with reduced motion', () => {
  it('check-in, the floor, a vote opened, cast and closed without a mouse; the live regions say each event once', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const chairId = demo.setup.chairLine[0]!;
    const members = persons.filter((p) => p.kind === 'member' && p.seatId && p.id !== chairId);
    const me = members[3]!;
    const others = [persons.find((p) => p.id === chairId)!, ...members.filter((p) => p.id !== me.id)].slice(0, 26);
    await Promise.all(
      others.map(async (p) => {
        const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
        expect((await emit(s, 'checkIn', { code: demo.codes[p.id] })).ok).toBe(true);
      }),
    );
    const other = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[members.find((p) => !others.includes(p) && p.id !== me.id)!.seatId!] });
    const otherMember = members.find((p) => !others.includes(p) && p.id !== me.id)!;
    expect((await emit(other, 'checkIn', { code: demo.codes[otherMember.id] })).ok).toBe(true);

    const gallery = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
    // --- the seat: check in by keyboard ---
    const seat = await stage.newPage({ width: 1180, height: 820 }, seatUrl(me));
    await seat.getByLabel('Personlig kode').waitFor();
    await expectAccessible(seat, 'seat check-in');
    await tabTo(seat, 'Personlig kode');
    await seat.keyboard.type(demo.codes[me.id]!);
    await seat.keyboard.press('Enter');
    await seat.getByText('Du er registreret som til stede (§ 16).').waitFor();
    await expectAccessible(seat, 'seat checked in');

    // --- the chair: sign in and open the meeting by keyboard ---
    const chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
    await chair.getByLabel('Person-id').waitFor();
    await tabTo(chair, 'Person-id');
    await chair.keyboard.type(chairId);
    await chair.keyboard.press('Tab');
    await chair.keyboard.type(demo.chairPasswords[chairId]!);
    await chair.keyboard.press('Enter');
    await chair.getByRole('heading', { name: 'Dagsorden' }).waitFor();
    await expectAccessible(chair, 'chair signed in');
    await tabTo(chair, 'Åbn mødet');
    await chair.keyboard.press('Enter');
    // The ack can come before the view: N is read against the view the console shows.
    await chair.locator('.screen-subtitle').getByText('Mødet er åbent').waitFor();
    // N starts the next item; the focus is on no field, so the key is the chair's.
    await chair.keyboard.press('n');
    await seat.getByRole('heading', { name: /^Punkt \d+:/ }).waitFor();
    await expectAccessible(seat, 'seat, item under way');
    await expectAccessible(gallery, 'gallery, item under way');

    // --- the floor: the seat asks by keyboard, the chair gives it with G ---
    const said = announcer(seat);
    expect(await said.innerText()).toBe('');
    await tabTo(seat, 'Bed om ordet');
    await seat.keyboard.press('Space');
    await seat.getByText('Du er nr. 1 på talerlisten').waitFor();
    // Asking for the floor is not one of the three events: the region stays silent.
    expect(await said.innerText()).toBe('');
    await chair.keyboard.press('g');
    await expect.poll(() => said.innerText()).toBe(`Ordet er givet til ${me.name}.`);
    await expect.poll(() => announcer(gallery).innerText()).toBe(`Ordet er givet til ${me.name}.`);
    await expect.poll(() => announcer(chair).innerText()).toBe(`Ordet er givet til ${me.name}.`);
    await expectAccessible(seat, 'seat with the floor');
    await expectAccessible(chair, 'chair, a speaker on the floor');
    await expectAccessible(gallery, 'gallery, a speaker on the floor');
    await chair.keyboard.press('e');
    await gallery.getByText('Ingen har ordet.').waitFor();
    // The chair's own view has the floor free too (its push may follow the gallery's) before V.
    await expect.poll(() => chair.getByRole('button', { name: /^Åbn afstemning/ }).first().isEnabled()).toBe(true);

    // --- the vote: V opens what the form shows ---
    await chair.keyboard.press('v');
    await expect.poll(() => said.innerText()).toMatch(/^Afstemning åbnet: ./);
    const point = (await said.innerText()).replace('Afstemning åbnet: ', '');
    await expect.poll(() => announcer(gallery).innerText()).toBe(`Afstemning åbnet: ${point}`);
    await expect.poll(() => announcer(chair).innerText()).toBe(`Afstemning åbnet: ${point}`);
    // The buttons are named by choice and subject.
    for (const c of ['For', 'Imod', 'Undlader']) await seat.getByRole('button', { name: `${c}: ${point}`, exact: true }).waitFor();
    await expectAccessible(seat, 'seat, voting');
    await expectAccessible(chair, 'chair, a vote open');
    await expectAccessible(gallery, 'gallery, a vote open');

    // Another member's ballot is no event for the region.
    expect((await emit(other, 'action', { type: 'vote.cast', choice: 'against' })).ok).toBe(true);
    await gallery.getByText(/^1 af \d+ har stemt/).waitFor();
    expect(await said.innerText()).toBe(`Afstemning åbnet: ${point}`);

    // --- 200 %: 1280×800 at 200 % is 640×400 CSS px; nothing scrolls sideways, the buttons show ---
    for (const page of [seat, chair]) await page.setViewportSize({ width: 640, height: 400 });
    for (const [label, page] of [['seat', seat], ['chair', chair]] as const) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${label} scrolls sideways at 200 %`).toBeLessThanOrEqual(0);
    }
    for (const c of ['For', 'Imod', 'Undlader']) {
      const b = seat.getByRole('button', { name: `${c}: ${point}`, exact: true });
      await b.scrollIntoViewIfNeeded();
      expect(await b.isVisible()).toBe(true);
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(640);
    }
    await expectAccessible(seat, 'seat, voting, 200 %');

    // --- the member votes For: Tab to it, Space ---
    await seat.evaluate(() => window.scrollTo(0, 0));
    await tabTo(seat, `For: ${point}`);
    await seat.keyboard.press('Space');
    await seat.getByText('Registreret af systemet: FOR').waitFor();
    await expect.poll(() => seat.getByRole('button', { name: `For ✓ Valgt: ${point}` }).getAttribute('aria-pressed')).toBe('true');
    expect(await said.innerText()).toBe(`Afstemning åbnet: ${point}`);
    await expectAccessible(seat, 'seat, ballot cast');

    // --- the chair closes with C; the result is announced ---
    await chair.keyboard.press('c');
    await expect.poll(() => said.innerText()).toMatch(new RegExp(`^Resultat: ${point.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (Vedtaget|Forkastet)\\. For 1, imod 1, undlader 0\\.$`));
    await expect.poll(() => announcer(gallery).innerText()).toBe(await said.innerText());
    await expect.poll(() => announcer(chair).innerText()).toBe(await said.innerText());
    await expectAccessible(seat, 'seat, result, 200 %');
    await expectAccessible(chair, 'chair, result, 200 %');
    for (const page of [seat, chair]) await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(gallery, 'gallery, result');

    // --- English ---
    await tabTo(seat, 'English');
    await seat.keyboard.press('Enter');
    await seat.getByRole('link', { name: 'Accessibility' }).waitFor();
    await expectAccessible(seat, 'seat in English');
  });

  it('honours prefers-reduced-motion: no transition or animation is left', async () => {
    const page = await stage.newPage({ width: 1280, height: 800 }, '/chair');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    const moving = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((el) => ({ el, s: getComputedStyle(el) }))
          .filter(({ s }) => [s.transitionDuration, s.animationDuration].some((d) => d.split(',').some((x) => parseFloat(x) > 0)))
          .map(({ el }) => `${el.tagName}.${el.className}`),
      );
    // The buttons ease into their press colour…
    expect((await moving()).filter((x) => x.startsWith('BUTTON.btn')).length).toBeGreaterThan(0);
    // …unless the person asked for less motion.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await moving()).toEqual([]);
  });
});
