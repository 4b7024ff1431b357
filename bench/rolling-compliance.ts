// T2 of docs/performance.md: rolling compliance and burn rates over a year of minute data, as ratios to a plain sum.
import { burnRates, rollingCompliance } from '#shared/budget/rolling';
import { seededRandom } from '#shared/domain/seeded-random';
import { medianMs, report, type Measurement } from './measure';

const MINUTES_PER_YEAR = 525_600;
const MINUTES_PER_DAY = 1_440;
const WINDOW_30D = 30 * MINUTES_PER_DAY;
// 1h, 6h, 1d, 3d, 30d: the SRE workbook multiwindow burn-rate set (docs/architecture.md §4).
const BURN_WINDOWS = [60, 360, MINUTES_PER_DAY, 3 * MINUTES_PER_DAY, WINDOW_30D];
const TARGET_PPM = 999_000;
const RUNS = 21;
const WARMUP = 10;

/** One year of minute counts: ~1,000 requests a minute with a daily cycle, a few seeded bad events and incidents. */
export function yearOfMinutes(seed = 20240601): { good: Float64Array; total: Float64Array } {
  const random = seededRandom(seed);
  const good = new Float64Array(MINUTES_PER_YEAR);
  const total = new Float64Array(MINUTES_PER_YEAR);
  let incidentLeft = 0;
  for (let i = 0; i < MINUTES_PER_YEAR; i++) {
    const daily = Math.sin((2 * Math.PI * (i % MINUTES_PER_DAY)) / MINUTES_PER_DAY);
    const t = Math.round(1_000 + 300 * daily + 60 * (random() - 0.5));
    if (incidentLeft === 0 && random() < 0.0002) incidentLeft = 5 + Math.floor(random() * 40);
    let bad = random() < 0.05 ? 1 + Math.floor(random() * 5) : 0;
    if (incidentLeft > 0) {
      bad += Math.floor(t * 0.2 * random());
      incidentLeft--;
    }
    total[i] = t;
    good[i] = t - Math.min(bad, t);
  }
  return { good, total };
}

/** Rolling 30-day compliance and five burn-rate windows over a year of minute data, against a plain Float64Array sum. */
export function benchRollingCompliance(): Measurement[] {
  const { good, total } = yearOfMinutes();
  const n = total.length;

  let sum = 0;
  const baseline = medianMs(() => (sum = plainSum(total)), RUNS, WARMUP);
  if (sum !== naiveSum(total, 0, n)) throw new Error('baseline sum is wrong');

  const compliance = new Float64Array(n);
  const rolling = medianMs(() => rollingCompliance(good, total, WINDOW_30D, compliance), RUNS, WARMUP);
  checkCompliance(good, total, compliance);

  const outs = BURN_WINDOWS.map(() => new Float64Array(n));
  const separate = medianMs(() => BURN_WINDOWS.forEach((w, k) => burnRates(good, total, [w], TARGET_PPM, [outs[k]!])), RUNS, WARMUP);
  checkBurnRates(good, total, outs);
  outs.forEach((o) => o.fill(0));
  const burn = medianMs(() => burnRates(good, total, BURN_WINDOWS, TARGET_PPM, outs), RUNS, WARMUP);
  checkBurnRates(good, total, outs);

  return [
    report({ name: `rolling-compliance-30d-${n}`, value: rolling, unit: 'ms', baseline, target: 'ratio <= 10' }),
    report({ name: `burn-rates-5-windows-${n}`, value: burn, unit: 'ms', baseline, target: 'ratio <= 40' }),
    // For the record only: the same five windows as five single-window passes, which the fused loop must beat.
    report({ name: `burn-rates-5-windows-unfused-${n}`, value: separate, unit: 'ms', baseline }),
  ];
}

/**
 * The numbers must be right for the timings to mean anything: every index of every output is compared with
 * window sums taken from prefix sums, which are exact here because the counts are integers far below 2^53.
 */
function checkCompliance(good: Float64Array, total: Float64Array, compliance: Float64Array): void {
  const [pg, pt] = [prefixSums(good), prefixSums(total)];
  for (let i = 0; i < total.length; i++) {
    const from = Math.max(0, i - WINDOW_30D + 1);
    const expected = (pg[i + 1]! - pg[from]!) / (pt[i + 1]! - pt[from]!);
    if (!(Math.abs(compliance[i]! - expected) <= 1e-9)) throw new Error(`compliance at ${i}: ${compliance[i]} ≠ ${expected}`);
  }
  const last = naiveSum(good, total.length - WINDOW_30D, total.length) / naiveSum(total, total.length - WINDOW_30D, total.length);
  if (!(Math.abs(compliance[total.length - 1]! - last) <= 1e-9)) throw new Error('compliance at the last minute ≠ a direct sum of the last 30 days');
}

function checkBurnRates(good: Float64Array, total: Float64Array, outs: Float64Array[]): void {
  const [pg, pt] = [prefixSums(good), prefixSums(total)];
  const budget = (1e6 - TARGET_PPM) / 1e6;
  BURN_WINDOWS.forEach((w, k) => {
    for (let i = 0; i < total.length; i++) {
      const from = Math.max(0, i - w + 1);
      const t = pt[i + 1]! - pt[from]!;
      const expected = (t - (pg[i + 1]! - pg[from]!)) / t / budget;
      if (!(Math.abs(outs[k]![i]! - expected) <= 1e-9 * Math.max(1, expected))) {
        throw new Error(`burn rate (${w} points) at ${i}: ${outs[k]![i]} ≠ ${expected}`);
      }
    }
  });
}

function prefixSums(xs: Float64Array): Float64Array {
  const sums = new Float64Array(xs.length + 1);
  for (let i = 0; i < xs.length; i++) sums[i + 1] = sums[i]! + xs[i]!;
  return sums;
}

/** The baseline: a plain `for` loop summing a Float64Array (a function of its argument, so the JIT cannot lean on a closure). */
function plainSum(xs: Float64Array): number {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  return s;
}

function naiveSum(xs: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s;
}
