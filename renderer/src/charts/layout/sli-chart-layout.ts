import type { Firing } from '#shared/analysis/backtest';
import type { Sli } from '#shared/domain/types';
import type { ChartData } from '#shared/ipc/contract';
import { lastIndexIn, lowestIn } from './line-stats';
import { FIRING_ROW_LABELS, SEVERITY_ROWS, countOf, firingBars, type BarRow, type FiringBar } from './alert-marks';
// A list of imported helpers; time-layout.test.ts imports the same ones to test them.
import {
  CHART_WIDTH,
  TIME_MARGINS,
  exclusionBands,
  formatUtc,
  linePath,
  percentTicks,
  shouldUseCanvas,
  sliDomain,
  tierLines,
  timeScale,
  timeTicks,
  valueScale,
  type ExclusionBand,
  type PlotBox,
  type TierLine,
  type TimeRange,
  type TimeScale,
  type TimeTick,
  type ValueTick,
} from './time-layout';

/** Everything the SLI chart draws, in viewBox px. */
export type SliChartLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  view: TimeRange;
  x: TimeScale;
  domain: [number, number];
  xTicks: TimeTick[];
  yTicks: ValueTick[];
  sliPath: string;
  rollingPath: string;
  tiers: TierLine[];
  bands: ExclusionBand[];
  rows: BarRow[];
  bars: FiringBar[];
  marks: number;
  canvas: boolean;
  summary: string;
  /** A note when single samples dip below the y axis, which is scaled to the tiers and the rolling line. */
  clippedNote: string | null;
};

/** Options of layoutSliChart: the viewBox width, the plot's height and the firings to mark under it. */
export type SliChartOptions = { width?: number; plotHeight?: number; firings?: readonly Firing[] | null };

const ROW_HEIGHT = 22;
const ROW_GAP = 6;

/** A fraction as a percentage for sentences: 0.99953 → "99.953 %". */
export function formatFraction(v: number): string {
  return `${Number((v * 100).toFixed(3))} %`;
}

/**
 * Lays out the SLI chart of a view (the data's own, or a zoom being previewed): the per-sample and rolling lines, the
 * tier targets, the excluded periods, and optionally a page and a ticket row of alert firings under the time axis.
 */
export function layoutSliChart(data: ChartData, sli: Sli, view: TimeRange, options: SliChartOptions = {}): SliChartLayout {
  const width = options.width ?? CHART_WIDTH;
  const plot = { left: TIME_MARGINS.left, right: width - TIME_MARGINS.right, top: 16, bottom: 16 + (options.plotHeight ?? 330) };
  const x = timeScale(view, plot.left, plot.right);
  const tiersSet = Object.values(sli.objectives).flatMap((o) => (o ? [o.targetPpm / 1_000_000] : []));
  // The axis fits the tiers and the rolling line: one bad minute must not squash the tiers into a hairline at the
  // top. Samples below it run off the bottom edge (and a note says how low they went). Without a rolling line yet,
  // the samples set the axis.
  const domain = sliDomain([lowestIn(data.rolling, view) === null ? data.sli : data.rolling], view, tiersSet);
  const y = valueScale(domain, plot);
  const firings = options.firings ?? null;
  const rowsTop = plot.bottom + 56;
  const rows: BarRow[] = firings
    ? SEVERITY_ROWS.map((key, i) => ({ key, label: FIRING_ROW_LABELS[key]!, y: rowsTop + i * (ROW_HEIGHT + ROW_GAP), height: ROW_HEIGHT }))
    : [];
  const bars = firings ? firingBars(firings, view, x, 'severity') : [];
  const marks = data.sli.x.length + data.rolling.x.length;
  const tiers = tierLines(sli, y, plot.top, plot.bottom);
  const bands = exclusionBands(data.exclusions, view, x);
  const low = lowestIn(data.sli, view);
  const clippedNote =
    low !== null && low < domain[0] ? `Samples dipping below ${formatFraction(domain[0])} run off the bottom; the lowest is ${formatFraction(low)}` : null;
  const lastIndex = lastIndexIn(data.rolling, view);
  const last = lastIndex === null ? null : data.rolling.y[lastIndex]!;
  const summary = [
    `SLI ${sli.name} (${data.series}) from ${formatUtc(view.startMs)} to ${formatUtc(view.endMs)} UTC`,
    low === null ? 'no samples in view' : `lowest sample ${formatFraction(low)}`,
    last === null ? null : `${data.windowDays}-day compliance ${formatFraction(last)} at the end`,
    tiers.length ? tiers.map((t) => t.label).join(', ') : 'no tiers set',
    countOf(bands.length, 'excluded period'),
    firings
      ? `${countOf(bars.filter((b) => b.severity === 'page').length, 'page')} and ${countOf(bars.filter((b) => b.severity === 'ticket').length, 'ticket')} fired`
      : null,
  ]
    .filter((s): s is string => s !== null)
    .join('; ');
  const lastRow = rows.at(-1);
  return {
    clippedNote,
    width,
    height: lastRow ? lastRow.y + lastRow.height + 8 : plot.bottom + 52,
    plot,
    view,
    x,
    domain,
    xTicks: timeTicks(x),
    yTicks: percentTicks(y),
    sliPath: linePath(data.sli, x, y),
    rollingPath: linePath(data.rolling, x, y),
    tiers,
    bands,
    rows,
    bars,
    marks,
    canvas: shouldUseCanvas(marks),
    summary,
  };
}
