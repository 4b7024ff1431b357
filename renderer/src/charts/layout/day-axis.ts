import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { PlotBox } from './time-layout';

/** An x scale over days of a simulated window (0 = its start). */
export type DayScale = ScaleLinear<number, number>;

/** A day tick: where it sits and its label ("day 10"). */
export type DayTick = { x: number; day: number; label: string };

/** The x scale of the What-if charts: days 0 to `days` across the plot. */
export function dayScale(days: number, plot: PlotBox): DayScale {
  return scaleLinear()
    .domain([0, days > 0 ? days : 1])
    .range([plot.left, plot.right]);
}

/** Whole-day ticks at least minSpacingPx apart, labelled "day N" (the first one "start"). */
export function dayTicks(x: DayScale, minSpacingPx = 90): DayTick[] {
  const [left = 0, right = 0] = x.range();
  const count = Math.max(2, Math.floor((right - left) / minSpacingPx));
  return x
    .ticks(count)
    .filter(Number.isInteger)
    .map((day) => ({ x: x(day), day, label: day === 0 ? 'start' : `day ${day}` }));
}

/** A probability or share for people: one decimal below 10 % and between 90 % and 100 % (so 99.7 % never reads 100 %), whole percents elsewhere. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent === 0 || percent === 100) return `${percent} %`;
  if (Math.abs(percent) < 10 || (Math.abs(percent) > 90 && Math.abs(percent) < 100)) return `${Number(percent.toFixed(1))} %`;
  return `${Math.round(percent)} %`;
}
