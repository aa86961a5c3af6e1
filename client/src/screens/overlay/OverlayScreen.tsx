import './overlay.css';
import type { PublicView } from '../../../../shared/index';
import { useConnection, useDocumentTitle } from '../../hooks/useConnection';
import { useStore } from '../../store';
import { useShownDecision } from '../gallery/decision';
import { OverlayElection, overlayElection } from './OverlayElection';
import { OverlayItem, OverlaySpeaker } from './OverlayItem';
import { OverlayVote } from './OverlayVote';

const PUBLIC = { role: 'public' } as const;

export const OVERLAY_PARTS = ['item', 'speaker', 'vote', 'election'] as const;
export type OverlayPart = (typeof OVERLAY_PARTS)[number];

/** `?parts=speaker,vote` picks the parts to show; none given (or none known): all of them. */
export function partsFrom(search: string): Set<OverlayPart> {
  const asked = (new URLSearchParams(search).get('parts') ?? '').split(',').map((p) => p.trim());
  const known = OVERLAY_PARTS.filter((p) => asked.includes(p));
  return new Set(known.length ? known : OVERLAY_PARTS);
}

/**
 * The livestream overlay (issue #15): a 1920×1080 page on a transparent background for a
 * broadcaster's browser source (OBS, vMix). It is the public's view (§ 1) and nothing more:
 * nothing at all while the gallery is blanked or the item is closed (§§ 2–3), and no
 * interaction (nobody sees a cursor on air).
 */
export function OverlayScreen() {
  useConnection(PUBLIC);
  useDocumentTitle('overlayTitle');
  const view = useStore((s) => (s.role === 'public' ? (s.view as PublicView) : null));
  const cur = view?.current;
  // Off air: no view yet, a blank gallery, no item, or a closed one; the page is empty.
  if (!view || view.blank || !cur || cur.closed) return <main className="overlay" data-testid="overlay" />;
  return <OverlayOnAir view={view} />;
}

function OverlayOnAir({ view }: { view: PublicView }) {
  const parts = partsFrom(location.search);
  const decision = useShownDecision(view);
  const cur = view.current as Extract<PublicView['current'], { closed: false }>;
  const election = overlayElection(view, decision);
  // An election's decision is told by the election part, not as a vote.
  const voteResult = decision && decision.itemId === cur.id && !view.elections.some((e) => e.id === decision.voteId) ? decision : null;
  return (
    <main className="overlay" data-testid="overlay" aria-label={cur.title}>
      {parts.has('item') ? <OverlayItem cur={cur} /> : null}
      {parts.has('election') && election ? <OverlayElection e={election} /> : null}
      <div className="overlay-lower">
        {parts.has('vote') ? <OverlayVote cur={cur} result={voteResult} /> : null}
        {parts.has('speaker') && cur.speaking ? <OverlaySpeaker view={view} speaking={cur.speaking} /> : null}
      </div>
    </main>
  );
}
