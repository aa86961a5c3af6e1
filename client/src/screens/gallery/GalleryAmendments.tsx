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
 * § 25: the item's amendments in the order they are voted on, each by its one number (the
 * order handed in: 1, 1a, 2…, as on the consoles and in the record) and its mover. The one
 * being voted on is marked.
 */
export function GalleryAmendments({ view, cur }: { view: PublicView; cur: OpenCurrent }) {
  const t = useT();
  if (!cur.amendments.length) return null;
  const voting = cur.vote?.amendment?.label ?? null;
  const shown = cur.amendments.slice(0, SHOWN);
  return (
    <section className="gallery-amendments" data-testid="gallery-amendments">
      <h2>{t('galleryAmendments')}</h2>
      <ul className="plain" aria-label={t('galleryAmendments')}>
        {shown.map((a) => {
          const who = personLabel(view, a.proposer);
          return (
            <li key={a.id} data-amendment={a.label} className={a.label === voting ? 'gallery-amendment is-voting' : 'gallery-amendment'}>
              <span className="gallery-amendment-label">{t('galleryAmendmentLabel', { label: a.label })}</span>{' '}
              <span className="gallery-amendment-body">
                <span className="gallery-amendment-text">{a.text}</span>{' '}
                <span className="gallery-muted gallery-amendment-meta">
                  <PartyLetter group={who.group} /> {who.name} · {STATUS[a.status] ? t(STATUS[a.status]!) : a.status}
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
