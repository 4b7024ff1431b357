import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { SimulationResult } from '#shared/simulation/result';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import type { SimulationJobs } from './simulation-jobs';
import type { WorkspaceSession } from './workspace-session';

/** Runs a scenario of an SLI in a worker and, for a stored scenario, stores the result with it. */
export async function runSimulation(
  _session: WorkspaceSession,
  _args: Args<'simulation/run'>,
  _jobs: SimulationJobs,
  _now: () => number,
): Promise<{ result: SimulationResult; stored: boolean }> {
  throw new AppFailure('INTERNAL', 'Simulations are not available yet');
}

/** Moves each knob of a scenario by ±50 % and ranks them by how much the SLO breach probability moves. */
export async function runSensitivity(
  _session: WorkspaceSession,
  _args: Args<'simulation/sensitivity'>,
  _jobs: SimulationJobs,
  _now: () => number,
): Promise<Sensitivity> {
  throw new AppFailure('INTERNAL', 'Sensitivity runs are not available yet');
}
