// Stored what-if scenarios as the CLI shows them: a JSON summary with every field, and one line for people, both
// built from the same summary so they cannot disagree.
import type { StoredScenario } from '#shared/ipc/contract';
import { FROM_HISTORY } from '#shared/simulation/scenario';
import type { JsonScenario } from './json-output';

/** A stored scenario as the JSON format shows it. */
export function toJsonScenario(stored: StoredScenario): JsonScenario {
  const s = stored.scenario;
  const run = stored.lastRun;
  return {
    id: stored.id,
    name: s.name,
    description: s.description,
    deploysPerWeek: s.deploys.weekdays === undefined ? (s.deploys.perWeek ?? 0) : null,
    deployWeekdays: s.deploys.weekdays ?? null,
    incidentsPerWeek: s.incidents.perWeek,
    baselineErrorRate: s.baseline.errorRate,
    lastRun: run === null ? null : { seed: run.seed, trials: run.trials, startMs: run.startMs },
    updatedMs: stored.updatedMs,
    unreadable: stored.unreadable ?? null,
    fields: s,
  };
}

/** A rate as a percentage with up to 4 significant digits: 0.0002 → "0.02 %". */
function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(4))} %`;
}

function hourText(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} UTC`;
}

/** The knobs of a scenario in one line: "10 deploys/week, 2 incidents/week, baseline 0.02 %; run stored (seed 7, 10000 trials)". */
export function scenarioSummary(s: JsonScenario): string {
  if (s.unreadable !== null) return s.unreadable;
  const deploys =
    s.deployWeekdays === null ? `${s.deploysPerWeek} deploys/week` : `deploys ${s.deployWeekdays.join(', ')} at ${hourText(s.fields.deploys.hour)}`;
  const baseline = s.baselineErrorRate === FROM_HISTORY ? 'baseline from history' : `baseline ${percent(s.baselineErrorRate)}`;
  const run = s.lastRun === null ? 'no run stored' : `run stored (seed ${s.lastRun.seed}, ${s.lastRun.trials} trials)`;
  return `${deploys}, ${s.incidentsPerWeek} incidents/week, ${baseline}; ${run}`;
}

/** One scenario as an indented line: its name and its summary. */
export function scenarioLine(s: JsonScenario): string {
  return `  ${s.name}: ${scenarioSummary(s)}`;
}
