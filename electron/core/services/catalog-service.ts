import { DEFAULT_TIMESLICE, TIER_LABELS, type Objective, type Service, type Sli, type SliKind, type Tier } from '#shared/domain/types';
import { duplicateServiceMessage, duplicateSliMessage } from '#shared/domain/validation';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { CatalogRepo, SliDetails } from '../storage/repos/catalog-repo';
import type { WorkspaceSession } from './workspace-session';

// Services, SLIs and their tiers: every edit validated against the stored state and recorded for undo.

function requireService(repo: CatalogRepo, id: number): Service {
  const service = repo.getService(id);
  if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${id}`, { field: 'serviceId' });
  return service;
}

function requireSli(repo: CatalogRepo, id: number): Sli {
  const sli = repo.getSli(id);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${id}`, { field: 'sliId' });
  return sli;
}

/** Refuses details that do not fit the kind: each kind's required field, and fields only one kind has (also for imported SLIs). */
export function checkDetailsFit(kind: SliKind, details: SliDetails): void {
  const refuse = (message: string, field: string): never => {
    throw new AppFailure('INVALID_ARGUMENT', message, { field });
  };
  if (kind === 'latency' && details.latencyThresholdMs === null) refuse('A latency SLI needs a threshold in ms, e.g. 200', 'latencyThresholdMs');
  if (kind !== 'latency' && details.latencyThresholdMs !== null) refuse('Only latency SLIs have a threshold', 'latencyThresholdMs');
  if (kind !== 'latency' && details.histogram !== null) refuse('Only latency SLIs have a histogram metric', 'histogram');
  if (kind === 'freshness' && details.freshnessMaxAgeMs === null) {
    refuse('A freshness SLI needs the maximum age of fresh data in ms, e.g. 600000 for 10 minutes', 'freshnessMaxAgeMs');
  }
  if (kind !== 'freshness' && details.freshnessMaxAgeMs !== null) refuse('Only freshness SLIs have a maximum data age', 'freshnessMaxAgeMs');
  if (kind === 'custom' && details.wording === null) {
    refuse('A custom SLI needs its wording of good and total events, e.g. "responses rated helpful" of "rated responses"', 'wording');
  }
}

/** The details an update leaves: each field given replaces the stored one. */
function detailsAfter(sli: Sli, args: Partial<SliDetails>): SliDetails {
  const pick = <K extends keyof SliDetails>(key: K): SliDetails[K] => (args[key] === undefined ? sli[key] : (args[key] as SliDetails[K]));
  return {
    latencyThresholdMs: pick('latencyThresholdMs'),
    freshnessMaxAgeMs: pick('freshnessMaxAgeMs'),
    wording: pick('wording'),
    queries: pick('queries'),
    histogram: pick('histogram'),
  };
}

/** Every service of the open workspace with its SLIs and tiers. */
export function listCatalog(session: WorkspaceSession): Service[] {
  return session.reader().listServices();
}

export function createService(session: WorkspaceSession, args: Args<'service/create'>): Service {
  return session.edit(`Add service "${args.name}"`, null, (repo, now) => {
    if (repo.findServiceByName(args.name)) throw new AppFailure('CONFLICT', duplicateServiceMessage(args.name), { field: 'name' });
    const id = repo.insertService(args.name, args.owner, args.description, now);
    return { serviceId: id, value: requireService(repo, id) };
  });
}

export function renameService(session: WorkspaceSession, args: Args<'service/rename'>): Service {
  const old = requireService(session.reader(), args.serviceId);
  return session.edit(`Rename service "${old.name}" to "${args.name}"`, args.serviceId, (repo, now) => {
    const clash = repo.findServiceByName(args.name);
    if (clash && clash.id !== args.serviceId) throw new AppFailure('CONFLICT', duplicateServiceMessage(args.name), { field: 'name' });
    repo.renameService(args.serviceId, args.name, now);
    return { serviceId: args.serviceId, value: requireService(repo, args.serviceId) };
  });
}

export function deleteService(session: WorkspaceSession, args: Args<'service/delete'>): { serviceId: number } {
  const old = requireService(session.reader(), args.serviceId);
  return session.edit(`Delete service "${old.name}"`, args.serviceId, (repo) => {
    repo.deleteService(args.serviceId);
    return { serviceId: args.serviceId, value: { serviceId: args.serviceId } };
  });
}

export function createSli(session: WorkspaceSession, args: Args<'sli/create'>): Sli {
  const service = requireService(session.reader(), args.serviceId);
  const details: SliDetails = {
    latencyThresholdMs: args.latencyThresholdMs,
    freshnessMaxAgeMs: args.freshnessMaxAgeMs,
    wording: args.wording,
    queries: args.queries,
    histogram: args.histogram,
  };
  checkDetailsFit(args.kind, details);
  return session.edit(`Add SLI "${args.name}" to "${service.name}"`, args.serviceId, (repo, now) => {
    if (repo.findSliByName(args.serviceId, args.name)) {
      throw new AppFailure('CONFLICT', duplicateSliMessage(args.name, service.name), { field: 'name' });
    }
    const id = repo.insertSli(args.serviceId, args.name, args.kind, details);
    repo.touchService(args.serviceId, now);
    return { serviceId: args.serviceId, value: requireSli(repo, id) };
  });
}

export function updateSli(session: WorkspaceSession, args: Args<'sli/update'>): Sli {
  const sli = requireSli(session.reader(), args.sliId);
  const name = args.name ?? sli.name;
  const details = detailsAfter(sli, args);
  checkDetailsFit(sli.kind, details);
  return session.edit(`Edit SLI "${sli.name}"`, sli.serviceId, (repo, now) => {
    const clash = repo.findSliByName(sli.serviceId, name);
    if (clash && clash.id !== sli.id) {
      const service = requireService(repo, sli.serviceId);
      throw new AppFailure('CONFLICT', duplicateSliMessage(name, service.name), { field: 'name' });
    }
    repo.updateSli(sli.id, name, details);
    repo.touchService(sli.serviceId, now);
    return { serviceId: sli.serviceId, value: requireSli(repo, sli.id) };
  });
}

export function deleteSli(session: WorkspaceSession, args: Args<'sli/delete'>): { sliId: number } {
  const sli = requireSli(session.reader(), args.sliId);
  return session.edit(`Delete SLI "${sli.name}"`, sli.serviceId, (repo, now) => {
    repo.deleteSli(sli.id);
    repo.touchService(sli.serviceId, now);
    return { serviceId: sli.serviceId, value: { sliId: sli.id } };
  });
}

export function setObjective(session: WorkspaceSession, args: Args<'objective/set'>): Sli {
  const sli = requireSli(session.reader(), args.sliId);
  if (sli.kind !== 'latency' && args.latencyThresholdMs !== null) {
    throw new AppFailure('INVALID_ARGUMENT', 'Only latency SLIs have a threshold', { field: 'latencyThresholdMs' });
  }
  const objective: Objective = {
    tier: args.tier,
    targetPpm: args.targetPpm,
    window: args.window,
    method: args.method,
    timeslice: args.method === 'occurrences' ? null : (args.timeslice ?? { ...DEFAULT_TIMESLICE }),
    latencyThresholdMs: sli.kind === 'latency' ? (args.latencyThresholdMs ?? sli.latencyThresholdMs) : null,
  };
  return session.edit(`Set ${TIER_LABELS[args.tier]} of "${sli.name}"`, sli.serviceId, (repo, now) => {
    repo.upsertObjective(sli.id, objective);
    repo.touchService(sli.serviceId, now);
    return { serviceId: sli.serviceId, value: requireSli(repo, sli.id) };
  });
}

export function clearObjective(session: WorkspaceSession, args: { sliId: number; tier: Tier }): Sli {
  const sli = requireSli(session.reader(), args.sliId);
  if (!sli.objectives[args.tier]) throw new AppFailure('NOT_FOUND', `"${sli.name}" has no ${TIER_LABELS[args.tier]} to clear`, { field: 'tier' });
  return session.edit(`Clear ${TIER_LABELS[args.tier]} of "${sli.name}"`, sli.serviceId, (repo, now) => {
    repo.deleteObjective(sli.id, args.tier);
    repo.touchService(sli.serviceId, now);
    return { serviceId: sli.serviceId, value: requireSli(repo, sli.id) };
  });
}
