import type { MeetingState } from '../../../../shared/index';
import type { MeetingDetails } from '../../../../shared/term/lifecycle';
import { meetingStart, secondReadingFrom } from '../../../../shared/term/lifecycle';
import { useT } from '../../i18n';
import type { CarryDraft } from './agendaDraft';

/**
 * § 21: items of closed meetings awaiting their second reading, to be carried here. Ticked
 * items go last on the agenda (the server places them); one held before the gap of § 21,
 * stk. 2 after its first reading is flagged, by the shared rule.
 */
export function AgendaCarry(props: { state: MeetingState; meetings: MeetingDetails[]; meetingId: string | null; date: string; time: string; carry: CarryDraft[]; onChange: (carry: CarryDraft[]) => void }) {
  const t = useT();
  const key = (c: { meetingId: string; itemId: string }) => `${c.meetingId}/${c.itemId}`;
  const chosen = new Set(props.carry.map(key));
  const offered: CarryDraft[] = [
    ...props.carry,
    ...props.meetings
      .filter((m) => m.id !== props.meetingId)
      .flatMap((m) => m.awaitingSecondReading.map((i) => ({ meetingId: m.id, itemId: i.itemId, title: i.title, kind: i.kind, firstReadingAt: i.firstReadingAt })))
      .filter((c) => !chosen.has(key(c))),
  ];
  const titleOf = (id: string) => props.meetings.find((m) => m.id === id)?.title ?? id;
  const start = /^\d{4}-\d{2}-\d{2}$/.test(props.date) && /^\d{2}:\d{2}$/.test(props.time) ? meetingStart(props.date, props.time, props.state.config.timeZone) : null;
  return (
    <fieldset className="fieldset agenda-carry">
      <legend>{t('carryLegend')}</legend>
      {offered.length === 0 ? <p className="hint">{t('carryNone')}</p> : null}
      <ul className="plain stack">
        {offered.map((c) => {
          const early = start !== null && start < secondReadingFrom(c.firstReadingAt, c.kind, props.state.config);
          return (
            <li key={key(c)}>
              <label className="mtg-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(key(c))}
                  onChange={(e) => props.onChange(e.target.checked ? [...props.carry, c] : props.carry.filter((x) => key(x) !== key(c)))}
                />
                {c.title} <span className="hint">— {t('carryFrom', { meeting: titleOf(c.meetingId) })}</span>
              </label>
              {early && chosen.has(key(c)) ? <p className="reason">{t('carryTooEarly')}</p> : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
