import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, Stage } from './stage';

// Play-test fixes on the seat tablet (issue #12, item 5), in real Chromium on a landscape
// (1280×800) and a portrait (800×1280) tablet while the chair and the other members act on
// plain sockets:
// - a press on a demand, and a press the server refuses, move no other button;
// - amendments keep their one number (by the order handed in) when the chair reorders the
//   vote, and the vote on one says which and whose;
// - every touch target is at least 44×44 px and every text at least 16 px;
// - a declaration without a vote (§ 24, stk. 4) is the top card: "Kræv afstemning" on the
//   first screen of an 800 px tablet.

const stage = new Stage();
let server: RunningServer;

const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

beforeAll(async () => {
  server = await stage.start('salen-seat-touch', {});
});

afterAll(() => stage.close());

/**
 * A seat tablet whose incoming socket.io events (views, deltas: frames "42…") can be held
 * back while acks ("43…") and pings still pass: the tablet's picture of the meeting goes
 * stale, so it offers a press the server will refuse.
 */
async function tablet(viewport: { width: number; height: number }, urlPath: string) {
  const ctx = await stage.browser.newContext({ viewport, locale: 'da-DK' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[${urlPath}] page error:`, e.message));
  let holding = false;
  const held: { send: (m: string | Buffer) => void; msg: string | Buffer }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => upstream.send(m));
    upstream.onMessage((m) => {
      if (holding && typeof m === 'string' && m.startsWith('42')) held.push({ send: (x) => ws.send(x), msg: m });
      else ws.send(m);
    });
  });
  await page.goto(stage.server.url + urlPath);
  return {
    page,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const h of held.splice(0)) h.send(h.msg);
    },
  };
}

type Box = { x: number; y: number; width: number; height: number };
const round = (b: Box | null) => (b ? { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) } : null);
/** Where a control is on the page (not in the viewport: a click that scrolls it into view moves no layout). */
const boxOf = async (l: Locator) => {
  const box = await l.boundingBox();
  const scroll = await l.page().evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  return round(box && { ...box, x: box.x + scroll.x, y: box.y + scroll.y });
};
const demandButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Touch targets under 44×44 px and texts under 16 px on the page, described for the failure message. */
function measure(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const small: string[] = [];
    const targets = document.querySelectorAll('.seat button, .seat summary, .seat input, .seat textarea, .seat select, .seat a[href]');
    for (const el of targets) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) small.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    const tiny: string[] = [];
    let texts = 0;
    for (const el of document.querySelectorAll('.seat *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own || !visible(el)) continue;
      texts++;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 16) tiny.push(`${name(el)} ${px}px`);
    }
    return { targets: targets.length, small, texts, tiny };
  });
}

describe('seat on a tablet: touch targets, layout that holds still, one amendment numbering, the declaration on top', () => {
  it('plays an item through two tablets', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const chairId = demo.setup.chairLine[0]!;
    const members = persons.filter((p) => p.kind === 'member' && p.seatId && p.id !== chairId);
    const [meL, meP, x, y] = [members[3]!, members[7]!, members[11]!, members[15]!];
    const link = (p: Person) => `/seat#key=${encodeURIComponent(demo.seatKeys[p.seatId!]!)}`;

    const L = await tablet(LANDSCAPE, link(meL));
    const P = await tablet(PORTRAIT, link(meP));
    await checkInAt(L.page, demo.codes[meL.id]!);
    await checkInAt(P.page, demo.codes[meP.id]!);
    const others = [persons.find((p) => p.id === chairId)!, ...members.filter((p) => p.id !== meL.id && p.id !== meP.id)].slice(0, 26);
    const sockets = await stage.checkInSeats(others);
    const { act: chairAct } = await stage.chairSocket(chairId);
    const memberAct = async (p: Person, body: Record<string, unknown>) => {
      const r = await emit(sockets.get(p.id)!, 'action', body);
      expect(r.ok, `${p.id} ${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
    };
    const secretariat = await stage.openSocket({ role: 'secretariat', password: demo.secretariatPassword });
    const full = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;

    await chairAct({ type: 'meeting.open' });
    const s0 = await full();
    const itemId = s0.agenda.find((id) => s0.items[id]!.proposal) ?? s0.agenda[0]!;
    await chairAct({ type: 'item.start', itemId });
    for (const t of [L, P]) await t.page.getByRole('heading', { name: 'Krav' }).waitFor();

    // --- a demand is pressed: its ✓ takes a line kept for it; the buttons below stay put ---
    for (const [t, me] of [[L, meL], [P, meP]] as const) {
      const page = t.page;
      const division = demandButton(page, 'Kræv deling af afstemningstemaet');
      const closure = demandButton(page, 'Kræv afslutning af forhandlingen');
      const rollCall = demandButton(page, 'Kræv navneopråb');
      const before = { rollCall: await boxOf(rollCall), division: await boxOf(division), closure: await boxOf(closure) };
      await rollCall.click();
      await expect.poll(() => page.getByTestId('feedback').innerText()).toBe('✓ Kræv navneopråb: Modtaget');
      await page.locator('.demand', { has: rollCall }).getByText('✓ Du har fremsat kravet.').waitFor();
      expect(await rollCall.isDisabled()).toBe(true);
      expect((await full()).demands.rollCall).toContain(me.id);
      expect({ rollCall: await boxOf(rollCall), division: await boxOf(division), closure: await boxOf(closure) }).toEqual(before);
      // The engine now refuses a second demand (ALREADY_DEMANDED): no box for it under the ✓.
      expect(await page.locator('.demand', { has: rollCall }).locator('.reason, .demand-state-refused').count()).toBe(0);
    }

    // --- § 25: three amendments, the chair reverses the voting order; numbers stay ---
    const texts = { a: 'Stien gøres 3 meter bred.', b: 'Stien belægges med asfalt.', c: 'Stien får lys hele natten.' };
    await L.page.getByText('Stil ændringsforslag (§ 25)').click();
    await L.page.getByLabel('Ændringsforslagets tekst').fill(texts.a);
    await L.page.getByRole('button', { name: 'Aflevér ændringsforslag' }).click();
    await L.page.getByTestId('seat-amendment').filter({ hasText: texts.a }).waitFor();
    await memberAct(x, { type: 'amendment.submit', text: texts.b });
    await memberAct(y, { type: 'amendment.submit', text: texts.c });
    const s1 = await full();
    const ids = s1.items[itemId]!.amendmentOrder;
    expect(ids.map((id) => s1.amendments[id]!.text)).toEqual([texts.a, texts.b, texts.c]);
    const listed = (page: Page) => page.getByTestId('seat-amendment').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-label')} ${e.textContent}`));
    for (const t of [L, P]) {
      await expect.poll(() => listed(t.page)).toHaveLength(3);
      const rows = await listed(t.page);
      expect(rows[0]).toMatch(/^1 Nr\. 1 Stien gøres 3 meter bred\./);
      expect(rows[1]).toMatch(/^2 Nr\. 2 Stien belægges/);
      expect(rows[2]).toMatch(/^3 Nr\. 3 Stien får lys/);
    }
    await chairAct({ type: 'amendment.order', order: [...ids].reverse() });
    for (const t of [L, P]) {
      // Listed in the new voting order, each under the number it was handed in with.
      await expect.poll(async () => (await listed(t.page))[0]).toMatch(/^3 Nr\. 3 Stien får lys/);
      const rows = await listed(t.page);
      expect(rows[1]).toMatch(/^2 Nr\. 2 Stien belægges/);
      expect(rows[2]).toMatch(/^1 Nr\. 1 Stien gøres 3 meter bred\./);
    }

    // --- a press the server refuses (the tablets have not yet heard the vote began) ---
    L.hold();
    P.hold();
    await chairAct({ type: 'vote.open', point: texts.c, subject: { kind: 'amendment', amendmentId: ids[2] }, mode: 'electronic' });
    for (const t of [L, P]) {
      const page = t.page;
      const division = demandButton(page, 'Kræv deling af afstemningstemaet');
      const closure = demandButton(page, 'Kræv afslutning af forhandlingen');
      const rollCall = demandButton(page, 'Kræv navneopråb');
      expect(await division.isEnabled()).toBe(true);
      const before = { rollCall: await boxOf(rollCall), division: await boxOf(division), closure: await boxOf(closure) };
      await division.click();
      await expect.poll(() => page.getByTestId('feedback').innerText()).toMatch(/^✗ Kræv deling af afstemningstemaet — § 24, stk\. 5: /);
      expect({ rollCall: await boxOf(rollCall), division: await boxOf(division), closure: await boxOf(closure) }).toEqual(before);
    }
    expect((await full()).demands.division).toEqual([]);
    L.release();
    P.release();

    // --- the vote on an amendment says which one, by its number, and whose ---
    for (const t of [L, P]) {
      await expect.poll(() => t.page.getByTestId('vote-subject').innerText().catch(() => '')).toBe(`Ændringsforslag 3 fra ${y.name}`);
      // The demand the vote overtook now shows its reason, on the line kept for it.
      await t.page.locator('.demand', { has: demandButton(t.page, 'Kræv deling af afstemningstemaet') }).getByText(/§ 24, stk\. 5:/).waitFor();
    }

    // --- touch targets and text sizes, with a vote, refusals, amendments and a withdraw button ---
    await L.page.getByRole('button', { name: 'Træk forslaget tilbage' }).waitFor();
    for (const t of [L, P]) await expectAccessible(t.page, 'seat, a vote on an amendment with demands and amendments');
    for (const t of [L, P]) {
      const m = await measure(t.page);
      expect(m.targets).toBeGreaterThan(8);
      expect(m.texts).toBeGreaterThan(20);
      expect(m.small, 'touch targets under 44×44 px').toEqual([]);
      expect(m.tiny, 'texts under 16 px').toEqual([]);
    }

    // The vote closes; amendment 3 is decided.
    await L.page.getByRole('button', { name: /^For/ }).click();
    await L.page.getByText('Registreret af systemet: FOR').waitFor();
    for (const p of others.slice(0, 20)) await memberAct(p, { type: 'vote.cast', choice: 'for' });
    await chairAct({ type: 'vote.close' });
    await L.page.getByRole('heading', { name: 'Seneste afgørelse' }).waitFor();
    await expectAccessible(L.page, 'seat, the latest decision');

    // --- § 24, stk. 4: a declaration without a vote gets the top card ---
    // A debate under way: six members ask for the floor, so the speaker list is long.
    for (const p of others.slice(1, 7)) await memberAct(p, { type: 'floor.request' });
    await expect.poll(() => L.page.getByRole('list', { name: 'Talerliste' }).locator('li').count()).toBe(6);
    await chairAct({ type: 'declaration.make', point: 'At punktet udsættes.', subject: { kind: 'postpone' }, expected: 'rejected' });
    for (const t of [L, P]) {
      const page = t.page;
      const card = page.getByTestId('seat-declaration');
      await card.waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      const demand = card.getByRole('button', { name: 'Kræv afstemning', exact: true });
      const box = (await demand.boundingBox())!;
      const vh = await page.evaluate(() => window.innerHeight);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `"Kræv afstemning" ends at ${Math.round(box.y + box.height)} px of ${vh}`).toBeLessThanOrEqual(vh);
      // It is the first card of the screen: the declaration comes before the item itself.
      expect(await page.locator('.seat-main > .card').first().getAttribute('data-testid')).toBe('seat-declaration');
      expect(await card.innerText()).toContain('Forpersonen erklærer uden afstemning (§ 24, stk. 4)');
      expect(await card.innerText()).toContain('Forventet udfald: Forkastet');
      // The demands card no longer holds it.
      expect(await page.locator('.demands-card').getByRole('button', { name: 'Kræv afstemning', exact: true }).count()).toBe(0);
      const m = await measure(page);
      expect(m.small, 'touch targets under 44×44 px').toEqual([]);
      expect(m.tiny, 'texts under 16 px').toEqual([]);
    }
    // Pressed on the landscape tablet, without scrolling: the demand is in, and the button stays put.
    const demandL = L.page.getByTestId('seat-declaration').getByRole('button', { name: 'Kræv afstemning', exact: true });
    const before = await boxOf(demandL);
    await demandL.click({ noWaitAfter: true });
    await L.page.getByTestId('seat-declaration').getByText('✓ Du har fremsat kravet.').waitFor();
    expect(await L.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await boxOf(demandL)).toEqual(before);
    expect((await full()).declaration!.demands).toEqual([meL.id]);
    await expectAccessible(L.page, 'seat, a declaration with my demand');
  });
});
