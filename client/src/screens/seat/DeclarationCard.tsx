import type { Allowed, MeetingState } from '../../../../shared/index';
import { useT } from '../../i18n';
import { DemandRow } from './DemandRow';
import { subjectText } from './subjects';

/**
 * § 24, stk. 4: the chair declares an outcome without a vote, and a member may demand one.
 * It is the question of the moment, as a vote is: the top card, its button on the first
 * screen of a tablet.
 */
export function DeclarationCard({ state, personId, allowed }: { state: MeetingState; personId: string; allowed: Allowed }) {
  const t = useT();
  const decl = state.declaration;
  if (!decl) return null;
  return (
    <section className="card declaration-card" aria-labelledby="declaration-title" data-testid="seat-declaration">
      <h2 id="declaration-title">{t('declaration')}</h2>
      <p className="vote-subject">{subjectText(state, t, decl.subject)}</p>
      <p className="vote-point">{decl.point}</p>
      <p>
        <strong>{t('declarationExpected', { outcome: t(decl.expected) })}</strong> · {t('seatDeclarationHelp')}
      </p>
      <DemandRow
        label={t('demandVote')}
        action={{ type: 'declaration.demandVote' }}
        refusal={allowed['declaration.demandVote']}
        mine={decl.demands.includes(personId)}
        count={t('declarationDemands', { n: decl.demands.length })}
        countTestId="declaration-demands"
        primary
      />
    </section>
  );
}
