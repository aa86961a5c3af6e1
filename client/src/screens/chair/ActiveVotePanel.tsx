import { amendmentLabels, eligibleVoters } from '../../../../shared/engine/selectors';
import type { MeetingState, Vote } from '../../../../shared/index';
import { ActionButton, MissingVoters, PersonName } from '../../components/common';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import { ManualResult } from './ManualResult';
import type { AllowedMap, Can } from './types';

/** The vote in progress: who has voted of those who may (§ 16, § 23), whose turn in a roll call, close (C). */
export function ActiveVotePanel({ state, vote, allowed, can, shortcuts }: { state: MeetingState; vote: Vote; allowed: AllowedMap; can: Can; shortcuts: ChairShortcuts }) {
  const t = useT();
  const elig = eligibleVoters(state, vote);
  // An open electronic vote says who has voted (`votedBy`), never how; a roll call keeps its answers.
  const has = new Set(vote.votedBy ?? Object.keys(vote.ballots));
  const voted = elig.filter((p) => has.has(p));
  const missing = elig.filter((p) => !has.has(p));
  const turn = vote.rollCall ? vote.rollCall.order[vote.rollCall.index] : undefined;
  const close = keyOf(shortcuts, 'C').press!;
  return (
    <Section title={`${t('voteInProgress')} · ${t(`mode_${vote.mode}`)}`} id="vote-title" className="card-vote">
      <VoteSubject state={state} vote={vote} />
      <p className="vote-point">{vote.point}</p>
      {vote.mode === 'manual' ? (
        <ManualResult state={state} can={can} />
      ) : (
        <>
          <p className="big-count" data-testid="chair-voted">
            {t('votedOf', { voted: voted.length, eligible: elig.length })}
          </p>
          {turn ? <p className="statement statement-turn">{t('rollCallTurn', { name: state.persons[turn]?.name ?? turn })}</p> : null}
          <MissingVoters view={state} missing={missing} />
          <div className="button-row">
            <ActionButton label={t('closeVote')} refusal={close.refusal} pendingKey="vote.close" className="btn-primary" shortcut="C" onPress={() => send(close)} />
            {vote.mode !== 'rollCall' ? (
              <ActionButton
                label={t('switchToRollCall')}
                refusal={allowed['vote.switchToRollCall']}
                pendingKey="vote.switchToRollCall"
                onPress={() => void act({ type: 'vote.switchToRollCall' }, t('switchToRollCall'))}
              />
            ) : null}
          </div>
        </>
      )}
    </Section>
  );
}

/** A vote on an amendment names it by its one number and its proposer (§ 25). */
function VoteSubject({ state, vote }: { state: MeetingState; vote: Vote }) {
  const t = useT();
  if (vote.subject.kind !== 'amendment') return null;
  const am = state.amendments[vote.subject.amendmentId];
  const label = amendmentLabels(state, vote.itemId).get(vote.subject.amendmentId)?.label ?? '?';
  return (
    <p className="vote-subject" data-testid="chair-vote-amendment">
      <strong>{t('chairAmendmentLabel', { label })}</strong>
      {am ? (
        <>
          {' — '}
          <PersonName view={state} personId={am.proposer} />
        </>
      ) : null}
    </p>
  );
}
