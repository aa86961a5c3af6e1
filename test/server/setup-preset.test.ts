import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDemo } from '../../server/demo/credentials';
import { fromCsv, readSetupFile } from '../../server/setup/import';
import { PRESETS } from '../../shared/presets';
import { chairClient, seatFor, tempDb, testServer } from './helpers';

// Issue #16, item 8: a council's rules chosen at set-up — `preset` in a JSON set-up file, a
// `# preset:` line in a CSV (shared/presets.ts); the file's own `config` numbers go over it.

function jsonFile(extra: Record<string, unknown>): string {
  const d = newDemo({ seatCount: 12 });
  const file = path.join(path.dirname(tempDb('preset')), `setup-${Math.random().toString(36).slice(2)}.json`);
  const credentials = { codes: d.codes, seatKeys: d.seatKeys, chairPasswords: d.chairPasswords, secretariatPassword: d.secretariatPassword };
  writeFileSync(file, JSON.stringify({ setup: d.setup, credentials, ...extra }));
  return file;
}

describe('the council preset at set-up', () => {
  it('JSON: preset municipal31 gives its numbers, with the file’s memberCount over them; a server runs by them', async () => {
    const f = readSetupFile(jsonFile({ preset: 'municipal31', config: { memberCount: 12 } }));
    expect(f.config).toEqual({ ...PRESETS.municipal31.config, memberCount: 12 });
    const server = await testServer({ demo: false, setup: f, demoSeats: 12 });
    try {
      expect(server.service.state.config).toMatchObject({ memberCount: 12, forceVoteMembers: 4, shortRemark: { seconds: 60, perSpeech: 1 }, normalEnd: '22:00' });
      const chair = await chairClient(server);
      const seat = await seatFor(server, 'm3');
      expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
      seat.close();
      chair.close();
    } finally {
      await server.close();
    }
  });

  it('JSON: no preset keeps Copenhagen’s numbers; an unknown preset is refused by name', () => {
    expect(readSetupFile(jsonFile({ config: { memberCount: 12 } })).config).toEqual({ memberCount: 12 });
    expect(() => readSetupFile(jsonFile({ preset: 'aarhus' }))).toThrow(/preset/);
  });

  it('CSV: a `# preset:` line chooses the rules; the member count is the CSV’s own; an unknown one is refused', () => {
    const body = 'id;name;group;seat;kind;code;chair\nm1;Anna;A;S1;member;111111;1\nm2;Bo;B;S2;member;222222;2\n';
    const f = fromCsv(`# preset: municipal31\n${body}`);
    expect(f.preset).toBe('municipal31');
    expect(f.config).toEqual({ ...PRESETS.municipal31.config, memberCount: 2 });
    expect(fromCsv(body).config).toEqual({ memberCount: 2 });
    expect(() => fromCsv(`# preset: aarhus\n${body}`)).toThrow(/preset aarhus/);
  });
});
