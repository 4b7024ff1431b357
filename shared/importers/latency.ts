// Latency as importers keep it: values converted to milliseconds from the unit they were written in, the fixed grid
// of bounds bucketed sources count requests at, and the counter that does it.
import type { LatencyUnit, ParsedSeries } from './types';

/** Milliseconds in one unit of a latency value. */
export const LATENCY_UNIT_MS: Readonly<Record<LatencyUnit, number>> = { ms: 1, s: 1000, us: 0.001 };

/** How the units are named to people. */
export const LATENCY_UNIT_LABELS: Readonly<Record<LatencyUnit, string>> = { ms: 'ms', s: 's', us: 'µs' };

/** Values are kept to the nanosecond, so 0.07 s is 70 ms (not 70.00000000000001) and is judged at a 70 ms threshold as written. */
const NANOS_PER_MS = 1_000_000;

/** A latency value in the given unit as milliseconds, rounded to the nanosecond. */
export function latencyToMs(value: number, unit: LatencyUnit): number {
  if (unit === 'ms') return value;
  return Math.round(value * LATENCY_UNIT_MS[unit] * NANOS_PER_MS) / NANOS_PER_MS;
}

/**
 * The bounds every bucketed latency series keeps, in ms: 1 to 100,000 (100 s) in steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6
 * and 7.5 per decade (neighbours at most 1.5× apart), so the usual round thresholds can be judged exactly later.
 */
export const LATENCY_GRID_MS: readonly number[] = (() => {
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5];
  const out: number[] = [];
  for (let decade = 1; decade <= 10_000; decade *= 10) for (const s of steps) out.push(s * decade);
  out.push(100_000);
  return out;
})();

/** The grid with a source's own thresholds added: sorted, each bound once. */
export function latencyBounds(thresholdsMs: readonly number[]): number[] {
  return [...new Set([...LATENCY_GRID_MS, ...thresholdsMs.filter((v) => Number.isFinite(v) && v >= 0)])].sort((a, b) => a - b);
}

/** Per-bucket cumulative counts at sorted bounds, built one event at a time (for bucketed sources such as access logs). */
export type LatencyCounter = {
  add(bucket: number, durationMs: number): void;
  /** For each bound, the events at or under it in each bucket, buckets in the order given. */
  finish(buckets: readonly number[]): Float64Array[];
};

/** A counter of events at or under each of the sorted bounds, per bucket key (e.g. the start of its minute). */
export function createLatencyCounter(boundsMs: readonly number[]): LatencyCounter {
  // Each event is counted once, under the first bound it does not exceed; finish() adds them up bound by bound.
  const first = new Map<number, Float64Array>();
  return {
    add(bucket, durationMs) {
      let lo = 0;
      let hi = boundsMs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (boundsMs[mid]! < durationMs) lo = mid + 1;
        else hi = mid;
      }
      let row = first.get(bucket);
      if (row === undefined) first.set(bucket, (row = new Float64Array(boundsMs.length + 1)));
      row[lo]!++;
    },
    finish(buckets) {
      const columns = boundsMs.map(() => new Float64Array(buckets.length));
      buckets.forEach((bucket, i) => {
        const row = first.get(bucket);
        let sum = 0;
        for (let k = 0; k < boundsMs.length; k++) {
          sum += row?.[k] ?? 0;
          columns[k]![i] = sum;
        }
      });
      return columns;
    },
  };
}

/**
 * A series whose good column carried each sample's value through normalisation (one event per sample), as a latency
 * series: the values in ms beside it, and good = total until a threshold judges it.
 */
export function withLatencyValues(series: ParsedSeries, unit: LatencyUnit): ParsedSeries {
  const valuesMs = unit === 'ms' ? series.good : series.good.map((v) => latencyToMs(v, unit));
  return { ...series, good: series.total.slice(), latency: { kind: 'values', unit, valuesMs } };
}
