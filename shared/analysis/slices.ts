import { PPM_PER_WHOLE } from '../domain/percent';
import type { Timeslice } from '../domain/types';
import type { History } from './history';

const MINUTE_MS = 60_000;

/** Good and bad slices counted so far; a slice may count for several when samples are coarser than slices. */
export type SliceTally = { slices: number; good: number; bad: number };

/** Slices written as they close (or runs of whole slices one sample spans): end, good slices and slices; n entries so far. */
type SliceColumns = { t: Float64Array; good: Float64Array; total: Float64Array; n: number };

/**
 * The good share of one slice holding these counts: under RatioTimeslices its ratio, else 1 when it reaches the slice
 * target and 0 when not; NaN for a slice without traffic, which counts neither way.
 */
export function sliceGoodShare(good: number, total: number, slice: Timeslice, ratio: boolean): number {
  if (!(total > 0)) return NaN;
  if (ratio) return Math.min(1, Math.max(0, good / total));
  return good * PPM_PER_WHOLE >= slice.sliceTargetPpm * total ? 1 : 0;
}

/** The bad slices a slice holding these counts adds when it closes: 0 without traffic. */
function openSliceBad(good: number, total: number, slice: Timeslice, ratio: boolean): number {
  const share = sliceGoodShare(good, total, slice, ratio);
  return Number.isNaN(share) ? 0 : 1 - share;
}

function addSlice(tally: SliceTally, good: number, total: number, weight: number, slice: Timeslice, ratio: boolean, endMs: number, out?: SliceColumns): void {
  const share = sliceGoodShare(good, total, slice, ratio);
  if (Number.isNaN(share)) return;
  tally.slices += weight;
  tally.good += weight * share;
  tally.bad += weight * (1 - share);
  if (!out) return;
  // A run of whole slices a coarse sample spans can end where the slice before it closed: one entry, as times must increase.
  if (out.n > 0 && out.t[out.n - 1] === endMs) {
    out.good[out.n - 1]! += weight * share;
    out.total[out.n - 1]! += weight;
    return;
  }
  out.t[out.n] = endMs;
  out.good[out.n] = weight * share;
  out.total[out.n] = weight;
  out.n++;
}

/**
 * Good and bad slices of samples lo…hi−1 under a time-slice method, slices (startMs + k·slice, startMs + (k+1)·slice]
 * like the samples' own intervals. A sample stands for the time since the previous sample (at most stepMs, so a gap is
 * not counted as slices). One longer than a slice is spread evenly over its span: the part in the slice where it ends
 * joins that slice, and the whole slices before count with its own ratio. So a coarse series counts every slice it
 * covers, and a sparse one (an uptime history, hourly samples split at each outage) counts each once. `onSample`, when
 * given, hears the bad slices counted so far after each sample (the open slice closes at the last one); `out`, when
 * given, receives each slice as it closes (it needs room for 2 × (hi − lo) + 1 entries).
 */
export function sliceTally(
  h: History,
  lo: number,
  hi: number,
  startMs: number,
  slice: Timeslice,
  stepMs: number,
  ratio: boolean,
  onSample?: (i: number, badSoFar: number) => void,
  out?: SliceColumns,
): SliceTally {
  const sliceMs = slice.sliceMinutes * MINUTE_MS;
  const tally: SliceTally = { slices: 0, good: 0, bad: 0 };
  let current = -1;
  let good = 0;
  let total = 0;
  for (let i = lo; i < hi; i++) {
    const t = h.t[i]!;
    const index = Math.max(0, Math.ceil((t - startMs) / sliceMs) - 1);
    if (index !== current) {
      addSlice(tally, good, total, 1, slice, ratio, startMs + (current + 1) * sliceMs, out);
      current = index;
      good = 0;
      total = 0;
    }
    const spanMs = i > 0 ? Math.min(t - h.t[i - 1]!, stepMs) : stepMs;
    // A sample no longer than a slice belongs wholly to the slice it ends in, as readings at the slice length do.
    const inSlice = spanMs <= sliceMs ? spanMs : Math.min(spanMs, t - (startMs + index * sliceMs));
    const before = Math.min((spanMs - inSlice) / sliceMs, index);
    const share = spanMs > 0 ? inSlice / spanMs : 1;
    if (before > 0) addSlice(tally, h.good[i]! * (1 - share), h.total[i]! * (1 - share), before, slice, ratio, startMs + index * sliceMs, out);
    good += h.good[i]! * share;
    total += h.total[i]! * share;
    // Only closed slices count until the last sample, where the open one closes: spending never goes back.
    if (onSample) onSample(i, tally.bad + (i === hi - 1 ? openSliceBad(good, total, slice, ratio) : 0));
  }
  addSlice(tally, good, total, 1, slice, ratio, startMs + (current + 1) * sliceMs, out);
  return tally;
}

/**
 * Samples lo…hi−1 as their slices: one entry per slice (or run of whole slices one sample spans) at the slice's end,
 * good = its good slices, total = the slices it counts for; slices without traffic are left out. Good / total of any
 * run of entries is then the SLI the time-slice method gives those slices, and total − good their bad slices.
 * It takes sliceTally's parameters because it passes them on.
 */
export function sliceHistory(
  h: History,
  lo: number,
  hi: number,
  startMs: number,
  slice: Timeslice,
  stepMs: number,
  ratio: boolean,
): { slices: History; tally: SliceTally } {
  // Each sample closes at most the slice before it and a run of whole slices it spans; the last slice closes after.
  const room = 2 * Math.max(0, hi - lo) + 1;
  const out: SliceColumns = { t: new Float64Array(room), good: new Float64Array(room), total: new Float64Array(room), n: 0 };
  const tally = sliceTally(h, lo, hi, startMs, slice, stepMs, ratio, undefined, out);
  return { slices: { t: out.t.subarray(0, out.n), good: out.good.subarray(0, out.n), total: out.total.subarray(0, out.n) }, tally };
}
