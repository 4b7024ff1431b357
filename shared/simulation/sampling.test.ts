import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/seeded-random';
import { draw, lognormalFrom, meanOf } from './sampling';

describe('lognormal durations', () => {
  it('recover the median and p90 they were made from', () => {
    const d = lognormalFrom(20, 90);
    const u = seededRandom(3);
    const values = Float64Array.from({ length: 100_000 }, () => draw(d, u)).sort();
    expect(values[50_000]! / 20).toBeCloseTo(1, 1);
    expect(values[90_000]! / 90).toBeCloseTo(1, 1);
  });

  it('have the mean e^(μ + σ²/2)', () => {
    const d = lognormalFrom(20, 90);
    const u = seededRandom(4);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += draw(d, u);
    expect(sum / 200_000 / meanOf(d)).toBeCloseTo(1, 1);
  });

  it('is a fixed duration when the p90 equals the median', () => {
    expect(lognormalFrom(30, 30)).toEqual({ kind: 'fixed', minutes: 30 });
  });
});
