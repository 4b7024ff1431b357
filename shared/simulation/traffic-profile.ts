// Traffic through a simulated window: hour by hour, shaped by the hour of the week (UTC) and grown month by month.
// Occurrence budgets weigh each bad minute by the traffic in it; the cumulative traffic C(t) is what they read.
import { SHAPE_PRESETS } from './scenario';

const HOURS_PER_WEEK = 168;
const MINUTES_PER_HOUR = 60;
const DAY_MS = 86_400_000;

/** A month as the growth rate counts it: the mean Gregorian month, 30.436875 days. */
export const MONTH_MINUTES = 30.436875 * 1440;

/** A weekly shape as 24 hourly weights (UTC) and 7 weekday weights, Monday first. */
export type ShapeWeights = { daily: readonly number[]; weekly: readonly number[] };

const ONES_24 = Array.from({ length: 24 }, () => 1);
const ONES_7 = Array.from({ length: 7 }, () => 1);

/**
 * The presets: a web service busiest in the afternoon and evening and quieter at weekends; business hours on weekdays;
 * a nightly batch whose traffic arrives between 01:00 and 04:00.
 */
export const SHAPES: Readonly<Record<(typeof SHAPE_PRESETS)[number], ShapeWeights>> = {
  flat: { daily: ONES_24, weekly: ONES_7 },
  web: {
    daily: [0.45, 0.35, 0.3, 0.28, 0.3, 0.4, 0.6, 0.85, 1.05, 1.2, 1.3, 1.35, 1.4, 1.45, 1.45, 1.4, 1.4, 1.45, 1.5, 1.5, 1.4, 1.2, 0.9, 0.65],
    weekly: [1.05, 1.05, 1.05, 1.05, 1.0, 0.9, 0.9],
  },
  'business-hours': {
    daily: [0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.6, 2, 2, 2, 1.8, 2, 2, 2, 1.8, 1.2, 0.5, 0.3, 0.2, 0.15, 0.1, 0.1],
    weekly: [1, 1, 1, 1, 1, 0.15, 0.1],
  },
  'nightly-batch': {
    daily: [0.2, 6, 6, 6, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
    weekly: ONES_7,
  },
};

/** The hour of the week (0 = Monday 00:00–01:00 UTC) an instant falls in. */
export function hourOfWeek(ms: number): number {
  const days = Math.floor(ms / DAY_MS);
  // 1 January 1970 was a Thursday: weekday index 3 with Monday as 0.
  const weekday = (((days + 3) % 7) + 7) % 7;
  const hour = Math.floor((ms - days * DAY_MS) / 3_600_000);
  return weekday * 24 + hour;
}

/** The Monday 00:00 UTC that starts the week an instant falls in: where simulated windows start by default. */
export function weekStartMs(ms: number): number {
  const days = Math.floor(ms / DAY_MS);
  return (days - ((((days + 3) % 7) + 7) % 7)) * DAY_MS;
}

/** 168 weights, one per hour of the week, with mean 1 (a shape only says where traffic falls, not how much). */
export function weeklyWeights(shape: ShapeWeights): Float64Array {
  const w = new Float64Array(HOURS_PER_WEEK);
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) w[d * 24 + h] = shape.weekly[d]! * shape.daily[h]!;
  return normalised(w);
}

/** Weights scaled to mean 1; all zeros stay flat. */
export function normalised(w: Float64Array): Float64Array {
  let sum = 0;
  for (const v of w) sum += v;
  const out = new Float64Array(w.length);
  if (!(sum > 0)) return out.fill(1);
  const scale = w.length / sum;
  for (let i = 0; i < w.length; i++) out[i] = w[i]! * scale;
  return out;
}

/**
 * Traffic through a window of `horizonMinutes` from `startMs`: rate[j] is the traffic per minute in the j-th hour after
 * the start (1 = the mean traffic at the start), the weight of the hour of the week at the hour's middle times growth
 * compounded to it; prefix[j] = C(60 j), traffic-minutes before that hour.
 */
export type TrafficProfile = { rate: Float64Array; prefix: Float64Array; flat: boolean };

/** Builds the profile of a window; without a shape and growth it is flat, and C(t) = t. */
export function trafficProfile(weights168: Float64Array | null, growthPerMonth: number, startMs: number, horizonMinutes: number): TrafficProfile {
  const hours = Math.max(1, Math.ceil(horizonMinutes / MINUTES_PER_HOUR));
  const rate = new Float64Array(hours);
  const prefix = new Float64Array(hours + 1);
  const first = hourOfWeek(startMs + 30 * 60_000);
  for (let j = 0; j < hours; j++) {
    const weight = weights168 ? weights168[(first + j) % HOURS_PER_WEEK]! : 1;
    const growth = growthPerMonth === 0 ? 1 : (1 + growthPerMonth) ** (((j + 0.5) * MINUTES_PER_HOUR) / MONTH_MINUTES);
    rate[j] = weight * growth;
    prefix[j + 1] = prefix[j]! + rate[j]! * MINUTES_PER_HOUR;
  }
  return { rate, prefix, flat: weights168 === null && growthPerMonth === 0 };
}

/** C(t): traffic-minutes from the window's start to t (minutes); before the start, the first hour's rate. */
export function cumulative(p: TrafficProfile, t: number): number {
  if (p.flat) return t;
  if (t <= 0) return t * p.rate[0]!;
  const n = p.rate.length;
  const j = Math.min(n - 1, Math.floor(t / MINUTES_PER_HOUR));
  return p.prefix[j]! + p.rate[j]! * (t - j * MINUTES_PER_HOUR);
}

/**
 * The t at which C(t) = y, for y between 0 and C(horizon); the inverse of cumulative. `after` and `before` (minutes),
 * when given, bracket the answer and narrow the search.
 */
export function inverseCumulative(p: TrafficProfile, y: number, after = 0, before = Infinity): number {
  if (p.flat) return y;
  if (y <= 0) return y / p.rate[0]!;
  const last = p.rate.length - 1;
  let lo = Math.max(0, Math.min(last, Math.floor(after / MINUTES_PER_HOUR)));
  let hi = Math.max(lo, Math.min(last, Math.floor(before / MINUTES_PER_HOUR) + 1));
  // The last hour j with prefix[j] ≤ y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (p.prefix[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  const r = p.rate[lo]!;
  return lo * MINUTES_PER_HOUR + (r > 0 ? (y - p.prefix[lo]!) / r : 0);
}
