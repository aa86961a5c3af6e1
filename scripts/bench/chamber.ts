import type { Credentials } from '../../server/store/db';
import { newDemo } from '../../server/demo/credentials';
import type { MeetingSetup, Person } from '../../shared/types';

/** The demo chamber at any size (it adds rows beyond Copenhagen's 55) with fresh random credentials, its members listed. */
export interface BenchChamber extends Credentials {
  setup: MeetingSetup;
  members: Person[];
}

export function benchChamber(seatCount: number): BenchChamber {
  if (seatCount < 10) throw new Error('at least 10 seats');
  const d = newDemo({ seatCount });
  return { ...d, members: d.setup.persons.filter((p) => p.kind === 'member') };
}
