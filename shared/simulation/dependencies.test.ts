import { describe, expect, it } from 'vitest';
import type { Service } from '../domain/types';
import { parseScenario } from './scenario';
import { objective, run, sliWith } from './test/run';

const SLO_999 = objective('slo', 999_000);

/** A service with one availability SLI whose SLO is `targetPpm`. */
function dependency(id: number, name: string, targetPpm: number): Service {
  const { service } = sliWith([objective('slo', targetPpm)], { id, name });
  return { ...service, slis: service.slis.map((s) => ({ ...s, id: id * 10, serviceId: id })) };
}

describe('outages of the services a service depends on', () => {
  it('are drawn from a hard dependency’s SLO: down 1 − SLO of the time on average', () => {
    // A database at 99.9 % is down 43.2 minutes in 30 days on average, a whole SLO budget of 99.9 % at full errors.
    const db = dependency(2, 'database', 999_000);
    const result = run({ dependencies: { enabled: true, outageMinutes: 30 }, policy: { enabled: false } }, [SLO_999], {
      trials: 20_000,
      seed: 4,
      service: { dependencies: [{ dependsOnId: 2, redundancyGroup: null }] },
      services: [db],
    });
    expect(result.tiers[0]!.spentBy.dependencies).toBeCloseTo(1, 1);
    expect(result.tiers[0]!.topCause).toBe('dependencies');
  });

  it('are rarer for a redundancy group, down only when all its members are', () => {
    const a = dependency(2, 'cache a', 990_000);
    const b = dependency(3, 'cache b', 990_000);
    const deps = [
      { dependsOnId: 2, redundancyGroup: 'cache' },
      { dependsOnId: 3, redundancyGroup: 'cache' },
    ];
    const result = run({ dependencies: { enabled: true }, policy: { enabled: false } }, [SLO_999], {
      trials: 20_000,
      seed: 4,
      service: { dependencies: deps },
      services: [a, b],
    });
    // Each is down 1 % of the time; both at once 0.01 %: 4.32 minutes of 43.2, a tenth of the budget.
    expect(result.tiers[0]!.spentBy.dependencies).toBeCloseTo(0.1, 1);
  });

  it('are the errors of a dependency’s own scenario when asked, exactly when it has no chance in it', () => {
    const db = dependency(2, 'database', 999_000);
    const own = parseScenario({ name: 'failover test', events: [{ name: 'failover', day: 3, durationMinutes: 60, errorRate: 1 }] });
    if (!own.ok) throw new Error('scenario');
    const result = run({ dependencies: { enabled: true, from: 'scenarios' } }, [SLO_999], {
      trials: 100,
      service: { dependencies: [{ dependsOnId: 2, redundancyGroup: null }] },
      services: [db],
      dependencyScenarios: new Map([[2, own.value]]),
    });
    expect(result.tiers[0]!.spentBy.dependencies).toBeCloseTo(60 / 43.2, 10);
    expect(result.tiers[0]!.spent.p10).toBeCloseTo(60 / 43.2, 10);
  });
});
