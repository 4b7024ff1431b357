import type { Args, StoredScenario } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { SimulationResult } from '#shared/simulation/result';
import type { WorkspaceSession } from './workspace-session';

const TODO = () => new AppFailure('INTERNAL', 'Scenarios are not stored yet');

/** The scenarios of an SLI, in the order they were added. */
export function listScenarios(_session: WorkspaceSession, _sliId: number): StoredScenario[] {
  throw TODO();
}

/** Adds a scenario to an SLI, or replaces one (clearing its last run), as an undoable edit. */
export function saveScenario(_session: WorkspaceSession, _args: Args<'scenario/save'>): StoredScenario {
  throw TODO();
}

/** Deletes a scenario as an undoable edit. */
export function deleteScenario(_session: WorkspaceSession, _id: number): { id: number; sliId: number } {
  throw TODO();
}

/** One stored scenario by id, or NOT_FOUND. */
export function getScenario(_session: WorkspaceSession, _id: number): StoredScenario {
  throw TODO();
}

/** Stores a run's result with its scenario (not an undo step: a run changes no plan, and repeats from its seed). */
export function storeRun(_session: WorkspaceSession, _scenarioId: number, _result: SimulationResult): void {
  throw TODO();
}
