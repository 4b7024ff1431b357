// The engine against the history analysis: a scenario without chance, written out as the minute history it describes,
// must spend what budgetPerWindow says that history spent, and raise the alerts the backtest finds in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest } from '../analysis/backtest';
import type { History } from '../analysis/history';
import { budgetPerWindow } from '../analysis/windows';
import { SLOTH_30D } from '../budget/alerts';
import type { Objective } from '../domain/types';
import { MONDAY_MS, objective, run } from './test/run';

const DAYS = 30;
const PER_MINUTE = 1000;
const BASELINE = 0.0004;
const EVENTS = [
  { name: 'migration', day: 12 + 14 / 24, durationMinutes: 45, errorRate: 0.3 },
  { name: 'bad config', day: 13, durationMinutes: 10, errorRate: 1 },
  { name: 'slow disk', day: 25.5, durationMinutes: 180, errorRate: 0.02 },
];

type Event = { name: string; day: number; durationMinutes: number; errorRate: number };

/** The minute history of the window: sample k stands for minute k − 1 .. k after the start. */
function minuteHistory(events: readonly Event[] = EVENTS, baseline = BASELINE): History {
  const n = DAYS * 1440;
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n).fill(PER_MINUTE);
  for (let k = 0; k < n; k++) {
    t[k] = MONDAY_MS + (k + 1) * 60_000;
    let extra = 0;
    for (const e of events) {
      // Events start on whole minutes; day × 1440 can land a hair past one.
      const from = Math.round(e.day * 1440);
      if (k >= from && k < from + e.durationMinutes) extra += e.errorRate;
    }
    good[k] = PER_MINUTE * (1 - Math.min(1, baseline + extra));
  }
  return { t, good, total };
}

const scenario = { baseline: { errorRate: BASELINE }, events: EVENTS };

function historySpent(o: Objective): number {
  const windows = budgetPerWindow(minuteHistory(), o);
  expect(windows[0]!.complete).toBe(true);
  return windows[0]!.budgetConsumed;
}

describe('a scenario without chance, against the history it describes', () => {
  it.each([
    ['by events', objective('slo', 999_000, DAYS)],
    ['in 5-minute slices good at 99 %', objective('slo', 999_000, DAYS, { method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 } })],
    [
      'as the mean ratio of 1-minute slices',
      objective('slo', 999_000, DAYS, { method: 'ratio-timeslices', timeslice: { sliceMinutes: 1, sliceTargetPpm: 990_000 } }),
    ],
  ])('spends what the history analysis counts, %s', (_how, o) => {
    const spent = run(scenario, [o], { trials: 100 }).tiers[0]!.spent.p50;
    // The history stores good counts as floats, so the two agree to rounding.
    expect(spent).toBeCloseTo(historySpent(o), 7);
  });

  it('raises the pages and tickets the alert backtest finds', () => {
    const slo = objective('slo', 999_000, DAYS);
    const simulated = run(scenario, [slo], { trials: 100 }).tiers[0]!.alerts;
    const replayed = backtest(minuteHistory(), slo.targetPpm, SLOTH_30D);
    expect(replayed.pages).toBeGreaterThan(0);
    expect(simulated.pages.p50).toBe(replayed.pages);
    expect(simulated.tickets.p50).toBe(replayed.tickets);
  });

  it('agrees with the history analysis and the backtest for any events on whole minutes', () => {
    // Events start after the first three days, so the backtest's longest alert window (3 days) is full, as the engine's
    // baseline before the window makes it.
    const events = fc.array(
      fc.record({
        minute: fc.integer({ min: 3 * 1440 + 10, max: DAYS * 1440 - 1 }),
        durationMinutes: fc.integer({ min: 1, max: 600 }),
        // Irregular rates: a round one can put an average exactly on a threshold, where float rounding decides.
        errorRate: fc.double({ min: 0.003, max: 1, noNaN: true }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(events, (list) => {
        const ev = list.map((e, i) => ({ name: `e${i}`, day: e.minute / 1440, durationMinutes: e.durationMinutes, errorRate: e.errorRate }));
        const slo = objective('slo', 999_000, DAYS);
        const simulated = run({ baseline: { errorRate: BASELINE }, events: ev }, [slo], { trials: 100 }).tiers[0]!;
        const h = minuteHistory(ev);
        expect(simulated.spent.p50).toBeCloseTo(budgetPerWindow(h, slo)[0]!.budgetConsumed, 6);
        const sliced = objective('slo', 999_000, DAYS, { method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 995_000 } });
        const slicedSpent = run({ baseline: { errorRate: BASELINE }, events: ev }, [sliced], { trials: 100 }).tiers[0]!.spent.p50;
        expect(slicedSpent).toBeCloseTo(budgetPerWindow(h, sliced)[0]!.budgetConsumed, 9);
        const replayed = backtest(h, slo.targetPpm, SLOTH_30D);
        expect({ pages: simulated.alerts.pages.p50, tickets: simulated.alerts.tickets.p50 }).toEqual({ pages: replayed.pages, tickets: replayed.tickets });
      }),
      { numRuns: 25, seed: 31 },
    );
  }, 60_000);
});
