import { useMemo } from 'react';
import type { TierOutcome } from '#shared/simulation/result';
import { layoutExhaustion } from './layout/exhaustion-layout';

/** When a tier's budget ran out across the trials: a small bar chart over the window, with the share that never ran out. */
export function RunOutChart({ outcome, trials, title }: { outcome: TierOutcome; trials: number; title: string }) {
  const l = useMemo(() => layoutExhaustion(outcome.exhausted, trials, outcome.windowMinutes / 1440, { width: 380, plotHeight: 120 }), [outcome, trials]);
  return (
    <figure className="runout-chart" data-testid={`runout-${outcome.tier}`}>
      <figcaption>
        <strong>{title}</strong> <span className="wf-never">{l.neverLabel}</span>
      </figcaption>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={`${title}: ${l.summary}`}>
        <line className="axis" x1={l.plot.left} x2={l.plot.right} y1={l.plot.bottom} y2={l.plot.bottom} />
        {l.bars.map((b) => (
          <rect key={b.bucket} className={`runout-bar fan-${outcome.tier}`} x={b.x} y={b.y} width={b.width} height={b.height}>
            <title>{b.title}</title>
          </rect>
        ))}
        {l.xTicks.map((t) => (
          <text key={t.day} x={t.x} y={l.plot.bottom + 24} textAnchor="middle" aria-hidden="true">
            {t.label}
          </text>
        ))}
        {l.bars.length === 0 ? (
          <text className="chart-empty" x={(l.plot.left + l.plot.right) / 2} y={(l.plot.top + l.plot.bottom) / 2} textAnchor="middle">
            Never ran out
          </text>
        ) : null}
      </svg>
    </figure>
  );
}
