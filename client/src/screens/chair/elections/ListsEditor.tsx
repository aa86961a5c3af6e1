import { useState } from 'react';
import type { ActionBody, MeetingState } from '../../../../../shared/index';
import { listWeights } from '../../../../../shared/elections/handlers';
import type { ProportionalElection } from '../../../../../shared/elections/types';
import { ActionButton } from '../../../components/common';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';
import { draftRows, initialDraft, listKey, partyLists, type DraftList, type ListRow } from './lists';

/** § 28, stk. 2 and 4: the lists — parties, alliances of parties — and the seats each already holds. */
export function ListsEditor({ state, e, can }: { state: MeetingState; e: ProportionalElection; can: Can }) {
  const t = useT();
  const base = partyLists(state);
  const [draft, setDraft] = useState<DraftList[]>(() => initialDraft(e, base));
  const [ticked, setTicked] = useState<string[]>([]);
  const rows = draftRows(draft, base, e.lists, t);
  const lists = rows.map(({ id, name, members, held }) => ({ id, name, members, held }));
  const saved = e.lists.length > 0 && listKey(e.lists) === listKey(lists);
  const body: ActionBody = { type: 'election.setLists', lists };
  // A list's weight is the engine's: its members who may vote in this election (§ 16, § 23).
  const weights = listWeights(state, { ...e, lists });
  const merge = () => {
    const chosen = draft.filter((d) => ticked.includes(d.parties.join('+')));
    if (chosen.length < 2) return;
    const merged: DraftList = { parties: chosen.flatMap((d) => d.parties), held: chosen.reduce((a, d) => a + d.held, 0) };
    const at = draft.indexOf(chosen[0]!);
    const rest = draft.filter((d) => !chosen.includes(d));
    rest.splice(Math.min(at, rest.length), 0, merged);
    setDraft(rest);
    setTicked([]);
  };
  const split = (row: ListRow) => {
    const at = draft.findIndex((d) => d.parties.join('+') === row.id);
    const next = draft.filter((_, i) => i !== at);
    next.splice(at, 0, ...row.parties.map((p) => ({ parties: [p], held: 0 })));
    setDraft(next);
  };
  const setHeld = (row: ListRow, held: number) => setDraft(draft.map((d) => (d.parties.join('+') === row.id ? { ...d, held } : d)));
  return (
    <fieldset className="fieldset el-lists-editor">
      <legend>{t('electionLists')}</legend>
      <p className="hint">{t('listWeightNote')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('allianceMerge')}</span>⊕
            </th>
            <th scope="col">{t('electionList')}</th>
            <th scope="col">{t('listWeight')}</th>
            <th scope="col">{t('listHeld')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.id} data-list={l.id}>
              <td>
                <input
                  type="checkbox"
                  className="chair-tick"
                  aria-label={t('allianceTick', { name: l.name })}
                  checked={ticked.includes(l.id)}
                  onChange={(ev) => setTicked(ev.target.checked ? [...ticked, l.id] : ticked.filter((x) => x !== l.id))}
                />
              </td>
              <th scope="row">
                {l.name}
                {l.parties.length > 1 ? (
                  <button type="button" className="btn btn-small" onClick={() => split(l)}>
                    {t('allianceSplit')}
                  </button>
                ) : null}
              </th>
              <td>
                {weights[l.id] ?? 0} / {l.members.length}
              </td>
              <td>
                <input
                  type="number"
                  className="input-small"
                  min={0}
                  max={100}
                  inputMode="numeric"
                  aria-label={`${t('listHeld')}: ${l.name}`}
                  value={l.held}
                  onChange={(ev) => setHeld(l, Math.max(0, Math.floor(Number(ev.target.value) || 0)))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <div className="action">
          <button type="button" className="btn" disabled={ticked.length < 2} aria-describedby={ticked.length < 2 ? 'alliance-needs-two' : undefined} onClick={merge}>
            {t('allianceMerge')}
          </button>
          {ticked.length < 2 ? (
            <p className="hint" id="alliance-needs-two">
              {t('chairAllianceNeedsTwo')}
            </p>
          ) : null}
        </div>
        <ActionButton label={t('listsSave')} refusal={can(body)} pendingKey="election.setLists" className={saved ? '' : 'btn-primary'} onPress={() => void act(body, t('listsSave'))} />
      </div>
      <p className={saved ? 'statement statement-ok' : 'statement statement-warn'} role="status" data-testid="lists-saved">
        {saved ? t('listsSaved') : t('listsUnsaved')}
      </p>
    </fieldset>
  );
}
