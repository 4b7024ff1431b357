// The what-if engine (T3): 10,000 trials of the reference scenario — 10 deploys and 2 incidents a week, web traffic
// shape, the policy on, SLA / SLO / target over 30 days — timed inside a worker thread running the bundle the desktop
// app ships (esbuild, as scripts/build-electron.mjs builds workers), as a ratio to a loop drawing the same random numbers.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { objective, sliWith } from '#shared/simulation/test/run';
import { resolveScenario } from '#shared/simulation/resolve';
import { parseScenario } from '#shared/simulation/scenario';
import { report, type Measurement } from './measure';
import { REFERENCE_SCENARIO } from './reference-scenario';
import type { SimulationBenchJob, SimulationBenchReply } from './simulation-worker';

const TRIALS = 10_000;
/** The budget of T3: 10,000 trials at 500,000 trials a second. */
const BUDGET_MS = (TRIALS / 500_000) * 1000;

function referenceInput() {
  const parsed = parseScenario(REFERENCE_SCENARIO);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { sli, service } = sliWith([objective('sla', 995_000), objective('slo', 999_000), objective('target', 999_500)]);
  const resolved = resolveScenario(parsed.value, { sli, service, services: [service], facts: null, alertSets: [], startMs: Date.UTC(2027, 2, 1) });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return { ...resolved.value.input, trials: TRIALS, seed: 1 };
}

/** Runs the benchmark worker from a fresh bundle and prints engine time and trials per second against the loop. */
export async function benchSimulation(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-sim-'));
  try {
    const outfile = join(dir, 'simulation-worker.cjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./simulation-worker.ts', import.meta.url))],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    const worker = new Worker(outfile);
    const reply = await new Promise<SimulationBenchReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ input: referenceInput(), runs: 15, warmup: 5 } satisfies SimulationBenchJob);
    });
    await worker.terminate();
    const perTrialLoop = reply.loopMs;
    return [
      report({
        name: `simulate ${TRIALS} trials, reference scenario, in a worker (${reply.draws} draws)`,
        value: reply.engineMs,
        unit: 'ms',
        baseline: perTrialLoop,
        target: `value <= ${BUDGET_MS}`,
      }),
      report({
        name: 'simulate trials per second, in a worker',
        value: (TRIALS / reply.engineMs) * 1000,
        unit: 'trials/s',
        baseline: (TRIALS / perTrialLoop) * 1000,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
