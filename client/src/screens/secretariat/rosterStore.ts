import { useEffect } from 'react';
import { create } from 'zustand';
import type { Ack } from '../../../../shared/index';
import { applyRosterChange, type Council, type RosterChange, type RosterRefusal } from '../../../../shared/term/roster';
import { onServerEvent, rosterGet } from '../../socket';
import { useStore } from '../../store';

// The council's roster as the secretariat's panels see it: fetched when the socket connects,
// then kept by the `council` pushes and the acks (a newer `seq` wins, so an ack arriving
// after its own push changes nothing).
const useRoster = create<{ council: Council | null; seq: number }>(() => ({ council: null, seq: -1 }));

function take(council: Council, seq: number) {
  if (seq >= useRoster.getState().seq) useRoster.setState({ council, seq });
}

/** The roster now (null until the first answer), followed while the panels are shown. */
export function useCouncil(): Council | null {
  const connected = useStore((s) => s.connected);
  useEffect(() => {
    if (!connected) return;
    void rosterGet().then((r) => {
      if (r.ok) take(r.council, r.seq);
    });
    return onServerEvent('council', (m) => take(m.council, m.seq));
  }, [connected]);
  return useRoster((s) => s.council);
}

/**
 * An accepted roster press: its ack carries the roster as it is now. Returns the new
 * persons' codes (empty when none was drawn), or null for a refusal.
 */
export function takeAck(r: Ack): Record<string, string> | null {
  const a = r as Ack & { council?: Council; seq?: number; codes?: Record<string, string> };
  if (!a.ok || !a.council || typeof a.seq !== 'number') return null;
  take(a.council, a.seq);
  return a.codes ?? {};
}

/** Whether the roster's rules allow a change now: null, or the refusal the server would give. */
export function refusalOf(council: Council, change: RosterChange): RosterRefusal | null {
  const r = applyRosterChange(council, change);
  return r.ok ? null : r;
}

/** Seats of the chamber no member holds (§ 17): where a new member or a substitute can sit. */
export function vacantSeats(council: Council, except?: string): Council['chamber']['seats'] {
  const held = new Set(council.persons.filter((p) => p.kind === 'member' && p.id !== except).map((p) => p.seatId));
  return council.chamber.seats.filter((s) => !held.has(s.id));
}
