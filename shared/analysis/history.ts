import { formatPpmPercent } from '../domain/percent';
import { TIERS, type Sli, type Tier } from '../domain/types';

/** Samples of one SLI over time: times in UTC ms (strictly increasing) with good and total events per sample. */
export type History = { t: Float64Array; good: Float64Array; total: Float64Array };

/** The achieved SLI of every complete trailing window that ends at a sample, with the window's end time. */
export type WindowSeries = { end: Float64Array; sli: Float64Array };

/**
 * The achieved SLI over the trailing window (end − windowMs, end] at every sample whose window lies wholly inside the
 * history; windows without traffic are left out. Two pointers over the samples keep it linear for any sample spacing.
 */
export function rollingWindows(h: History, windowMs: number): WindowSeries {
  const n = h.t.length;
  const end = new Float64Array(n);
  const sli = new Float64Array(n);
  if (n === 0) return { end, sli };
  // Each sample stands for the interval of one step before it, so the history begins one step before its first sample.
  const begins = h.t[0]! - medianStep(h.t);
  let lo = 0;
  let good = 0;
  let total = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    good += h.good[i]!;
    total += h.total[i]!;
    const t = h.t[i]!;
    while (h.t[lo]! <= t - windowMs) {
      good -= h.good[lo]!;
      total -= h.total[lo]!;
      lo++;
    }
    // A window is complete once the history reaches back a whole window before its end.
    if (t - windowMs >= begins && total > 0) {
      end[k] = t;
      sli[k] = Math.min(1, Math.max(0, good / total));
      k++;
    }
  }
  return { end: end.subarray(0, k), sli: sli.subarray(0, k) };
}

/** The typical spacing of sample times (median difference), or 0 with fewer than two samples. */
export function medianStep(t: Float64Array): number {
  if (t.length < 2) return 0;
  // Most series keep one step: a step held by more than half of the gaps is the median, found without sorting.
  const majority = majorityStep(t);
  if (majority !== null) return majority;
  const steps = new Float64Array(t.length - 1);
  for (let i = 1; i < t.length; i++) steps[i - 1] = t[i]! - t[i - 1]!;
  return percentile(steps, 0.5);
}

/** The step between consecutive times that more than half of the gaps share (Boyer–Moore vote), or null. */
function majorityStep(t: Float64Array): number | null {
  let candidate = 0;
  let votes = 0;
  for (let i = 1; i < t.length; i++) {
    const step = t[i]! - t[i - 1]!;
    if (votes === 0) candidate = step;
    votes += step === candidate ? 1 : -1;
  }
  let count = 0;
  for (let i = 1; i < t.length; i++) if (t[i]! - t[i - 1]! === candidate) count++;
  return count * 2 > t.length - 1 ? candidate : null;
}

/** The value below which a share p (0..1) of the values lie (nearest-rank percentile). */
export function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** How one tier would have fared over the history: the share of complete windows in which it was met. */
export type TierFit = { tier: Tier; targetPpm: number; windows: number; met: number; share: number };

/** What the history says about an SLI over one window length. */
export type HistoryAnalysis = {
  windowMs: number;
  windows: number;
  /** Achieved SLI over the whole history, and the worst and best complete window. */
  overall: number;
  worst: number;
  best: number;
  tiers: TierFit[];
  /** The SLO met in `confidence` of past windows, rounded down to 0.01 %, with its explanation; null without windows. */
  recommendation: Recommendation | null;
  /** A performance target to aim for: met in STRETCH_CONFIDENCE (75 %) of past windows, so stricter than the SLO. */
  stretch: Recommendation | null;
};

/** A target drawn from the history: met in `confidence` of past windows, with the margin and the sentence that explain it. */
export type Recommendation = { targetPpm: number; confidence: number; marginPpm: number; explanation: string };

/** Share of past windows the recommended performance target was met in: a level reached most of the time, not always. */
export const STRETCH_CONFIDENCE = 0.75;

/** Rounds an SLI down to whole hundredths of a percent, in ppm: a target the history supports, never above it. */
function floorToBasisPoint(sli: number): number {
  return Math.floor(sli * 10_000 + 1e-9) * 100;
}

/**
 * Analyses a history against an SLI's tiers over one window length: achieved SLI, the share of past windows in which
 * each tier would have been met, and a recommended target that was met in `confidence` (default 95 %) of them.
 */
export function analyseHistory(h: History, sli: Sli, windowMs: number, confidence = 0.95): HistoryAnalysis {
  const w = rollingWindows(h, windowMs);
  let good = 0;
  let total = 0;
  for (let i = 0; i < h.t.length; i++) {
    good += h.good[i]!;
    total += h.total[i]!;
  }
  const tiers: TierFit[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const target = objective.targetPpm / 1_000_000;
    let met = 0;
    for (let i = 0; i < w.sli.length; i++) if (w.sli[i]! >= target - 1e-12) met++;
    tiers.push({ tier, targetPpm: objective.targetPpm, windows: w.sli.length, met, share: w.sli.length ? met / w.sli.length : 0 });
  }
  let worst = 1;
  let best = 0;
  for (const v of w.sli) {
    worst = Math.min(worst, v);
    best = Math.max(best, v);
  }
  const recommend = (share: number) => (w.sli.length > 0 ? recommendTarget(w.sli, share, windowMs, worst) : null);
  return { windowMs, windows: w.sli.length, overall: total > 0 ? good / total : NaN, worst: w.sli.length ? worst : NaN, best: w.sli.length ? best : NaN, tiers,
    recommendation: recommend(confidence), stretch: recommend(STRETCH_CONFIDENCE) };
}

/** The target met in `confidence` of the windows' achieved SLIs, rounded down to 0.01 %, explained with its numbers. */
function recommendTarget(sli: Float64Array, confidence: number, windowMs: number, worst: number): Recommendation {
  const low = percentile(sli, 1 - confidence);
  const targetPpm = Math.min(999_900, floorToBasisPoint(low));
  const marginPpm = Math.round(low * 1_000_000) - targetPpm;
  const days = windowMs / 86_400_000;
  return {
    targetPpm,
    confidence,
    marginPpm,
    explanation: `${formatPpmPercent(targetPpm)} % was met in ${Math.round(confidence * 100)} % of the ${sli.length} past ${days}-day windows `
      + `(the ${Math.round((1 - confidence) * 100)}th percentile of achieved SLI is ${(low * 100).toFixed(4)} %, a margin of ${formatPpmPercent(marginPpm)} pp); `
      + `the worst window reached ${(worst * 100).toFixed(4)} %.`,
  };
}
