import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { emit, Stage } from './stage';

// § 19, stk. 4: members are named by first and last name, mayors by their official title.
// A titled mayor and an untitled member take the floor through real sockets; the gallery in
// chromium names the one with the title and the other without.

const stage = new Stage();
let server: RunningServer;
let gallery: Page;
let act: (body: Record<string, unknown>) => Promise<unknown>;
let seats: Map<string, Socket>;
let mayor: Person;
let plain: Person;

beforeAll(async () => {
  server = await stage.start('salen-e2e-gallery-titles', {});
  const { setup } = server.demo;
  const chairId = setup.chairLine[0]!;
  const members = setup.persons.filter((p) => p.kind === 'member' && p.seatId && p.id !== chairId);
  mayor = members.find((p) => p.title && p.title !== 'Overborgmester')!;
  plain = members.find((p) => !p.title && p.groupId !== mayor.groupId)!;
  const present = [setup.persons.find((p) => p.id === chairId)!, mayor, plain, ...members.filter((p) => p !== mayor && p !== plain)].slice(0, 30);
  seats = await stage.checkInSeats(present);
  ({ act } = await stage.chairSocket());
  gallery = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
  await act({ type: 'meeting.open' });
  await act({ type: 'item.start', itemId: 'i2' });
});

afterAll(() => stage.close());

describe('the gallery names a mayor by the official title (§ 19, stk. 4)', () => {
  it('the titled speaker with the title, the untitled one by first and last name', async () => {
    expect(mayor?.title, 'the demo chamber has a titled mayor').toBeTruthy();
    for (const p of [mayor, plain]) {
      const r = await emit(seats.get(p.id)!, 'action', { type: 'floor.request' });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    await act({ type: 'floor.give' });
    const speaker = gallery.locator('.gallery-speaker-name');
    await expect.poll(() => speaker.textContent()).toContain(`${mayor.title} ${mayor.name}`);
    await act({ type: 'floor.end' });
    await act({ type: 'floor.give' });
    await expect.poll(() => speaker.textContent()).toContain(plain.name);
    const text = (await speaker.textContent()) ?? '';
    expect(text).not.toContain('borgmester');
  });
});
