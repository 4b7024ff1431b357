import { describe, expect, it } from 'vitest';
import type { BurnDown } from '#shared/ipc/contract';
import { formatShare, layoutBurnDown, remainingLabel } from './burndown-layout';
import { DAY_MS } from './time-layout';

const T0 = Date.UTC(2024, 2, 1);

function burnDown(values: number[], days = 30): BurnDown {
  return {
    tier: 'slo',
    label: 'SLO 99.9 % · rolling 30 days',
    startMs: T0,
    endMs: T0 + days * DAY_MS,
    budgetEvents: 43_200,
    remaining: { x: values.map((_, i) => T0 + i * DAY_MS), y: values },
  };
}

describe('remainingLabel', () => {
  it('says how much budget is left, or by how much it was overspent', () => {
    expect(remainingLabel(0.32)).toBe('32 % left');
    expect(remainingLabel(1)).toBe('100 % left');
    expect(remainingLabel(0.004)).toBe('0.4 % left');
    expect(remainingLabel(0)).toBe('0 % left');
    expect(remainingLabel(-0.4)).toBe('overspent by 40 %');
    expect(formatShare(0.0999)).toBe('10 %');
  });
});

describe('layoutBurnDown', () => {
  it('runs the even burn from 100 % at the start of the window to 0 % at its end', () => {
    const l = layoutBurnDown(burnDown([1, 0.9, 0.8]));
    const zero = l.references.find((r) => r.key === 'zero')!;
    expect(l.idealPath).toMatch(/^M104,[\d.]+L750,[\d.]+$/);
    const [, y1, y0] = /^M[\d.]+,([\d.]+)L[\d.]+,([\d.]+)$/.exec(l.idealPath)!;
    expect(Number(y0)).toBeCloseTo(zero.y, 6);
    expect(Number(y1)).toBeLessThan(zero.y);
    expect(zero.y).toBeLessThan(l.plot.bottom);
  });

  it('extends below zero when the budget is overspent and says by how much at the last point', () => {
    const l = layoutBurnDown(burnDown([1, 0.5, 0, -0.4]));
    const zero = l.references.find((r) => r.key === 'zero')!;
    expect(l.end).toMatchObject({ label: 'overspent by 40 %', overspent: true, detail: '60,480 / 43,200 bad events' });
    expect(l.end!.y).toBeGreaterThan(zero.y);
    expect(l.end!.y).toBeLessThanOrEqual(l.plot.bottom);
    expect(l.yTicks.some((t) => t.value < 0)).toBe(true);
  });

  it('labels what is left at the last point with data, skipping gaps', () => {
    const l = layoutBurnDown(burnDown([1, 0.7, 0.32, Number.NaN]));
    expect(l.end).toMatchObject({ label: '32 % left', overspent: false, anchor: 'start' });
    expect(l.remainingPath.match(/M/g)).toHaveLength(1);
  });

  it('puts the end label left of a point too close to the right edge for it', () => {
    const l = layoutBurnDown({ ...burnDown([1, 0.5], 1), budgetEvents: 4_320_000_000 });
    expect(l.end!.detail).toBe('2,160,000,000 / 4,320,000,000 bad events');
    expect(l.end!.anchor).toBe('end');
    expect(l.end!.labelX).toBeLessThan(l.end!.x);
  });

  it('draws the policy thresholds only when asked, their labels clear of each other', () => {
    expect(layoutBurnDown(burnDown([1, 0.9])).references.map((r) => r.key)).toEqual(['zero']);
    const l = layoutBurnDown(burnDown([1, 0.9]), { policy: { warningBelowPercent: 10, criticalBelowPercent: 5 } });
    expect(l.references.map((r) => r.label)).toEqual(['warning below 10 %', 'critical below 5 %', 'budget spent']);
    const ys = l.references.map((r) => r.labelY).sort((a, b) => a - b);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(18);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(18);
  });

  it('summarises the window and what is left for screen readers', () => {
    expect(layoutBurnDown(burnDown([1, 0.32])).summary).toBe(
      'SLO 99.9 % · rolling 30 days: error budget through 1 Mar 2024 00:00 – 31 Mar 2024 00:00 UTC, 43,200 bad events; 32 % left on 2 Mar 2024 00:00 UTC',
    );
    expect(layoutBurnDown(burnDown([])).end).toBeNull();
  });
});
