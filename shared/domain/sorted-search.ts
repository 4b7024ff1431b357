// Binary searches over sorted numbers (sample times, chart x values): the one copy every module uses.

/** The first index from `from` on whose value is greater than `value` (values.length when none is). */
export function firstAbove(values: Float64Array, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index from `from` on whose value is at least `value` (values.length when none is). */
export function firstAtLeast(values: Float64Array, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
