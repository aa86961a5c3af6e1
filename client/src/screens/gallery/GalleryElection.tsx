import type { PublicElection, PublicResult, PublicView } from '../../../../shared/index';
import { MajorityResults, ProportionalResults } from '../../components/elections';
import { useT } from '../../i18n';

/**
 * The election the wall shows (§§ 27–28): the newest one while it runs, and afterwards as
 * long as it is the decision shown (`decision`: the current item's, or a recent one). (PublicView
 * carries elections on open items only, so a closed item's election never reaches this screen.)
 */
export function focusElection(view: PublicView, decision: PublicResult | null): PublicElection | null {
  const last = view.elections.at(-1);
  if (!last) return null;
  const final = last.kind === 'majority' ? last.status === 'decided' : last.status === 'allocated';
  if (!final) return last;
  return decision?.voteId === last.id ? last : null;
}

/** An election on the wall: its rounds or lists, turnout of the open round, lots and the outcome. */
export function GalleryElection({ view, e }: { view: PublicView; e: PublicElection }) {
  const t = useT();
  const open = e.kind === 'majority' ? e.rounds.find((r) => r.status === 'open') : undefined;
  return (
    <section className="gallery-election" data-testid="gallery-election" data-election={e.id}>
      <h2>
        {t('elections')} · {t(`election_kind_${e.kind}`)}
      </h2>
      <p className="gallery-election-title">
        {e.title}
        {e.kind === 'proportional' ? <span className="gallery-muted"> · {t('seatsCount', { n: e.seats })}</span> : null}
      </p>
      {e.kind === 'majority' ? (
        <>
          {e.secret ? <p className="gallery-election-secret">{t('secretBallotShort')}</p> : null}
          {open ? (
            <p className="gallery-voted" data-testid="gallery-election-voted">
              {t('round', { n: open.number })}: {t('roundVotedPublic', { voted: open.voted, present: view.quorum.present })}
            </p>
          ) : null}
          <MajorityResults e={e} variant="gallery" />
        </>
      ) : (
        <ProportionalResults e={e} variant="gallery" allLists={!e.result} />
      )}
    </section>
  );
}
