import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { checkInAt, emit, signInChair, Stage } from './stage';

// § 25, stk. 3: on a two-reading item the chair enters the council's deadline for amendments
// on the console; the seat shows it above its amendment form, and a later amendment is refused.

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let seatPage: Page;
let chairSocket: Socket;
let me: Person;
const sockets = new Map<string, Socket>();

const ok = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
};

beforeAll(async () => {
  server = await stage.start('salen-e2e-amendment-deadline', {});
  const { demo } = server;
  const chairId = demo.setup.chairLine[0]!;
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId);
  me = members.find((p) => !demo.setup.chairLine.includes(p.id))!;
  chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
  await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
  chairSocket = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  seatPage = await stage.newPage({ width: 1180, height: 820 }, `/seat#key=${encodeURIComponent(demo.seatKeys[me.seatId!]!)}`);
  await checkInAt(seatPage, demo.codes[me.id]!);
  for (const p of members.filter((x) => x.id !== me.id).slice(0, 29)) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    expect((await emit(s, 'checkIn', { code: demo.codes[p.id] })).ok).toBe(true);
    sockets.set(p.id, s);
  }
  await ok(chairSocket, { type: 'meeting.open' });
  await ok(chairSocket, { type: 'item.start', itemId: 'i4' });
});

afterAll(() => stage.close());

describe('amendment deadline (§ 25, stk. 3)', () => {
  it('the chair sets it on the console; the seat shows it; a later amendment is refused with the paragraph', async () => {
    const panel = chair.getByRole('region', { name: 'Frist for ændringsforslag (§ 25, stk. 3)' });
    await expect.poll(() => panel.getByTestId('chair-amendment-deadline').innerText()).toBe('Ingen frist er sat.');
    // A minute ago, in the console's own time zone: already passed.
    const past = new Date(Date.now() - 60_000);
    const local = new Date(past.getTime() - past.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await panel.getByLabel('Fristens tidspunkt').fill(local);
    await panel.getByRole('button', { name: 'Sæt frist' }).click();
    await expect.poll(() => server.service.state.items.i4!.amendmentDeadline).toBe(new Date(local).getTime());
    await expect.poll(() => panel.getByTestId('chair-amendment-deadline').innerText()).toMatch(/^Frist: /);
    await expect.poll(() => seatPage.getByTestId('seat-amendment-deadline').innerText()).toMatch(/^Frist for ændringsforslag: .* \(§ 25, stk\. 3\)$/);
    const other = sockets.values().next().value!;
    const r = (await emit(other, 'action', { type: 'amendment.submit', text: 'For sent' })) as { ok: boolean; code?: string; paragraph?: string };
    expect(r).toMatchObject({ ok: false, code: 'AMENDMENT_DEADLINE_PASSED', paragraph: '§ 25, stk. 3' });
    expect(Object.keys(server.service.state.amendments)).toHaveLength(0);
    await panel.getByRole('button', { name: 'Fjern frist' }).click();
    await expect.poll(() => server.service.state.items.i4!.amendmentDeadline).toBeUndefined();
    await expect.poll(() => seatPage.getByTestId('seat-amendment-deadline').count()).toBe(0);
  });
});
