import type { InboundEvent } from './inbound';
import { secretariatOnly } from './secretariat-only';
import type { Term } from '../meeting/term';

// The secretariat's term events (docs/protocol.md, "The council's meetings"): who may send
// them is checked here, the payload and the rules in server/meeting/term.ts.
const only = secretariatOnly({ da: 'Kun sekretariatet forbereder og offentliggør møderne.', en: 'Only the secretariat prepares and publishes the meetings.' });

export function termEvents(term: Term): {
  'meetings.list': InboundEvent<'meetings.list'>;
  'meeting.plan': InboundEvent<'meeting.plan'>;
  'meeting.update': InboundEvent<'meeting.update'>;
  'meeting.noticeSent': InboundEvent<'meeting.noticeSent'>;
  'meeting.activate': InboundEvent<'meeting.activate'>;
  'meeting.publish': InboundEvent<'meeting.publish'>;
} {
  return {
    'meetings.list': { args: 0, run: (socket) => only(socket, () => ({ ok: true as const, meetings: term.all() })) },
    'meeting.plan': { args: 1, run: (socket, p) => only(socket, () => term.plan(p)) },
    'meeting.update': { args: 1, run: (socket, p) => only(socket, () => term.update(p)) },
    'meeting.noticeSent': { args: 1, run: (socket, p) => only(socket, () => term.noticeSent(p)) },
    'meeting.activate': { args: 1, run: (socket, p) => only(socket, () => term.activate(p)) },
    'meeting.publish': { args: 1, run: (socket, p) => only(socket, () => term.publish(p)) },
  };
}
