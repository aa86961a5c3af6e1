import { projectedSpeakers } from '../../../../shared/engine/speakers';
import type { Allowed, Item, MeetingState } from '../../../../shared/index';
import { ActionButton, PersonName, SpeakingClock } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';

/**
 * The floor (§ 19): who speaks, the member's place in the projected speaker list and why,
 * and the one button that fits — ask, withdraw, or end one's speech.
 */
export function FloorCard({ state, item, personId, allowed }: { state: MeetingState; item: Item; personId: string; allowed: Allowed }) {
  const t = useT();
  const queue = projectedSpeakers(state, item.id);
  const myPlace = queue.findIndex((q) => q.personId === personId);
  const speaking = item.debate.speaking;
  const reasonText = (reason: string, moved?: string) =>
    reason === 'moved' ? t('reason_moved', { reason: moved ?? '' }) : t(reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order');
  return (
    <section className="card" aria-labelledby="floor-title">
      <h2 id="floor-title">{t('speakerList')}</h2>
      {speaking ? (
        <p className={`speaker-now ${speaking.personId === personId ? 'speaker-me' : ''}`}>
          {speaking.personId === personId ? <strong>{t('youHaveFloor')}: </strong> : <span>{t('speaking')}: </span>}
          <PersonName view={state} personId={speaking.personId} /> <SpeakingClock deadline={speaking.deadline} />
        </p>
      ) : (
        <p>{t('nobodySpeaking')}</p>
      )}
      <p className="my-place" role="status" aria-live="polite" data-testid="my-place">
        {myPlace >= 0 ? (
          <>
            <strong>{t('yourPlace', { n: myPlace + 1 })}</strong> — {reasonText(queue[myPlace]!.reason, queue[myPlace]!.movedReason)}
          </>
        ) : (
          t('notOnList')
        )}
      </p>
      <div className="button-row">
        {speaking?.personId === personId ? (
          <ActionButton label={t('yieldFloor')} refusal={allowed['floor.yield']} pendingKey="floor.yield" className="btn-big" onPress={() => void act({ type: 'floor.yield' }, t('yieldFloor'))} />
        ) : myPlace >= 0 ? (
          <ActionButton label={t('withdrawFloor')} refusal={allowed['floor.withdraw']} pendingKey="floor.withdraw" className="btn-big" onPress={() => void act({ type: 'floor.withdraw' }, t('withdrawFloor'))} />
        ) : (
          <ActionButton label={t('requestFloor')} refusal={allowed['floor.request']} pendingKey="floor.request" className="btn-big btn-primary" onPress={() => void act({ type: 'floor.request' }, t('requestFloor'))} />
        )}
      </div>
      {queue.length ? (
        <ol className="queue" aria-label={t('speakerList')}>
          {queue.map((q) => (
            <li key={q.personId} className={q.personId === personId ? 'queue-me' : ''}>
              <PersonName view={state} personId={q.personId} />
              {q.personId === personId ? ` (${t('you')})` : ''}
              <span className="queue-reason"> — {reasonText(q.reason, q.movedReason)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('speakerListEmpty')}</p>
      )}
    </section>
  );
}
