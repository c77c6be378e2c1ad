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

const WIDTH = 640;
const LABEL_WIDTH = 200;
const ROW_HEIGHT = 28;
const TOP = 24;
const TICKS = [0, 25, 50, 75, 100];

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
  const height = TOP + rows.length * ROW_HEIGHT + 8;
  const x = (value: number) =>
    LABEL_WIDTH + (Math.max(0, Math.min(100, value)) / 100) * (WIDTH - LABEL_WIDTH - 16);
  return (
    <figure class="results-chart">
      <figcaption id={`${id}-caption`}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
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
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} stroke="#d0d7de" />
            <text x={x(tick)} y={TOP - 10} text-anchor="middle" font-size="11" fill="#24292f">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
          return (
            <g key={index} aria-hidden="true">
              <text x={LABEL_WIDTH - 8} y={y + 4} text-anchor="end" font-size="12" fill="#24292f">
                {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
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
