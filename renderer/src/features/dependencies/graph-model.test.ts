import { describe, expect, it } from 'vitest';
import type { Dependency, Service } from '#shared/domain/types';
import { buildGraphModel, markCount, MAX_TITLE_CHARS } from './graph-model';
import { NO_SLI_DETAILS } from '#shared/domain/types';

function service(id: number, name: string, sloPpm: number | null, dependencies: Dependency[] = []): Service {
  return {
    id,
    name,
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

const shop = [
  service(1, 'checkout', 999_500, [{ dependsOnId: 2, redundancyGroup: null }]),
  service(2, 'payments', 995_000, [
    { dependsOnId: 3, redundancyGroup: 'storage' },
    { dependsOnId: 4, redundancyGroup: 'storage' },
  ]),
  service(3, 'db-a', 995_000),
  service(4, 'db-b', null),
];

describe('buildGraphModel', () => {
  it('colours each service by feasibility and says so in its box', () => {
    const model = buildGraphModel(shop);
    const byName = new Map(model.nodes.map((n) => [n.name, n]));
    expect(byName.get('checkout')).toMatchObject({ status: 'infeasible', details: ['SLO 99.95 %', '⚠ ceiling 99.5 %'] });
    expect(byName.get('payments')).toMatchObject({ status: 'feasible', details: ['SLO 99.5 %', '✓ ceiling 99.5 %'] });
    expect(byName.get('db-a')).toMatchObject({ status: 'unknown', details: ['SLO 99.5 %'] });
    expect(byName.get('db-b')).toMatchObject({ status: 'unknown', details: ['no availability SLO'] });
    expect(byName.get('checkout')!.label).toBe('checkout: SLO 99.95 %, ⚠ ceiling 99.5 %; SLO above its ceiling');
  });

  it('orders boxes by name and draws one arrow per dependency with its redundancy group', () => {
    const model = buildGraphModel(shop);
    expect(model.nodes.map((n) => n.name)).toEqual(['checkout', 'db-a', 'db-b', 'payments']);
    expect(model.edges).toEqual([
      { from: 1, to: 2, group: null },
      { from: 2, to: 3, group: 'storage' },
      { from: 2, to: 4, group: 'storage' },
    ]);
    expect(markCount(model)).toBe(4 * 2 + 3 * 2);
  });

  it('shortens a long name with an ellipsis but keeps the full name for the tooltip and screen readers', () => {
    const long = 'a-really-long-service-name-for-the-projector';
    const [node] = buildGraphModel([service(1, long, null)]).nodes;
    expect(node!.title).toHaveLength(MAX_TITLE_CHARS);
    expect(node!.title.endsWith('…')).toBe(true);
    expect(node!.name).toBe(long);
    expect(node!.label.startsWith(long)).toBe(true);
  });
});
