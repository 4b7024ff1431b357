import { useMemo } from 'react';
import type { BurnDown } from '#shared/ipc/contract';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { TimeAxes } from './TimeAxes';
import { layoutBurnDown, type BurnDownThresholds } from './layout/burndown-layout';

/** Props of BurnDownChart; see the component. */
export type BurnDownChartProps = {
  burnDown: BurnDown;
  /** The budget policy's thresholds, drawn as reference lines when given (a BudgetPolicy fits). */
  policy?: BurnDownThresholds | null;
  width?: number;
  plotHeight?: number;
};

/**
 * Remaining error budget through one window: from 100 % down to 0 % (and below when overspent), against the even
 * burn that would spend exactly the budget by the window's end, with what is left written at the last point.
 */
export function BurnDownChart({ burnDown, policy = null, width, plotHeight }: BurnDownChartProps) {
  const l = useMemo(() => layoutBurnDown(burnDown, { width, plotHeight, policy }), [burnDown, width, plotHeight, policy]);
  const { plot, end } = l;
  const legend: LegendItem[] = [
    { key: 'remaining', label: 'Budget left', shape: 'line', className: 'tc-remaining' },
    { key: 'ideal', label: 'Even burn', shape: 'line', className: 'tc-ideal' },
    ...l.references.filter((r) => r.key !== 'zero').map((r): LegendItem => ({ key: r.key, label: r.label, shape: 'line', className: `tc-ref-${r.key}` })),
  ];
  // The end label sits beside the point when there is room on the right, above and left of it otherwise.
  const labelY = end ? (end.anchor === 'start' ? end.y - 4 : end.y - 30) : 0;
  return (
    <div className="time-chart burndown-chart" data-testid="burndown-chart">
      <div className="chart-toolbar">
        <ChartLegend items={legend} label="Legend of the burn-down chart" />
      </div>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={l.summary}>
        <TimeAxes plot={plot} xTicks={l.xTicks} yTicks={l.yTicks} />
        {l.references.map((r) => (
          <g key={r.key} className={`reference tc-ref-${r.key}`}>
            <line x1={plot.left} x2={plot.right} y1={r.y} y2={r.y} />
            <text x={plot.left + 8} y={r.labelY}>
              {r.label}
            </text>
          </g>
        ))}
        <path className="tc-ideal" d={l.idealPath} />
        <path className="tc-remaining" d={l.remainingPath} />
        {end ? (
          <g className={`end-label${end.overspent ? ' end-overspent' : ''}`}>
            <circle cx={end.x} cy={end.y} r={5} />
            <text className="end-main" x={end.labelX} y={labelY} textAnchor={end.anchor}>
              {end.label}
            </text>
            <text className="end-detail" x={end.labelX} y={labelY + 19} textAnchor={end.anchor}>
              {end.detail}
            </text>
          </g>
        ) : (
          <text className="chart-empty" x={(plot.left + plot.right) / 2} y={(plot.top + plot.bottom) / 2} textAnchor="middle">
            No data in this window
          </text>
        )}
      </svg>
    </div>
  );
}
