import { useState } from 'react';
import { motionPoint } from '../../../../shared/engine/motions';
import type { ActionBody, MeetingState, VoteMode } from '../../../../shared/index';
import { ActionButton, PersonName, VoteModeSelect } from '../../components/common';
import { MotionDetails } from '../../components/MotionDetails';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/**
 * A procedural motion awaiting the council (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3): what is
 * proposed, by whom and why, and the chair's two ways to have it decided — a vote, or a
 * declaration of the outcome that any member may turn into a vote (§ 24, stk. 4). Once put
 * to a vote or declared, the vote and declaration panels take over.
 */
export function MotionPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const [mode, setMode] = useState<VoteMode>('electronic');
  const m = state.pendingMotion ? state.motions[state.pendingMotion] : undefined;
  if (!m) return null;
  const item = state.items[m.itemId];
  const point = motionPoint(state, m);
  const subject = { kind: 'motion', motionId: m.id } as const;
  const vote: ActionBody = { type: 'vote.open', point, subject, mode };
  const declare = (expected: 'adopted' | 'rejected'): ActionBody => ({ type: 'declaration.make', point, subject, expected });
  const decidingNow = !!state.activeVote || !!state.declaration;
  return (
    <Section title={t('motionTitle')} id="motion-panel-title" className="card-vote motion-panel">
      <div data-testid="chair-motion" data-kind={m.kind}>
        <p className="vote-subject">{t(`motionKind_${m.kind}`)}</p>
        {item ? <p>{t('motionOnItem', { n: item.number, title: item.title })}</p> : null}
        <MotionDetails kind={m.kind} committee={m.committee} reason={m.reason} />
        <p>
          {t('motionBy')} <PersonName view={state} personId={m.proposer} />
        </p>
        {m.kind === 'referral' ? <p className="hint">{t('motionDebateStopped')}</p> : null}
      </div>
      {decidingNow ? (
        <p>
          <strong>{t(state.activeVote ? 'motionDeciding_vote' : 'motionDeciding_declaration')}</strong>
        </p>
      ) : (
        <>
          <p className="vote-point">{point}</p>
          <div className="form-row">
            <VoteModeSelect value={mode} onChange={setMode} />
            <ActionButton label={t('motionPutToVote')} refusal={can(vote)} pendingKey="vote.open" className="btn-primary" onPress={() => void act(vote, t('motionPutToVote'))} />
          </div>
          <div className="button-row">
            <ActionButton
              label={t('motionDeclareAdopted')}
              refusal={can(declare('adopted'))}
              pendingKey="declaration.make:adopted"
              onPress={() => void act(declare('adopted'), t('motionDeclareAdopted'), 'declaration.make:adopted')}
            />
            <ActionButton
              label={t('motionDeclareRejected')}
              refusal={can(declare('rejected'))}
              pendingKey="declaration.make:rejected"
              onPress={() => void act(declare('rejected'), t('motionDeclareRejected'), 'declaration.make:rejected')}
            />
          </div>
        </>
      )}
    </Section>
  );
}
