import type { Item } from '../../../../shared/index';
import { useT } from '../../i18n';

/** The item under debate, closed ones included (members are bound by § 3). */
export function ItemCard({ item }: { item: Item | undefined }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="item-title">
      {item ? (
        <>
          <h2 id="item-title">
            {t('item', { n: item.number })}: {item.title} {item.doors === 'closed' ? <span className="tag tag-closed">{t('closedTag')}</span> : null}
          </h2>
          {item.doors === 'closed' ? <p className="statement">{t('closedItemNote')}</p> : null}
          {item.readings > 1 ? <p>{t('readingOf', { reading: item.reading, readings: item.readings })}</p> : null}
          {item.proposal ? (
            <p>
              <span className="label">{t('proposal')}:</span> {item.proposal}
            </p>
          ) : null}
        </>
      ) : (
        <h2 id="item-title">{t('noItem')}</h2>
      )}
    </section>
  );
}
