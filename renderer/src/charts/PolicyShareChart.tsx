import { useMemo } from 'react';
import { STATE_LABELS } from '#shared/budget/policy';
import type { PolicyOutcome } from '#shared/simulation/result';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { layoutPolicyShare } from './layout/policy-share-layout';

/** The policy timeline: the share of trials in each budget-policy state through the window, stacked. */
export function PolicyShareChart({ policy, windowDays, summary }: { policy: PolicyOutcome; windowDays: number; summary: string }) {
  const l = useMemo(() => layoutPolicyShare(policy.timeline, windowDays, { plotHeight: 170, freezeAt: policy.freezeAt }), [policy, windowDays]);
  const { plot } = l;
  return (
    <figure className="time-chart policy-share-chart" data-testid="policy-timeline">
      <figcaption className="chart-toolbar">
        <ChartLegend
          items={[
            ...l.layers.map((x): LegendItem => ({ key: x.state, label: STATE_LABELS[x.state], shape: 'box', className: `ps-${x.state}` })),
            { key: 'freeze', label: `above the line: deploys frozen (${STATE_LABELS[policy.freezeAt]} or worse)`, shape: 'line', className: 'ps-freeze' },
          ]}
          label="Policy states"
        />
      </figcaption>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={summary}>
        {l.layers.map((x) => (
          <path key={x.state} className={`ps-layer ps-${x.state}`} d={x.path} />
        ))}
        <path className="ps-freeze" d={l.freezePath} />
        <g aria-hidden="true">
          {l.yTicks.map((t) => (
            <text key={t.value} x={plot.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle">
              {t.label}
            </text>
          ))}
          {l.xTicks.map((t) => (
            <text key={t.day} x={t.x} y={plot.bottom + 24} textAnchor="middle">
              {t.label}
            </text>
          ))}
          <line className="axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        </g>
      </svg>
    </figure>
  );
}
