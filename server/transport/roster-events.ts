import type { InboundEvent } from './inbound';
import type { SalenSocket as Socket } from './handshake';
import { secretariatOnly } from './secretariat-only';
import type { Roster } from '../council/roster';

// The secretariat's roster events (docs/protocol.md, "The council's roster"): who may send
// them is checked here, the payload and the rules in server/council/roster.ts.
const only = secretariatOnly({ da: 'Kun sekretariatet fører rådets medlemsliste.', en: "Only the secretariat keeps the council's roster." });

export function rosterEvents(roster: Roster): {
  'council.get': InboundEvent<'council.get'>;
  'council.import': InboundEvent<'council.import'>;
  'person.add': InboundEvent<'person.add'>;
  'person.edit': InboundEvent<'person.edit'>;
  'person.leave': InboundEvent<'person.leave'>;
  'substitute.promote': InboundEvent<'substitute.promote'>;
  'group.add': InboundEvent<'group.add'>;
  'group.edit': InboundEvent<'group.edit'>;
  'seats.set': InboundEvent<'seats.set'>;
} {
  const one = (run: (p: unknown) => ReturnType<Roster['import']>) => ({ args: 1 as const, run: (socket: Socket, p: unknown) => only(socket, () => run(p)) });
  return {
    'council.get': { args: 0, run: (socket) => only(socket, () => roster.get()) },
    'council.import': one((p) => roster.import(p)),
    'person.add': one((p) => roster.addPerson(p)),
    'person.edit': one((p) => roster.editPerson(p)),
    'person.leave': one((p) => roster.leave(p)),
    'substitute.promote': one((p) => roster.promote(p)),
    'group.add': one((p) => roster.addGroup(p)),
    'group.edit': one((p) => roster.editGroup(p)),
    'seats.set': one((p) => roster.setSeats(p)),
  };
}
