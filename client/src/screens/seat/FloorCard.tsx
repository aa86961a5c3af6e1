import { groupTimeLeft, projectedSpeakers, type ProjectedSpeaker } from '../../../../shared/engine/speakers';
import type { Actor, Allowed, Item, MeetingState } from '../../../../shared/index';
import { ActionButton, PersonName, SpeakingClock } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { SpeechKindButtons } from './SpeechKindButtons';

/**
 * The floor (§ 19): who speaks and in what kind of speech (annex, bilag 1), the member's
 * places in the projected speaker list and why, and the buttons that fit — ask, withdraw, or
 * end one's speech; a short remark and a point of order where the council has them.
 */
export function FloorCard({ state, item, personId, actor, allowed }: { state: MeetingState; item: Item; personId: string; actor: Actor; allowed: Allowed }) {
  const t = useT();
  const queue = projectedSpeakers(state, item.id);
  const mine = queue.map((q, i) => ({ q, n: i + 1 })).filter((x) => x.q.personId === personId);
  const hasSpeech = mine.some((x) => x.q.kind === 'speech');
  const speaking = item.debate.speaking;
  // Annex (bilag 1): the speaker's group's time on the item, counting down with the speech.
  const groupLeft = speaking && speaking.kind !== 'order' ? groupTimeLeft(state, item, speaking.groupKey) : null;
  const reasonText = (q: ProjectedSpeaker) => {
    if (q.reason === 'moved') return t('reason_moved', { reason: q.movedReason ?? '' });
    if (q.reason === 'pointOfOrder') return t('reason_pointOfOrder');
    if (q.reason === 'remark') return t('reason_remark');
    return t(q.reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order');
  };
  const kindText = (q: ProjectedSpeaker) => t(q.kind === 'speech' ? 'speakerList' : `kind_${q.kind}`);
  return (
    <section className="card" aria-labelledby="floor-title">
      <h2 id="floor-title">{t('speakerList')}</h2>
      {speaking ? (
        <p className={`speaker-now ${speaking.personId === personId ? 'speaker-me' : ''}`} data-testid="seat-speaking">
          {speaking.personId === personId ? <strong>{t('youHaveFloor')}: </strong> : <span>{t('speaking')}: </span>}
          <PersonName view={state} personId={speaking.personId} /> <span className="tag">{t(`kind_${speaking.kind ?? (speaking.first ? 'first' : 'later')}`)}</span>{' '}
          <SpeakingClock deadline={speaking.deadline} />
          {groupLeft !== null ? (
            <span className="hint" data-testid="seat-group-time">
              {' '}
              · {t('groupTime')}: <SpeakingClock deadline={speaking.startedAt + groupLeft} label={t('groupTime')} />
            </span>
          ) : null}
        </p>
      ) : (
        <p>{t('nobodySpeaking')}</p>
      )}
      <p className="my-place" role="status" aria-live="polite" data-testid="my-place">
        {mine.length
          ? mine.map(({ q, n }) => (
              <span key={q.kind} className="my-place-line">
                <strong>{q.kind === 'speech' ? t('yourPlace', { n }) : t('yourPlaceKind', { n, kind: kindText(q) })}</strong> — {reasonText(q)}
              </span>
            ))
          : t('notOnList')}
      </p>
      <div className="button-row">
        {speaking?.personId === personId ? (
          <ActionButton label={t('yieldFloor')} refusal={allowed['floor.yield']} pendingKey="floor.yield" className="btn-big" onPress={() => void act({ type: 'floor.yield' }, t('yieldFloor'))} />
        ) : hasSpeech ? (
          <ActionButton label={t('withdrawFloor')} refusal={allowed['floor.withdraw']} pendingKey="floor.withdraw" className="btn-big" onPress={() => void act({ type: 'floor.withdraw' }, t('withdrawFloor'))} />
        ) : (
          <ActionButton label={t('requestFloor')} refusal={allowed['floor.request']} pendingKey="floor.request" className="btn-big btn-primary" onPress={() => void act({ type: 'floor.request' }, t('requestFloor'))} />
        )}
      </div>
      <SpeechKindButtons state={state} item={item} personId={personId} actor={actor} allowed={allowed} />
      {queue.length ? (
        <ol className="queue" aria-label={t('speakerList')}>
          {queue.map((q) => (
            <li key={`${q.kind}:${q.personId}`} className={q.personId === personId ? 'queue-me' : ''}>
              <PersonName view={state} personId={q.personId} />
              {q.personId === personId ? ` (${t('you')})` : ''}
              {q.kind === 'speech' ? null : <span className="tag"> {kindText(q)}</span>}
              <span className="queue-reason"> — {reasonText(q)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('speakerListEmpty')}</p>
      )}
    </section>
  );
}
