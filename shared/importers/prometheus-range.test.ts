import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goodFromErrorRatio, gridEndMs, joinSteps, pairGoodTotal, splitGrid, stepGrid, sumOntoGrid } from './prometheus-range';
import type { ParsedSeries } from './types';

const series = (t: number[], values: number[]): ParsedSeries => ({
  name: 's',
  stepMs: null,
  t: Float64Array.from(t),
  good: Float64Array.from(values),
  total: Float64Array.from(values),
});
const NaN_ = Number.NaN;

describe('Prometheus range splitting', () => {
  it('counts the steps Prometheus evaluates, end included when it falls on a step', () => {
    expect(stepGrid(0, 60_000, 15_000)).toEqual({ startMs: 0, stepMs: 15_000, points: 5 });
    expect(stepGrid(0, 59_999, 15_000).points).toBe(4);
    expect(gridEndMs(stepGrid(1000, 3 * 86_400_000, 15_000))).toBe(1000 + 17_279 * 15_000);
  });

  it('splits a grid into sub-ranges that hold every step exactly once, none longer than the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 1000 }),
        (startMs, stepSeconds, points, maxPoints) => {
          const grid = { startMs, stepMs: stepSeconds * 1000, points };
          const parts = splitGrid(grid, maxPoints);
          const times = parts.flatMap((p) => Array.from({ length: p.points }, (_, i) => p.startMs + i * p.stepMs));
          expect(times.length).toBe(points);
          times.forEach((t, i) => {
            if (t !== startMs + i * grid.stepMs) expect.fail(`step ${i} is ${t}`);
          });
          for (const p of parts) expect(p.points).toBeLessThanOrEqual(maxPoints);
          expect(parts.length).toBe(Math.ceil(points / maxPoints));
        },
      ),
      { numRuns: 200, seed: 11_000 },
    );
  });
});

describe('putting query answers on the grid', () => {
  const grid = { startMs: 0, stepMs: 10, points: 4 };

  it('sums series step by step and leaves steps without samples empty', () => {
    const summed = sumOntoGrid([series([0, 10, 30], [1, 2, 4]), series([10, 20], [5, 7])], 'total', grid);
    expect([...summed.values]).toEqual([1, 7, 7, 4]);
    expect(summed.overlaps).toBe(1);
    expect([...sumOntoGrid([series([10], [3])], 'good', grid).values]).toEqual([NaN_, 3, NaN_, NaN_]);
  });

  it('counts samples that are not on a step instead of placing them', () => {
    const summed = sumOntoGrid([series([5, 10, 40, -10], [1, 2, 3, 4])], 'total', grid);
    expect(summed.offGrid).toBe(3);
    expect([...summed.values]).toEqual([NaN_, 2, NaN_, NaN_]);
  });

  it('keeps the steps present in total and reports good missing, total missing and good above total', () => {
    const paired = pairGoodTotal(grid, Float64Array.from([9, NaN_, 5, 11]), Float64Array.from([10, 10, NaN_, 10]));
    expect([...paired.t]).toEqual([0]);
    expect([...paired.good]).toEqual([9]);
    expect(paired).toMatchObject({ goodMissing: 1, firstGoodMissingMs: 10, totalMissing: 1, goodAboveTotal: 1, firstGoodAboveTotalMs: 30 });
  });

  it('treats good above total by rounding only as equal to total', () => {
    const total = 0.1 + 0.2;
    const paired = pairGoodTotal({ startMs: 0, stepMs: 1, points: 1 }, Float64Array.from([0.3000000000001]), Float64Array.from([total]));
    expect([...paired.good]).toEqual([total]);
  });

  it('makes one event per step from an error ratio, good being its complement', () => {
    const out = goodFromErrorRatio(grid, Float64Array.from([0, 0.25, NaN_, 1]));
    expect([...out.t]).toEqual([0, 10, 30]);
    expect([...out.good]).toEqual([1, 0.75, 0]);
    expect([...out.total]).toEqual([1, 1, 1]);
  });

  it('joins sub-range samples in order with their median step', () => {
    const a = { t: Float64Array.from([0, 10]), good: Float64Array.from([1, 2]), total: Float64Array.from([2, 2]) };
    const b = { t: Float64Array.from([20, 40]), good: Float64Array.from([3, 4]), total: Float64Array.from([4, 4]) };
    const joined = joinSteps('good/total', [a, b]);
    expect([...joined.t]).toEqual([0, 10, 20, 40]);
    expect([...joined.good]).toEqual([1, 2, 3, 4]);
    expect(joined.stepMs).toBe(10);
  });
});
