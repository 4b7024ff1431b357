import { describe, expect, it } from 'vitest';
import type { History } from '../analysis/history';
import { burnDownOf } from '../analysis/windows';
import { DEFAULT_POLICY } from '../budget/policy';
import type { Objective } from '../domain/types';
import { policyTimeline } from './policy-timeline';

const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 2);

/** n minute samples of 100 requests from START + 1 min; bad[minute] bad requests in the given minutes (1-based). */
function minutes(n: number, bad: Record<number, number> = {}): History {
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n).fill(100);
  for (let i = 0; i < n; i++) {
    t[i] = START + (i + 1) * MINUTE;
    good[i] = 100 - (bad[i + 1] ?? 0);
  }
  return { t, good, total };
}

/** A 99 % objective by events over a rolling window of this many minutes. */
function objective(windowMinutes: number): Objective {
  return {
    tier: 'slo',
    targetPpm: 990_000,
    window: { kind: 'rolling', days: windowMinutes / 1440 },
    method: 'occurrences',
    timeslice: null,
    latencyThresholdMs: null,
  };
}

function timeline(h: History, windowMinutes: number) {
  const o = objective(windowMinutes);
  return policyTimeline(h, burnDownOf(h, o, START)!, o.targetPpm, DEFAULT_POLICY, 'slo');
}

const at = (minute: number) => START + minute * MINUTE;

describe('the policy timeline follows the remaining budget and the burn rate of the last hour', () => {
  it('stays healthy all through a window without errors', () => {
    const p = timeline(minutes(180), 180);
    expect(p.intervals).toEqual([{ state: 'healthy', startMs: START, endMs: at(180) }]);
    expect(p.daysIn).toEqual({ healthy: 180 / 1440, warning: 0, critical: 0, exhausted: 0 });
  });

  it('turns warning when less than half the budget is left: 100 of 180 bad events spent by minute 65', () => {
    // 3 hours of 100 requests a minute at 99 %: a budget of 180 bad events. Minutes 61–65 have 20 bad each, so after
    // minute 64 80 are spent (55.6 % left, burning 80 / 6,000 / 1 % = 1.33×: healthy) and after 65, 100 (44.4 % left).
    const p = timeline(minutes(180, { 61: 20, 62: 20, 63: 20, 64: 20, 65: 20 }), 180);
    expect(p.intervals).toEqual([
      { state: 'healthy', startMs: START, endMs: at(64) },
      { state: 'warning', startMs: at(64), endMs: at(180) },
    ]);
    expect(p.daysIn.warning).toBeCloseTo(116 / 1440, 12);
  });

  it('escalates on the burn rate of the last hour alone while most of the budget is left, and calms as the burst leaves the hour', () => {
    // A day at 99 %: 1,440 bad events of budget. Minutes 61–64 fail every request: the hour's burn rate is 1.67×,
    // 3.33×, 5× and 6.67× after each, so warning from minute 62 and critical (over 6×) from 64 while 72 % is left.
    // The hour ending at minute 121 no longer holds minute 61 (5×: warning), at 122 it holds two (3.33×), at 123 one (1.67×: healthy).
    const p = timeline(minutes(1440, { 61: 100, 62: 100, 63: 100, 64: 100 }), 1440);
    expect(p.intervals).toEqual([
      { state: 'healthy', startMs: START, endMs: at(61) },
      { state: 'warning', startMs: at(61), endMs: at(63) },
      { state: 'critical', startMs: at(63), endMs: at(120) },
      { state: 'warning', startMs: at(120), endMs: at(122) },
      { state: 'healthy', startMs: at(122), endMs: at(1440) },
    ]);
    expect(p.daysIn.critical).toBeCloseTo(57 / 1440, 12);
  });

  it('is exhausted from the sample that spends the last of the budget to the end of the window', () => {
    // 2 hours at 99 %: 120 bad events of budget; minute 30 spends 100 (16.7 % left: critical) and minute 31 the last 20.
    const p = timeline(minutes(120, { 30: 100, 31: 20 }), 120);
    expect(p.intervals.at(-1)).toEqual({ state: 'exhausted', startMs: at(30), endMs: at(120) });
    expect(p.daysIn.exhausted).toBeCloseTo(90 / 1440, 12);
  });

  it('reads the hour before the window from the history given, so a burst just before it still counts', () => {
    const h = minutes(240, { 50: 100, 51: 100, 52: 100, 53: 100 });
    const o = objective(120);
    // The window's budget is spent from minute 60 on; the burst in minutes 50–53 lies before it but in its first hour.
    const inWindow = burnDownOf({ t: h.t.subarray(60), good: h.good.subarray(60), total: h.total.subarray(60) }, o, at(60))!;
    const p = policyTimeline(h, inWindow, o.targetPpm, DEFAULT_POLICY, 'slo');
    expect(p.intervals[0]).toEqual({ state: 'critical', startMs: at(60), endMs: at(109) });
  });
});
