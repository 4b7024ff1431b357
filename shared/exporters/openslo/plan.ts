// Which OpenSLO documents an export writes for each service, and their names. OpenSLO has one timeWindow and one
// budgetingMethod per SLO and one indicator per SLO, so the tiers of an SLI share an SLO document only when they share
// window, method and measurement (for latency, the threshold); every other combination gets an SLO document of its own.
import { TIERS, type Objective, type Service, type Sli, type Tier } from '../../domain/types';
import { openSloJoin, openSloName, shortHash } from '../names';
import { measurementFor, measurementKey, type Measurement } from './measure';

/** One SLO document to write: its name, the SLI document it refers to, and its tiers in order. */
export type SloPlan = { name: string; indicator: string; measurement: Measurement; tiers: { tier: Tier; objective: Objective }[] };

/** One SLI document to write: its name and measurement. */
export type SliPlan = { name: string; measurement: Measurement };

/** The documents of one workbench SLI. */
export type SliDocsPlan = { sli: Sli; slis: SliPlan[]; slos: SloPlan[] };

/** The documents of one service: its own name and those of its SLIs. */
export type ServicePlan = { service: Service; name: string; slis: SliDocsPlan[] };

/** Hands out names unique within one kind: a second use of a name gets -2, -3, … (cut to fit with a hash). */
export class NameBook {
  private used = new Map<string, Set<string>>();

  take(kind: string, wanted: string): string {
    const names = this.used.get(kind) ?? new Set<string>();
    this.used.set(kind, names);
    let name = wanted;
    for (let n = 2; names.has(name); n++) name = openSloJoin(wanted, String(n));
    names.add(name);
    return name;
  }
}

const windowKey = (o: Objective) => JSON.stringify([o.window, o.method]);

function tierSuffix(tiers: readonly Tier[]): string {
  return tiers.join('-');
}

function planSli(sli: Sli, serviceName: string, book: NameBook): SliDocsPlan {
  const base = openSloJoin(serviceName, openSloName(sli.name));
  const groups = new Map<string, { measurement: Measurement; tiers: { tier: Tier; objective: Objective }[] }>();
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const measurement = measurementFor(sli, tier);
    const key = `${measurementKey(measurement)}|${windowKey(objective)}`;
    const group = groups.get(key) ?? { measurement, tiers: [] };
    group.tiers.push({ tier, objective });
    groups.set(key, group);
  }
  // The SLI document of the SLI itself comes first, even when no tier uses it (an SLI without tiers still exports).
  const primary = measurementFor(sli, null);
  const measurements = new Map<string, Measurement>([[measurementKey(primary), primary]]);
  for (const g of groups.values()) measurements.set(measurementKey(g.measurement), g.measurement);
  const sliNames = new Map<string, string>();
  const slis: SliPlan[] = [...measurements.entries()].map(([key, measurement], i) => {
    const wanted = i === 0 ? base : openSloJoin(base, `${measurement.thresholdMs ?? shortHash(key)}ms`);
    const name = book.take('SLI', wanted);
    sliNames.set(key, name);
    return { name, measurement };
  });
  const single = groups.size === 1;
  const slos: SloPlan[] = [...groups.values()].map((g) => ({
    name: book.take('SLO', single ? base : openSloJoin(base, tierSuffix(g.tiers.map((t) => t.tier)))),
    indicator: sliNames.get(measurementKey(g.measurement))!,
    measurement: g.measurement,
    tiers: g.tiers,
  }));
  return { sli, slis, slos };
}

/** The documents of every exported service, named once for the whole export. */
export function planServices(services: readonly Service[]): ServicePlan[] {
  const book = new NameBook();
  return services.map((service) => {
    const name = book.take('Service', openSloName(service.name));
    return { service, name, slis: service.slis.map((sli) => planSli(sli, name, book)) };
  });
}
