// The engine against the history analysis: a scenario without chance, written out as the minute history it describes,
// must spend what budgetPerWindow says that history spent, and raise the alerts the backtest finds in it.
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

/** The minute history of the window: sample k stands for minute k − 1 .. k after the start. */
function minuteHistory(): History {
  const n = DAYS * 1440;
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n).fill(PER_MINUTE);
  for (let k = 0; k < n; k++) {
    t[k] = MONDAY_MS + (k + 1) * 60_000;
    let extra = 0;
    for (const e of EVENTS) {
      const from = e.day * 1440;
      if (k >= from && k < from + e.durationMinutes) extra += e.errorRate;
    }
    good[k] = PER_MINUTE * (1 - Math.min(1, BASELINE + extra));
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
});
