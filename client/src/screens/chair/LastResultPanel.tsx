import { amendmentLabels } from '../../../../shared/engine/selectors';
import type { MeetingState } from '../../../../shared/index';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';

/** The last decision in the record, with its counts by group. */
export function LastResultPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const e = state.record[state.record.length - 1];
  if (!e) return null;
  const item = state.items[e.itemId];
  const amendment = e.subject?.kind === 'amendment' ? (amendmentLabels(state, e.itemId).get(e.subject.amendmentId)?.label ?? '?') : null;
  return (
    <Section title={t('lastResult')} id="result-title">
      <p>
        {item ? `${t('item', { n: item.number })}: ` : ''}
        {amendment ? `${t('chairAmendmentLabel', { label: amendment })}: ` : ''}
        {e.point}
      </p>
      <p className="result-line" data-testid="chair-result">
        <strong>{t(`outcome_${e.outcome}` as 'outcome_adopted')}</strong>
        {e.mode ? ` · ${t(`mode_${e.mode}`)}` : ''}
        {e.counts ? ` — ${t('choice_for')} ${e.counts.for} · ${t('choice_against')} ${e.counts.against} · ${t('choice_abstain')} ${e.counts.abstain}` : ''}
      </p>
      {e.byGroup && Object.keys(e.byGroup).length ? (
        <table className="table">
          <caption>{t('byGroup')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('choice_for')}</th>
              <th scope="col">{t('choice_against')}</th>
              <th scope="col">{t('choice_abstain')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(e.byGroup).map(([g, c]) => (
              <tr key={g}>
                <th scope="row">{state.groups[g]?.letter ?? g}</th>
                <td>{c.for}</td>
                <td>{c.against}</td>
                <td>{c.abstain}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
