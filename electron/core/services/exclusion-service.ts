import { checkExclusion, type Exclusion } from '#shared/analysis/exclusions';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { Repos, WorkspaceSession } from './workspace-session';

function requireService(session: WorkspaceSession, serviceId: number): string {
  const service = session.reader().getService(serviceId);
  if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${serviceId}`, { field: 'serviceId' });
  return service.name;
}

/** The exclusions of a service; an unknown service is NOT_FOUND. */
export function listExclusions(session: WorkspaceSession, serviceId: number): Exclusion[] {
  requireService(session, serviceId);
  return session.exclusions().listForService(serviceId);
}

/** Adds an exclusion to a service (or one of its SLIs) as an undoable edit of the service. */
export function addExclusion(session: WorkspaceSession, args: Args<'exclusion/add'>): Exclusion {
  const name = requireService(session, args.serviceId);
  if (args.sliId !== null) {
    const sli = session.reader().getSli(args.sliId);
    if (!sli || sli.serviceId !== args.serviceId) throw new AppFailure('NOT_FOUND', `${name} has no SLI with id ${args.sliId}`, { field: 'sliId' });
  }
  const checked = checkExclusion(args.exclusion);
  if (!checked.ok) throw new AppFailure('INVALID_ARGUMENT', checked.message, { field: checked.field });
  const id = editExclusions(session, `Add exclusion to ${name}`, args.serviceId, (repos) => repos.exclusions.insert(args.serviceId, args.sliId, checked.value));
  return session.exclusions().get(id)!;
}

/** Deletes an exclusion as an undoable edit and gives back what was deleted. */
export function deleteExclusion(session: WorkspaceSession, id: number): Exclusion {
  const existing = session.exclusions().get(id);
  if (!existing) throw new AppFailure('NOT_FOUND', `There is no exclusion with id ${id}`, { field: 'id' });
  const name = requireService(session, existing.serviceId);
  editExclusions(session, `Delete exclusion from ${name}`, existing.serviceId, (repos) => repos.exclusions.delete(id));
  return existing;
}

/** Runs fn as one undoable edit whose undo restores the service's exclusions as they were. */
function editExclusions<T>(session: WorkspaceSession, label: string, serviceId: number, fn: (repos: Repos) => T): T {
  return session.editWorkspace(
    label,
    (repos) => repos.exclusions.listForService(serviceId),
    (repos, list) => repos.exclusions.replaceForService(serviceId, list),
    fn,
  );
}
