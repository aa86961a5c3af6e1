import type { PublicView } from '../../../../shared/index';
import { PartyLetter, personLabel } from '../../components/common';
import { useT, type StringKey } from '../../i18n';
import type { OpenCurrent } from './types';

/** How many amendments the wall lists; the rest are counted. */
const SHOWN = 5;

const STATUS: Record<string, StringKey> = {
  pending: 'galleryAmendmentStatus_pending',
  adopted: 'galleryAmendmentStatus_adopted',
  rejected: 'galleryAmendmentStatus_rejected',
  withdrawn: 'galleryAmendmentStatus_withdrawn',
};

/**
 * § 25: the item's amendments in the order the chair set, each by its one number (the
 * order handed in: 1, 1a, 2…, as on the consoles and in the record), its text and mover.
 * While a vote is on, the vote card says what is voted on and the list shrinks to a line
 * of numbers with their fate (the wall does not scroll), the one voted on marked.
 */
export function GalleryAmendments({ view, cur }: { view: PublicView; cur: OpenCurrent }) {
  const t = useT();
  if (!cur.amendments.length) return null;
  const status = (a: { status: string }) => (STATUS[a.status] ? t(STATUS[a.status]!) : a.status);
  if (cur.vote) {
    const voting = cur.vote.amendment?.label ?? null;
    return (
      <section className="gallery-amendments gallery-amendments-compact" data-testid="gallery-amendments">
        <h2>{t('galleryAmendments')}</h2>
        <ul className="plain" aria-label={t('galleryAmendments')}>
          {cur.amendments.map((a) => (
            <li key={a.id} data-amendment={a.label} className={a.label === voting ? 'gallery-amendment is-voting' : 'gallery-amendment'}>
              <span className="gallery-amendment-label">{t('galleryAmendmentLabel', { label: a.label })}</span> <span className="gallery-muted">{status(a)}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="gallery-amendments" data-testid="gallery-amendments">
      <h2>{t('galleryAmendments')}</h2>
      <ul className="plain" aria-label={t('galleryAmendments')}>
        {cur.amendments.slice(0, SHOWN).map((a) => {
          const who = personLabel(view, a.proposer);
          return (
            <li key={a.id} data-amendment={a.label} className="gallery-amendment">
              <span className="gallery-amendment-label">{t('galleryAmendmentLabel', { label: a.label })}</span>{' '}
              <span className="gallery-amendment-body">
                <span className="gallery-amendment-text">{a.text}</span>{' '}
                <span className="gallery-muted gallery-amendment-meta">
                  <PartyLetter group={who.group} /> {who.name} · {status(a)}
                </span>
              </span>
            </li>
          );
        })}
        {cur.amendments.length > SHOWN ? <li className="gallery-muted">+{cur.amendments.length - SHOWN}</li> : null}
      </ul>
    </section>
  );
}
