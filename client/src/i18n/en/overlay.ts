import type { overlay as da } from '../da/overlay';
import type { Translation } from '../plural';

// English texts: the livestream overlay (/overlay).
export const overlay: Translation<typeof da> = {
  overlayTitle: 'Livestream overlay',
  overlayItem: 'Item under way',
  overlayVoteResult: 'Result of the vote',
  overlayVoteBar: 'For {for}, against {against}, abstaining {abstain}',
  overlayElectionResult: 'Result of the election',
  overlaySeatsFor: '{list}: {seats}',
};
