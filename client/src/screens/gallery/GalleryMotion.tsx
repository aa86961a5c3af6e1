import type { PublicView } from '../../../../shared/index';
import { personLabel } from '../../components/common';
import { MotionDetails } from '../../components/MotionDetails';
import { useT } from '../../i18n';

/**
 * The procedural motion awaiting the council (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3), as the
 * public may see it: on a closed item only its kind and the item's number (§§ 2–3).
 */
export function GalleryMotion({ view }: { view: PublicView }) {
  const t = useT();
  const m = view.motion;
  if (!m) return null;
  const who = m.proposer ? personLabel(view, m.proposer) : null;
  return (
    <section className="gallery-vote gallery-motion" data-testid="gallery-motion" data-kind={m.kind} aria-labelledby="gallery-motion-title">
      <h2 id="gallery-motion-title">{t('motionTitle')}</h2>
      <p className="gallery-point">{t(`motionKind_${m.kind}`)}</p>
      <p>{m.itemTitle ? t('motionOnItem', { n: m.itemNumber, title: m.itemTitle }) : t('item', { n: m.itemNumber })}</p>
      <MotionDetails kind={m.kind} committee={m.committee} reason={m.reason} />
      {who ? (
        <p>
          {t('motionBy')} {who.name} ({who.letter})
        </p>
      ) : null}
      <p>
        <strong>{t(`motionDeciding_${m.deciding}`)}</strong>
      </p>
    </section>
  );
}
