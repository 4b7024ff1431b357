import { scaleLog } from 'd3-scale';
import { formatCount, formatMinutesRange, type WindowMinutes } from '#shared/budget/budget';
import type { Ladder } from '#shared/budget/ladder';
import { formatPpmPercent, formatPpmPoints } from '#shared/domain/percent';
import { TIER_LABELS, type Sli, type Tier } from '#shared/domain/types';
import { describeWindow } from '#shared/domain/window';

/** A rung as drawn: where it sits on the axis, where its label row sits, how wide its budget bar is and what it says. */
export type RungMark = {
  tier: Tier;
  y: number;
  labelY: number;
  barWidth: number;
  name: string;
  target: string;
  budget: string;
  /** Allowed bad events per window at the service's traffic ("43,200 bad events"); null without traffic. */
  badEvents: string | null;
  detail: string;
  warning: boolean;
};

/** A bracket between two rungs showing the buffer: pp and minutes on its first line, bad events on its second. */
export type BufferMark = { from: Tier; to: Tier; y1: number; y2: number; label: string; sublabel: string | null; negative: boolean };

/** Bad events of a window as text: one count, or "min–max" across calendar periods. */
export function formatEventsRange(range: WindowMinutes): string {
  const text =
    range.min === range.max ? formatCount(range.min) : `${formatCount(Math.min(range.min, range.max))}–${formatCount(Math.max(range.min, range.max))}`;
  return `${text} bad events`;
}

/** The complete ladder picture, in pixels. */
export type LadderLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number; barX: number; barMax: number; bracketX: number };
  ticks: { y: number; label: string }[];
  rungs: RungMark[];
  buffers: BufferMark[];
};

const NINES = [0.5, 0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001];

/** Smallest vertical distance between two label rows (name line and detail line). */
export const LABEL_GAP = 44;

/**
 * Spreads label rows so none overlaps the next, keeping their order and staying within [top, bottom].
 * Rungs keep their true position on the axis; only their labels move, joined by a leader line.
 */
export function spreadLabels(ys: number[], top: number, bottom: number, gap = LABEL_GAP): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed.at(-1) ?? bottom) - bottom;
  if (overflow > 0) {
    placed[placed.length - 1] = bottom;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k]!)));
  return out;
}

/**
 * Lays out the ladder: tiers on one "nines" axis (log scale of the error budget, tightest at the top),
 * a budget bar per tier sized by its minutes per window, and brackets for the buffers between tiers.
 */
export function layoutLadder(sli: Sli, ladder: Ladder, width = 920, height = 300): LadderLayout {
  const barX = 320;
  const plot = { left: 86, right: width - 16, top: 30, bottom: height - 34, barX, barMax: width - barX - 350, bracketX: width - 215 };
  const budgets = ladder.rungs.map((r) => r.budgetPpm / 1_000_000);
  const loose = budgets.length ? Math.max(...budgets) : 0.01;
  const tight = budgets.length ? Math.min(...budgets) : 0.001;
  // Pad the domain so the outer rungs never sit on the frame; one rung still gets a decade around it.
  const y = scaleLog()
    .domain([Math.min(loose * 2, 0.9), tight / 2])
    .range([plot.bottom, plot.top])
    .clamp(true);
  const ticks = NINES.filter((b) => b <= y.domain()[0]! && b >= y.domain()[1]!).map((b) => ({
    y: y(b),
    label: `${formatPpmPercent(Math.round((1 - b) * 1_000_000))} %`,
  }));
  const maxMinutes = Math.max(1e-9, ...ladder.rungs.map((r) => r.budgetMinutes.max));
  const warnedTiers = new Set(ladder.warnings.map((w) => w.tier));
  const labelYs = spreadLabels(
    ladder.rungs.map((r) => y(r.budgetPpm / 1_000_000)),
    plot.top,
    plot.bottom,
  );
  const rungs: RungMark[] = ladder.rungs.map((r, index) => {
    const objective = sli.objectives[r.tier];
    const threshold = objective?.latencyThresholdMs ?? sli.latencyThresholdMs;
    const detail = [objective ? describeWindow(objective.window) : '', sli.kind === 'latency' && threshold !== null ? `under ${threshold} ms` : '']
      .filter(Boolean)
      .join(' · ');
    return {
      tier: r.tier,
      y: y(r.budgetPpm / 1_000_000),
      labelY: labelYs[index]!,
      barWidth: Math.max(2, (r.budgetMinutes.max / maxMinutes) * plot.barMax),
      name: TIER_LABELS[r.tier] === 'performance target' ? 'Target' : TIER_LABELS[r.tier],
      target: `${formatPpmPercent(r.targetPpm)} %`,
      budget: `${formatMinutesRange(r.budgetMinutes)} budget`,
      badEvents: r.badEvents ? formatEventsRange(r.badEvents) : null,
      detail,
      warning: warnedTiers.has(r.tier),
    };
  });
  const buffers: BufferMark[] = ladder.buffers.map((b) => {
    const from = rungs.find((r) => r.tier === b.from)!;
    const to = rungs.find((r) => r.tier === b.to)!;
    return {
      from: b.from,
      to: b.to,
      y1: from.labelY,
      y2: to.labelY,
      label: b.ppm < 0 ? `inverted by ${formatPpmPoints(-b.ppm)}` : `buffer ${formatPpmPoints(b.ppm)} · ${formatMinutesRange(b.minutes)}`,
      sublabel: b.ppm >= 0 && b.badEvents ? formatEventsRange(b.badEvents) : null,
      negative: b.ppm < 0,
    };
  });
  return { width, height, plot, ticks, rungs, buffers };
}
