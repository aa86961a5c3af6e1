import { amendmentLabels, amendmentVotingOrder } from '../../../../shared/engine/selectors';
import type { ActionBody, Item, MeetingState } from '../../../../shared/index';
import { ActionButton, PersonName, Reason } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/**
 * The item's amendments (§ 25), each under its one number — by the order handed in, as in
 * the record and on every screen ("1", "1a", "2") — with the place it is voted on in
 * (stk. 4) beside it, and ↑/↓ to set the chair's order.
 */
export function AmendmentsPanel({ state, item, can }: { state: MeetingState; item: Item; can: Can }) {
  const t = useT();
  const order = item.amendmentOrder;
  if (!order.length) return null;
  const labels = amendmentLabels(state, item.id);
  const voting = amendmentVotingOrder(state, item.id);
  const swapped = (i: number, j: number): ActionBody => {
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return { type: 'amendment.order', order: next };
  };
  // The same for every move: whether the chair may set the order now at all.
  const refusal = can({ type: 'amendment.order', order });
  const move = (i: number, j: number) => void act(swapped(i, j), t('votingOrder'), 'amendment.order');
  return (
    <Section title={t('amendments')} id="amend-title">
      <p className="hint">{t('votingOrder')}</p>
      <Reason refusal={refusal} />
      <ol className="amendments" data-testid="chair-amendments">
        {order.map((id, i) => {
          const a = state.amendments[id]!;
          const label = labels.get(id)?.label ?? '?';
          const place = voting.indexOf(id);
          const name = t('chairAmendmentLabel', { label });
          return (
            <li key={id} data-amendment={id}>
              <div>
                <strong className="tag" data-testid="amendment-label">
                  {name}
                </strong>{' '}
                {place >= 0 ? (
                  <span className="tag" data-testid="amendment-place">
                    {t('chairVotedAsNo', { n: place + 1 })}
                  </span>
                ) : null}{' '}
                {a.parentId ? <em>{t('subAmendment')}: </em> : null}
                {a.text} — <PersonName view={state} personId={a.proposer} /> · <strong>{t(`amendmentStatus_${a.status}`)}</strong>
              </div>
              <div className="button-row amendment-moves">
                {i > 0 ? (
                  <ActionButton
                    label={`↑ ${t('amendmentOrderUp')}`}
                    refusal={refusal}
                    hideReason
                    pendingKey="amendment.order"
                    className="btn-small"
                    onPress={() => move(i, i - 1)}
                  >
                    ↑ {t('amendmentOrderUp')}
                    <span className="sr-only">({name})</span>
                  </ActionButton>
                ) : null}
                {i < order.length - 1 ? (
                  <ActionButton
                    label={`↓ ${t('amendmentOrderDown')}`}
                    refusal={refusal}
                    hideReason
                    pendingKey="amendment.order"
                    className="btn-small"
                    onPress={() => move(i, i + 1)}
                  >
                    ↓ {t('amendmentOrderDown')}
                    <span className="sr-only">({name})</span>
                  </ActionButton>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
