import { area, line } from 'd3-shape';
import { POLICY_STATES, type PolicyState } from '#shared/budget/policy';
import type { PolicyOutcome } from '#shared/simulation/result';
import { dayScale, dayTicks, type DayTick } from './day-axis';
import { percentTicks, TIME_MARGINS, valueScale, type PlotBox, type ValueTick } from './time-layout';

/** One policy state's layer of the stacked timeline. */
export type StateLayer = { state: PolicyState; path: string };

/** The policy timeline: share of trials in each state through the window, stacked from healthy (bottom) to exhausted. */
export type PolicyShareLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  layers: StateLayer[];
  /** The boundary above which trials are at the freeze state or worse: the share with deploys frozen, read from the top. */
  freezePath: string;
  xTicks: DayTick[];
  yTicks: ValueTick[];
};

/** Lays out the share of trials in each policy state at each day as stacked areas, healthy at the bottom, adding up to 100 %. */
export function layoutPolicyShare(
  timeline: PolicyOutcome['timeline'],
  windowDays: number,
  options: { width?: number; plotHeight?: number; freezeAt?: PolicyOutcome['freezeAt'] } = {},
): PolicyShareLayout {
  const width = options.width ?? 960;
  const plot = { left: TIME_MARGINS.left, right: width - 40, top: 12, bottom: 12 + (options.plotHeight ?? 180) };
  const x = dayScale(Math.max(1, windowDays), plot);
  const y = valueScale([0, 1], plot);
  const n = timeline.atDay.length;
  const below = new Array<number>(n).fill(0);
  const layers = POLICY_STATES.map((state) => {
    const share = timeline.share[state];
    const from = below.slice();
    for (let i = 0; i < n; i++) below[i] = below[i]! + (share[i] ?? 0);
    const to = below.slice();
    const path = area<number>()
      .digits(1)
      .x((i) => x(timeline.atDay[i]!))
      .y0((i) => y(Math.min(1, from[i]!)))
      .y1((i) => y(Math.min(1, to[i]!)));
    return { state, path: path(Array.from({ length: n }, (_, i) => i)) ?? '' };
  });
  const frozenFrom = POLICY_STATES.indexOf(options.freezeAt ?? 'critical');
  const unfrozen = timeline.atDay.map((_, i) => POLICY_STATES.slice(0, frozenFrom).reduce((sum, s) => sum + (timeline.share[s][i] ?? 0), 0));
  const freezePath =
    line<number>()
      .digits(1)
      .x((i) => x(timeline.atDay[i]!))
      .y((i) => y(Math.min(1, unfrozen[i]!)))(Array.from({ length: n }, (_, i) => i)) ?? '';
  return { width, height: plot.bottom + 48, plot, layers, freezePath, xTicks: dayTicks(x), yTicks: percentTicks(y, 4) };
}
