import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objective, run } from './test/run';

const tiers = [objective('sla', 990_000), objective('slo', 995_000), objective('target', 999_000)];

describe('what-if properties', () => {
  it('more incidents never lower the breach probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (perWeek, more, minutes, errorRate) => {
          const at = (rate: number) =>
            run({ incidents: { perWeek: rate, durationMinutes: minutes, errorRate }, policy: { enabled: false } }, tiers, { trials: 300, seed: 9 });
          const fewer = at(perWeek);
          const plenty = at(perWeek + more);
          fewer.tiers.forEach((t, i) => expect(plenty.tiers[i]!.breach.count).toBeGreaterThanOrEqual(t.breach.count));
        },
      ),
      { numRuns: 40, seed: 21 },
    );
  });

  it('an excluded event never spends budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 29, noNaN: true }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (day, durationMinutes, errorRate) => {
          const base = { incidents: { perWeek: 1, durationMinutes: 30, errorRate: 0.2 }, deploys: { perWeek: 5, failureProbability: 0.2 } };
          const without = run(base, tiers, { trials: 200, seed: 4 });
          const withExcluded = run({ ...base, events: [{ name: 'maintenance', day, durationMinutes, errorRate, excluded: true }] }, tiers, {
            trials: 200,
            seed: 4,
          });
          expect(withExcluded).toEqual(without);
        },
      ),
      { numRuns: 30, seed: 8 },
    );
  });

  it('a counted event never lowers the budget spent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 29, noNaN: true }),
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (day, durationMinutes, errorRate) => {
          const base = { incidents: { perWeek: 1, durationMinutes: 30, errorRate: 0.2 }, policy: { enabled: false } };
          const without = run(base, tiers, { trials: 200, seed: 4 });
          const withEvent = run({ ...base, events: [{ name: 'migration', day, durationMinutes, errorRate }] }, tiers, { trials: 200, seed: 4 });
          withEvent.tiers.forEach((t, i) => expect(t.spent.mean).toBeGreaterThanOrEqual(without.tiers[i]!.spent.mean - 1e-12));
        },
      ),
      { numRuns: 30, seed: 12 },
    );
  });
});
