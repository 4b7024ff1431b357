// How often a multi-window burn-rate alert fires during a simulated window. The alert fires while the error rate
// averaged over both its long and its short window is above its threshold (factor × error budget), compared with `>`
// as the backtest and the exported rules compare; one firing lasts until either average is back at or below it.
// Averages are over time; before the window the service ran at its baseline.
import type { Segments } from './timeline';

/** Scratch space for the instants a zone is checked at, reused from call to call. */
let points = new Float64Array(256);

/**
 * The firings of one alert window pair over a trial's segments in [0, horizon), for several thresholds at once (the
 * tiers sharing the pair): `thresholds[k]` = factor × (1 − target of tier k) as an error rate; the counts are added to
 * `counts[k]`.
 *
 * The short average is at the baseline wherever no segment lies within a short window before, so an alert can only
 * fire inside a zone: segments less than a short window apart, up to a short window after the last one ends. Zones
 * are judged one by one. The error rate is piecewise constant, so each average is piecewise linear between the
 * boundaries of the segments shifted by 0, the short and the long window: a zone is checked exactly at those instants,
 * and where the two averages cross between them (where their minimum turns), up to its last segment's end, after which
 * neither average rises and no firing can begin. A zone of one segment in which no earlier
 * segment leaves the long window while it lasts has both averages rising until it ends and falling after, so it fires
 * once if their minimum at its end is above the threshold.
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
  const start = seg.start;
  const end = seg.end;
  const extra = seg.extra;
  const cumulative = seg.cumulative;
  // The first segment not yet ended a long window before the zone's start (it only moves forward).
  let kLong = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let maxExtra = extra[i]!;
    while (j + 1 < n && start[j + 1]! - end[j]! < shortMinutes) {
      j++;
      if (extra[j]! > maxExtra) maxExtra = extra[j]!;
    }
    const from = start[i]!;
    while (kLong < n && end[kLong]! <= from - longMinutes) kLong++;
    // Neither average exceeds the highest rate in the zone; the long one never what is within a long window of it.
    // (The second bound is compared as a product, with slack so rounding never skips a zone that could fire.)
    if (baseline + maxExtra > lowest && cumulative[j + 1]! - cumulative[kLong]! > (lowest - baseline) * longMinutes * (1 - 1e-9)) {
      const e = end[i]!;
      if (i === j && !(kLong < n && start[kLong]! < e - longMinutes)) {
        const tl = e - longMinutes;
        let k = kLong;
        while (k < n && end[k]! <= tl) k++;
        const atLong = cumulative[k]! + (k < n && start[k]! < tl ? extra[k]! * (tl - start[k]!) : 0);
        const long = baseline + (cumulative[i + 1]! - atLong) / longMinutes;
        const short = baseline + (extra[i]! * Math.min(e - from, shortMinutes)) / shortMinutes;
        const peak = Math.min(long, short);
        for (let k = 0; k < thresholds.length; k++) if ((always & (1 << k)) === 0 && peak > thresholds[k]!) counts[k] = counts[k]! + 1;
      } else {
        zoneFirings(seg, i, j, kLong, baseline, thresholds, counts, always, shortMinutes, longMinutes, horizon);
      }
    }
    i = j + 1;
  }
}

/** The firings in the zone of segments i..j, walking the instants where the averages bend; kLong as countFirings keeps it. */
function zoneFirings(
  seg: Segments,
  i: number,
  j: number,
  kLong: number,
  baseline: number,
  thresholds: Float64Array,
  counts: Float64Array,
  always: number,
  shortMinutes: number,
  longMinutes: number,
  horizon: number,
): void {
  const n = seg.n;
  const from = seg.start[i]!;
  // After the zone's last segment ends neither average rises again, so no firing can begin: the walk ends there.
  const to = Math.min(horizon, seg.end[j]!);
  // The zone's own bends (starts and ends, as is and a short window later), and where earlier segments enter and leave the long window.
  let p = 0;
  const need = (j - i + 1) * 4 + (j - kLong + 1) * 2 + 1;
  if (points.length < need) points = new Float64Array(need * 2);
  const add = (t: number) => {
    if (t >= from && t <= to) points[p++] = t;
  };
  for (let g = i; g <= j; g++) {
    add(seg.start[g]!);
    add(seg.end[g]!);
    add(seg.start[g]! + shortMinutes);
    add(seg.end[g]! + shortMinutes);
  }
  for (let g = kLong; g <= j && seg.start[g]! + longMinutes <= to; g++) {
    add(seg.start[g]! + longMinutes);
    add(seg.end[g]! + longMinutes);
  }
  points[p++] = to;
  // Insertion sort: a zone holds a handful of instants.
  for (let a = 1; a < p; a++) {
    const t = points[a]!;
    let b = a - 1;
    while (b >= 0 && points[b]! > t) {
      points[b + 1] = points[b]!;
      b--;
    }
    points[b + 1] = t;
  }
  const nt = thresholds.length;
  // One firing flag per threshold, as a bit mask (at most 31 tiers share a pair; three in practice).
  let firing = always;
  // Cursors: the first segment not yet ended at t, t − long and t − short (each only moves forward).
  let kNow = i;
  let kShort = i;
  const start = seg.start;
  const end = seg.end;
  const extra = seg.extra;
  const cumulative = seg.cumulative;
  let previous = -Infinity;
  let prevLong = 0;
  let prevShort = 0;
  for (let q = 0; q < p; q++) {
    const t = points[q]!;
    if (t === previous) continue;
    while (kNow < n && end[kNow]! <= t) kNow++;
    const tl = t - longMinutes;
    while (kLong < n && end[kLong]! <= tl) kLong++;
    const ts = t - shortMinutes;
    while (kShort < n && end[kShort]! <= ts) kShort++;
    const now = cumulative[kNow]! + (kNow < n && start[kNow]! < t ? extra[kNow]! * (t - start[kNow]!) : 0);
    const atLong = cumulative[kLong]! + (kLong < n && start[kLong]! < tl ? extra[kLong]! * (tl - start[kLong]!) : 0);
    const atShort = cumulative[kShort]! + (kShort < n && start[kShort]! < ts ? extra[kShort]! * (ts - start[kShort]!) : 0);
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
