import { useMemo } from 'react';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import { ChartLegend } from './ChartLegend';
import { formatPercent } from './layout/day-axis';
import { layoutTornado } from './layout/tornado-layout';

/** The sensitivity of a scenario as a tornado: each knob at half and at one and a half times its value, largest swing on top. */
export function TornadoChart({ sensitivity }: { sensitivity: Sensitivity }) {
  const l = useMemo(() => layoutTornado(sensitivity.base, sensitivity.knobs), [sensitivity]);
  const mid = l.rowHeight / 2;
  const summary = `Breach probability of the ${sensitivity.tier.toUpperCase()} as it stands: ${formatPercent(sensitivity.base)}. ${l.bars
    .map((b) => `${b.label}: ${b.lowText} at half, ${b.highText} at one and a half times`)
    .join('; ')}`;
  return (
    <figure className="time-chart tornado-chart" data-testid="tornado-chart">
      <figcaption className="chart-toolbar">
        <ChartLegend
          label="Legend of the tornado chart"
          items={[
            { key: 'low', label: 'knob at half its value', shape: 'box', className: 'tornado-low' },
            { key: 'high', label: 'knob at 1.5× its value', shape: 'box', className: 'tornado-high' },
          ]}
        />
      </figcaption>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={summary}>
        <g aria-hidden="true">
          {l.ticks.map((t) => (
            <g key={t.x}>
              <line className="grid" x1={t.x} x2={t.x} y1={l.plot.top} y2={l.plot.bottom} />
              <text x={t.x} y={l.plot.bottom + 24} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {l.bars.map((b) => (
          <g key={b.knob} className="tornado-row" data-testid={`tornado-${b.knob}`}>
            <text className="tornado-label" x={l.plot.left - 12} y={b.y + mid - 8} textAnchor="end">
              {b.label}
            </text>
            <text className="tornado-value" x={l.plot.left - 12} y={b.y + mid + 12} textAnchor="end">
              {b.valueText}
            </text>
            <rect className="tornado-low" x={Math.min(b.lowX, b.baseX)} y={b.y + 8} width={Math.abs(b.baseX - b.lowX)} height={l.rowHeight - 16} />
            <rect className="tornado-high" x={Math.min(b.highX, b.baseX)} y={b.y + 8} width={Math.abs(b.highX - b.baseX)} height={l.rowHeight - 16} />
            <text className="tornado-end" x={Math.max(b.lowX, b.highX) + 8} y={b.y + mid} dominantBaseline="middle">
              {b.lowText} → {b.highText}
            </text>
          </g>
        ))}
        <line className="tornado-base" x1={l.baseX} x2={l.baseX} y1={l.plot.top - 8} y2={l.plot.bottom} />
        <text className="tornado-base-label" x={l.baseX} y={l.plot.top - 14} textAnchor="middle">
          as it stands: {formatPercent(sensitivity.base)}
        </text>
      </svg>
    </figure>
  );
}
