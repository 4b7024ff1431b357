import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExcludedInterval } from '#shared/analysis/exclusions';
import type { Objective, Sli } from '#shared/domain/types';
import {
  CANVAS_MARKS,
  DAY_MS,
  HOUR_MS,
  exclusionBands,
  formatUtc,
  formatUtcSpan,
  linePath,
  niceBadFraction,
  percentTicks,
  shouldUseCanvas,
  sliDomain,
  tierLines,
  timeScale,
  timeTicks,
  valueScale,
} from './time-layout';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const T0 = Date.UTC(2024, 2, 1); // 1 Mar 2024 00:00 UTC
const plot = { left: 100, right: 800, top: 10, bottom: 310 };

const objective = (tier: Objective['tier'], targetPpm: number): Objective => ({
  tier,
  targetPpm,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
});
const sli = (objectives: Sli['objectives']): Sli => ({
  id: 1,
  serviceId: 1,
  name: 'checkout',
  kind: 'availability',
  latencyThresholdMs: null,
  ...NO_SLI_DETAILS,
  objectives,
});

describe('timeScale', () => {
  it('maps the ends of the view to the edges of the plot', () => {
    const x = timeScale({ startMs: T0, endMs: T0 + DAY_MS }, 100, 800);
    expect(x(T0)).toBe(100);
    expect(x(T0 + DAY_MS)).toBe(800);
    expect(x(T0 + DAY_MS / 2)).toBe(450);
  });

  it('widens an empty view to a minute instead of dividing by zero', () => {
    const x = timeScale({ startMs: T0, endMs: T0 }, 100, 800);
    expect(x(T0)).toBe(100);
    expect(Number.isFinite(x(T0 + 1000))).toBe(true);
  });
});

describe('timeTicks', () => {
  it('labels a month of history by day and writes the year once, under the first tick', () => {
    const ticks = timeTicks(timeScale({ startMs: T0, endMs: T0 + 30 * DAY_MS }, 100, 800));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.every((t) => /^\d{1,2} Mar$/.test(t.label))).toBe(true);
    expect(ticks.map((t) => t.context)).toEqual(['2024', ...ticks.slice(1).map(() => null)]);
  });

  it('labels hours as HH:MM and names the day again where midnight is crossed', () => {
    const ticks = timeTicks(timeScale({ startMs: T0 + 18 * HOUR_MS, endMs: T0 + 30 * HOUR_MS }, 100, 800));
    expect(ticks.every((t) => /^\d\d:\d\d$/.test(t.label))).toBe(true);
    expect(ticks[0]!.context).toBe('1 Mar 2024');
    const midnight = ticks.find((t) => t.ms === T0 + DAY_MS)!;
    expect(midnight.label).toBe('00:00');
    expect(midnight.context).toBe('2 Mar 2024');
    expect(ticks.filter((t) => t.context !== null)).toHaveLength(2);
  });

  it('labels years of history by month or year', () => {
    const months = timeTicks(timeScale({ startMs: T0, endMs: T0 + 300 * DAY_MS }, 100, 800));
    expect(months.every((t) => /^[A-Z][a-z]{2}$/.test(t.label))).toBe(true);
    const years = timeTicks(timeScale({ startMs: Date.UTC(2015, 0, 1), endMs: Date.UTC(2024, 0, 1) }, 100, 800));
    expect(years.map((t) => t.label)).toContain('2020');
  });

  it('keeps ticks at least the requested spacing apart, inside the plot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 * HOUR_MS, max: 900 * DAY_MS }), fc.integer({ min: 0, max: 400 * DAY_MS }), (spanMs, offsetMs) => {
        const ticks = timeTicks(timeScale({ startMs: T0 + offsetMs, endMs: T0 + offsetMs + spanMs }, 100, 800), 110);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        ticks.forEach((t, i) => {
          expect(t.x).toBeGreaterThanOrEqual(100);
          expect(t.x).toBeLessThanOrEqual(800);
          if (i > 0) expect(t.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(110);
        });
      }),
    );
  });
});

describe('niceBadFraction', () => {
  it('rounds an error fraction up to 1, 2 or 5 times a power of ten', () => {
    expect(niceBadFraction(0.011)).toBe(0.02);
    expect(niceBadFraction(0.0011)).toBe(0.002);
    expect(niceBadFraction(0.3)).toBe(0.5);
    expect(niceBadFraction(0.001)).toBe(0.001);
    expect(niceBadFraction(0.6)).toBe(1);
    expect(niceBadFraction(3)).toBe(1);
    expect(niceBadFraction(0)).toBe(0);
  });

  it('never rounds below the fraction nor more than 2.5 times above it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 0.4, noNaN: true }), (bad) => {
        const nice = niceBadFraction(bad);
        expect(nice).toBeGreaterThanOrEqual(bad);
        expect(nice).toBeLessThanOrEqual(bad * 2.5 + 1e-15);
        expect(['1', '2', '5']).toContain(nice.toExponential().charAt(0));
      }),
    );
  });
});

describe('sliDomain', () => {
  const view = { startMs: T0, endMs: T0 + DAY_MS };
  const line = (ys: number[]) => ({ x: ys.map((_, i) => T0 + i * HOUR_MS), y: ys });

  it('zooms to just below the worst sample in view, up to 100 %', () => {
    expect(sliDomain([line([1, 0.995, 0.999])], view, [])).toEqual([0.99, 1]);
  });

  it('keeps the loosest tier in view when the samples are all better', () => {
    expect(sliDomain([line([1, 0.9999])], view, [0.99, 0.999])).toEqual([0.98, 1]);
  });

  it('ignores gaps and samples outside the view', () => {
    const l = { x: [T0 - HOUR_MS, T0, T0 + HOUR_MS, T0 + 2 * DAY_MS], y: [0.5, 0.999, Number.NaN, 0.2] };
    expect(sliDomain([l], view, [])).toEqual([0.998, 1]);
  });

  it('shows 99.9 % to 100 % when nothing is below 100 % and no tier is set', () => {
    expect(sliDomain([line([1, 1])], view, [])).toEqual([0.999, 1]);
  });

  it('never goes below 0 %', () => {
    expect(sliDomain([line([1, 0.05, 0])], view, [0.99])).toEqual([0, 1]);
  });

  it('always contains every visible value and tier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 24 }),
        fc.double({ min: 0.5, max: 0.99999, noNaN: true }),
        (ys, tier) => {
          const [lo, hi] = sliDomain([line(ys)], view, [tier]);
          expect(hi).toBe(1);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(lo).toBeLessThanOrEqual(Math.min(tier, ...ys));
        },
      ),
    );
  });
});

describe('percentTicks', () => {
  it('writes just enough decimals to tell ticks apart', () => {
    const labels = percentTicks(valueScale([0.998, 1], plot)).map((t) => t.label);
    expect(labels).toEqual(['99.80 %', '99.85 %', '99.90 %', '99.95 %', '100.00 %']);
    expect(percentTicks(valueScale([0, 1], plot)).map((t) => t.label)).toContain('40 %');
    expect(percentTicks(valueScale([0.98, 1], plot)).map((t) => t.label)).toContain('99.5 %');
  });

  it('puts higher values higher up', () => {
    const ticks = percentTicks(valueScale([0.99, 1], plot));
    expect(ticks[0]!.y).toBe(plot.bottom);
    expect(ticks.at(-1)!.y).toBe(plot.top);
  });
});

describe('linePath', () => {
  const x = timeScale({ startMs: T0, endMs: T0 + 4 * HOUR_MS }, 0, 400);
  const y = valueScale([0, 1], { left: 0, right: 400, top: 0, bottom: 100 });

  it('draws one stroke through points without gaps', () => {
    const d = linePath({ x: [T0, T0 + HOUR_MS, T0 + 2 * HOUR_MS], y: [1, 0.5, 1] }, x, y);
    expect(d).toBe('M0,0L100,50L200,0');
  });

  it('breaks the line where the SLI is NaN', () => {
    const d = linePath({ x: [0, 1, 2, 3, 4].map((h) => T0 + h * HOUR_MS), y: [1, 1, Number.NaN, 0.5, 0.5] }, x, y);
    expect(d).toBe('M0,0L100,0M300,50L400,50');
  });

  it('rounds coordinates to a tenth of a pixel to keep long paths short', () => {
    const d = linePath({ x: [T0 + 1000, T0 + HOUR_MS / 3], y: [0.123456, 0.98765] }, x, y);
    expect(d).toBe('M0,87.7L33.3,1.2');
  });

  it('draws nothing for a line of gaps', () => {
    expect(linePath({ x: [T0, T0 + HOUR_MS], y: [Number.NaN, Number.NaN] }, x, y)).toBe('');
    expect(linePath({ x: [], y: [] }, x, y)).toBe('');
  });
});

describe('exclusionBands', () => {
  const view = { startMs: T0, endMs: T0 + 10 * HOUR_MS };
  const x = timeScale(view, 100, 1100);
  const band = (startH: number, endH: number, id = 1): ExcludedInterval => ({
    startMs: T0 + startH * HOUR_MS,
    endMs: T0 + endH * HOUR_MS,
    exclusionId: id,
    category: 'maintenance',
  });

  it('clips bands to the view and drops the ones outside it', () => {
    const bands = exclusionBands([band(-2, 1, 1), band(4, 5, 2), band(9, 12, 3), band(11, 12, 4), band(-3, -1, 5)], view, x);
    expect(bands.map((b) => [b.exclusionId, b.x, b.width])).toEqual([
      [1, 100, 100],
      [2, 500, 100],
      [3, 1000, 100],
    ]);
  });

  it('keeps a short band visible and inside the plot', () => {
    const [b] = exclusionBands([{ ...band(0, 0), startMs: view.endMs - 1000, endMs: view.endMs }], view, x, 2);
    expect(b!.width).toBe(2);
    expect(b!.x + b!.width).toBeCloseTo(1100, 6);
  });

  it('names the category and the span in its tooltip', () => {
    expect(exclusionBands([band(2, 4)], view, x)[0]!.title).toBe('Excluded (Planned maintenance): 1 Mar 2024 02:00 – 04:00 UTC');
  });
});

describe('tierLines', () => {
  it('draws the tiers set at their targets, labelled "SLO 99.9 %"', () => {
    const y = valueScale([0.98, 1], plot);
    const lines = tierLines(sli({ sla: objective('sla', 990_000), slo: objective('slo', 999_000) }), y, plot.top, plot.bottom);
    expect(lines.map((l) => [l.tier, l.label])).toEqual([
      ['sla', 'SLA 99 %'],
      ['slo', 'SLO 99.9 %'],
    ]);
    expect(lines[0]!.y).toBeCloseTo(y(0.99), 9);
  });

  it('nudges labels of close tiers apart while the lines keep their true height', () => {
    const y = valueScale([0, 1], plot);
    const lines = tierLines(
      sli({ sla: objective('sla', 999_000), slo: objective('slo', 999_500), target: objective('target', 999_900) }),
      y,
      plot.top,
      plot.bottom,
      20,
    );
    const labelYs = lines.map((l) => l.labelY).sort((a, b) => a - b);
    expect(labelYs[1]! - labelYs[0]!).toBeGreaterThanOrEqual(20);
    expect(labelYs[2]! - labelYs[1]!).toBeGreaterThanOrEqual(20);
    expect(lines.map((l) => l.y)).toEqual([y(0.999), y(0.9995), y(0.9999)]);
    expect(Math.min(...labelYs)).toBeGreaterThanOrEqual(plot.top);
    expect(Math.max(...labelYs)).toBeLessThanOrEqual(plot.bottom);
  });
});

describe('shouldUseCanvas', () => {
  it('switches to a canvas above 5,000 marks', () => {
    expect(CANVAS_MARKS).toBe(5000);
    expect(shouldUseCanvas(5000)).toBe(false);
    expect(shouldUseCanvas(5001)).toBe(true);
    expect(shouldUseCanvas(0)).toBe(false);
  });
});

describe('formatUtc', () => {
  it('writes instants and spans in UTC, the end date left out on the same day', () => {
    expect(formatUtc(T0 + 14 * HOUR_MS + 5 * 60_000)).toBe('1 Mar 2024 14:05');
    expect(formatUtcSpan(T0 + 23 * HOUR_MS, T0 + 25 * HOUR_MS)).toBe('1 Mar 2024 23:00 – 2 Mar 2024 01:00 UTC');
  });
});
