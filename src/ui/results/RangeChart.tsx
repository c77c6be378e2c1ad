import { useEffect, useState } from 'preact/hooks';

export interface RangeChartRow {
  label: string;
  /** The lowest and highest value of the row (a line between them). */
  min: number;
  max: number;
  /** The row's main value: a thick mark. */
  centre: number;
  /** Single values drawn as dots (each judge's total). */
  points?: readonly number[];
  /** A box, e.g. mean ± one standard deviation. */
  band?: readonly [number, number];
  /** The sentence a screen reader reads for this row. */
  description: string;
}

/**
 * Two layouts in the SVG's own units. On a desk the label sits left of its row. On a phone
 * the SVG is about 290 px wide, so a 640-unit drawing would shrink its text to 5 px: there
 * the drawing is about as wide as the screen (text near its nominal size) and each label
 * sits on its own line above the row.
 */
interface Layout {
  width: number;
  /** Where the 0–100 axis starts and ends. */
  left: number;
  right: number;
  rowHeight: number;
  top: number;
  /** Where a row's label goes, relative to the row's line, and how long it may be. */
  label: { x: number; dy: number; anchor: 'start' | 'end'; maxChars: number; size: number };
  tickSize: number;
}

const WIDE: Layout = {
  width: 640,
  left: 200,
  right: 640 - 16,
  rowHeight: 28,
  top: 24,
  label: { x: 192, dy: 4, anchor: 'end', maxChars: 28, size: 12 },
  tickSize: 11,
};
const NARROW: Layout = {
  width: 300,
  left: 12,
  right: 300 - 12,
  rowHeight: 46,
  top: 22,
  label: { x: 2, dy: -13, anchor: 'start', maxChars: 34, size: 14 },
  tickSize: 12,
};
/** Below this width (the management screens' breakpoint) the narrow layout is used. */
const NARROW_QUERY = '(max-width: 40rem)';
const TICKS = [0, 25, 50, 75, 100];

/** Whether the screen is phone-narrow, following rotation and window resizes. */
function useNarrowScreen(): boolean {
  const media = () =>
    typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
  const [narrow, setNarrow] = useState(() => media()?.matches ?? false);
  useEffect(() => {
    const query = media();
    if (!query) return;
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/**
 * Rows of values on the 0–100 score scale, drawn by hand in SVG (no chart library in the
 * panitia's chunk). The figure's caption names it; the SVG is one image whose title and
 * description say in words what each row shows, so the chart is never the only way in.
 */
export function RangeChart(props: {
  id: string;
  title: string;
  description: string;
  rows: readonly RangeChartRow[];
}) {
  const { id, rows } = props;
  const layout = useNarrowScreen() ? NARROW : WIDE;
  const { top, rowHeight, label } = layout;
  const height = top + rows.length * rowHeight + 8;
  const x = (value: number) =>
    layout.left + (Math.max(0, Math.min(100, value)) / 100) * (layout.right - layout.left);
  return (
    <figure class="results-chart">
      <figcaption id={`${id}-caption`}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${layout.width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>
          {[props.description, ...rows.map((row) => row.description)].join(' ')}
        </desc>
        {TICKS.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={x(tick)} x2={x(tick)} y1={top - 6} y2={height - 8} stroke="#d0d7de" />
            <text
              x={x(tick)}
              y={top - 10}
              text-anchor="middle"
              font-size={layout.tickSize}
              fill="#24292f"
            >
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          // In the narrow layout the row's line sits low in its band, under its label.
          const y = top + index * rowHeight + (layout === NARROW ? 32 : rowHeight / 2);
          return (
            <g key={index} aria-hidden="true">
              <text
                x={label.x}
                y={y + label.dy}
                text-anchor={label.anchor}
                font-size={label.size}
                fill="#24292f"
                stroke="#ffffff"
                stroke-width="3"
                paint-order="stroke"
              >
                {row.label.length > label.maxChars
                  ? `${row.label.slice(0, label.maxChars - 1)}…`
                  : row.label}
              </text>
              <line
                x1={x(row.min)}
                x2={x(row.max)}
                y1={y}
                y2={y}
                stroke="#57606a"
                stroke-width="2"
              />
              {row.band && (
                <rect
                  x={x(row.band[0])}
                  y={y - 7}
                  width={Math.max(1, x(row.band[1]) - x(row.band[0]))}
                  height={14}
                  fill="#b6e3c8"
                  stroke="#0b5d3b"
                />
              )}
              {row.points?.map((value, n) => (
                <circle key={n} cx={x(value)} cy={y} r={4} fill="#ffffff" stroke="#0b5d3b" />
              ))}
              <line
                x1={x(row.centre)}
                x2={x(row.centre)}
                y1={y - 9}
                y2={y + 9}
                stroke="#0b5d3b"
                stroke-width="4"
              />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
