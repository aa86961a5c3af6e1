import { useState } from 'react';
import type { ActionBody, MeetingState } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import type { AllowedMap, Can } from './types';

/**
 * The agenda (§ 20): each item with its doors (§ 2) and status; a Start button on each item
 * still to be handled while none runs; for the running item: finish, postpone (§ 18, stk. 5),
 * refer to a committee (§ 26).
 */
export function AgendaPanel(props: { state: MeetingState; can: Can; allowed: AllowedMap; toHandle: string[]; nextItemId: string | null; shortcuts: ChairShortcuts }) {
  const { state, can, allowed, toHandle, nextItemId } = props;
  const t = useT();
  const cur = state.currentItem ? state.items[state.currentItem] : undefined;
  const running = cur?.status === 'active' ? cur : undefined;
  const finish = keyOf(props.shortcuts, 'N').press;
  return (
    <Section title={t('agenda')} id="agenda-title">
      <ol className="agenda">
        {state.agenda.map((id) => {
          const it = state.items[id]!;
          const start: ActionBody = { type: 'item.start', itemId: id };
          const label = `${t('start')} ${t('item', { n: it.number })}`;
          return (
            <li key={id} className={`agenda-item ${it.status === 'active' ? 'agenda-active' : ''}`} aria-current={it.status === 'active' ? 'step' : undefined}>
              <div className="agenda-head">
                <span className="agenda-number">{it.number}.</span> <span className="agenda-title">{it.title}</span>{' '}
                <span className={`tag ${it.doors === 'closed' ? 'tag-closed' : 'tag-open'}`} title={it.closedReason}>
                  {it.doors === 'closed' ? t('closedTag') : t('openTag')}
                </span>{' '}
                <span className="tag">{t(`itemStatus_${it.status}`)}</span>
                {it.readings > 1 ? <span className="tag">{t('readingOf', { reading: it.reading, readings: it.readings })}</span> : null}
              </div>
              {it.doors === 'closed' && it.closedReason ? <div className="hint">{it.closedReason}</div> : null}
              {toHandle.includes(id) && !running ? (
                <ActionButton
                  label={label}
                  refusal={can(start)}
                  pendingKey={`item.start:${id}`}
                  className="btn-small"
                  shortcut={id === nextItemId ? 'N' : undefined}
                  onPress={() => void act(start, label, `item.start:${id}`)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {running && finish ? <RunningItem allowed={allowed} can={can} finish={() => send(finish)} finishRefusal={finish.refusal} /> : null}
    </Section>
  );
}

function RunningItem({ allowed, can, finish, finishRefusal }: { allowed: AllowedMap; can: Can; finish: () => void; finishRefusal: AllowedMap['item.finish'] }) {
  const t = useT();
  const [committee, setCommittee] = useState('');
  const named = committee.trim();
  // Until a committee is named, the rules are judged on a stand-in, so the reason shows first.
  const refer: ActionBody = { type: 'item.refer', committee: named || '—' };
  return (
    <div className="stack">
      <ActionButton label={t('finishItem')} refusal={finishRefusal} pendingKey="item.finish" shortcut="N" onPress={finish} />
      <ActionButton label={t('postponeItem')} refusal={allowed['item.postpone']} pendingKey="item.postpone" onPress={() => void act({ type: 'item.postpone' }, t('postponeItem'))} />
      <div className="form-row">
        <Field label={t('committee')}>
          <input value={committee} onChange={(e) => setCommittee(e.target.value)} />
        </Field>
        <ActionButton
          label={t('referItem')}
          refusal={can(refer)}
          incomplete={!named}
          pendingKey="item.refer"
          onPress={() => {
            if (!named) return;
            void act(refer, t('referItem')).then((r) => r.ok && setCommittee(''));
          }}
        />
      </div>
    </div>
  );
}
