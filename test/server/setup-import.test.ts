import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDemo } from '../../server/demo/credentials';
import { fromCsv, readSetupFile, validateSetup } from '../../server/setup/import';
import { chairClient, seatFor, tempDb, testServer } from './helpers';

describe('meeting set-up import (JSON, CSV)', () => {
  it('a CSV of persons gives groups, seats, the chair line and credentials', () => {
    const f = fromCsv('id;name;group;seat;kind;code;chair\nm1;Anna;A;S1;member;1111;1\nm2;Bo;B;S2;member;2222;2\nm3;Cai;LG;S3;member;3333;\ns1;Dan;A;;substitute;4444;\n');
    expect(validateSetup(f)).toBeNull();
    expect(f.setup.groups.map((g) => [g.id, g.independent])).toEqual([['A', false], ['B', false], ['LG', true]]);
    expect(f.setup.chairLine).toEqual(['m1', 'm2']);
    expect(f.setup.persons.find((p) => p.id === 's1')).toMatchObject({ kind: 'substitute', seatId: null });
    expect(Object.keys(f.credentials.seatKeys)).toEqual(['S1', 'S2', 'S3']);
    expect(f.config?.memberCount).toBe(3);
  });

  it('refuses a set-up where two members share a seat (§ 17) or a seat has no key', () => {
    const d = newDemo({ seatCount: 12 });
    const persons = d.setup.persons.map((p) => (p.id === 'm2' ? { ...p, seatId: d.setup.persons[0]!.seatId } : p));
    expect(validateSetup({ setup: { ...d.setup, persons }, credentials: d })).toMatch(/§ 17/);
    const seatKeys = { ...d.seatKeys };
    delete seatKeys[d.setup.chamber.seats[0]!.id];
    expect(validateSetup({ setup: d.setup, credentials: { ...d, seatKeys } })).toMatch(/seatKeys/);
    const file = path.join(path.dirname(tempDb('setup')), 'bad.json');
    writeFileSync(file, JSON.stringify({ setup: { ...d.setup, persons }, credentials: d }));
    expect(() => readSetupFile(file)).toThrow(/§ 17/);
  });

  it('a server started from a JSON set-up runs that chamber', async () => {
    const d = newDemo({ seatCount: 12 });
    const file = path.join(path.dirname(tempDb('setup')), 'setup.json');
    writeFileSync(file, JSON.stringify({ setup: d.setup, credentials: { codes: d.codes, seatKeys: d.seatKeys, chairPasswords: d.chairPasswords, secretariatPassword: d.secretariatPassword }, config: { memberCount: 12 } }));
    const server = await testServer({ demo: false, setup: readSetupFile(file), demoSeats: 12 });
    try {
      expect(server.service.state.config.memberCount).toBe(12);
      expect(Object.keys(server.service.state.persons)).toHaveLength(d.setup.persons.length);
      const seat = await seatFor(server, 'm3');
      const chair = await chairClient(server);
      expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
      seat.close();
      chair.close();
    } finally {
      await server.close();
    }
  });
});
