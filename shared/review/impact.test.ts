import { describe, expect, it } from 'vitest';
import type { History } from '../analysis/history';
import type { Objective } from '../domain/types';
import { impactOf, weeklyCompliance } from './impact';

const HOUR = 3_600_000;
const MONDAY = Date.UTC(2026, 8, 7); // Monday 7 September 2026
const slo = (targetPpm: number): Objective => ({
  tier: 'slo',
  targetPpm,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
});

/** Hourly samples over whole weeks from a Monday, 1000 requests an hour, each week failing its given share. */
function weeks(errorShares: readonly number[]): History {
  const n = errorShares.length * 168;
  const t = Float64Array.from({ length: n }, (_, i) => MONDAY + (i + 1) * HOUR);
  const total = new Float64Array(n).fill(1000);
  const good = Float64Array.from({ length: n }, (_, i) => 1000 * (1 - errorShares[Math.floor(i / 168)]!));
  return { t, good, total };
}

describe('the historical impact of a changed target', () => {
  it('counts the weeks of the last quarter each target was met in, as the History screen judges a window', () => {
    // 14 weeks: the first falls outside the quarter; of the last 13, two miss 99.9 % and two more miss 99.95 %.
    const h = weeks([0.01, 0.0005, 0.002, 0.0007, 0.0004, 0.0006, 0.003, 0, 0, 0, 0.0001, 0.0002, 0, 0.0003]);
    expect(weeklyCompliance(h, slo(999_000))).toEqual({ weeks: 13, met: 11 });
    expect(weeklyCompliance(h, slo(999_500))).toEqual({ weeks: 13, met: 9 });
    const impact = impactOf(
      'checkout / availability',
      'slo',
      { objective: slo(999_000), weeks: { weeks: 13, met: 11 } },
      { objective: slo(999_500), weeks: { weeks: 13, met: 9 } },
    );
    expect(impact.text).toBe(
      'last quarter: SLO of checkout / availability met in 11 of 13 weeks under the old target (99.9 %), 9 of 13 under the new (99.95 %)',
    );
  });

  it('counts only complete weeks, and says how many there were when history is shorter than a quarter', () => {
    const h = weeks([0, 0.01, 0]);
    expect(weeklyCompliance(h, slo(999_000))).toEqual({ weeks: 3, met: 2 });
    const partial: History = { t: h.t.subarray(24), good: h.good.subarray(24), total: h.total.subarray(24) };
    expect(weeklyCompliance(partial, slo(999_000))).toEqual({ weeks: 2, met: 1 });
    expect(impactOf('api / availability', 'target', null, { objective: slo(999_000), weeks: { weeks: 2, met: 1 } }).text).toBe(
      'the last 2 complete weeks: performance target of api / availability met in 1 of 2 weeks under the new target (99.9 %)',
    );
  });
});
