import type { PlotBox, TimeTick, ValueTick } from './layout/time-layout';

type Props = { plot: PlotBox; xTicks: readonly TimeTick[]; yTicks?: readonly ValueTick[]; xAxisY?: number };

/**
 * The axes every time chart shares: value gridlines with their percentages on the left, and UTC time ticks under the
 * plot (or under xAxisY) with the day or year written on a second line where it changes.
 */
export function TimeAxes({ plot, xTicks, yTicks = [], xAxisY = plot.bottom }: Props) {
  return (
    <g className="time-axes" aria-hidden="true">
      {yTicks.map((t) => (
        <g key={t.value} className="value-tick">
          <line className="grid" x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
          <text x={plot.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={t.ms} className="time-tick">
          <line className="grid" x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} />
          <line className="tick-mark" x1={t.x} x2={t.x} y1={xAxisY} y2={xAxisY + 6} />
          <text x={t.x} y={xAxisY + 22} textAnchor="middle">
            {t.label}
          </text>
          {t.context ? (
            <text className="tick-context" x={t.x} y={xAxisY + 40} textAnchor="middle">
              {t.context}
            </text>
          ) : null}
        </g>
      ))}
      <line className="axis" x1={plot.left} x2={plot.right} y1={xAxisY} y2={xAxisY} />
      {yTicks.length ? <line className="axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} /> : null}
      <text className="axis-note" x={plot.right} y={xAxisY + 40} textAnchor="end">
        UTC
      </text>
    </g>
  );
}
