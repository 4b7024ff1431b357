import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALERT_KEYS, chooseAlertSet, DEFAULT_ALERT_SETS, SLOTH_30D, type AlertWindowSet } from '../budget/alerts';
import { burnRates } from '../budget/rolling';
import { medianStep } from '../domain/step';
import { backtest, MAX_GRID_POINTS, toGrid, windowPoints, type Backtest } from './backtest';
import type { History } from './history';

const MINUTE = 60_000;
const DAY_MINUTES = 1_440;
const T0 = Date.UTC(2024, 0, 1);
const TARGET_PPM = 999_000;
const BUDGET = 0.001;
const RUNS = { numRuns: 120, seed: 20_180_801 };
/** A minute history: sample i at T0 + i minutes with `good` of `total` events. */
function minutes(count: number, sample: (i: number) => readonly [good: number, total: number]): History {
  const h = { t: new Float64Array(count), good: new Float64Array(count), total: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    const [good, total] = sample(i);
    h.t[i] = T0 + i * MINUTE;
    h.good[i] = good;
    h.total[i] = total;
  }
  return h;
}

/** The samples of h for which keep(i) holds. */
function filter(h: History, keep: (i: number) => boolean): History {
  const idx = Array.from(h.t, (_, i) => i).filter(keep);
  return { t: Float64Array.from(idx, (i) => h.t[i]!), good: Float64Array.from(idx, (i) => h.good[i]!), total: Float64Array.from(idx, (i) => h.total[i]!) };
}

const at = (i: number): number => T0 + i * MINUTE;

/**
 * The SRE workbook's table for a 30-day SLO (ch. 5, table 5-8): burn-rate factor, long and short window in minutes.
 * Written out here rather than taken from alerts.ts, so the expectations do not share the code under test.
 */
const WORKBOOK = {
  'page quick': { factor: 14.4, long: 60, short: 5 },
  'page slow': { factor: 6, long: 360, short: 30 },
  'ticket quick': { factor: 3, long: 1_440, short: 120 },
  'ticket slow': { factor: 1, long: 4_320, short: 360 },
} as const;

/**
 * When an alert fires and resolves for a constant burn `burn` (error ratio ÷ budget) over minutes [s, e] of steady
 * traffic, all windows full: a window of W minutes holding c bad minutes burns c·burn/W, so it exceeds the factor f
 * (alerts fire above it, as Sloth's `>` rules do) once c > f·W/burn. Ramping up, the long window needs more bad
 * minutes than the short one, so it fires at the minute holding ⌊f·L/burn⌋ + 1 of them. After e, the window at minute
 * i holds e − i + W bad minutes and is back at or below f once i ≥ e + W − f·W/burn; the alert resolves when the first
 * of its two windows is.
 */
function expected(key: keyof typeof WORKBOOK, burn: number, s: number, e: number): { firedMs: number; resolvedMs: number } {
  const { factor, long, short } = WORKBOOK[key];
  const fire = s + Math.floor((factor * long) / burn);
  const clear = (w: number): number => Math.ceil(e + w - (factor * w) / burn);
  return { firedMs: at(fire), resolvedMs: at(Math.min(clear(short), clear(long))) };
}

const keyOf = (f: { severity: string; speed: string }): keyof typeof WORKBOOK => `${f.severity} ${f.speed}` as keyof typeof WORKBOOK;

describe('backtest: firing', () => {
  // Five days of 1,000 requests a minute, everything failing for 30 minutes from the start of day 4.
  const s = 4 * DAY_MINUTES;
  const e = s + 29;
  const outage = minutes(5 * DAY_MINUTES, (i) => (i >= s && i <= e ? [0, 1_000] : [1_000, 1_000]));

  it('fires every alert of a 30-minute full outage when the windows say it must, and resolves each as its short window clears', () => {
    const r = backtest(outage, TARGET_PPM, SLOTH_30D);
    // A full outage burns 1 / 0.001 = 1,000× the budget rate.
    const want = Object.keys(WORKBOOK).map((k) => ({ key: k, ...expected(k as keyof typeof WORKBOOK, 1 / BUDGET, s, e) }));
    expect(r.firings.map((f) => ({ key: keyOf(f), firedMs: f.firedMs, resolvedMs: f.resolvedMs }))).toEqual(want);
    // Worked out for the page: the 1h window reaches 14.4 once 14.4 × 0.001 × 60 = 0.864 minutes of errors are in
    // it, the 5m window once 0.072 are: both at the first outage minute. The 5m window is clean 5 minutes after it.
    expect(want[0]).toMatchObject({ firedMs: at(s), resolvedMs: at(e + 5) });
    for (const f of r.firings) {
      expect(f.factor).toBeCloseTo(WORKBOOK[keyOf(f)].factor, 12);
      // The long window peaks holding all 30 bad minutes.
      expect(f.peakBurnRate).toBeCloseTo(30 / f.longMinutes / BUDGET, 9);
    }
    expect([r.pages, r.tickets]).toEqual([2, 2]);
  });

  it('fires only the slow ticket for a three-day burn at twice the budget rate', () => {
    const a = 4 * DAY_MINUTES;
    const b = 7 * DAY_MINUTES - 1;
    const r = backtest(
      minutes(10 * DAY_MINUTES, (i) => (i >= a && i <= b ? [998, 1_000] : [1_000, 1_000])),
      TARGET_PPM,
      SLOTH_30D,
    );
    expect(r.firings.map((f) => ({ key: keyOf(f), firedMs: f.firedMs, resolvedMs: f.resolvedMs }))).toEqual([
      { key: 'ticket slow', ...expected('ticket slow', 2, a, b) },
    ]);
    // Half of the 3-day window burning at 2× is a burn of exactly 1×, which does not fire: a minute more does, 2,161 in.
    expect(r.firings[0]!.firedMs).toBe(at(a + 2_160));
    expect(r.firings[0]!.peakBurnRate).toBe(2);
    expect([r.pages, r.tickets]).toEqual([0, 1]);
  });

  it('fires nothing over a clean history, nor at exactly the budget rate', () => {
    const r = backtest(
      minutes(10 * DAY_MINUTES, (i) => [i % 2 === 0 ? 999 : 1_000, 1_000]),
      TARGET_PPM,
      SLOTH_30D,
    );
    expect(r).toMatchObject({ firings: [], pages: 0, tickets: 0, events: [], missed: 0, medianDelayMs: null, stepMs: MINUTE, coarsened: false });
  });

  it('fires above the factor, as Sloth and Prometheus rules do: a burn rate of exactly ×14.4 does not page, ×14.41 does', () => {
    // 1,440 bad of 100,000 against 99.9 % is a burn rate of exactly 14.4, the quick page's factor; 1,441 is a hair above.
    const steady = (bad: number) =>
      backtest(
        minutes(2 * DAY_MINUTES, () => [100_000 - bad, 100_000]),
        TARGET_PPM,
        SLOTH_30D,
      );
    const exact = steady(1_440);
    expect(exact.firings.filter((f) => f.speed === 'quick' && f.severity === 'page')).toEqual([]);
    expect(exact.firings.map((f) => `${f.severity} ${f.speed}`)).toEqual(['page slow', 'ticket quick']);
    const above = steady(1_441);
    expect(above.firings.map((f) => `${f.severity} ${f.speed}`)).toEqual(['page quick', 'page slow', 'ticket quick']);
    // The quick page fires once its 1-hour window is full: the first minute its burn rate can be judged.
    expect(above.firings[0]).toMatchObject({ firedMs: at(59), resolvedMs: null, peakBurnRate: 14.41 });
  });

  it('raises no page and no ticket for a 1-day SLA met in every window, with the default set scaled to a day', () => {
    // 14 days of 100 requests a minute, with a 5-minute burst of 10 % errors every 2 hours: 0.42 % a day against 1 %.
    const h = minutes(14 * DAY_MINUTES, (i) => (i % 120 < 5 ? [90, 100] : [100, 100]));
    const set = chooseAlertSet(DEFAULT_ALERT_SETS, DAY_MINUTES);
    const r = backtest(h, 990_000, set);
    expect([r.setName, r.pages, r.tickets]).toEqual(['SRE workbook, 30 days, windows scaled to 1d', 0, 0]);
    // The same history against the 30-day set's factors scaled to a day (×0.48 / 0.2 / 0.1 / 0.033) pages all day.
    const factorsScaled = { ...SLOTH_30D, periodMinutes: DAY_MINUTES };
    expect(backtest(h, 990_000, factorsScaled).pages).toBeGreaterThan(300);
    // A real outage still pages: 10 minutes of half the requests failing burn ×50 over the 2- and 1-minute windows.
    const outage = minutes(2 * DAY_MINUTES, (i) => (i >= DAY_MINUTES && i < DAY_MINUTES + 10 ? [50, 100] : [100, 100]));
    expect(backtest(outage, 990_000, set).firings[0]).toMatchObject({ severity: 'page', speed: 'quick', firedMs: at(DAY_MINUTES), factor: 14.4 });
  });

  it('does not fire on the partial windows at the start: an outage in the first hour is missed, not paged', () => {
    const r = backtest(
      minutes(5 * DAY_MINUTES, (i) => (i < 30 ? [0, 1_000] : [1_000, 1_000])),
      TARGET_PPM,
      SLOTH_30D,
    );
    expect(r.firings).toEqual([]);
    expect(r.events).toHaveLength(1);
    expect(r.missed).toBe(1);
  });

  it('fires nothing across gaps in a healthy history', () => {
    const healthy = minutes(10 * DAY_MINUTES, () => [1_000, 1_000]);
    const gapped = filter(healthy, (i) => i < 3 * DAY_MINUTES || i >= 5 * DAY_MINUTES);
    expect(backtest(gapped, TARGET_PPM, SLOTH_30D)).toMatchObject({ firings: [], stepMs: MINUTE, coarsened: false });
  });

  it('resolves every alert within its short window once a gap (no traffic) begins', () => {
    const gapFrom = e + 1;
    const longer = minutes(7 * DAY_MINUTES, (i) => (i >= s && i <= e ? [0, 1_000] : [1_000, 1_000]));
    const r = backtest(
      filter(longer, (i) => i < gapFrom || i >= gapFrom + DAY_MINUTES),
      TARGET_PPM,
      SLOTH_30D,
    );
    expect(r.firings).toHaveLength(4);
    for (const f of r.firings) {
      expect(f.resolvedMs).not.toBeNull();
      expect(f.resolvedMs!).toBeLessThanOrEqual(at(gapFrom) + f.shortMinutes * MINUTE);
    }
  });

  it('treats missing samples exactly as samples without traffic', () => {
    // A day without traffic two days before the outage, inside the slow ticket's 3-day window.
    const zeroed = minutes(5 * DAY_MINUTES, (i) => (i >= 2 * DAY_MINUTES && i < 3 * DAY_MINUTES ? [0, 0] : [outage.good[i]!, outage.total[i]!]));
    const missing = filter(zeroed, (i) => zeroed.total[i]! > 0);
    const r = backtest(missing, TARGET_PPM, SLOTH_30D);
    expect(r.firings).toHaveLength(4);
    expect(r.firings).toEqual(backtest(zeroed, TARGET_PPM, SLOTH_30D).firings);
  });

  it('adds samples between grid times to the slot whose interval contains them', () => {
    // Every 7th minute arrives as two halves (30 s early and on time); every 11th is 20 s early.
    const split = { t: [] as number[], good: [] as number[], total: [] as number[] };
    for (let i = 0; i < outage.t.length; i++) {
      const [t, g, n] = [outage.t[i]!, outage.good[i]!, outage.total[i]!];
      if (i % 7 === 3) {
        split.t.push(t - 30_000, t);
        split.good.push(g / 2, g / 2);
        split.total.push(n / 2, n / 2);
      } else {
        split.t.push(i % 11 === 5 ? t - 20_000 : t);
        split.good.push(g);
        split.total.push(n);
      }
    }
    const irregular = { t: Float64Array.from(split.t), good: Float64Array.from(split.good), total: Float64Array.from(split.total) };
    expect(medianStep(irregular.t)).toBe(MINUTE);
    const regular = backtest(outage, TARGET_PPM, SLOTH_30D);
    const r = backtest(irregular, TARGET_PPM, SLOTH_30D);
    expect(r.firings).toEqual(regular.firings);
    expect(r.stepMs).toBe(MINUTE);
  });

  it('refuses a target without a budget and sample times that do not increase', () => {
    expect(() => backtest(outage, 1_000_000, SLOTH_30D)).toThrow(RangeError);
    const backwards = { t: Float64Array.from([0, 60_000, 120_000, 90_000]), good: new Float64Array(4), total: new Float64Array(4) };
    expect(() => backtest(backwards, TARGET_PPM, SLOTH_30D)).toThrow(RangeError);
  });

  it('returns an empty backtest for an empty history', () => {
    const empty = { t: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) };
    expect(backtest(empty, TARGET_PPM, SLOTH_30D)).toMatchObject({ firings: [], events: [], pages: 0, tickets: 0, medianDelayMs: null });
  });
});

describe('backtest: events', () => {
  it('detects a full outage by the quick page one minute after its first bad minute began', () => {
    const s = 4 * DAY_MINUTES;
    const r = backtest(
      minutes(5 * DAY_MINUTES, (i) => (i >= s && i < s + 30 ? [0, 1_000] : [1_000, 1_000])),
      TARGET_PPM,
      SLOTH_30D,
    );
    expect(r.events).toHaveLength(1);
    // The budget of one 30-day period at 1,000 requests a minute is 0.001 × 1,000 × 43,200 = 43,200 bad requests.
    expect(r.events[0]).toMatchObject({ startMs: at(s - 1), endMs: at(s + 29), badEvents: 30_000, detectedMs: at(s), delayMs: MINUTE, detectedBy: 'page' });
    expect(r.events[0]!.budgetShare).toBeCloseTo(30_000 / 43_200, 12);
    expect([r.missed, r.medianDelayMs]).toEqual([0, MINUTE]);
  });

  it('detects a slow burn by the ticket, days in, and takes the median delay over both events', () => {
    const outageAt = 4 * DAY_MINUTES;
    const burnFrom = 8 * DAY_MINUTES;
    const burnTo = 11 * DAY_MINUTES;
    const h = minutes(14 * DAY_MINUTES, (i) => {
      if (i >= outageAt && i < outageAt + 30) return [0, 1_000];
      return i >= burnFrom && i < burnTo ? [998, 1_000] : [1_000, 1_000];
    });
    const r = backtest(h, TARGET_PPM, SLOTH_30D);
    expect(r.events.map((e) => [e.startMs, e.detectedBy, e.delayMs])).toEqual([
      [at(outageAt - 1), 'page', MINUTE],
      // At exactly 1× after 2,160 minutes the ticket does not fire yet: a minute later it is above.
      [at(burnFrom - 1), 'ticket', 2_161 * MINUTE],
    ]);
    expect(r.medianDelayMs).toBe((MINUTE + 2_161 * MINUTE) / 2);
  });
});

describe('toGrid', () => {
  it('puts off-grid samples in the slot whose interval contains them and leaves gaps without traffic', () => {
    const s = 1_000;
    const h = {
      t: Float64Array.from([0, 60, 120, 150, 180, 240, 420], (x) => x * s),
      good: Float64Array.from([1, 2, 3, 4, 5, 6, 7]),
      total: Float64Array.from([1, 2, 3, 4, 5, 6, 7]),
    };
    const g = toGrid(h);
    expect(g).toMatchObject({ startMs: 0, stepMs: 60 * s, coarsened: false });
    expect(Array.from(g.total)).toEqual([1, 2, 3, 9, 6, 0, 0, 7]);
  });

  it('uses the columns of an already regular history without copying them', () => {
    const h = minutes(100, () => [1, 1]);
    expect(toGrid(h).total).toBe(h.total);
  });

  it('coarsens a grid that would be too large to a whole multiple of the median step, keeping every event', () => {
    const h = { t: Float64Array.from([0, 1_000, 2_000, 3_000, 1e9]), good: Float64Array.from([1, 1, 1, 1, 1]), total: Float64Array.from([2, 2, 2, 2, 2]) };
    const g = toGrid(h, 1_000);
    expect(g.coarsened).toBe(true);
    expect(g.total.length).toBeLessThanOrEqual(1_000);
    expect(g.stepMs % 1_000).toBe(0);
    expect(g.total.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('never exceeds the slot limit and keeps the sums (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 2, max: 5_000 }), (times, maxPoints) => {
        const t = Float64Array.from(times.sort((a, b) => a - b));
        const h = { t, good: t.map(() => 1), total: t.map(() => 3) };
        const g = toGrid(h, maxPoints);
        expect(g.total.length).toBeLessThanOrEqual(maxPoints);
        expect(g.total.reduce((a, b) => a + b, 0)).toBe(3 * t.length);
        if (t.length > 1) expect(g.stepMs % medianStep(t)!).toBe(0);
      }),
      RUNS,
    );
  });

  it('evaluates a history spanning billions of its steps on a coarsened grid instead of refusing it', () => {
    // Four samples a millisecond apart and one 231 days later: 2·10¹⁰ one-millisecond slots.
    const h = { t: Float64Array.from([0, 1, 2, 3, 2e10]), good: Float64Array.from([1, 1, 1, 1, 0]), total: Float64Array.from([1, 1, 1, 1, 1]) };
    const r = backtest(h, TARGET_PPM, SLOTH_30D);
    expect(r.coarsened).toBe(true);
    expect(Math.ceil(2e10 / r.stepMs) + 1).toBeLessThanOrEqual(MAX_GRID_POINTS);
  });
});

// A scaled-down set (a one-day period, windows of minutes) so that short random histories fire all four alerts.
const SMALL_SET: AlertWindowSet = {
  name: 'small',
  periodMinutes: DAY_MINUTES,
  page: { quick: { budgetPercent: 2, shortMinutes: 2, longMinutes: 12 }, slow: { budgetPercent: 5, shortMinutes: 6, longMinutes: 36 } },
  ticket: { quick: { budgetPercent: 10, shortMinutes: 12, longMinutes: 144 }, slow: { budgetPercent: 10, shortMinutes: 36, longMinutes: 432 } },
};
const SMALL_TARGET = 990_000;

// Minute samples in runs: healthy, erroring at some ratio, or without traffic; some samples then dropped as gaps.
const runHistory = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom(0, 0, 0.005, 0.03, 0.2, 1), fc.integer({ min: 0, max: 50 })), {
      minLength: 1,
      maxLength: 30,
    }),
    fc.double({ min: 0, max: 0.2, noNaN: true }),
  )
  .map(([runs, dropShare]) => {
    const rows: [number, number][] = [];
    for (const [length, ratio, total] of runs) for (let i = 0; i < length; i++) rows.push([Math.round(total * (1 - ratio)), total]);
    const h = minutes(rows.length, (i) => rows[i]!);
    // Dropping samples deterministically from the drawn share keeps the case shrinkable.
    return filter(h, (i) => i === 0 || i === rows.length - 1 || (i * 7_919) % 1_000 >= dropShare * 1_000);
  });

/** The firing condition at every grid point, straight from its definition (sums over each window, O(n·w)). */
function naiveFiring(h: History, targetPpm: number, set: AlertWindowSet): Set<string> {
  const g = toGrid(h);
  const firing = new Set<string>();
  for (const { severity, speed } of ALERT_KEYS) {
    const w = set[severity][speed];
    const factor = (w.budgetPercent * set.periodMinutes) / (100 * w.longMinutes);
    const [long, short] = [windowPoints(w.longMinutes, g.stepMs), windowPoints(w.shortMinutes, g.stepMs)];
    const burn = (i: number, size: number): number => {
      let [good, total] = [0, 0];
      for (let j = i - size + 1; j <= i; j++) [good, total] = [good + g.good[j]!, total + g.total[j]!];
      return total === 0 ? NaN : ((total - good) * 1e6) / (total * (1e6 - targetPpm));
    };
    for (let i = long - 1; i < g.total.length; i++)
      if (burn(i, long) > factor && burn(i, short) > factor) firing.add(`${severity} ${speed} ${g.startMs + i * g.stepMs}`);
  }
  return firing;
}

function firingPoints(r: Backtest, h: History): Set<string> {
  const g = toGrid(h);
  const end = g.startMs + g.total.length * g.stepMs;
  const out = new Set<string>();
  for (const f of r.firings) for (let t = f.firedMs; t < (f.resolvedMs ?? end); t += g.stepMs) out.add(`${f.severity} ${f.speed} ${t}`);
  return out;
}

describe('backtest properties', () => {
  it('fires at exactly the points where both windows of an alert exceed its factor', () => {
    fc.assert(
      fc.property(runHistory, (h) => {
        expect(firingPoints(backtest(h, SMALL_TARGET, SMALL_SET), h)).toEqual(naiveFiring(h, SMALL_TARGET, SMALL_SET));
      }),
      RUNS,
    );
  });

  it('resolves every episode after it fires, never overlaps episodes of one alert, and counts them by severity', () => {
    fc.assert(
      fc.property(runHistory, (h) => {
        const r = backtest(h, SMALL_TARGET, SMALL_SET);
        for (let i = 1; i < r.firings.length; i++) expect(r.firings[i]!.firedMs).toBeGreaterThanOrEqual(r.firings[i - 1]!.firedMs);
        for (const { severity, speed } of ALERT_KEYS) {
          const own = r.firings.filter((f) => f.severity === severity && f.speed === speed);
          own.forEach((f, i) => {
            expect(f.peakBurnRate).toBeGreaterThanOrEqual(f.factor);
            if (f.resolvedMs === null) expect(i).toBe(own.length - 1);
            else expect(f.resolvedMs).toBeGreaterThan(f.firedMs);
            if (i > 0) expect(f.firedMs).toBeGreaterThan(own[i - 1]!.resolvedMs!);
          });
        }
        expect(r.pages).toBe(r.firings.filter((f) => f.severity === 'page').length);
        expect(r.pages + r.tickets).toBe(r.firings.length);
        expect(r.missed).toBe(r.events.filter((e) => e.detectedMs === null).length);
      }),
      RUNS,
    );
  });

  it('matches each event to the first firing from its start to a longest window after its end', () => {
    const longestMs = 432 * MINUTE;
    fc.assert(
      fc.property(runHistory, (h) => {
        const r = backtest(h, SMALL_TARGET, SMALL_SET);
        for (const e of r.events) {
          const inRange = r.firings.filter((f) => f.firedMs >= e.startMs && f.firedMs <= e.endMs + longestMs);
          expect(e.detectedMs).toBe(inRange[0]?.firedMs ?? null);
          expect(e.detectedBy).toBe(inRange[0]?.severity ?? null);
          expect(e.delayMs).toBe(inRange[0] ? inRange[0].firedMs - e.startMs : null);
        }
      }),
      RUNS,
    );
  });

  it('gives the same firings when good and total are scaled by the same factor', () => {
    fc.assert(
      fc.property(runHistory, fc.integer({ min: 2, max: 10_000 }), (h, k) => {
        const scaled = { t: h.t, good: h.good.map((g) => g * k), total: h.total.map((t) => t * k) };
        const [a, b] = [backtest(h, SMALL_TARGET, SMALL_SET), backtest(scaled, SMALL_TARGET, SMALL_SET)];
        expect(b.firings).toEqual(a.firings);
        expect(b.events.map((e) => [e.startMs, e.endMs, e.detectedMs])).toEqual(a.events.map((e) => [e.startMs, e.endMs, e.detectedMs]));
      }),
      RUNS,
    );
  });
});

describe('backtest over long histories', () => {
  it('evaluates in chunks with the same episodes as one pass over whole burn-rate columns', () => {
    // 150,000 minutes crosses two chunk boundaries (65,536 and 131,072); incidents straddle both, and the one
    // across the second keeps the slow ticket firing from the first chunk's end into the third.
    const bad = (i: number): number => {
      if (i >= 65_500 && i < 65_600) return 300;
      if (i >= 125_000 && i < 131_100) return 4;
      if (i >= 20_000 && i < 20_010) return 1_000;
      return i % 997 === 0 ? 1 : 0;
    };
    const h = minutes(150_000, (i) => [1_000 - bad(i), 1_000]);
    const r = backtest(h, TARGET_PPM, SLOTH_30D);
    const want: { key: string; firedMs: number; resolvedMs: number | null; peakBurnRate: number }[] = [];
    for (const key of Object.keys(WORKBOOK) as (keyof typeof WORKBOOK)[]) {
      const { factor, long, short } = WORKBOOK[key];
      const [l, s] = burnRates(h.good, h.total, [long, short], TARGET_PPM);
      let open = -1;
      let peak = 0;
      for (let i = long - 1; i <= h.t.length; i++) {
        const firing = i < h.t.length && l![i]! > factor && s![i]! > factor;
        if (firing && open < 0) [open, peak] = [i, l![i]!];
        else if (firing) peak = Math.max(peak, l![i]!);
        else if (open >= 0) {
          want.push({ key, firedMs: at(open), resolvedMs: i < h.t.length ? at(i) : null, peakBurnRate: peak });
          open = -1;
        }
      }
    }
    want.sort((a, b) => a.firedMs - b.firedMs);
    expect(r.firings.map((f) => ({ key: keyOf(f), firedMs: f.firedMs, resolvedMs: f.resolvedMs, peakBurnRate: f.peakBurnRate }))).toEqual(want);
    expect(r.firings.some((f) => f.firedMs < at(131_072) && (f.resolvedMs ?? Infinity) > at(131_072))).toBe(true);
  });
});

describe('backtest: events of a time-slice tier, counted in its slices', () => {
  // Five days of 1,000 requests a minute: half errors for minutes 2000–2009 (two whole 5-minute slices), and every
  // request failing in minute 3000 (one minute of its slice, which is then 80 % good). SLO 99.5 % over 30 days.
  const h = minutes(5 * DAY_MINUTES, (i) => (i >= 2_000 && i < 2_010 ? [500, 1_000] : i === 3_000 ? [0, 1_000] : [1_000, 1_000]));
  const SLO_PPM = 995_000;
  const slice = { sliceMinutes: 5, sliceTargetPpm: 990_000 };
  const byEvents = backtest(h, SLO_PPM, SLOTH_30D);

  it('by events: 5,000 bad requests of a period budget of 0.5 % × 1,000 × 43,200 = 216,000; the lone minute is under 1 %', () => {
    expect(byEvents).toMatchObject({ method: 'occurrences', timeslice: null });
    expect(byEvents.events).toEqual([
      {
        startMs: at(1_999),
        endMs: at(2_009),
        badEvents: 5_000,
        budgetShare: 5_000 / 216_000,
        worstSli: 0.5,
        detectedMs: at(2_008),
        delayMs: 9 * MINUTE,
        detectedBy: 'page',
      },
    ]);
  });

  it("Timeslices: 2 and 1 bad slices of the period's ⌊0.5 % × 8,640⌋ = 43, so the lone minute is an event, and missed", () => {
    const r = backtest(h, SLO_PPM, SLOTH_30D, { method: 'timeslices', timeslice: slice });
    expect(r).toMatchObject({ method: 'timeslices', timeslice: slice, missed: 1, medianDelayMs: 9 * MINUTE });
    expect(r.events).toEqual([
      { startMs: at(1_999), endMs: at(2_009), badEvents: 2, budgetShare: 2 / 43, worstSli: 0, detectedMs: at(2_008), delayMs: 9 * MINUTE, detectedBy: 'page' },
      { startMs: at(2_999), endMs: at(3_004), badEvents: 1, budgetShare: 1 / 43, worstSli: 0, detectedMs: null, delayMs: null, detectedBy: null },
    ]);
    // The alerts still burn on the request ratio, as Prometheus rules evaluate them.
    expect(r.firings).toEqual(byEvents.firings);
  });

  it("RatioTimeslices: shortfalls of 0.5 + 0.5 slices of 0.5 % × 8,640 = 43.2; the lone minute's 0.2 is under 1 %", () => {
    const r = backtest(h, SLO_PPM, SLOTH_30D, { method: 'ratio-timeslices', timeslice: slice });
    expect(r.events).toEqual([
      {
        startMs: at(1_999),
        endMs: at(2_009),
        badEvents: 1,
        budgetShare: 1 / 43.2,
        worstSli: 0.5,
        detectedMs: at(2_008),
        delayMs: 9 * MINUTE,
        detectedBy: 'page',
      },
    ]);
    expect(r.firings).toEqual(byEvents.firings);
  });
});
