import { alertPeriodMinutes, DEFAULT_ALERT_SETS, fitAlertSet, type AlertWindowSet } from '../budget/alerts';
import { TIERS, type Service } from '../domain/types';
import type { VersionSnapshot } from './types';

/**
 * A version of a service as proposed at `atMs`: the service as the catalog holds it and, for each tier of each SLI,
 * the alert set fitAlertSet gives its SLO period (a calendar window's period is the one containing `atMs`), the
 * workspace's own sets first.
 */
export function versionSnapshot(service: Service, customSets: readonly AlertWindowSet[], atMs: number): VersionSnapshot {
  const alertSets = service.slis.flatMap((sli) =>
    TIERS.flatMap((tier) => {
      const objective = sli.objectives[tier];
      if (!objective) return [];
      const periodMinutes = alertPeriodMinutes(objective.window, atMs);
      const fit = fitAlertSet(DEFAULT_ALERT_SETS, periodMinutes, customSets);
      return [{ sliId: sli.id, tier, periodMinutes, set: withoutId(fit.set), scaling: fit.scaling }];
    }),
  );
  return { service, alertSets };
}

/** A stored set carries its row id; the version keeps only what the set is. */
function withoutId(set: AlertWindowSet & { id?: number }): AlertWindowSet {
  return { name: set.name, periodMinutes: set.periodMinutes, page: set.page, ticket: set.ticket };
}

/** JSON with every object's keys sorted, so two equal snapshots are the same text whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** True when two snapshots hold the same plan. */
export function sameSnapshot(a: VersionSnapshot, b: VersionSnapshot): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
