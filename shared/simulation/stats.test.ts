import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinnedColumns, estimate, sortedPercentile, spreadOf, spreadOfCounts } from './stats';

describe('summaries of trials', () => {
  it('gives a 95 % Wilson interval that holds the estimate and stays within [0, 1]', () => {
    // Published example: 81 successes in 263 trials, 95 % interval 0.2553 to 0.3662 (Wilson 1927, as in Newcombe 1998).
    const e = estimate(81, 263);
    expect(e.low).toBeCloseTo(0.2553, 3);
    expect(e.high).toBeCloseTo(0.3662, 3);
    expect(estimate(0, 100).low).toBe(0);
    expect(estimate(0, 100).high).toBeCloseTo(0.037, 3);
    expect(estimate(100, 100).high).toBe(1);
  });

  it('summarises counts by counting exactly as by sorting', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 300 }), (counts) => {
        expect(spreadOfCounts(Float64Array.from(counts))).toEqual(spreadOf(Float64Array.from(counts)));
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('selects the same percentiles as sorting gives, repeated values and all', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 500 }), (drawn) => {
        // −0 and 0 are the same amount (a sort puts −0 first, a selection leaves them where they fall).
        const values = drawn.map((v) => v + 0);
        const sorted = Float64Array.from(values).sort();
        const spread = spreadOf(Float64Array.from(values));
        expect([spread.p10, spread.p50, spread.p90]).toEqual([0.1, 0.5, 0.9].map((p) => sortedPercentile(sorted, p)));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reads binned percentiles within one bin of the exact ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3.9, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0.1, 0.5, 0.9),
        (values, p) => {
          const bins = new BinnedColumns(1, -4, 1, 0.002);
          for (const v of values) bins.add(0, v);
          const exact = sortedPercentile(Float64Array.from(values).sort(), p);
          expect(Math.abs(bins.percentile(0, p) - exact)).toBeLessThanOrEqual(0.002);
        },
      ),
      { numRuns: 200, seed: 6 },
    );
  });
});
