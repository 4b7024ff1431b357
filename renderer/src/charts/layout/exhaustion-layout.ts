import { scaleLinear } from 'd3-scale';
import type { TierOutcome } from '#shared/simulation/result';
import { dayScale, dayTicks, formatPercent, type DayTick } from './day-axis';
import type { PlotBox } from './time-layout';

/** One bucket's bar (a day, or an hour in short windows): the share of trials whose budget ran out in it. */
export type RunOutBar = { bucket: number; x: number; y: number; width: number; height: number; share: number; title: string };

/** The small bar chart of when a budget runs out. */
export type ExhaustionLayout = { width: number; height: number; plot: PlotBox; bars: RunOutBar[]; xTicks: DayTick[]; neverLabel: string; summary: string };

/**
 * Lays out when a tier's budget ran out across the trials: one bar per day of the window (per hour in windows under
 * three days), as tall as the share of trials that ran out in it, with the share that never ran out written beside.
 */
export function layoutExhaustion(
  exhausted: TierOutcome['exhausted'],
  trials: number,
  windowDays: number,
  options: { width?: number; plotHeight?: number } = {},
): ExhaustionLayout {
  const width = options.width ?? 480;
  // Room on both sides for the first and last day's tick labels.
  const plot = { left: 28, right: width - 36, top: 12, bottom: 12 + (options.plotHeight ?? 140) };
  const x = dayScale(Math.max(windowDays, 1 / 24), plot);
  const bucketDays = exhausted.bucketMinutes / 1440;
  const unit = exhausted.bucketMinutes >= 1440 ? 'Day' : 'Hour';
  const shares = exhausted.counts.map((n) => (trials > 0 ? n / trials : 0));
  const max = Math.max(0, ...shares);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([plot.bottom, plot.top]);
  const step = x(bucketDays) - x(0);
  const bars = shares.flatMap((share, bucket) => {
    if (!(share > 0)) return [];
    const top = y(share);
    const title = `${unit} ${bucket + 1}: ${formatPercent(share)} of trials ran out of budget`;
    return [{ bucket, x: x(bucket * bucketDays) + step * 0.1, y: top, width: Math.max(1, step * 0.8), height: plot.bottom - top, share, title }];
  });
  const never = trials > 0 ? exhausted.never / trials : 1;
  return {
    width,
    height: plot.bottom + 34,
    plot,
    bars,
    xTicks: dayTicks(x, 80),
    neverLabel: `never ran out: ${formatPercent(never)}`,
    summary:
      bars.length === 0
        ? 'The budget never ran out in any trial'
        : `The budget ran out in ${formatPercent(1 - never)} of trials, most often ${unit === 'Day' ? 'on' : 'in'} ${unit.toLowerCase()} ${shares.indexOf(max) + 1}; never ran out: ${formatPercent(never)}`,
  };
}
