import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Council } from '../../shared/term/roster';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #14, item 2: the secretariat keeps the council's roster in the browser — an import
// with a bad row is refused whole and shows the line, the fixed file imports; the seat map
// takes a horseshoe and one seat dragged into place.
const stage = new Stage();
let server: RunningServer;

beforeAll(async () => {
  server = await stage.start('salen-e2e-roster', { demoSeats: 9 });
});
afterAll(() => stage.close());

const chainLength = () => (server.service.db.prepare('SELECT COUNT(*) AS n FROM council_events').get() as { n: number }).n;

describe("the council's roster on the secretariat's screen", () => {
  it('refuses an import with a bad row (line and field shown, nothing imported) and imports the fixed list; adds a group and a substitute, who leaves; lays out and saves the seat map', { timeout: 120_000 }, async () => {
    const sec = await stage.openSocket({ role: 'secretariat', password: server.demo.secretariatPassword });
    const council = async () => ((await emit(sec, 'council.get')) as unknown as { council: Council }).council;
    const before = await council();
    const page = await stage.newPage({ width: 1280, height: 900 }, '/secretariat');
    await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByTestId('roster').waitFor();
    await expectAccessible(page, 'the roster');
    // Every control of the council's panels is a 44 px target.
    const small = await page.locator('.council-panels :is(button, select, input, textarea)').evaluateAll((els) =>
      els.map((el) => ({ el: `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 30)}`, r: el.getBoundingClientRect() })).filter((c) => c.r.width < 44 || c.r.height < 44).map((c) => c.el),
    );
    expect(small).toEqual([]);

    const rows = before.persons.map((p) => `${p.id};${p.name};${p.kind};${p.groupId};${p.seatId ?? ''};${p.title ?? ''}`);
    const header = 'id;name;kind;group;seat;title';
    const bad = [header, ...rows, 'n1;Nora Nyvalgt;medlemmer;A;;'].join('\n');
    const badLine = rows.length + 2;
    await page.getByLabel('Indhold').fill(bad);
    await page.getByRole('button', { name: 'Indlæs listen' }).click();
    const problems = page.getByTestId('roster-problems');
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toContain(`Linje ${badLine}, kind:`);
    await expect(problems.innerText()).resolves.toContain('Intet er indlæst');
    expect(await council()).toEqual(before);
    expect(chainLength()).toBe(0);
    await expectAccessible(page, 'an import refused');
    await page.screenshot({ path: 'docs/screenshots/roster-import-refused.png', fullPage: true });

    await page.getByLabel('Indhold').fill(bad.replace('medlemmer', 'stedfortræder'));
    await page.getByRole('button', { name: 'Indlæs listen' }).click();
    await page.getByTestId('roster-imported').waitFor();
    await expect(page.getByTestId('roster-problems').count()).resolves.toBe(0);
    await page.locator('[data-person="n1"]').waitFor();
    expect((await council()).persons.find((p) => p.id === 'n1')).toMatchObject({ name: 'Nora Nyvalgt', kind: 'substitute', seatId: null });
    expect(chainLength()).toBe(1);
    await expectAccessible(page, 'an import done');

    // The new substitute's letter prints from the roster, with its one-time code.
    await page.getByRole('button', { name: 'Udskriv brevene med koderne' }).click();
    const letter = page.getByTestId('letter-n1');
    await letter.waitFor();
    await expect(letter.getByTestId('letter-code').innerText()).resolves.toMatch(/^\s*[0-9]{6}\s*$/);
    await page.getByRole('button', { name: 'Luk og glem nøglerne/koderne' }).click();

    // A group, then a substitute in it added by hand (code once, for the letter), who then leaves after a confirmation.
    const groups = page.getByTestId('roster-groups');
    await groups.getByRole('button', { name: 'Tilføj gruppe' }).click();
    await groups.getByLabel('Bogstav').fill('G');
    await groups.getByLabel('Navn').fill('Grøn Gruppe');
    await groups.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect.poll(async () => (await council()).groups.find((g) => g.name === 'Grøn Gruppe')?.letter).toBe('G');
    const roster = page.getByTestId('roster');
    await roster.getByRole('button', { name: 'Tilføj medlem eller stedfortræder' }).click();
    await roster.getByLabel('Navn').fill('Sara Suppleant');
    await roster.getByLabel('Gruppe').selectOption({ label: 'G · Grøn Gruppe' });
    await roster.getByLabel('Medlem eller stedfortræder').selectOption('substitute');
    await roster.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await roster.getByText('Sara Suppleant er tilføjet').waitFor();
    const sara = (await council()).persons.find((p) => p.name === 'Sara Suppleant')!;
    expect(sara).toMatchObject({ kind: 'substitute', seatId: null });
    await expectAccessible(page, 'a person added');
    await roster.getByRole('button', { name: 'Luk og glem koden' }).click();
    await roster.getByRole('button', { name: 'Sara Suppleant udtræder af rådet' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, udtræder' }).click();
    await expect.poll(async () => (await council()).persons.some((p) => p.id === sara.id)).toBe(false);
    // The chair line cannot leave here (§ 18, stk. 2): the button is off and says why.
    const chairName = before.persons.find((p) => p.id === before.chairLine[0])!.name;
    await expect(roster.getByRole('button', { name: `${chairName} udtræder af rådet` }).isDisabled()).resolves.toBe(true);
    const chainBefore = chainLength();

    // The seat map: a horseshoe, then one seat dragged by the pointer and one moved by the keyboard.
    const box = page.getByTestId('seat-map-box');
    await box.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Opstil i hestesko' }).click();
    const seatIds = before.chamber.seats.map((s) => s.id);
    const seat = box.locator(`[data-seat="${seatIds[0]}"]`);
    const area = (await box.boundingBox())!;
    const start = (await seat.boundingBox())!;
    const from = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
    const to = { x: area.x + area.width * 0.5, y: area.y + area.height * 0.9 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await page.getByText('Ændringerne er ikke gemt.').waitFor();
    const other = box.locator(`[data-seat="${seatIds[1]}"]`);
    await other.focus();
    const leftBefore = await other.evaluate((el) => parseFloat((el as HTMLElement).style.left));
    await page.keyboard.press('Shift+ArrowRight');
    const leftAfter = await other.evaluate((el) => parseFloat((el as HTMLElement).style.left));
    expect(leftAfter).toBeCloseTo(Math.min(100, leftBefore + 5), 1);
    await expectAccessible(page, 'the seat map, edited');
    await box.screenshot({ path: 'docs/screenshots/seat-map-editor.png' });

    await page.getByRole('button', { name: 'Gem pladskortet' }).click();
    await expect.poll(async () => (await council()).chamber.seats.find((s) => s.id === seatIds[0])?.y, { timeout: 10_000 }).toBeGreaterThan(85);
    const saved = (await council()).chamber.seats;
    expect(saved.find((s) => s.id === seatIds[0])?.x).toBeCloseTo(50, 0);
    expect(saved.find((s) => s.id === seatIds[1])?.x).toBeCloseTo(leftAfter, 1);
    expect(chainLength()).toBe(chainBefore + 1);
    await expectAccessible(page, 'the seat map, saved');
  });
});
