import type { ActionBody, Item, MeetingState, Vote } from '../../../../shared/index';
import type { Shortcut } from '../../hooks/useShortcuts';
import type { Translate } from '../../i18n';
import type { AllowedMap, Can } from './types';
import type { VoteFormModel } from './useVoteForm';

export type ChairKey = 'G' | 'E' | 'V' | 'C' | 'N' | 'B';

export type ChairShortcuts = readonly (Shortcut & { key: ChairKey })[];

/**
 * The chair's keys (docs/screens.md): one table for the keydown handling, the help panel and
 * the buttons that carry the keys. Each row says what the key sends now and the engine's
 * verdict on it, so a refused key shows the same § as its disabled button.
 */
export function chairShortcuts(p: {
  state: MeetingState;
  t: Translate;
  allowed: AllowedMap;
  can: Can;
  activeItem: Item | undefined;
  vote: Vote | undefined;
  nextItemId: string | null;
  voteForm: VoteFormModel;
}): ChairShortcuts {
  const { state, t, allowed, can, activeItem, vote, nextItemId, voteForm } = p;
  const simple = (body: ActionBody, label: string) => ({ body, label, refusal: allowed[body.type] });
  const blank: ActionBody = { type: 'gallery.blank', blank: !state.meeting.galleryBlank };
  const startBody: ActionBody | null = nextItemId ? { type: 'item.start', itemId: nextItemId } : null;
  return [
    { key: 'G', label: 'shortcut_G', press: simple({ type: 'floor.give' }, t('giveFloor')) },
    { key: 'E', label: 'shortcut_E', press: simple({ type: 'floor.end' }, t('endFloor')) },
    {
      key: 'V',
      label: 'shortcut_V',
      // With a declaration pending, V opens the vote on the declaration itself (§ 24, stk. 4).
      press:
        voteForm.declVoteBody && !vote
          ? { body: voteForm.declVoteBody, label: t('voteOnDeclaration'), refusal: can(voteForm.declVoteBody), pendingKey: 'vote.open' }
          : { body: voteForm.openBody, label: t('openVote'), refusal: voteForm.openRefusal, then: (r) => r.ok && voteForm.reset() },
    },
    { key: 'C', label: 'shortcut_C', press: simple({ type: 'vote.close' }, t('closeVote')) },
    {
      key: 'N',
      label: 'shortcut_N',
      press: activeItem
        ? simple({ type: 'item.finish' }, t('finishItem'))
        : startBody && nextItemId
          ? { body: startBody, label: `${t('start')} ${t('item', { n: state.items[nextItemId]!.number })}`, refusal: can(startBody), pendingKey: `item.start:${nextItemId}` }
          : null,
    },
    {
      key: 'B',
      label: 'shortcut_B',
      press: { body: blank, label: state.meeting.galleryBlank ? t('unblankGallery') : t('blankGallery'), refusal: can(blank), pendingKey: 'gallery.blank' },
    },
  ];
}

/** The row of one key (every key has one). */
export function keyOf(table: ChairShortcuts, key: ChairKey) {
  return table.find((s) => s.key === key)!;
}
