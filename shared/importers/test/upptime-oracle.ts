// Test oracle for the Upptime importer, shared by its unit test (fixture history) and its conformance test (the real
// history): the sparse samples spread back into one sample a minute, and every rolling window checked against it.
import { rollingWindows, type History } from '../../analysis/history';
import type { ParsedSeries } from '../types';
import { MAX_SAMPLE_MINUTES } from '../upptime';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Down minutes (total − good), and how many separate down runs they form. */
export function downtime(series: ParsedSeries | undefined): { minutes: number; outages: number } {
  let minutes = 0;
  let outages = 0;
  series?.good.forEach((good, i) => {
    const down = series.total[i]! - good;
    if (down === 0) return;
    minutes += down;
    if (i === 0 || series.good[i - 1] === series.total[i - 1]) outages++;
  });
  return { minutes, outages };
}

/** The series one sample a minute: each sparse sample spread over the minutes it counts (all up or all down). */
export function perMinute(series: ParsedSeries): History {
  const minutes = series.total.reduce((a, b) => a + b, 0);
  const h: History = { t: new Float64Array(minutes), good: new Float64Array(minutes), total: new Float64Array(minutes).fill(1) };
  let k = 0;
  series.t.forEach((t, i) => {
    const n = series.total[i]!;
    for (let m = 0; m < n; m++, k++) {
      h.t[k] = t - (n - 1 - m) * MINUTE;
      h.good[k] = series.good[i] === n ? 1 : 0;
    }
  });
  return h;
}

/**
 * Checks every 1-, 7- and 30-day rolling window of a sparse series against the same minutes one sample a minute: its
 * SLI must be exactly theirs, and its start at most an hour earlier (or short, at the history's beginning). Returns
 * how many windows were checked and the ones that were wrong.
 */
export function checkWindowsAgainstMinutes(sparse: ParsedSeries): { windows: number; wrong: string[] } {
  const dense = perMinute(sparse);
  // Prefix sums of the minutes, so any span of them is summed exactly.
  const goodBefore = new Float64Array(dense.t.length + 1);
  dense.good.forEach((g, i) => {
    goodBefore[i + 1] = goodBefore[i]! + g;
  });
  const minuteIndex = (t: number): number => (t - dense.t[0]!) / MINUTE;
  let windows = 0;
  const wrong: string[] = [];
  for (const windowMs of [DAY, 7 * DAY, 30 * DAY]) {
    const w = rollingWindows(sparse, windowMs);
    let first = 0;
    for (let k = 0; k < w.end.length; k++, windows++) {
      const end = w.end[k]!;
      // The samples inside the window start after the last one that ended at or before end − window.
      while (sparse.t[first]! <= end - windowMs) first++;
      const startMs = first === 0 ? dense.t[0]! - MINUTE : sparse.t[first - 1]!;
      // Inside the history the start is up to an hour early; at its beginning a window may be up to an hour short
      // (a complete window reaches back one median step, an hour, before the first sample).
      const early = end - windowMs - startMs;
      const from = minuteIndex(startMs) + 1;
      const to = minuteIndex(end) + 1;
      const minuteSli = (goodBefore[to]! - goodBefore[from]!) / (to - from);
      if (!(Math.abs(early) < MAX_SAMPLE_MINUTES * MINUTE && (first === 0 || early >= 0) && w.sli[k] === minuteSli))
        wrong.push(`${sparse.name} ${end} ${windowMs}`);
    }
  }
  return { windows, wrong };
}
