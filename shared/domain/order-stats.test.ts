import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, nearestRankIndex } from './order-stats';

describe('order statistics', () => {
  it('finds the nearest rank: the smallest value with at least a share p of the values at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (raw, p) => {
        const sorted = [...raw].sort((a, b) => a - b);
        const v = sorted[nearestRankIndex(p, sorted.length)]!;
        expect(sorted.filter((x) => x <= v).length).toBeGreaterThanOrEqual(p * sorted.length);
        expect(sorted.filter((x) => x < v).length).toBeLessThan(Math.max(1, p * sorted.length));
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('takes the middle value, or the mean of the middle two, as the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
