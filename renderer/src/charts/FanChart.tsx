import { useId, useMemo } from 'react';
import { TIER_LABELS } from '#shared/domain/types';
import type { TierOutcome } from '#shared/simulation/result';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { layoutFan } from './layout/fan-layout';

/**
 * Remaining error budget of each tier through the simulated window: the P10–P90 band of the trials and the median
 * line in the tier's colour, the 0 % line (budget spent) marked, days on x.
 */
export function FanChart({ tiers, width, plotHeight }: { tiers: readonly TierOutcome[]; width?: number; plotHeight?: number }) {
  const l = useMemo(() => layoutFan(tiers, { width, plotHeight }), [tiers, width, plotHeight]);
  const { plot } = l;
  const clip = `fan-clip-${useId().replace(/:/g, '')}`;
  const legend: LegendItem[] = [
    ...l.tiers.map((t): LegendItem => ({ key: t.tier, label: `${TIER_LABELS[t.tier]}: median`, shape: 'line', className: `fan-median fan-${t.tier}` })),
    { key: 'band', label: '10th–90th percentile of the trials', shape: 'box', className: 'fan-band fan-slo' },
  ];
  return (
    <figure className="time-chart fan-chart" data-testid="fan-chart">
      <figcaption className="chart-toolbar">
        <ChartLegend items={legend} label="Legend of the budget fan chart" />
      </figcaption>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={l.summary}>
        <g aria-hidden="true">
          {l.yTicks.map((t) => (
            <g key={t.value} className="value-tick">
              <line className="grid" x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
              <text x={plot.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle">
                {t.label}
              </text>
            </g>
          ))}
          {l.xTicks.map((t) => (
            <g key={t.day} className="time-tick">
              <line className="tick-mark" x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 6} />
              <text x={t.x} y={plot.bottom + 24} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          <line className="axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
          <line className="axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
        </g>
        <clipPath id={clip}>
          <rect x={plot.left} y={plot.top - 4} width={plot.right - plot.left} height={plot.bottom - plot.top + 4} />
        </clipPath>
        <g clipPath={`url(#${clip})`}>
          {l.tiers.map((t) => (
            <path key={`band-${t.tier}`} className={`fan-band fan-${t.tier}`} d={t.bandPath} />
          ))}
        </g>
        <g className="reference tc-ref-zero">
          <line className="fan-zero" x1={plot.left} x2={plot.right} y1={l.zeroY} y2={l.zeroY} />
          <text x={plot.left + 8} y={l.zeroY - 8}>
            0 %: budget spent
          </text>
        </g>
        {l.tiers.map((t) => (
          <g key={`median-${t.tier}`}>
            <path className={`fan-median fan-${t.tier}`} d={t.medianPath} clipPath={`url(#${clip})`} />
            <text className={`fan-label fan-label-${t.tier}`} x={plot.right + 12} y={t.labelY} dominantBaseline="middle">
              {t.label}
            </text>
          </g>
        ))}
      </svg>
      {l.clipped ? (
        <p className="chart-help" data-testid="fan-clipped">
          The axis stops at −100 % (the budget spent twice over); the labels on the right give the real figures.
        </p>
      ) : null}
    </figure>
  );
}
