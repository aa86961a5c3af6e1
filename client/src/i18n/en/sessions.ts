import type { sessions as da } from '../da/sessions';
import type { Translation } from '../plural';

// English texts: the secretariat, seat sessions, code locks and seat keys.
export const sessions: Translation<typeof da> = {
  // secretariat
  secretariatTitle: 'Secretariat',
  secretariatSignInHelp: 'Sign in with the secretariat\u2019s password.',
  appointTemporary: 'Appoint a temporary chair (§ 18, stk. 2)',
  appoint: 'Appoint',
  // seat sessions, code locks, new seat keys (issue #11)
  seatRateLimited: 'Too many failed attempts to connect from here. The terminal tries again by itself in {time}.',
  seatBusy: 'Too many screens are already open with this seat\u2019s key. Close the other tabs or tablets — the terminal tries again by itself in {time}.',
  consoleRateLimited: 'Too many wrong sign-in attempts from here. Wait {time}, then try again.',
  consoleRateLimitedNoTime: 'Too many wrong sign-in attempts from here. Wait a little, then try again.',
  connectRefused: 'The server refused the connection ({reason}).',
  sessionEnded_moved: 'You are now checked in on another terminal — check in here again to move back.',
  sessionEnded_expired: 'This terminal was offline longer than allowed, so you are no longer checked in here (§ 16). Check in again with your code.',
  sessionEnded_checkedOut: 'You are checked out (§ 16). Check in again with your code when you are back at your seat.',
  sessionEnded_keyRotated: 'The secretariat has given this seat a new key, so this terminal no longer works. Contact the secretariat for the new link or QR code.',
  seatLockedTitle: 'The seat is locked',
  seatLocked: 'Too many wrong codes at this seat (§ 16). Check-in is blocked until {until}.',
  seatLockedRetry: 'Try again in',
  seatLocksTitle: 'Locked seats (too many wrong codes, § 16)',
  seatLockRow: { count: 'n', one: 'Seat {seat} · {name} · locked until {until} · {n} wrong code', other: 'Seat {seat} · {name} · locked until {until} · {n} wrong codes' },
  seatLockedCell: 'Locked until {until}',
  tabletsTitle: 'Tablets',
  tabletsHelp: 'Is a tablet lost, or has its link got out? Give the seat a new key. The old tablet stops working at once, and the member must check in again on the tablet with the new link.',
  tabletSeat: 'Seat',
  tabletNobody: 'nobody',
  rotateKey: 'New key for the seat',
  rotateKeyFor: 'New key for seat {seat}',
  rotateKeyConfirmTitle: 'New key for seat {seat} ({name})?',
  rotateKeyConfirmText: 'Cannot be undone: the old tablet stops working at once, and the member must check in again on a tablet with the new link.',
  rotateKeyConfirm: 'Yes, make a new key',
  newSeatLink: 'New link for seat {seat}',
  newSeatLinkNote: 'The link is shown this once only. Open it on the seat\u2019s tablet (or make a QR code of it) — do not give it to anyone else.',
  copyLink: 'Copy the link',
  copied: 'Copied',
  copyFailed: 'Could not copy — select the link and copy it yourself.',
  hideLink: 'Hide the link',
};
