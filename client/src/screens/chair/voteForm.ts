import type { Item, MeetingState, Subject, VoteMode } from '../../../../shared/index';

export type SubjectKind = 'proposal' | 'amendment' | 'reading' | 'closure' | 'disqualification' | 'denyFloor' | 'referral' | 'postpone';

export const SUBJECT_KINDS: SubjectKind[] = ['proposal', 'amendment', 'reading', 'closure', 'disqualification', 'denyFloor', 'referral', 'postpone'];

export interface VoteForm {
  kind: SubjectKind;
  /** The chair picked the subject; otherwise it follows the item (next amendment, reading). */
  kindChosen: boolean;
  amendmentId: string;
  personId: string;
  committee: string;
  part: string;
  point: string;
  pointEdited: boolean;
  /** The chair's own pick; null follows the default (electronic, or the roll call when due). */
  mode: VoteMode | null;
  expected: 'adopted' | 'rejected';
}

export const emptyForm: VoteForm = {
  kind: 'proposal',
  kindChosen: false,
  amendmentId: '',
  personId: '',
  committee: '',
  part: '',
  point: '',
  pointEdited: false,
  mode: null,
  expected: 'adopted',
};

/** Default wording of the point for each subject (Danish: it goes into the record). */
export function defaultPoint(state: MeetingState, item: Item | undefined, f: VoteForm): string {
  const name = (id: string) => state.persons[id]?.name ?? id;
  switch (f.kind) {
    case 'proposal':
      return f.part.trim() ? f.part.trim() : (item?.proposal ?? item?.title ?? '');
    case 'amendment':
      return state.amendments[f.amendmentId]?.text ?? '';
    case 'reading':
      return item?.proposal ?? 'At forslaget overgår til anden behandling.';
    case 'closure':
      return 'At forhandlingen afsluttes.';
    case 'disqualification':
      return f.personId ? `At ${name(f.personId)} er inhabil i punktet.` : '';
    case 'denyFloor':
      return f.personId ? `At ${name(f.personId)} nægtes ordet for resten af mødet.` : '';
    case 'referral':
      return f.committee.trim() ? `At punktet henvises til ${f.committee.trim()}.` : '';
    case 'postpone':
      return 'At punktet udsættes.';
  }
}

/** The subject the form describes, or null while a required choice is missing. */
export function buildSubject(f: VoteForm): Subject | null {
  switch (f.kind) {
    case 'proposal':
      return f.part.trim() ? { kind: 'proposal', part: f.part.trim() } : { kind: 'proposal' };
    case 'amendment':
      return f.amendmentId ? { kind: 'amendment', amendmentId: f.amendmentId } : null;
    case 'reading':
      return { kind: 'reading' };
    case 'closure':
      return { kind: 'closure' };
    case 'disqualification':
      return f.personId ? { kind: 'disqualification', personId: f.personId } : null;
    case 'denyFloor':
      return f.personId ? { kind: 'denyFloor', personId: f.personId } : null;
    case 'referral':
      return f.committee.trim() ? { kind: 'referral', committee: f.committee.trim() } : null;
    case 'postpone':
      return { kind: 'postpone' };
  }
}
