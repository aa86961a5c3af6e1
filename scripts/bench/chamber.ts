import type { Credentials } from '../../server/store/db';
import { demoChamber } from '../../server/demo/chamber';
import type { MeetingSetup, Person } from '../../shared/types';

/** The demo chamber at any size (it adds rows beyond Copenhagen's 55), with its members listed. */
export interface BenchChamber extends Credentials {
  setup: MeetingSetup;
  members: Person[];
}

export function benchChamber(seatCount: number): BenchChamber {
  if (seatCount < 10) throw new Error('at least 10 seats');
  const d = demoChamber({ seatCount });
  return { ...d, members: d.setup.persons.filter((p) => p.kind === 'member') };
}
