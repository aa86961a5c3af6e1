import type { Identity, SalenSocket as Socket } from './handshake';
import { serverRefusal } from '../meeting/service';

/**
 * The secretariat's own events (the term's meetings, the roster): any other socket is
 * refused before its payload is read, with `why` saying what only the secretariat does (§ 8).
 */
export function secretariatOnly(why: { da: string; en: string }) {
  const refuse = () => serverRefusal('NOT_SECRETARIAT', why.da, why.en, '§ 8');
  return <T>(socket: Socket, run: () => T) => ((socket.data.id as Identity).role === 'secretariat' ? run() : refuse());
}
