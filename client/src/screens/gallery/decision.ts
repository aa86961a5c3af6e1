import { useEffect, useState } from 'react';
import type { PublicResult, PublicView } from '../../../../shared/index';
import { serverNow } from '../../store';

/**
 * How long an earlier item's decision stays on the wall (and on the overlay) after it was
 * taken: long enough to be read and photographed after the chair moves on, short enough that
 * it is not taken for a decision on the item now under way.
 */
export const DECISION_SHOWN_MS = 5 * 60_000;

/** The current item's decision always; an earlier item's (or one between items) for DECISION_SHOWN_MS. */
export function decisionShown(view: PublicView, now: number): PublicResult | null {
  const r = view.lastResult;
  if (!r) return null;
  const cur = view.current;
  if (cur && !cur.closed && cur.id === r.itemId) return r;
  return now - r.at < DECISION_SHOWN_MS ? r : null;
}

/**
 * The decision to show now, by the server's clock; the screen re-renders when an earlier
 * item's decision runs out (no view arrives then: nothing in the meeting changed).
 */
export function useShownDecision(view: PublicView): PublicResult | null {
  const [, setTick] = useState(0);
  const shown = decisionShown(view, serverNow());
  const cur = view.current;
  const expires = shown && !(cur && !cur.closed && cur.id === shown.itemId) ? shown.at + DECISION_SHOWN_MS : null;
  useEffect(() => {
    if (expires === null) return;
    const h = setTimeout(() => setTick((n) => n + 1), Math.max(0, expires - serverNow()) + 50);
    return () => clearTimeout(h);
  }, [expires]);
  return shown;
}
