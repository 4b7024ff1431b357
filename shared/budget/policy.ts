import type { FieldCheck } from '../domain/validation';

/** Budget states from best to worst. */
export const POLICY_STATES = ['healthy', 'warning', 'critical', 'exhausted'] as const;

/** One state of an error-budget policy. */
export type PolicyState = (typeof POLICY_STATES)[number];

/**
 * An error-budget policy: when a service leaves "healthy" (by remaining budget or by burn rate) and what the team
 * does in each state. Thresholds are percentages of the window's budget and multiples of the budgeted burn rate.
 */
export type BudgetPolicy = {
  warningBelowPercent: number;
  criticalBelowPercent: number;
  warningBurnRate: number;
  criticalBurnRate: number;
  actions: Record<PolicyState, string>;
};

/**
 * Common practice (SRE workbook, "Error Budget Policy"): warn when half the budget is gone or it burns twice as fast
 * as budgeted; critical at a quarter left or the 6× burn that pages; exhausted at none left.
 */
export const DEFAULT_POLICY: BudgetPolicy = {
  warningBelowPercent: 50,
  criticalBelowPercent: 25,
  warningBurnRate: 2,
  criticalBurnRate: 6,
  actions: {
    healthy: 'Normal velocity: ship features, run planned experiments.',
    warning: 'Review recent changes; slow down risky deploys and prefer small, reversible ones.',
    critical: 'Freeze non-essential changes; all hands on reliability; root-cause analysis and incident review are mandatory.',
    exhausted:
      'Freeze all changes except P0 and security fixes until the budget recovers; all hands on reliability; root-cause analysis and incident review are mandatory.',
  },
};

/** Human names of the states. */
export const STATE_LABELS: Readonly<Record<PolicyState, string>> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  exhausted: 'Exhausted',
};

/**
 * The state a service is in, given the share of its budget left (1 = untouched, ≤ 0 = gone) and its current burn rate.
 * A burn rate escalates when above its threshold, compared with `>` as the burn-rate alerts are.
 */
export function policyState(policy: BudgetPolicy, remainingFraction: number, burnRate: number): PolicyState {
  const remainingPercent = remainingFraction * 100;
  if (remainingPercent <= 0) return 'exhausted';
  if (remainingPercent < policy.criticalBelowPercent || burnRate > policy.criticalBurnRate) return 'critical';
  if (remainingPercent < policy.warningBelowPercent || burnRate > policy.warningBurnRate) return 'warning';
  return 'healthy';
}

/** The condition that puts a service into a state, in words: "under 50 % left or burning over 2×". */
export function describeState(policy: BudgetPolicy, state: PolicyState): string {
  if (state === 'healthy') return `at least ${policy.warningBelowPercent} % left and burning at most ${policy.warningBurnRate}×`;
  if (state === 'warning') return `under ${policy.warningBelowPercent} % left or burning over ${policy.warningBurnRate}×`;
  if (state === 'critical') return `under ${policy.criticalBelowPercent} % left or burning over ${policy.criticalBurnRate}×`;
  return 'no budget left';
}

/** Longest action text per state. */
export const MAX_ACTION_LENGTH = 2000;

/** Checks a policy: thresholds in range and ordered (critical stricter than warning), actions of sane length. */
export function checkPolicy(policy: BudgetPolicy): FieldCheck<BudgetPolicy> & { field?: string } {
  const { warningBelowPercent: wp, criticalBelowPercent: cp, warningBurnRate: wb, criticalBurnRate: cb } = policy;
  const finite = [wp, cp, wb, cb].every(Number.isFinite);
  if (!finite) return { ok: false, message: 'Policy thresholds must be numbers', field: 'warningBelowPercent' };
  if (wp <= 0 || wp >= 100)
    return { ok: false, message: 'The warning threshold must be between 0 % and 100 % of the budget left', field: 'warningBelowPercent' };
  if (cp <= 0 || cp >= wp)
    return { ok: false, message: `The critical threshold must be above 0 % and below the warning threshold (${wp} %)`, field: 'criticalBelowPercent' };
  if (wb <= 0) return { ok: false, message: 'The warning burn rate must be above 0', field: 'warningBurnRate' };
  if (cb <= wb) return { ok: false, message: `The critical burn rate must be above the warning burn rate (${wb}×)`, field: 'criticalBurnRate' };
  for (const state of POLICY_STATES) {
    if (policy.actions[state].length > MAX_ACTION_LENGTH) {
      return { ok: false, message: `The ${state} actions must be at most ${MAX_ACTION_LENGTH} characters`, field: `actions.${state}` };
    }
  }
  return { ok: true, value: policy };
}
