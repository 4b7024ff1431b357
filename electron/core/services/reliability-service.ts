import { DEFAULT_ALERT_SETS, checkAlertSet, type AlertWindowSet } from '#shared/budget/alerts';
import { cycleIfAdded, edgesOf } from '#shared/budget/dependencies';
import { checkPolicy } from '#shared/budget/policy';
import type { Service } from '#shared/domain/types';
import type { AlertSetList, Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { CatalogRepo } from '../storage/repos/catalog-repo';
import type { WorkspaceSession } from './workspace-session';

// Traffic, budget policies, the dependency graph and alert window sets: each edit validated and undoable.

function requireService(repo: CatalogRepo, id: number, field = 'serviceId'): Service {
  const service = repo.getService(id);
  if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${id}`, { field });
  return service;
}

/** Sets or clears a service's requests per day. */
export function setTraffic(session: WorkspaceSession, args: Args<'service/set-traffic'>): Service {
  const service = requireService(session.reader(), args.serviceId);
  const label = args.requestsPerDay === null ? `Clear the traffic of "${service.name}"` : `Set the traffic of "${service.name}"`;
  return session.edit(label, service.id, (repo, now) => {
    repo.setTraffic(service.id, args.requestsPerDay, now);
    return { serviceId: service.id, value: requireService(repo, service.id) };
  });
}

export function setPolicy(session: WorkspaceSession, args: Args<'service/set-policy'>): Service {
  const service = requireService(session.reader(), args.serviceId);
  if (args.policy !== null) {
    const checked = checkPolicy(args.policy);
    if (!checked.ok) throw new AppFailure('INVALID_ARGUMENT', checked.message, { field: `policy.${checked.field ?? ''}` });
  }
  const label = args.policy === null ? `Reset the budget policy of "${service.name}"` : `Edit the budget policy of "${service.name}"`;
  return session.edit(label, service.id, (repo) => {
    repo.setPolicy(service.id, args.policy);
    return { serviceId: service.id, value: requireService(repo, service.id) };
  });
}

export function addDependency(session: WorkspaceSession, args: Args<'dependency/add'>): Service {
  const repo = session.reader();
  const service = requireService(repo, args.serviceId);
  const target = requireService(repo, args.dependsOnId, 'dependsOnId');
  const services = repo.listServices();
  const cycle = cycleIfAdded(edgesOf(services), service.id, target.id);
  if (cycle) {
    const names = new Map(services.map((s) => [s.id, s.name]));
    const path = cycle.map((id) => names.get(id) ?? `#${id}`).join(' → ');
    throw new AppFailure('CONFLICT', `"${service.name}" cannot depend on "${target.name}": that would close the cycle ${path}`, {
      field: 'dependsOnId',
      cycle: cycle.map((id) => names.get(id) ?? String(id)),
    });
  }
  const how = args.redundancyGroup === null ? '' : ` (redundancy group "${args.redundancyGroup}")`;
  return session.edit(`"${service.name}" depends on "${target.name}"${how}`, service.id, (r, now) => {
    r.putDependency(service.id, target.id, args.redundancyGroup);
    r.touchService(service.id, now);
    return { serviceId: service.id, value: requireService(r, service.id) };
  });
}

export function removeDependency(session: WorkspaceSession, args: Args<'dependency/remove'>): Service {
  const repo = session.reader();
  const service = requireService(repo, args.serviceId);
  const target = requireService(repo, args.dependsOnId, 'dependsOnId');
  if (!service.dependencies.some((d) => d.dependsOnId === target.id)) {
    throw new AppFailure('NOT_FOUND', `"${service.name}" does not depend on "${target.name}"`, { field: 'dependsOnId' });
  }
  return session.edit(`"${service.name}" no longer depends on "${target.name}"`, service.id, (r, now) => {
    r.deleteDependency(service.id, target.id);
    r.touchService(service.id, now);
    return { serviceId: service.id, value: requireService(r, service.id) };
  });
}

export function listAlertSets(session: WorkspaceSession): AlertSetList {
  return { builtIn: [...DEFAULT_ALERT_SETS], custom: session.alertSets().list() };
}

export function saveAlertSet(session: WorkspaceSession, args: Args<'alerts/save-set'>): AlertSetList {
  const set: AlertWindowSet = { ...args.set, name: args.set.name.trim() };
  const checked = checkAlertSet(set);
  if (!checked.ok) throw new AppFailure('INVALID_ARGUMENT', checked.message, { field: 'set' });
  const sets = session.alertSets();
  if (args.id !== undefined && !sets.exists(args.id)) throw new AppFailure('NOT_FOUND', `There is no alert set with id ${args.id}`, { field: 'id' });
  const clash = sets.findByName(set.name);
  if ((clash && clash.id !== args.id) || DEFAULT_ALERT_SETS.some((d) => d.name.toLowerCase() === set.name.toLowerCase())) {
    throw new AppFailure('CONFLICT', `An alert set named "${set.name}" already exists`, { field: 'set.name' });
  }
  return session.editWorkspace(
    `Save alert set "${set.name}"`,
    (r) => r.alertSets.snapshot(),
    (r, rows) => r.alertSets.restore(rows),
    (r) => {
      r.alertSets.save(set, args.id);
      return listAlertSets(session);
    },
  );
}

export function deleteAlertSet(session: WorkspaceSession, args: Args<'alerts/delete-set'>): AlertSetList {
  const sets = session.alertSets();
  const existing = sets.list().find((s) => s.id === args.id);
  if (!existing) throw new AppFailure('NOT_FOUND', `There is no alert set with id ${args.id}`, { field: 'id' });
  return session.editWorkspace(
    `Delete alert set "${existing.name}"`,
    (r) => r.alertSets.snapshot(),
    (r, rows) => r.alertSets.restore(rows),
    (r) => {
      r.alertSets.delete(args.id);
      return listAlertSets(session);
    },
  );
}
