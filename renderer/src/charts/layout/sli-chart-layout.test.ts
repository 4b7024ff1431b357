import { describe, expect, it } from 'vitest';
import type { Firing } from '#shared/analysis/backtest';
import type { Objective, Sli } from '#shared/domain/types';
import type { ChartData } from '#shared/ipc/contract';
import { lastIndexIn, lowestIn } from './line-stats';
import { formatFraction, layoutSliChart } from './sli-chart-layout';
import { DAY_MS, HOUR_MS, TIME_MARGINS } from './time-layout';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const T0 = Date.UTC(2024, 2, 1);
const objective = (tier: Objective['tier'], targetPpm: number): Objective => ({
  tier,
  targetPpm,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
});
const sli: Sli = {
  id: 7,
  serviceId: 1,
  name: 'checkout availability',
  kind: 'availability',
  latencyThresholdMs: null,
  ...NO_SLI_DETAILS,
  objectives: { sla: objective('sla', 990_000), slo: objective('slo', 999_000), target: objective('target', 999_500) },
};

function chart(points: number, sliAt: (i: number) => number): ChartData {
  const x = Array.from({ length: points }, (_, i) => T0 + i * HOUR_MS);
  return {
    series: 'ratio',
    full: { startMs: T0, endMs: T0 + 30 * DAY_MS },
    view: { startMs: T0, endMs: x.at(-1) ?? T0 },
    samples: points,
    sli: { x, y: x.map((_, i) => sliAt(i)) },
    rolling: { x, y: x.map(() => 0.9993) },
    windowDays: 7,
    excluding: true,
    exclusions: [{ startMs: T0 + 2 * HOUR_MS, endMs: T0 + 4 * HOUR_MS, exclusionId: 3, category: 'load-test' }],
  };
}

const firings: Firing[] = [
  {
    severity: 'page',
    speed: 'quick',
    factor: 14.4,
    shortMinutes: 5,
    longMinutes: 60,
    firedMs: T0 + 5 * HOUR_MS,
    resolvedMs: T0 + 6 * HOUR_MS,
    peakBurnRate: 20,
  },
  { severity: 'ticket', speed: 'slow', factor: 1, shortMinutes: 360, longMinutes: 4320, firedMs: T0 + 8 * HOUR_MS, resolvedMs: null, peakBurnRate: 1.5 },
];

describe('layoutSliChart', () => {
  it('draws both lines, the three tiers and the excluded period inside the plot', () => {
    const data = chart(48, (i) => (i === 10 ? 0.97 : 0.9995));
    const l = layoutSliChart(data, sli, data.view);
    // The axis fits the loosest tier (99 %) and the rolling line; the 97 % sample runs off the bottom, and says so.
    expect(l.domain).toEqual([0.98, 1]);
    expect(l.clippedNote).toBe('Samples dipping below 98 % run off the bottom; the lowest is 97 %');
    expect(l.sliPath.startsWith(`M${TIME_MARGINS.left},`)).toBe(true);
    expect(l.rollingPath).not.toBe('');
    expect(l.tiers.map((t) => t.label)).toEqual(['SLA 99 %', 'SLO 99.9 %', 'Target 99.95 %']);
    expect(l.bands).toHaveLength(1);
    expect(l.plot.right).toBe(l.width - TIME_MARGINS.right);
  });

  it('lets the samples set the axis while there is no rolling line yet', () => {
    const data = { ...chart(48, (i) => (i === 10 ? 0.9 : 0.9995)), rolling: { x: [], y: [] } };
    const l = layoutSliChart(data, sli, data.view);
    expect(l.domain[0]).toBeLessThanOrEqual(0.9);
    expect(l.clippedNote).toBeNull();
  });

  it('adds a page row and a ticket row only when firings are given, and grows to hold them', () => {
    const data = chart(48, () => 0.9995);
    const plain = layoutSliChart(data, sli, data.view);
    const withRows = layoutSliChart(data, sli, data.view, { firings });
    expect(plain.rows).toEqual([]);
    expect(withRows.rows.map((r) => r.label)).toEqual(['Page', 'Ticket']);
    expect(withRows.bars.map((b) => b.row)).toEqual(['page', 'ticket']);
    expect(withRows.height).toBeGreaterThan(plain.height);
    expect(withRows.rows[0]!.y).toBeGreaterThan(withRows.plot.bottom);
  });

  it('lays out a previewed zoom with the data it already has', () => {
    const data = chart(48, (i) => (i === 40 ? 0.5 : 0.9995));
    const zoomed = layoutSliChart(data, sli, { startMs: T0, endMs: T0 + 12 * HOUR_MS });
    expect(zoomed.domain).toEqual([0.98, 1]);
    expect(zoomed.clippedNote).toBeNull();
    expect(zoomed.bands[0]!.x).toBeCloseTo(TIME_MARGINS.left + (2 / 12) * (zoomed.plot.right - zoomed.plot.left), 6);
  });

  it('switches to a canvas when the two lines hold more than 5,000 points', () => {
    expect(
      layoutSliChart(
        chart(2500, () => 1),
        sli,
        chart(2500, () => 1).view,
      ).canvas,
    ).toBe(false);
    const big = chart(2501, () => 1);
    const l = layoutSliChart(big, sli, big.view);
    expect(l.marks).toBe(5002);
    expect(l.canvas).toBe(true);
  });

  it('summarises the view in words for screen readers', () => {
    const data = chart(48, (i) => (i === 10 ? 0.97 : 0.9995));
    const l = layoutSliChart(data, sli, data.view, { firings });
    expect(l.summary).toBe(
      'SLI checkout availability (ratio) from 1 Mar 2024 00:00 to 2 Mar 2024 23:00 UTC; lowest sample 97 %; ' +
        '7-day compliance 99.93 % at the end; SLA 99 %, SLO 99.9 %, Target 99.95 %; 1 excluded period; 1 page and 1 ticket fired',
    );
  });
});

describe('line statistics', () => {
  const l = { x: [1, 2, 3, 4, 5], y: [0.9, 0.5, Number.NaN, 0.7, Number.NaN] };

  it('finds the lowest value and the last point inside a view, skipping gaps', () => {
    expect(lowestIn(l, { startMs: 1, endMs: 5 })).toBe(0.5);
    expect(lowestIn(l, { startMs: 3, endMs: 5 })).toBe(0.7);
    expect(lastIndexIn(l, { startMs: 1, endMs: 5 })).toBe(3);
    expect(lastIndexIn(l, { startMs: 5, endMs: 9 })).toBeNull();
    expect(formatFraction(0.99953)).toBe('99.953 %');
  });
});
