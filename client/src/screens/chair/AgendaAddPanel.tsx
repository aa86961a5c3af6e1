import { useState } from 'react';
import type { ActionBody, ItemSetup, MeetingState } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

const KINDS = ['proposal', 'budget', 'question', 'memberProposal', 'election', 'report', 'other'] as const;

/** An id no item has yet: the engine refuses a duplicate, so this only spares the chair one. */
function freshItemId(state: MeetingState): string {
  let n = Object.keys(state.items).length + 1;
  while (state.items[`i${n}`]) n++;
  return `i${n}`;
}

/**
 * § 9, stk. 2: an urgent or supplementary item added during the meeting — its title, kind,
 * doors (§ 2; closed needs its written reason, stk. 4), readings (§ 21) and proposal. The
 * engine places it (§ 2, stk. 6: before the closed items, unless it is closed itself) and
 * numbers it; the button says why it is refused.
 */
export function AgendaAddPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ItemSetup['kind']>('proposal');
  const [doors, setDoors] = useState<'open' | 'closed'>('open');
  const [closedReason, setClosedReason] = useState('');
  const [readings, setReadings] = useState<1 | 2>(1);
  const [text, setText] = useState('');
  const [proposal, setProposal] = useState('');
  const item: ItemSetup = {
    id: freshItemId(state),
    title: title.trim(),
    text: text.trim(),
    kind,
    doors,
    ...(doors === 'closed' ? { closedReason: closedReason.trim() } : {}),
    readings,
    ...(proposal.trim() ? { proposal: proposal.trim() } : {}),
  };
  const body: ActionBody = { type: 'agenda.add', item };
  const reset = () => {
    setTitle('');
    setClosedReason('');
    setText('');
    setProposal('');
    setDoors('open');
    setReadings(1);
  };
  return (
    <Section title={t('agendaAddTitle')} id="agenda-add-title">
      <div className="stack">
        <Field label={t('itemTitle')}>
          <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div className="form-row">
          <Field label={t('itemKind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as ItemSetup['kind'])}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`itemKind_${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('itemDoors')}>
            <select value={doors} onChange={(e) => setDoors(e.target.value as 'open' | 'closed')}>
              <option value="open">{t('doorsOpen')}</option>
              <option value="closed">{t('doorsClosed')}</option>
            </select>
          </Field>
          <Field label={t('itemReadings')}>
            <select value={readings} onChange={(e) => setReadings(e.target.value === '2' ? 2 : 1)}>
              <option value={1}>{t('readingsOne')}</option>
              <option value={2}>{t('readingsTwo')}</option>
            </select>
          </Field>
        </div>
        {doors === 'closed' ? (
          <Field label={t('closedReasonLabel')}>
            <textarea rows={2} maxLength={2000} value={closedReason} onChange={(e) => setClosedReason(e.target.value)} />
          </Field>
        ) : null}
        <Field label={t('itemText')}>
          <textarea rows={2} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field label={t('itemProposal')}>
          <textarea rows={2} maxLength={5000} value={proposal} onChange={(e) => setProposal(e.target.value)} />
        </Field>
        <ActionButton
          label={t('addItem')}
          refusal={can(body)}
          incomplete={!item.title}
          pendingKey="agenda.add"
          onPress={() => {
            if (!item.title) return;
            void act(body, t('addItem')).then((r) => r.ok && reset());
          }}
        />
      </div>
    </Section>
  );
}
