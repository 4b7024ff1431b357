import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertPeriodMinutes,
  alertRows,
  burnRateFactor,
  checkAlertSet,
  chooseAlertSet,
  DEFAULT_ALERT_SETS,
  fitAlertSet,
  formatDuration,
  goDurationHours,
  parseDuration,
  SLOTH_28D,
  SLOTH_30D,
  type AlertRow,
  type AlertWindowSet,
} from './alerts';

const factors = (set: AlertWindowSet) => alertRowsOk(set, 999_000).map((r) => r.factor);
function alertRowsOk(set: AlertWindowSet, ppm: number) {
  const rows = alertRows(set, ppm);
  if (!rows.ok) throw new Error(rows.message);
  return rows.value;
}

describe('burn-rate factors', () => {
  it("reproduces Sloth's 30-day factors 14.4 / 6 / 3 / 1", () => {
    expect(factors(SLOTH_30D)).toEqual([14.4, 6, 3, 1]);
  });

  it("reproduces Sloth's 28-day factors 13.44 / 5.6 / 2.8 / 0.9333", () => {
    const f = factors(SLOTH_28D);
    expect(f.slice(0, 3)).toEqual([13.44, 5.6, 2.8]);
    expect(f[3]).toBeCloseTo(0.9333333333, 9);
  });

  it("reproduces Sloth's 7-day example (8 / 12.5 / 20 / 42 %): 13.44 / 3.5 / 1.4 / 0.98", () => {
    const set: AlertWindowSet = {
      name: '7d',
      periodMinutes: 7 * 1440,
      page: { quick: { budgetPercent: 8, shortMinutes: 5, longMinutes: 60 }, slow: { budgetPercent: 12.5, shortMinutes: 30, longMinutes: 360 } },
      ticket: { quick: { budgetPercent: 20, shortMinutes: 120, longMinutes: 1440 }, slow: { budgetPercent: 42, shortMinutes: 360, longMinutes: 4320 } },
    };
    const f = factors(set);
    [13.44, 3.5, 1.4, 0.98].forEach((want, i) => expect(f[i]).toBeCloseTo(want, 12));
  });

  it("computes a factor in Sloth's arithmetic for its rules: 5.6000000000000005 for the 28-day slow page, in Go's hours", () => {
    expect(burnRateFactor(SLOTH_28D.page.slow, SLOTH_28D.periodMinutes, 'sloth')).toBe(5.6000000000000005);
    expect(burnRateFactor(SLOTH_30D.page.quick, SLOTH_30D.periodMinutes, 'sloth')).toBe(14.4);
    expect([5, 60, 90, 100].map(goDurationHours)).toEqual([0.08333333333333333, 1, 1.5, 1 + 40 / 60]);
  });

  it('scales linearly with the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4320, max: 400 * 1440 }), fc.integer({ min: 2, max: 10 }), (period, k) => {
        const w = SLOTH_30D.page.quick;
        return Math.abs(burnRateFactor(w, period * k) - k * burnRateFactor(w, period)) < 1e-9 * k * burnRateFactor(w, period);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('turns each threshold into an error rate and a time to exhaust the budget', () => {
    const [pageQuick, , , ticketSlow] = alertRowsOk(SLOTH_30D, 999_000);
    expect(pageQuick).toMatchObject({ severity: 'page', speed: 'quick', longMinutes: 60, shortMinutes: 5 });
    expect(pageQuick!.errorRate).toBeCloseTo(0.0144, 12);
    expect(pageQuick!.exhaustMinutes).toBeCloseTo(3000, 9);
    expect(ticketSlow!.exhaustMinutes).toBe(43_200);
    expect(alertRowsOk(SLOTH_30D, 999_000).map((r) => r.warning)).toEqual([null, null, null, null]);
  });
});

describe('alert sets', () => {
  it('refuses a short window longer than its long window', () => {
    const bad = { ...SLOTH_30D, page: { ...SLOTH_30D.page, quick: { budgetPercent: 2, shortMinutes: 120, longMinutes: 60 } } };
    expect(checkAlertSet(bad)).toEqual({ ok: false, message: 'The page quick short window (2h) must be shorter than its long window (1h)' });
  });

  it('refuses a set whose long window is longer than its own SLO period', () => {
    const twoDays = { ...SLOTH_30D, name: 'ours', periodMinutes: 2 * 1440 };
    expect(alertRows(twoDays, 999_000)).toEqual({ ok: false, message: 'The ticket slow long window (3d) is longer than the SLO period (2d)' });
  });

  it("uses the set made for the period: the team's own first, then a built-in one", () => {
    const own = { ...SLOTH_28D, name: 'ours' };
    expect(chooseAlertSet([SLOTH_30D, SLOTH_28D], 28 * 1440)).toBe(SLOTH_28D);
    expect(chooseAlertSet([SLOTH_30D, SLOTH_28D], 28 * 1440, [own])).toBe(own);
    expect(fitAlertSet([SLOTH_30D, SLOTH_28D], 30 * 1440)).toEqual({ set: SLOTH_30D, madeFor: SLOTH_30D, scaling: 'none' });
  });

  it('reads and writes durations', () => {
    expect([parseDuration('5m'), parseDuration('1h'), parseDuration('3d'), parseDuration('4w')]).toEqual([
      { ok: true, value: 5 },
      { ok: true, value: 60 },
      { ok: true, value: 4320 },
      { ok: true, value: 40_320 },
    ]);
    expect(parseDuration('0m').ok).toBe(false);
    expect(parseDuration('1 hour').ok).toBe(false);
    expect([5, 60, 90, 4320, 40_320].map(formatDuration)).toEqual(['5m', '1h', '90m', '3d', '28d']);
  });
});

const DAY = 1440;
const windows = (rows: AlertRow[]) => rows.map((r) => `${formatDuration(r.longMinutes)}/${formatDuration(r.shortMinutes)} ×${r.factor}`);

describe('the default set for a period shorter than 30 days', () => {
  it('scales the workbook windows to a 1-day period and keeps its factors: 2m/1m ×14.4, 12m/1m ×6, 48m/4m ×3, 144m/12m ×1', () => {
    const fitted = fitAlertSet(DEFAULT_ALERT_SETS, DAY);
    expect(fitted.scaling).toBe('windows');
    expect(fitted.madeFor).toBe(SLOTH_30D);
    expect(fitted.set.name).toBe('SRE workbook, 30 days, windows scaled to 1d');
    // 5m and 30m scale to 10 s and 1 min; no window is shorter than a minute.
    expect(windows(alertRowsOk(fitted.set, 990_000))).toEqual(['2m/1m ×14.4', '12m/1m ×6', '48m/4m ×3', '144m/12m ×1']);
    expect(alertRowsOk(fitted.set, 990_000).map((r) => r.budgetPercent)).toEqual([2, 5, 10, 10]);
  });

  it('scales a week to 14m/1m, 84m/7m, 336m/28m and 1008m/84m, with the same factors', () => {
    expect(windows(alertRowsOk(chooseAlertSet(DEFAULT_ALERT_SETS, 7 * DAY), 999_000))).toEqual(['14m/1m ×14.4', '84m/7m ×6', '336m/28m ×3', '1008m/84m ×1']);
  });

  it('keeps every window a whole minute, at least one, shorter than its long window and within the period, at the workbook factors (property)', () => {
    // Any period from a day to just under 30 days, in whole minutes: calendar weeks and months cut by DST included.
    fc.assert(
      fc.property(fc.integer({ min: DAY, max: 30 * DAY - 1 }), (periodMinutes) => {
        const set = chooseAlertSet(DEFAULT_ALERT_SETS, periodMinutes);
        if (set === SLOTH_28D) return;
        const rows = alertRowsOk(set, 999_000);
        rows.forEach((r, i) => {
          expect(Number.isInteger(r.shortMinutes) && Number.isInteger(r.longMinutes)).toBe(true);
          expect(r.shortMinutes).toBeGreaterThanOrEqual(1);
          expect(r.shortMinutes).toBeLessThan(r.longMinutes);
          expect(r.longMinutes).toBeLessThanOrEqual(periodMinutes);
          expect(r.factor).toBeCloseTo([14.4, 6, 3, 1][i]!, 9);
          expect(r.warning).toBeNull();
        });
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('gives whole-day periods exactly the workbook factors and budget shares', () => {
    for (let days = 1; days < 30; days++) {
      if (days === 28) continue;
      const rows = alertRowsOk(chooseAlertSet(DEFAULT_ALERT_SETS, days * DAY), 999_000);
      expect(rows.map((r) => [r.factor, r.budgetPercent])).toEqual([
        [14.4, 2],
        [6, 5],
        [3, 10],
        [1, 10],
      ]);
    }
  });

  it('scales a team set made for a week to a shorter period by its windows too, keeping its factors', () => {
    const week: AlertWindowSet = {
      name: 'weekly',
      periodMinutes: 7 * DAY,
      page: { quick: { budgetPercent: 8, shortMinutes: 5, longMinutes: 60 }, slow: { budgetPercent: 12.5, shortMinutes: 30, longMinutes: 360 } },
      ticket: { quick: { budgetPercent: 20, shortMinutes: 120, longMinutes: 1440 }, slow: { budgetPercent: 42, shortMinutes: 360, longMinutes: 4320 } },
    };
    const fitted = fitAlertSet([week], 1 * DAY);
    expect(fitted.scaling).toBe('windows');
    const rows = alertRowsOk(fitted.set, 999_000);
    expect(rows.map((r) => [r.longMinutes, r.shortMinutes])).toEqual([
      [9, 1],
      [51, 4],
      [206, 17],
      [617, 51],
    ]);
    [13.44, 3.5, 1.4, 0.98].forEach((want, i) => expect(rows[i]!.factor).toBeCloseTo(want, 12));
  });
});

describe('the default set for a period longer than 30 days', () => {
  it('keeps the workbook windows and scales the factors: 90 days ×43.2 / 18 / 9 / 3', () => {
    const fitted = fitAlertSet(DEFAULT_ALERT_SETS, 90 * DAY);
    expect(fitted.scaling).toBe('factors');
    expect(fitted.set.name).toBe('SRE workbook, 30 days, scaled to 90d');
    expect(windows(alertRowsOk(fitted.set, 999_000))).toEqual(['1h/5m ×43.2', '6h/30m ×18', '1d/2h ×9', '3d/6h ×3']);
  });

  it('measures a calendar window by the period containing the time, as the budget does: 2024 has 366 days, 2026 365', () => {
    const year = { kind: 'calendar', unit: 'year', timeZone: 'UTC' } as const;
    expect(alertPeriodMinutes(year, Date.UTC(2024, 5, 1))).toBe(366 * DAY);
    expect(alertPeriodMinutes(year, Date.UTC(2026, 5, 1))).toBe(365 * DAY);
    expect(alertPeriodMinutes({ kind: 'rolling', days: 90 }, Date.UTC(2026, 5, 1))).toBe(90 * DAY);
  });
});

describe('alert warnings', () => {
  it('says the page alert of 97.5 % over 90 days can never fire: it waits for 108 % of requests to fail', () => {
    const [pageQuick, pageSlow] = alertRowsOk(chooseAlertSet(DEFAULT_ALERT_SETS, 90 * DAY), 975_000);
    expect(pageQuick!.errorRate).toBeCloseTo(1.08, 12);
    expect(pageQuick!.warning).toEqual({
      kind: 'never-fires',
      message:
        'Can never fire: it waits for more than 108 % of requests to fail. Lower its burn rate (×43.2) below ×40 ' +
        '(guard a smaller share of the budget, or use longer windows), or choose a shorter SLO window.',
    });
    expect(pageSlow!.warning).toBeNull();
  });

  it('says the same of 99 % over a calendar year: 175.2 % of requests in 2026, 175.7 % in a leap year', () => {
    const rate = (days: number) => alertRowsOk(chooseAlertSet(DEFAULT_ALERT_SETS, days * DAY), 990_000)[0]!;
    expect(rate(365).warning?.message).toMatch(
      /^Can never fire: it waits for more than 175.2 % of requests to fail\. Lower its burn rate \(×175.2\) below ×100 /,
    );
    expect(rate(366).warning?.message).toMatch(/^Can never fire: it waits for more than 175.7 % of requests to fail\. /);
    expect(rate(366).warning?.kind).toBe('never-fires');
  });

  it('says an alert waiting for exactly 100 % errors can never fire either, as alerts fire above their threshold', () => {
    const set: AlertWindowSet = { ...SLOTH_30D, name: 'ours', page: { ...SLOTH_30D.page, quick: { budgetPercent: 10, shortMinutes: 36, longMinutes: 432 } } };
    const [pageQuick] = alertRowsOk(set, 900_000);
    expect([pageQuick!.factor, pageQuick!.errorRate]).toEqual([10, 1]);
    expect(pageQuick!.warning?.kind).toBe('never-fires');
  });

  it('says a page below burn rate 1 pages while the service is still within its budget', () => {
    const set: AlertWindowSet = { ...SLOTH_30D, name: 'ours', page: { ...SLOTH_30D.page, quick: { budgetPercent: 0.1, shortMinutes: 5, longMinutes: 60 } } };
    const [pageQuick] = alertRowsOk(set, 999_000);
    expect(pageQuick!.factor).toBeCloseTo(0.72, 12);
    expect(pageQuick!.warning).toEqual({
      kind: 'fires-within-budget',
      message:
        'Pages while the service is still within its budget: at ×0.72 the budget lasts 41.67 d, longer than the 30 d period. ' +
        'Raise its burn rate to ×1 or more (guard a larger share of the budget, or use a shorter long window).',
    });
  });

  it("says Sloth's 28-day set opens its slow ticket at ×0.9333, inside the budget, and nothing else", () => {
    const rows = alertRowsOk(SLOTH_28D, 999_000);
    expect(rows.map((r) => r.warning?.kind ?? null)).toEqual([null, null, null, 'fires-within-budget']);
    expect(rows[3]!.warning!.message).toBe(
      'Opens a ticket while the service is still within its budget: at ×0.9333 the budget lasts 30 d, ' +
        'longer than the 28 d period. Raise its burn rate to ×1 or more (guard a larger share of the budget, or use a shorter long window).',
    );
  });

  it('warns about no default alert for periods from a day to 30 days but 28, nor a factor of exactly 1', () => {
    for (let days = 1; days <= 30; days++) {
      if (days === 28) continue;
      for (const ppm of [950_000, 990_000, 999_000, 999_990]) {
        expect(alertRowsOk(chooseAlertSet(DEFAULT_ALERT_SETS, days * DAY), ppm).filter((r) => r.warning)).toEqual([]);
      }
    }
  });
});
