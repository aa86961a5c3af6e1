import { useState } from 'react';
import type { ActionBody, Actor, MeetingState } from '../../../../shared/index';
import { ActionButton, PersonName } from '../../components/common';
import { checkerFor } from '../../engine';
import { useT } from '../../i18n';
import { act } from '../../socket';

type Proposal = Extract<ActionBody, { type: 'motion.propose' }>['motion'];

/**
 * A member's procedural motion put to the council: direct referral (§ 26, stk. 2) or
 * postponement (§ 18, stk. 5) of the item under debate, or reopening a finished item between
 * items (§ 20, stk. 3). Every proposal goes through a confirmation; the engine judges each
 * button. A pending motion is shown with how it is being decided; its proposer may take it back.
 */
export function MotionCard({ state, actor, personId }: { state: MeetingState; actor: Actor; personId: string }) {
  const t = useT();
  const check = checkerFor(state, actor);
  const pending = state.pendingMotion ? state.motions[state.pendingMotion] : undefined;
  if (pending) {
    const item = state.items[pending.itemId];
    const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
    const on = (s: { kind: string; motionId?: string } | undefined) => s?.kind === 'motion' && s.motionId === pending.id;
    const deciding = on(vote?.subject) ? 'vote' : on(state.declaration?.subject) ? 'declaration' : 'proposed';
    const withdraw: ActionBody = { type: 'motion.withdraw' };
    return (
      <section className="card motion-card" aria-labelledby="motion-title" data-testid="seat-motion" data-kind={pending.kind}>
        <h2 id="motion-title">{t('motionTitle')}</h2>
        <p className="vote-subject">{t(`motionKind_${pending.kind}`)}</p>
        {item ? <p>{t('motionOnItem', { n: item.number, title: item.title })}</p> : null}
        {pending.committee ? <p>{t('motionCommittee')}: <strong>{pending.committee}</strong></p> : null}
        {pending.reason ? <p>{t(pending.kind === 'reopening' ? 'motionNewInfo' : 'motionReason')}: {pending.reason}</p> : null}
        <p>
          {t('motionBy')} <PersonName view={state} personId={pending.proposer} /> · <strong>{t(`motionDeciding_${deciding}`)}</strong>
        </p>
        {pending.kind === 'referral' ? <p>{t('motionDebateStopped')}</p> : null}
        {pending.proposer === personId ? (
          <ActionButton label={t('motionWithdraw')} refusal={check(withdraw)} pendingKey="motion.withdraw" onPress={() => void act(withdraw, t('motionWithdraw'))} />
        ) : null}
      </section>
    );
  }
  return <ProposeMotion state={state} check={check} />;
}

function ProposeMotion({ state, check }: { state: MeetingState; check: (b: ActionBody) => ReturnType<ReturnType<typeof checkerFor>> }) {
  const t = useT();
  const [committee, setCommittee] = useState('');
  const [reason, setReason] = useState('');
  const [itemId, setItemId] = useState('');
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  // A toggle, not <details>: a button hidden in a closed <details> keeps its colour
  // transition pending (it never renders), so the screen would never settle.
  const [open, setOpen] = useState(false);
  const current = state.currentItem ? state.items[state.currentItem] : undefined;
  const debating = current?.status === 'active';
  const finished = state.agenda.map((id) => state.items[id]!).filter((i) => i.status === 'done');
  if (!debating && finished.length === 0) return null;
  const body = (motion: Proposal): ActionBody => ({ type: 'motion.propose', motion });
  const send = async (motion: Proposal) => {
    setConfirming(null);
    const r = await act(body(motion), t(`motionKind_${motion.kind}`), 'motion.propose');
    if (r.ok) {
      setOpen(false);
      setCommittee('');
      setReason('');
    }
  };
  const ask = (label: string, motion: Proposal, incomplete: boolean, testId: string) => (
    <ActionButton label={label} refusal={incomplete ? null : check(body(motion))} incomplete={incomplete} pendingKey="motion.propose" onPress={() => setConfirming(motion)}>
      <span data-testid={testId}>{label}</span>
    </ActionButton>
  );
  return (
    <section className="card motion-card" aria-labelledby="motion-propose-title">
      <h2 id="motion-propose-title">{t('motionTitle')}</h2>
      <button type="button" className="btn" aria-expanded={open} aria-controls="motion-propose-form" onClick={() => setOpen(!open)}>
        {t(open ? 'motionHide' : 'motionPropose')}
      </button>
      <div id="motion-propose-form" hidden={!open}>
        {!open ? null : confirming ? (
          <div className="stack" role="group" aria-label={t('motionConfirm')} data-testid="seat-motion-confirm">
            <p>
              <strong>{t(`motionKind_${confirming.kind}`)}</strong>
              {confirming.kind === 'referral' ? ` — ${confirming.committee}` : ''}
            </p>
            <div className="button-row">
              <ActionButton label={t('motionConfirm')} refusal={check(body(confirming))} pendingKey="motion.propose" className="btn-big btn-primary" onPress={() => void send(confirming)} />
              <button type="button" className="btn btn-big" onClick={() => setConfirming(null)}>
                {t('motionCancel')}
              </button>
            </div>
          </div>
        ) : debating ? (
          <div className="stack">
            <label htmlFor="motion-committee">{t('motionCommittee')}</label>
            <input id="motion-committee" value={committee} onChange={(e) => setCommittee(e.target.value)} />
            {ask(t('motionProposeReferral'), { kind: 'referral', committee: committee.trim() }, !committee.trim(), 'seat-propose-referral')}
            <label htmlFor="motion-reason">{t('motionReason')}</label>
            <input id="motion-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            {ask(t('motionProposePostponement'), { kind: 'postponement', ...(reason.trim() ? { reason: reason.trim() } : {}) }, false, 'seat-propose-postponement')}
          </div>
        ) : (
          <div className="stack">
            <label htmlFor="motion-item">{t('motionItem')}</label>
            <select id="motion-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
              <option value="">—</option>
              {finished.map((i) => (
                <option key={i.id} value={i.id}>
                  {t('motionOnItem', { n: i.number, title: i.title })}
                </option>
              ))}
            </select>
            <label htmlFor="motion-newinfo">{t('motionNewInfo')}</label>
            <textarea id="motion-newinfo" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            {ask(t('motionProposeReopening'), { kind: 'reopening', itemId, reason: reason.trim() }, !itemId || !reason.trim(), 'seat-propose-reopening')}
          </div>
        )}
      </div>
    </section>
  );
}
