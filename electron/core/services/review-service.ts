// Proposals, sign-offs, comments and required roles (docs/architecture.md §14). Each change is one undoable edit:
// proposing a version, recording a sign-off or a comment, setting a review period (edits of the service's review
// rows) and setting the required roles (an edit of the workspace). Undo takes a proposal back only while it has no
// sign-off recorded since; otherwise the undo fails and says so (ReviewRepo.restoreForService).
import { utcText } from '#shared/domain/utc-text';
import type { Args, VersionDetail, VersionSignoffs, VersionSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { approvalOf, DECISION_NOUNS } from '#shared/review/approval';
import { TIER_LABELS, TIERS } from '#shared/domain/types';
import { DEFAULT_REVIEW_MONTHS } from '#shared/review/cadence';
import type { ReviewComment } from '#shared/review/types';
import type { Repos, WorkspaceSession } from './workspace-session';
import { draftSnapshot, draftState, requireService, requireVersion, versionRecords } from './review-versions';

/** Runs an edit of one service's review rows as one undo step. */
function editReview<T>(session: WorkspaceSession, label: string, serviceId: number, fn: (repos: Repos) => T): T {
  return session.editWorkspace(
    label,
    (repos) => repos.review.rowsOfService(serviceId),
    (repos, rows) => repos.review.restoreForService(serviceId, rows),
    fn,
  );
}

/** Proposes the service's current plan as its next version; refused when it has no tier or matches the latest version. */
export function createProposal(session: WorkspaceSession, args: Args<'proposal/create'>, now: number): VersionSummary {
  const service = requireService(session, args.serviceId);
  if (!service.slis.some((sli) => TIERS.some((tier) => sli.objectives[tier]))) {
    throw new AppFailure('INVALID_ARGUMENT', `${service.name} has no tier set on any SLI: set an SLA, SLO or performance target before proposing it`, {
      field: 'serviceId',
    });
  }
  const records = versionRecords(session, service.id);
  const draft = draftState(session, service, records);
  if (!draft.changed) {
    throw new AppFailure('CONFLICT', `${service.name} has not changed since version ${draft.since}: change its plan before proposing a new version`, {
      field: 'serviceId',
    });
  }
  const snapshot = draftSnapshot(session, service, now);
  const next = (records.at(-1)?.version.number ?? 0) + 1;
  editReview(session, `Propose version ${next} of ${service.name}`, service.id, (repos) =>
    repos.review.insertVersion(service.id, args.rationale, snapshot, now),
  );
  return requireVersion(session, service, next).summary;
}

/** One version with its plan. */
export function getVersion(session: WorkspaceSession, args: Args<'proposal/get'>): VersionDetail {
  const service = requireService(session, args.serviceId);
  const record = requireVersion(session, service, args.version);
  return { ...record.summary, serviceId: service.id, snapshot: record.version.snapshot };
}

/** A version's sign-offs and what its approval lacks. */
export function listSignoffs(session: WorkspaceSession, args: Args<'signoff/list'>): VersionSignoffs {
  const service = requireService(session, args.serviceId);
  const record = requireVersion(session, service, args.version);
  const requiredRoles = session.review().requiredRoles();
  return { serviceId: service.id, number: args.version, requiredRoles, signoffs: record.signoffs, approval: approvalOf(requiredRoles, record.signoffs) };
}

/**
 * Records a stakeholder's decision on a version as an undoable edit, dated today (UTC) unless a day is given; a day
 * before the version was proposed or after today is refused.
 */
export function addSignoff(session: WorkspaceSession, args: Args<'signoff/add'>, now: number): VersionSignoffs {
  const service = requireService(session, args.serviceId);
  const record = requireVersion(session, service, args.version);
  const today = utcText(now, 'day');
  const date = args.date ?? today;
  const proposedOn = record.summary.proposedOn;
  if (date < proposedOn) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `A sign-off of version ${args.version} of ${service.name} cannot be dated ${date}, before it was proposed on ${proposedOn}`,
      {
        field: 'date',
      },
    );
  }
  if (date > today) throw new AppFailure('INVALID_ARGUMENT', `A sign-off cannot be dated ${date}, after today (${today})`, { field: 'date' });
  const label = `Record the ${DECISION_NOUNS[args.decision]} of ${args.name} (${args.role}) on version ${args.version} of ${service.name}`;
  editReview(session, label, service.id, (repos) =>
    repos.review.insertSignoff(record.version.id, { name: args.name, role: args.role, decision: args.decision, rationale: args.rationale, date }, now),
  );
  return listSignoffs(session, { serviceId: service.id, version: args.version });
}

/** A version's comments, oldest first. */
export function listComments(session: WorkspaceSession, args: Args<'comment/list'>): ReviewComment[] {
  const service = requireService(session, args.serviceId);
  return session.review().listComments(requireVersion(session, service, args.version).version.id);
}

/** Adds a comment to a version as an undoable edit. */
export function addComment(session: WorkspaceSession, args: Args<'comment/add'>, now: number): ReviewComment {
  const service = requireService(session, args.serviceId);
  const record = requireVersion(session, service, args.version);
  const id = editReview(session, `Comment on version ${args.version} of ${service.name}`, service.id, (repos) =>
    repos.review.insertComment(record.version.id, args.author, args.text, now),
  );
  return session
    .review()
    .listComments(record.version.id)
    .find((c) => c.id === id)!;
}

/** The roles that must approve a version, in the workspace's order. */
export function listRoles(session: WorkspaceSession): string[] {
  return session.review().requiredRoles();
}

/** Replaces the required roles (already checked: at least one, none twice) as an undoable edit of the workspace. */
export function setRoles(session: WorkspaceSession, roles: readonly string[]): string[] {
  session.editWorkspace(
    `Require approval from ${roles.join(', ')}`,
    (repos) => repos.review.roleRows(),
    (repos, rows) => repos.review.restoreRoles(rows),
    (repos) => repos.review.setRequiredRoles(roles),
  );
  return listRoles(session);
}

/** Sets a tier's review period of a service (null: back to the default) as an undoable edit. */
export function setReviewPeriod(session: WorkspaceSession, args: Args<'review/set-period'>): void {
  const service = requireService(session, args.serviceId);
  const every =
    args.months === null ? `at the default ${DEFAULT_REVIEW_MONTHS[args.tier]} months` : `every ${args.months} month${args.months === 1 ? '' : 's'}`;
  editReview(session, `Review the ${TIER_LABELS[args.tier]} of ${service.name} ${every}`, service.id, (repos) =>
    repos.review.setPeriod(service.id, args.tier, args.months),
  );
}
