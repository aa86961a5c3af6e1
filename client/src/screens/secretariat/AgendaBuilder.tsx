import { useState } from 'react';
import type { MeetingState } from '../../../../shared/index';
import { extraordinaryDemandMet, noticeShort, termRefusal, urgentWithoutReason, validDate, weekdaysOfNotice, type MeetingDetails, type TermRefusal } from '../../../../shared/term/lifecycle';
import { ActionButton, Field } from '../../components/common';
import { useLang, useT } from '../../i18n';
import { termEvent } from '../../socket';
import { AgendaCarry } from './AgendaCarry';
import { AgendaItemEditor, refocus } from './AgendaItemEditor';
import { emptyItem, itemSetup, moved, payloadOf, type MeetingDraft } from './agendaDraft';
import { MeetingDemand } from './MeetingDemand';

/** The first rule a draft breaks, asked of shared/term (the server asks the same on saving). */
function draftRefusal(d: MeetingDraft, memberCount: number): TermRefusal | null {
  if (!validDate(d.date, d.time)) return termRefusal('BAD_DATE');
  const closed = d.items.find((i) => i.doors === 'closed' && !i.closedReason.trim());
  if (closed) return termRefusal('CLOSED_WITHOUT_REASON', { da: `(${closed.title})`, en: `(${closed.title})` });
  if (d.extraordinary && !extraordinaryDemandMet(d.demandedBy, memberCount)) return termRefusal('EXTRAORDINARY_TOO_FEW');
  return null;
}

/**
 * Plan a meeting, or edit a planned one's agenda: title, day and time, the items (add,
 * remove, move with buttons or Alt+↑/↓), items carried to their second reading (§ 21), an
 * extraordinary meeting's demand (§ 4, stk. 5). § 9: with the notice short (or not yet sent)
 * every item is flagged until it states why it is urgent (§ 9, stk. 2).
 */
export function AgendaBuilder(props: { state: MeetingState; meetings: MeetingDetails[]; initial: MeetingDraft; onDone: (meeting: MeetingDetails | null) => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [d, setD] = useState<MeetingDraft>(props.initial);
  const [open, setOpen] = useState<Set<string>>(() => new Set(props.initial.meetingId ? [] : props.initial.items.map((i) => i.id)));
  const set = (patch: Partial<MeetingDraft>) => setD((x) => ({ ...x, ...patch }));
  const config = props.state.config;
  const dated = validDate(d.date, d.time);
  const short = !dated || noticeShort(d.noticeSentAt, d.date, config.timeZone);
  const urgent = new Set(urgentWithoutReason(d.items.map(itemSetup), short).map((i) => i.id));
  const refusal = draftRefusal(d, config.memberCount);
  const editing = d.meetingId !== null;
  const heading = editing ? t('agendaEditTitle', { title: props.initial.title }) : t('agendaPlanTitle');

  const add = () => {
    const item = emptyItem();
    setD((x) => ({ ...x, items: [...x.items, item] }));
    setOpen((s) => new Set(s).add(item.id));
    refocus(`item-${item.id}-row`);
  };
  const remove = (index: number) => {
    const next = d.items[index + 1] ?? d.items[index - 1];
    set({ items: d.items.filter((_, i) => i !== index) });
    refocus(next ? `item-${next.id}-row` : 'agenda-add');
  };
  const save = async () => {
    const payload = payloadOf(d);
    const label = editing ? t('agendaSave') : t('agendaCreate');
    const r = d.meetingId ? await termEvent('meeting.update', { meetingId: d.meetingId, ...payload }, label, 'meeting.save') : await termEvent('meeting.plan', payload, label, 'meeting.save');
    if (r.ok && 'meeting' in r) props.onDone(r.meeting);
  };

  let notice: string;
  if (d.noticeSentAt === null) notice = t('noticeNotSent');
  else {
    const sent = new Date(d.noticeSentAt).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: config.timeZone });
    notice = dated ? t('noticeSentDays', { date: sent, n: weekdaysOfNotice(d.noticeSentAt, d.date, config.timeZone) }) : t('noticeSentOn', { date: sent });
  }

  return (
    <section className="card agenda-builder" aria-labelledby="agenda-builder-title" data-testid="agenda-builder">
      <h2 id="agenda-builder-title">{heading}</h2>
      <div className="form-row">
        <Field label={t('meetingTitle')}>
          <input value={d.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={t('meetingDate')}>
          <input type="date" value={d.date} onChange={(e) => set({ date: e.target.value })} />
        </Field>
        <Field label={t('meetingTime')}>
          <input type="time" value={d.time} onChange={(e) => set({ time: e.target.value })} />
        </Field>
      </div>
      <div aria-live="polite" data-testid="notice-flag">
        <p className={`statement ${short ? 'statement-warn' : 'statement-ok'}`}>
          {notice} {short ? t('noticeShortFlag') : t('noticeEnough')}
        </p>
        {urgent.size ? <p className="reason">{t('urgentMissingCount', { n: urgent.size })}</p> : null}
      </div>

      <h3>{t('agendaItems')}</h3>
      <p className="hint">{t('agendaKeysHint')}</p>
      <ol className="plain agenda-items">
        {d.items.map((item, index) => (
          <AgendaItemEditor
            key={item.id}
            item={item}
            index={index}
            count={d.items.length}
            open={open.has(item.id)}
            needsUrgent={urgent.has(item.id)}
            onToggle={() =>
              setOpen((s) => {
                const n = new Set(s);
                if (n.has(item.id)) n.delete(item.id);
                else n.add(item.id);
                return n;
              })
            }
            onChange={(changed) => setD((x) => ({ ...x, items: x.items.map((i) => (i.id === item.id ? changed : i)) }))}
            onMove={(by) => setD((x) => ({ ...x, items: moved(x.items, index, by) }))}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <button type="button" id="agenda-add" className="btn" disabled={d.items.length >= 200} onClick={add}>
        + {t('agendaAddItem')}
      </button>

      <AgendaCarry state={props.state} meetings={props.meetings} meetingId={d.meetingId} date={d.date} time={d.time} carry={d.carry} onChange={(carry) => set({ carry })} />
      <MeetingDemand state={props.state} on={d.extraordinary} demandedBy={d.demandedBy} onChange={(extraordinary, demandedBy) => set({ extraordinary, demandedBy })} />

      <div className="button-row">
        <ActionButton label={editing ? t('agendaSave') : t('agendaCreate')} refusal={refusal} incomplete={!d.title.trim()} pendingKey="meeting.save" className="btn-primary" onPress={() => void save()} />
        <div className="action">
          <button type="button" className="btn" onClick={() => props.onDone(null)}>
            {t('agendaCancel')}
          </button>
        </div>
      </div>
    </section>
  );
}
