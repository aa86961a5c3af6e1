import { proposalUndecided } from '../../../../shared/engine/undecided';
import type { Item, MeetingState } from '../../../../shared/index';
import type { Question } from '../../components/ConfirmDialog';
import type { Translate } from '../../i18n';
import type { ChairShortcuts } from './chairShortcuts';

/** Closing the meeting (§ 18, stk. 1) cannot be undone: the console asks first. */
export function closeQuestion(t: Translate): Question {
  return { title: t('confirmCloseTitle'), text: t('confirmCloseText'), confirm: t('meetingClose') };
}

/**
 * Finishing an item whose proposal was never put (no vote, no declaration) leaves it without a
 * decision, and only decisive new information reopens it (§ 20, stk. 3): the N key and the
 * button that carries it ask first. Any other press goes as it is.
 */
export function askBeforeFinish(
  table: ChairShortcuts,
  p: { state: MeetingState; activeItem: Item | undefined; t: Translate; ask: (q: Question, go: () => void) => void },
): ChairShortcuts {
  const { state, activeItem, t, ask } = p;
  if (!activeItem || !proposalUndecided(state, activeItem.id)) return table;
  const question: Question = {
    title: t('confirmFinishTitle', { n: activeItem.number }),
    text: t('confirmFinishText', { proposal: activeItem.proposal ?? '' }),
    confirm: t('confirmFinish'),
  };
  return table.map((row) => (row.key === 'N' && row.press ? { ...row, press: { ...row.press, ask: (go: () => void) => ask(question, go) } } : row));
}
