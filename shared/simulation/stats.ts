// Summaries of Monte Carlo trials: probabilities with their confidence interval, percentiles, histograms.
import type { Estimate, Spread } from './result';
import { nearestRankIndex } from '../domain/order-stats';

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * A probability from `count` successes in `trials`, with its 95 % Wilson score interval (it stays inside [0, 1] and
 * is honest at 0 and at 1, where the normal approximation collapses to a point).
 */
export function estimate(count: number, trials: number): Estimate {
  const p = count / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 and at every trial the interval's end is exactly 0 or 1; rounding would leave a hair.
  const low = count === 0 ? 0 : Math.max(0, centre - half);
  const high = count === trials ? 1 : Math.min(1, centre + half);
  return { probability: p, low, high, count, trials };
}

/** The nearest-rank percentile p (0..1) of values already sorted ascending. */
export function sortedPercentile(sorted: Float64Array, p: number): number {
  return sorted[nearestRankIndex(p, sorted.length)]!;
}

/** Mean, P10, P50 and P90 of some values (reordered in place: each percentile is selected, not the whole array sorted). */
export function spreadOf(values: Float64Array): Spread {
  let sum = 0;
  for (const v of values) sum += v;
  const n = values.length;
  const i10 = nearestRankIndex(0.1, n);
  const i50 = nearestRankIndex(0.5, n);
  const i90 = nearestRankIndex(0.9, n);
  select(values, i50, 0, n - 1);
  // Below and above the median (which stays where it is), the others.
  if (i10 < i50) select(values, i10, 0, i50 - 1);
  if (i90 > i50) select(values, i90, i50 + 1, n - 1);
  return { mean: sum / n, p10: values[i10]!, p50: values[i50]!, p90: values[i90]! };
}

/**
 * Reorders a[lo..hi] so that a[k] holds the value sorted order puts there, with nothing larger before it and nothing
 * smaller after it (Hoare's selection, the middle of three as pivot).
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Mean, P10, P50 and P90 of small whole numbers (alert counts), by counting rather than sorting: the same as spreadOf. */
export function spreadOfCounts(values: Float64Array): Spread {
  let max = 0;
  let sum = 0;
  for (const v of values) {
    sum += v;
    if (v > max) max = v;
  }
  const counts = new Float64Array(max + 1);
  for (const v of values) counts[v] = counts[v]! + 1;
  const at = (p: number) => {
    const rank = Math.max(1, nearestRankIndex(p, values.length) + 1);
    let seen = 0;
    for (let v = 0; v <= max; v++) {
      seen += counts[v]!;
      if (seen >= rank) return v;
    }
    return max;
  };
  return { mean: sum / values.length, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

/**
 * A fixed-bin histogram of values in [low, high], for percentiles of many columns without keeping every value: values
 * below low are counted in an underflow bin read as `low`, values at or above high in the top bin read as `high`.
 * Percentiles are exact to one bin width.
 */
export class BinnedColumns {
  readonly bins: number;
  private readonly counts: Uint32Array;
  private readonly totals: Uint32Array;

  constructor(
    readonly columns: number,
    readonly low: number,
    readonly high: number,
    readonly width: number,
  ) {
    this.bins = Math.round((high - low) / width) + 2;
    this.counts = new Uint32Array(columns * this.bins);
    this.totals = new Uint32Array(columns);
  }

  /** Counts one value in a column. */
  add(column: number, value: number): void {
    this.count(column, (value - this.low) / this.width);
  }

  /** Counts shift + scale × values[k] in each column k: a row of values in one pass, with one multiplication each. */
  addRow(values: Float64Array, shift: number, scale: number): void {
    const from = (shift - this.low) / this.width;
    const slope = scale / this.width;
    for (let k = 0; k < values.length; k++) this.count(k, from + slope * values[k]!);
  }

  /** Counts a value at `position` bin widths above low: below 0 in the underflow bin, at or past high in the top one. */
  private count(column: number, position: number): void {
    const inner = this.bins - 2;
    const bin = !(position >= 0) ? 0 : position >= inner ? inner + 1 : 1 + Math.min(inner - 1, Math.floor(position));
    this.counts[column * this.bins + bin]!++;
    this.totals[column]!++;
  }

  /** The nearest-rank percentile p of a column, as the middle of its bin (low and high for the end bins). */
  percentile(column: number, p: number): number {
    const total = this.totals[column]!;
    const rank = Math.max(1, nearestRankIndex(p, total) + 1);
    let seen = 0;
    const base = column * this.bins;
    for (let b = 0; b < this.bins; b++) {
      seen += this.counts[base + b]!;
      if (seen >= rank) {
        if (b === 0) return this.low;
        if (b === this.bins - 1) return this.high;
        return this.low + (b - 1 + 0.5) * this.width;
      }
    }
    return this.high;
  }
}
