// One trial's error timeline: episodes (a failed deploy, an incident, an event, a dependency outage) swept into
// non-overlapping segments of constant error rate above the baseline. Rates of overlapping causes add, and at most
// every request fails; within a segment the extra error is shared among the causes active in it in proportion to
// their rates, so the budget each cause spent adds up to what was spent.
import type { Curve } from './curve';
import { CAUSES, type Cause } from './result';
import { cumulative, type TrafficProfile } from './traffic-profile';

/** Index of each cause in per-cause arrays. */
export const CAUSE_INDEX: Readonly<Record<Cause, number>> = { baseline: 0, deploys: 1, incidents: 2, events: 3, dependencies: 4 };

const NCAUSES = CAUSES.length;

/** Up to this many boundaries an insertion sort is the fastest; above it, the quadratic cost would tell. */
const INSERTION_SORT_MAX = 64;

/** The episodes of one trial, in growable typed arrays reused from trial to trial. */
export class Episodes {
  n = 0;
  start = new Float64Array(64);
  end = new Float64Array(64);
  rate = new Float64Array(64);
  cause = new Uint8Array(64);

  clear(): void {
    this.n = 0;
  }

  /** Adds an episode [startMinute, endMinute) failing a share `rate` of requests. */
  push(startMinute: number, endMinute: number, rate: number, cause: number): void {
    if (!(rate > 0) || !(endMinute > startMinute)) return;
    if (this.n === this.start.length) this.grow();
    const i = this.n++;
    this.start[i] = startMinute;
    this.end[i] = endMinute;
    this.rate[i] = rate;
    this.cause[i] = cause;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (n) => new Float64Array(n));
    this.end = copy(this.end, (n) => new Float64Array(n));
    this.rate = copy(this.rate, (n) => new Float64Array(n));
    this.cause = copy(this.cause, (n) => new Uint8Array(n));
  }
}

/** Segments of constant extra error rate (above the baseline), sorted and not overlapping, with each cause's part. */
export class Segments {
  n = 0;
  start = new Float64Array(128);
  end = new Float64Array(128);
  extra = new Float64Array(128);
  byCause = new Float64Array(128 * NCAUSES);
  /** cumulative[k]: extra error-minutes (over time) in the segments before segment k; cumulative[n] is their total. */
  cumulative = new Float64Array(129);
  /** The traffic clock C(t) at each segment's start and end, once clockWith has filled them for the current sweep. */
  clockStart = new Float64Array(128);
  clockEnd = new Float64Array(128);
  /** clockCumulative[k]: extra error by the traffic clock in the segments before segment k, as cumulative is by time. */
  clockCumulative = new Float64Array(129);
  private clocked: TrafficProfile | null = null;
  /** The curves errorCurve keeps for these segments, by time and by traffic. */
  timeCurve: Curve | null = null;
  trafficCurve: Curve | null = null;
  private readonly sum = new Float64Array(NCAUSES);
  private readonly active = new Int32Array(NCAUSES);
  private times = new Float64Array(256);
  private order = new Int32Array(256);

  /**
   * Sweeps the episodes into segments inside [0, horizon]: at every moment the error rate is min(1, baseline + the
   * rates of the active episodes), and a segment records what is above the baseline.
   */
  sweep(ep: Episodes, baseline: number, horizon: number): void {
    this.n = 0;
    this.cumulative[0] = 0;
    this.clocked = null;
    const m = ep.n * 2;
    if (this.times.length < m) {
      this.times = new Float64Array(m * 2);
      this.order = new Int32Array(m * 2);
    }
    const times = this.times;
    const order = this.order;
    for (let i = 0; i < ep.n; i++) {
      times[2 * i] = ep.start[i]!;
      times[2 * i + 1] = ep.end[i]!;
    }
    // Boundaries by time, equal times in the order of their index: an insertion sort for the tens a trial usually has,
    // the library's sort for the thousands an extreme scenario can have.
    if (m <= INSERTION_SORT_MAX) {
      for (let k = 0; k < m; k++) {
        const t = times[k]!;
        let j = k - 1;
        while (j >= 0 && times[order[j]!]! > t) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = k;
      }
    } else {
      for (let k = 0; k < m; k++) order[k] = k;
      order.subarray(0, m).sort((a, b) => times[a]! - times[b]! || a - b);
    }
    const sum = this.sum.fill(0);
    const active = this.active.fill(0);
    // The rates of all active episodes, kept as a running total (exactly 0 when none is active).
    let total = 0;
    let open = 0;
    let k = 0;
    while (k < m) {
      const at = times[order[k]!]!;
      while (k < m && times[order[k]!]! === at) {
        const b = order[k]!;
        const i = b >> 1;
        const c = ep.cause[i]!;
        if ((b & 1) === 0) {
          sum[c] = sum[c]! + ep.rate[i]!;
          active[c] = active[c]! + 1;
          total += ep.rate[i]!;
          open++;
        } else {
          active[c] = active[c]! - 1;
          // Subtracting rates back leaves rounding dust; with no episode of the cause left its rate is exactly 0.
          sum[c] = active[c] === 0 ? 0 : sum[c]! - ep.rate[i]!;
          total = --open === 0 ? 0 : total - ep.rate[i]!;
        }
        k++;
      }
      if (k === m) break;
      const next = times[order[k]!]!;
      const s = Math.max(0, at);
      const e = Math.min(horizon, next);
      if (!(e > s)) continue;
      if (!(total > 0)) continue;
      const extra = Math.min(1, baseline + total) - baseline;
      if (!(extra > 0)) continue;
      this.add(s, e, extra, sum, extra / total);
    }
  }

  /** Fills clockStart and clockEnd with the profile's clock, once per sweep. */
  clockWith(profile: TrafficProfile): void {
    if (this.clocked === profile) return;
    this.clocked = profile;
    this.clockCumulative[0] = 0;
    for (let i = 0; i < this.n; i++) {
      this.clockStart[i] = cumulative(profile, this.start[i]!);
      this.clockEnd[i] = cumulative(profile, this.end[i]!);
      this.clockCumulative[i + 1] = this.clockCumulative[i]! + this.extra[i]! * (this.clockEnd[i]! - this.clockStart[i]!);
    }
  }

  private add(s: number, e: number, extra: number, sum: Float64Array, share: number): void {
    if (this.n === this.start.length) this.grow();
    const i = this.n++;
    this.start[i] = s;
    this.end[i] = e;
    this.extra[i] = extra;
    for (let c = 0; c < NCAUSES; c++) this.byCause[i * NCAUSES + c] = sum[c]! * share;
    this.cumulative[i + 1] = this.cumulative[i]! + extra * (e - s);
  }

  private grow(): void {
    const size = this.start.length * 2;
    const grown = (a: Float64Array, n: number) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.extra = grown(this.extra, size);
    this.byCause = grown(this.byCause, size * NCAUSES);
    this.cumulative = grown(this.cumulative, size + 1);
    this.clockStart = new Float64Array(size);
    this.clockEnd = new Float64Array(size);
    this.clockCumulative = new Float64Array(size + 1);
  }

  /** The extra error rate at an instant (0 outside every segment). */
  extraAt(t: number): number {
    for (let i = 0; i < this.n; i++) {
      if (this.start[i]! > t) return 0;
      if (t < this.end[i]!) return this.extra[i]!;
    }
    return 0;
  }
}
