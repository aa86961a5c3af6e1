import { useState } from 'react';
import { divisionOf, nextAmendment, rollCallDemanded } from '../../../../shared/engine/selectors';
import type { ActionBody, Item, MeetingState, Refusal, Subject, VoteMode } from '../../../../shared/index';
import type { Can } from './types';
import { buildSubject, defaultPoint, emptyForm, type VoteForm } from './voteForm';

export interface VoteFormModel {
  /** The form as shown: following the item (next amendment, reading) and the default mode. */
  form: VoteForm & { mode: VoteMode };
  /** A field changed; the mode keeps following its default unless the chair picked one. */
  setForm: (f: VoteForm) => void;
  /** Back to an empty form (after the vote it described has opened). */
  reset: () => void;
  point: string;
  /** A choice the subject needs is not made yet (a person, a committee, the point). */
  subjectMissing: boolean;
  openBody: ActionBody | null;
  declareBody: ActionBody | null;
  /** The engine's verdict on what the buttons would send — or, while the form is incomplete, on a stand-in, so the rule that stands in the way shows before the chair fills it in. */
  openRefusal: Refusal | null;
  declareRefusal: Refusal | null;
  /** The mode of the vote on a pending declaration (§ 24, stk. 4) and the body V sends for it. */
  declMode: VoteMode;
  setDeclMode: (m: VoteMode) => void;
  declVoteBody: ActionBody | null;
}

/**
 * The chair's vote form. It lives above the panels so the V shortcut opens exactly what the
 * form shows. The mode starts from the default for every vote: electronic, or the roll call
 * once the engine says one is demanded (§ 24, stk. 2). A pick of the chair's lasts for one
 * vote only: it is dropped when a vote opens or closes and when a roll-call demand arrives;
 * the whole form is dropped when another item starts.
 */
export function useVoteForm(state: MeetingState, activeItem: Item | undefined, can: Can): VoteFormModel {
  const [form, setFormState] = useState<VoteForm>(emptyForm);
  const [declPick, setDeclPick] = useState<VoteMode | null>(null);
  const rollCallDue = rollCallDemanded(state);
  const decl = state.declaration;
  const itemId = activeItem?.id ?? null;
  const voteKey = `${state.activeVote ?? ''}|${rollCallDue}`;
  const declKey = decl ? `${decl.point}|${decl.subject.kind}` : '';
  // The state the picks were made in; when it moves on, the picks it outlived are dropped
  // here, while rendering (React's pattern for state that follows a changed value), so the
  // screen never shows a stale pick for a frame.
  const [seen, setSeen] = useState({ itemId, voteKey, declKey });
  if (seen.itemId !== itemId || seen.voteKey !== voteKey || seen.declKey !== declKey) {
    setSeen({ itemId, voteKey, declKey });
    if (seen.itemId !== itemId) setFormState(emptyForm);
    else if (seen.voteKey !== voteKey) setFormState((f) => (f.mode === null ? f : { ...f, mode: null }));
    if (seen.voteKey !== voteKey || seen.declKey !== declKey) setDeclPick(null);
  }

  const defaultMode: VoteMode = rollCallDue ? 'rollCall' : 'electronic';
  const nextAm = activeItem ? nextAmendment(state, activeItem.id) : null;
  let f = form;
  if (activeItem && !f.kindChosen) {
    if (nextAm) f = { ...f, kind: 'amendment', amendmentId: nextAm };
    else if (activeItem.readings === 2 && activeItem.reading === 1) f = { ...f, kind: 'reading' };
  }
  // § 24, stk. 5: while division stands, the proposal is offered as its next part.
  const division = activeItem ? divisionOf(state, activeItem.id) : null;
  const nextPart = division?.parts[division.decided];
  if (f.kind === 'proposal' && !f.part.trim() && nextPart) f = { ...f, part: nextPart };
  if (f.kind === 'amendment' && (!f.amendmentId || state.amendments[f.amendmentId]?.status !== 'pending') && nextAm) f = { ...f, amendmentId: nextAm };
  const shown = { ...f, mode: f.mode ?? defaultMode };

  const written = shown.pointEdited ? shown.point : defaultPoint(state, activeItem, shown);
  const point = written.trim();
  const subject = buildSubject(shown);
  const complete = !!subject && !!point;
  const standIn: { point: string; subject: Subject } = { point: point || 'probe', subject: subject ?? { kind: 'postpone' } };
  const openBody: ActionBody | null = complete ? { type: 'vote.open', point, subject, mode: shown.mode } : null;
  const declareBody: ActionBody | null = complete ? { type: 'declaration.make', point, subject, expected: shown.expected } : null;
  const openRefusal = can(openBody ?? { type: 'vote.open', ...standIn, mode: shown.mode });
  const declareRefusal = can(declareBody ?? { type: 'declaration.make', ...standIn, expected: shown.expected });

  const declMode: VoteMode = declPick ?? defaultMode;
  const declVoteBody: ActionBody | null = decl ? { type: 'vote.open', point: decl.point, subject: decl.subject, mode: declMode } : null;

  return {
    form: shown,
    setForm: (next) => setFormState({ ...next, mode: next.mode === shown.mode ? form.mode : next.mode }),
    reset: () => setFormState(emptyForm),
    point: written,
    subjectMissing: !complete,
    openBody,
    declareBody,
    openRefusal,
    declareRefusal,
    declMode,
    setDeclMode: setDeclPick,
    declVoteBody,
  };
}
