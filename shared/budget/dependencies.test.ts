import { describe, expect, it } from 'vitest';
import type { Service } from '../domain/types';
import { cycleIfAdded, serviceCeiling, type Edge } from './dependencies';
import { NO_SLI_DETAILS } from '../domain/types';

function svc(id: number, sloPpm: number | null, dependencies: Service['dependencies'] = []): Service {
  return {
    id,
    name: `s${id}`,
    owner: '',
    description: '',
    requestsPerDay: null,
    policy: null,
    dependencies,
    slis:
      sloPpm === null
        ? []
        : [
            {
              id: id * 10,
              serviceId: id,
              name: 'availability',
              kind: 'availability',
              latencyThresholdMs: null,
              ...NO_SLI_DETAILS,
              objectives: {
                slo: {
                  tier: 'slo',
                  targetPpm: sloPpm,
                  window: { kind: 'rolling', days: 30 },
                  method: 'occurrences',
                  timeslice: null,
                  latencyThresholdMs: null,
                },
              },
            },
          ],
  };
}

describe('cycleIfAdded', () => {
  const edges: Edge[] = [
    { serviceId: 1, dependsOnId: 2, redundancyGroup: null },
    { serviceId: 2, dependsOnId: 3, redundancyGroup: null },
  ];

  it('names the cycle an edge would close, from the new edge round to its start', () => {
    expect(cycleIfAdded(edges, 3, 1)).toEqual([3, 1, 2, 3]);
  });

  it('accepts an edge that closes no cycle, and refuses a self-dependency', () => {
    expect(cycleIfAdded(edges, 1, 3)).toBeNull();
    expect(cycleIfAdded(edges, 2, 2)).toEqual([2, 2]);
  });
});

describe('serviceCeiling', () => {
  it('multiplies hard dependencies and counts a redundancy group as 1 − ∏(1 − a)', () => {
    const checkout = svc(1, 999_500, [
      { dependsOnId: 2, redundancyGroup: null },
      { dependsOnId: 3, redundancyGroup: 'db' },
      { dependsOnId: 4, redundancyGroup: 'db' },
    ]);
    const byId = new Map([checkout, svc(2, 999_000), svc(3, 995_000), svc(4, 995_000)].map((s) => [s.id, s]));
    const c = serviceCeiling(checkout, byId);
    expect(c.ceiling).toBeCloseTo(0.999 * (1 - 0.005 * 0.005), 12);
    expect(c.limiting).toMatchObject({ kind: 'hard', serviceId: 2 });
  });

  it('leaves out dependencies without an availability SLO and says so', () => {
    const a = svc(1, 999_000, [{ dependsOnId: 2, redundancyGroup: null }]);
    const c = serviceCeiling(
      a,
      new Map([
        [1, a],
        [2, svc(2, null)],
      ]),
    );
    expect(c).toMatchObject({ ceiling: null, unknown: [2], limiting: null });
  });
});
