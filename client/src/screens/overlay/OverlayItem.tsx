import type { PublicView } from '../../../../shared/index';
import { PartyLetter, personLabel, SpeakingClock } from '../../components/common';
import { useT } from '../../i18n';

export type OpenCurrent = Extract<PublicView['current'], { closed: false }>;

/** The item under way: its number and title, top left. */
export function OverlayItem({ cur }: { cur: OpenCurrent }) {
  const t = useT();
  return (
    <section className="overlay-item" data-testid="overlay-item" aria-label={t('overlayItem')}>
      <span className="overlay-item-number">{t('item', { n: cur.number })}</span> <span className="overlay-item-title">{cur.title}</span>
    </section>
  );
}

/** The lower third: who has the floor (§ 19), their party, the kind of speech (annex, bilag 1) and the time left. */
export function OverlaySpeaker({ view, speaking }: { view: PublicView; speaking: NonNullable<OpenCurrent['speaking']> }) {
  const t = useT();
  const who = personLabel(view, speaking.personId);
  return (
    <section className="overlay-speaker" data-testid="overlay-speaker" aria-label={t('speaking')}>
      <PartyLetter group={who.group} />
      <div className="overlay-speaker-text">
        <div className="overlay-speaker-name" data-testid="overlay-speaker-name">
          {who.name}
        </div>
        <div className="overlay-speaker-party" data-testid="overlay-speaker-party">
          {who.group?.name ?? who.letter}
        </div>
        <div className="overlay-speaker-party" data-testid="overlay-speech-kind">
          {t(`kind_${speaking.kind}`)}
          {speaking.groupLeftMs !== null ? (
            <>
              {' '}
              · {t('groupTime')}: <SpeakingClock deadline={speaking.startedAt + speaking.groupLeftMs} label={t('groupTime')} />
            </>
          ) : null}
        </div>
      </div>
      <SpeakingClock deadline={speaking.deadline} className="overlay-clock" />
    </section>
  );
}
