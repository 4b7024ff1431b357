// Builds what a simulation needs from plain scenario fields for tests: an SLI with tiers, its service, a run.
import type { Objective, Service, Sli, Tier } from '../../domain/types';
import { simulate } from '../engine';
import type { HistoryFacts } from '../history-facts';
import { resolveScenario } from '../resolve';
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario';
import { NO_SLI_DETAILS } from '../../domain/types';

/** A Monday, 2027-03-01 00:00 UTC: weekday shapes and schedules start from here. */
export const MONDAY_MS = Date.UTC(2027, 2, 1);

/** An objective: rolling window of `days`, counted by events unless told otherwise. */
export function objective(tier: Tier, targetPpm: number, days = 30, extra: Partial<Objective> = {}): Objective {
  return { tier, targetPpm, window: { kind: 'rolling', days }, method: 'occurrences', timeslice: null, latencyThresholdMs: null, ...extra };
}

/** An availability SLI with the given tiers, in a service with the given traffic and policy. */
export function sliWith(objectives: Objective[], service: Partial<Service> = {}): { sli: Sli; service: Service } {
  const sli: Sli = {
    id: 1,
    serviceId: 1,
    name: 'Checkout availability',
    kind: 'availability',
    latencyThresholdMs: null,
    ...NO_SLI_DETAILS,
    objectives: Object.fromEntries(objectives.map((o) => [o.tier, o])),
  };
  return {
    sli,
    service: { id: 1, name: 'Checkout', owner: '', description: '', requestsPerDay: null, dependencies: [], policy: null, slis: [sli], ...service },
  };
}

/** Resolves and runs a scenario (fields as a file would give them) for the SLI; throws on any issue. */
export function run(
  fields: Omit<ScenarioInput, 'name'> & { name?: string },
  objectives: Objective[],
  options: {
    trials?: number;
    seed?: number;
    facts?: HistoryFacts | null;
    service?: Partial<Service>;
    services?: Service[];
    dependencyScenarios?: Map<number, Scenario>;
  } = {},
) {
  const parsed = parseScenario({ name: 'test', ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { sli, service } = sliWith(objectives, options.service);
  const resolved = resolveScenario(parsed.value, {
    sli,
    service,
    services: [service, ...(options.services ?? [])],
    dependencyScenarios: options.dependencyScenarios,
    facts: options.facts ?? null,
    alertSets: [],
    startMs: MONDAY_MS,
  });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return simulate({ ...resolved.value.input, trials: options.trials ?? 2000, seed: options.seed ?? 7 });
}
