import { describe, expect, it } from 'vitest';
import { objective, run } from './test/run';

const SLO_999 = objective('slo', 999_000);

describe('a scenario without chance', () => {
  it('spends exactly the baseline and the event it holds', () => {
    // 30 days at 0.05 % errors is 21.6 bad minutes; a 60-minute outage adds 60 × (1 − 0.0005); the budget is 43.2.
    const result = run({ baseline: { errorRate: 0.0005 }, events: [{ name: 'migration', day: 10, durationMinutes: 60, errorRate: 1 }] }, [SLO_999], {
      trials: 100,
    });
    const slo = result.tiers[0]!;
    const spent = (0.0005 * 43_200 + 60 * (1 - 0.0005)) / 43.2;
    expect(slo.spent.mean).toBeCloseTo(spent, 10);
    expect(slo.spent.p10).toBeCloseTo(spent, 10);
    expect(slo.breach.probability).toBe(1);
    expect(slo.spentBy.baseline).toBeCloseTo(21.6 / 43.2, 10);
    expect(slo.spentBy.events).toBeCloseTo((60 * (1 - 0.0005)) / 43.2, 10);
    expect(slo.topCause).toBe('events');
    // Budget runs out during day 10, the event's day: the baseline has spent 5 min by then, the event the rest.
    expect(slo.exhausted.counts[10]).toBe(100);
    expect(slo.remaining.p50.at(-1)).toBeCloseTo(1 - spent, 2);
  });

  it('leaves a budget untouched when nothing fails', () => {
    const slo = run({}, [SLO_999], { trials: 100 }).tiers[0]!;
    expect(slo.spent.p90).toBe(0);
    expect(slo.breach.count).toBe(0);
    expect(slo.exhausted.never).toBe(100);
    expect(slo.topCause).toBeNull();
  });
});

/** P(N ≥ k) for a Poisson count with mean m. */
function poissonAtLeast(k: number, m: number): number {
  let term = Math.exp(-m);
  let below = 0;
  for (let n = 0; n < k; n++) {
    below += term;
    term *= m / (n + 1);
  }
  return 1 - below;
}

describe('Poisson incidents of a fixed size', () => {
  it('breach the target with the probability that enough of them happen', () => {
    // One-minute incidents at 50 % spend half a minute each; 99.99 % over 30 days allows 4.32 minutes, so 9 of them
    // breach. Two a week over 30 days is a Poisson count with mean 60/7.
    const result = run({ incidents: { perWeek: 2, durationMinutes: 1, errorRate: 0.5 } }, [objective('slo', 999_900)], { trials: 20_000, seed: 11 });
    const breach = result.tiers[0]!.breach;
    const expected = poissonAtLeast(9, 60 / 7);
    expect(Math.abs(breach.probability - expected)).toBeLessThan(3 * Math.sqrt((expected * (1 - expected)) / 20_000));
    expect(breach.low).toBeLessThan(expected);
    expect(breach.high).toBeGreaterThan(expected);
  });

  it('spend on average the expected incident minutes', () => {
    // 2 a week × 30/7 weeks × 20 minutes × 10 % = 17.14 bad minutes of a 43.2-minute budget.
    const result = run({ incidents: { perWeek: 2, durationMinutes: 20, errorRate: 0.1 } }, [SLO_999], { trials: 20_000, seed: 5 });
    expect(result.tiers[0]!.spent.mean).toBeCloseTo((2 * (30 / 7) * 20 * 0.1) / 43.2, 1);
    expect(result.tiers[0]!.spentBy.incidents).toBeCloseTo(result.tiers[0]!.spent.mean, 10);
  });
});

describe('the seed', () => {
  const fields = { deploys: { perWeek: 10, failureProbability: 0.1, errorRate: 0.3 }, incidents: { perWeek: 1, durationMinutes: { median: 20, p90: 90 } } };

  it('gives the same result on every run', () => {
    expect(run(fields, [SLO_999], { seed: 42 })).toEqual(run(fields, [SLO_999], { seed: 42 }));
  });

  it('gives another result with another seed', () => {
    expect(run(fields, [SLO_999], { seed: 42 }).tiers[0]!.spent).not.toEqual(run(fields, [SLO_999], { seed: 43 }).tiers[0]!.spent);
  });
});

describe('the window of a calendar tier', () => {
  it('is the real calendar period containing the start, in the tier’s zone', () => {
    // March 2027 in Berlin loses an hour on 28 March: 31 days less 60 minutes.
    const sla = objective('sla', 995_000, 30, { window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' } });
    const result = run({ events: [{ name: 'outage', day: 3, durationMinutes: 60, errorRate: 1 }] }, [sla, objective('slo', 999_000)], { trials: 100 });
    const [month, rolling] = result.tiers;
    expect(month!.windowMinutes).toBe(31 * 1440 - 60);
    expect(month!.windowLabel).toBe('March 2027 (30.96 days)');
    expect(month!.spent.p50).toBeCloseTo(60 / (0.005 * (31 * 1440 - 60)), 10);
    expect(rolling!.windowMinutes).toBe(30 * 1440);
    expect(rolling!.spent.p50).toBeCloseTo(60 / 43.2, 10);
  });
});
