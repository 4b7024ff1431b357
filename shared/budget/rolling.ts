// Rolling SLI compliance, burn rates and remaining budget over typed-array series (DESIGN.md §4, §6 T2).
// Running sums (add the point entering the window, subtract the one leaving) keep every kernel O(n)
// whatever the window; reference/performance.md §2.3 measures this form at ~3.6× a plain sum.
import { PPM_PER_WHOLE } from '../domain/percent';

/**
 * How many points the running sums may advance before they are recomputed from scratch. Integer counts stay
 * exact up to 2^53, but non-integer data loses up to one rounding per add/subtract, which would otherwise
 * accumulate without bound over a long series; recomputing caps the drift at ~2 × 65,536 roundings.
 */
export const RESYNC_POINTS = 65_536;

// Windows are processed a block at a time, each window over the same block while it is still in cache.
// Must divide RESYNC_POINTS so resync points fall on block boundaries.
const BLOCK_POINTS = 4_096;

// Per-window running state between blocks: [sum of good, sum of total, last index with total ≠ 0].
type RunState = Float64Array;

/**
 * The SLI good/total over the trailing window of `windowPoints` points ending at each index (inclusive).
 * Before a full window exists (index < windowPoints − 1) the window is the partial one starting at index 0.
 * Where the window holds no traffic (every total in it is 0) the result is NaN: no traffic is no information,
 * not 100 %. Inputs are finite, non-negative counts of the same length; `out`, when given, must have that
 * length too and is filled and returned without allocating.
 */
export function rollingCompliance(good: Float64Array, total: Float64Array, windowPoints: number, out?: Float64Array): Float64Array {
  const result = prepareOut(good, total, out);
  checkWindow(windowPoints);
  runWindow(good, total, windowPoints, newState(), result, 0, 1, 0, good.length);
  return result;
}

/**
 * The burn rate at every index for each window in `windowsPoints` (same window rules as rollingCompliance,
 * NaN where a window has no traffic): the error rate over the window, (total − good) / total, divided by the
 * error budget (1 − target) = (1,000,000 − targetPpm) / 1,000,000, so 1 means spending the budget exactly on
 * schedule. All windows are computed in one blocked pass over the data; `outs`, when given, holds one array
 * per window (each of the data's length), filled and returned without allocating.
 */
export function burnRates(
  good: Float64Array,
  total: Float64Array,
  windowsPoints: readonly number[],
  targetPpm: number,
  outs?: Float64Array[],
): Float64Array[] {
  checkTarget(targetPpm);
  if (outs && outs.length !== windowsPoints.length) {
    throw new RangeError(`burnRates: ${windowsPoints.length} windows but ${outs.length} output arrays`);
  }
  windowsPoints.forEach(checkWindow);
  const results = windowsPoints.map((_, k) => prepareOut(good, total, outs?.[k]));
  const states = windowsPoints.map(newState);
  // burn = bad × PPM / (total × (PPM − target)): products of integers stay exact, so a series at exactly
  // the budgeted error rate gives exactly 1 (1 bad in 1,000 against 99.9 % → 1000 × 1e6 / (1e6 × 1000)).
  const budgetPpm = PPM_PER_WHOLE - targetPpm;
  const n = good.length;
  for (let from = 0; from < n; from += BLOCK_POINTS) {
    const to = Math.min(n, from + BLOCK_POINTS);
    for (let k = 0; k < windowsPoints.length; k++) {
      runWindow(good, total, windowsPoints[k]!, states[k]!, results[k]!, PPM_PER_WHOLE, budgetPpm, from, to);
    }
  }
  return results;
}

/**
 * The share of the error budget left over the whole given span: 1 − bad / ((1 − target) × total), where
 * bad = total − good. 1 means nothing spent, 0 exactly spent, below 0 overspent; NaN when the span has no
 * traffic (no events, so no budget and no information).
 */
export function errorBudgetRemaining(good: Float64Array, total: Float64Array, targetPpm: number): number {
  checkTarget(targetPpm);
  checkSameLength(good, total);
  const sums = windowSums(good, total, 0, good.length);
  const sumGood = sums[0]!;
  const sumTotal = sums[1]!;
  if (sumTotal === 0) return NaN;
  // Multiply before dividing so integer inputs give an exact 0 at exactly the target.
  return 1 - ((sumTotal - sumGood) * PPM_PER_WHOLE) / (sumTotal * (PPM_PER_WHOLE - targetPpm));
}

/**
 * Runs one window over [from, to), continuing from `state` and leaving it ready for the next range.
 * With badScale = 0 and denomScale = 1 it writes good/total; otherwise (total − good) × badScale / (total ×
 * denomScale), computed from the difference of the sums so high compliance does not cancel to noise.
 */
function runWindow(
  good: Float64Array, total: Float64Array, w: number, state: RunState, out: Float64Array,
  badScale: number, denomScale: number, from: number, to: number,
): void {
  let start = from;
  while (start < to) {
    // Recompute at every resync boundary (not at 0: the state there is exact) so drift stays bounded.
    if (start > 0 && start % RESYNC_POINTS === 0) {
      const sums = windowSums(good, total, Math.max(0, start - w), start);
      state[0] = sums[0]!;
      state[1] = sums[1]!;
    }
    const end = Math.min(to, (Math.floor(start / RESYNC_POINTS) + 1) * RESYNC_POINTS);
    if (badScale === 0) complianceRange(good, total, w, state, out, start, end);
    else burnRange(good, total, w, state, out, badScale, denomScale, start, end);
    start = end;
  }
}

// The two hot loops are separate functions (not one with a mode flag) so each stays a tight, monomorphic
// loop. Each is split where the window becomes full, so neither carries a per-point "is something leaving?"
// branch. `last` (the latest index with traffic) decides NaN exactly, without trusting a drifted sum to be 0.

function complianceRange(good: Float64Array, total: Float64Array, w: number, state: RunState, out: Float64Array, from: number, to: number): void {
  let sumGood = state[0]!;
  let sumTotal = state[1]!;
  let last = state[2]!;
  const full = Math.min(Math.max(from, w), to);
  for (let i = from; i < full; i++) {
    const t = total[i]!;
    sumGood += good[i]!;
    sumTotal += t;
    if (t !== 0) last = i;
    out[i] = last > i - w ? sumGood / sumTotal : NaN;
  }
  for (let i = full; i < to; i++) {
    const t = total[i]!;
    sumGood += good[i]! - good[i - w]!;
    sumTotal += t - total[i - w]!;
    if (t !== 0) last = i;
    out[i] = last > i - w ? sumGood / sumTotal : NaN;
  }
  state[0] = sumGood;
  state[1] = sumTotal;
  state[2] = last;
}

function burnRange(
  good: Float64Array, total: Float64Array, w: number, state: RunState, out: Float64Array,
  badScale: number, denomScale: number, from: number, to: number,
): void {
  let sumGood = state[0]!;
  let sumTotal = state[1]!;
  let last = state[2]!;
  const full = Math.min(Math.max(from, w), to);
  for (let i = from; i < full; i++) {
    const t = total[i]!;
    sumGood += good[i]!;
    sumTotal += t;
    if (t !== 0) last = i;
    out[i] = last > i - w ? ((sumTotal - sumGood) * badScale) / (sumTotal * denomScale) : NaN;
  }
  for (let i = full; i < to; i++) {
    const t = total[i]!;
    sumGood += good[i]! - good[i - w]!;
    sumTotal += t - total[i - w]!;
    if (t !== 0) last = i;
    out[i] = last > i - w ? ((sumTotal - sumGood) * badScale) / (sumTotal * denomScale) : NaN;
  }
  state[0] = sumGood;
  state[1] = sumTotal;
  state[2] = last;
}

// Scratch for windowSums: avoids allocating a pair per resync (shared code is single-threaded per realm).
const scratchSums = new Float64Array(2);

function windowSums(good: Float64Array, total: Float64Array, from: number, to: number): Float64Array {
  let sumGood = 0;
  let sumTotal = 0;
  for (let i = from; i < to; i++) {
    sumGood += good[i]!;
    sumTotal += total[i]!;
  }
  scratchSums[0] = sumGood;
  scratchSums[1] = sumTotal;
  return scratchSums;
}

function newState(): RunState {
  const state = new Float64Array(3);
  state[2] = -Infinity; // no traffic seen yet
  return state;
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
