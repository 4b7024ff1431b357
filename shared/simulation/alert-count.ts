// How often a multi-window burn-rate alert fires during a simulated window. The alert fires while the error rate
// averaged over both its long and its short window is above its threshold (factor × error budget), compared with `>`
// as the backtest and the exported rules compare; one firing lasts until either average is back at or below it.
// Averages are over time; before the window the service ran at its baseline.
import type { Segments } from './timeline';

/** Scratch space for the instants a cluster is checked at, reused from call to call. */
let points = new Float64Array(256);

/**
 * The firings of one alert window pair over a trial's segments in [0, horizon), for several thresholds at once (the
 * tiers sharing the pair): `thresholds[k]` = factor × (1 − target of tier k) as an error rate; the counts are added to
 * `counts[k]`. The error rate is piecewise constant, so each average is piecewise linear between the segments'
 * boundaries shifted by 0, the short and the long window: it is checked exactly at those instants, and where the two
 * averages cross between them (where their minimum turns).
 */
export function countFirings(
  seg: Segments,
  baseline: number,
  thresholds: Float64Array,
  counts: Float64Array,
  shortMinutes: number,
  longMinutes: number,
  horizon: number,
): void {
  let lowest = Infinity;
  // Thresholds the baseline alone is above fire once, for the whole window.
  let always = 0;
  for (let k = 0; k < thresholds.length; k++) {
    if (baseline > thresholds[k]!) {
      counts[k] = counts[k]! + 1;
      always |= 1 << k;
    } else lowest = Math.min(lowest, thresholds[k]!);
  }
  if (lowest === Infinity) return;
  const n = seg.n;
  let i = 0;
  while (i < n) {
    // A cluster: segments closer than a long window to the next can add up inside one window.
    let j = i;
    let maxExtra = seg.extra[i]!;
    while (j + 1 < n && seg.start[j + 1]! - seg.end[j]! < longMinutes) {
      j++;
      if (seg.extra[j]! > maxExtra) maxExtra = seg.extra[j]!;
    }
    // The short average never exceeds the highest rate; the long one never the cluster's whole extra over one window.
    if (baseline + maxExtra > lowest && baseline + (seg.cumulative[j + 1]! - seg.cumulative[i]!) / longMinutes > lowest) {
      if (i === j) {
        // A lone segment's two averages both peak when it ends, the short one at least as high as the long one.
        const peak = baseline + (seg.extra[i]! * Math.min(seg.end[i]! - seg.start[i]!, longMinutes)) / longMinutes;
        for (let k = 0; k < thresholds.length; k++) if (baseline <= thresholds[k]! && peak > thresholds[k]!) counts[k] = counts[k]! + 1;
      } else {
        clusterFirings(seg, i, j, baseline, thresholds, counts, always, shortMinutes, longMinutes, horizon);
      }
    }
    i = j + 1;
  }
}

/** The firings of a cluster of segments i..j, walking the instants where the averages bend. */
function clusterFirings(
  seg: Segments,
  i: number,
  j: number,
  baseline: number,
  thresholds: Float64Array,
  counts: Float64Array,
  always: number,
  shortMinutes: number,
  longMinutes: number,
  horizon: number,
): void {
  const m = (j - i + 1) * 6;
  if (points.length < m + 1) points = new Float64Array(m * 2 + 1);
  // Six sorted streams (starts and ends, each as is and shifted by the short and the long window), merged in order.
  let p = 0;
  let a0 = i;
  let a1 = i;
  let a2 = i;
  let b0 = i;
  let b1 = i;
  let b2 = i;
  while (p < m) {
    const v0 = a0 <= j ? seg.start[a0]! : Infinity;
    const v1 = a1 <= j ? seg.start[a1]! + shortMinutes : Infinity;
    const v2 = a2 <= j ? seg.start[a2]! + longMinutes : Infinity;
    const w0 = b0 <= j ? seg.end[b0]! : Infinity;
    const w1 = b1 <= j ? seg.end[b1]! + shortMinutes : Infinity;
    const w2 = b2 <= j ? seg.end[b2]! + longMinutes : Infinity;
    const least = Math.min(v0, v1, v2, w0, w1, w2);
    if (least === v0) a0++;
    else if (least === v1) a1++;
    else if (least === v2) a2++;
    else if (least === w0) b0++;
    else if (least === w1) b1++;
    else b2++;
    points[p++] = least;
  }
  // The window's last instant is checked too: a firing can begin after the last bend (the backtest's last sample).
  let upTo = 0;
  while (upTo < p && points[upTo]! <= horizon) upTo++;
  points[upTo++] = horizon;
  p = upTo;
  const sorted = points;
  const nt = thresholds.length;
  // One firing flag per threshold, as a bit mask (at most 31 tiers share a pair; three in practice).
  let firing = always;
  // Cursors: the first segment of the cluster not yet ended at t, t − long and t − short (each only moves forward).
  let kNow = i;
  let kLong = i;
  let kShort = i;
  const base = seg.cumulative[i]!;
  let previous = -Infinity;
  let prevLong = 0;
  let prevShort = 0;
  for (let q = 0; q < p; q++) {
    const t = sorted[q]!;
    if (t === previous) continue;
    while (kNow <= j && seg.end[kNow]! <= t) kNow++;
    const tl = t - longMinutes;
    while (kLong <= j && seg.end[kLong]! <= tl) kLong++;
    const ts = t - shortMinutes;
    while (kShort <= j && seg.end[kShort]! <= ts) kShort++;
    const now = seg.cumulative[kNow]! - base + (kNow <= j && seg.start[kNow]! < t ? seg.extra[kNow]! * (t - seg.start[kNow]!) : 0);
    const atLong = seg.cumulative[kLong]! - base + (kLong <= j && seg.start[kLong]! < tl ? seg.extra[kLong]! * (tl - seg.start[kLong]!) : 0);
    const atShort = seg.cumulative[kShort]! - base + (kShort <= j && seg.start[kShort]! < ts ? seg.extra[kShort]! * (ts - seg.start[kShort]!) : 0);
    const long = baseline + (now - atLong) / longMinutes;
    const short = baseline + (now - atShort) / shortMinutes;
    if (previous > -Infinity) {
      const dl = long - prevLong;
      const ds = short - prevShort;
      if (dl !== ds) {
        const f = (prevShort - prevLong) / (dl - ds);
        if (f > 0 && f < 1) firing = visit(Math.min(prevLong + f * dl, prevShort + f * ds), thresholds, counts, firing, nt);
      }
    }
    firing = visit(Math.min(long, short), thresholds, counts, firing, nt);
    previous = t;
    prevLong = long;
    prevShort = short;
  }
}

/** Counts the thresholds the lower average newly exceeds and returns which are exceeded now. */
function visit(lower: number, thresholds: Float64Array, counts: Float64Array, firing: number, nt: number): number {
  let now = 0;
  for (let k = 0; k < nt; k++) {
    if (lower > thresholds[k]!) {
      now |= 1 << k;
      if ((firing & (1 << k)) === 0) counts[k] = counts[k]! + 1;
    }
  }
  return now;
}
