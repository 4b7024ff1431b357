import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badSliceBudget, budgetMinutes, budgetMinutesForWindow, formatMinutes, methodBudgetMinutes, slicesInWindow, windowMinutes } from './budget';
import { computeLadder } from './ladder';
import type { Sli } from '../domain/types';
import { NO_SLI_DETAILS } from '../domain/types';

// docs/formats.md, "Availability → allowed downtime": (1 − target) × period.
const DOWNTIME_TABLE: Array<[number, Record<number, string>]> = [
  [990_000, { 1: '14.4 min', 7: '1.68 h', 28: '6.72 h', 30: '7.2 h', 90: '21.6 h', 365: '3.65 d' }],
  [995_000, { 1: '7.2 min', 7: '50.4 min', 28: '3.36 h', 30: '3.6 h', 90: '10.8 h', 365: '1.83 d' }],
  [999_000, { 1: '1.4 min', 7: '10.1 min', 28: '40.3 min', 30: '43.2 min', 90: '2.16 h', 365: '8.76 h' }],
  [999_500, { 1: '43.2 s', 7: '5 min', 28: '20.2 min', 30: '21.6 min', 90: '1.08 h', 365: '4.38 h' }],
  [999_900, { 1: '8.6 s', 7: '1 min', 28: '4 min', 30: '4.3 min', 90: '13 min', 365: '52.6 min' }],
  [999_990, { 1: '0.9 s', 7: '6 s', 28: '24.2 s', 30: '25.9 s', 90: '1.3 min', 365: '5.3 min' }],
];

describe('error budget in minutes', () => {
  it('gives 43.2 minutes for 99.9 % over 30 days, exactly', () => {
    expect(budgetMinutes(999_000, 30 * 1440)).toBe(43.2);
  });

  it.each(DOWNTIME_TABLE)('matches the published downtime table for %i ppm', (ppm, row) => {
    for (const [days, text] of Object.entries(row)) {
      const got = formatMinutes(budgetMinutes(ppm, Number(days) * 1440));
      expect(got, `${ppm} ppm over ${days} d`).toBe(text);
    }
  });

  it('spans the shortest to the longest month for a calendar window', () => {
    expect(windowMinutes({ kind: 'calendar', unit: 'month', timeZone: 'UTC' })).toEqual({ min: 40_320, max: 44_640 });
    expect(budgetMinutesForWindow(999_000, { kind: 'calendar', unit: 'month', timeZone: 'UTC' })).toEqual({ min: 40.32, max: 44.64 });
  });

  it('falls as the target rises', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_998 }),
        fc.integer({ min: 1, max: 366 }),
        (ppm, days) => budgetMinutes(ppm + 1, days * 1440) < budgetMinutes(ppm, days * 1440),
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('the bad-slice budget under Timeslices', () => {
  it('allows 43 whole bad 1-minute slices of 43,200 in 30 days at 99.9 %, so 43 minutes, not 43.2', () => {
    expect(slicesInWindow(30 * 1440, 1)).toBe(43_200);
    expect(badSliceBudget(999_000, 43_200)).toBe(43);
    expect(methodBudgetMinutes(999_000, 30 * 1440, 'timeslices', { sliceMinutes: 1, sliceTargetPpm: 990_000 })).toBe(43);
  });

  it('counts no part slice at the end of a window and allows no bad slice where the budget is under one slice', () => {
    expect(slicesInWindow(100, 30)).toBe(3);
    expect(badSliceBudget(999_000, 999)).toBe(0);
    expect(methodBudgetMinutes(999_000, 30 * 1440, 'occurrences', { sliceMinutes: 5, sliceTargetPpm: 990_000 })).toBe(43.2);
  });
});

describe('the ladder', () => {
  const sli: Sli = {
    id: 1,
    serviceId: 1,
    name: 'availability',
    kind: 'availability',
    latencyThresholdMs: null,
    ...NO_SLI_DETAILS,
    objectives: {
      sla: { tier: 'sla', targetPpm: 995_000, window: { kind: 'rolling', days: 30 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
      target: { tier: 'target', targetPpm: 999_500, window: { kind: 'rolling', days: 30 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
    },
  };

  it('measures the buffer between adjacent set tiers in ppm and minutes', () => {
    const ladder = computeLadder(sli);
    expect(ladder.rungs.map((r) => r.tier)).toEqual(['sla', 'target']);
    expect(ladder.buffers).toEqual([{ from: 'sla', to: 'target', ppm: 4_500, minutes: { min: 194.4, max: 194.4 }, badEvents: null }]);
  });
});
