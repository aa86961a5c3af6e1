import type { PublicResult, PublicView } from '../../../../shared/index';
import { personLabel } from '../../components/common';
import { SeatMap, type SeatMark } from '../../components/SeatMap';
import { useT } from '../../i18n';

/**
 * The decision shown (`r`: the current item's, or an earlier item's for a few minutes; see
 * decision.ts) under its item's number and title, with its counts and, for an open vote,
 * each seat's choice on the seat map; otherwise the map shows who is present by party.
 */
export function GalleryResult({ view, r }: { view: PublicView; r: PublicResult | null }) {
  const t = useT();
  const occupant: Record<string, string> = {};
  for (const [seat, occ] of Object.entries(view.presence)) occupant[seat] = occ.personId;
  const marks: Record<string, SeatMark> = {};
  const nameAt = (seat: string) => {
    const p = occupant[seat];
    if (!p) return undefined;
    const l = personLabel(view, p);
    return `${l.name} (${l.letter})`;
  };
  if (r?.seats) {
    for (const [seat, choice] of Object.entries(r.seats)) marks[seat] = { choice, title: nameAt(seat) };
  } else {
    for (const [seat, occ] of Object.entries(view.presence)) {
      if (!occ.online) continue;
      marks[seat] = { group: view.groups[personLabel(view, occ.personId).group?.id ?? ''] ?? null, title: nameAt(seat) };
    }
  }
  return (
    <section className="gallery-result">
      {r ? (
        <>
          <h2>{t('lastResult')}</h2>
          <p className="gallery-result-item" data-testid="gallery-result-item">
            <span className="gallery-item-number">{t('item', { n: r.number })}</span> {r.title}
          </p>
          <p className="gallery-result-point">{r.point}</p>
          <p className={`gallery-outcome ${r.adopted ? 'outcome-adopted' : 'outcome-rejected'}`}>
            {t(`outcome_${r.outcome}` as 'outcome_adopted')}
            {r.mode === 'declaration' ? <span className="gallery-outcome-note"> · {t('declared')}</span> : null}
          </p>
          {r.counts ? (
            <p className="gallery-counts">
              <span className="count count-for">{t('choice_for')} {r.counts.for}</span>
              <span className="count count-against">{t('choice_against')} {r.counts.against}</span>
              <span className="count count-abstain">{t('choice_abstain')} {r.counts.abstain}</span>
            </p>
          ) : null}
        </>
      ) : (
        <h2>{t('seatMap')}</h2>
      )}
      <SeatMap
        seats={view.chamber.seats}
        marks={marks}
        mode={r?.seats ? 'result' : 'presence'}
        label={r?.seats ? `${t('seatMap')}: ${r.point}` : `${t('seatMap')}: ${t('present')} ${view.quorum.present}`}
        className="gallery-seatmap"
      />
    </section>
  );
}
