import type { PublicElection, PublicResult, PublicView } from '../../../../shared/index';
import { useT } from '../../i18n';

/**
 * The current item's election once decided (§ 27: the elected) or allocated (§ 28: seats per
 * list), while it is the decision shown (see gallery/decision.ts).
 */
export function overlayElection(view: PublicView, decision: PublicResult | null): PublicElection | null {
  const cur = view.current;
  if (!cur || cur.closed || !decision) return null;
  const e = view.elections.find((x) => x.id === decision.voteId && x.itemId === cur.id);
  if (!e) return null;
  const final = e.kind === 'majority' ? e.status === 'decided' && !!e.elected : e.status === 'allocated' && !!e.result;
  return final ? e : null;
}

export function OverlayElection({ e }: { e: PublicElection }) {
  const t = useT();
  return (
    <section className="overlay-election" data-testid="overlay-election" aria-label={t('overlayElectionResult')}>
      <div className="overlay-election-title">{e.title}</div>
      {e.kind === 'majority' ? (
        <div className="overlay-elected" data-testid="overlay-elected">
          {t('electedName', { name: e.candidates.find((c) => c.id === e.elected)?.name ?? e.elected ?? '' })}
        </div>
      ) : (
        <ul className="overlay-seats" data-testid="overlay-seats">
          {e.lists
            .filter((l) => (e.result?.seats[l.id] ?? 0) > 0)
            .map((l) => (
              <li key={l.id} data-list={l.id}>
                {t('overlaySeatsFor', { list: l.name, seats: e.result?.seats[l.id] ?? 0 })}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
