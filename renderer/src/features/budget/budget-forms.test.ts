import { describe, expect, it } from 'vitest';
import { SLOTH_28D, SLOTH_30D } from '#shared/budget/alerts';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import type { AlertSetList } from '#shared/ipc/contract';
import { alertSetDraftOf, validateAlertSetDraft } from './alert-set-draft';
import { alertTable, pickAlertSet } from './alert-table';
import { policyDraftChanged, policyDraftOf, validatePolicyDraft } from './policy-draft';

const DAY = 1440;
const builtIn: AlertSetList = { builtIn: [SLOTH_30D, SLOTH_28D], custom: [] };

describe('the alert table', () => {
  it('shows ×14.4, 1.44 % and 2.08 d for the page alert of 99.9 % over 30 days', () => {
    const table = alertTable(builtIn, 999_000, 30 * DAY);
    if (!table.ok) throw new Error(table.message);
    expect(table.setName).toBe('SRE workbook, 30 days');
    expect(table.rows[0]).toEqual({
      key: 'page-quick',
      severity: 'page',
      speed: 'quick',
      budget: '2 %',
      long: '1h',
      short: '5m',
      factor: '×14.4',
      errorRate: '1.44 %',
      exhaust: '2.08 d',
      warning: null,
    });
    expect(table.rows.map((r) => r.factor)).toEqual(['×14.4', '×6', '×3', '×1']);
  });

  it("uses Sloth's 28-day factors for a four-week window", () => {
    const table = alertTable(builtIn, 999_000, 28 * DAY);
    expect(table.ok && table.rows.map((r) => r.factor)).toEqual(['×13.44', '×5.6', '×2.8', '×0.9333']);
  });

  it('scales the workbook windows to a 2-day window, keeping ×14.4 / 6 / 3 / 1, instead of refusing it', () => {
    const table = alertTable(builtIn, 999_000, 2 * DAY);
    if (!table.ok) throw new Error(table.message);
    expect(table.setName).toBe('SRE workbook, 30 days, windows scaled to 2d');
    expect(table.rows.map((r) => [r.long, r.short, r.factor, r.warning])).toEqual([
      ['4m', '1m', '×14.4', null],
      ['24m', '2m', '×6', null],
      ['96m', '8m', '×3', null],
      ['288m', '24m', '×1', null],
    ]);
  });

  it('rounds a budget share adjusted by scaling to 4 decimals', () => {
    const week = {
      ...SLOTH_30D,
      name: 'week',
      periodMinutes: 7 * DAY,
      page: { ...SLOTH_30D.page, slow: { budgetPercent: 12.5, shortMinutes: 30, longMinutes: 360 } },
    };
    const table = alertTable({ builtIn: [week], custom: [] }, 999_000, DAY);
    expect(table.ok && table.rows[1]!.budget).toBe('12.3958 %');
  });

  it("carries each alert's warning in words: the page of 97.5 % over 90 days can never fire", () => {
    const table = alertTable(builtIn, 975_000, 90 * DAY);
    if (!table.ok) throw new Error(table.message);
    expect(table.rows.map((r) => r.warning)).toEqual([
      'Can never fire: it waits for more than 108 % of requests to fail. Lower its burn rate (×43.2) below ×40 ' +
        '(guard a smaller share of the budget, or use longer windows), or choose a shorter SLO window.',
      null,
      null,
      null,
    ]);
  });

  it("prefers the team's own set made for the period, and scales the built-in one otherwise", () => {
    const own = { ...SLOTH_30D, id: 4, name: 'ours', page: { ...SLOTH_30D.page, quick: { budgetPercent: 1, shortMinutes: 5, longMinutes: 60 } } };
    const list: AlertSetList = { builtIn: [SLOTH_30D, SLOTH_28D], custom: [own] };
    expect(pickAlertSet(list, 30 * DAY)).toBe(own);
    expect(pickAlertSet(list, 31 * DAY).name).toBe('SRE workbook, 30 days, scaled to 31d');
    const table = alertTable(list, 999_000, 30 * DAY);
    expect(table.ok && table.rows[0]!.factor).toBe('×7.2');
  });
});

describe('the policy form', () => {
  it('round-trips the default policy without changes', () => {
    const draft = policyDraftOf(DEFAULT_POLICY);
    expect(validatePolicyDraft(draft)).toEqual({ ok: true, policy: DEFAULT_POLICY });
    expect(policyDraftChanged(draft, DEFAULT_POLICY)).toBe(false);
    expect(policyDraftChanged({ ...draft, warningBurnRate: '3' }, DEFAULT_POLICY)).toBe(true);
  });

  it('refuses a threshold that is not a number beside its field', () => {
    expect(validatePolicyDraft({ ...policyDraftOf(DEFAULT_POLICY), criticalBelowPercent: 'a quarter' })).toEqual({
      ok: false,
      errors: { criticalBelowPercent: 'The critical threshold must be a number, not "a quarter"' },
    });
  });

  it("puts checkPolicy's rule beside the field it concerns", () => {
    expect(validatePolicyDraft({ ...policyDraftOf(DEFAULT_POLICY), criticalBelowPercent: '60' })).toEqual({
      ok: false,
      errors: { criticalBelowPercent: 'The critical threshold must be above 0 % and below the warning threshold (50 %)' },
    });
    expect(validatePolicyDraft({ ...policyDraftOf(DEFAULT_POLICY), criticalBurnRate: '1.5 ×' })).toEqual({
      ok: false,
      errors: { criticalBurnRate: 'The critical burn rate must be above the warning burn rate (2×)' },
    });
  });
});

describe('the alert-set form', () => {
  it('starts from the SRE workbook 30-day windows and reads them back', () => {
    const draft = { ...alertSetDraftOf(), name: ' weekly ', period: '7d' };
    expect(draft.page.quick).toEqual({ budgetPercent: '2', short: '5m', long: '1h' });
    const checked = validateAlertSetDraft(draft);
    expect(checked).toEqual({ ok: true, set: { ...SLOTH_30D, name: 'weekly', periodMinutes: 7 * DAY } });
  });

  it('refuses malformed durations and shares beside their fields, and saves nothing', () => {
    const draft = alertSetDraftOf({ ...SLOTH_30D, name: 'x' });
    const checked = validateAlertSetDraft({
      ...draft,
      period: 'a month',
      page: { ...draft.page, slow: { budgetPercent: 'five', short: '30 minutes', long: '6h' } },
    });
    expect(checked).toEqual({
      ok: false,
      form: null,
      errors: {
        period: 'A duration is a number and a unit (m, h, d or w), such as 5m or 1h, not "a month"',
        'page.slow.budgetPercent': 'The budget share must be a number of percent, not "five"',
        'page.slow.short': 'A duration is a number and a unit (m, h, d or w), such as 5m or 1h, not "30 minutes"',
      },
    });
  });

  it("refuses a short window as long as the long one with checkAlertSet's message", () => {
    const draft = alertSetDraftOf({ ...SLOTH_30D, name: 'x' });
    const checked = validateAlertSetDraft({ ...draft, ticket: { ...draft.ticket, quick: { budgetPercent: '10', short: '1d', long: '1d' } } });
    expect(checked).toEqual({ ok: false, errors: {}, form: 'The ticket quick short window (1d) must be shorter than its long window (1d)' });
  });
});
