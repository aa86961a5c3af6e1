import { useState, type FormEvent } from 'react';
import { amendmentVotingOrder } from '../../../../shared/engine/selectors';
import type { Actor, MeetingState, Refusal } from '../../../../shared/index';
import { ActionButton, PersonName, Reason } from '../../components/common';
import { checkFor } from '../../engine';
import { dateTime, useLang, useT } from '../../i18n';
import { act } from '../../socket';
import { useStore } from '../../store';
import { amendmentLabel } from './subjects';

/**
 * The item's amendments (§ 25) in the order they will be voted on, each under its one
 * number (by the order handed in: the chair's reordering does not renumber them), with the
 * member's own withdrawable; and the form to hand one in.
 */
export function Amendments({ state, itemId, personId, actor, refusal }: { state: MeetingState; itemId: string; personId: string; actor: Actor; refusal: Refusal | null | undefined }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const deadline = state.items[itemId]?.amendmentDeadline;
  const [text, setText] = useState('');
  const pending = useStore((s) => !!s.pending['amendment.submit']);
  const order = amendmentVotingOrder(state, itemId);
  const all = state.items[itemId]?.amendmentOrder ?? [];
  const shown = [...order, ...all.filter((id) => !order.includes(id))];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const r = await act({ type: 'amendment.submit', text: text.trim() }, t('amendmentSend'));
    if (r.ok) setText('');
  };
  return (
    <section className="card" aria-labelledby="amend-title">
      <h2 id="amend-title">{t('amendments')}</h2>
      {shown.length ? (
        <ol className="amendments" aria-label={t('amendments')}>
          {shown.map((id) => {
            const a = state.amendments[id]!;
            const label = amendmentLabel(state, id);
            return (
              <li key={id} data-testid="seat-amendment" data-label={label}>
                <span className="amendment-label">{t('seatAmendmentNo', { label })}</span>{' '}
                {a.parentId ? <em>{t('subAmendment')}: </em> : null}
                {a.text} — <PersonName view={state} personId={a.proposer} /> · <strong>{t(`amendmentStatus_${a.status}`)}</strong>
                {a.proposer === personId && a.status === 'pending' ? (
                  <ActionButton
                    label={t('amendmentWithdraw')}
                    refusal={checkFor(state, actor, { type: 'amendment.withdraw', amendmentId: id })}
                    pendingKey={`amendment.withdraw:${id}`}
                    className="btn-withdraw"
                    onPress={() => void act({ type: 'amendment.withdraw', amendmentId: id }, t('amendmentWithdraw'), `amendment.withdraw:${id}`)}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {deadline ? (
        <p className="hint" data-testid="seat-amendment-deadline">
          {t('amendmentDeadline', { at: dateTime(deadline, lang) })}
        </p>
      ) : null}
      <details>
        <summary>{t('amendmentSubmit')}</summary>
        <form onSubmit={submit} className="stack">
          <label htmlFor="amend-text">{t('amendmentText')}</label>
          <textarea id="amend-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn" disabled={!!refusal || !text.trim() || pending} aria-busy={pending}>
            {t('amendmentSend')}
            {pending ? <span className="pending-note"> — {t('sending')}</span> : null}
          </button>
          <Reason refusal={refusal} />
        </form>
      </details>
    </section>
  );
}
