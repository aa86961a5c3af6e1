import './console.css';
import type { MeetingState } from '../../../shared/index';
import { useT } from '../i18n';
import { useStore } from '../store';

/** What happened that the console did not ask for: demands, calls to order, closed rounds… */
export function Notices({ state }: { state: MeetingState }) {
  const t = useT();
  const notices = useStore((s) => s.notices);
  const text = (e: { type: string; [k: string]: unknown }): string | null => {
    switch (e.type) {
      case 'demand': {
        const kind = String(e.kind);
        const key = `notice_demand_${kind}` as const;
        if (['rollCall', 'closure', 'division', 'divisionWithdrawn', 'vote', 'agendaOrder'].includes(kind)) return t(key as 'notice_demand_vote', { count: String(e.count ?? '') });
        return null;
      }
      case 'meeting.lateWarning':
        return t('notice_lateWarning');
      case 'disqualification.notified':
        return t('notice_disqualification', { name: state.persons[String(e.personId)]?.name ?? String(e.personId) });
      case 'order.called':
        return t('notice_orderCalled', { name: state.persons[String(e.personId)]?.name ?? String(e.personId), count: String(e.count ?? '') });
      case 'chair.changed':
        return t('actingChair', { name: state.persons[String(e.acting)]?.name ?? String(e.acting) });
      case 'vote.closed':
        return t('notice_voteClosed', { outcome: e.adopted ? t('adopted') : t('rejected') });
      case 'election.roundClosed':
        return t('notice_roundClosed', { round: String(e.round ?? '') });
      case 'election.lotDrawn': {
        const el = state.elections[String(e.electionId)];
        const name = (id: string) => (el?.kind === 'majority' ? (el.candidates.find((c) => c.id === id)?.name ?? id) : id);
        return t('notice_lotDrawn', { names: (Array.isArray(e.winners) ? (e.winners as string[]) : []).map(name).join(', ') });
      }
      case 'election.allocated':
        return t('notice_allocated');
      default:
        return null;
    }
  };
  const shown = notices.map((n) => ({ n, s: text(n.event) })).filter((x) => x.s).slice(0, 8);
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('notices')}</h2>
      <ul className="plain notices" aria-live="polite">
        {shown.map(({ n, s }) => (
          <li key={n.id}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
