import type { Service } from '../domain/types';

/** A dependency edge with both ends named by service id. */
export type Edge = { serviceId: number; dependsOnId: number; redundancyGroup: string | null };

/** Every edge of the workspace, from the services' own lists. */
export function edgesOf(services: readonly Service[]): Edge[] {
  return services.flatMap((s) => s.dependencies.map((d) => ({ serviceId: s.id, ...d })));
}

/**
 * The cycle that adding `from → to` would close, as the services along it from `from` back to `from`
 * (e.g. [a, b, c, a]), or null. A breadth-first search from `to` finds the shortest way back to `from`.
 */
export function cycleIfAdded(edges: readonly Edge[], from: number, to: number): number[] | null {
  if (from === to) return [from, from];
  const next = new Map<number, number[]>();
  for (const e of edges) next.set(e.serviceId, [...(next.get(e.serviceId) ?? []), e.dependsOnId]);
  const parent = new Map<number, number>();
  const queue = [to];
  const seen = new Set([to]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === from) {
      const back = [from];
      for (let step = from; step !== to;) {
        step = parent.get(step)!;
        back.push(step);
      }
      return [from, ...back.reverse()];
    }
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      parent.set(n, at);
      queue.push(n);
    }
  }
  return null;
}

/** The availability a service promises others: the SLO tier of its first availability SLI, in ppm, or null. */
export function availabilitySloPpm(service: Service): number | null {
  for (const sli of service.slis) {
    if (sli.kind === 'availability' && sli.objectives.slo) return sli.objectives.slo.targetPpm;
  }
  return null;
}

/** One factor of a ceiling: a hard dependency, or a redundancy group counted as 1 − ∏(1 − aᵢ). */
export type CeilingFactor =
  | { kind: 'hard'; serviceId: number; availability: number }
  | { kind: 'group'; name: string; members: { serviceId: number; availability: number }[]; availability: number };

/** What a service's dependencies allow it to promise. */
export type Ceiling = {
  /** Product of the factors (0..1), or null when the service has no dependency with a known SLO. */
  ceiling: number | null;
  factors: CeilingFactor[];
  /** Dependencies without an availability SLO, left out of the product. */
  unknown: number[];
  /** The factor with the lowest availability: the one that limits the service most. */
  limiting: CeilingFactor | null;
};

/**
 * A service's availability ceiling: the product over its hard dependencies of their SLO, with each redundancy group
 * counted as 1 − ∏(1 − aᵢ) (serial availability multiplies, parallel unavailability multiplies).
 */
export function serviceCeiling(service: Service, byId: ReadonlyMap<number, Service>): Ceiling {
  const factors: CeilingFactor[] = [];
  const unknown: number[] = [];
  const groups = new Map<string, { serviceId: number; availability: number }[]>();
  for (const dep of service.dependencies) {
    const target = byId.get(dep.dependsOnId);
    const ppm = target ? availabilitySloPpm(target) : null;
    if (ppm === null) {
      unknown.push(dep.dependsOnId);
      continue;
    }
    const availability = ppm / 1_000_000;
    if (dep.redundancyGroup === null) factors.push({ kind: 'hard', serviceId: dep.dependsOnId, availability });
    else groups.set(dep.redundancyGroup, [...(groups.get(dep.redundancyGroup) ?? []), { serviceId: dep.dependsOnId, availability }]);
  }
  for (const [name, members] of groups) {
    const allDown = members.reduce((p, m) => p * (1 - m.availability), 1);
    factors.push({ kind: 'group', name, members, availability: 1 - allDown });
  }
  if (factors.length === 0) return { ceiling: null, factors, unknown, limiting: null };
  const ceiling = factors.reduce((p, f) => p * f.availability, 1);
  const limiting = factors.reduce((worst, f) => (f.availability < worst.availability ? f : worst));
  return { ceiling, factors, unknown, limiting };
}
