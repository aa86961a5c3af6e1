import { divisionOf } from '../../../../shared/engine/selectors';
import type { Item, MeetingState } from '../../../../shared/index';
import { useT } from '../../i18n';

/** The item under debate, closed ones included (members are bound by § 3). */
export function ItemCard({ item, state }: { item: Item | undefined; state: MeetingState }) {
  const t = useT();
  // § 24, stk. 5: once divided, the proposal is decided in the parts the chair worded.
  const parts = item ? (divisionOf(state, item.id)?.parts ?? []) : [];
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
          {item.caseLinks?.length ? (
            // § 14: the case material members may see, in a new tab so the seat stays where it is.
            <nav aria-label={t('caseMaterial')} data-testid="case-links">
              <h3>{t('caseMaterial')}</h3>
              <ul className="plain case-links">
                {item.caseLinks.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} target="_blank" rel="noopener noreferrer">
                      {l.title}
                      <span className="sr-only"> ({t('opensInNewTab')})</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {parts.length ? (
            <ol className="plain division-parts" aria-label={t('seatDivisionParts')} data-testid="seat-division-parts">
              {parts.map((p, i) => (
                <li key={p}>
                  <span className="label">{t('partOf', { n: i + 1, m: parts.length })}:</span> {p}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : (
        <h2 id="item-title">{t('noItem')}</h2>
      )}
    </section>
  );
}
