import type { ExportedService, ExportSignoff } from '#shared/exporters/types';
import { AppFailure } from '#shared/ipc/errors';
import type { Signoff } from '#shared/review/types';
import { requireService, requireVersion, versionRecords, type VersionRecord } from './review-versions';
import type { WorkspaceSession } from './workspace-session';

/** Which version of a service an export takes: a numbered version, the approved one, or by default the approved one else the draft. */
export type ExportSelection = { version: number } | 'approved' | 'default';

const asExported = ({ name, role, decision, rationale, date }: Signoff): ExportSignoff => ({ name, role, decision, rationale, date });

function fromRecord(record: VersionRecord, requiredRoles: readonly string[]): ExportedService {
  const { version, summary, signoffs } = record;
  return {
    service: version.snapshot.service,
    version: {
      number: version.number,
      state: summary.state,
      rationale: version.rationale,
      proposedOn: summary.proposedOn,
      requiredRoles: [...requiredRoles],
      signoffs: signoffs.map(asExported),
    },
  };
}

/**
 * A service as an export renders it (shared/exporters/types.ts): the plan of the version chosen with its state,
 * rationale, required roles and sign-offs. The default is the approved version (the newest approved) where there is
 * one, else the current draft: the live catalog, with number null and state 'draft'. 'approved' refuses a service
 * without an approved version, naming it.
 */
export function exportedService(session: WorkspaceSession, serviceId: number, selection: ExportSelection): ExportedService {
  const service = requireService(session, serviceId);
  const requiredRoles = session.review().requiredRoles();
  if (typeof selection === 'object') return fromRecord(requireVersion(session, service, selection.version), requiredRoles);
  const approved = versionRecords(session, serviceId)
    .filter((r) => r.summary.state === 'approved')
    .at(-1);
  if (approved) return fromRecord(approved, requiredRoles);
  if (selection === 'approved') {
    throw new AppFailure('NOT_FOUND', `${service.name} has no approved version: every required role (${requiredRoles.join(', ')}) must approve one`, {
      field: 'serviceId',
    });
  }
  return { service, version: { number: null, state: 'draft', rationale: '', proposedOn: null, requiredRoles: [...requiredRoles], signoffs: [] } };
}
