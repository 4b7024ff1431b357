import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective, Sli } from '../domain/types';
import { budgetPerWindow } from './windows';
import { medianStep } from '../domain/step';
import { analyseHistory, percentile, rollingCompliance, rollingWindows, type History } from './history';
import { NO_SLI_DETAILS } from '../domain/types';

const DAY = 86_400_000;

function daily(goods: number[], total = 1000): History {
  return {
    t: Float64Array.from(goods, (_, i) => i * DAY),
    good: Float64Array.from(goods),
    total: Float64Array.from(goods, () => total),
  };
}

const objective = (tier: Objective['tier'], targetPpm: number): Objective => ({
  tier,
  targetPpm,
  window: { kind: 'rolling', days: 3 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
});
const sli = (objectives: Sli['objectives']): Sli => ({
  id: 1,
  serviceId: 1,
  name: 'availability',
  kind: 'availability',
  latencyThresholdMs: null,
  ...NO_SLI_DETAILS,
  objectives,
});

describe('rollingWindows', () => {
  it('reports only complete windows, each the SLI of its own samples', () => {
    const w = rollingWindows(daily([1000, 990, 1000, 1000, 970]), 3 * DAY);
    expect([...w.end]).toEqual([2 * DAY, 3 * DAY, 4 * DAY]);
    expect([...w.sli]).toEqual([2990 / 3000, 2990 / 3000, 2970 / 3000]);
  });

  it('equals a direct sum over each window for any spacing of samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 * 3600_000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 50, max: 100 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 3600_000, max: 40 * 3600_000 }),
        (rows, windowMs) => {
          let t = 0;
          const h: History = { t: new Float64Array(rows.length), good: new Float64Array(rows.length), total: new Float64Array(rows.length) };
          rows.forEach(([dt, bad, total], i) => {
            t += dt;
            h.t[i] = t;
            h.good[i] = total - bad;
            h.total[i] = total;
          });
          const w = rollingWindows(h, windowMs);
          for (let k = 0; k < w.end.length; k++) {
            let g = 0;
            let n = 0;
            for (let i = 0; i < rows.length; i++)
              if (h.t[i]! > w.end[k]! - windowMs && h.t[i]! <= w.end[k]!) {
                g += h.good[i]!;
                n += h.total[i]!;
              }
            expect(w.sli[k]).toBeCloseTo(g / n, 12);
          }
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });
});

describe('analyseHistory', () => {
  it('gives each tier the share of past windows in which it would have been met', () => {
    const h = daily([1000, 1000, 1000, 1000, 996, 1000, 1000, 1000, 1000, 1000]);
    const a = analyseHistory(h, sli({ sla: objective('sla', 990_000), slo: objective('slo', 999_000) }), 3 * DAY);
    expect(a.windows).toBe(8);
    expect(a.tiers).toEqual([
      { tier: 'sla', targetPpm: 990_000, method: 'occurrences', windows: 8, met: 8, share: 1, worst: 2996 / 3000, best: 1 },
      { tier: 'slo', targetPpm: 999_000, method: 'occurrences', windows: 8, met: 5, share: 5 / 8, worst: 2996 / 3000, best: 1 },
    ]);
  });

  it('recommends a target met in 95 % of past windows and explains its numbers', () => {
    const goods = Array.from({ length: 40 }, (_, i) => (i === 10 ? 990 : 999));
    const a = analyseHistory(daily(goods), sli({}), 1 * DAY);
    expect(a.recommendation).toMatchObject({ targetPpm: 999_000, confidence: 0.95 });
    expect(a.recommendation!.explanation).toBe(
      '99.9 % was met in 95 % of the 40 past 1-day windows (the 5th percentile of achieved SLI is 99.9000 %, a margin of 0 pp); the worst window reached 99.0000 %.',
    );
  });

  it('recommends a stricter performance target, met in 75 % of past windows', () => {
    // 40 days: 8 at 99 %, 12 at 99.5 %, 20 at 99.95 %; the 25th percentile (10th of 40) is 99.5 %, the 5th (2nd) 99 %.
    const goods = Array.from({ length: 40 }, (_, i) => (i < 8 ? 990 : i < 20 ? 995 : 999.5));
    const a = analyseHistory(daily(goods), sli({}), 1 * DAY);
    expect(a.recommendation!.targetPpm).toBe(990_000);
    expect(a.stretch).toMatchObject({ targetPpm: 995_000, confidence: 0.75 });
    expect(a.stretch!.explanation).toMatch(/^99\.5 % was met in 75 % of the 40 past 1-day windows \(the 25th percentile/);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile(Float64Array.from([5, 1, 4, 2, 3]), 0.2)).toBe(1);
    expect(percentile(Float64Array.from([5, 1, 4, 2, 3]), 0.4)).toBe(2);
  });
});

describe('medianStep', () => {
  it('equals the sorted median of the gaps, whether or not one step holds the majority', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(60), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 40 }), (gaps) => {
        const t = new Float64Array(gaps.length + 1);
        gaps.forEach((g, i) => {
          t[i + 1] = t[i]! + g;
        });
        expect(medianStep(t)).toBe(percentile(Float64Array.from(gaps), 0.5));
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('analyseHistory under the time-slice methods', () => {
  const MIN = 60_000;
  // Two days of 5-minute samples of 100 requests from midnight. Day 1: the first ten samples (00:05–00:50) at 2 errors
  // (98 %); day 2: the sample stamped 12:00 at 50 errors. 5-minute slices good at 99 % make day 1 ten bad slices and
  // day 2 one; by occurrences day 1 lost 20 requests and day 2 50.
  const t: number[] = [];
  const good: number[] = [];
  for (let k = 1; k <= 576; k++) {
    t.push(k * 5 * MIN);
    good.push(k <= 10 ? 98 : k === 288 + 144 ? 50 : 100);
  }
  const h: History = { t: Float64Array.from(t), good: Float64Array.from(good), total: Float64Array.from(t, () => 100) };
  const sliced: Objective = { ...objective('slo', 990_000), method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 } };

  it("judges rolling windows, their worst and best and the recommendation in the tier's own slices", () => {
    const a = analyseHistory(h, sli({ sla: objective('sla', 990_000), slo: sliced }), DAY);
    // 289 one-day windows end at 24:00 day 1 + k·5 min, k = 0…288. In slices, window k holds 10 − k bad slices of day 1
    // for k < 10, none for 10 ≤ k < 144, and day 2's one from k = 144: (278 + k) / 288 for k < 10, 1, then 287 / 288.
    expect(a).toMatchObject({ method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 }, windows: 289 });
    expect(a.worst).toBeCloseTo(278 / 288, 12);
    expect(a.best).toBe(1);
    expect(a.overall).toBeCloseTo(565 / 576, 12);
    // (278 + k) / 288 ≥ 99 % from k = 8: eight windows missed. The SLA counts occurrences: every window at or above 99.826 %.
    expect(a.tiers).toEqual([
      { tier: 'sla', targetPpm: 990_000, method: 'occurrences', windows: 289, met: 289, share: 1, worst: 1 - 50 / 28_800, best: 1 },
      { tier: 'slo', targetPpm: 990_000, method: 'timeslices', windows: 289, met: 281, share: 281 / 289, worst: 278 / 288, best: 1 },
    ]);
    // The 5th percentile (15th of 289 in order) is 287 / 288 = 99.6528 %: 99.65 %, where occurrences say 99.82 %.
    expect(a.recommendation).toMatchObject({ targetPpm: 996_500, confidence: 0.95 });
    expect(a.recommendation!.explanation).toBe(
      '99.65 % was met in 95 % of the 289 past 1-day windows, counted in 5-minute slices good at 99 % ' +
        '(the 5th percentile of achieved SLI is 99.6528 %, a margin of 0.0028 pp); the worst window reached 96.5278 %.',
    );
    const byEvents = analyseHistory(h, sli({ slo: objective('slo', 990_000) }), DAY);
    expect(byEvents).toMatchObject({ method: 'occurrences', windows: 289, recommendation: { targetPpm: 998_200 } });
    expect(byEvents.worst).toBeCloseTo(1 - 50 / 28_800, 12);
  });

  it("averages the slices' ratios under RatioTimeslices, whatever each slice's traffic", () => {
    // A busy slice at 90 % (1,000 requests) and a quiet one at 100 % (10): 50 % of slices' worth each, so 95 %, where occurrences say 910 / 1010.
    const two: History = { t: Float64Array.of(5 * MIN, 10 * MIN), good: Float64Array.of(900, 10), total: Float64Array.of(1000, 10) };
    const ratio: Objective = { ...objective('slo', 950_000), method: 'ratio-timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 } };
    const a = analyseHistory(two, sli({ slo: ratio }), 10 * MIN);
    expect(a.windows).toBe(1);
    expect(a.worst).toBeCloseTo(0.95, 12);
    expect(a.tiers[0]).toMatchObject({ method: 'ratio-timeslices', met: 1 });
    expect(analyseHistory(two, sli({ slo: objective('slo', 950_000) }), 10 * MIN).worst).toBeCloseTo(910 / 1010, 12);
  });
});

describe('rollingCompliance', () => {
  it('gives at the end of every complete budget window the SLI the budget table gives it, under each time-slice method', () => {
    const MIN = 60_000;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 100 })), { minLength: 2 * 1440, maxLength: 3 * 1440 }),
        fc.constantFrom(1, 5, 15, 60),
        fc.integer({ min: 500_000, max: 999_000 }),
        fc.constantFrom('timeslices', 'ratio-timeslices'),
        (rows, sliceMinutes, sliceTargetPpm, method) => {
          const t0 = Date.UTC(2026, 0, 1, 7, 13);
          const h: History = {
            t: Float64Array.from(rows, (_, i) => t0 + (i + 1) * MIN),
            total: Float64Array.from(rows, ([total]) => total),
            good: Float64Array.from(rows, ([total, badShare]) => total - Math.round((total * badShare) / 100)),
          };
          const o: Objective = { ...objective('slo', 990_000), window: { kind: 'rolling', days: 1 }, method, timeslice: { sliceMinutes, sliceTargetPpm } };
          const rolling = rollingCompliance(h, o, DAY);
          for (const w of budgetPerWindow(h, o).filter((x) => x.complete)) {
            const k = rolling.end.indexOf(w.endMs);
            expect(k).toBeGreaterThanOrEqual(0);
            expect(rolling.sli[k]).toBeCloseTo(w.sli, 12);
          }
        },
      ),
      { numRuns: 40, seed: 29 },
    );
  });
});
