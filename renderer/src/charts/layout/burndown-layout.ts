import { formatCount } from '#shared/budget/budget';
import type { BurnDown } from '#shared/ipc/contract';
import { spreadLabels } from './ladder-layout';
import { lastIndexIn } from './line-stats';
import { labelWidth } from './alert-marks';
import {
  CHART_WIDTH,
  TIME_MARGINS,
  formatUtc,
  formatUtcSpan,
  linePath,
  percentTicks,
  timeScale,
  timeTicks,
  valueScale,
  type PlotBox,
  type TimeTick,
  type ValueTick,
} from './time-layout';

/** The policy thresholds a burn-down may draw: percentages of the window's budget left. */
export type BurnDownThresholds = { warningBelowPercent: number; criticalBelowPercent: number };

/** A labelled horizontal reference line (a policy threshold or the zero line). */
export type ReferenceLine = { key: 'warning' | 'critical' | 'zero'; y: number; labelY: number; label: string };

/** The label at the end of the remaining-budget line. */
export type EndLabel = { x: number; y: number; labelX: number; anchor: 'start' | 'end'; label: string; detail: string; overspent: boolean };

/** Everything the burn-down chart draws, in viewBox px. */
export type BurnDownLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  xTicks: TimeTick[];
  yTicks: ValueTick[];
  remainingPath: string;
  idealPath: string;
  references: ReferenceLine[];
  end: EndLabel | null;
  summary: string;
};

/** A share of the budget for labels: whole percents from 10 % up, one decimal below ("0.4 %"). */
export function formatShare(share: number): string {
  const percent = Math.abs(share) * 100;
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toFixed(1))} %`;
}

/** How much budget a remaining fraction leaves: "32 % left", "overspent by 40 %". */
export function remainingLabel(remaining: number): string {
  return remaining < 0 ? `overspent by ${formatShare(remaining)}` : `${formatShare(remaining)} left`;
}

/**
 * Lays out a burn-down through one budget window: remaining budget from 100 % down (below 0 when overspent), the even
 * burn that would spend exactly the budget by the window's end, the zero line, optional policy thresholds, and what is
 * left at the last point.
 */
export function layoutBurnDown(b: BurnDown, options: { width?: number; plotHeight?: number; policy?: BurnDownThresholds | null } = {}): BurnDownLayout {
  const width = options.width ?? CHART_WIDTH;
  // A wider right margin than the SLI chart's: the end label ("overspent by 40 %" and the bad events) sits there.
  const plot = { left: TIME_MARGINS.left, right: width - 210, top: 16, bottom: 16 + (options.plotHeight ?? 300) };
  const view = { startMs: b.startMs, endMs: b.endMs };
  const x = timeScale(view, plot.left, plot.right);
  const finite = b.remaining.y.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(1, ...finite);
  const pad = (hi - lo) * 0.06;
  const y = valueScale([lo - pad, hi + pad / 2], plot);
  const refs: { key: ReferenceLine['key']; value: number; label: string }[] = [];
  if (options.policy) {
    refs.push({ key: 'warning', value: options.policy.warningBelowPercent / 100, label: `warning below ${options.policy.warningBelowPercent} %` });
    refs.push({ key: 'critical', value: options.policy.criticalBelowPercent / 100, label: `critical below ${options.policy.criticalBelowPercent} %` });
  }
  refs.push({ key: 'zero', value: 0, label: 'budget spent' });
  // Labels sit just above their line; nudging keeps them readable when the thresholds are close together.
  const labelYs = spreadLabels(
    refs.map((r) => y(r.value) - 6),
    plot.top + 12,
    plot.bottom,
    18,
  );
  const references = refs.map((r, i) => ({ key: r.key, y: y(r.value), labelY: labelYs[i]!, label: r.label }));
  const last = lastIndexIn(b.remaining, view);
  let end: EndLabel | null = null;
  if (last !== null) {
    const r = b.remaining.y[last]!;
    const px = x(b.remaining.x[last]!);
    const label = remainingLabel(r);
    const detail = `${formatCount(Math.max(0, (1 - r) * b.budgetEvents))} / ${formatCount(b.budgetEvents)} bad events`;
    const fitsRight = px + 10 + Math.max(labelWidth(label, 8.6), labelWidth(detail, 7.2)) <= width - 4;
    end = { x: px, y: y(r), labelX: fitsRight ? px + 10 : px - 10, anchor: fitsRight ? 'start' : 'end', label, detail, overspent: r < 0 };
  }
  const summary = [
    `${b.label}: error budget through ${formatUtcSpan(b.startMs, b.endMs)}, ${formatCount(b.budgetEvents)} bad events`,
    end && last !== null ? `${end.label} on ${formatUtc(b.remaining.x[last]!)} UTC` : 'no data in this window',
  ].join('; ');
  return {
    width,
    height: plot.bottom + 52,
    plot,
    xTicks: timeTicks(x),
    yTicks: percentTicks(y, 6),
    remainingPath: linePath(b.remaining, x, y),
    idealPath: `M${x(b.startMs)},${y(1)}L${x(b.endMs)},${y(0)}`,
    references,
    end,
    summary,
  };
}
