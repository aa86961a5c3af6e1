import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { Stage } from './stage';

// Issue #11, item 3: a console's sign-in backs off after failed passwords, and says so (the
// chair at the keyboard must know it is a wait, not a wrong password).
describe('console sign-in in chromium', () => {
  const stage = new Stage();
  beforeAll(async () => {
    await stage.start('console-signin', { transport: { handshakeLockMs: 60_000 } });
  }, 120_000);
  afterAll(async () => {
    await stage.close();
  });

  it('five wrong passwords lock the account: the console shows the wait, then the right password waits too', async () => {
    const vice = stage.server.service.state.chair.line[1]!;
    const page = await stage.newPage({ width: 1280, height: 800 }, '/chair');
    const attempt = async (password: string) => {
      await page.getByLabel('Person-id').fill(vice);
      await page.getByLabel('Adgangskode').fill(password);
      await page.getByRole('button', { name: 'Log ind' }).click();
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`forkert-${i}`);
      await page.getByText('Forkert person-id eller adgangskode.').waitFor();
    }
    await attempt(stage.server.demo.chairPasswords[vice]!);
    await page.getByText(/For mange forkerte forsøg på at logge ind herfra\. Vent \d+:\d\d/).waitFor();
    await expectAccessible(page, 'chair sign-in, locked');
    expect(await page.getByRole('heading', { name: 'Dagsorden' }).count()).toBe(0);
    // Another account of the chair line is not locked by it.
    const chair = stage.server.service.state.chair.line[0]!;
    const other = await stage.newPage({ width: 1280, height: 800 }, '/chair');
    await other.getByLabel('Person-id').fill(chair);
    await other.getByLabel('Adgangskode').fill(stage.server.demo.chairPasswords[chair]!);
    await other.getByRole('button', { name: 'Log ind' }).click();
    await other.getByRole('heading', { name: 'Dagsorden' }).waitFor();
  });
});
