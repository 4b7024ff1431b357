import { estimateTraffic } from '#shared/analysis/traffic';
import { windowMinutes } from '#shared/budget/budget';
import type { Service } from '#shared/domain/types';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { EngineInput } from '#shared/simulation/engine-types';
import { historyFacts, type HistoryFacts } from '#shared/simulation/history-facts';
import { resolveScenario, type Resolved } from '#shared/simulation/resolve';
import type { SimulationResult } from '#shared/simulation/result';
import { formatScenarioIssues, historyFields, type Scenario } from '#shared/simulation/scenario';
import { sensitivityVariants, tornado } from '#shared/simulation/sensitivity';
import { weekStartMs } from '#shared/simulation/traffic-profile';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import { runWorker, SIMULATING_WORDS, type WorkerLimits } from '../workers/run-worker';
import type { SimulateJob, SimulateOutput } from '../workers/simulate-worker';
import { excludedHistory, loadHistory } from './analysis-service';
import { getScenario, storeRun } from './scenario-service';
import type { SimulationJob, SimulationJobs } from './simulation-jobs';
import type { WorkspaceSession } from './workspace-session';

const SIMULATE_WORKER = new URL('../workers/simulate-worker.ts', import.meta.url);

/** Limits of one simulation: five minutes and 1 GiB of heap, ample for a million trials. */
export const SIMULATION_LIMITS: WorkerLimits = { timeoutMs: 300_000, maxOldGenerationSizeMb: 1024, stackSizeMb: 4 };

/** Most trials one sensitivity variant draws: 22 variants of 2,000 trials answer within a second or two. */
export const SENSITIVITY_TRIALS = 2000;

type RunArgs = Args<'simulation/run'> | Args<'simulation/sensitivity'>;

/** The scenario a run uses: the stored one named by id, or the draft given. */
function scenarioOf(session: WorkspaceSession, args: RunArgs): { scenario: Scenario; storedId: number | null } {
  if (args.scenarioId !== null) {
    const stored = getScenario(session, args.scenarioId);
    if (stored.sliId !== args.sliId) throw new AppFailure('NOT_FOUND', `Scenario ${args.scenarioId} belongs to another SLI`, { field: 'scenarioId' });
    return { scenario: stored.scenario, storedId: stored.id };
  }
  return { scenario: args.scenario!, storedId: null };
}

/** What the SLI's history says for the fields that ask for it; null when no field asks, or the SLI has no history. */
function factsFor(session: WorkspaceSession, sliId: number, scenario: Scenario, atMs: number): HistoryFacts | null {
  if (historyFields(scenario).length === 0) return null;
  const sli = session.reader().getSli(sliId)!;
  const imports = session.series().listImports(sliId);
  if (imports.length === 0) return null;
  const loaded = loadHistory(session, sliId, null);
  const { history } = excludedHistory(loaded);
  const format = imports.find((r) => r.id === loaded.info.importId)!.format;
  const slo = sli.objectives.slo ?? sli.objectives.sla ?? sli.objectives.target;
  const source = `the import ${loaded.fileName}`;
  // Excluded periods are left out of the error rates and events, not of the traffic: they carried requests all the same.
  return historyFacts(
    history,
    loaded.history,
    estimateTraffic(loaded.history, { format, fileName: loaded.fileName }),
    slo?.targetPpm ?? 999_000,
    slo ? windowMinutes(slo.window, atMs).min : 30 * 1440,
    source,
  );
}

/** Resolves a scenario for its SLI at `atMs`, refusing it with every field that cannot be resolved. */
export function resolveFor(session: WorkspaceSession, sliId: number, scenario: Scenario, atMs: number): Resolved {
  const sli = session.reader().getSli(sliId);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${sliId}`, { field: 'sliId' });
  const services = session.reader().listServices();
  const service = services.find((s) => s.id === sli.serviceId)!;
  const resolved = resolveScenario(scenario, {
    sli,
    service,
    services,
    dependencyScenarios: scenario.dependencies.enabled && scenario.dependencies.from === 'scenarios' ? dependencyScenarios(session, service) : undefined,
    facts: factsFor(session, sliId, scenario, atMs),
    alertSets: session.alertSets().list(),
    startMs: atMs,
  });
  if (!resolved.ok) {
    const first = resolved.issues[0]!;
    throw new AppFailure('INVALID_ARGUMENT', formatScenarioIssues(resolved.issues), {
      field: first.field === '(scenario)' ? 'scenario' : `scenario.${first.field}`,
    });
  }
  return resolved.value;
}

/** The first readable scenario of each dependency's first availability SLI, by service id. */
function dependencyScenarios(session: WorkspaceSession, service: Service): Map<number, Scenario> {
  const out = new Map<number, Scenario>();
  for (const dep of service.dependencies) {
    const target = session.reader().getService(dep.dependsOnId);
    const sli = target?.slis.find((s) => s.kind === 'availability');
    const first = sli
      ? session
          .scenarios()
          .listForSli(sli.id)
          .find((s) => s.unreadable === undefined)
      : undefined;
    if (first) out.set(dep.dependsOnId, first.scenario);
  }
  return out;
}

/** Runs engine inputs in one worker under a job (progress and cancel). */
function inWorker(inputs: EngineInput[], job: SimulationJob): Promise<SimulateOutput[]> {
  return runWorker<SimulateJob, SimulateOutput[]>(
    SIMULATE_WORKER,
    { inputs },
    { limits: SIMULATION_LIMITS, signal: job.signal, onProgress: (done, total) => job.progress(done, total), words: SIMULATING_WORDS },
  );
}

/** Runs a scenario of an SLI in a worker and, for a stored scenario, stores the result with it (unless told not to). */
export async function runSimulation(
  session: WorkspaceSession,
  args: Args<'simulation/run'>,
  jobs: SimulationJobs,
  now: () => number,
): Promise<{ result: SimulationResult; stored: boolean }> {
  const { scenario, storedId } = scenarioOf(session, args);
  const resolved = resolveFor(session, args.sliId, scenario, args.startMs ?? weekStartMs(now()));
  const [output] = await jobs.run(args.jobId, (job) => inWorker([{ ...resolved.input, trials: args.trials, seed: args.seed }], job));
  const result: SimulationResult = { ...output!, scenarioName: scenario.name, resolved: resolved.resolved, notes: resolved.notes };
  const stored = storedId !== null && args.store ? storeRun(session, storedId, result, scenario) : false;
  return { result, stored };
}

/** Moves each knob of a scenario by ±50 % and ranks them by how much the SLO's breach probability moves. */
export async function runSensitivity(
  session: WorkspaceSession,
  args: Args<'simulation/sensitivity'>,
  jobs: SimulationJobs,
  now: () => number,
): Promise<Sensitivity> {
  const { scenario } = scenarioOf(session, args);
  const atMs = args.startMs ?? weekStartMs(now());
  const base = resolveFor(session, args.sliId, scenario, atMs);
  const trials = Math.min(args.trials, SENSITIVITY_TRIALS);
  const variants = sensitivityVariants(scenario);
  const inputs = [base, ...variants.flatMap((v) => [resolveFor(session, args.sliId, v.low, atMs), resolveFor(session, args.sliId, v.high, atMs)])].map((r) => ({
    ...r.input,
    trials,
    seed: args.seed,
  }));
  const outputs = await jobs.run(args.jobId, (job) => inWorker(inputs, job));
  return tornado(outputs, variants, trials, args.seed);
}
