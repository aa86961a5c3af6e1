import { useState } from 'react';
import type { ActionBody, Item } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { Section } from '../../components/panels';
import { dateTime, useLang, useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/** The datetime-local value for a moment, in the console's own time zone. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * § 25, stk. 3: the council's deadline for amendments to a two-reading item, entered by the
 * chair. Whether it may be set is the engine's answer (`can`), shown beside the buttons.
 */
export function AmendmentDeadlinePanel({ item, can }: { item: Item; can: Can }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [value, setValue] = useState(() => (item.amendmentDeadline ? localInput(item.amendmentDeadline) : ''));
  if (item.readings !== 2) return null;
  const ms = value ? new Date(value).getTime() : NaN;
  const setBody: ActionBody = { type: 'item.setAmendmentDeadline', itemId: item.id, deadline: Number.isFinite(ms) ? ms : 0 };
  const liftBody: ActionBody = { type: 'item.setAmendmentDeadline', itemId: item.id, deadline: null };
  return (
    <Section title={t('deadlineTitle')} id="deadline-title">
      <p data-testid="chair-amendment-deadline">{item.amendmentDeadline ? t('deadlineIs', { at: dateTime(item.amendmentDeadline, lang) }) : t('deadlineNone')}</p>
      <label htmlFor="deadline-at">{t('deadlineInput')}</label>
      <input id="deadline-at" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      <div className="button-row">
        <ActionButton
          label={t('deadlineSet')}
          refusal={can(setBody)}
          incomplete={!Number.isFinite(ms)}
          pendingKey="item.setAmendmentDeadline"
          onPress={() => void act(setBody, t('deadlineSet'), 'item.setAmendmentDeadline')}
        />
        {item.amendmentDeadline ? (
          <ActionButton
            label={t('deadlineLift')}
            refusal={can(liftBody)}
            pendingKey="item.setAmendmentDeadline"
            onPress={() => void act(liftBody, t('deadlineLift'), 'item.setAmendmentDeadline')}
          />
        ) : null}
      </div>
    </Section>
  );
}
