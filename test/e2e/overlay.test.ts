import path from 'node:path';
import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, SCREENSHOTS, Stage } from './stage';

// Issue #15, item 2: the livestream overlay, /overlay, a 1920×1080 browser source on a
// transparent page. The chair and 30 members act through real sockets; two overlays run in
// chromium, one with every part and one with `?parts=vote`.

const stage = new Stage();
let server: RunningServer;
let overlay: Page;
let voteOnly: Page;
let chair: Socket;
const seats: { person: Person; socket: Socket }[] = [];
const SIZE = { width: 1920, height: 1080 };

const act = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
  return r;
};
const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const shown = (page: Page, testId: string) => page.getByTestId(testId).count();
/** What the page draws: the overlay's own text (empty when it shows nothing). */
const onAir = (page: Page) => page.getByTestId('overlay').innerText().then((s) => s.trim());

beforeAll(async () => {
  server = await stage.start('salen-e2e-overlay', { graceMs: 600_000 });
  const { demo } = server;
  [overlay, voteOnly] = await Promise.all([stage.newPage(SIZE, '/overlay'), stage.newPage(SIZE, '/overlay?parts=vote')]);
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId && p.id !== chairId).slice(0, 30);
  for (const p of members) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
    expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
    seats.push({ person: p, socket: s });
  }
  await act(chair, { type: 'meeting.open' });
}, 60_000);

afterAll(() => stage.close());

describe('the livestream overlay (issue #15, item 2)', () => {
  it('is transparent; shows the item, the speaker, a vote and its result, an election’s result; ?parts picks', async () => {
    const { demo } = server;
    // Transparent page: html, body and #root draw no background.
    const backgrounds = await overlay.evaluate(() =>
      [document.documentElement, document.body, document.getElementById('root')!].map((el) => getComputedStyle(el).backgroundColor),
    );
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    // No item under way yet: nothing on air.
    expect(await onAir(overlay)).toBe('');

    // The item: its number and title.
    await act(chair, { type: 'item.start', itemId: 'i2' });
    await expect.poll(() => text(overlay, 'overlay-item')).toBe('Punkt 2 Cykelsti på Nørrebrogade');

    // The floor: the lower third names the speaker, the party and the time left.
    const speaker = seats[3]!;
    const party = demo.setup.groups.find((g) => g.id === speaker.person.groupId)!.name;
    await act(speaker.socket, { type: 'floor.request' });
    await act(chair, { type: 'floor.give' });
    await expect.poll(() => text(overlay, 'overlay-speaker-name')).toBe(speaker.person.name);
    expect(await text(overlay, 'overlay-speaker-party')).toBe(party);
    expect(await overlay.getByTestId('overlay-speaker').getByRole('timer').innerText()).toMatch(/^\d+:\d\d$/);
    // ?parts=vote: neither the item nor the speaker.
    expect(await onAir(voteOnly)).toBe('');
    await act(chair, { type: 'floor.end' });
    await expect.poll(() => shown(overlay, 'overlay-speaker')).toBe(0);

    // A vote in progress: what is voted on and how many have voted (never how).
    await act(chair, { type: 'vote.open', point: 'At Borgerrepræsentationen godkender anlæg af cykelstien.', subject: { kind: 'proposal' } });
    for (const page of [overlay, voteOnly]) await page.getByTestId('overlay-vote').getByText('Afstemning i gang').waitFor();
    await Promise.all(seats.slice(0, 12).map((s) => act(s.socket, { type: 'vote.cast', choice: 'for' })));
    await expect.poll(() => text(overlay, 'overlay-voted')).toMatch(/^12 af \d+ har stemt$/);
    await expect.poll(() => text(voteOnly, 'overlay-voted')).toMatch(/^12 af \d+ har stemt$/);
    await Promise.all(seats.slice(12).map((s, i) => act(s.socket, { type: 'vote.cast', choice: i < 8 ? 'for' : i < 16 ? 'against' : 'abstain' })));
    await act(chair, { type: 'vote.close' });

    // The result: the outcome and a bar with the counts.
    for (const page of [overlay, voteOnly]) {
      await expect.poll(() => text(page, 'overlay-outcome')).toBe('Vedtaget');
      expect((await text(page, 'overlay-counts')).split('\n').map((s) => s.trim())).toEqual(['For 20', 'Imod 8', 'Undlader 2']);
      expect(await page.getByRole('img', { name: 'For 20, imod 8, undlader 2' }).count()).toBe(1);
    }
    await expectAccessible(overlay, 'the overlay with a result');
    // ?parts=vote shows the vote only.
    expect(await shown(voteOnly, 'overlay-item')).toBe(0);
    expect(await shown(voteOnly, 'overlay-speaker')).toBe(0);
    expect(await onAir(voteOnly)).not.toContain('Cykelsti på Nørrebrogade');

    // The screenshot for the README: the floor again, over a dark test background (the page
    // itself stays transparent: the background is set here, not by the app).
    const next = seats[7]!;
    await act(next.socket, { type: 'floor.request' });
    await act(chair, { type: 'floor.give' });
    await expect.poll(() => text(overlay, 'overlay-speaker-name')).toBe(next.person.name);
    await overlay.evaluate(() => {
      document.documentElement.style.background = 'linear-gradient(135deg, #3a4a5a 0%, #1b2631 60%, #0e141b 100%)';
    });
    await overlay.screenshot({ path: path.join(SCREENSHOTS, 'overlay.png'), omitBackground: false });
    await overlay.evaluate(() => {
      document.documentElement.style.background = '';
    });
    await act(chair, { type: 'floor.end' });

    // An election's result: the elected.
    await act(chair, { type: 'item.finish' });
    await act(chair, { type: 'item.start', itemId: 'i6' });
    await expect.poll(() => text(overlay, 'overlay-item')).toBe('Punkt 5 Medlemsforslag om grønne tage');
    await act(chair, {
      type: 'election.create',
      kind: 'majority',
      title: 'Formand for Kultur- og Fritidsudvalget',
      candidates: [
        { id: 'c1', name: 'Xenia Holm' },
        { id: 'c2', name: 'Yusuf Lund' },
      ],
    });
    await act(chair, { type: 'election.openRound' });
    await Promise.all(seats.map((s, i) => act(s.socket, { type: 'election.cast', candidateId: i < 20 ? 'c1' : 'c2' })));
    await act(chair, { type: 'election.closeRound' });
    await expect.poll(() => text(overlay, 'overlay-elected')).toBe('Valgt: Xenia Holm');
    expect(await text(overlay, 'overlay-election')).toContain('Formand for Kultur- og Fritidsudvalget');
    // An election is not a vote: ?parts=vote leaves it out.
    expect(await shown(voteOnly, 'overlay-election')).toBe(0);

    // § 28: three seats among the parties' lists; the overlay gives each list's seats.
    await act(chair, { type: 'election.finish' });
    await act(chair, { type: 'election.create', kind: 'proportional', title: 'Børne- og Ungdomsudvalget', seats: 3 });
    const lists = demo.setup.groups.map((g) => ({
      id: g.id,
      name: g.name,
      members: demo.setup.persons.filter((p) => p.kind === 'member' && p.groupId === g.id).map((p) => p.id),
    }));
    await act(chair, { type: 'election.setLists', lists });
    await act(chair, { type: 'election.allocate' });
    await overlay.getByTestId('overlay-seats').waitFor();
    const lines = (await text(overlay, 'overlay-seats')).split('\n').map((l) => /^(.+): (\d+)$/.exec(l.trim()));
    expect(lines.every(Boolean)).toBe(true);
    for (const m of lines) expect(demo.setup.groups.map((g) => g.name)).toContain(m![1]);
    expect(lines.reduce((n, m) => n + Number(m![2]), 0)).toBe(3);
    expect(await text(overlay, 'overlay-election')).toContain('Børne- og Ungdomsudvalget');
  }, 90_000);

  it('shows nothing at all while the gallery is blanked, nor during a closed item', async () => {
    await expect.poll(() => onAir(overlay)).not.toBe('');
    await act(chair, { type: 'gallery.blank', blank: true });
    await expect.poll(() => onAir(overlay)).toBe('');
    expect(await overlay.locator('main section').count()).toBe(0);
    await act(chair, { type: 'gallery.blank', blank: false });
    await expect.poll(() => onAir(overlay)).toContain('Medlemsforslag om grønne tage');

    // A closed item (§§ 2–3): nothing on air, and nothing of it in the page.
    await act(chair, { type: 'election.finish' });
    await act(chair, { type: 'item.finish' });
    await act(chair, { type: 'item.start', itemId: 'i3' });
    await expect.poll(() => onAir(overlay)).toBe('');
    expect(await overlay.locator('main section').count()).toBe(0);
    const page = await overlay.content();
    expect(page).not.toContain('Vesterbrogade');
    expect(await onAir(voteOnly)).toBe('');
  }, 60_000);
});
