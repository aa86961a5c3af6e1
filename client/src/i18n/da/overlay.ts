import type { TextTable } from '../plural';

// Danish texts: the livestream overlay (/overlay).
export const overlay = {
  overlayTitle: 'Overlay til livestream',
  overlayItem: 'Punkt under behandling',
  overlayVoteResult: 'Afstemningens resultat',
  overlayVoteBar: 'For {for}, imod {against}, undlader {abstain}',
  overlayElectionResult: 'Valgets resultat',
  overlaySeatsFor: '{list}: {seats}',
} satisfies TextTable;
