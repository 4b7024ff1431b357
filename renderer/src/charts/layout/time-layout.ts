import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import { EXCLUSION_CATEGORY_LABELS, type ExcludedInterval, type ExclusionCategory } from '#shared/analysis/exclusions';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIERS, type Sli, type Tier } from '#shared/domain/types';
import type { ChartLine } from '#shared/ipc/contract';
import { spreadLabels } from './ladder-layout';

/** A span of UTC time in ms, as ChartData gives its full and view ranges. */
export type TimeRange = { startMs: number; endMs: number };

/** The drawing area of a chart inside its viewBox. */
export type PlotBox = { left: number; right: number; top: number; bottom: number };

/** The x scale of every history chart: UTC time to pixels. */
export type TimeScale = ScaleTime<number, number>;

/** A y scale from a value (an SLI or budget fraction) to pixels. */
export type ValueScale = ScaleLinear<number, number>;

/** Width of every time chart's viewBox; with TIME_MARGINS it makes charts of one view line up when stacked. */
export const CHART_WIDTH = 960;

/** Margins shared by the time charts: room for value ticks on the left, tier and end labels on the right. */
export const TIME_MARGINS = { left: 104, right: 150 } as const;

/** Above this many marks the lines go to a canvas: SVG paths of that size stall zooming on a projector laptop. */
export const CANVAS_MARKS = 5_000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Whether a chart with this many marks should draw its lines on a canvas rather than as SVG paths. */
export function shouldUseCanvas(marks: number): boolean {
  return marks > CANVAS_MARKS;
}

/** The x scale of a view; an empty view is widened to one minute so the scale never divides by zero. */
export function timeScale(view: TimeRange, left: number, right: number): TimeScale {
  const endMs = view.endMs > view.startMs ? view.endMs : view.startMs + MINUTE_MS;
  return scaleUtc()
    .domain([new Date(view.startMs), new Date(endMs)])
    .range([left, right]);
}

/** A time tick: its label, and the date or year it belongs to when that changes (shown on a second line). */
export type TimeTick = { x: number; ms: number; label: string; context: string | null };

// Formats by tick spacing: the label says what changes from tick to tick, the context line what does not.
function tickFormats(stepMs: number): { main: string; context: string | null } {
  if (stepMs >= 300 * DAY_MS) return { main: '%Y', context: null };
  if (stepMs >= 28 * DAY_MS) return { main: '%b', context: '%Y' };
  if (stepMs >= DAY_MS) return { main: '%-d %b', context: '%Y' };
  if (stepMs >= MINUTE_MS) return { main: '%H:%M', context: '%-d %b %Y' };
  return { main: '%H:%M:%S', context: '%-d %b %Y' };
}

/** UTC ticks spaced at least minSpacingPx apart, the context (day or year) written under the first tick and wherever it changes. */
export function timeTicks(x: TimeScale, minSpacingPx = 80): TimeTick[] {
  const [left = 0, right = 0] = x.range();
  // d3's count is only a hint (a week asked for 6 ticks gets 8 daily ones), so ask for fewer until they are far enough apart.
  let count = Math.max(2, Math.floor((right - left) / minSpacingPx));
  let ticks = x.ticks(count);
  while (count > 1 && ticks.some((t, i) => i > 0 && x(t) - x(ticks[i - 1]!) < minSpacingPx)) ticks = x.ticks(--count);
  const [d0, d1] = x.domain();
  const stepMs = ticks.length > 1 ? ticks[1]!.getTime() - ticks[0]!.getTime() : d1!.getTime() - d0!.getTime();
  const { main, context } = tickFormats(stepMs);
  const label = x.tickFormat(count, main);
  const contextOf = context ? x.tickFormat(count, context) : null;
  let previous: string | null = null;
  return ticks.map((d) => {
    const current = contextOf ? contextOf(d) : null;
    const tick = { x: x(d), ms: d.getTime(), label: label(d), context: current !== previous ? current : null };
    previous = current;
    return tick;
  });
}

/** The error fraction rounded up to 1, 2 or 5 × 10ⁿ (at most 1), so the floor of the axis is a readable "nines" value. */
export function niceBadFraction(bad: number): number {
  if (!(bad > 0)) return 0;
  if (bad >= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(bad));
  for (const step of [1, 2, 5, 10]) {
    const candidate = Number((step * magnitude).toPrecision(12));
    if (candidate >= bad) return Math.min(1, candidate);
  }
  return 1;
}

/** The floor used when nothing inside the view is below 100 % and no tier is set: 99.9 %. */
const DEFAULT_BAD = 0.001;

/**
 * The y domain of an SLI chart: from just below the worst value visible in the view (or the loosest tier, whichever is
 * lower) up to 100 %, the floor rounded to a "nines-friendly" value and never below 0.
 */
export function sliDomain(lines: readonly ChartLine[], view: TimeRange, tierFractions: readonly number[], marginShare = 0.1): [number, number] {
  let worst = 1;
  for (const l of lines) {
    for (let i = 0; i < l.x.length; i++) {
      const t = l.x[i]!;
      const v = l.y[i]!;
      if (t >= view.startMs && t <= view.endMs && Number.isFinite(v) && v < worst) worst = v;
    }
  }
  for (const f of tierFractions) worst = Math.min(worst, f);
  const bad = (1 - worst) * (1 + marginShare);
  return [Math.max(0, 1 - (bad > 0 ? niceBadFraction(bad) : DEFAULT_BAD)), 1];
}

/** A linear y scale from a domain to a plot's height, higher values up. */
export function valueScale(domain: [number, number], plot: PlotBox): ValueScale {
  return scaleLinear().domain(domain).range([plot.bottom, plot.top]);
}

/** A value tick with its percentage label. */
export type ValueTick = { y: number; value: number; label: string };

/** Percentage ticks of a fraction scale, with just enough decimals to tell neighbours apart ("99.95 %"). */
export function percentTicks(y: ValueScale, count = 5): ValueTick[] {
  const ticks = y.ticks(count);
  const [lo = 0, hi = 1] = y.domain();
  const stepPercent = Number((((ticks.length > 1 ? ticks[1]! - ticks[0]! : hi - lo) || 0.01) * 100).toPrecision(12));
  const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(stepPercent))));
  return ticks.map((value) => ({ y: y(value), value, label: `${(value * 100).toFixed(decimals)} %` }));
}

/** The SVG path of a line, broken wherever y is NaN (a gap in the data); '' when nothing is drawable. */
export function linePath(data: ChartLine, x: TimeScale, y: ValueScale): string {
  const n = Math.min(data.x.length, data.y.length);
  const indices = Array.from({ length: n }, (_, i) => i);
  // A tenth of a pixel is finer than any screen shows and keeps the path string (and its parsing) short.
  const path = line<number>()
    .digits(1)
    .defined((i) => Number.isFinite(data.x[i]!) && Number.isFinite(data.y[i]!))
    .x((i) => x(data.x[i]!))
    .y((i) => y(data.y[i]!));
  return path(indices) ?? '';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A UTC instant for tooltips: "3 Mar 2024 14:05". */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** A UTC span for tooltips, the end's date left out when it is the start's: "3 Mar 2024 02:00 – 04:00 UTC". */
export function formatUtcSpan(startMs: number, endMs: number): string {
  const start = formatUtc(startMs);
  const end = formatUtc(endMs);
  const sameDay = start.slice(0, -6) === end.slice(0, -6);
  return `${start} – ${sameDay ? end.slice(-5) : end} UTC`;
}

/** An excluded period as drawn: its rectangle across the plot, clipped to the view, and its tooltip. */
export type ExclusionBand = { key: string; x: number; width: number; exclusionId: number; category: ExclusionCategory; title: string };

/** The excluded periods overlapping the view as bands, clipped to it; a band stays at least minWidthPx wide so a short one still shows. */
export function exclusionBands(list: readonly ExcludedInterval[], view: TimeRange, x: TimeScale, minWidthPx = 3): ExclusionBand[] {
  const bands: ExclusionBand[] = [];
  for (const e of list) {
    if (!(e.endMs > view.startMs && e.startMs < view.endMs)) continue;
    const startMs = Math.max(e.startMs, view.startMs);
    const endMs = Math.min(e.endMs, view.endMs);
    const x0 = x(startMs);
    const width = Math.max(minWidthPx, x(endMs) - x0);
    bands.push({
      key: `${e.exclusionId}-${e.startMs}`,
      x: Math.min(x0, x(view.endMs) - width),
      width,
      exclusionId: e.exclusionId,
      category: e.category,
      title: `Excluded (${EXCLUSION_CATEGORY_LABELS[e.category]}): ${formatUtcSpan(e.startMs, e.endMs)}`,
    });
  }
  return bands;
}

/** A tier's target as a horizontal line, with its label row nudged clear of the other tiers' labels. */
export type TierLine = { tier: Tier; fraction: number; y: number; labelY: number; label: string };

/** Short tier names for chart labels (the performance target would not fit beside the plot). */
export const TIER_SHORT_NAMES: Readonly<Record<Tier, string>> = { sla: 'SLA', slo: 'SLO', target: 'Target' };

/** The tiers set on the SLI as target lines labelled "SLO 99.9 %", labels at least gapPx apart inside [top, bottom]. */
export function tierLines(sli: Sli, y: ValueScale, top: number, bottom: number, gapPx = 20): TierLine[] {
  const set = TIERS.flatMap((tier) => {
    const o = sli.objectives[tier];
    return o ? [{ tier, ppm: o.targetPpm }] : [];
  });
  const ys = set.map((t) => y(t.ppm / 1_000_000));
  const labelYs = spreadLabels(ys, top, bottom, gapPx);
  return set.map((t, i) => ({
    tier: t.tier,
    fraction: t.ppm / 1_000_000,
    y: ys[i]!,
    labelY: labelYs[i]!,
    label: `${TIER_SHORT_NAMES[t.tier]} ${formatPpmPercent(t.ppm)} %`,
  }));
}
