import { formatDuration, SPEECH_KINDS, speakingStats, type SpeakingTally } from '../../../../shared/record/speaking';
import type { MeetingState } from '../../../../shared/index';
import { useNow } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { useStore } from '../../store';

/** How many speakers the panel lists: a glance, not the record (which has them all). */
const TOP = 3;

function Tally({ tally, title, testId }: { tally: SpeakingTally; title: string; testId: string }) {
  const t = useT();
  const id = `speaking-${testId}`;
  return (
    <div className="speaking-tally" data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {tally.speeches === 0 ? (
        <p className="hint">{t('speakingNone')}</p>
      ) : (
        <>
          <p data-testid={`${id}-total`}>{t('speakingTotal', { n: tally.speeches, time: formatDuration(tally.ms) })}</p>
          <table className="table">
            <caption className="sr-only">{`${title}: ${t('speakingGroup')}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('speakingGroup')}</th>
                <th scope="col">{t('speakingTime')}</th>
                <th scope="col">{t('speakingCount')}</th>
              </tr>
            </thead>
            <tbody>
              {tally.byGroup.map((g) => (
                <tr key={g.key}>
                  <th scope="row" title={g.groupName}>
                    {g.person ? `${g.person.name} (${g.group})` : g.group}
                  </th>
                  <td>{formatDuration(g.ms)}</td>
                  <td>{g.speeches}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid={`${id}-kinds`}>
            {SPEECH_KINDS.filter((k) => tally.byKind[k].speeches > 0)
              .map((k) => t('speakingKind', { kind: t(`kind_${k}`), n: tally.byKind[k].speeches, time: formatDuration(tally.byKind[k].ms) }))
              .join(' · ')}
          </p>
          <p className="speaking-top-title">{t('speakingTop')}</p>
          <ol className="speaking-top">
            {tally.byPerson.slice(0, TOP).map((p) => (
              <li key={p.person.id}>
                {p.person.name} ({p.person.group}) — {formatDuration(p.ms)}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/**
 * § 19: speaking time per group and the top speakers, for the current item and the meeting,
 * from the shared statistics the record uses; a speech going on counts up by the server clock.
 */
export function SpeakingStatsPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const current = state.currentItem ? state.items[state.currentItem] : undefined;
  const live = !!current?.debate.speaking;
  const now = useNow(1000, live);
  const offset = useStore((s) => s.serverOffset);
  const stats = speakingStats(state, { audience: 'members', now: now + offset });
  const item = current ? stats.items.find((i) => i.itemId === current.id) : undefined;
  const none = { ms: 0, speeches: 0 };
  const empty: SpeakingTally = { ms: 0, speeches: 0, byKind: { first: none, later: none, remark: none, order: none }, byGroup: [], byPerson: [] };
  return (
    <Section title={t('speakingStats')} id="speaking-stats-title" className="speaking-stats">
      {current ? <Tally tally={item ?? empty} title={t('speakingThisItem', { n: current.number })} testId="item" /> : null}
      <Tally tally={stats.meeting} title={t('speakingMeeting')} testId="meeting" />
      <p className="hint">{t('speakingClosedNote')}</p>
    </Section>
  );
}
