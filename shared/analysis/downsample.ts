// Chart downsampling (docs/architecture.md §6: 525,600 points → LTTB in ≤ 3 ms). LTTB is Steinarsson's Largest-Triangle-
// Three-Buckets (2013, "Downsampling Time Series for Visual Representation", ch. 4): the first and last points are
// kept, the rest are split into equal buckets, and each bucket keeps the point forming the largest triangle with the
// point kept from the bucket before and the average of the bucket after. One pass of plain loops over typed arrays;
// docs/performance.md §2.5 measures the npm packages 15–20× slower than this form.
import { firstAbove, firstAtLeast } from '../domain/sorted-search';

/** Points of a line: x (time, ms) and y, as parallel arrays. */
export type XY = { x: Float64Array; y: Float64Array };

/**
 * Largest-Triangle-Three-Buckets downsampling to at most `threshold` points (keeps first and last; NaN y values are
 * skipped). Returns the input unchanged when it already fits.
 *
 * NaN y is missing data (no traffic), so it is never chosen as a bucket's point, and it takes no part in the
 * averages. A bucket holding only NaN yields one NaN point at its first x, so a line drawn with `defined(!isNaN)`
 * breaks there: a gap shows once it covers a whole bucket (about n / threshold points); a shorter one is narrower
 * than the pixel its bucket is drawn in and is bridged. The first and last points are kept even when NaN, so the
 * x extent of the chart stays that of the data. `threshold` must be a whole number of at least 3 (two ends and one
 * bucket).
 */
export function lttb(points: XY, threshold: number): XY {
  const { x, y } = points;
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x has ${n} points, y has ${y.length}`);
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError(`threshold must be a whole number of at least 3, got ${threshold}`);
  if (n <= threshold) return points;

  const outX = new Float64Array(threshold);
  const outY = new Float64Array(threshold);
  outX[0] = x[0]!;
  outY[0] = y[0]!;
  let k = 1;
  const buckets = threshold - 2;
  // Bucket b holds the points [1 + ⌊b·(n − 2) / buckets⌋, the next bucket's start); an integer product keeps the
  // last bucket ending exactly at the last point.
  const inner = n - 2;
  // The anchor is the last point kept with a value; before any, the first point with a value. (`v !== v` is the
  // NaN test, kept inline in the hot loops.)
  let first = 0;
  while (first < n - 1 && y[first]! !== y[first]!) first++;
  let ax = x[first]!;
  let ay = y[first]!;
  let from = 1;
  let to = Math.floor(inner / buckets) + 1;
  let resume = 0;
  for (let b = 0; b < buckets; b++) {
    const nextTo = b + 1 < buckets ? Math.floor(((b + 2) * inner) / buckets) + 1 : n;
    // Average of the next bucket's points with a value; past the last bucket it is the last point. When the next
    // bucket is all NaN, the point where the line resumes stands in for it, so the point before a gap is still
    // chosen against where the line goes on; the search pointer only moves forward, keeping the whole pass O(n).
    let cx = 0;
    let cy = 0;
    let count = nextTo - to;
    for (let i = to; i < nextTo; i++) {
      cx += x[i]!;
      cy += y[i]!;
    }
    // A NaN anywhere makes the sum NaN: only then is the bucket summed again, skipping them.
    if (cy !== cy) {
      cx = 0;
      cy = 0;
      count = 0;
      for (let i = to; i < nextTo; i++) {
        const v = y[i]!;
        if (v === v) {
          cx += x[i]!;
          cy += v;
          count++;
        }
      }
    }
    if (count > 0) {
      cx /= count;
      cy /= count;
    } else {
      if (resume < nextTo) resume = nextTo;
      while (resume < n && y[resume]! !== y[resume]!) resume++;
      // Nothing with a value lies ahead: aim at the last point's x on the anchor's level.
      cx = resume < n ? x[resume]! : x[n - 1]!;
      cy = resume < n ? y[resume]! : ay;
    }

    let best = -1;
    let bestArea = -1;
    const dx = ax - cx;
    const dy = cy - ay;
    for (let i = from; i < to; i++) {
      // Twice the triangle's area (the factor ½ does not change which is largest); NaN for a NaN y, which the
      // comparison below never takes.
      const area = Math.abs(dx * (y[i]! - ay) + (x[i]! - ax) * dy);
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    if (best >= 0) {
      outX[k] = x[best]!;
      outY[k] = y[best]!;
      ax = x[best]!;
      ay = y[best]!;
    } else {
      outX[k] = x[from]!;
      outY[k] = NaN;
    }
    k++;
    from = to;
    to = nextTo;
  }
  outX[k] = x[n - 1]!;
  outY[k] = y[n - 1]!;
  return { x: outX, y: outY };
}

/** The index range [from, to) of sorted xs that lies within [fromX, toX], widened by one point each side for continuity. */
export function visibleRange(x: Float64Array, fromX: number, toX: number): { from: number; to: number } {
  // An inverted or NaN range shows nothing.
  if (!(fromX <= toX)) return { from: 0, to: 0 };
  const first = firstAtLeast(x, fromX);
  const end = firstAbove(x, toX);
  return { from: Math.max(0, first - 1), to: Math.min(x.length, end + 1) };
}
