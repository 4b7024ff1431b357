// Reading a service's versions: each version's state and approval, the approved version, and whether the live
// catalog (the draft) still matches the latest version. Shared by the review service, its status and the exports.
import { utcText } from '#shared/domain/utc-text';
import type { Service } from '#shared/domain/types';
import type { DraftState, ServiceVersions, VersionSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { approvalOf, approvedOn } from '#shared/review/approval';
import { diffVersions } from '#shared/review/diff';
import { sameSnapshot, versionSnapshot } from '#shared/review/snapshot';
import type { Signoff, StoredVersion, VersionSnapshot } from '#shared/review/types';
import type { WorkspaceSession } from './workspace-session';

/** A stored version with its sign-offs and what they make of it. */
export type VersionRecord = { version: StoredVersion; signoffs: Signoff[]; summary: VersionSummary; approvedOn: string | null };

/** The service of an id, or NOT_FOUND naming the field. */
export function requireService(session: WorkspaceSession, serviceId: number): Service {
  const service = session.reader().getService(serviceId);
  if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${serviceId}`, { field: 'serviceId' });
  return service;
}

/** Every version of a service with its sign-offs, approval and summary, number 1 first. */
export function versionRecords(session: WorkspaceSession, serviceId: number): VersionRecord[] {
  const repo = session.review();
  const roles = repo.requiredRoles();
  return repo.listVersions(serviceId).map((version) => {
    const signoffs = repo.listSignoffs(version.id);
    const approval = approvalOf(roles, signoffs);
    return {
      version,
      signoffs,
      approvedOn: approvedOn(roles, signoffs),
      summary: {
        number: version.number,
        state: approval.approved ? 'approved' : 'proposed',
        rationale: version.rationale,
        createdMs: version.createdMs,
        proposedOn: utcText(version.createdMs, 'day'),
        approval,
        signoffs: signoffs.length,
        comments: repo.listComments(version.id).length,
      },
    };
  });
}

/** One version of a service by number, or NOT_FOUND naming the version and the versions there are. */
export function requireVersion(session: WorkspaceSession, service: Service, number: number, field = 'version'): VersionRecord {
  const records = versionRecords(session, service.id);
  const found = records.find((r) => r.version.number === number);
  if (!found) {
    const there = records.length === 0 ? 'it has no versions yet' : `its versions are 1 to ${records.at(-1)!.version.number}`;
    throw new AppFailure('NOT_FOUND', `${service.name} has no version ${number}: ${there}`, { field });
  }
  return found;
}

/** The live catalog's plan of a service as a version proposed at `atMs` would hold it. */
export function draftSnapshot(session: WorkspaceSession, service: Service, atMs: number): VersionSnapshot {
  return versionSnapshot(service, session.alertSets().list(), atMs);
}

/**
 * Whether the draft still matches the latest version. Alert periods of calendar windows are read as of that version's
 * proposal, so a month of another length is not a change of plan.
 */
export function draftState(session: WorkspaceSession, service: Service, records: readonly VersionRecord[]): DraftState {
  const latest = records.at(-1);
  if (!latest) return { since: null, changed: true, text: `${service.name} was never proposed: the current draft is all there is` };
  const draft = draftSnapshot(session, service, latest.version.createdMs);
  if (sameSnapshot(draft, latest.version.snapshot))
    return { since: latest.version.number, changed: false, text: `The current draft matches version ${latest.version.number}` };
  const count = diffVersions(latest.version.snapshot, draft).length;
  return {
    since: latest.version.number,
    changed: true,
    text: `The current draft is changed since version ${latest.version.number} (${count} change${count === 1 ? '' : 's'})`,
  };
}

/** A service's versions, approved version and draft. */
export function serviceVersions(session: WorkspaceSession, serviceId: number): ServiceVersions {
  const service = requireService(session, serviceId);
  const records = versionRecords(session, serviceId);
  const approved = records.filter((r) => r.summary.state === 'approved').at(-1);
  return {
    serviceId,
    serviceName: service.name,
    requiredRoles: session.review().requiredRoles(),
    versions: records.map((r) => r.summary),
    approvedVersion: approved?.version.number ?? null,
    draft: draftState(session, service, records),
  };
}
