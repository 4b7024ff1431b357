import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burnRates, errorBudgetRemaining, RESYNC_POINTS, rollingCompliance } from './rolling';
import { seededRandom } from '../domain/seeded-random';

const RUNS = { numRuns: 300, seed: 20_240_601 };

type Series = { good: Float64Array; total: Float64Array };

/** The definition, O(n·w): sum the trailing (partial at the start) window at every index. */
function naiveRolling({ good, total }: Series, w: number): number[] {
  return Array.from(total, (_, i) => {
    const [g, t] = windowSum({ good, total }, i, w);
    return t === 0 ? NaN : g / t;
  });
}

function naiveBurn(series: Series, w: number, targetPpm: number): number[] {
  return naiveRolling(series, w).map((c) => (1 - c) / ((1_000_000 - targetPpm) / 1_000_000));
}

function windowSum({ good, total }: Series, i: number, w: number): [number, number] {
  let g = 0;
  let t = 0;
  for (let j = Math.max(0, i - w + 1); j <= i; j++) {
    g += good[j]!;
    t += total[j]!;
  }
  return [g, t];
}

function series(pairs: ReadonlyArray<readonly [number, number]>): Series {
  return { good: Float64Array.from(pairs, ([g]) => g), total: Float64Array.from(pairs, ([, t]) => t) };
}

/** NaN exactly where expected is NaN, otherwise within `tolerance`. */
function expectClose(got: Float64Array, expected: readonly number[], tolerance: number): void {
  expect(got.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(got[i], `index ${i}`).toBeNaN();
    else expect(Math.abs(got[i]! - e), `index ${i}: ${got[i]} vs ${e}`).toBeLessThanOrEqual(tolerance);
  });
}

// Counts with runs of zero traffic: a total (0 a third of the time) and the share of it that was good.
const integerSeries = fc
  .array(fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 })), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 60 })
  .map((rows) => series(rows.map(([t, share]) => [Math.floor(t * share), t] as const)));
// Non-integer data of one order of magnitude, where the running sums round at every step.
const fractionalSeries = fc
  .array(fc.tuple(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1_000, noNaN: true })), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 60 })
  .map((rows) => series(rows.map(([t, share]) => [t * share, t] as const)));
const anySeries = fc.oneof(integerSeries, fractionalSeries);
const withWindow = anySeries.chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 1, max: s.total.length + 3 })));
const target = fc.integer({ min: 900_000, max: 999_999 });

describe('rolling compliance', () => {
  it('equals the naive recomputation on integer and non-integer counts, for windows 1 to n + 3', () => {
    fc.assert(
      fc.property(withWindow, ([s, w]) => expectClose(rollingCompliance(s.good, s.total, w), naiveRolling(s, w), 1e-9)),
      RUNS,
    );
  });

  it('is 1 everywhere when every event is good', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (totals, w) => {
        const total = Float64Array.from(totals);
        expect(Array.from(rollingCompliance(total, total, w))).toEqual(totals.map(() => 1));
      }),
      RUNS,
    );
  });

  it('uses the partial window from index 0 when the window is longer than the data', () => {
    const s = series([
      [1, 1],
      [0, 1],
      [3, 4],
    ]);
    expect(Array.from(rollingCompliance(s.good, s.total, 10))).toEqual([1, 0.5, 4 / 6]);
  });

  it('is NaN wherever the window holds no traffic', () => {
    const s = series([
      [0, 0],
      [0, 0],
      [4, 5],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expectClose(rollingCompliance(s.good, s.total, 2), [NaN, NaN, 0.8, 0.8, NaN, NaN], 0);
  });

  it('is NaN after non-integer traffic stops, even if the running sums keep a rounding residue', () => {
    const s = series([
      [0.1, 0.1],
      [0.2, 0.2],
      [0.29, 0.3],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const got = rollingCompliance(s.good, s.total, 3);
    expect(Array.from(got.subarray(5))).toEqual([NaN, NaN]);
    expectClose(got, naiveRolling(s, 3), 1e-12);
  });

  it('stays within [0, 1] when 0 ≤ good ≤ total', () => {
    fc.assert(
      fc.property(withWindow, ([s, w]) => {
        for (const c of rollingCompliance(s.good, s.total, w)) expect(Number.isNaN(c) || (c >= 0 && c <= 1)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps non-integer drift in check across resyncs on a long series, fused or not', () => {
    const random = seededRandom(42);
    const n = 3 * RESYNC_POINTS + 1_234;
    const total = Float64Array.from({ length: n }, () => 500 + 500 * random());
    const good = total.map((t) => t * (0.99 + 0.01 * random()));
    const probes = [0, RESYNC_POINTS - 1, RESYNC_POINTS, 2 * RESYNC_POINTS, n - 1, ...Array.from({ length: 200 }, () => Math.floor(random() * n))];
    const windows = [1, 977, 4_321, 16_000, 70_000];
    const burns = burnRates(good, total, windows, 999_000);
    windows.forEach((w, k) => {
      const got = rollingCompliance(good, total, w);
      for (const i of probes) {
        const [g, t] = windowSum({ good, total }, i, w);
        expect(Math.abs(got[i]! - g / t), `w ${w}, index ${i}`).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(burns[k]![i]! * 0.001 - (t - g) / t), `burn, w ${w}, index ${i}`).toBeLessThanOrEqual(1e-9);
      }
    });
  });

  it('fills and returns the given output array', () => {
    const s = series([
      [1, 2],
      [2, 2],
    ]);
    const out = new Float64Array(2);
    expect(rollingCompliance(s.good, s.total, 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([0.5, 1]);
  });

  it('refuses a window that is not a positive whole number, and mismatched lengths', () => {
    const s = series([[1, 1]]);
    expect(() => rollingCompliance(s.good, s.total, 0)).toThrow(RangeError);
    expect(() => rollingCompliance(s.good, s.total, 1.5)).toThrow(RangeError);
    expect(() => rollingCompliance(s.good, new Float64Array(2), 1)).toThrow(RangeError);
    expect(() => rollingCompliance(s.good, s.total, 1, new Float64Array(3))).toThrow(RangeError);
  });
});

describe('burn rates', () => {
  it('is exactly 1 at exactly the budgeted error rate: 1 bad in 1,000 against 99.9 %', () => {
    const total = new Float64Array(5_000).fill(1_000);
    const good = new Float64Array(5_000).fill(999);
    for (const rates of burnRates(good, total, [1, 60, 1_440, 4_320, 43_200], 999_000)) expect(rates.every((r) => r === 1)).toBe(true);
    expect(burnRates(good, total, [60], 999_000)[0]!.every((r) => r === 1)).toBe(true);
  });

  it('equals the naive error rate ÷ (1 − target)', () => {
    fc.assert(
      fc.property(withWindow, target, ([s, w], ppm) => {
        const scale = 1_000_000 / (1_000_000 - ppm);
        expectClose(burnRates(s.good, s.total, [w], ppm)[0]!, naiveBurn(s, w, ppm), 1e-9 * scale);
      }),
      RUNS,
    );
  });

  it('gives for several windows at once exactly what each window gives alone', () => {
    const windows = anySeries.chain((s) =>
      fc.tuple(fc.constant(s), fc.array(fc.integer({ min: 1, max: s.total.length + 3 }), { minLength: 1, maxLength: 12 })),
    );
    fc.assert(
      fc.property(windows, target, ([s, ws], ppm) => {
        const together = burnRates(s.good, s.total, ws, ppm);
        ws.forEach((w, k) => expect(Array.from(together[k]!)).toEqual(Array.from(burnRates(s.good, s.total, [w], ppm)[0]!)));
      }),
      RUNS,
    );
  });

  it('fills and returns the given output arrays, and refuses a count mismatch or a target outside (0, 100 %)', () => {
    const s = series([
      [9, 10],
      [10, 10],
    ]);
    const outs = [new Float64Array(2), new Float64Array(2)];
    expect(burnRates(s.good, s.total, [1, 2], 900_000, outs)).toBe(outs);
    expectClose(outs[0]!, [1, 0], 1e-12);
    expectClose(outs[1]!, [1, 0.5], 1e-12);
    expect(burnRates(s.good, s.total, [], 900_000)).toEqual([]);
    expect(() => burnRates(s.good, s.total, [1], 900_000, [])).toThrow(RangeError);
    expect(() => burnRates(s.good, s.total, [1], 1_000_000)).toThrow(RangeError);
    expect(() => burnRates(s.good, s.total, [1], 0)).toThrow(RangeError);
  });
});

describe('error budget remaining', () => {
  it('is 1 for a perfect series', () => {
    const total = Float64Array.from({ length: 1_000 }, (_, i) => 500 + (i % 7));
    expect(errorBudgetRemaining(total, total, 999_000)).toBe(1);
  });

  it('is 0 for a series at exactly the target', () => {
    const at = (target: number, perMinute: number, bad: number, minutes: number): number =>
      errorBudgetRemaining(new Float64Array(minutes).fill(perMinute - bad), new Float64Array(minutes).fill(perMinute), target);
    expect(Math.abs(at(999_000, 1_000, 1, 43_200))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(999_500, 2_000, 1, 10_080))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(990_000, 300, 3, 525_600))).toBeLessThanOrEqual(1e-12);
  });

  it('goes negative when overspent and is NaN without traffic', () => {
    expect(errorBudgetRemaining(Float64Array.of(998), Float64Array.of(1_000), 999_000)).toBeCloseTo(-1, 12);
    expect(errorBudgetRemaining(new Float64Array(3), new Float64Array(3), 999_000)).toBeNaN();
  });

  it('falls when a good event turns bad', () => {
    fc.assert(
      fc.property(
        integerSeries.filter((s) => s.good.some((g) => g >= 1)),
        target,
        (s, ppm) => {
          const i = s.good.findIndex((g) => g >= 1);
          const worse = s.good.slice();
          worse[i] = worse[i]! - 1;
          expect(errorBudgetRemaining(worse, s.total, ppm)).toBeLessThan(errorBudgetRemaining(s.good, s.total, ppm));
        },
      ),
      RUNS,
    );
  });
});
