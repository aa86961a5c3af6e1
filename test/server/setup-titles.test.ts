// § 19, stk. 4: mayors are named by their official title. The set-up carries it (JSON
// `title`, CSV column `title`); a bad title is refused naming the person's line or row.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDemo } from '../../server/demo/credentials';
import { fromCsv, readSetupFile, validateSetup } from '../../server/setup/import';
import type { PublicView } from '../../shared/views';
import { tempDb, testServer } from './helpers';

const HEADER = 'id;name;group;seat;kind;code;chair;title';

describe('§ 19, stk. 4 — titles in the set-up', () => {
  it('CSV: the optional title column gives a person a title; an empty cell gives none', () => {
    const f = fromCsv(`${HEADER}\nm1;Anna Holm;A;S1;member;111111;1;Overborgmester\nm2;Bo Berg;B;S2;member;222222;2;\nm3;Cai Lund;B;S3;member;333333;;Socialborgmester\n`);
    expect(validateSetup(f)).toBeNull();
    expect(f.setup.persons.map((p) => [p.id, p.title])).toEqual([['m1', 'Overborgmester'], ['m2', undefined], ['m3', 'Socialborgmester']]);
    // A CSV without the column still reads as before.
    expect(fromCsv('id;name;group;seat;kind;code;chair\nm1;Anna Holm;A;S1;member;111111;1\n').setup.persons[0]!.title).toBeUndefined();
  });

  it('CSV: a title that is not a short line of text is refused, naming the line', () => {
    const f = fromCsv(`${HEADER}\nm1;Anna Holm;A;S1;member;111111;1;Overborgmester\nm2;Bo Berg;B;S2;member;222222;2;${'x'.repeat(81)}\n`);
    expect(validateSetup(f)).toBe('line 3 (m2).title: at most 80 characters (it has 81)');
  });

  it('JSON: a title of the wrong type is refused naming the person; the file is not taken', () => {
    const d = newDemo({ seatCount: 12 });
    const credentials = { codes: d.codes, seatKeys: d.seatKeys, chairPasswords: d.chairPasswords, secretariatPassword: d.secretariatPassword };
    const persons = d.setup.persons.map((p) => (p.id === 'm3' ? { ...p, title: 42 } : p.id === 'm4' ? { ...p, title: '  ' } : p));
    const file = path.join(path.dirname(tempDb('titles')), 'bad-title.json');
    writeFileSync(file, JSON.stringify({ setup: { ...d.setup, persons }, credentials, config: { memberCount: 12 } }));
    expect(() => readSetupFile(file)).toThrow(/persons\.m3\.title: must be text .*not number/);
    expect(() => readSetupFile(file)).toThrow(/persons\.m4\.title: is empty/);
  });

  it('a server started from a titled CSV gives the title to the public view', async () => {
    const file = path.join(path.dirname(tempDb('titles')), 'titled.csv');
    writeFileSync(file, `${HEADER}\nm1;Anna Holm;A;S1;member;111111;1;Overborgmester\nm2;Bo Berg;B;S2;member;222222;2;\n`);
    const server = await testServer({ demo: false, setup: readSetupFile(file), demoSeats: 2 });
    try {
      const res = await fetch(`${server.url}/api/public`);
      const view = (await res.json()) as PublicView;
      expect(view.members.find((m) => m.id === 'm1')).toMatchObject({ name: 'Anna Holm', title: 'Overborgmester' });
      expect(view.members.find((m) => m.id === 'm2')).not.toHaveProperty('title');
    } finally {
      await server.close();
    }
  });
});
