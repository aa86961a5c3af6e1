import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { styledName } from '../../shared/names';
import { formatDuration, speakingStats } from '../../shared/record/speaking';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, signInChair, Stage } from './stage';

// Issue #15, item 4 on the chair's console: the speaking-time panel (§ 19) shows each group's
// time and the top speakers after two speeches, for the item and the meeting, by the same
// shared statistics the record uses; a speech going on is counted while it runs.

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let chairSocket: Socket;
const seat = new Map<string, Socket>();

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const ok = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (testId: string) => chair.getByTestId(testId).innerText();

beforeAll(async () => {
  server = await stage.start('salen-speaking-stats', {});
  const { demo } = server;
  const members: Person[] = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId).slice(0, 30);
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
  await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
  chairSocket = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  for (const p of members) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    expect((await emit(s, 'checkIn', { code: demo.codes[p.id] })).ok).toBe(true);
    seat.set(p.id, s);
  }
});

afterAll(() => stage.close());

describe("the chair's speaking-time panel (§ 19)", () => {
  it('shows no speeches before any, then each group’s time and the speakers after two speeches', async () => {
    await ok(chairSocket, { type: 'meeting.open' });
    await ok(chairSocket, { type: 'item.start', itemId: 'i2' });
    await poll(() => text('speaking-item')).toContain('Ingen indlæg endnu.');

    await ok(seat.get('m1')!, { type: 'floor.request' });
    await ok(seat.get('m13')!, { type: 'floor.request' });
    // The chair gives the floor from the console; the speakers stop by the chair and by yielding.
    await chair.getByRole('button', { name: new RegExp(`^Giv ordet: ${styledName(server.service.state.persons.m1!)}`) }).click();
    await poll(() => server.service.state.items.i2!.debate.speaking?.personId).toBe('m1');
    await sleep(1100);
    await ok(chairSocket, { type: 'floor.end' });
    await ok(chairSocket, { type: 'floor.give' });
    await sleep(2100);
    await ok(seat.get('m13')!, { type: 'floor.yield' });

    // What the panel must say: the shared statistics of the server's own state.
    const st = speakingStats(server.service.state, { audience: 'members' });
    const item = st.items.find((i) => i.itemId === 'i2')!;
    expect(item.speeches).toBe(2);
    await poll(() => text('speaking-item-total')).toBe(`I alt ${formatDuration(item.ms)} · 2 indlæg`);
    await poll(() => text('speaking-meeting-total')).toBe(`I alt ${formatDuration(st.meeting.ms)} · 2 indlæg`);
    const rows = await chair.getByTestId('speaking-item').locator('tbody tr').allInnerTexts();
    const byGroup = new Map(item.byGroup.map((g) => [g.group, g]));
    expect(rows.map((r) => r.split('\t')[0])).toEqual(item.byGroup.map((g) => g.group));
    for (const r of rows) {
      const [group, time, count] = r.split('\t');
      expect(time).toBe(formatDuration(byGroup.get(group!)!.ms));
      expect(count).toBe('1');
    }
    const top = await chair.getByTestId('speaking-item').locator('.speaking-top li').allInnerTexts();
    expect(top).toEqual(item.byPerson.map((p) => `${p.person.name} (${p.person.group}) — ${formatDuration(p.ms)}`));
    expect(top.map((x) => x.split(' (')[0])).toEqual(expect.arrayContaining([styledName(server.service.state.persons.m1!), styledName(server.service.state.persons.m13!)]));
    await expectAccessible(chair, 'the console with speaking times');
  });

  it('a speech going on counts while it runs, and the panel follows a language switch', async () => {
    await ok(seat.get('m23')!, { type: 'floor.request' });
    await ok(chairSocket, { type: 'floor.give' });
    await poll(() => text('speaking-item-total')).toMatch(/· 3 indlæg$/);
    await ok(chairSocket, { type: 'floor.end' });
    await chair.getByRole('button', { name: /English|engelsk/i }).first().click();
    await poll(() => text('speaking-meeting-total')).toMatch(/^Total .* · 3 speeches$/);
    await poll(() => chair.getByRole('heading', { name: 'Speaking time (§ 19)' }).count()).toBe(1);
  });
});
