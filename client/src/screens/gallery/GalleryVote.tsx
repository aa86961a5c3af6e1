import type { PublicPart, PublicView } from '../../../../shared/index';
import { personLabel } from '../../components/common';
import { useT, type Translate } from '../../i18n';
import type { OpenCurrent } from './types';

/** "<name>, <party>": who moved an amendment, as the wall names them. */
export function proposerLine(view: PublicView, personId: string): { name: string; party: string } {
  const l = personLabel(view, personId);
  return { name: l.name, party: l.group?.name ?? l.letter };
}

/** § 25: "Vote on amendment 2 (moved by …)", by the one number every screen and the record use. */
function amendmentLine(view: PublicView, amendment: { label: string; proposer: string }, t: Translate): string {
  return t('galleryVoteOnAmendment', { label: amendment.label, ...proposerLine(view, amendment.proposer) });
}

/** § 24, stk. 5: which part of the divided proposal is being decided. */
function PartLine({ part }: { part: PublicPart }) {
  const t = useT();
  return (
    <p className="gallery-vote-amendment" data-testid="gallery-vote-part">
      {part.of ? `${t('subject_proposal')} · ${t('partOf', { n: part.number, m: part.of })}` : t('subject_proposal')}
    </p>
  );
}

/** The vote under way (§ 24): what is voted on, and how far it has come. */
export function GalleryVote({ view, vote }: { view: PublicView; vote: NonNullable<OpenCurrent['vote']> }) {
  const t = useT();
  return (
    <section className="gallery-vote" data-testid="gallery-vote">
      <h2>
        {t('voteInProgress')}
        {vote.mode !== 'electronic' ? ` · ${t(`mode_${vote.mode}`)}` : ''}
      </h2>
      {vote.amendment ? (
        <p className="gallery-vote-amendment" data-testid="gallery-vote-amendment">
          {amendmentLine(view, vote.amendment, t)}
        </p>
      ) : null}
      {vote.part ? <PartLine part={vote.part} /> : null}
      <p className="gallery-point">{vote.point}</p>
      {vote.mode === 'manual' ? (
        <p className="gallery-voted">{t('manualVote')}</p>
      ) : (
        <p className="gallery-voted">{t('votedOf', { voted: vote.voted, eligible: vote.eligible })}</p>
      )}
      {vote.rollCallTurn ? <p className="gallery-turn">{t('rollCallTurn', { name: personLabel(view, vote.rollCallTurn).name })}</p> : null}
    </section>
  );
}

/** § 24, stk. 4: the chair declares the outcome; any member may still demand a vote. */
export function GalleryDeclaration({ declaration }: { declaration: NonNullable<OpenCurrent['declaration']> }) {
  const t = useT();
  return (
    <section className="gallery-vote">
      <h2>{t('declaration')}</h2>
      {declaration.part ? <PartLine part={declaration.part} /> : null}
      <p className="gallery-point">{declaration.point}</p>
      <p>{t('declarationExpected', { outcome: t(declaration.expected) })}</p>
      {declaration.demands > 0 ? <p>{t('declarationDemands', { n: declaration.demands })}</p> : null}
    </section>
  );
}
