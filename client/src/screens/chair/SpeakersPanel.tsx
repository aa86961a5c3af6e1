import { useState } from 'react';
import { groupTimeLeft, projectedSpeakers } from '../../../../shared/engine/speakers';
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
  // § 19, stk. 2: the chair moves ordinary speeches; places count among them (the annex's kinds go ahead).
  const speeches = queue.filter((q) => q.kind === 'speech');
  if (!active) {
    return (
      <Section title={t('speakerList')} id="speakers-title">
        <p>{t('noItem')}</p>
      </Section>
    );
  }
  // Annex (bilag 1): the speaker's group's time on the item before this speech (the clock counts this one down).
  const groupLeft = speaking && speaking.kind !== 'order' ? groupTimeLeft(state, active, speaking.groupKey) : null;
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
            <SpeakingClock deadline={speaking.deadline} className="clock-big" /> <span className="tag" data-testid="chair-speech-kind">{t(`kind_${speaking.kind ?? (speaking.first ? 'first' : 'later')}`)}</span>
            {speaking && groupLeft !== null ? (
              <span className="hint" data-testid="chair-group-time">
                {' '}
                · {t('groupTime')}: <SpeakingClock deadline={speaking.startedAt + groupLeft} label={t('groupTime')} />
              </span>
            ) : null}
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
          {queue.map((q) => (
            <li key={`${q.kind}:${q.personId}`}>
              <PersonName view={state} personId={q.personId} />
              {q.kind === 'speech' ? null : <span className="tag"> {t(`kind_${q.kind}`)}</span>}
              <span className="queue-reason"> — {placeReason(q, t)}</span>{' '}
              {q.kind !== 'speech' ? null : moving === q.personId ? (
                <MoveForm key={q.personId} personId={q.personId} places={speeches.length} from={speeches.indexOf(q)} can={can} onDone={() => setMoving(null)} />
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
  if (q.reason === 'pointOfOrder') return t('reason_pointOfOrder');
  if (q.reason === 'remark') return t('reason_remark');
  return t(q.reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order');
}
