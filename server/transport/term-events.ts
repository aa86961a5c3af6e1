import type { InboundEvent } from './inbound';
import type { Identity, SalenSocket as Socket } from './handshake';
import { serverRefusal } from '../meeting/service';
import type { Term } from '../meeting/term';

// The secretariat's term events (docs/protocol.md, "The council's meetings"): who may send
// them is checked here, the payload and the rules in server/meeting/term.ts.
const notSecretariat = () =>
  serverRefusal('NOT_SECRETARIAT', 'Kun sekretariatet forbereder og offentliggør møderne.', 'Only the secretariat prepares and publishes the meetings.', '§ 8');
const isSecretariat = (socket: Socket) => (socket.data.id as Identity).role === 'secretariat';

export function termEvents(term: Term): {
  'meetings.list': InboundEvent<'meetings.list'>;
  'meeting.plan': InboundEvent<'meeting.plan'>;
  'meeting.update': InboundEvent<'meeting.update'>;
  'meeting.noticeSent': InboundEvent<'meeting.noticeSent'>;
  'meeting.activate': InboundEvent<'meeting.activate'>;
  'meeting.publish': InboundEvent<'meeting.publish'>;
} {
  return {
    'meetings.list': { args: 0, run: (socket) => (isSecretariat(socket) ? { ok: true, meetings: term.all() } : notSecretariat()) },
    'meeting.plan': { args: 1, run: (socket, p) => (isSecretariat(socket) ? term.plan(p) : notSecretariat()) },
    'meeting.update': { args: 1, run: (socket, p) => (isSecretariat(socket) ? term.update(p) : notSecretariat()) },
    'meeting.noticeSent': { args: 1, run: (socket, p) => (isSecretariat(socket) ? term.noticeSent(p) : notSecretariat()) },
    'meeting.activate': { args: 1, run: (socket, p) => (isSecretariat(socket) ? term.activate(p) : notSecretariat()) },
    'meeting.publish': { args: 1, run: (socket, p) => (isSecretariat(socket) ? term.publish(p) : notSecretariat()) },
  };
}
