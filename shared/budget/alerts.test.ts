import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertRows, burnRateFactor, checkAlertSet, chooseAlertSet, formatDuration, parseDuration, SLOTH_28D, SLOTH_30D, type AlertWindowSet } from './alerts';

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
      name: '7d', periodMinutes: 7 * 1440,
      page: { quick: { budgetPercent: 8, shortMinutes: 5, longMinutes: 60 }, slow: { budgetPercent: 12.5, shortMinutes: 30, longMinutes: 360 } },
      ticket: { quick: { budgetPercent: 20, shortMinutes: 120, longMinutes: 1440 }, slow: { budgetPercent: 42, shortMinutes: 360, longMinutes: 4320 } },
    };
    const f = factors(set);
    [13.44, 3.5, 1.4, 0.98].forEach((want, i) => expect(f[i]).toBeCloseTo(want, 12));
  });

  it('scales linearly with the period', () => {
    fc.assert(fc.property(fc.integer({ min: 4320, max: 400 * 1440 }), fc.integer({ min: 2, max: 10 }), (period, k) => {
      const w = SLOTH_30D.page.quick;
      return Math.abs(burnRateFactor(w, period * k) - k * burnRateFactor(w, period)) < 1e-9 * k * burnRateFactor(w, period);
    }), { numRuns: 300, seed: 3 });
  });

  it('turns each threshold into an error rate and a time to exhaust the budget', () => {
    const [pageQuick, , , ticketSlow] = alertRowsOk(SLOTH_30D, 999_000);
    expect(pageQuick).toMatchObject({ severity: 'page', speed: 'quick', longMinutes: 60, shortMinutes: 5 });
    expect(pageQuick!.errorRate).toBeCloseTo(0.0144, 12);
    expect(pageQuick!.exhaustMinutes).toBeCloseTo(3000, 9);
    expect(ticketSlow!.exhaustMinutes).toBe(43_200);
  });
});

describe('alert sets', () => {
  it('refuses a short window longer than its long window', () => {
    const bad = { ...SLOTH_30D, page: { ...SLOTH_30D.page, quick: { budgetPercent: 2, shortMinutes: 120, longMinutes: 60 } } };
    expect(checkAlertSet(bad)).toEqual({ ok: false, message: 'The page quick short window (2h) must be shorter than its long window (1h)' });
  });

  it('refuses an SLO window shorter than the longest alert window', () => {
    const scaled = chooseAlertSet([SLOTH_30D], 2 * 1440);
    expect(alertRows(scaled, 999_000)).toEqual({ ok: false, message: 'The ticket slow long window (3d) is longer than the SLO period (2d)' });
  });

  it('uses the set made for the period, else scales the first set to it', () => {
    expect(chooseAlertSet([SLOTH_30D, SLOTH_28D], 28 * 1440)).toBe(SLOTH_28D);
    const week = chooseAlertSet([SLOTH_30D, SLOTH_28D], 7 * 1440);
    expect(week.periodMinutes).toBe(7 * 1440);
    expect(week.page).toEqual(SLOTH_30D.page);
  });

  it('reads and writes durations', () => {
    expect([parseDuration('5m'), parseDuration('1h'), parseDuration('3d'), parseDuration('4w')]).toEqual(
      [{ ok: true, value: 5 }, { ok: true, value: 60 }, { ok: true, value: 4320 }, { ok: true, value: 40_320 }]);
    expect(parseDuration('0m').ok).toBe(false);
    expect(parseDuration('1 hour').ok).toBe(false);
    expect([5, 60, 90, 4320, 40_320].map(formatDuration)).toEqual(['5m', '1h', '90m', '3d', '28d']);
  });
});
