import { area, line } from 'd3-shape';
import type { Tier } from '#shared/domain/types';
import type { Bands, TierOutcome } from '#shared/simulation/result';
import { dayScale, dayTicks, formatPercent, type DayTick } from './day-axis';
import { spreadLabels } from './ladder-layout';
import { percentTicks, TIER_SHORT_NAMES, TIME_MARGINS, valueScale, type PlotBox, type ValueTick } from './time-layout';

/** One tier of the fan chart: its P10–P90 band, its P50 line, and the label at the line's end. */
export type FanTier = { tier: Tier; bandPath: string; medianPath: string; endY: number; labelY: number; label: string };

/** Everything the fan chart of remaining budget draws, in viewBox px. */
export type FanLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  xTicks: DayTick[];
  yTicks: ValueTick[];
  zeroY: number;
  tiers: FanTier[];
  /** Whether some band or line runs below the axis's floor (−100 %) and is cut off there. */
  clipped: boolean;
  summary: string;
};

/** The lowest remaining budget the axis shows: spent twice over. Further down, the tiers that matter would be squeezed flat. */
export const FAN_FLOOR = -1;

const daysOf = (t: TierOutcome) => t.windowMinutes / 1440;

function finite(bands: Bands): number[] {
  return [...bands.p10, ...bands.p90].filter(Number.isFinite);
}

/**
 * Lays out the remaining error budget of each tier through its window: the band between the 10th and 90th
 * percentile of the trials, the median as a line, the zero line (budget spent) marked, days on x. Tiers with windows
 * of different lengths share one day axis as long as the longest.
 */
export function layoutFan(tiers: readonly TierOutcome[], options: { width?: number; plotHeight?: number } = {}): FanLayout {
  const width = options.width ?? 960;
  // Room on the right for "SLO: P50 32 % left" at each median's end.
  const plot = { left: TIME_MARGINS.left, right: width - 260, top: 20, bottom: 20 + (options.plotHeight ?? 360) };
  const days = Math.max(1, ...tiers.map(daysOf));
  const x = dayScale(days, plot);
  const values = tiers.flatMap((t) => finite(t.remaining));
  const lowest = Math.min(0, ...values);
  const lo = Math.max(FAN_FLOOR, lowest);
  const hi = Math.max(1, ...values);
  const pad = (hi - lo) * 0.05;
  const y = valueScale([lo - pad, hi + pad], plot);
  const drawn = tiers.map((t) => {
    const b = t.remaining;
    const index = b.atDay.map((_, i) => i).filter((i) => Number.isFinite(b.p10[i]!) && Number.isFinite(b.p90[i]!));
    const band = area<number>()
      .digits(1)
      .x((i) => x(b.atDay[i]!))
      .y0((i) => y(b.p10[i]!))
      .y1((i) => y(b.p90[i]!));
    const median = line<number>()
      .digits(1)
      .x((i) => x(b.atDay[i]!))
      .y((i) => y(b.p50[i]!));
    const last = b.p50.at(-1) ?? 1;
    return { t, bandPath: band(index) ?? '', medianPath: median(index) ?? '', endY: y(last), last };
  });
  const labelYs = spreadLabels(
    drawn.map((d) => Math.min(d.endY, plot.bottom)),
    plot.top + 10,
    plot.bottom,
    26,
  );
  const fan = drawn.map((d, i) => ({
    tier: d.t.tier,
    bandPath: d.bandPath,
    medianPath: d.medianPath,
    endY: Math.min(d.endY, plot.bottom),
    labelY: labelYs[i]!,
    label: `${TIER_SHORT_NAMES[d.t.tier]}: ${d.last < 0 ? `overspent ${formatPercent(-d.last)}` : `${formatPercent(d.last)} left`}`,
  }));
  const summary = `Remaining error budget over ${Math.round(days)} days, median and 10th–90th percentile of the trials: ${fan.map((f) => f.label).join('; ')}`;
  return {
    width,
    height: plot.bottom + 48,
    plot,
    xTicks: dayTicks(x),
    yTicks: percentTicks(y, 6),
    zeroY: y(0),
    tiers: fan,
    clipped: lowest < FAN_FLOOR,
    summary,
  };
}
