import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtLeast } from './sorted-search';

const sorted = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }).map((a) => Float64Array.from(a.sort((x, y) => x - y)));

describe('binary search over sorted numbers', () => {
  it('finds the first value above, or at least, a given one, as a scan from the same start does', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -60, max: 60 }), fc.nat(45), (values, value, start) => {
        const from = Math.min(start, values.length);
        const scan = (ok: (v: number) => boolean) => {
          let i = from;
          while (i < values.length && !ok(values[i]!)) i++;
          return i;
        };
        expect(firstAbove(values, value, from)).toBe(scan((v) => v > value));
        expect(firstAtLeast(values, value, from)).toBe(scan((v) => v >= value));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
