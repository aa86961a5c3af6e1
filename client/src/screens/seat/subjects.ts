import { amendmentLabels } from '../../../../shared/engine/selectors';
import type { AmendmentId, MeetingState, Subject } from '../../../../shared/index';
import { personLabel } from '../../components/common';
import type { Translate } from '../../i18n';

/** An amendment's one number (§ 25: by the order handed in, "1", "1a", "2"), as shared numbers it. */
export function amendmentLabel(state: MeetingState, amendmentId: AmendmentId): string {
  const am = state.amendments[amendmentId];
  return (am && amendmentLabels(state, am.itemId).get(amendmentId)?.label) ?? '?';
}

/** "Ændringsforslag 2 fra <name>": which amendment, and whose. */
export function amendmentName(state: MeetingState, t: Translate, amendmentId: AmendmentId): string {
  const am = state.amendments[amendmentId];
  const name = am ? personLabel(state, am.proposer).name : '?';
  return t('seatAmendmentOf', { label: amendmentLabel(state, amendmentId), name });
}

/** What a vote or a declaration decides, in words; an amendment by its number and proposer. */
export function subjectText(state: MeetingState, t: Translate, subject: Subject): string {
  if (subject.kind === 'amendment') return amendmentName(state, t, subject.amendmentId);
  // § 24, stk. 5: a part of a divided proposal, by its place in the chair's order.
  const parts = subject.kind === 'proposal' && subject.part !== undefined ? (state.division?.parts ?? []) : [];
  const at = subject.kind === 'proposal' && subject.part !== undefined ? parts.indexOf(subject.part) : -1;
  return at < 0 ? t(`subject_${subject.kind}`) : `${t('subject_proposal')} · ${t('partOf', { n: at + 1, m: parts.length })}`;
}
