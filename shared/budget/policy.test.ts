import { describe, expect, it } from 'vitest';
import { checkPolicy, DEFAULT_POLICY, describeState, policyState } from './policy';

describe('the budget policy', () => {
  it('moves from healthy to warning, critical and exhausted as the budget drains', () => {
    expect([0.9, 0.49, 0.2, 0, -0.1].map((left) => policyState(DEFAULT_POLICY, left, 0.5))).toEqual([
      'healthy',
      'warning',
      'critical',
      'exhausted',
      'exhausted',
    ]);
  });

  it('also escalates on a burn rate above its threshold while budget is left, as alerts fire above their factor', () => {
    expect([2, 2.01, 6, 6.01].map((burn) => policyState(DEFAULT_POLICY, 0.9, burn))).toEqual(['healthy', 'warning', 'warning', 'critical']);
  });

  it('describes each state by its condition', () => {
    expect(describeState(DEFAULT_POLICY, 'healthy')).toBe('at least 50 % left and burning at most 2×');
    expect(describeState(DEFAULT_POLICY, 'warning')).toBe('under 50 % left or burning over 2×');
    expect(describeState(DEFAULT_POLICY, 'exhausted')).toBe('no budget left');
  });

  it('freezes non-essential changes by default when critical', () => {
    expect(DEFAULT_POLICY.actions.critical).toMatch(/freeze non-essential changes/i);
    expect(DEFAULT_POLICY.actions.critical).toMatch(/root-cause analysis and incident review are mandatory/);
  });

  it('refuses thresholds out of order', () => {
    expect(checkPolicy({ ...DEFAULT_POLICY, criticalBelowPercent: 60 })).toMatchObject({ ok: false, field: 'criticalBelowPercent' });
    expect(checkPolicy({ ...DEFAULT_POLICY, criticalBurnRate: 1 })).toMatchObject({ ok: false, field: 'criticalBurnRate' });
    expect(checkPolicy({ ...DEFAULT_POLICY, warningBelowPercent: 100 }).ok).toBe(false);
    expect(checkPolicy(DEFAULT_POLICY).ok).toBe(true);
  });
});
