import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianStep } from './step';

describe('the median step of sample times', () => {
  it('is unknown (null) for an empty series and for a lone sample, which have no spacing to measure', () => {
    expect(medianStep(new Float64Array([]))).toBeNull();
    expect(medianStep([1_700_000_000_000])).toBeNull();
  });

  it('is the one step of a regular series and the lower median of an even count of steps', () => {
    expect(medianStep([0, 60_000, 120_000, 180_000])).toBe(60_000);
    expect(medianStep([0, 10, 40, 100, 200])).toBe(30);
  });

  it('equals the lower median of the sorted steps, for regular series, series with a few odd steps and irregular ones', () => {
    const sortedMedian = (t: number[]) => {
      const steps = t.slice(1).map((x, i) => x - t[i]!);
      steps.sort((a, b) => a - b);
      return steps[Math.floor((steps.length - 1) / 2)]!;
    };
    const odd = fc.record({ at: fc.nat(), by: fc.integer({ min: 1, max: 500 }) });
    const series = fc.oneof(
      fc.tuple(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1, max: 120_000 }), fc.array(odd, { maxLength: 3 })).map(([n, stepMs, odds]) => {
        const steps = Array.from({ length: n - 1 }, () => stepMs);
        for (const o of odds) steps[o.at % steps.length] = stepMs + o.by;
        return steps;
      }),
      fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 200 }),
    );
    fc.assert(
      fc.property(series, (steps) => {
        const t = [1_700_000_000_000];
        for (const s of steps) t.push(t.at(-1)! + s);
        expect(medianStep(Float64Array.from(t))).toBe(sortedMedian(t));
      }),
    );
  });

  it('finds the odd step of a regular series wherever it is, also as its very last step', () => {
    // Two odd steps out of three are the median, whether they come first or last.
    expect(medianStep([0, 60, 120, 300])).toBe(60);
    expect(medianStep([0, 60, 240, 420])).toBe(180);
    expect(medianStep([0, 180, 360, 420])).toBe(180);
    // Two steps: the lower one, even when only the last differs.
    expect(medianStep([0, 60, 90])).toBe(30);
  });
});
