import { useState, type FormEvent } from 'react';
import type { Group } from '../../../../shared/types';
import type { Council } from '../../../../shared/term/roster';
import { contrastText, Field } from '../../components/common';
import { useT } from '../../i18n';
import { rosterEmit } from '../../socket';
import { useStore } from '../../store';
import { SaveOrCancel } from './RosterFormParts';
import { takeAck } from './rosterStore';

/**
 * The council's groups (§ 19, stk. 2: a party, or an independent who forms a group of one):
 * add one, or edit its letter, name, colour and whether it is an independent's.
 */
export function GroupsPanel({ council }: { council: Council }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card roster-groups" aria-labelledby="roster-groups-title" data-testid="roster-groups">
      <h2 id="roster-groups-title">{t('groupsTitle')}</h2>
      <ul className="roster-list">
        {council.groups.map((g) => (
          <li key={g.id}>
            <div className="roster-row">
              <span>
                <span className="group-badge" style={{ background: g.color, color: contrastText(g.color) }}>
                  {g.letter}
                </span>{' '}
                {g.name}
                {g.independent ? <span className="hint"> · {t('groupIndependent')}</span> : null}
              </span>
              <button type="button" className="btn" aria-expanded={editing === g.id} aria-label={t('groupEditFor', { name: g.name })} onClick={() => setEditing(editing === g.id ? null : g.id)}>
                {t('rosterEdit')}
              </button>
            </div>
            {editing === g.id ? <GroupForm group={g} onDone={() => setEditing(null)} /> : null}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <GroupForm group={null} onDone={() => setEditing(null)} />
      ) : (
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('groupAdd')}
          </button>
        </div>
      )}
    </section>
  );
}

function GroupForm({ group, onDone }: { group: Group | null; onDone: () => void }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => s.pending);
  const [letter, setLetter] = useState(group?.letter ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [color, setColor] = useState(group?.color && /^#[0-9a-f]{6}$/i.test(group.color) ? group.color : '#555555');
  const [independent, setIndependent] = useState(group?.independent ?? false);
  const key = group ? `group.edit:${group.id}` : 'group.add';
  const busy = !!pending[key];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { letter, name, color, independent };
    const sent = group
      ? rosterEmit(key, t('groupSaveFor', { name }), 'group.edit', { groupId: group.id, ...fields })
      : rosterEmit(key, t('groupAddFor', { name }), 'group.add', fields);
    void sent.then((r) => {
      if (takeAck(r)) onDone();
    });
  };
  const heading = group ? t('groupEditFor', { name: group.name }) : t('groupAdd');
  return (
    <form className="roster-form" onSubmit={submit} aria-label={heading}>
      <div className="form-row">
        <Field label={t('groupLetter')}>
          <input value={letter} onChange={(e) => setLetter(e.target.value)} required maxLength={8} size={4} autoComplete="off" />
        </Field>
        <Field label={t('rosterName')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoComplete="off" />
        </Field>
        <Field label={t('groupColor')}>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </Field>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={independent} onChange={(e) => setIndependent(e.target.checked)} /> {t('groupIndependentLabel')}
      </label>
      <SaveOrCancel editing={!!group} disabled={!connected || busy || !letter.trim() || !name.trim()} busy={busy} onCancel={onDone} />
    </form>
  );
}
