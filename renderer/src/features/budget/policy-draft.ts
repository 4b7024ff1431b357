import { checkPolicy, POLICY_STATES, type BudgetPolicy, type PolicyState } from '#shared/budget/policy';

/** The threshold fields of the policy form. */
export const THRESHOLD_FIELDS = ['warningBelowPercent', 'criticalBelowPercent', 'warningBurnRate', 'criticalBurnRate'] as const;

/** One threshold field of the policy form. */
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];

/** A field of the policy form that can carry a message: a threshold or a state's actions. */
export type PolicyField = ThresholdField | `actions.${PolicyState}`;

/** What the policy form holds while someone types: text, so bad input is kept and explained. */
export type PolicyDraft = Record<ThresholdField, string> & { actions: Record<PolicyState, string> };

/** The draft of a stored policy. */
export function policyDraftOf(policy: BudgetPolicy): PolicyDraft {
  return {
    warningBelowPercent: String(policy.warningBelowPercent),
    criticalBelowPercent: String(policy.criticalBelowPercent),
    warningBurnRate: String(policy.warningBurnRate),
    criticalBurnRate: String(policy.criticalBurnRate),
    actions: { ...policy.actions },
  };
}

const WHAT: Record<ThresholdField, string> = {
  warningBelowPercent: 'The warning threshold',
  criticalBelowPercent: 'The critical threshold',
  warningBurnRate: 'The warning burn rate',
  criticalBurnRate: 'The critical burn rate',
};

/** The policy a draft describes, or the message of each invalid field (numbers first, then checkPolicy's rules). */
export function validatePolicyDraft(draft: PolicyDraft): { ok: true; policy: BudgetPolicy } | { ok: false; errors: Partial<Record<PolicyField, string>> } {
  const errors: Partial<Record<PolicyField, string>> = {};
  const numbers = {} as Record<ThresholdField, number>;
  for (const field of THRESHOLD_FIELDS) {
    const text = draft[field].trim().replace(/\s*[%×x]$/, '');
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) errors[field] = `${WHAT[field]} must be a number, not "${draft[field].trim()}"`;
    else numbers[field] = Number(text);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const policy: BudgetPolicy = { ...numbers, actions: { ...draft.actions } };
  const checked = checkPolicy(policy);
  if (!checked.ok) return { ok: false, errors: { [(checked.field ?? 'warningBelowPercent') as PolicyField]: checked.message } };
  return { ok: true, policy };
}

/** True when the draft differs from the stored policy, so saving would change something. */
export function policyDraftChanged(draft: PolicyDraft, stored: BudgetPolicy): boolean {
  return JSON.stringify(draft) !== JSON.stringify(policyDraftOf(stored));
}

/** Every state in legend order. */
export const LEGEND_STATES: readonly PolicyState[] = POLICY_STATES;
