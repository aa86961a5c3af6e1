import type { InboundEvent } from './inbound';
import type { Identity, SalenSocket as Socket } from './handshake';
import { serverRefusal } from '../meeting/service';
import type { Roster } from '../council/roster';

// The secretariat's roster events (docs/protocol.md, "The council's roster"): who may send
// them is checked here, the payload and the rules in server/council/roster.ts.
const notSecretariat = () =>
  serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet fører rådets medlemsliste.', "Only the secretariat keeps the council's roster.", '§ 8');
const isSecretariat = (socket: Socket) => (socket.data.id as Identity).role === 'secretariat';

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
  const one = (run: (p: unknown) => ReturnType<Roster['import']>) => ({ args: 1 as const, run: (socket: Socket, p: unknown) => (isSecretariat(socket) ? run(p) : notSecretariat()) });
  return {
    'council.get': { args: 0, run: (socket) => (isSecretariat(socket) ? roster.get() : notSecretariat()) },
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
