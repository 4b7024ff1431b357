import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcText } from './utc-text';

describe('utcText', () => {
  it('writes a UTC day or minute as people read it', () => {
    expect(utcText(Date.UTC(2026, 0, 1, 13, 5, 59), 'minute')).toBe('2026-01-01 13:05');
    expect(utcText(Date.UTC(2026, 0, 1, 13, 5, 59), 'day')).toBe('2026-01-01');
    expect(utcText(null, 'day')).toBe('?');
  });

  it('writes a time no date can hold as its number of ms instead of throwing', () => {
    expect(utcText(1e18, 'minute')).toBe('1000000000000000000 ms since 1970');
    expect(utcText(Number.NaN, 'day')).toBe('NaN ms since 1970');
    expect(utcText(-Infinity, 'day')).toBe('-Infinity ms since 1970');
  });

  it('never throws, for any number', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('day' as const, 'minute' as const), (ms, precision) => {
        expect(typeof utcText(ms, precision)).toBe('string');
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
