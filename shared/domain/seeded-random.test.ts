import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, run after run (mulberry32 for seed 7)', () => {
    const random = seededRandom(7);
    expect([random(), random(), random()]).toEqual([0.011704753153026104, 0.06195825757458806, 0.97690763277933]);
  });

  it('gives other numbers for another seed, all in [0, 1)', () => {
    const [a, b] = [seededRandom(7), seededRandom(8)];
    const fromA = Array.from({ length: 1000 }, a);
    const fromB = Array.from({ length: 1000 }, b);
    expect(fromA).not.toEqual(fromB);
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
