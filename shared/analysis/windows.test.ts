import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../domain/types';
import { lttb } from './downsample';
import { shareOf, UNBOUNDED_SHARE } from './events';
import type { History } from './history';
import { BURNDOWN_FLOOR, BURNDOWN_POINTS, budgetPerWindow, burnDownOf, drawnBurnDown } from './windows';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const objective = (over: Partial<Objective>): Objective => ({
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
  ...over,
});
const berlinMonths = objective({ window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' } });

/** Samples every stepMs over [fromMs + step, toMs], with total and bad given per sample time. */
function series(fromMs: number, toMs: number, stepMs: number, total: (t: number) => number, bad: (t: number) => number = () => 0): History {
  const t: number[] = [];
  for (let x = fromMs + stepMs; x <= toMs; x += stepMs) t.push(x);
  return { t: Float64Array.from(t), total: Float64Array.from(t, total), good: Float64Array.from(t, (x) => total(x) - bad(x)) };
}

const berlin = (year: number, month: number, day: number, hour = 0): number =>
  DateTime.fromObject({ year, month, day, hour }, { zone: 'Europe/Berlin' }).toMillis();

describe('budgetPerWindow over calendar months', () => {
  const h = series(
    berlin(2027, 2, 15),
    berlin(2027, 4, 10),
    HOUR,
    () => 1000,
    (t) => (t > berlin(2027, 3, 10) && t <= berlin(2027, 3, 10, 2) ? 743 : 0),
  );
  const windows = budgetPerWindow(h, berlinMonths);

  it('walks the months of the zone with their real lengths, the partial first and last flagged', () => {
    expect(windows.map((w) => w.label)).toEqual(['February 2027', 'March 2027', 'April 2027']);
    expect(windows.map((w) => w.complete)).toEqual([false, true, false]);
    // March 2027 in Berlin loses an hour to DST: 31 × 1440 − 60 minutes.
    expect((windows[1]!.endMs - windows[1]!.startMs) / MIN).toBe(44_580);
    expect(windows[1]!.startMs).toBe(berlin(2027, 3, 1));
    expect(windows[0]!.endMs).toBe(windows[1]!.startMs);
  });

  it('counts a sample in the month its hour ends in', () => {
    // 743 hours in March; the sample stamped 1 March 00:00 covers the last hour of February.
    expect(windows.map((w) => w.total)).toEqual([14 * 24 * 1000, 743 * 1000, 9 * 24 * 1000]);
  });

  it("sets bad events against (1 − target) of the window's events", () => {
    const march = windows[1]!;
    expect(march.good).toBe(743_000 - 2 * 743);
    expect(march.sli).toBeCloseTo(1 - 2 / 1000, 12);
    // Budget: 0.1 % of 743,000 = 743 bad events; 1,486 were spent.
    expect(march.budgetConsumed).toBeCloseTo(2, 12);
    expect(march.met).toBe(false);
    expect(march.topEvents).toEqual([{ startMs: berlin(2027, 3, 10), endMs: berlin(2027, 3, 10, 2), badEvents: 1486, budgetShare: 2, worstSli: 0.257 }]);
    expect(windows[0]).toMatchObject({ sli: 1, met: true, budgetConsumed: 0, topEvents: [] });
  });

  it('keeps months without data, with no SLI, nothing consumed and not met', () => {
    const gap: History = { t: Float64Array.of(berlin(2027, 1, 20), berlin(2027, 4, 20)), good: Float64Array.of(5, 5), total: Float64Array.of(5, 5) };
    const got = budgetPerWindow(gap, objective({ window: { kind: 'calendar', unit: 'month', timeZone: 'UTC' } }));
    expect(got.map((w) => w.label)).toEqual(['January 2027', 'February 2027', 'March 2027', 'April 2027']);
    expect(got[1]).toMatchObject({ total: 0, met: false, budgetConsumed: 0, topEvents: [] });
    expect(got[1]!.sli).toBeNaN();
  });

  it('names ISO weeks in New York, the one with the spring change an hour shorter', () => {
    const ny = (month: number, day: number): number => DateTime.fromObject({ year: 2027, month, day }, { zone: 'America/New_York' }).toMillis();
    const got = budgetPerWindow(
      series(ny(3, 8), ny(3, 22), HOUR, () => 10),
      objective({ window: { kind: 'calendar', unit: 'week', timeZone: 'America/New_York' } }),
    );
    // 8 March 2027 is a Monday; clocks go forward on Sunday 14 March.
    expect(got.map((w) => [w.label, (w.endMs - w.startMs) / HOUR, w.complete, w.total])).toEqual([
      ['2027-W10', 167, true, 1670],
      ['2027-W11', 168, true, 1680],
    ]);
  });
});

describe('budgetPerWindow over rolling windows', () => {
  it("cuts consecutive windows from the first sample's interval, labelled by the UTC dates they touch", () => {
    const from = Date.UTC(2026, 2, 1);
    const got = budgetPerWindow(
      series(
        from,
        from + 70 * DAY,
        DAY,
        () => 100,
        (t) => (t === from + 45 * DAY ? 20 : 0),
      ),
      objective({ targetPpm: 990_000 }),
    );
    expect(got.map((w) => [w.label, w.complete, w.total])).toEqual([
      ['2026-03-01 – 2026-03-30', true, 3000],
      ['2026-03-31 – 2026-04-29', true, 3000],
      ['2026-04-30 – 2026-05-29', false, 1000],
    ]);
    expect(got[1]!.budgetConsumed).toBeCloseTo(20 / 30, 12);
    expect(got[1]!.topEvents.map((e) => e.badEvents)).toEqual([20]);
  });

  it('names a history whose first minute is stamped at midnight by the dates of its samples, not by the minute before', () => {
    // Minutes stamped 2026-01-01 00:00 … 2026-01-14 23:59: the first stands for 2025-12-31 23:59–00:00, so the history
    // begins then, but that minute does not make a window "2025-12-31 – …".
    const from = Date.UTC(2026, 0, 1) - MIN;
    const got = budgetPerWindow(
      series(from, from + 14 * DAY, MIN, () => 100),
      objective({ window: { kind: 'rolling', days: 7 } }),
    );
    expect(got.map((w) => [w.label, w.startMs, w.complete])).toEqual([
      ['2026-01-01 – 2026-01-07', from, true],
      ['2026-01-08 – 2026-01-14', from + 7 * DAY, true],
    ]);
  });

  it('leaves out of a label a date the window touches for no more than one sample step at either end', () => {
    // Hourly samples stamped from 00:06: the history begins at 23:06 the day before, and each 1-day window ends at 23:06.
    const from = Date.UTC(2015, 4, 16, 23, 6);
    const got = budgetPerWindow(
      series(from, from + 2 * DAY, HOUR, () => 2),
      objective({ window: { kind: 'rolling', days: 1 } }),
    );
    expect(got.map((w) => w.label)).toEqual(['2015-05-17 – 2015-05-17', '2015-05-18 – 2015-05-18']);
    // Five-minute samples from 00:10 end each window at 00:05 the next day: five minutes of it are not a date of the window.
    const five = Date.UTC(2026, 0, 1, 0, 5);
    expect(
      budgetPerWindow(
        series(five, five + 2 * DAY, 5 * MIN, () => 2),
        objective({ window: { kind: 'rolling', days: 1 } }),
      ).map((w) => w.label),
    ).toEqual(['2026-01-01 – 2026-01-01', '2026-01-02 – 2026-01-02']);
    // A sliver longer than a step is a date the window holds data of.
    const late = Date.UTC(2026, 0, 1, 23, 0);
    expect(
      budgetPerWindow(
        series(late, late + DAY, MIN, () => 2),
        objective({ window: { kind: 'rolling', days: 1 } }),
      )[0]!.label,
    ).toBe('2026-01-01 – 2026-01-02');
  });

  it('keeps at most maxEvents events per window, largest first', () => {
    const bad = new Map(
      [
        [10, 3],
        [50, 9],
        [90, 5],
        [130, 7],
      ].map(([m, b]) => [Date.UTC(2026, 0, 1) + m! * MIN, b!]),
    );
    const h = series(
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 0, 1, 4),
      MIN,
      () => 100,
      (t) => bad.get(t) ?? 0,
    );
    const [w] = budgetPerWindow(h, objective({ targetPpm: 990_000, window: { kind: 'rolling', days: 1 } }), 2);
    expect(w!.topEvents.map((e) => e.badEvents)).toEqual([9, 7]);
    expect(w!.topEvents[0]!.budgetShare).toBeCloseTo(9 / (0.01 * 240 * 100), 12);
  });

  it('refuses an objective that validation would have refused instead of walking forever', () => {
    const h = series(0, DAY, HOUR, () => 1);
    expect(() => budgetPerWindow(h, objective({ window: { kind: 'rolling', days: 0 } }))).toThrow(RangeError);
    expect(() => budgetPerWindow(h, objective({ window: { kind: 'calendar', unit: 'month', timeZone: 'Mars/Olympus' } }))).toThrow(
      'Unknown time zone "Mars/Olympus"',
    );
  });

  it('gives nothing for an empty history', () => {
    expect(budgetPerWindow({ t: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) }, objective({}))).toEqual([]);
  });
});

describe('budgetPerWindow with time slices', () => {
  const day = Date.UTC(2026, 5, 1);
  // One day of minute samples; minutes 100–114 (three 5-minute slices) run at 90 %, minute 200 alone at 80 %.
  const h = series(
    day,
    day + DAY,
    MIN,
    () => 100,
    (t) => {
      const m = (t - day) / MIN;
      return m > 100 && m <= 115 ? 10 : m === 201 ? 20 : 0;
    },
  );

  it('counts slices that miss the slice target against whole bad slices of budget', () => {
    const slices = objective({
      targetPpm: 990_000,
      window: { kind: 'rolling', days: 1 },
      method: 'timeslices',
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 },
    });
    const [w] = budgetPerWindow(h, slices);
    // 288 slices; the 80 % minute drags its slice only to 96 %, so 3 are bad. Budget: ⌊1 % × 288⌋ = 2 slices.
    expect(w!.sli).toBeCloseTo(285 / 288, 12);
    expect(w!.budgetConsumed).toBeCloseTo(3 / 2, 12);
    expect(w!.met).toBe(false);
    expect(w!.good).toBe(28_800 * 5 - 150 - 20);
  });

  it('uses the default slice (1 minute, 95 %) when the objective names none', () => {
    const [w] = budgetPerWindow(h, objective({ targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'timeslices' }));
    expect(w!.sli).toBeCloseTo(1 - 16 / 1440, 12);
    expect(w!.budgetConsumed).toBeCloseTo(16 / 14, 12);
  });

  it("averages the slices' ratios under RatioTimeslices, spending each slice's shortfall", () => {
    const quiet: History = { t: Float64Array.of(MIN, 2 * MIN, 3 * MIN, 4 * MIN), good: Float64Array.of(1, 50, 1, 1), total: Float64Array.of(1, 100, 1, 1) };
    const [w] = budgetPerWindow(
      quiet,
      objective({
        targetPpm: 990_000,
        window: { kind: 'rolling', days: 1 },
        method: 'ratio-timeslices',
        timeslice: { sliceMinutes: 1, sliceTargetPpm: 950_000 },
      }),
    );
    expect(w!.sli).toBeCloseTo(3.5 / 4, 12);
    // Budget: 1 % of the day's 1,440 slices; spent: half a slice.
    expect(w!.budgetConsumed).toBeCloseTo(0.5 / 14.4, 12);
  });

  it('lets a sample coarser than the slice stand for every slice it covers', () => {
    const coarse = series(
      day,
      day + DAY,
      5 * MIN,
      () => 100,
      (t) => (t === day + 50 * MIN ? 50 : 0),
    );
    const [w] = budgetPerWindow(coarse, objective({ targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'timeslices' }));
    expect(w!.sli).toBeCloseTo(1 - 5 / 1440, 12);
    expect(w!.budgetConsumed).toBeCloseTo(5 / 14, 12);
  });

  it('counts each slice once in a sparse series whose samples span from the previous one (an uptime history)', () => {
    // Hourly samples of up minutes, split around a 3-minute outage at 10:57–11:00: 57 up minutes, then 3 down.
    const t: number[] = [];
    const good: number[] = [];
    const total: number[] = [];
    for (let hour = 1; hour <= 24; hour++) {
      if (hour === 11) {
        t.push(day + (10 * 60 + 57) * MIN, day + 11 * 60 * MIN);
        good.push(57, 0);
        total.push(57, 3);
      } else {
        t.push(day + hour * 60 * MIN);
        good.push(60);
        total.push(60);
      }
    }
    const sparse: History = { t: Float64Array.from(t), good: Float64Array.from(good), total: Float64Array.from(total) };
    const [w] = budgetPerWindow(
      sparse,
      objective({ targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 } }),
    );
    // 288 five-minute slices, one of them (10:55–11:00) bad: 2 of its 5 minutes up.
    expect(w!.sli).toBeCloseTo(287 / 288, 12);
  });

  it("gives an event's share of the budget in bad slices, the unit the window spends in", () => {
    // Two days of 5-minute samples of 100 requests: day 1's first ten at 98 %, day 2's sample stamped 12:00 at 50 %.
    const two = series(
      day,
      day + 2 * DAY,
      5 * MIN,
      () => 100,
      (x) => (x <= day + 50 * MIN ? 2 : x === day + DAY + 12 * HOUR ? 50 : 0),
    );
    const o = objective({
      targetPpm: 990_000,
      window: { kind: 'rolling', days: 1 },
      method: 'timeslices',
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 },
    });
    const [first, second] = budgetPerWindow(two, o);
    // Budget: ⌊1 % × 288⌋ = 2 slices. Day 1 spends 10 (500 %), all in one event; day 2 one (50 %). By requests the
    // events would read 20 of 288 and 50 of 288 bad events (6.9 % and 17.4 %).
    expect([first!.budgetConsumed, second!.budgetConsumed]).toEqual([5, 0.5]);
    expect(first!.topEvents).toEqual([{ startMs: day, endMs: day + 50 * MIN, badEvents: 10, budgetShare: 5, worstSli: 0 }]);
    expect(second!.topEvents).toEqual([
      { startMs: day + DAY + 12 * HOUR - 5 * MIN, endMs: day + DAY + 12 * HOUR, badEvents: 1, budgetShare: 0.5, worstSli: 0 },
    ]);
  });

  it('reads a spent budget of no whole slice as the largest finite share', () => {
    const tight = objective({
      targetPpm: 999_990,
      window: { kind: 'rolling', days: 1 },
      method: 'timeslices',
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 },
    });
    expect(budgetPerWindow(h, tight)[0]!.budgetConsumed).toBe(UNBOUNDED_SHARE);
  });
});

describe('budget windows', () => {
  const objectiveArb = fc
    .oneof(
      fc.integer({ min: 1, max: 3 }).map((days) => objective({ window: { kind: 'rolling', days } })),
      fc
        .constantFrom('week', 'month')
        .chain((unit) =>
          fc
            .constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata')
            .map((timeZone) => objective({ window: { kind: 'calendar', unit, timeZone } })),
        ),
    )
    .chain((o) => fc.constantFrom('occurrences', 'timeslices', 'ratio-timeslices').map((method) => ({ ...o, method }) as Objective));

  it('partition the history: consecutive, each sample in exactly one, sums kept, only the ends partial', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 * HOUR }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 80,
        }),
        objectiveArb,
        (rows, o) => {
          let t = Date.UTC(2027, 2, 20);
          const h: History = { t: new Float64Array(rows.length), good: new Float64Array(rows.length), total: new Float64Array(rows.length) };
          rows.forEach(([dt, bad, extra], i) => {
            t += dt;
            h.t[i] = t;
            h.total[i] = bad + extra;
            h.good[i] = extra;
          });
          const windows = budgetPerWindow(h, o);
          expect(windows.length).toBeGreaterThan(0);
          for (let k = 1; k < windows.length; k++) expect(windows[k]!.startMs).toBe(windows[k - 1]!.endMs);
          // A lone sample has no step, so its window may start right at it.
          expect(windows[0]!.startMs).toBeLessThanOrEqual(h.t[0]!);
          expect(windows.at(-1)!.endMs).toBeGreaterThanOrEqual(h.t.at(-1)!);
          expect(windows.slice(1, -1).every((w) => w.complete)).toBe(true);
          let good = 0;
          let total = 0;
          h.t.forEach((x, i) => {
            good += h.good[i]!;
            total += h.total[i]!;
            expect(windows.filter((w) => (x > w.startMs && x <= w.endMs) || (i === 0 && x === w.startMs))).toHaveLength(1);
          });
          expect(windows.reduce((s, w) => s + w.good, 0)).toBe(good);
          expect(windows.reduce((s, w) => s + w.total, 0)).toBe(total);
          for (const w of windows) {
            expect(w.budgetConsumed).toBeGreaterThanOrEqual(0);
            expect(w.met).toBe(w.sli >= 0.999 - 1e-12);
          }
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('handle a year of minute samples quickly under each method', () => {
    const from = Date.UTC(2027, 0, 1);
    const h = series(
      from,
      from + 365 * DAY,
      MIN,
      () => 100,
      (t) => ((t / MIN) % 5000 < 3 ? 30 : 0),
    );
    for (const method of ['occurrences', 'timeslices', 'ratio-timeslices'] as const) {
      let bestMs = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const windows = budgetPerWindow(h, { ...berlinMonths, method });
        bestMs = Math.min(bestMs, performance.now() - started);
        expect(windows).toHaveLength(13);
      }
      expect(bestMs).toBeLessThan(200);
    }
  });
});

describe('burnDownOf', () => {
  it('starts untouched and ends where the budget table says, under every method', () => {
    const day = Date.UTC(2026, 5, 1);
    const h = series(
      day,
      day + 3 * DAY,
      MIN,
      () => 100,
      (t) => (((t - day) / MIN) % 997 < 7 ? 30 : 0),
    );
    for (const method of ['occurrences', 'timeslices', 'ratio-timeslices'] as const) {
      const o = objective({ targetPpm: 995_000, window: { kind: 'rolling', days: 1 }, method, timeslice: { sliceMinutes: 5, sliceTargetPpm: 900_000 } });
      for (const w of budgetPerWindow(h, o)) {
        const b = burnDownOf(h, o, w.startMs)!;
        expect(b.remaining[0]).toBe(1);
        expect(b.remaining.at(-1)).toBeCloseTo(1 - w.budgetConsumed, 9);
        // Spending only grows, so what remains never rises.
        for (let i = 1; i < b.remaining.length; i++) expect(b.remaining[i]!).toBeLessThanOrEqual(b.remaining[i - 1]! + 1e-12);
      }
    }
    expect(burnDownOf(h, objective({ targetPpm: 995_000, window: { kind: 'rolling', days: 1 }, method: 'occurrences' }), day + 1)).toBeNull();
  });

  it('is, sample by sample, 1 − the bad events so far over the window budget, at each sample time after the window start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ total: fc.integer({ min: 0, max: 1_000 }), badShare: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 2,
          maxLength: 300,
        }),
        (samples) => {
          const start = Date.UTC(2026, 0, 1);
          const h: History = {
            t: Float64Array.from(samples, (_, i) => start + (i + 1) * MIN),
            total: Float64Array.from(samples, (s) => s.total),
            good: Float64Array.from(samples, (s) => s.total - Math.round(s.total * s.badShare)),
          };
          const b = burnDownOf(h, objective({ window: { kind: 'rolling', days: 1 } }), start)!;
          const inWindow = samples.slice(0, 1_440);
          const budget = (1_000 * inWindow.reduce((sum, s) => sum + s.total, 0)) / 1_000_000;
          let bad = 0;
          const expected = [1, ...inWindow.map((_, i) => 1 - shareOf((bad += h.total[i]! - h.good[i]!), budget))];
          expect(Array.from(b.remaining)).toEqual(expected);
          expect(Array.from(b.x)).toEqual([start, ...Array.from(h.t.subarray(0, inWindow.length))]);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe('drawnBurnDown', () => {
  it('draws the burn-down floored at BURNDOWN_FLOOR and downsampled, whether or not it falls below the floor', () => {
    const x = Float64Array.from({ length: 5_000 }, (_, i) => i * MIN);
    for (const overspent of [0, 30]) {
      const remaining = Float64Array.from(x, (_, i) => 1 - (i / 5_000) * overspent - (i % 7 === 0 ? 0.01 : 0));
      const drawn = drawnBurnDown({ startMs: 0, endMs: 5_000 * MIN, label: '', budget: 1, x, remaining });
      const floored = lttb({ x, y: Float64Array.from(remaining, (r) => Math.max(BURNDOWN_FLOOR, r)) }, BURNDOWN_POINTS);
      expect(Array.from(drawn.y)).toEqual(Array.from(floored.y));
      expect(Array.from(drawn.x)).toEqual(Array.from(floored.x));
      expect(Math.min(...drawn.y)).toBe(overspent === 0 ? Math.min(...lttb({ x, y: remaining }, BURNDOWN_POINTS).y) : BURNDOWN_FLOOR);
    }
  });
});
