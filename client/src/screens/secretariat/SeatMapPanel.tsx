import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Seat } from '../../../../shared/types';
import type { Council } from '../../../../shared/term/roster';
import { useT } from '../../i18n';
import { rosterEmit } from '../../socket';
import { useStore } from '../../store';
import { takeAck } from './rosterStore';
import { horseshoePreset, rowsPreset } from './seatPresets';

const clamp = (v: number) => Math.round(Math.min(100, Math.max(0, v)) * 10) / 10;
const same = (a: readonly Seat[], b: readonly Seat[]) => a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.x === b[i]?.x && s.y === b[i]?.y);

/**
 * The chamber's seat map (§ 17): a preset places every seat (rows, horseshoe), then single
 * seats are dragged into place with the pointer, or chosen and moved with the arrow keys
 * (Shift for larger steps). Nothing is stored until "Save the seat map" (`seats.set`); the
 * meetings that go live after it show it.
 */
export function SeatMapPanel({ council }: { council: Council }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const busy = !!useStore((s) => s.pending)['seats.set'];
  const stored = council.chamber.seats;
  // The draft belongs to the stored map it began from: a stored change (this screen's save,
  // or another secretariat's) makes it the draft's new start.
  const [draft, setDraft] = useState<{ base: readonly Seat[]; seats: Seat[] } | null>(null);
  const seats = draft && draft.base === stored ? draft.seats : stored;
  const setSeats = (next: Seat[] | ((all: Seat[]) => Seat[])) =>
    setDraft((d) => {
      const current = d && d.base === stored ? d.seats : stored;
      return { base: stored, seats: typeof next === 'function' ? next(current) : next };
    });
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const dirty = !same(seats, stored);
  const holder = (seatId: string) => council.persons.find((p) => p.kind === 'member' && p.seatId === seatId);

  const move = (id: string, x: number, y: number) => setSeats((all) => all.map((s) => (s.id === id ? { ...s, x: clamp(x), y: clamp(y) } : s)));

  const at = (e: PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * 100, y: ((e.clientY - r.top) / r.height) * 100 };
  };
  const down = (id: string) => (e: PointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setSelected(id);
    setDragging(id);
  };
  const drag = (id: string) => (e: PointerEvent<HTMLButtonElement>) => {
    if (dragging !== id) return;
    const p = at(e);
    move(id, p.x, p.y);
  };
  const up = () => setDragging(null);
  const key = (s: Seat) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? 5 : 1;
    const d: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const by = d[e.key];
    if (!by) return;
    e.preventDefault();
    setSelected(s.id);
    move(s.id, s.x + by[0], s.y + by[1]);
  };

  const save = () => void rosterEmit('seats.set', t('seatMapSave'), 'seats.set', { seats: seats.map(({ id, x, y }) => ({ id, x, y })) }).then(takeAck);
  const chosen = seats.find((s) => s.id === selected);

  return (
    <section className="card seat-map-editor" aria-labelledby="seat-map-title" data-testid="seat-map-editor">
      <h2 id="seat-map-title">{t('seatMapTitle')}</h2>
      <p className="hint" id="seat-map-help">
        {t('seatMapHelp')}
      </p>
      <div className="button-row">
        <button type="button" className="btn" onClick={() => setSeats(rowsPreset(stored))}>
          {t('seatMapRows')}
        </button>
        <button type="button" className="btn" onClick={() => setSeats(horseshoePreset(stored))}>
          {t('seatMapHorseshoe')}
        </button>
        <button type="button" className="btn" disabled={!dirty} onClick={() => setSeats(stored)}>
          {t('seatMapUndo')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!connected || !dirty || busy} aria-busy={busy} onClick={save}>
          {t('seatMapSave')}
        </button>
      </div>
      <p className="seat-map-status" aria-live="polite">
        {chosen ? t('seatMapSelected', { label: chosen.label, x: Math.round(chosen.x), y: Math.round(chosen.y) }) : t('seatMapNoneSelected')}
        {dirty ? ` ${t('seatMapUnsaved')}` : ''}
      </p>
      <div className="seat-map-box" role="group" aria-label={t('seatMapTitle')} aria-describedby="seat-map-help" data-testid="seat-map-box">
        <div className="seat-map-chair" aria-hidden="true">
          {t('seatMapChairTable')}
        </div>
        {/* Inset by half a seat, so a seat at 0 or 100 is whole on the map. */}
        <div ref={box} className="seat-map-area">
        {seats.map((s) => {
          const p = holder(s.id);
          return (
            <button
              key={s.id}
              type="button"
              className={`seat-map-seat${selected === s.id ? ' is-selected' : ''}${p ? '' : ' is-vacant'}`}
              style={{ left: `${s.x}%`, top: `${s.y}%` }}
              aria-pressed={selected === s.id}
              aria-label={t('seatMapSeat', { label: s.label, name: p?.name ?? t('tabletNobody') })}
              data-seat={s.id}
              onClick={() => setSelected(s.id)}
              onPointerDown={down(s.id)}
              onPointerMove={drag(s.id)}
              onPointerUp={up}
              onPointerCancel={up}
              onKeyDown={key(s)}
            >
              {s.label}
            </button>
          );
        })}
        </div>
      </div>
    </section>
  );
}
