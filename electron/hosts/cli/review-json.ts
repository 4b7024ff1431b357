// The --json documents of `proposal`, `signoff` and `review` (format slo-workbench/v1): the contract's own review
// results under the envelope, so the CLI and the Review screen read the same fields.
import type { ReviewStatus, ServiceVersions, VersionDiff, VersionSignoffs, VersionSummary } from '#shared/ipc/contract';
import type { JsonEnvelope } from './json-output';

/** `proposal create`: the new version (its number, state and what its approval lacks). */
export type JsonProposalCreated = JsonEnvelope<'proposal create'> & { service: string; version: VersionSummary };

/** `proposal list`: each service's versions, its approved version and its draft. */
export type JsonProposalList = JsonEnvelope<'proposal list'> & { services: ServiceVersions[] };

/** `proposal diff`: every change between two versions (`to` null: the current draft) and its historical impact. */
export type JsonProposalDiff = JsonEnvelope<'proposal diff'> & { service: string; diff: VersionDiff };

/** `signoff add` and `signoff list`: a version's sign-offs and what its approval lacks. */
export type JsonSignoffs = JsonEnvelope<'signoff add' | 'signoff list'> & { service: string; signoffs: VersionSignoffs };

/** `review status`: each service's next review per tier; the command exits 1 when `overdue` is above 0. */
export type JsonReviewStatus = JsonEnvelope<'review status' | 'review set-period'> & ReviewStatus;

/** `roles list` and `roles set`: the roles that must approve a version, in order. */
export type JsonRoles = JsonEnvelope<'roles list' | 'roles set'> & { roles: string[] };

/** Every review document. */
export type JsonReviewDocument = JsonProposalCreated | JsonProposalList | JsonProposalDiff | JsonSignoffs | JsonReviewStatus | JsonRoles;
