import type { Decision } from '../exporters/types';
import type { DecisionRecord } from './types';

/** A decision as a noun, for labels and messages: "Record the approval of Ana". */
export const DECISION_NOUNS: Readonly<Record<Decision, string>> = { approve: 'approval', object: 'objection', abstain: 'abstention' };

/** Whether a version is approved, and what it still lacks, in the words the Review screen and the CLI show. */
export type ApprovalStatus = {
  approved: boolean;
  /** Required roles with at least one approval, in the order the workspace lists them. */
  approvedRoles: string[];
  /** Required roles nobody in them has approved yet. */
  missingRoles: string[];
  /** Everyone whose standing decision is an objection (in any role, required or not). */
  objections: { name: string; role: string }[];
  /** "approved by engineering, product, business and operations", or what is missing. */
  summary: string;
};

/** Folds a person's name for matching their decisions: spacing and case do not make another person. */
const personKey = (r: DecisionRecord) => `${r.role}\u0000${r.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** Lists words as "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Each person's standing decision per role: their latest sign-off (by date, and among one day's the one recorded
 * last), so someone who objected and was won over counts once, as approving.
 */
export function standingDecisions(records: readonly DecisionRecord[]): DecisionRecord[] {
  const latest = new Map<string, { record: DecisionRecord; index: number }>();
  records.forEach((record, index) => {
    const key = personKey(record);
    const seen = latest.get(key);
    if (!seen || record.date >= seen.record.date) latest.set(key, { record, index });
  });
  return [...latest.values()].sort((a, b) => a.index - b.index).map((entry) => entry.record);
}

/**
 * The approval rule: a version is approved when every required role has an approval and nobody objects. An
 * abstention neither approves nor blocks. Roles are compared as stored (lower case).
 */
export function approvalOf(requiredRoles: readonly string[], records: readonly DecisionRecord[]): ApprovalStatus {
  const standing = standingDecisions(records);
  const approving = new Set(standing.filter((r) => r.decision === 'approve').map((r) => r.role));
  const approvedRoles = requiredRoles.filter((role) => approving.has(role));
  const missingRoles = requiredRoles.filter((role) => !approving.has(role));
  const objections = standing.filter((r) => r.decision === 'object').map((r) => ({ name: r.name, role: r.role }));
  const approved = missingRoles.length === 0 && objections.length === 0;
  const lacks: string[] = [];
  if (missingRoles.length > 0) lacks.push(`an approval from ${listWords(missingRoles)}`);
  if (objections.length > 0) lacks.push(`the objection of ${listWords(objections.map((o) => `${o.name} (${o.role})`))} resolved`);
  const summary = approved ? `approved by ${listWords(approvedRoles)}` : `not approved: needs ${listWords(lacks)}`;
  return { approved, approvedRoles, missingRoles, objections, summary };
}

/**
 * The day a version became approved: the day of the sign-off that completed its approval (sign-offs taken in date
 * order, those of one day in the order recorded), or null while it is not approved.
 */
export function approvedOn(requiredRoles: readonly string[], records: readonly DecisionRecord[]): string | null {
  if (!approvalOf(requiredRoles, records).approved) return null;
  const inOrder = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.date < b.record.date ? -1 : a.record.date > b.record.date ? 1 : a.index - b.index));
  let last: string | null = null;
  for (let k = inOrder.length; k >= 1; k--) {
    if (
      !approvalOf(
        requiredRoles,
        inOrder.slice(0, k).map((e) => e.record),
      ).approved
    )
      break;
    last = inOrder[k - 1]!.record.date;
  }
  return last;
}
