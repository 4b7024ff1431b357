import { describe, expect, it } from 'vitest';
import { objective, run } from './test/run';

const SLO_999 = objective('slo', 999_000);

describe('the error-budget policy in a simulation', () => {
  // A deploy every weekday at 10:00 UTC from Monday 1 March, and every one fails for an hour at 100 %: the first
  // spends 60 of the 43.2 budget minutes, so the budget is critical within it and deploys stop for the rest of the window.
  const everyDeployFails = {
    deploys: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, hour: 10, failureProbability: 1, errorRate: 1, detectMinutes: 30, rollbackMinutes: 30 },
  };

  it('freezes deploys once the SLO budget is critical, and says for how long', () => {
    const result = run({ ...everyDeployFails, deploys: { ...everyDeployFails.deploys, weekdays: [...everyDeployFails.deploys.weekdays] } }, [SLO_999], {
      trials: 100,
    });
    const policy = result.policy!;
    // Weekdays at 10:00 in 30 days from Monday 1 March: 22 deploys; one went out, 21 were held.
    expect(policy.deploys).toBe(1);
    expect(policy.deploysHeld).toBe(21);
    // Burning at 1000× from the first deploy's start (Monday 10:00) is critical; then the budget left is under 25 %.
    expect(policy.freezeDays.p50).toBeCloseTo(30 - 10 / 24, 10);
    expect(policy.daysIn.healthy).toBeCloseTo(10 / 24, 10);
    expect(policy.daysIn.critical + policy.daysIn.exhausted).toBeCloseTo(30 - 10 / 24, 10);
    // 43.2 minutes into the hour the budget is gone: exhausted from then on.
    expect(policy.daysIn.exhausted).toBeCloseTo(30 - (10 * 60 + 43.2) / 1440, 6);
    expect(policy.timeline.share.exhausted.at(-1)).toBe(1);
    expect(policy.timeline.share.healthy[0]).toBe(1);
  });

  it('lets every deploy out when switched off', () => {
    const result = run(
      { ...everyDeployFails, deploys: { ...everyDeployFails.deploys, weekdays: [...everyDeployFails.deploys.weekdays] }, policy: { enabled: false } },
      [SLO_999],
      {
        trials: 100,
      },
    );
    expect(result.policy).toBeNull();
    expect(result.tiers[0]!.spent.p50).toBeCloseTo((22 * 60) / 43.2, 6);
  });

  it('does not act without an SLO, and says so', () => {
    const result = run({ deploys: { perWeek: 5, failureProbability: 0.5 } }, [objective('sla', 990_000)], { trials: 100 });
    expect(result.policy).toBeNull();
  });

  it('spends less of the budget than the same deploys without it', () => {
    const fields = {
      deploys: { perWeek: 20, failureProbability: 0.2, errorRate: 0.5, detectMinutes: 20, rollbackMinutes: 10 },
      incidents: { perWeek: 1, durationMinutes: 60, errorRate: 0.3 },
    };
    const on = run(fields, [SLO_999], { trials: 4000, seed: 3 });
    const off = run({ ...fields, policy: { enabled: false } }, [SLO_999], { trials: 4000, seed: 3 });
    expect(on.tiers[0]!.spent.mean).toBeLessThan(off.tiers[0]!.spent.mean);
    expect(on.policy!.deploysHeld).toBeGreaterThan(0);
    expect(on.policy!.freezeDays.mean).toBeGreaterThan(0);
  });
});
