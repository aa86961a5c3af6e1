import type { KeyboardEvent } from 'react';
import { Field } from '../../components/common';
import { useT } from '../../i18n';
import { ITEM_KINDS, type CaseLinkDraft, type ItemDraft } from './agendaDraft';

/** Puts the focus back on a control of an item after it moved (its node may have been re-inserted). */
export function refocus(id: string, fallback?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (fallback) document.getElementById(fallback)?.focus();
  });
}

/**
 * One item of the agenda being planned: a summary line (number, title, kind, doors, what is
 * missing) with its move and remove buttons, and its fields when opened. Alt+↑ / Alt+↓ on
 * the line move it; the focus stays on the button pressed.
 */
export function AgendaItemEditor(props: {
  item: ItemDraft;
  index: number;
  count: number;
  open: boolean;
  /** § 9, stk. 2: short notice and no urgent reason yet. */
  needsUrgent: boolean;
  onToggle: () => void;
  onChange: (item: ItemDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const { item, index, count } = props;
  const set = (patch: Partial<ItemDraft>) => props.onChange({ ...item, ...patch });
  const base = `item-${item.id}`;
  const move = (by: -1 | 1, from: 'up' | 'down' | 'row') => {
    if (index + by < 0 || index + by >= count) return;
    props.onMove(by);
    refocus(`${base}-${from}`, `${base}-${from === 'up' ? 'down' : 'up'}`);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1, 'row');
  };
  const name = item.title.trim() || t('agendaUntitled');
  const closedMissing = item.doors === 'closed' && !item.closedReason.trim();
  const setLink = (i: number, patch: Partial<CaseLinkDraft>) => set({ caseLinks: item.caseLinks.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <li className={`agenda-item ${props.needsUrgent || closedMissing ? 'agenda-item-warn' : ''}`} data-testid="agenda-item">
      <div className="agenda-item-line" onKeyDown={onKey}>
        <button
          type="button"
          id={`${base}-row`}
          className="btn btn-small agenda-item-title"
          aria-expanded={props.open}
          aria-controls={`${base}-fields`}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          onClick={props.onToggle}
        >
          {t('agendaItemNumber', { n: index + 1 })} {name}
        </button>
        <span className="tag">{t(`itemKind_${item.kind}`)}</span>
        <span className={`tag ${item.doors === 'closed' ? 'tag-closed' : 'tag-open'}`}>{t(item.doors === 'closed' ? 'agendaClosedTag' : 'agendaOpenTag')}</span>
        {props.needsUrgent ? <span className="tag mtg-tag-warn">{t('agendaUrgentNeeded')}</span> : null}
        {closedMissing ? <span className="tag mtg-tag-warn">{t('agendaClosedReasonNeeded')}</span> : null}
        <span className="agenda-item-buttons">
          <button type="button" id={`${base}-up`} className="btn btn-small" disabled={index === 0} aria-label={t('agendaMoveUpNamed', { title: name })} onClick={() => move(-1, 'up')}>
            <span aria-hidden="true">↑</span> {t('agendaMoveUp')}
          </button>
          <button type="button" id={`${base}-down`} className="btn btn-small" disabled={index === count - 1} aria-label={t('agendaMoveDownNamed', { title: name })} onClick={() => move(1, 'down')}>
            <span aria-hidden="true">↓</span> {t('agendaMoveDown')}
          </button>
          <button type="button" className="btn btn-small btn-danger" aria-label={t('agendaRemoveNamed', { title: name })} onClick={props.onRemove}>
            {t('agendaRemove')}
          </button>
        </span>
      </div>
      {props.open ? (
        <div className="agenda-item-fields" id={`${base}-fields`}>
          <Field label={t('agendaItemTitle')}>
            <input value={item.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <div className="form-row">
            <Field label={t('agendaItemKind')}>
              <select value={item.kind} onChange={(e) => set({ kind: e.target.value as ItemDraft['kind'] })}>
                {ITEM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`itemKind_${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('agendaReadings')}>
              <select value={item.readings} onChange={(e) => set({ readings: e.target.value === '2' ? 2 : 1 })}>
                <option value="1">{t('agendaReadingsOne')}</option>
                <option value="2">{t('agendaReadingsTwo')}</option>
              </select>
            </Field>
          </div>
          <fieldset className="fieldset agenda-doors">
            <legend>{t('agendaDoors')}</legend>
            <label className="mtg-choice">
              <input type="radio" name={`${base}-doors`} checked={item.doors === 'open'} onChange={() => set({ doors: 'open' })} />
              {t('agendaDoorsOpen')}
            </label>
            <label className="mtg-choice">
              <input type="radio" name={`${base}-doors`} checked={item.doors === 'closed'} onChange={() => set({ doors: 'closed' })} />
              {t('agendaDoorsClosed')}
            </label>
          </fieldset>
          {item.doors === 'closed' ? (
            <Field label={t('agendaClosedReason')}>
              <textarea rows={2} maxLength={2000} value={item.closedReason} aria-invalid={closedMissing} onChange={(e) => set({ closedReason: e.target.value })} />
            </Field>
          ) : null}
          <Field label={t('agendaItemText')}>
            <textarea rows={3} maxLength={20000} value={item.text} onChange={(e) => set({ text: e.target.value })} />
          </Field>
          <Field label={t('agendaProposal')}>
            <textarea rows={2} maxLength={5000} value={item.proposal} onChange={(e) => set({ proposal: e.target.value })} />
          </Field>
          <div className="form-row">
            <Field label={t('agendaFirstSeconds')}>
              <input type="number" inputMode="numeric" min={10} max={3600} value={item.firstSeconds} placeholder={t('agendaDefaultTime')} onChange={(e) => set({ firstSeconds: e.target.value })} />
            </Field>
            <Field label={t('agendaLaterSeconds')}>
              <input type="number" inputMode="numeric" min={10} max={3600} value={item.laterSeconds} placeholder={t('agendaDefaultTime')} onChange={(e) => set({ laterSeconds: e.target.value })} />
            </Field>
          </div>
          <Field label={t('agendaUrgentReason')}>
            <textarea rows={2} maxLength={2000} value={item.urgentReason} aria-invalid={props.needsUrgent} onChange={(e) => set({ urgentReason: e.target.value })} />
          </Field>
          <fieldset className="fieldset agenda-links">
            <legend>{t('agendaCaseLinks')}</legend>
            {item.caseLinks.map((l, i) => (
              <div className="form-row" key={i}>
                <Field label={t('agendaLinkTitle', { n: i + 1 })}>
                  <input value={l.title} maxLength={200} onChange={(e) => setLink(i, { title: e.target.value })} />
                </Field>
                <Field label={t('agendaLinkUrl', { n: i + 1 })}>
                  <input type="url" value={l.url} maxLength={2000} placeholder="https://" onChange={(e) => setLink(i, { url: e.target.value })} />
                </Field>
                <button type="button" className="btn btn-small" onClick={() => set({ caseLinks: item.caseLinks.filter((_, j) => j !== i) })}>
                  {t('agendaLinkRemove', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="btn btn-small" disabled={item.caseLinks.length >= 20} onClick={() => set({ caseLinks: [...item.caseLinks, { title: '', url: '' }] })}>
              {t('agendaLinkAdd')}
            </button>
          </fieldset>
        </div>
      ) : null}
    </li>
  );
}
