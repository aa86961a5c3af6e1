import type { Choice, Group, Seat } from '../../../shared/index';
import { useT } from '../i18n';
import { CHOICE_COLORS, CHOICE_TEXT, contrastText } from './common';

export interface SeatMark {
  /** A closed vote: the seat's choice, null = present but did not vote. */
  choice?: Choice | null;
  /** Presence mode: the occupant's group. */
  group?: Group | null;
  title?: string;
}

/**
 * The chamber's seats at `seats[].x,y`. In a result, each seat carries its choice by colour
 * AND by symbol (+ − ○ ·), so the map is readable without colour; a legend explains both.
 */
export function SeatMap(props: {
  seats: Seat[];
  marks: Record<string, SeatMark>;
  mode: 'result' | 'presence';
  label: string;
  showLegend?: boolean;
  className?: string;
}) {
  const t = useT();
  const { seats, marks, mode } = props;
  if (seats.length === 0) return null;
  const xs = seats.map((s) => s.x);
  const ys = seats.map((s) => s.y);
  const pad = 5;
  const minX = Math.min(...xs) - pad;
  const minY = Math.min(...ys) - pad;
  const w = Math.max(...xs) - Math.min(...xs) + pad * 2;
  const h = Math.max(...ys) - Math.min(...ys) + pad * 2;
  const r = 2.4;
  const counts = { for: 0, against: 0, abstain: 0, none: 0 };
  for (const m of Object.values(marks)) {
    if (m.choice === undefined) continue;
    if (m.choice === null) counts.none++;
    else counts[m.choice]++;
  }
  const symbol = (c: Choice) => t(`choiceSymbol_${c}`);
  return (
    <figure className={`seatmap ${props.className ?? ''}`}>
      <svg viewBox={`${minX} ${minY} ${w} ${h}`} role="img" aria-label={props.label} preserveAspectRatio="xMidYMid meet">
        {seats.map((seat) => {
          const m = marks[seat.id];
          let fill = 'none';
          let stroke = '#8a8a8a';
          let text = '';
          let textColor = '#000';
          let dash: string | undefined = '0.8 0.6';
          let title = `${seat.label}: ${t('emptySeat')}`;
          if (mode === 'result' && m && m.choice !== undefined) {
            dash = undefined;
            if (m.choice) {
              fill = CHOICE_COLORS[m.choice];
              stroke = '#000';
              text = symbol(m.choice);
              textColor = CHOICE_TEXT[m.choice];
              title = `${seat.label}${m.title ? ` ${m.title}` : ''}: ${t(`choice_${m.choice}`)}`;
            } else {
              fill = '#ffffff';
              stroke = '#444';
              text = '·';
              title = `${seat.label}${m.title ? ` ${m.title}` : ''}: ${t('notVoted')}`;
            }
          } else if (mode === 'presence' && m) {
            dash = undefined;
            fill = m.group?.color ?? '#777';
            stroke = '#000';
            text = m.group?.letter ?? '';
            textColor = contrastText(fill);
            title = `${seat.label}${m.title ? ` ${m.title}` : ''}: ${t('present')}`;
          }
          return (
            <g key={seat.id} data-seat={seat.id} data-choice={m?.choice ?? ''}>
              <title>{title}</title>
              <circle cx={seat.x} cy={seat.y} r={r} fill={fill} stroke={stroke} strokeWidth={0.35} strokeDasharray={dash} />
              {text ? (
                <text
                  x={seat.x}
                  y={seat.y}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={text.length > 1 ? 2 : 3.2}
                  fontWeight={700}
                  fill={textColor}
                  aria-hidden="true"
                >
                  {text}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {props.showLegend !== false && mode === 'result' ? (
        <figcaption className="legend">
          <span className="sr-only">{t('legend')}: </span>
          {(['for', 'against', 'abstain'] as const).map((c) => (
            <span key={c} className="legend-item">
              <span className="legend-swatch" style={{ background: CHOICE_COLORS[c], color: CHOICE_TEXT[c] }} aria-hidden="true">
                {symbol(c)}
              </span>
              {t(`choice_${c}`)} {counts[c]}
            </span>
          ))}
          <span className="legend-item">
            <span className="legend-swatch legend-none" aria-hidden="true">·</span>
            {t('notVoted')} {counts.none}
          </span>
          <span className="legend-item">
            <span className="legend-swatch legend-empty" aria-hidden="true" />
            {t('emptySeat')}
          </span>
        </figcaption>
      ) : null}
    </figure>
  );
}
