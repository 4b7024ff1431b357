// How often a multi-window burn-rate alert fires during a simulated window. The alert fires while the error rate
// averaged over both its long and its short window is above its threshold (factor × error budget), compared with `>`
// as the backtest and the exported rules compare; one firing lasts until either average is back at or below it.
// Averages are over time; before the window the service ran at its baseline.
import type { Segments } from './timeline';

/**
 * The firings of one alert over a trial's segments in [0, horizon): `thresholdRate` = factor × (1 − target) as an
 * error rate, windows in minutes. The error rate is piecewise constant, so each average is piecewise linear between
 * the segments' boundaries shifted by 0, the short and the long window, and is checked exactly at those instants.
 */
export function countFirings(seg: Segments, baseline: number, thresholdRate: number, shortMinutes: number, longMinutes: number, horizon: number): number {
  if (baseline > thresholdRate) return 1;
  let firings = 0;
  let i = 0;
  while (i < seg.n) {
    // A cluster: segments closer than a long window to the next can add up inside one window.
    let j = i;
    while (j + 1 < seg.n && seg.start[j + 1]! - seg.end[j]! < longMinutes) j++;
    if (i === j) {
      const d = seg.end[i]! - seg.start[i]!;
      // A lone segment's two averages both peak when it ends (docs/architecture.md §13).
      if (baseline + (seg.extra[i]! * Math.min(d, longMinutes)) / longMinutes > thresholdRate) firings++;
    } else {
      firings += clusterFirings(seg, i, j, baseline, thresholdRate, shortMinutes, longMinutes, horizon);
    }
    i = j + 1;
  }
  return firings;
}

/** Error-minutes above the baseline in segments i..j before t. */
function extraBefore(seg: Segments, i: number, j: number, t: number): number {
  let v = 0;
  for (let k = i; k <= j && seg.start[k]! < t; k++) v += seg.extra[k]! * (Math.min(seg.end[k]!, t) - seg.start[k]!);
  return v;
}

function clusterFirings(
  seg: Segments,
  i: number,
  j: number,
  baseline: number,
  threshold: number,
  shortMinutes: number,
  longMinutes: number,
  horizon: number,
): number {
  const points: number[] = [];
  for (let k = i; k <= j; k++) {
    for (const p of [seg.start[k]!, seg.end[k]!]) points.push(p, p + shortMinutes, p + longMinutes);
  }
  points.sort((a, b) => a - b);
  const avg = (t: number, w: number) => baseline + (extraBefore(seg, i, j, t) - extraBefore(seg, i, j, t - w)) / w;
  let firing = false;
  let firings = 0;
  let previous = -Infinity;
  let prevLong = 0;
  let prevShort = 0;
  const visit = (t: number, long: number, short: number) => {
    const on = long > threshold && short > threshold;
    if (on && !firing) firings++;
    firing = on;
  };
  for (const t of points) {
    if (t === previous || t >= horizon) continue;
    const long = avg(t, longMinutes);
    const short = avg(t, shortMinutes);
    if (previous > -Infinity) {
      // Between two instants both averages are straight lines; where they cross, their minimum turns.
      const dl = long - prevLong;
      const ds = short - prevShort;
      if (dl !== ds) {
        const f = (prevShort - prevLong) / (dl - ds);
        if (f > 0 && f < 1) visit(previous + f * (t - previous), prevLong + f * dl, prevShort + f * ds);
      }
    }
    visit(t, long, short);
    previous = t;
    prevLong = long;
    prevShort = short;
  }
  return firings;
}
