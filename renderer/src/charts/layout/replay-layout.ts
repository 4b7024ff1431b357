import type { PolicyState } from '#shared/budget/policy';
import type { PolicyTimeline, ReplayLine } from '#shared/simulation/replay-report';
import {
  formatUtcSpan,
  linePath,
  percentTicks,
  TIME_MARGINS,
  timeScale,
  timeTicks,
  valueScale,
  type PlotBox,
  type TimeTick,
  type ValueTick,
} from './time-layout';

/** The burn-down of one tier in a replay: remaining budget as it was and with the injected events, on one time axis. */
export type ReplayBurnLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  xTicks: TimeTick[];
  yTicks: ValueTick[];
  zeroY: number;
  plainPath: string;
  modifiedPath: string;
};

const finiteOf = (l: ReplayLine) => l.y.filter(Number.isFinite);

/** Lays out the plain and the modified burn-down of one tier over the replayed window, 0 % (budget spent) marked. */
export function layoutReplayBurn(
  plain: ReplayLine,
  modified: ReplayLine,
  window: { fromMs: number; toMs: number },
  options: { width?: number; plotHeight?: number } = {},
): ReplayBurnLayout {
  const width = options.width ?? 960;
  const plot = { left: TIME_MARGINS.left, right: width - 40, top: 14, bottom: 14 + (options.plotHeight ?? 220) };
  const x = timeScale({ startMs: window.fromMs, endMs: window.toMs }, plot.left, plot.right);
  const values = [...finiteOf(plain), ...finiteOf(modified)];
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const pad = (hi - lo) * 0.05;
  const y = valueScale([lo - pad, hi + pad], plot);
  return {
    width,
    height: plot.bottom + 48,
    plot,
    xTicks: timeTicks(x),
    yTicks: percentTicks(y, 5),
    zeroY: y(0),
    plainPath: linePath(plain, x, y),
    modifiedPath: linePath(modified, x, y),
  };
}

/** One interval of a policy state as a bar. */
export type StateBar = { key: string; state: PolicyState; x: number; width: number; title: string };

/** The policy states of a replay's two sides as rows of bars on one time axis. */
export type ReplayPolicyLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  rowHeight: number;
  xTicks: TimeTick[];
  rows: { label: string; y: number; bars: StateBar[] }[];
};

/** Lays out the policy intervals of the plain and the modified history as two rows over the replayed window. */
export function layoutReplayPolicy(
  sides: readonly { label: string; timeline: PolicyTimeline | null }[],
  window: { fromMs: number; toMs: number },
  options: { width?: number } = {},
): ReplayPolicyLayout {
  const width = options.width ?? 960;
  const rowHeight = 36;
  const plot = { left: TIME_MARGINS.left, right: width - 40, top: 8, bottom: 8 + sides.length * (rowHeight + 10) };
  const x = timeScale({ startMs: window.fromMs, endMs: window.toMs }, plot.left, plot.right);
  const rows = sides.map((side, i) => ({
    label: side.label,
    y: plot.top + i * (rowHeight + 10),
    bars: (side.timeline?.intervals ?? []).flatMap((iv) => {
      const startMs = Math.max(iv.startMs, window.fromMs);
      const endMs = Math.min(iv.endMs, window.toMs);
      if (!(endMs > startMs)) return [];
      return [
        {
          key: `${iv.state}-${iv.startMs}`,
          state: iv.state,
          x: x(startMs),
          width: Math.max(2, x(endMs) - x(startMs)),
          title: `${iv.state}: ${formatUtcSpan(iv.startMs, iv.endMs)}`,
        },
      ];
    }),
  }));
  return { width, height: plot.bottom + 48, plot, rowHeight, xTicks: timeTicks(x), rows };
}
