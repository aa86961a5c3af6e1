import type { Seat } from '../../../../shared/types';

// Starting layouts for the seat map (map units 0..100, the chair's table at the top); the
// secretariat drags seats into place from there. Layout only: no rule of the standing orders.

const clamp = (v: number) => Math.round(Math.min(100, Math.max(0, v)) * 10) / 10;

/** Straight rows facing the chair, up to `perRow` seats a row. */
export function rowsPreset(seats: readonly Seat[], perRow = 10): Seat[] {
  const rows = Math.max(1, Math.ceil(seats.length / perRow));
  return seats.map((s, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, seats.length - row * perRow);
    const col = i % perRow;
    const x = inRow === 1 ? 50 : 10 + (80 * col) / (inRow - 1);
    const y = rows === 1 ? 50 : 25 + (65 * row) / (rows - 1);
    return { ...s, x: clamp(x), y: clamp(y) };
  });
}

/**
 * A horseshoe open towards the chair: concentric arcs, each holding seats in proportion to
 * its length, filled from the innermost.
 */
export function horseshoePreset(seats: readonly Seat[]): Seat[] {
  const arcs = seats.length <= 12 ? 1 : seats.length <= 30 ? 2 : 3;
  const radii = Array.from({ length: arcs }, (_, i) => 28 + (i * 40) / Math.max(1, arcs));
  const total = radii.reduce((a, b) => a + b, 0);
  const counts = radii.map((r) => Math.floor((seats.length * r) / total));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < seats.length; i = (i + 1) % arcs) counts[arcs - 1 - i]! += 1;
  const widest = radii[arcs - 1]!;
  const out: Seat[] = [];
  let k = 0;
  radii.forEach((r, a) => {
    const n = counts[a]!;
    for (let j = 0; j < n; j++) {
      const angle = n === 1 ? Math.PI / 2 : (Math.PI * j) / (n - 1);
      const s = seats[k++]!;
      out.push({ ...s, x: clamp(50 + (44 * r * Math.cos(angle)) / widest), y: clamp(14 + 1.2 * r * Math.sin(angle)) });
    }
  });
  return out;
}
