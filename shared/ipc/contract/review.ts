import { z } from 'zod';
import { TIERS } from '../../domain/types';
import { checkName, MAX_NAME_LENGTH } from '../../domain/validation';
import { DECISIONS } from '../../exporters/types';
import type { ApprovalStatus } from '../../review/approval';
import { checkDay, checkReviewMonths, type TierReview } from '../../review/cadence';
import type { VersionChange } from '../../review/diff';
import type { TierImpact } from '../../review/impact';
import { checkRequiredRoles, checkReviewText, checkRole } from '../../review/roles';
import type { ReviewComment, Signoff, VersionSnapshot } from '../../review/types';
import { checked, EVERY_HOST, id, none, returns, type ChannelSpec } from './fields';

/** One proposed version as the Review screen lists it: number, state, rationale, when, and what its approval lacks. */
export type VersionSummary = {
  number: number;
  state: 'proposed' | 'approved';
  rationale: string;
  createdMs: number;
  /** The day it was proposed (YYYY-MM-DD, UTC). */
  proposedOn: string;
  approval: ApprovalStatus;
  signoffs: number;
  comments: number;
};

/** The live catalog is the draft: whether it still matches the latest version, or what it changed since. */
export type DraftState = {
  /** The latest version's number, or null when the service was never proposed. */
  since: number | null;
  changed: boolean;
  /** "The current draft is changed since version 2 (3 changes)", "The current draft matches version 2", "Never proposed". */
  text: string;
};

/** A service's versions, its approved version (the newest approved), its draft and the roles that must approve. */
export type ServiceVersions = {
  serviceId: number;
  serviceName: string;
  requiredRoles: string[];
  versions: VersionSummary[];
  approvedVersion: number | null;
  draft: DraftState;
};

/** Two versions compared: every change in words and, where the SLI has imported history, each changed tier's weeks met. */
export type VersionDiff = {
  serviceId: number;
  serviceName: string;
  /** The version numbers compared; null stands for the current draft. */
  from: number;
  to: number | null;
  changes: VersionChange[];
  impact: TierImpact[];
  /** Why an SLI's impact could not be worked out (no history, a latency history without a threshold…). */
  notes: string[];
};

/** The sign-offs of one version and what its approval lacks. */
export type VersionSignoffs = { serviceId: number; number: number; requiredRoles: string[]; signoffs: Signoff[]; approval: ApprovalStatus };

/** A service's review dates: each tier's next review, and whether any is overdue. */
export type ServiceReviewStatus = {
  serviceId: number;
  serviceName: string;
  approvedVersion: number | null;
  latestVersion: number | null;
  /** The months each tier is reviewed at, the service's own where it set one. */
  months: Record<(typeof TIERS)[number], number>;
  reviews: TierReview[];
  overdue: boolean;
  /** "checkout: SLO overdue since 2027-12-01", "checkout: next review 2027-03-01 (performance target)", "checkout: never proposed". */
  text: string;
};

/** Every service's review status on the day the core's clock says. */
export type ReviewStatus = { today: string; services: ServiceReviewStatus[]; overdue: number };

/** One version's snapshot, for exports and the Review screen's detail. */
export type VersionDetail = VersionSummary & { serviceId: number; snapshot: VersionSnapshot };

const personName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'Name'));
const role = checked(z.string().max(200), checkRole);
const text = (what: string, required = false) => checked(z.string().max(20_000), (s: string) => checkReviewText(s, what, required));
const versionNumber = z.number().int().min(1, 'Version numbers start at 1');
const day = checked(z.string().max(20), checkDay);

/** Proposals (numbered, immutable versions of a service's plan), their diffs, sign-offs, comments and review cadence. */
export const reviewChannels = {
  'proposal/create': {
    args: z.object({ serviceId: id, rationale: text('Rationale').default('') }).strict(),
    result: returns<VersionSummary>(),
    hosts: EVERY_HOST,
  },
  'proposal/list': { args: z.object({ serviceId: id }).strict(), result: returns<ServiceVersions>(), hosts: EVERY_HOST },
  'proposal/get': { args: z.object({ serviceId: id, version: versionNumber }).strict(), result: returns<VersionDetail>(), hosts: EVERY_HOST },
  'proposal/diff': {
    args: z.object({ serviceId: id, from: versionNumber, to: versionNumber.nullable().default(null) }).strict(),
    result: returns<VersionDiff>(),
    hosts: EVERY_HOST,
  },
  'signoff/add': {
    args: z
      .object({
        serviceId: id,
        version: versionNumber,
        name: personName,
        role,
        decision: z.enum(DECISIONS, { message: `Decision must be one of ${DECISIONS.join(', ')}` }),
        rationale: text('Rationale').default(''),
        /** The day of the decision; by default today (UTC) by the core's clock. */
        date: day.nullable().default(null),
      })
      .strict(),
    result: returns<VersionSignoffs>(),
    hosts: EVERY_HOST,
  },
  'signoff/list': { args: z.object({ serviceId: id, version: versionNumber }).strict(), result: returns<VersionSignoffs>(), hosts: EVERY_HOST },
  'comment/add': {
    args: z.object({ serviceId: id, version: versionNumber, author: personName, text: text('Comment', true) }).strict(),
    result: returns<ReviewComment>(),
    hosts: EVERY_HOST,
  },
  'comment/list': { args: z.object({ serviceId: id, version: versionNumber }).strict(), result: returns<ReviewComment[]>(), hosts: EVERY_HOST },
  'roles/list': { args: none, result: returns<string[]>(), hosts: EVERY_HOST },
  'roles/set': {
    args: z.object({ roles: checked(z.array(z.string().max(200)).max(20, 'At most 20 roles'), checkRequiredRoles) }).strict(),
    result: returns<string[]>(),
    hosts: EVERY_HOST,
  },
  'review/status': { args: z.object({ serviceId: id.nullable().default(null) }).strict(), result: returns<ReviewStatus>(), hosts: EVERY_HOST },
  'review/set-period': {
    args: z
      .object({
        serviceId: id,
        tier: z.enum(TIERS, { message: `Tier must be one of ${TIERS.join(', ')}` }),
        /** Months between reviews; null goes back to the default (SLA and SLO 12, performance target 3). */
        months: checked(z.number(), checkReviewMonths).nullable(),
      })
      .strict(),
    result: returns<ServiceReviewStatus>(),
    hosts: EVERY_HOST,
  },
} as const satisfies Record<string, ChannelSpec>;
