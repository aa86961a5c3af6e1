import type { MeetingState } from '../../../../shared/index';
import { extraordinaryDemandMet } from '../../../../shared/term/lifecycle';
import { useT } from '../../i18n';

/**
 * § 4, stk. 5: an extraordinary meeting that members demand. The secretariat ticks the members
 * who signed the demand, by name; the count is shown against a third of the members, as the
 * shared rule counts it.
 */
export function MeetingDemand(props: { state: MeetingState; on: boolean; demandedBy: string[]; onChange: (on: boolean, demandedBy: string[]) => void }) {
  const t = useT();
  const members = Object.values(props.state.persons)
    .filter((p) => p.kind === 'member')
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const memberCount = props.state.config.memberCount;
  const chosen = new Set(props.demandedBy);
  const met = extraordinaryDemandMet(props.demandedBy, memberCount);
  const toggle = (id: string) => props.onChange(true, chosen.has(id) ? props.demandedBy.filter((p) => p !== id) : [...props.demandedBy, id]);
  return (
    <fieldset className="fieldset meeting-demand">
      <legend>{t('demandLegend')}</legend>
      <label className="mtg-choice">
        <input type="checkbox" checked={props.on} onChange={(e) => props.onChange(e.target.checked, props.demandedBy)} />
        {t('demandOn')}
      </label>
      {props.on ? (
        <>
          <p className={`statement ${met ? 'statement-ok' : 'statement-warn'}`} aria-live="polite" data-testid="demand-count">
            {t(met ? 'demandCountMet' : 'demandCountShort', { n: chosen.size, third: Math.ceil(memberCount / 3), members: memberCount })}
          </p>
          <div className="demand-grid" role="group" aria-label={t('demandMembers')}>
            {members.map((p) => (
              <label className="mtg-choice" key={p.id}>
                <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />
                {p.name} <span className="hint">({props.state.groups[p.groupId]?.letter ?? '—'})</span>
              </label>
            ))}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
