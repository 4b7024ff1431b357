import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency, Service } from '../domain/types';
import { serviceCeiling } from './dependencies';
import {
  assessAll,
  assessFeasibility,
  availabilityPpm,
  ceilingFormula,
  countInfeasible,
  describeFactor,
  feasibilityWarning,
  formatAvailability,
  groupFormula,
  ignoredDependencyText,
} from './feasibility';
import { NO_SLI_DETAILS } from '../domain/types';

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

const hard = (dependsOnId: number): Dependency => ({ dependsOnId, redundancyGroup: null });
const inGroup = (dependsOnId: number, group: string): Dependency => ({ dependsOnId, redundancyGroup: group });
const mapOf = (...services: Service[]) => new Map(services.map((s) => [s.id, s]));

// The workshop example: checkout (SLO 99.95 %) needs payments (99.9 %) and one of two databases (99.5 % each).
const payments = service(2, 'payments', 999_000);
const dbA = service(3, 'db-a', 995_000);
const dbB = service(4, 'db-b', 995_000);
const ledger = service(5, 'ledger', null);
const checkout = service(1, 'checkout', 999_500, [hard(2), inGroup(3, 'databases'), inGroup(4, 'databases'), hard(5)]);
const shop = mapOf(checkout, payments, dbA, dbB, ledger);

// Fixed seed and at least 200 runs per property, so every run checks the same cases (R37).
fc.configureGlobal({ seed: 20_261_122, numRuns: 200 });

describe('formatAvailability', () => {
  it('shows four decimals of a percent and rounds down so a ceiling is never overstated', () => {
    expect(formatAvailability(0.999 * (1 - 0.005 ** 2))).toBe('99.8975 %');
    expect(formatAvailability(0.99850199)).toBe('99.8501 %');
    expect(formatAvailability(0.9985)).toBe('99.85 %');
  });

  it('keeps exact products exact despite float noise', () => {
    expect(availabilityPpm(0.999 * 0.999)).toBe(998_001);
    expect(availabilityPpm(0.1 * 3)).toBe(300_000);
  });

  it('never shows 100 % for an availability short of it', () => {
    expect(formatAvailability(1 - 1e-12)).toBe('99.9999 %');
  });
});

describe('assessFeasibility', () => {
  it('computes the ceiling 0.999 × (1 − 0.005²) for a hard dependency and a redundancy group of two', () => {
    const f = assessFeasibility(checkout, shop);
    expect(f.ceiling.ceiling).toBeCloseTo(0.998975025, 12);
    expect(f.ceilingPpm).toBe(998_975);
    expect(f.status).toBe('infeasible');
  });

  it('names the dependency that limits the service most in the warning', () => {
    expect(assessFeasibility(checkout, shop).warning).toBe(
      'The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.8975 %): "payments" (99.9 %) limits it most.',
    );
  });

  it('names a redundancy group when the group limits most', () => {
    const weak = [service(6, 'cache-a', 900_000), service(7, 'cache-b', 900_000)];
    const api = service(8, 'api', 999_000, [hard(2), inGroup(6, 'caches'), inGroup(7, 'caches')]);
    expect(assessFeasibility(api, mapOf(api, payments, ...weak)).warning).toBe(
      'The SLO of "api" (99.9 %) is above what its dependencies allow (98.901 %): redundancy group "caches" (99 %) limits it most.',
    );
  });

  it('calls an SLO equal to the ceiling feasible', () => {
    const api = service(8, 'api', 999_000, [hard(2)]);
    expect(assessFeasibility(api, mapOf(api, payments))).toMatchObject({ status: 'feasible', warning: null, ceilingPpm: 999_000 });
  });

  it('leaves a service without an availability SLO, or without a dependency that has one, unknown', () => {
    const noSlo = service(8, 'batch', null, [hard(2)]);
    const onlyUnknown = service(9, 'report', 990_000, [hard(5)]);
    expect(assessFeasibility(noSlo, mapOf(noSlo, payments)).status).toBe('unknown');
    expect(assessFeasibility(onlyUnknown, mapOf(onlyUnknown, ledger))).toMatchObject({ status: 'unknown', ceilingPpm: null, warning: null });
    expect(assessFeasibility(payments, shop).status).toBe('unknown');
  });

  it('counts the infeasible services of a workspace', () => {
    const fine = service(8, 'api', 990_000, [hard(2)]);
    expect(countInfeasible([checkout, payments, dbA, dbB, ledger, fine])).toBe(1);
    expect(assessAll([fine, payments]).get(8)!.status).toBe('feasible');
  });
});

describe('ceiling explanations', () => {
  it('writes a redundancy group out as 1 − ∏(1 − aᵢ)', () => {
    const group = serviceCeiling(checkout, shop).factors.find((f) => f.kind === 'group')!;
    expect(group.kind === 'group' && groupFormula(group)).toBe('1 − (1 − 99.5 %) × (1 − 99.5 %) = 99.9975 %');
    expect(describeFactor(group, shop)).toBe('redundancy group "databases" (99.9975 %)');
  });

  it('writes the ceiling as the product of its factors and lists dependencies without an SLO as ignored', () => {
    const c = serviceCeiling(checkout, shop);
    expect(ceilingFormula(c)).toBe('99.9 % × 99.9975 % = 99.8975 %');
    expect(c.unknown).toEqual([5]);
    expect(ignoredDependencyText('ledger')).toBe('"ledger" has no availability SLO, so it is left out of the ceiling.');
    expect(ceilingFormula(serviceCeiling(payments, shop))).toBeNull();
    const single = service(8, 'api', 990_000, [hard(2)]);
    expect(ceilingFormula(serviceCeiling(single, mapOf(single, payments)))).toBeNull();
  });

  it('builds the warning from its parts in one fixed sentence', () => {
    expect(feasibilityWarning('checkout', 999_500, 0.9985, '"payments" (99.9 %)')).toBe(
      'The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.85 %): "payments" (99.9 %) limits it most.',
    );
  });
});

// Availabilities an SLO can take: 50 % to 99.9999 %, in whole ppm.
const sloPpm = fc.integer({ min: 500_000, max: 999_999 });
const edges = fc.array(fc.record({ ppm: sloPpm, group: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }) }), { minLength: 1, maxLength: 8 });

function graphOf(deps: { ppm: number; group: string | null }[]): { root: Service; byId: Map<number, Service> } {
  const targets = deps.map((d, i) => service(i + 2, `dep-${i}`, d.ppm));
  const root = service(
    1,
    'root',
    999_000,
    deps.map((d, i) => ({ dependsOnId: i + 2, redundancyGroup: d.group })),
  );
  return { root, byId: mapOf(root, ...targets) };
}

describe('ceiling properties', () => {
  it('never lets a serial ceiling exceed any of its hard dependencies', () => {
    fc.assert(
      fc.property(fc.array(sloPpm, { minLength: 1, maxLength: 8 }), (ppms) => {
        const { root, byId } = graphOf(ppms.map((ppm) => ({ ppm, group: null })));
        const { ceiling } = serviceCeiling(root, byId);
        for (const ppm of ppms) expect(ceiling!).toBeLessThanOrEqual(ppm / 1e6);
      }),
    );
  });

  it('never lets any ceiling exceed any of its factors', () => {
    fc.assert(
      fc.property(edges, (deps) => {
        const { root, byId } = graphOf(deps);
        const c = serviceCeiling(root, byId);
        for (const f of c.factors) expect(c.ceiling!).toBeLessThanOrEqual(f.availability);
        expect(c.limiting!.availability).toBe(Math.min(...c.factors.map((f) => f.availability)));
      }),
    );
  });

  it('gives a redundancy group at least the availability of its best member', () => {
    fc.assert(
      fc.property(fc.array(sloPpm, { minLength: 1, maxLength: 6 }), (ppms) => {
        const { root, byId } = graphOf(ppms.map((ppm) => ({ ppm, group: 'g' })));
        const [group] = serviceCeiling(root, byId).factors;
        expect(group!.availability).toBeGreaterThanOrEqual(Math.max(...ppms) / 1e6);
      }),
    );
  });

  it('never raises a ceiling when a hard dependency is added', () => {
    fc.assert(
      fc.property(edges, sloPpm, (deps, extra) => {
        const before = serviceCeiling(graphOf(deps).root, graphOf(deps).byId).ceiling!;
        const withExtra = graphOf([...deps, { ppm: extra, group: null }]);
        expect(serviceCeiling(withExtra.root, withExtra.byId).ceiling!).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('rounds a ceiling down to whole ppm, never up, and within 1 ppm', () => {
    fc.assert(
      fc.property(edges, (deps) => {
        const { root, byId } = graphOf(deps);
        const ceiling = serviceCeiling(root, byId).ceiling!;
        const ppm = availabilityPpm(ceiling);
        expect(ppm / 1e6).toBeLessThanOrEqual(ceiling + 1e-9);
        expect(ceiling * 1e6 - ppm).toBeLessThan(1 + 1e-6);
      }),
    );
  });

  it('calls a service infeasible exactly when its SLO is above its ceiling', () => {
    fc.assert(
      fc.property(edges, sloPpm, (deps, own) => {
        const { root, byId } = graphOf(deps);
        const withSlo = service(1, 'root', own, root.dependencies);
        byId.set(1, withSlo);
        const f = assessFeasibility(withSlo, byId);
        expect(f.status === 'infeasible').toBe(own / 1e6 > f.ceiling.ceiling! + 1e-9);
        expect(f.warning !== null).toBe(f.status === 'infeasible');
      }),
    );
  });
});
