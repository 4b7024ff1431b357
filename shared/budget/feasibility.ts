// Words for dependency ceilings and feasibility, shared by the UI and the CLI so both say exactly the same thing.
import { formatPpmPercent, PPM_PER_WHOLE } from '../domain/percent';
import type { Service } from '../domain/types';
import { availabilitySloPpm, serviceCeiling, type Ceiling, type CeilingFactor } from './dependencies';

/** Whether a service can keep its SLO given its dependencies: unknown when it has no availability SLO or no dependency with one. */
export type FeasibilityStatus = 'feasible' | 'infeasible' | 'unknown';

/** A service's ceiling judged against its own availability SLO, with the sentence to show when it is out of reach. */
export type Feasibility = {
  serviceId: number;
  /** The service's own availability SLO in ppm, or null when it has none. */
  sloPpm: number | null;
  ceiling: Ceiling;
  /** The ceiling rounded down to whole ppm (so it is never overstated), or null when unknown. */
  ceilingPpm: number | null;
  status: FeasibilityStatus;
  /** The warning naming the dependency that limits the service most; null unless infeasible. */
  warning: string | null;
};

/**
 * An availability (0..1) in whole parts per million, rounded down so a ceiling is never shown higher than it is.
 * Float noise below 1e-9 is removed first (0.999 × 1 must stay 999000), and anything short of 100 % stays below it.
 */
export function availabilityPpm(availability: number): number {
  const ppm = Math.floor(Math.round(availability * 1e9) / 1e3);
  const clamped = Math.max(0, Math.min(PPM_PER_WHOLE, ppm));
  return availability < 1 ? Math.min(clamped, PPM_PER_WHOLE - 1) : clamped;
}

/** An availability (0..1) as a percentage with up to 4 decimals, rounded down: 0.998975025 → "99.8975 %". */
export function formatAvailability(availability: number): string {
  return `${formatPpmPercent(availabilityPpm(availability))} %`;
}

/** Names of services by id, falling back to "#id" for a service that is not in the map. */
function nameOf(byId: ReadonlyMap<number, Service>, id: number): string {
  return byId.get(id)?.name ?? `#${id}`;
}

/** How a factor is named in sentences: `"payments"` for a hard dependency, `redundancy group "databases"` for a group. */
export function factorName(factor: CeilingFactor, byId: ReadonlyMap<number, Service>): string {
  return factor.kind === 'hard' ? `"${nameOf(byId, factor.serviceId)}"` : `redundancy group "${factor.name}"`;
}

/** A factor with its availability: `"payments" (99.9 %)`. */
export function describeFactor(factor: CeilingFactor, byId: ReadonlyMap<number, Service>): string {
  return `${factorName(factor, byId)} (${formatAvailability(factor.availability)})`;
}

/** A redundancy group's availability written out as 1 − ∏(1 − aᵢ): "1 − (1 − 99.5 %) × (1 − 99.5 %) = 99.9975 %". */
export function groupFormula(factor: Extract<CeilingFactor, { kind: 'group' }>): string {
  const terms = factor.members.map((m) => `(1 − ${formatAvailability(m.availability)})`).join(' × ');
  return `1 − ${terms} = ${formatAvailability(factor.availability)}`;
}

/** The ceiling as the product of its factors: "99.9 % × 99.9975 % = 99.8975 %", or null with fewer than two factors. */
export function ceilingFormula(ceiling: Ceiling): string | null {
  if (ceiling.ceiling === null || ceiling.factors.length < 2) return null;
  return `${ceiling.factors.map((f) => formatAvailability(f.availability)).join(' × ')} = ${formatAvailability(ceiling.ceiling)}`;
}

/** The sentence for a dependency left out of the ceiling because it promises no availability SLO. */
export function ignoredDependencyText(name: string): string {
  return `"${name}" has no availability SLO, so it is left out of the ceiling.`;
}

/**
 * The warning for a service whose SLO is above its ceiling, naming what limits it most:
 * `The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.85 %): "payments" (99.9 %) limits it most.`
 */
export function feasibilityWarning(serviceName: string, sloPpm: number, ceiling: number, limiting: string): string {
  return `The SLO of "${serviceName}" (${formatPpmPercent(sloPpm)} %) is above what its dependencies allow (${formatAvailability(ceiling)}): ${limiting} limits it most.`;
}

/** Judges a service's availability SLO against the ceiling its dependencies allow. */
export function assessFeasibility(service: Service, byId: ReadonlyMap<number, Service>): Feasibility {
  const ceiling = serviceCeiling(service, byId);
  const sloPpm = availabilitySloPpm(service);
  const ceilingPpm = ceiling.ceiling === null ? null : availabilityPpm(ceiling.ceiling);
  const base = { serviceId: service.id, sloPpm, ceiling, ceilingPpm };
  // SLOs are whole ppm, so comparing with the ceiling rounded down to whole ppm is exact.
  if (sloPpm === null || ceilingPpm === null || ceiling.ceiling === null || ceiling.limiting === null) {
    return { ...base, status: 'unknown', warning: null };
  }
  if (sloPpm <= ceilingPpm) return { ...base, status: 'feasible', warning: null };
  const warning = feasibilityWarning(service.name, sloPpm, ceiling.ceiling, describeFactor(ceiling.limiting, byId));
  return { ...base, status: 'infeasible', warning };
}

/** Feasibility of every service of a workspace, by service id. */
export function assessAll(services: readonly Service[]): Map<number, Feasibility> {
  const byId = new Map(services.map((s) => [s.id, s]));
  return new Map(services.map((s) => [s.id, assessFeasibility(s, byId)]));
}

/** How many services promise an availability SLO above what their dependencies allow. */
export function countInfeasible(services: readonly Service[]): number {
  let n = 0;
  for (const f of assessAll(services).values()) if (f.status === 'infeasible') n++;
  return n;
}
