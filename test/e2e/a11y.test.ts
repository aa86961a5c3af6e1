import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, signInChair, Stage } from './stage';

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
