/**
 * The typical spacing of sorted sample times: the median of the steps between consecutive times (the lower one of an
 * even count, as nearest-rank), or null with fewer than two times, because one sample has no spacing to measure.
 * Importers store the null as a series' unknown step; the analyses that need a number say at the call what they use
 * instead (0: a lone sample covers no time before it).
 */
export function medianStep(t: ArrayLike<number>): number | null {
  if (t.length < 2) return null;
  // Most series keep one step throughout: one pass that stops at the first other step finds it.
  const first = t[1]! - t[0]!;
  let i = 2;
  while (i < t.length && t[i]! - t[i - 1]! === first) i++;
  if (i === t.length) return first;
  // Else a step held by more than half of the gaps is the median, found without sorting.
  const majority = majorityStep(t);
  if (majority !== null) return majority;
  const steps = new Float64Array(t.length - 1);
  for (let i = 1; i < t.length; i++) steps[i - 1] = t[i]! - t[i - 1]!;
  steps.sort();
  return steps[Math.floor((steps.length - 1) / 2)]!;
}

/** The step between consecutive times that more than half of the gaps share (Boyer–Moore vote), or null. */
function majorityStep(t: ArrayLike<number>): number | null {
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
