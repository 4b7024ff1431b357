// The Review screen's words: a version's approval, a decision and a review date, as people read them in a meeting.
import type { Decision } from '#shared/exporters/types';
import { listWords, type ApprovalStatus } from '#shared/review/approval';
import { daysBetween, type TierReview } from '#shared/review/cadence';

/** How a decision reads in the sign-off table. */
export const DECISION_LABELS: Readonly<Record<Decision, string>> = { approve: 'Approve', object: 'Object', abstain: 'Abstain' };

/**
 * A version's approval in plain words: "Approved: all 4 roles approved, nobody objects", or what it waits for:
 * "Waiting for product and business", "Waiting for business; Ana (business) objects".
 */
export function approvalWords(approval: ApprovalStatus, requiredRoles: readonly string[]): string {
  if (approval.approved) {
    const who = requiredRoles.length === 1 ? `${requiredRoles[0]} approved` : `all ${requiredRoles.length} roles approved`;
    return `Approved: ${who}, nobody objects`;
  }
  const parts: string[] = [];
  if (approval.missingRoles.length > 0) parts.push(`Waiting for ${listWords(approval.missingRoles)}`);
  if (approval.objections.length > 0) {
    const who = approval.objections.map((o) => `${o.name} (${o.role})`);
    parts.push(`${listWords(who)} object${who.length === 1 ? 's' : ''}`);
  }
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** When a tier's review is due, seen from today: "overdue by 3 days", "due today", "in 45 days". */
export function dueWords(review: TierReview, today: string): string {
  if (review.overdue) return `overdue by ${review.daysOverdue} day${review.daysOverdue === 1 ? '' : 's'}`;
  const left = daysBetween(today, review.nextDay);
  return left === 0 ? 'due today' : `in ${left} day${left === 1 ? '' : 's'}`;
}
