import { useState } from 'react';
import { divisionOf, rollCallDemanded } from '../../../../shared/engine/selectors';
import type { ActionBody, Item, MeetingState } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/**
 * § 24, stk. 5: division of the proposal demanded. The chair words the parts (editable until
 * the first is voted on) and puts them to the vote one by one in that order; a part can also
 * be declared from the vote form, which offers the next part. Shown only while it stands.
 */
export function DivisionPanel({ state, item, can }: { state: MeetingState; item: Item; can: Can }) {
  const t = useT();
  const division = divisionOf(state, item.id);
  const worded = division?.parts ?? [];
  // The draft follows the parts as saved, until the chair edits it; a save brings them in line.
  const [draft, setDraft] = useState<{ from: string[]; parts: string[] } | null>(null);
  if (!division) return null;
  const editing = draft && draft.from.join('\n') === worded.join('\n') ? draft.parts : worded.length ? worded : ['', ''];
  const setPart = (i: number, text: string) => setDraft({ from: worded, parts: editing.map((p, j) => (j === i ? text : p)) });
  const cleaned = editing.map((p) => p.trim());
  const saveBody: ActionBody = { type: 'division.setParts', parts: cleaned.filter(Boolean) };
  const saveRefusal = can(saveBody);
  // Once the parts are being voted on, the wording stands (the engine says so).
  const locked = saveRefusal?.code === 'DIVISION_VOTING_BEGUN';
  const unsaved = cleaned.join('\n') !== worded.join('\n');
  const names = state.demands.division.map((id) => state.persons[id]?.name ?? id).join(', ');
  const resultOf = (part: string) =>
    [...state.record].reverse().find((e) => e.itemId === item.id && e.subject?.kind === 'proposal' && e.subject.part === part);
  const next = worded[division.decided];
  const mode = rollCallDemanded(state) ? 'rollCall' : 'electronic';
  const voteBody: ActionBody | null = next ? { type: 'vote.open', point: next, subject: { kind: 'proposal', part: next }, mode } : null;
  const voteRefusal = voteBody ? can(voteBody) : null;
  const voteLabel = t('divisionVotePart', { n: division.decided + 1 });

  return (
    <Section title={t('divisionTitle')} id="division-title" className="division-panel">
      <p className="hint" data-testid="chair-division-demanded">
        {t('divisionDemandedBy', { names })}
      </p>
      {locked ? null : (
        <div className="stack" data-testid="chair-division-editor">
          {editing.map((p, i) => (
            <div key={i}>
              <Field label={t('divisionPartLabel', { n: i + 1 })}>
                <textarea rows={2} value={p} onChange={(e) => setPart(i, e.target.value)} />
              </Field>
              {editing.length > 2 ? (
                <button type="button" className="btn" onClick={() => setDraft({ from: worded, parts: editing.filter((_, j) => j !== i) })}>
                  {t('divisionRemovePart', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <div className="form-row">
            <button type="button" className="btn" onClick={() => setDraft({ from: worded, parts: [...editing, ''] })}>
              {t('divisionAddPart')}
            </button>
            <ActionButton
              label={t('divisionSaveParts')}
              refusal={saveRefusal}
              incomplete={!unsaved || cleaned.some((p) => !p)}
              pendingKey="division.setParts"
              className="btn-primary"
              onPress={() => void act(saveBody, t('divisionSaveParts'))}
            />
          </div>
        </div>
      )}
      {worded.length ? (
        <>
          <h3>{t('divisionPartsTitle')}</h3>
          <ol className="plain division-parts" data-testid="chair-division-parts">
            {worded.map((p, i) => {
              const decided = i < division.decided ? resultOf(p) : undefined;
              return (
                <li key={p} className={i === division.decided ? 'division-next' : ''}>
                  <strong>{t('divisionPartLabel', { n: i + 1 })}:</strong> {p}{' '}
                  <span className="hint">
                    {decided ? `— ${t(decided.outcome === 'adopted' ? 'adopted' : 'rejected')}` : i === division.decided ? `— ${t('divisionNext')}` : ''}
                  </span>
                </li>
              );
            })}
          </ol>
          {voteBody ? (
            <ActionButton label={voteLabel} refusal={voteRefusal} pendingKey="vote.open" className="btn-primary" onPress={() => void act(voteBody, voteLabel)} />
          ) : (
            <p className="statement">{t('divisionAllDecided')}</p>
          )}
        </>
      ) : (
        <p className="hint">{t('divisionNoParts')}</p>
      )}
    </Section>
  );
}
