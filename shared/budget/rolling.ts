// Rolling SLI compliance, burn rates and remaining budget over typed-array series (docs/architecture.md §4, §6 T2).
// Running sums (add the point entering the window, subtract the one leaving) keep every kernel O(n) whatever
// the window; docs/performance.md §2.3 measures this form far ahead of prefix-sum arrays and SQL windows.
import { PPM_PER_WHOLE } from '../domain/percent';

/**
 * The running sums are recomputed from scratch every max(RESYNC_POINTS, 4 × window) points. Integer counts stay
 * exact up to 2^53, but non-integer data picks up a rounding per add and subtract, which would otherwise build up
 * without bound over a long series; resyncing caps it at two roundings per point since the last resync, each
 * relative to the largest window sum seen since then.
 */
export const RESYNC_POINTS = 65_536;

// burnRates runs windows five at a time in one fused loop, their ten sums in registers: on a year of minutes the
// 1h/6h/1d/3d/30d set takes ~6.5 ms fused against ~10 ms as five single-window passes, which re-read the inputs
// five times (bench/rolling-compliance.ts). Windows left over run one by one: padding a fused group with repeats
// measured as slow as five windows. A loop over an array of sums, instead of locals, was slower than either.
const FUSED_WINDOWS = 5;

/**
 * The SLI good/total over the trailing window of `windowPoints` points ending at each index (inclusive).
 * Before a full window exists (index < windowPoints − 1) the window is the partial one from index 0.
 * Where the window holds no traffic (every total in it is 0) the result is NaN: no traffic is no information,
 * not 100 %. Inputs are finite, non-negative counts of equal length; `out`, when given, must have that length
 * too, and is filled and returned without allocating.
 */
export function rollingCompliance(good: Float64Array, total: Float64Array, windowPoints: number, out?: Float64Array): Float64Array {
  checkWindow(windowPoints);
  const result = prepareOut(good, total, out);
  complianceKernel(good, total, windowPoints, result);
  for (let z = nextSampledZero(total, 0, windowPoints); z < total.length;) {
    const end = zeroRunEnd(total, z);
    markEmpty(result, windowPoints, zeroRunStart(total, z), end);
    z = nextSampledZero(total, end, windowPoints);
  }
  return result;
}

/**
 * The burn rate at every index for each window in `windowsPoints`, with the windows of rollingCompliance (partial
 * at the start, NaN without traffic): the error rate (total − good) / total over the window divided by the error
 * budget (1,000,000 − targetPpm) / 1,000,000, so 1 spends the budget exactly on schedule. `outs`, when given,
 * holds one array per window, each of the data's length, and is filled and returned without allocating.
 */
export function burnRates(good: Float64Array, total: Float64Array, windowsPoints: readonly number[], targetPpm: number, outs?: Float64Array[]): Float64Array[] {
  checkTarget(targetPpm);
  if (outs && outs.length !== windowsPoints.length) throw new RangeError(`${windowsPoints.length} windows but ${outs.length} output arrays`);
  for (const w of windowsPoints) checkWindow(w);
  const results = outs ?? windowsPoints.map(() => new Float64Array(good.length));
  for (const r of results) prepareOut(good, total, r);
  const count = windowsPoints.length;
  if (count === 0) return results;
  const budgetPpm = PPM_PER_WHOLE - targetPpm;
  let k = 0;
  for (; k + FUSED_WINDOWS <= count; k += FUSED_WINDOWS) fusedBurnKernel(good, total, windowsPoints, results, k, budgetPpm);
  for (; k < count; k++) burnKernel(good, total, windowsPoints[k]!, budgetPpm, results[k]!);
  // Zero runs are the same for every window: find them once, sampling at the shortest window.
  const stride = Math.min(...windowsPoints);
  for (let z = nextSampledZero(total, 0, stride); z < total.length;) {
    const start = zeroRunStart(total, z);
    const end = zeroRunEnd(total, z);
    for (let j = 0; j < count; j++) markEmpty(results[j]!, windowsPoints[j]!, start, end);
    z = nextSampledZero(total, end, stride);
  }
  return results;
}

/**
 * The share of the error budget left over the whole given span: 1 − bad / ((1 − target) × total) with
 * bad = total − good, so 1 is untouched, 0 exactly spent and below 0 overspent; NaN when the span has no traffic.
 */
export function errorBudgetRemaining(good: Float64Array, total: Float64Array, targetPpm: number): number {
  checkTarget(targetPpm);
  checkSameLength(good, total);
  const sumGood = sumRange(good, 0, good.length);
  const sumTotal = sumRange(total, 0, total.length);
  if (sumTotal === 0) return NaN;
  // Multiplying before dividing keeps integer counts exact: a series at exactly the target gives exactly 0.
  return 1 - ((sumTotal - sumGood) * PPM_PER_WHOLE) / (sumTotal * (PPM_PER_WHOLE - targetPpm));
}

// The hot loops. Each resyncs its sums every resyncInterval points and is split where its windows become full,
// so the bulk of the points run without a "does a point leave?" branch. Burn rates use the difference of the
// sums, (total − good) × 1e6 / (total × budgetPpm): integer inputs then give exact results (1 bad in 1,000
// against 99.9 % is exactly 1), where 1 − good/total would cancel to 1.0000000000000009. On non-integer data a
// rounding can push compliance a hair outside [0, 1], so it is clamped (NaN passes both comparisons); burn rates
// are left unclamped (a −1e-13 burn is harmless; clamping five outputs cost ~1 ms, a fifth of the fused loop).

function complianceKernel(good: Float64Array, total: Float64Array, w: number, out: Float64Array): void {
  const n = total.length;
  const interval = resyncInterval(w);
  let sumGood = 0;
  let sumTotal = 0;
  for (let from = 0; from < n; from += interval) {
    const to = Math.min(n, from + interval);
    if (from > 0) {
      sumGood = sumRange(good, from - w, from);
      sumTotal = sumRange(total, from - w, from);
    }
    const full = Math.min(Math.max(from, w), to);
    for (let i = from; i < full; i++) {
      sumGood += good[i]!;
      sumTotal += total[i]!;
      const c = sumGood / sumTotal;
      out[i] = c > 1 ? 1 : c < 0 ? 0 : c;
    }
    for (let i = full; i < to; i++) {
      sumGood += good[i]! - good[i - w]!;
      sumTotal += total[i]! - total[i - w]!;
      const c = sumGood / sumTotal;
      out[i] = c > 1 ? 1 : c < 0 ? 0 : c;
    }
  }
}

function burnKernel(good: Float64Array, total: Float64Array, w: number, budgetPpm: number, out: Float64Array): void {
  const n = total.length;
  const interval = resyncInterval(w);
  const P = PPM_PER_WHOLE;
  let sumGood = 0;
  let sumTotal = 0;
  for (let from = 0; from < n; from += interval) {
    const to = Math.min(n, from + interval);
    if (from > 0) {
      sumGood = sumRange(good, from - w, from);
      sumTotal = sumRange(total, from - w, from);
    }
    const full = Math.min(Math.max(from, w), to);
    for (let i = from; i < full; i++) {
      sumGood += good[i]!;
      sumTotal += total[i]!;
      out[i] = ((sumTotal - sumGood) * P) / (sumTotal * budgetPpm);
    }
    for (let i = full; i < to; i++) {
      sumGood += good[i]! - good[i - w]!;
      sumTotal += total[i]! - total[i - w]!;
      out[i] = ((sumTotal - sumGood) * P) / (sumTotal * budgetPpm);
    }
  }
}

/**
 * The five windows from `first` on, their ten sums kept in locals: the same arithmetic in the same order as
 * burnKernel, so results match it bit for bit between resyncs. The per-window blocks repeat on purpose: unrolled, the
 * sums stay in registers, which a loop over arrays of sums does not (docs/performance.md).
 */
function fusedBurnKernel(good: Float64Array, total: Float64Array, windows: readonly number[], outs: Float64Array[], first: number, budgetPpm: number): void {
  const w0 = windows[first]!,
    w1 = windows[first + 1]!,
    w2 = windows[first + 2]!,
    w3 = windows[first + 3]!,
    w4 = windows[first + 4]!;
  const o0 = outs[first]!,
    o1 = outs[first + 1]!,
    o2 = outs[first + 2]!,
    o3 = outs[first + 3]!,
    o4 = outs[first + 4]!;
  const n = total.length;
  const longest = Math.max(w0, w1, w2, w3, w4);
  const interval = resyncInterval(longest);
  const P = PPM_PER_WHOLE;
  let g0 = 0,
    t0 = 0,
    g1 = 0,
    t1 = 0,
    g2 = 0,
    t2 = 0,
    g3 = 0,
    t3 = 0,
    g4 = 0,
    t4 = 0;
  for (let from = 0; from < n; from += interval) {
    const to = Math.min(n, from + interval);
    if (from > 0) {
      g0 = sumRange(good, from - w0, from);
      t0 = sumRange(total, from - w0, from);
      g1 = sumRange(good, from - w1, from);
      t1 = sumRange(total, from - w1, from);
      g2 = sumRange(good, from - w2, from);
      t2 = sumRange(total, from - w2, from);
      g3 = sumRange(good, from - w3, from);
      t3 = sumRange(total, from - w3, from);
      g4 = sumRange(good, from - w4, from);
      t4 = sumRange(total, from - w4, from);
    }
    const full = Math.min(Math.max(from, longest), to);
    for (let i = from; i < full; i++) {
      const g = good[i]!;
      const t = total[i]!;
      if (i >= w0) {
        g0 += g - good[i - w0]!;
        t0 += t - total[i - w0]!;
      } else {
        g0 += g;
        t0 += t;
      }
      if (i >= w1) {
        g1 += g - good[i - w1]!;
        t1 += t - total[i - w1]!;
      } else {
        g1 += g;
        t1 += t;
      }
      if (i >= w2) {
        g2 += g - good[i - w2]!;
        t2 += t - total[i - w2]!;
      } else {
        g2 += g;
        t2 += t;
      }
      if (i >= w3) {
        g3 += g - good[i - w3]!;
        t3 += t - total[i - w3]!;
      } else {
        g3 += g;
        t3 += t;
      }
      if (i >= w4) {
        g4 += g - good[i - w4]!;
        t4 += t - total[i - w4]!;
      } else {
        g4 += g;
        t4 += t;
      }
      o0[i] = ((t0 - g0) * P) / (t0 * budgetPpm);
      o1[i] = ((t1 - g1) * P) / (t1 * budgetPpm);
      o2[i] = ((t2 - g2) * P) / (t2 * budgetPpm);
      o3[i] = ((t3 - g3) * P) / (t3 * budgetPpm);
      o4[i] = ((t4 - g4) * P) / (t4 * budgetPpm);
    }
    for (let i = full; i < to; i++) {
      const g = good[i]!;
      const t = total[i]!;
      g0 += g - good[i - w0]!;
      t0 += t - total[i - w0]!;
      o0[i] = ((t0 - g0) * P) / (t0 * budgetPpm);
      g1 += g - good[i - w1]!;
      t1 += t - total[i - w1]!;
      o1[i] = ((t1 - g1) * P) / (t1 * budgetPpm);
      g2 += g - good[i - w2]!;
      t2 += t - total[i - w2]!;
      o2[i] = ((t2 - g2) * P) / (t2 * budgetPpm);
      g3 += g - good[i - w3]!;
      t3 += t - total[i - w3]!;
      o3[i] = ((t3 - g3) * P) / (t3 * budgetPpm);
      g4 += g - good[i - w4]!;
      t4 += t - total[i - w4]!;
      o4[i] = ((t4 - g4) * P) / (t4 * budgetPpm);
    }
  }
}

/** Resyncing costs a window's worth of reads, so long windows resync less often: at most a quarter extra work. */
function resyncInterval(w: number): number {
  return Math.max(RESYNC_POINTS, 4 * w);
}

// A window with no traffic must be NaN, but on non-integer data a running sum that returns to "zero" may hold a
// rounding residue instead, so emptiness is decided from the totals themselves: the window ending at i is empty
// when it lies inside a run of zero totals. Such a run is either at index 0 (emptying the partial windows) or
// at least a window long, so it contains a multiple of the window length: sampling only those indices finds
// every run in n / w reads instead of a pass over the data.

function nextSampledZero(total: Float64Array, from: number, stride: number): number {
  const n = total.length;
  let i = Math.ceil(from / stride) * stride;
  while (i < n && total[i] !== 0) i += stride;
  return Math.min(i, n);
}

function zeroRunStart(total: Float64Array, at: number): number {
  let i = at;
  while (i > 0 && total[i - 1] === 0) i--;
  return i;
}

function zeroRunEnd(total: Float64Array, at: number): number {
  const n = total.length;
  let i = at;
  while (i < n && total[i] === 0) i++;
  return i;
}

function markEmpty(out: Float64Array, w: number, start: number, end: number): void {
  // A run from index 0 empties the partial windows at once; later runs only once a whole window fits inside.
  const firstEmpty = start === 0 ? 0 : start + w - 1;
  if (firstEmpty < end) out.fill(NaN, firstEmpty, end);
}

function sumRange(xs: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = Math.max(0, from); i < to; i++) sum += xs[i]!;
  return sum;
}

function prepareOut(good: Float64Array, total: Float64Array, out: Float64Array | undefined): Float64Array {
  checkSameLength(good, total);
  if (out === undefined) return new Float64Array(good.length);
  if (out.length !== good.length) throw new RangeError(`output has ${out.length} points, data has ${good.length}`);
  return out;
}

function checkSameLength(good: Float64Array, total: Float64Array): void {
  if (good.length !== total.length) throw new RangeError(`good has ${good.length} points, total has ${total.length}`);
}

function checkWindow(windowPoints: number): void {
  if (!Number.isInteger(windowPoints) || windowPoints < 1) throw new RangeError(`window must be a positive whole number of points, got ${windowPoints}`);
}

function checkTarget(targetPpm: number): void {
  if (!Number.isInteger(targetPpm) || targetPpm <= 0 || targetPpm >= PPM_PER_WHOLE) {
    throw new RangeError(`target must be whole ppm strictly between 0 and ${PPM_PER_WHOLE}, got ${targetPpm}`);
  }
}
