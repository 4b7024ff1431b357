import { useMemo } from 'react';
import { STATE_LABELS } from '#shared/budget/policy';
import { TIER_LABELS } from '#shared/domain/types';
import type { PolicyTimeline, ReplayTier } from '#shared/simulation/replay-report';
import { ChartLegend } from './ChartLegend';
import { TimeAxes } from './TimeAxes';
import { layoutReplayBurn, layoutReplayPolicy } from './layout/replay-layout';

type Window = { fromMs: number; toMs: number };

/** One tier's budget burn-down in a replay: the history as it was (dashed) and with the injected events (solid). */
export function ReplayBurnChart({ plain, modified, window }: { plain: ReplayTier; modified: ReplayTier; window: Window }) {
  const l = useMemo(() => layoutReplayBurn(plain.burnDown, modified.burnDown, window, { width: 880, plotHeight: 220 }), [plain, modified, window]);
  const name = TIER_LABELS[plain.tier];
  return (
    <figure className="time-chart replay-burn" data-testid={`replay-burn-${plain.tier}`}>
      <figcaption className="chart-toolbar">
        <strong>{name}: budget left</strong>
        <ChartLegend
          label={`Legend of the ${name} burn-down`}
          items={[
            { key: 'plain', label: 'as it was', shape: 'line', className: 'rp-plain' },
            { key: 'modified', label: 'with injected events', shape: 'line', className: `rp-modified fan-${plain.tier}` },
          ]}
        />
      </figcaption>
      <svg
        className="time-chart-svg"
        viewBox={`0 0 ${l.width} ${l.height}`}
        role="img"
        aria-label={`${name}: ${Math.round(plain.budgetConsumed * 100)} % of the budget spent as it was, ${Math.round(modified.budgetConsumed * 100)} % with the injected events`}
      >
        <TimeAxes plot={l.plot} xTicks={l.xTicks} yTicks={l.yTicks} />
        <line className="fan-zero" x1={l.plot.left} x2={l.plot.right} y1={l.zeroY} y2={l.zeroY} />
        <path className="rp-plain" d={l.plainPath} />
        <path className={`rp-modified fan-${plain.tier}`} d={l.modifiedPath} />
      </svg>
    </figure>
  );
}

/** The budget policy's states through the replayed window, as it was and with the injected events, one row each. */
export function ReplayPolicyChart({ plain, modified, window }: { plain: PolicyTimeline | null; modified: PolicyTimeline | null; window: Window }) {
  const l = useMemo(
    () =>
      layoutReplayPolicy(
        [
          { label: 'As it was', timeline: plain },
          { label: 'With events', timeline: modified },
        ],
        window,
        { width: 880 },
      ),
    [plain, modified, window],
  );
  return (
    <figure className="time-chart replay-policy" data-testid="replay-policy">
      <figcaption className="chart-toolbar">
        <strong>Budget policy states</strong>
        <ChartLegend
          label="Policy states"
          items={(['healthy', 'warning', 'critical', 'exhausted'] as const).map((s) => ({
            key: s,
            label: STATE_LABELS[s],
            shape: 'box',
            className: `ps-${s}`,
          }))}
        />
      </figcaption>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label="Policy states as it was and with the injected events">
        <TimeAxes plot={l.plot} xTicks={l.xTicks} />
        {l.rows.map((row) => (
          <g key={row.label}>
            <text className="row-label" x={l.plot.left - 8} y={row.y + l.rowHeight / 2} textAnchor="end" dominantBaseline="middle">
              {row.label}
            </text>
            {row.bars.map((b) => (
              <rect key={b.key} className={`ps-layer ps-${b.state}`} x={b.x} y={row.y} width={b.width} height={l.rowHeight}>
                <title>{b.title}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
