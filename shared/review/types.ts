// The review model (docs/architecture.md §14): a service's plan proposed as a numbered, immutable version; the
// sign-offs of the roles that must agree on it; comments; and the cadence at which each tier is reviewed again.
import type { AlertSetFit, AlertWindowSet } from '../budget/alerts';
import type { Service, Tier } from '../domain/types';
import type { Decision, ExportSignoff } from '../exporters/types';

/** The roles a new workspace requires to approve a version: the four groups that must agree on an SLO. */
export const DEFAULT_REQUIRED_ROLES = ['engineering', 'product', 'business', 'operations'] as const;

/** Longest role name, in characters. */
export const MAX_ROLE_LENGTH = 40;

/** Longest rationale of a version or a sign-off, and longest comment, in characters. */
export const MAX_REVIEW_TEXT = 4000;

/** The alert set one tier of one SLI gets for its SLO period (fitAlertSet with the workspace's own sets). */
export type SnapshotAlertSet = {
  sliId: number;
  tier: Tier;
  periodMinutes: number;
  set: AlertWindowSet;
  scaling: AlertSetFit['scaling'];
};

/**
 * What a version holds: the service as it stood (its SLIs with every tier, window, method, time slice, threshold,
 * kind, wording and query, its traffic, dependencies and policy) and the alert set each tier's SLO period got.
 */
export type VersionSnapshot = { service: Service; alertSets: SnapshotAlertSet[] };

/** The state of a version: the live catalog is the draft; a proposed version becomes approved by its sign-offs. */
export type VersionState = 'draft' | 'proposed' | 'approved';

/** One sign-off as stored, with its id and version. */
export type Signoff = ExportSignoff & { id: number; versionId: number };

/** One comment on a version. */
export type ReviewComment = { id: number; versionId: number; author: string; text: string; createdMs: number };

/** A proposed version of a service: its number (1, 2, … per service), rationale, when it was proposed, and its plan. */
export type StoredVersion = { id: number; serviceId: number; number: number; rationale: string; createdMs: number; snapshot: VersionSnapshot };

/** One recorded decision of a sign-off, for the approval rule. */
export type DecisionRecord = { name: string; role: string; decision: Decision; date: string };
