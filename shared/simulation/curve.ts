// The budget a trial spends through its window, S(t), for each way a tier counts: by events (weighted by traffic), by
// time (RatioTimeslices: each slice spends its mean shortfall) or by bad slices (Timeslices). All three are a base
// rate plus pieces of extra rate, integrated over a clock that is traffic or time; the budget left at t is 1 − S(t) ÷ B.
import type { Segments } from './timeline';
import { cumulative, inverseCumulative, type TrafficProfile } from './traffic-profile';

/** S(t) = base × C(t) + Σ rate_i × (C(min(end_i, t)) − C(start_i)), C being the profile's traffic or plain time. */
export type Curve = {
  base: number;
  /** The clock: traffic-minutes (occurrences) or minutes (null). */
  profile: TrafficProfile | null;
  n: number;
  start: Float64Array;
  end: Float64Array;
  rate: Float64Array;
  /** The clock at each piece's start and end (the same arrays as start and end when the clock is time). */
  clockStart: Float64Array;
  clockEnd: Float64Array;
  /** done[i]: what the pieces before piece i spend, Σ rate × (clockEnd − clockStart); done[n] is their total. */
  done: Float64Array;
};

function clock(c: Curve, t: number): number {
  return c.profile ? cumulative(c.profile, t) : t;
}

/** The instant the clock reads y, known to lie in [after, before]. */
function unclock(c: Curve, y: number, after: number, before: number): number {
  return c.profile ? inverseCumulative(c.profile, y, after, before) : y;
}

/** The curve's clock at each of `times`, for valuesAt to read when it is called with the same times again and again. */
export function clocksAt(profile: TrafficProfile | null, times: Float64Array): Float64Array {
  return profile ? times.map((t) => cumulative(profile, t)) : times;
}

/** S(t) at each of `times` (ascending), written to `out`; `clocks` = clocksAt(c.profile, times) when known. */
export function valuesAt(c: Curve, times: Float64Array, out: Float64Array, clocks: Float64Array = clocksAt(c.profile, times)): void {
  let i = 0;
  let done = 0;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    while (i < c.n && c.end[i]! <= t) {
      done += c.rate[i]! * (c.clockEnd[i]! - c.clockStart[i]!);
      i++;
    }
    let partial = 0;
    if (i < c.n && c.start[i]! < t) partial = c.rate[i]! * (clocks[k]! - c.clockStart[i]!);
    out[k] = c.base * clocks[k]! + done + partial;
  }
}

/** S(t) at one instant. */
export function valueAt(c: Curve, t: number): number {
  let v = c.base * clock(c, t);
  for (let i = 0; i < c.n && c.start[i]! < t; i++) v += c.rate[i]! * (clock(c, Math.min(c.end[i]!, t)) - clock(c, c.start[i]!));
  return v;
}

/**
 * The first instant in [0, until] at which S exceeds x, or Infinity when it never does. S is continuous and never
 * falls, so the answer is where it crosses x: found piece by piece and solved inside the piece through the clock.
 */
export function crossing(c: Curve, x: number, until: number): number {
  ONE[0] = x;
  crossings(c, ONE, until, ONE_OUT);
  return ONE_OUT[0]!;
}

const ONE = new Float64Array(1);
const ONE_OUT = new Float64Array(1);

/** crossing for several levels at once (ascending), in one walk over the pieces: out[k] for xs[k]. */
export function crossings(c: Curve, xs: Float64Array, until: number, out: Float64Array): void {
  let k = 0;
  while (k < xs.length && xs[k]! < 0) out[k++] = 0;
  const untilClock = clock(c, until);
  // Levels clearly above S(until) are never crossed: no walk (near it, the walk's own sum decides).
  let last = xs.length;
  if (c.n === 0 || c.end[c.n - 1]! <= until) {
    const final = c.base * untilClock + c.done[c.n]!;
    while (last > k && xs[last - 1]! > final * (1 + 1e-9) + 1e-12) out[--last] = Infinity;
  }
  let at = 0;
  let from = clock(c, 0);
  let s = 0;
  let i = 0;
  while (at < until && k < last) {
    const inPiece = i < c.n && c.start[i]! <= at;
    let stop: number;
    let stopClock: number;
    if (inPiece) {
      stop = c.end[i]! < until ? c.end[i]! : until;
      stopClock = c.end[i]! < until ? c.clockEnd[i]! : untilClock;
    } else {
      stop = i < c.n && c.start[i]! < until ? c.start[i]! : until;
      stopClock = i < c.n && c.start[i]! < until ? c.clockStart[i]! : untilClock;
    }
    const rate = c.base + (inPiece ? c.rate[i]! : 0);
    const gain = rate * (stopClock - from);
    while (k < last && s + gain > xs[k]!) {
      out[k] = rate > 0 ? Math.min(stop, Math.max(at, unclock(c, from + (xs[k]! - s) / rate, at, stop))) : stop;
      k++;
    }
    s += gain;
    at = stop;
    from = stopClock;
    if (inPiece) i++;
  }
  while (k < last) out[k++] = Infinity;
}

/**
 * A curve over a trial's segments: base = the baseline error rate, pieces = the segments' extra rates. The curve object
 * is the segments' own (one by time, one by traffic), refreshed on each call rather than made anew every trial.
 */
export function errorCurve(seg: Segments, baseline: number, profile: TrafficProfile | null): Curve {
  if (profile) seg.clockWith(profile);
  const c = profile ? (seg.trafficCurve ??= blank()) : (seg.timeCurve ??= blank());
  c.base = baseline;
  c.profile = profile;
  c.n = seg.n;
  c.start = seg.start;
  c.end = seg.end;
  c.rate = seg.extra;
  c.clockStart = profile ? seg.clockStart : seg.start;
  c.clockEnd = profile ? seg.clockEnd : seg.end;
  c.done = profile ? seg.clockCumulative : seg.cumulative;
  return c;
}

/** An empty curve with room for 64 pieces, on the time clock. */
export function blank(): Curve {
  const start = new Float64Array(64);
  const end = new Float64Array(64);
  return { base: 0, profile: null, n: 0, start, end, rate: new Float64Array(64), clockStart: start, clockEnd: end, done: new Float64Array(65) };
}
