import type { PublicView } from '../../../../shared/index';
import { PersonName, SpeakingClock } from '../../components/common';
import { useT } from '../../i18n';
import type { OpenCurrent } from './types';

/** How many of the next speakers the wall lists; the rest are counted. */
const QUEUE_SHOWN = 6;

/**
 * Who has the floor, with the running clock (§ 19), and who speaks next. While a vote is
 * on and nobody speaks, "nobody has the floor" gives way to the vote (the wall does not scroll).
 */
export function GallerySpeakers({ view, cur }: { view: PublicView; cur: OpenCurrent }) {
  const t = useT();
  const idle = !cur.speaking && (cur.vote !== null || cur.declaration !== null);
  return (
    <>
      <section className="gallery-speaker" hidden={idle}>
        <h2>{t('speaking')}</h2>
        {cur.speaking ? (
          <div className="gallery-speaker-row">
            <span className="gallery-speaker-name">
              <PersonName view={view} personId={cur.speaking.personId} />
            </span>
            <span className="gallery-speech-kind" data-testid="gallery-speech-kind">
              {t(`kind_${cur.speaking.kind}`)}
            </span>
            <SpeakingClock deadline={cur.speaking.deadline} className="gallery-clock" />
            {cur.speaking.groupLeftMs !== null ? (
              <span className="gallery-speech-kind" data-testid="gallery-group-time">
                {t('groupTime')}: <SpeakingClock deadline={cur.speaking.startedAt + cur.speaking.groupLeftMs} label={t('groupTime')} />
              </span>
            ) : null}
          </div>
        ) : (
          <p className="gallery-muted">{t('nobodySpeaking')}</p>
        )}
      </section>
      <section className="gallery-queue">
        <h2>{t('nextSpeakers')}</h2>
        {cur.queue.length ? (
          <ol aria-label={t('nextSpeakers')}>
            {cur.queue.slice(0, QUEUE_SHOWN).map((q) => (
              <li key={`${q.kind}:${q.personId}`}>
                <PersonName view={view} personId={q.personId} />
                {q.kind === 'speech' ? null : <span className="gallery-muted"> · {t(`kind_${q.kind}`)}</span>}
              </li>
            ))}
            {cur.queue.length > QUEUE_SHOWN ? <li className="gallery-muted">+{cur.queue.length - QUEUE_SHOWN}</li> : null}
          </ol>
        ) : (
          <p className="gallery-muted">{t('speakerListEmpty')}</p>
        )}
      </section>
    </>
  );
}
