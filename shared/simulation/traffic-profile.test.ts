import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulative, hourOfWeek, inverseCumulative, SHAPES, trafficProfile, weekStartMs, weeklyWeights } from './traffic-profile';

const MONDAY = Date.UTC(2027, 2, 1);

describe('traffic through a simulated window', () => {
  it('counts hours of the week from Monday 00:00 UTC', () => {
    expect(hourOfWeek(MONDAY)).toBe(0);
    expect(hourOfWeek(MONDAY + 26 * 3_600_000)).toBe(26);
    expect(hourOfWeek(Date.UTC(2027, 2, 7, 23, 30))).toBe(167);
  });

  it('starts windows on the Monday of the week by default', () => {
    expect(weekStartMs(Date.UTC(2027, 2, 4, 15, 20))).toBe(MONDAY);
    expect(weekStartMs(MONDAY)).toBe(MONDAY);
  });

  it('keeps the mean traffic of a shape at 1, so a shape moves traffic without adding any', () => {
    const w = weeklyWeights(SHAPES.web);
    expect(w.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 12);
    const p = trafficProfile(w, 0, MONDAY, 7 * 1440);
    expect(cumulative(p, 7 * 1440)).toBeCloseTo(7 * 1440, 6);
  });

  it('grows traffic by the monthly rate, compounded', () => {
    const p = trafficProfile(null, 0.1, MONDAY, 90 * 1440);
    // The hour in the middle of the second month runs at about 1.1 × the first's.
    const rateAt = (day: number) => p.rate[Math.floor((day * 1440) / 60)]!;
    expect(rateAt(30.436875 * 1.5) / rateAt(30.436875 * 0.5)).toBeCloseTo(1.1, 3);
  });

  it('inverts its cumulative traffic', () => {
    const p = trafficProfile(weeklyWeights(SHAPES['business-hours']), 0.05, MONDAY + 5 * 3_600_000, 30 * 1440);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30 * 1440, noNaN: true }), (t) => {
        expect(inverseCumulative(p, cumulative(p, t))).toBeCloseTo(t, 6);
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});
