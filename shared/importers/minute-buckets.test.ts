import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictNumber } from './minute-buckets';

describe('parseStrictNumber for log and JSON values', () => {
  it.each(['', ' ', '12abc', '0x10', '1,5', '1e400', '+Inf', 'NaN', 'Infinity', ' 5', '5 ', '.', 'e5', '1e'])('refuses %j', (text) => {
    expect(parseStrictNumber(text)).toBeNull();
  });

  it.each([
    ['0', 0],
    ['42', 42],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['1.', 1],
    ['2.5e-3', 0.0025],
    ['+7', 7],
    ['1234567890123456', 1234567890123456],
  ])('reads %j', (text, value) => {
    expect(parseStrictNumber(text)).toBe(value);
  });

  it('gives back every finite double from its own spelling', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => parseStrictNumber(String(x)) === x),
      { numRuns: 500, seed: 31 },
    );
  });
});
