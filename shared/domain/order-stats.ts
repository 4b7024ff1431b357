// Order statistics over numbers: the one nearest-rank formula and the one median, for the history analysis, the
// backtest and the what-if summaries.

/** The 0-based index of the nearest-rank percentile p (0..1) among n sorted values: rank ⌈p·n⌉, at least the first. */
export function nearestRankIndex(p: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
}

/** The median of some values, the mean of the middle two for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
