import { formatPpmPercent } from '../domain/percent';
import { DEFAULT_TIMESLICE, TIERS, type BudgetingMethod, type Objective, type Sli, type Tier, type Timeslice } from '../domain/types';
import { medianStep } from '../domain/step';
import { sliceHistory } from './slices';
import { nearestRankIndex } from '../domain/order-stats';

/** Samples of one SLI over time: times in UTC ms (strictly increasing) with good and total events per sample. */
export type History = { t: Float64Array; good: Float64Array; total: Float64Array };

/** The achieved SLI of every complete trailing window that ends at a sample, with the window's end time. */
export type WindowSeries = { end: Float64Array; sli: Float64Array };

/**
 * The achieved SLI over the trailing window (end − windowMs, end] at every sample whose window lies wholly inside the
 * history; windows without traffic are left out. Two pointers over the samples keep it linear for any sample spacing.
 */
export function rollingWindows(h: History, windowMs: number, beginMs?: number): WindowSeries {
  const n = h.t.length;
  const end = new Float64Array(n);
  const sli = new Float64Array(n);
  if (n === 0) return { end, sli };
  // Each sample stands for the interval of one step before it, so the history begins one step before its first sample.
  const begins = beginMs ?? h.t[0]! - (medianStep(h.t) ?? 0);
  const { t: times, good: goods, total: totals } = h;
  let lo = 0;
  let good = 0;
  let total = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    good += goods[i]!;
    total += totals[i]!;
    const t = times[i]!;
    const leavesMs = t - windowMs;
    while (times[lo]! <= leavesMs) {
      good -= goods[lo]!;
      total -= totals[lo]!;
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

/** How a tier counts its SLI: by events (Occurrences) or by slices of its length judged at its slice target. */
export type Counting = Pick<Objective, 'method' | 'timeslice'>;

/** Counting by events, for an SLI without an SLO. */
export const BY_EVENTS: Counting = { method: 'occurrences', timeslice: null };

/**
 * The history as a tier counts it: the samples themselves for Occurrences; for the time-slice methods its slices
 * (aligned to the history's start), each entry good = good slices, total = slices, so good / total over any run of
 * entries is the SLI the method gives. The one slice formula is sliceTally's, as in the budget windows.
 */
export function countedHistory(h: History, how: Counting): History {
  if (how.method === 'occurrences' || h.t.length === 0) return h;
  const stepMs = medianStep(h.t) ?? 0;
  return sliceHistory(h, 0, h.t.length, h.t[0]! - stepMs, how.timeslice ?? DEFAULT_TIMESLICE, stepMs, how.method === 'ratio-timeslices').slices;
}

/** The rolling SLI as a tier counts it: rollingWindows over countedHistory, windows complete from the samples' own start. */
export function rollingCompliance(h: History, how: Counting, windowMs: number): WindowSeries {
  return rollingOfCounted(h, countedHistory(h, how), windowMs);
}

/** rollingWindows over a counted history, complete from the start of the history it was counted from. */
function rollingOfCounted(h: History, counted: History, windowMs: number): WindowSeries {
  return h.t.length === 0 ? rollingWindows(counted, windowMs) : rollingWindows(counted, windowMs, h.t[0]! - (medianStep(h.t) ?? 0));
}

/** How the headline figures of an SLI's history are counted: as its SLO counts (the tier a recommendation sets), else by events. */
export function headlineCounting(sli: Sli): Counting {
  return sli.objectives.slo ?? BY_EVENTS;
}

/** The value below which a share p (0..1) of the values lie (nearest-rank percentile). */
export function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[nearestRankIndex(p, sorted.length)]!;
}

/**
 * How one tier would have fared over the history, counted by its own method: the share of complete windows in which
 * it was met, and its worst and best window (NaN without windows).
 */
export type TierFit = { tier: Tier; targetPpm: number; method: BudgetingMethod; windows: number; met: number; share: number; worst: number; best: number };

/** What the history says about an SLI over one window length. */
export type HistoryAnalysis = {
  windowMs: number;
  /** How windows, overall, worst, best and the recommendation are counted: as the SLO counts (by events without one). */
  method: BudgetingMethod;
  timeslice: Timeslice | null;
  windows: number;
  /** Achieved SLI over the whole history, and the worst and best complete window. */
  overall: number;
  worst: number;
  best: number;
  tiers: TierFit[];
  /** The SLO met in `confidence` of past windows, rounded down to 0.01 %, with its explanation; null without windows. */
  recommendation: Recommendation | null;
  /** A performance target to aim for: met in STRETCH_CONFIDENCE (75 %) of past windows, so stricter than the SLO; counted as the performance target counts, else as the SLO. */
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

/** The lowest and highest of some SLIs; NaN for none. */
function extremes(sli: Float64Array): { worst: number; best: number } {
  if (sli.length === 0) return { worst: NaN, best: NaN };
  let worst = 1;
  let best = 0;
  for (const v of sli) {
    worst = Math.min(worst, v);
    best = Math.max(best, v);
  }
  return { worst, best };
}

/** Good over total of a whole (counted) history; NaN without traffic. */
function overallOf(h: History): number {
  let good = 0;
  let total = 0;
  for (let i = 0; i < h.t.length; i++) {
    good += h.good[i]!;
    total += h.total[i]!;
  }
  return total > 0 ? good / total : NaN;
}

/**
 * Analyses a history against an SLI's tiers over one window length, each tier counted by its own budgeting method
 * (events, or its slices): achieved SLI, the share of past windows in which each tier would have been met, and a
 * recommended target that was met in `confidence` (default 95 %) of them, counted as the SLO counts.
 */
export function analyseHistory(h: History, sli: Sli, windowMs: number, confidence = 0.95): HistoryAnalysis {
  const cache = new Map<string, { counted: History; w: WindowSeries }>();
  const counted = (how: Counting) => {
    const slice = how.timeslice ?? DEFAULT_TIMESLICE;
    const key = how.method === 'occurrences' ? how.method : `${how.method}:${slice.sliceMinutes}:${slice.sliceTargetPpm}`;
    let entry = cache.get(key);
    if (!entry) {
      const c = countedHistory(h, how);
      entry = { counted: c, w: rollingOfCounted(h, c, windowMs) };
      cache.set(key, entry);
    }
    return entry;
  };
  const tiers: TierFit[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const { w } = counted(objective);
    const target = objective.targetPpm / 1_000_000;
    let met = 0;
    for (let i = 0; i < w.sli.length; i++) if (w.sli[i]! >= target - 1e-12) met++;
    tiers.push({
      tier,
      targetPpm: objective.targetPpm,
      method: objective.method,
      windows: w.sli.length,
      met,
      share: w.sli.length ? met / w.sli.length : 0,
      ...extremes(w.sli),
    });
  }
  const headline = headlineCounting(sli);
  const main = counted(headline);
  const { worst, best } = extremes(main.w.sli);
  const recommend = (how: Counting, share: number) => {
    const { w } = counted(how);
    return w.sli.length > 0 ? recommendTarget(w.sli, share, windowMs, extremes(w.sli).worst, how) : null;
  };
  return {
    windowMs,
    method: headline.method,
    timeslice: headline.method === 'occurrences' ? null : (headline.timeslice ?? { ...DEFAULT_TIMESLICE }),
    windows: main.w.sli.length,
    overall: overallOf(main.counted),
    worst,
    best,
    tiers,
    recommendation: recommend(headline, confidence),
    stretch: recommend(sli.objectives.target ?? headline, STRETCH_CONFIDENCE),
  };
}

/** How figures were counted, for people: "by events", "in 5-minute slices good at 99 %", "as the mean ratio of 5-minute slices". */
export function countingPhrase(how: Counting): string {
  if (how.method === 'occurrences') return 'by events';
  const slice = how.timeslice ?? DEFAULT_TIMESLICE;
  return how.method === 'timeslices'
    ? `in ${slice.sliceMinutes}-minute slices good at ${formatPpmPercent(slice.sliceTargetPpm)} %`
    : `as the mean ratio of ${slice.sliceMinutes}-minute slices`;
}

/** ", counted …" after a figure counted in slices; nothing after one counted by events, the usual way. */
function countedIn(how: Counting): string {
  return how.method === 'occurrences' ? '' : `, counted ${countingPhrase(how)}`;
}

/** The target met in `confidence` of the windows' achieved SLIs, rounded down to 0.01 %, explained with its numbers. */
function recommendTarget(sli: Float64Array, confidence: number, windowMs: number, worst: number, how: Counting): Recommendation {
  const low = percentile(sli, 1 - confidence);
  const targetPpm = Math.min(999_900, floorToBasisPoint(low));
  const marginPpm = Math.round(low * 1_000_000) - targetPpm;
  const days = windowMs / 86_400_000;
  return {
    targetPpm,
    confidence,
    marginPpm,
    explanation:
      `${formatPpmPercent(targetPpm)} % was met in ${Math.round(confidence * 100)} % of the ${sli.length} past ${days}-day windows${countedIn(how)} ` +
      `(the ${Math.round((1 - confidence) * 100)}th percentile of achieved SLI is ${(low * 100).toFixed(4)} %, a margin of ${formatPpmPercent(marginPpm)} pp); ` +
      `the worst window reached ${(worst * 100).toFixed(4)} %.`,
  };
}
