import { describe, expect, it } from 'vitest';
import type { TierOutcome } from '#shared/simulation/result';
import { formatPercent } from './day-axis';
import { layoutFan } from './fan-layout';

/** A tier over 30 days whose median falls evenly from 100 % to `endP50`, the band ±10 points around it. */
function tier(tier: TierOutcome['tier'], endP50: number, days = 30): TierOutcome {
  const atDay = [0, days / 2, days];
  const p50 = [1, (1 + endP50) / 2, endP50];
  return {
    tier,
    targetPpm: 999_000,
    method: 'occurrences',
    windowMinutes: days * 1440,
    windowLabel: `${days} days`,
    budgetMinutes: 43.2,
    budgetEvents: null,
    breach: { probability: 0.1, low: 0.09, high: 0.11, count: 1000, trials: 10_000 },
    spent: { mean: 1 - endP50, p10: 0, p50: 1 - endP50, p90: 1 },
    remaining: { atDay, p10: p50.map((v) => v - 0.1), p50, p90: p50.map((v) => v + 0.1) },
    exhausted: { bucketMinutes: 1440, counts: [], never: 10_000 },
    spentBy: { baseline: 0, deploys: 0, incidents: 0, events: 0, dependencies: 0 },
    topCause: null,
    alerts: { setName: 'SRE workbook, 30 days', pages: { mean: 0, p10: 0, p50: 0, p90: 0 }, tickets: { mean: 0, p10: 0, p50: 0, p90: 0 } },
  };
}

describe('layoutFan', () => {
  it('runs each median from the left edge at 100 % to the right edge, and marks 0 % below 100 %', () => {
    const l = layoutFan([tier('slo', 0.4)]);
    const [x0, y0] = /^M([\d.]+),([\d.]+)/.exec(l.tiers[0]!.medianPath)!.slice(1).map(Number);
    expect(x0).toBe(l.plot.left);
    expect(l.tiers[0]!.medianPath).toContain(`L${l.plot.right},`);
    expect(y0).toBeLessThan(l.zeroY);
    expect(l.zeroY).toBeLessThan(l.plot.bottom);
  });

  it('widens the value axis below 0 % when a tier is overspent, and says so at the line’s end', () => {
    const l = layoutFan([tier('sla', 0.8), tier('target', -0.5)]);
    expect(l.yTicks.some((t) => t.value < 0)).toBe(true);
    expect(l.tiers.map((t) => t.label)).toEqual(['SLA: 80 % left', 'Target: overspent 50 %']);
    expect(l.summary).toContain('over 30 days');
  });

  it('stops the axis at −100 % when a tier is overspent further, and says the band is cut off', () => {
    const l = layoutFan([tier('slo', 0.5), tier('target', -2.4)]);
    expect(Math.min(...l.yTicks.map((t) => t.value))).toBe(-1);
    expect(l.clipped).toBe(true);
    expect(l.tiers[1]!.label).toBe('Target: overspent 240 %');
    expect(l.tiers[1]!.labelY).toBeLessThanOrEqual(l.plot.bottom);
    expect(layoutFan([tier('slo', 0.5)]).clipped).toBe(false);
  });

  it('keeps the end labels of tiers that end close together at least 26 px apart', () => {
    const l = layoutFan([tier('sla', 0.5), tier('slo', 0.49), tier('target', 0.48)]);
    const ys = l.tiers.map((t) => t.labelY).sort((a, b) => a - b);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(26);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(26);
  });

  it('draws a band as a closed area between the 10th and 90th percentile', () => {
    const band = layoutFan([tier('slo', 0.4)]).tiers[0]!.bandPath;
    expect(band).toMatch(/^M.*Z$/);
  });

  it('labels days along x from the start', () => {
    const l = layoutFan([tier('slo', 0.4)]);
    expect(l.xTicks[0]!.label).toBe('start');
    expect(l.xTicks.at(-1)!.label).toBe('day 30');
  });
});

describe('formatPercent', () => {
  it('writes shares below 10 % and between 90 % and 100 % with a decimal and the rest whole', () => {
    const shares = [0.004, 0.125, 0.87, 0.997, 1, 1.677, 0];
    expect(shares.map(formatPercent)).toEqual(['0.4 %', '13 %', '87 %', '99.7 %', '100 %', '168 %', '0 %']);
  });
});
