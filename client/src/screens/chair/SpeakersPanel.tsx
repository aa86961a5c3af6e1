import { useState } from 'react';
import { projectedSpeakers } from '../../../../shared/engine/speakers';
import type { ActionBody, MeetingState, ProjectedSpeaker } from '../../../../shared/index';
import { ActionButton, PersonName, personLabel, SpeakingClock } from '../../components/common';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import { MoveForm } from './MoveForm';
import type { Can } from './types';

/**
 * The speaker list in projected order (§ 19) with the reason for each place; who speaks and
 * the clock; give the floor (G), end the speech (E), call the speaker to order (§ 18, stk. 3);
 * Flyt moves a request, with a reason (§ 19, stk. 2).
 */
export function SpeakersPanel({ state, can, shortcuts }: { state: MeetingState; can: Can; shortcuts: ChairShortcuts }) {
  const t = useT();
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const active = item?.status === 'active' ? item : undefined;
  const queue = active ? projectedSpeakers(state, active.id) : [];
  const speaking = active?.debate.speaking ?? null;
  const [moving, setMoving] = useState<string | null>(null);
  const give = keyOf(shortcuts, 'G').press!;
  const end = keyOf(shortcuts, 'E').press!;
  const head = queue[0];
  if (!active) {
    return (
      <Section title={t('speakerList')} id="speakers-title">
        <p>{t('noItem')}</p>
      </Section>
    );
  }
  const callBody: ActionBody | null = speaking ? { type: 'order.call', personId: speaking.personId } : null;
  return (
    <Section title={t('speakerList')} id="speakers-title">
      <div className="speaker-now">
        {speaking ? (
          <>
            <span>{t('speaking')}: </span>
            <strong>
              <PersonName view={state} personId={speaking.personId} />
            </strong>{' '}
            <SpeakingClock deadline={speaking.deadline} className="clock-big" /> <span className="tag">{speaking.first ? t('firstSpeech') : t('laterSpeech')}</span>
          </>
        ) : (
          t('nobodySpeaking')
        )}
      </div>
      <div className="button-row">
        <ActionButton
          label={head ? `${t('giveFloor')}: ${personLabel(state, head.personId).name}` : t('giveFloor')}
          refusal={give.refusal}
          pendingKey="floor.give"
          className="btn-primary"
          shortcut="G"
          onPress={() => send(give)}
        />
        <ActionButton label={t('endFloor')} refusal={end.refusal} pendingKey="floor.end" shortcut="E" onPress={() => send(end)} />
        {speaking && callBody ? (
          <ActionButton
            label={t('callToOrder')}
            refusal={can(callBody)}
            pendingKey={`order.call:${speaking.personId}`}
            onPress={() => void act(callBody, t('callToOrder'), `order.call:${speaking.personId}`)}
          />
        ) : null}
      </div>
      {queue.length ? (
        <ol className="queue" aria-label={t('speakerList')} data-testid="chair-queue">
          {queue.map((q, i) => (
            <li key={q.personId}>
              <PersonName view={state} personId={q.personId} />
              <span className="queue-reason"> — {placeReason(q, t)}</span>{' '}
              {moving === q.personId ? (
                <MoveForm key={q.personId} personId={q.personId} places={queue.length} from={i} can={can} onDone={() => setMoving(null)} />
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setMoving(q.personId)}>
                  {t('moveRequest')}
                </button>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('speakerListEmpty')}</p>
      )}
    </Section>
  );
}

function placeReason(q: ProjectedSpeaker, t: ReturnType<typeof useT>): string {
  if (q.reason === 'moved') return t('reason_moved', { reason: q.movedReason ?? '' });
  return t(q.reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order');
}
