import type { MeetingState, PersonId } from '../types';
import { styledName } from '../names';
import type { PersonRef } from './types';

/** A person as the record names them; its own module so a screen can use it without the record builder. */
export function personRef(s: MeetingState, id: PersonId): PersonRef {
  const p = s.persons[id];
  if (!p) return { id, name: id, group: '', kind: 'member' };
  // § 19, stk. 4: a mayor is named with the official title.
  return { id, name: styledName(p), group: s.groups[p.groupId]?.letter ?? p.groupId, kind: p.kind, ...(p.title ? { title: p.title } : {}) };
}
