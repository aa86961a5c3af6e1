import { useState } from 'react';
import type { ActionBody, MeetingState } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/** The agenda with one item moved one place (null at either end). */
function moved(agenda: string[], itemId: string, by: -1 | 1): string[] | null {
  const at = agenda.indexOf(itemId);
  const to = at + by;
  if (at < 0 || to < 0 || to >= agenda.length) return null;
  const order = [...agenda];
  [order[at], order[to]] = [order[to]!, order[at]!];
  return order;
}

/**
 * One item changed during the meeting, chosen from a list: moved up or down the agenda
 * (§ 20, stk. 1; a closed item before an open one needs a reason, § 2, stk. 6), its doors
 * changed (§ 2; closing needs a written reason, stk. 4), reopened once finished (§ 20,
 * stk. 3, on decisive new information, stated). Every button carries the engine's verdict.
 */
export function ItemEditPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const [orderReason, setOrderReason] = useState('');
  const [doorsReason, setDoorsReason] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const itemId = chosen && state.items[chosen] ? chosen : (state.agenda[0] ?? null);
  const item = itemId ? state.items[itemId] : undefined;
  if (!itemId || !item) return null;

  const move = (by: -1 | 1) => {
    const order = moved(state.agenda, itemId, by);
    if (!order) return null;
    const body: ActionBody = { type: 'agenda.reorder', order, ...(orderReason.trim() ? { reason: orderReason.trim() } : {}) };
    const label = t(by < 0 ? 'moveUpLabel' : 'moveDownLabel', { n: item.number });
    return (
      <ActionButton
        label={label}
        refusal={can(body)}
        pendingKey="agenda.reorder"
        className="btn-small"
        onPress={() => void act(body, label).then((r) => r.ok && setOrderReason(''))}
      />
    );
  };

  const toDoors = item.doors === 'open' ? 'closed' : 'open';
  const doorsBody: ActionBody = { type: 'item.setDoors', itemId, doors: toDoors, ...(toDoors === 'closed' ? { reason: doorsReason.trim() } : {}) };
  const doorsLabel = t(toDoors === 'closed' ? 'closeDoors' : 'openDoors');
  const reopenBody: ActionBody = { type: 'item.reopen', itemId, reason: reopenReason.trim() };
  // § 20, stk. 3: or put the reopening to the council, which may refuse it.
  const proposeReopenBody: ActionBody = { type: 'motion.propose', motion: { kind: 'reopening', itemId, reason: reopenReason.trim() } };

  return (
    <Section title={t('itemEditTitle')} id="item-edit-title">
      <div className="stack">
        <Field label={t('itemToEdit')}>
          <select value={itemId} onChange={(e) => setChosen(e.target.value)}>
            {state.agenda.map((id) => {
              const it = state.items[id]!;
              return (
                <option key={id} value={id}>
                  {it.number}. {it.title} — {it.doors === 'closed' ? t('closedTag') : t('openTag')}, {t(`itemStatus_${it.status}`)}
                </option>
              );
            })}
          </select>
        </Field>

        <div className="button-row">
          {move(-1)}
          {move(1)}
        </div>
        <Field label={t('orderReason')}>
          <input value={orderReason} maxLength={500} onChange={(e) => setOrderReason(e.target.value)} />
        </Field>

        {toDoors === 'closed' ? (
          <Field label={t('closedReasonLabel')}>
            <textarea rows={2} maxLength={2000} value={doorsReason} onChange={(e) => setDoorsReason(e.target.value)} />
          </Field>
        ) : null}
        <ActionButton
          label={doorsLabel}
          refusal={can(doorsBody)}
          pendingKey="item.setDoors"
          onPress={() => void act(doorsBody, doorsLabel).then((r) => r.ok && setDoorsReason(''))}
        />

        {item.status === 'done' ? (
          <>
            <Field label={t('reopenReason')}>
              <textarea rows={2} maxLength={2000} value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} />
            </Field>
            <ActionButton
              label={t('reopenItem')}
              refusal={can(reopenBody)}
              pendingKey="item.reopen"
              onPress={() => void act(reopenBody, t('reopenItem')).then((r) => r.ok && setReopenReason(''))}
            />
            <ActionButton
              label={t('motionProposeReopening')}
              refusal={can(proposeReopenBody)}
              pendingKey="motion.propose"
              onPress={() => void act(proposeReopenBody, t('motionProposeReopening')).then((r) => r.ok && setReopenReason(''))}
            />
          </>
        ) : null}
      </div>
    </Section>
  );
}
