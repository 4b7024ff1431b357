import { scaleLinear } from 'd3-scale';
import { dayScale, dayTicks, formatPercent, type DayTick } from './day-axis';
import type { PlotBox } from './time-layout';

/** One day's bar: the share of trials whose budget ran out on that day. */
export type DayBar = { day: number; x: number; y: number; width: number; height: number; share: number; title: string };

/** The small bar chart of the day a budget runs out. */
export type ExhaustionLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  bars: DayBar[];
  xTicks: DayTick[];
  maxLabel: string;
  neverLabel: string;
  summary: string;
};

/**
 * Lays out when a tier's budget ran out across the trials: one bar per day of the window, as tall as the share of
 * trials that ran out that day, with the share that never ran out written beside.
 */
export function layoutExhaustion(
  exhaustedOnDay: readonly number[],
  trials: number,
  windowDays: number,
  options: { width?: number; plotHeight?: number } = {},
): ExhaustionLayout {
  const width = options.width ?? 480;
  const plot = { left: 16, right: width - 16, top: 30, bottom: 30 + (options.plotHeight ?? 140) };
  const days = Math.max(1, Math.ceil(windowDays));
  const x = dayScale(days, plot);
  const shares = exhaustedOnDay.map((n) => (trials > 0 ? n / trials : 0));
  const max = Math.max(0, ...shares);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([plot.bottom, plot.top]);
  const step = x(1) - x(0);
  const bars = shares.flatMap((share, day) => {
    if (!(share > 0)) return [];
    const top = y(share);
    const title = `Day ${day + 1}: ${formatPercent(share)} of trials ran out of budget`;
    return [{ day, x: x(day) + step * 0.1, y: top, width: Math.max(1, step * 0.8), height: plot.bottom - top, share, title }];
  });
  const ranOut = shares.reduce((a, b) => a + b, 0);
  const never = Math.max(0, 1 - ranOut);
  return {
    width,
    height: plot.bottom + 34,
    plot,
    bars,
    xTicks: dayTicks(x, 70),
    maxLabel: max > 0 ? `tallest bar ${formatPercent(max)} of trials` : '',
    neverLabel: `never ran out: ${formatPercent(never)}`,
    summary:
      bars.length === 0
        ? 'The budget never ran out in any trial'
        : `The budget ran out in ${formatPercent(ranOut)} of trials, most often on day ${shares.indexOf(max) + 1}; never ran out: ${formatPercent(never)}`,
  };
}
