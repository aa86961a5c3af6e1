import type { Credentials } from '../../server/store/db';
import { demoAgenda, demoChamber } from '../../server/demo/chamber';
import type { Group, MeetingSetup, Person, Seat } from '../../shared/types';

/**
 * A chamber of any size for the benchmark. Up to 55 seats it is the demo chamber itself;
 * above, the same parties, names and credential scheme on a horseshoe with as many rows as
 * needed (the demo's `horseshoe` stops at 55 seats).
 */
export interface BenchChamber extends Credentials {
  setup: MeetingSetup;
  members: Person[];
}

export function benchChamber(seatCount: number): BenchChamber {
  if (seatCount < 10) throw new Error('at least 10 seats');
  if (seatCount <= 55) {
    const d = demoChamber({ seatCount });
    return { ...d, members: d.setup.persons.filter((p) => p.kind === 'member') };
  }
  const base = demoChamber();
  const seats: Seat[] = [];
  for (let row = 0, k = 0; k < seatCount; row++) {
    const count = 13 + row * 4;
    const radius = 22 + row * 6;
    for (let i = 0; i < count && k < seatCount; i++, k++) {
      const angle = Math.PI * (0.05 + (0.9 * i) / (count - 1));
      seats.push({
        id: `S${String(k + 1).padStart(4, '0')}`,
        label: String(k + 1),
        x: Math.round((50 - radius * Math.cos(angle)) * 10) / 10,
        y: Math.round((12 + radius * Math.sin(angle)) * 10) / 10,
      });
    }
  }
  const groups: Group[] = base.setup.groups;
  const parties = groups.filter((g) => !g.independent).map((g) => g.id);
  const names = base.setup.persons.filter((p) => p.kind === 'member').map((p) => p.name);
  const persons: Person[] = seats.map((seat, i) => ({
    id: `m${i + 1}`,
    name: `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`,
    groupId: i >= seatCount - 2 ? 'LG' : parties[i % parties.length]!,
    kind: 'member',
    seatId: seat.id,
  }));
  for (let j = 0; j < 4; j++)
    persons.push({ id: `sub${j + 1}`, name: `Stedfortræder ${j + 1}`, groupId: parties[j]!, kind: 'substitute', seatId: null });
  const chairLine = ['m2', 'm1', 'm3'];
  const codes: Record<string, string> = {};
  persons.forEach((p, i) => (codes[p.id] = String(100000 + ((i * 7919) % 900000))));
  const seatKeys: Record<string, string> = {};
  seats.forEach((s, i) => (seatKeys[s.id] = `k${((i + 1) * 2654435761).toString(36)}`));
  const chairPasswords = Object.fromEntries(chairLine.map((id, i) => [id, ['formand', 'naestfor1', 'naestfor2'][i]!]));
  return {
    setup: { title: 'Benchmark', chamber: { name: 'Benchmark-salen', seats }, groups, persons, chairLine, agenda: demoAgenda() },
    codes,
    seatKeys,
    chairPasswords,
    secretariatPassword: 'sekretariat',
    members: persons.filter((p) => p.kind === 'member'),
  };
}
