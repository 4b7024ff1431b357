// A small, realistic catalog for component tests: a checkout service with an availability and a latency SLI, and
// what it depends on (a payments API and a pair of redundant caches), the way a team writes them in a workshop.
import { NO_SLI_DETAILS, type Objective, type Service, type Sli, type SloWindow, type Tier } from '#shared/domain/types';

const ROLLING_30: SloWindow = { kind: 'rolling', days: 30 };

/** An Occurrences objective over 30 rolling days unless told otherwise. */
export function objective(tier: Tier, targetPpm: number, more: Partial<Objective> = {}): Objective {
  return { tier, targetPpm, window: ROLLING_30, method: 'occurrences', timeslice: null, latencyThresholdMs: null, ...more };
}

/** An SLI with the given tiers. */
export function sli(id: number, serviceId: number, name: string, objectives: Objective[], more: Partial<Sli> = {}): Sli {
  return {
    id,
    serviceId,
    name,
    kind: 'availability',
    latencyThresholdMs: null,
    ...NO_SLI_DETAILS,
    objectives: Object.fromEntries(objectives.map((o) => [o.tier, o])),
    ...more,
  };
}

/** A service with no traffic, dependencies or policy unless told otherwise. */
export function service(id: number, name: string, slis: Sli[], more: Partial<Service> = {}): Service {
  return { id, name, owner: 'team-payments', description: '', requestsPerDay: null, dependencies: [], policy: null, slis, ...more };
}

/** checkout (id 1): availability with SLA 99.5 %, SLO 99.9 % and target 99.95 %; latency (300 ms) with no tier yet. */
export function checkout(more: Partial<Service> = {}): Service {
  return service(
    1,
    'checkout',
    [
      sli(11, 1, 'availability', [objective('sla', 995_000), objective('slo', 999_000), objective('target', 999_500)]),
      sli(12, 1, 'latency', [], { kind: 'latency', latencyThresholdMs: 300 }),
    ],
    more,
  );
}

/** An availability SLI with only an SLO, for the services checkout depends on. */
const withSlo = (id: number, name: string, sloPpm: number | null, more: Partial<Service> = {}): Service =>
  service(id, name, [sli(id * 10 + 1, id, 'availability', sloPpm === null ? [] : [objective('slo', sloPpm)])], more);

/** payments-api (id 2, SLO 99.95 %). */
export const paymentsApi = (more: Partial<Service> = {}) => withSlo(2, 'payments-api', 999_500, more);
/** redis-a (id 3, SLO 99 %). */
export const redisA = (more: Partial<Service> = {}) => withSlo(3, 'redis-a', 990_000, more);
/** redis-b (id 4, SLO 99 %). */
export const redisB = (more: Partial<Service> = {}) => withSlo(4, 'redis-b', 990_000, more);
/** search (id 5), no SLO yet. */
export const search = (more: Partial<Service> = {}) => withSlo(5, 'search', null, more);

/**
 * checkout → payments-api (hard) and → redis-a, redis-b (redundancy group "cache"): its ceiling is
 * 0.9995 × (1 − 0.01 × 0.01) = 0.99940005, so its SLO of 99.9 % fits.
 */
export function dependencyCatalog(checkoutSloPpm = 999_000): Service[] {
  const root = checkout({
    dependencies: [
      { dependsOnId: 2, redundancyGroup: null },
      { dependsOnId: 3, redundancyGroup: 'cache' },
      { dependsOnId: 4, redundancyGroup: 'cache' },
    ],
  });
  root.slis[0]!.objectives.slo = objective('slo', checkoutSloPpm);
  return [root, paymentsApi(), redisA(), redisB(), search()];
}
