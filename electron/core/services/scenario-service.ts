import type { Sli } from '#shared/domain/types';
import type { Args, StoredScenario } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { SimulationResult } from '#shared/simulation/result';
import { type Scenario } from '#shared/simulation/scenario';
import { scenarioJson } from '../storage/repos/scenario-repo';
import type { WorkspaceSession } from './workspace-session';

// What-if scenarios of an SLI. Adding, replacing and deleting one is an undoable edit of the SLI's service (its
// snapshot holds the scenarios, so undoing the deletion of the SLI or service brings them back too); storing a run's
// result is not: a run changes no plan and repeats from its seed.

type Owner = { sli: Sli; serviceName: string };

function requireSli(session: WorkspaceSession, sliId: number): Owner {
  const sli = session.reader().getSli(sliId);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${sliId}`, { field: 'sliId' });
  return { sli, serviceName: session.reader().getService(sli.serviceId)?.name ?? `service #${sli.serviceId}` };
}

function requireScenario(session: WorkspaceSession, id: number, field: string): StoredScenario {
  const stored = session.scenarios().get(id);
  if (!stored) throw new AppFailure('NOT_FOUND', `There is no scenario with id ${id}`, { field });
  return stored;
}

function duplicateName(owner: Owner, name: string): AppFailure {
  return new AppFailure('CONFLICT', `${owner.serviceName} / ${owner.sli.name} already has a scenario named "${name}"; choose another name`, {
    field: 'scenario.name',
  });
}

/** The scenarios of an SLI, in the order they were added; one that cannot be read back is listed with `unreadable`. */
export function listScenarios(session: WorkspaceSession, sliId: number): StoredScenario[] {
  requireSli(session, sliId);
  return session.scenarios().listForSli(sliId);
}

/** Adds a scenario to an SLI (`id` null), or replaces one (clearing its last run when its fields change), as an undoable edit. */
export function saveScenario(session: WorkspaceSession, args: Args<'scenario/save'>): StoredScenario {
  const owner = requireSli(session, args.sliId);
  const name = args.scenario.name;
  const existing = args.id === null ? null : requireScenario(session, args.id, 'id');
  if (existing && existing.sliId !== args.sliId) {
    throw new AppFailure('NOT_FOUND', `${owner.serviceName} / ${owner.sli.name} has no scenario with id ${existing.id}`, { field: 'id' });
  }
  const label = existing
    ? `Replace scenario ${existing.scenario.name} of ${owner.serviceName}${existing.scenario.name === name ? '' : ` (now ${name})`}`
    : `Add scenario ${name} to ${owner.serviceName}`;
  const id = session.edit(label, owner.sli.serviceId, (_repo, now, repos) => {
    const clash = repos.scenarios.findByName(args.sliId, name);
    if (clash && clash.id !== existing?.id) throw duplicateName(owner, clash.name);
    if (existing) repos.scenarios.replace(existing.id, args.scenario, now);
    return { serviceId: owner.sli.serviceId, value: existing ? existing.id : repos.scenarios.insert(args.sliId, args.scenario, now) };
  });
  return requireScenario(session, id, 'id');
}

/** Deletes a scenario as an undoable edit; it may be one that cannot be read back. */
export function deleteScenario(session: WorkspaceSession, id: number): { id: number; sliId: number } {
  const existing = requireScenario(session, id, 'id');
  const owner = requireSli(session, existing.sliId);
  return session.edit(`Delete scenario ${existing.scenario.name} from ${owner.serviceName}`, owner.sli.serviceId, (_repo, _now, repos) => {
    repos.scenarios.delete(id);
    return { serviceId: owner.sli.serviceId, value: { id, sliId: existing.sliId } };
  });
}

/** One stored scenario by id, ready to run: NOT_FOUND when there is none, refused when it cannot be read back. */
export function getScenario(session: WorkspaceSession, id: number, field = 'scenarioId'): StoredScenario {
  const stored = requireScenario(session, id, field);
  if (stored.unreadable !== undefined) throw new AppFailure('INVALID_ARGUMENT', stored.unreadable, { field });
  return stored;
}

/**
 * Stores a run's result with its scenario (not an undo step: a run changes no plan, and repeats from its seed).
 * Given `ranWith`, the fields the run used, a run of a scenario changed meanwhile is not stored: false says so.
 */
export function storeRun(session: WorkspaceSession, scenarioId: number, result: SimulationResult, ranWith?: Scenario): boolean {
  const stored = requireScenario(session, scenarioId, 'scenarioId');
  if (ranWith !== undefined && scenarioJson(ranWith) !== scenarioJson(stored.scenario)) return false;
  return session.write((repos) => repos.scenarios.setLastRun(scenarioId, result));
}
