import type { PublicElection } from '../../../shared/index';
import type { MajorityExtra } from './electionView';
import { MajorityResults } from './MajorityResults';
import { ProportionalResults } from './ProportionalResults';

// Elections (§§ 27–28) as every screen shows them, one file per part; the screens import
// them from here.
export {
  asPublic,
  candidateName,
  formatQuotient,
  listDisplayName,
  listName,
  lotPurpose,
  majorityExtra,
  useListName,
  type MajorityExtra,
  type PubMajority,
  type PubProportional,
} from './electionView';
export { Hash } from './Hash';
export { LotView, MajorityResults, RoundBars } from './MajorityResults';
export { ProportionalResults } from './ProportionalResults';

/** An election's account, majority (§ 27) or proportional (§ 28). */
export function ElectionResults({ e, extra, variant }: { e: PublicElection; extra?: MajorityExtra; variant: 'console' | 'gallery' }) {
  return e.kind === 'majority' ? <MajorityResults e={e} extra={extra} variant={variant} /> : <ProportionalResults e={e} variant={variant} />;
}
