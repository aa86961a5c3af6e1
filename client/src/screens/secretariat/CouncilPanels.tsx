import './roster.css';
import { useT } from '../../i18n';
import type { PrintDoc } from './PrintView';
import { GroupsPanel } from './GroupsPanel';
import { RosterImportPanel } from './RosterImportPanel';
import { RosterPanel } from './RosterPanel';
import { useCouncil } from './rosterStore';
import { SeatMapPanel } from './SeatMapPanel';

/**
 * The council between meetings (issue #14, item 2): its roster, an import, the seat map.
 * Changes here reach the meetings that go live later, never the live one.
 */
export function CouncilPanels({ onPrint }: { onPrint: (doc: PrintDoc) => void }) {
  const t = useT();
  const council = useCouncil();
  return (
    <section className="council-panels" aria-labelledby="council-panels-title">
      <h2 id="council-panels-title" className="council-panels-title">
        {t('councilPanelsTitle')}
      </h2>
      <p className="hint">{t('councilPanelsHelp')}</p>
      {council ? (
        <div className="console-grid console-grid-2">
          <div className="col">
            <RosterPanel council={council} onPrint={onPrint} />
          </div>
          <div className="col col-wide">
            <RosterImportPanel onPrint={onPrint} />
            <GroupsPanel council={council} />
            <SeatMapPanel council={council} />
          </div>
        </div>
      ) : (
        <p role="status">{t('councilLoading')}</p>
      )}
    </section>
  );
}
