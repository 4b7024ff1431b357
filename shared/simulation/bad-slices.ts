// Timeslices in a simulated window: a slice is bad when its error ratio (bad over total requests in it, traffic
// weighted) is above 1 − the slice target, as sliceTally judges imported history. Only whole slices count.
import type { Curve } from './curve';
import type { Segments } from './timeline';
import { cumulative, type TrafficProfile } from './traffic-profile';

/** The bad slices of a trial as runs of whole slices, and their number. */
export type BadSlices = { curve: Curve; count: number };

const EPSILON = 1e-12;

/**
 * The trial's bad slices of `sliceMinutes` within the window's whole slices, as a curve that spends 1 per bad slice,
 * evenly through it (so the budget left at t is 1 − bad slices so far ÷ the budget in slices). A slice is bad when
 * (baseline × its traffic + the segments' extra × their traffic in it) ÷ its traffic > errorThreshold.
 */
export function badSlices(
  seg: Segments,
  baseline: number,
  profile: TrafficProfile | null,
  sliceMinutes: number,
  errorThreshold: number,
  windowMinutes: number,
  out: Curve,
): BadSlices {
  const slices = Math.floor(windowMinutes / sliceMinutes + EPSILON);
  const rate = 1 / sliceMinutes;
  out.base = 0;
  out.profile = null;
  out.n = 0;
  const addRun = (from: number, to: number) => {
    if (to <= from) return;
    const last = out.n - 1;
    if (last >= 0 && out.end[last] === from * sliceMinutes) {
      out.end[last] = to * sliceMinutes;
      return;
    }
    if (out.n === out.start.length) grow(out);
    out.start[out.n] = from * sliceMinutes;
    out.end[out.n] = to * sliceMinutes;
    out.rate[out.n] = rate;
    out.n++;
  };
  if (baseline > errorThreshold) {
    addRun(0, slices);
    finish(out);
    return { curve: out, count: slices };
  }
  const C = (t: number) => (profile ? cumulative(profile, t) : t);
  // The error ratio of slice k from the segments around segment i.
  const ratio = (k: number, i: number): number => {
    const s = k * sliceMinutes;
    const e = s + sliceMinutes;
    const traffic = C(e) - C(s);
    if (!(traffic > 0)) return 0;
    let j = i;
    while (j > 0 && seg.end[j - 1]! > s) j--;
    let bad = baseline * traffic;
    for (; j < seg.n && seg.start[j]! < e; j++) bad += seg.extra[j]! * (C(Math.min(e, seg.end[j]!)) - C(Math.max(s, seg.start[j]!)));
    return bad / traffic;
  };
  let count = 0;
  // The next slice not yet judged: slices are visited in order, each once.
  let next = 0;
  const judge = (k: number, i: number) => {
    if (k < next || k >= slices) return;
    next = k + 1;
    if (ratio(k, i) > errorThreshold) {
      addRun(k, k + 1);
      count++;
    }
  };
  for (let i = 0; i < seg.n; i++) {
    const first = Math.floor(seg.start[i]! / sliceMinutes + EPSILON);
    const last = Math.ceil(seg.end[i]! / sliceMinutes - EPSILON) - 1;
    judge(first, i);
    // Slices wholly inside one segment have its rate throughout.
    const innerFrom = Math.max(first + 1, next);
    const innerTo = Math.min(last, slices);
    if (innerTo > innerFrom) {
      if (baseline + seg.extra[i]! > errorThreshold) {
        addRun(innerFrom, innerTo);
        count += innerTo - innerFrom;
      }
      next = innerTo;
    }
    if (last > first) judge(last, i);
  }
  finish(out);
  return { curve: out, count };
}

/** The clock of bad slices is time; done[] adds up the runs. */
function finish(c: Curve): void {
  c.clockStart = c.start;
  c.clockEnd = c.end;
  if (c.done.length < c.n + 1) c.done = new Float64Array(c.start.length + 1);
  c.done[0] = 0;
  for (let i = 0; i < c.n; i++) c.done[i + 1] = c.done[i]! + c.rate[i]! * (c.end[i]! - c.start[i]!);
}

function grow(c: Curve): void {
  const size = c.start.length * 2;
  const grown = (a: Float64Array) => {
    const b = new Float64Array(size);
    b.set(a);
    return b;
  };
  c.start = grown(c.start);
  c.end = grown(c.end);
  c.rate = grown(c.rate);
}
