import type { MeetingState, PublicView } from '../../../../shared/index';
import { clearSeatSession, readSeatKey, saveSeatKey } from '../../store';

/**
 * The seat key: from the link (`/seat#key=…`, or the old `/seat?key=…`), else the one kept
 * on this tablet. A key in the link wins (a re-provisioned tablet) and leaves the address
 * bar at once, so it is not in the history, a bookmark or a screenshot (docs/screens.md).
 */
export function takeSeatKey(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  const fromQuery = new URLSearchParams(location.search).get('key');
  const fromUrl = fromHash || fromQuery;
  if (fromHash !== null || fromQuery !== null) history.replaceState(null, '', '/seat');
  if (fromUrl) {
    // Another seat's key: this tab's session token belongs to the old one.
    if (readSeatKey() !== fromUrl) clearSeatSession();
    saveSeatKey(fromUrl);
    return fromUrl;
  }
  return readSeatKey();
}

/** The seat's label as the chamber names it ("12"), or null before the server said which seat. */
export function seatLabelOf(view: PublicView | MeetingState, seatId: string | null): string | null {
  if (!seatId) return null;
  return view.chamber.seats.find((s) => s.id === seatId)?.label ?? seatId;
}
