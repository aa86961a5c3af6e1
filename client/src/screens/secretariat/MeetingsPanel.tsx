import { useEffect, useState } from 'react';
import './meetings.css';
import type { MeetingState } from '../../../../shared/index';
import { activationRefusal, noticeShort, termRefusal, urgentWithoutReason, type MeetingDetails, type TermRefusal } from '../../../../shared/term/lifecycle';
import { ActionButton, Reason } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useLang, useT } from '../../i18n';
import { listMeetings, termEvent } from '../../socket';
import { useStore } from '../../store';
import { AgendaBuilder } from './AgendaBuilder';
import { emptyMeeting, meetingDraft, type MeetingDraft } from './agendaDraft';
import { MeetingSignDialog } from './MeetingSignDialog';

/** The newest first: by day and start, then by the order planned. */
function byDate(a: MeetingDetails, b: MeetingDetails): number {
  return `${b.date} ${b.time}`.localeCompare(`${a.date} ${a.time}`) || Number(b.id.slice(1)) - Number(a.id.slice(1));
}

/** Why this meeting may not go live now, as far as the list can tell (the server judges again). */
function goLiveRefusal(m: MeetingDetails, all: MeetingDetails[], timeZone: string): TermRefusal | null {
  const live = all.find((x) => x.live);
  // The list does not know whether the live, planned meeting's log is empty: the server does.
  const refused = activationRefusal(m, live ? { status: live.status, events: 0 } : null);
  if (refused) return refused;
  const lacking = urgentWithoutReason(m.agenda, noticeShort(m.noticeSentAt, m.date, timeZone));
  const titles = lacking.map((i) => i.title).join('; ');
  return lacking.length ? termRefusal('URGENT_REASON_MISSING', { da: `(${titles})`, en: `(${titles})` }) : null;
}

/**
 * The council's meetings (docs/protocol.md, "The council's meetings"): each with its day,
 * time, title and status, the live one marked, and what the secretariat may do at its status:
 * edit a planned agenda, mark it sent (§ 9), make it live, sign a closed meeting's record
 * (§ 29) and publish a signed one (§ 29, stk. 4). Plan a new one with the agenda builder.
 */
export function MeetingsPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const connected = useStore((s) => s.connected);
  const meetings = useStore((s) => s.meetings);
  const { ask, dialog } = useConfirm();
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const [signing, setSigning] = useState<MeetingDetails | null>(null);
  const [refused, setRefused] = useState<{ id: string; refusal: TermRefusal } | null>(null);
  const tz = state.config.timeZone;

  // Asked on every (re)connect; the `meetings` push keeps it fresh in between.
  useEffect(() => {
    if (connected) void listMeetings();
  }, [connected]);

  if (draft && meetings) {
    return (
      <AgendaBuilder
        state={state}
        meetings={meetings}
        initial={draft}
        onDone={() => {
          setDraft(null);
          requestAnimationFrame(() => document.getElementById('meetings-plan')?.focus());
        }}
      />
    );
  }

  const send = async (event: 'meeting.noticeSent' | 'meeting.activate' | 'meeting.publish', m: MeetingDetails, label: string) => {
    setRefused(null);
    const r = await termEvent(event, { meetingId: m.id }, label, `${event}:${m.id}`);
    if (!r.ok) setRefused({ id: m.id, refusal: r as TermRefusal });
  };
  const day = (m: MeetingDetails) => new Date(`${m.date}T12:00:00Z`).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const sentOn = (at: number) => new Date(at).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: tz });
  const sorted = [...(meetings ?? [])].sort(byDate);

  const actions = (m: MeetingDetails) => {
    const named = { title: m.title };
    if (m.status === 'planned' && !m.live) {
      const noticeLabel = t('meetingNoticeLabel', named);
      return (
        <>
          <div className="action">
            <button type="button" className="btn btn-small" aria-label={t('meetingEditNamed', named)} onClick={() => setDraft(meetingDraft(m))}>
              {t('meetingEdit')}
            </button>
          </div>
          <ActionButton
            label={t('meetingNoticeSent')}
            ariaLabel={noticeLabel}
            refusal={null}
            pendingKey={`meeting.noticeSent:${m.id}`}
            className="btn-small"
            onPress={() =>
              m.noticeSentAt === null
                ? void send('meeting.noticeSent', m, noticeLabel)
                : ask({ title: t('meetingNoticeAgainTitle', named), text: t('meetingNoticeAgainText', { date: sentOn(m.noticeSentAt) }), confirm: t('meetingNoticeSent') }, () => void send('meeting.noticeSent', m, noticeLabel))
            }
          />
          <ActionButton
            label={t('meetingActivate')}
            ariaLabel={t('meetingActivateLabel', named)}
            refusal={goLiveRefusal(m, meetings ?? [], tz)}
            pendingKey={`meeting.activate:${m.id}`}
            className="btn-small btn-primary"
            onPress={() =>
              ask({ title: t('meetingActivateTitle', named), text: t('meetingActivateText'), confirm: t('meetingActivate') }, () => void send('meeting.activate', m, t('meetingActivateLabel', named)))
            }
          />
        </>
      );
    }
    // The live meeting's record is signed in the record panel beside this one, with its status.
    if (m.status === 'closed' && m.live) return <span className="hint">{t('meetingSignInRecord')}</span>;
    if (m.status === 'closed')
      return (
        <ActionButton label={t('signRecord')} ariaLabel={t('meetingSignLabel', named)} refusal={null} pendingKey={`record.sign:${m.id}`} className="btn-small btn-primary" onPress={() => setSigning(m)} />
      );
    if (m.status === 'signed')
      return (
        <ActionButton
          label={t('meetingPublish')}
          ariaLabel={t('meetingPublishLabel', named)}
          refusal={null}
          pendingKey={`meeting.publish:${m.id}`}
          className="btn-small btn-primary"
          onPress={() => ask({ title: t('meetingPublishTitle', named), text: t('meetingPublishText'), confirm: t('meetingPublish') }, () => void send('meeting.publish', m, t('meetingPublishLabel', named)))}
        />
      );
    // The live meeting is the chair's now: opened and closed in the chamber.
    if (m.live && (m.status === 'planned' || m.status === 'open')) return <span className="hint">{t('meetingChairRuns')}</span>;
    if (m.status === 'published' && m.publishedAt !== null) return <span className="hint">{t('meetingPublishedOn', { date: sentOn(m.publishedAt) })}</span>;
    return null;
  };

  return (
    <section className="card meetings" aria-labelledby="meetings-title" data-testid="meetings">
      <h2 id="meetings-title">{t('meetingsTitle')}</h2>
      <p className="hint">{t('meetingsHelp')}</p>
      <button type="button" id="meetings-plan" className="btn btn-primary" disabled={!meetings} onClick={() => setDraft(emptyMeeting())}>
        + {t('meetingPlan')}
      </button>
      {!meetings ? <p className="hint">{t('meetingsLoading')}</p> : null}
      <table className="meetings-table" aria-labelledby="meetings-title">
        <thead>
          <tr>
            <th scope="col">{t('meetingDate')}</th>
            <th scope="col">{t('meetingTime')}</th>
            <th scope="col">{t('meetingTitle')}</th>
            <th scope="col">{t('meetingStatus')}</th>
            <th scope="col">{t('meetingActions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) => (
            <tr key={m.id} className={m.live ? 'meeting-live' : ''} data-testid={`meeting-${m.id}`}>
              <td>{day(m)}</td>
              <td>{m.time}</td>
              <th scope="row">
                {m.title}
                {m.extraordinary ? <span className="tag">{t('meetingExtraordinaryTag')}</span> : null}
              </th>
              <td>
                <span className={`tag meeting-status meeting-status-${m.status}`}>{t(`termStatus_${m.status}`)}</span>
                {m.live ? <span className="tag mtg-tag-live">{t('meetingLive')}</span> : null}
                {m.status === 'planned' ? (
                  <div className={noticeShort(m.noticeSentAt, m.date, tz) ? 'reason' : 'hint'}>
                    {m.noticeSentAt === null ? t('meetingNoticeNone') : t('meetingNoticeOn', { date: sentOn(m.noticeSentAt) })}
                    {noticeShort(m.noticeSentAt, m.date, tz) ? ` — ${t('meetingNoticeShort')}` : ''}
                  </div>
                ) : null}
              </td>
              <td>
                <div className="meeting-actions">{actions(m)}</div>
                {refused?.id === m.id ? <Reason refusal={refused.refusal} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {signing ? <MeetingSignDialog meeting={signing} onClose={() => setSigning(null)} /> : null}
      {dialog}
    </section>
  );
}
