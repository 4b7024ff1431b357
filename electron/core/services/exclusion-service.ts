import { checkExclusion, type Exclusion } from '#shared/analysis/exclusions';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { Repos, WorkspaceSession } from './workspace-session';

function requireService(session: WorkspaceSession, serviceId: number): string {
  const service = session.reader().getService(serviceId);
  if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${serviceId}`, { field: 'serviceId' });
  return service.name;
}

/** Adds and deletes exclusions as undoable edits of their service. */
export class ExclusionService {
  private readonly session: WorkspaceSession;
  constructor(session: WorkspaceSession) {
    this.session = session;
  }

  list(serviceId: number): Exclusion[] {
    requireService(this.session, serviceId);
    return this.session.exclusions().listForService(serviceId);
  }

  add(args: Args<'exclusion/add'>): Exclusion {
    const name = requireService(this.session, args.serviceId);
    if (args.sliId !== null) {
      const sli = this.session.reader().getSli(args.sliId);
      if (!sli || sli.serviceId !== args.serviceId) throw new AppFailure('NOT_FOUND', `${name} has no SLI with id ${args.sliId}`, { field: 'sliId' });
    }
    const checked = checkExclusion(args.exclusion);
    if (!checked.ok) throw new AppFailure('INVALID_ARGUMENT', checked.message, { field: checked.field });
    const id = this.edit(`Add exclusion to ${name}`, args.serviceId, (repos) => repos.exclusions.insert(args.serviceId, args.sliId, checked.value));
    return this.session.exclusions().get(id)!;
  }

  /** Deletes an exclusion and gives back what was deleted. */
  delete(id: number): Exclusion {
    const existing = this.session.exclusions().get(id);
    if (!existing) throw new AppFailure('NOT_FOUND', `There is no exclusion with id ${id}`, { field: 'id' });
    const name = requireService(this.session, existing.serviceId);
    this.edit(`Delete exclusion from ${name}`, existing.serviceId, (repos) => repos.exclusions.delete(id));
    return existing;
  }

  private edit<T>(label: string, serviceId: number, fn: (repos: Repos) => T): T {
    return this.session.editWorkspace(
      label,
      (repos) => repos.exclusions.listForService(serviceId),
      (repos, list) => repos.exclusions.replaceForService(serviceId, list),
      fn,
    );
  }
}
