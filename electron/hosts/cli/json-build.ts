import { computeLadder } from '#shared/budget/ladder';
import { availabilitySloPpm, type CeilingFactor } from '#shared/budget/dependencies';
import { assessFeasibility, availabilityPpm, ceilingFormula, describeFactor, groupFormula } from '#shared/budget/feasibility';
import { formatPpmPercent } from '#shared/domain/percent';
import { tierThresholdMs } from '#shared/domain/tiers';
import { KIND_WORDING, type Objective, type Service, type Sli } from '#shared/domain/types';
import { formatWindowSpec } from '#shared/domain/window';
import type { WorkspaceInfo } from '#shared/ipc/contract';
import {
  JSON_FORMAT,
  type JsonAvailability,
  type JsonCeilingFactor,
  type JsonCeilingReport,
  type JsonDependency,
  type JsonEnvelope,
  type JsonService,
  type JsonServiceSummary,
  type JsonSli,
  type JsonTier,
  type JsonWindowSpec,
  type JsonWorkspace,
} from './json-output';

/** Rounds minutes to 6 decimals (60 µs), so float noise from subtracting budgets never reaches scripts. */
export function roundMinutes(minutes: number): number {
  const rounded = Math.round(minutes * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The fields every successful document starts with. */
export function envelope<C extends string>(command: C): JsonEnvelope<C> {
  return { format: JSON_FORMAT, ok: true, command };
}

function jsonTier(sli: Sli, objective: Objective, budget: { min: number; max: number }, budgetPpm: number): JsonTier {
  return {
    tier: objective.tier,
    target: formatPpmPercent(objective.targetPpm),
    targetPpm: objective.targetPpm,
    window: formatWindowSpec(objective.window) as JsonWindowSpec,
    timeZone: objective.window.kind === 'calendar' ? objective.window.timeZone : null,
    method: objective.method,
    timeslice: objective.timeslice ? { ...objective.timeslice } : null,
    latencyThresholdMs: sli.kind === 'latency' ? tierThresholdMs(sli, objective.tier) : null,
    budget: { minutesMin: roundMinutes(budget.min), minutesMax: roundMinutes(budget.max), ppm: budgetPpm },
  };
}

/** An SLI as the JSON format shows it: its tiers with their budgets, the buffers and the ordering warnings. */
export function toJsonSli(sli: Sli): JsonSli {
  const ladder = computeLadder(sli);
  const tiers: JsonTier[] = [];
  for (const rung of ladder.rungs) {
    const objective = sli.objectives[rung.tier];
    if (objective) tiers.push(jsonTier(sli, objective, rung.budgetMinutes, rung.budgetPpm));
  }
  return {
    name: sli.name,
    kind: sli.kind,
    latencyThresholdMs: sli.latencyThresholdMs,
    freshnessMaxAgeMs: sli.freshnessMaxAgeMs,
    wording: sli.wording ?? KIND_WORDING[sli.kind],
    queries: sli.queries,
    histogram: sli.histogram,
    tiers,
    buffers: ladder.buffers.map((b) => ({
      from: b.from,
      to: b.to,
      points: formatPpmPercent(b.ppm),
      ppm: b.ppm,
      minutesMin: roundMinutes(b.minutes.min),
      minutesMax: roundMinutes(b.minutes.max),
    })),
    warnings: ladder.warnings.map((w) => ({ rule: w.rule, tier: w.tier, against: w.against, message: w.message })),
  };
}

/** A service with all its SLIs, as the JSON format shows it. */
export function toJsonService(service: Service): JsonService {
  return { name: service.name, owner: service.owner, description: service.description, slis: service.slis.map(toJsonSli) };
}

/** A service as `service list` shows it. */
export function toJsonServiceSummary(service: Service): JsonServiceSummary {
  return { name: service.name, owner: service.owner, description: service.description, slis: service.slis.map((s) => s.name) };
}

/** The open workspace as the JSON format shows it. */
export function toJsonWorkspace(info: WorkspaceInfo): JsonWorkspace {
  return {
    name: info.name,
    path: info.location,
    schemaVersion: info.schemaVersion,
    readOnly: info.readOnly,
    readOnlyReason: info.readOnlyReason,
  };
}

/** An availability (0..1) with 12 decimals, and as a percentage rounded down to 1 ppm. */
function toJsonAvailability(availability: number): JsonAvailability {
  return { availability: Math.round(availability * 1e12) / 1e12, percent: formatPpmPercent(availabilityPpm(availability)) };
}

/** Every dependency of the given services as the JSON format shows it, with the SLO each target promises. */
export function toJsonDependencies(of: readonly Service[], all: readonly Service[]): JsonDependency[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  return of.flatMap((s) =>
    s.dependencies.map((d) => {
      const target = byId.get(d.dependsOnId);
      const ppm = target ? availabilitySloPpm(target) : null;
      return {
        service: s.name,
        on: target?.name ?? `#${d.dependsOnId}`,
        redundancyGroup: d.redundancyGroup,
        slo: ppm === null ? null : formatPpmPercent(ppm),
        sloPpm: ppm,
      };
    }),
  );
}

function toJsonFactor(factor: CeilingFactor, byId: ReadonlyMap<number, Service>): JsonCeilingFactor {
  const name = (id: number) => byId.get(id)?.name ?? `#${id}`;
  if (factor.kind === 'hard') return { kind: 'hard', service: name(factor.serviceId), ...toJsonAvailability(factor.availability) };
  return {
    kind: 'group',
    name: factor.name,
    members: factor.members.map((m) => ({ service: name(m.serviceId), ...toJsonAvailability(m.availability) })),
    formula: groupFormula(factor),
    ...toJsonAvailability(factor.availability),
  };
}

/** The `ceiling` report of a service: its ceiling, factors, ignored dependencies, and whether its SLO fits. */
export function toJsonCeiling(service: Service, all: readonly Service[]): Omit<JsonCeilingReport, keyof JsonEnvelope<'ceiling'>> {
  const byId = new Map(all.map((s) => [s.id, s]));
  const f = assessFeasibility(service, byId);
  const { ceiling } = f;
  return {
    service: service.name,
    slo: f.sloPpm === null ? null : formatPpmPercent(f.sloPpm),
    sloPpm: f.sloPpm,
    ceiling: ceiling.ceiling === null || f.ceilingPpm === null ? null : { ...toJsonAvailability(ceiling.ceiling), ppm: f.ceilingPpm },
    formula: ceilingFormula(ceiling),
    factors: ceiling.factors.map((factor) => toJsonFactor(factor, byId)),
    ignored: ceiling.unknown.map((id) => byId.get(id)?.name ?? `#${id}`),
    limiting: ceiling.limiting === null ? null : describeFactor(ceiling.limiting, byId),
    status: f.status,
    feasible: f.status === 'unknown' ? null : f.status === 'feasible',
    warning: f.warning,
  };
}
