// Test support for stored scenarios: a scenario with every field written out and the result of a run of it, shaped
// as the engine returns one (the numbers are made up, the shape is what the workspace stores and reads back).
import type { SimulationResult } from '#shared/simulation/result';
import type { Scenario } from '#shared/simulation/scenario';

/** "Ten deploys a week": every field as parseScenario fills it in. */
export function tenDeploys(name = 'Ten deploys a week'): Scenario {
  return {
    name,
    description: 'Weekday deploys twice a day, two incidents a week',
    baseline: { errorRate: 0.0002 },
    traffic: { requestsPerDay: 1_250_000, shape: 'web', growthPerMonth: 0.05 },
    deploys: {
      perWeek: 10,
      hour: 10,
      failureProbability: 0.05,
      errorRate: 0.5,
      detectMinutes: 5,
      rollbackMinutes: { median: 8, p90: 20 },
      canaryShare: 0.1,
    },
    incidents: { perWeek: 2, durationMinutes: { median: 25, p90: 90 }, errorRate: 0.3, excludedShare: 0.25 },
    events: [{ name: 'database migration', day: 12.5, durationMinutes: 45, errorRate: 0.3, excluded: false }],
    dependencies: { enabled: false, from: 'slo', outageMinutes: 30 },
    policy: { enabled: true, freezeAt: 'critical' },
  };
}

/** A run of a scenario over a 30-day SLO with seed 7 and 10,000 trials. */
export function runOf(scenarioName: string, seed = 7): SimulationResult {
  const atDay = [0, 10, 20, 30];
  return {
    scenarioName,
    seed,
    trials: 10_000,
    startMs: 1_767_225_600_000,
    tiers: [
      {
        tier: 'slo',
        targetPpm: 999_000,
        method: 'occurrences',
        windowMinutes: 43_200,
        windowLabel: '30 days',
        budgetMinutes: 43.2,
        budgetEvents: 37_500,
        breach: { probability: 0.125, low: 0.1186, high: 0.1317, count: 1250, trials: 10_000 },
        spent: { mean: 0.61, p10: 0.22, p50: 0.55, p90: 1.08 },
        remaining: { atDay, p10: [1, 0.7, 0.3, -0.08], p50: [1, 0.82, 0.63, 0.45], p90: [1, 0.95, 0.88, 0.78] },
        exhausted: { bucketMinutes: 1440, counts: Array.from({ length: 30 }, (_, day) => (day >= 20 ? 125 : 0)), never: 8750 },
        spentBy: { baseline: 0.2, deploys: 0.25, incidents: 0.12, events: 0.04, dependencies: 0 },
        topCause: 'deploys',
        alerts: { setName: 'SRE workbook (30 days)', pages: { mean: 0.4, p10: 0, p50: 0, p90: 1 }, tickets: { mean: 1.2, p10: 0, p50: 1, p90: 3 } },
      },
    ],
    policy: {
      tier: 'slo',
      freezeAt: 'critical',
      daysIn: { healthy: 22, warning: 5, critical: 2, exhausted: 1 },
      freezeDays: { mean: 3, p10: 0, p50: 1, p90: 8 },
      deploys: 40.5,
      deploysHeld: 2.4,
      timeline: { atDay, share: { healthy: [1, 0.9, 0.7, 0.6], warning: [0, 0.1, 0.2, 0.2], critical: [0, 0, 0.1, 0.1], exhausted: [0, 0, 0, 0.1] } },
    },
    resolved: [],
    notes: [],
  };
}
