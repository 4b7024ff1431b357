import { describe, expect, it } from 'vitest';
import type { Backtest, DetectedEvent, Firing } from '#shared/analysis/backtest';
import type { Tier } from '#shared/domain/types';
import { layoutFiringsTimeline } from './firings-layout';
import { layoutSliChart } from './sli-chart-layout';
import { HOUR_MS, MINUTE_MS } from './time-layout';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const T0 = Date.UTC(2024, 2, 1);
const view = { startMs: T0, endMs: T0 + 24 * HOUR_MS };

const fire = (severity: Firing['severity'], speed: Firing['speed'], firedH: number): Firing => ({
  severity,
  speed,
  factor: 6,
  shortMinutes: 30,
  longMinutes: 360,
  firedMs: T0 + firedH * HOUR_MS,
  resolvedMs: T0 + (firedH + 1) * HOUR_MS,
  peakBurnRate: 8,
});
const ev = (startH: number, delayMin: number | null): DetectedEvent => ({
  startMs: T0 + startH * HOUR_MS,
  endMs: T0 + (startH + 1) * HOUR_MS,
  badEvents: 500,
  budgetShare: 0.2,
  worstSli: 0.9,
  detectedMs: delayMin === null ? null : T0 + startH * HOUR_MS + delayMin * MINUTE_MS,
  delayMs: delayMin === null ? null : delayMin * MINUTE_MS,
  detectedBy: delayMin === null ? null : 'page',
});

const backtest: Backtest & { tier: Tier } = {
  tier: 'slo',
  targetPpm: 999_000,
  setName: 'Workbook 30 d',
  pages: 1,
  tickets: 1,
  missed: 1,
  medianDelayMs: 4 * MINUTE_MS,
  stepMs: MINUTE_MS,
  coarsened: false,
  method: 'occurrences',
  timeslice: null,
  firings: [fire('page', 'quick', 3), fire('ticket', 'slow', 12)],
  events: [ev(3, 4), ev(15, null)],
};

describe('layoutFiringsTimeline', () => {
  it("names a time-slice tier's events in bad slices, the unit they were counted in", () => {
    const sliced = {
      ...backtest,
      method: 'timeslices' as const,
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 },
      events: [{ ...ev(3, 4), badEvents: 2, budgetShare: 2 / 43 }],
    };
    expect(layoutFiringsTimeline(sliced, view).events[0]!.title).toContain(': 2 bad slices, 4.65 % of the budget, worst SLI 90 %;');
    expect(layoutFiringsTimeline(backtest, view).events[0]!.title).toContain(': 500 bad events, 20 % of the budget,');
  });

  it('gives each alert of the set its own row, pages first', () => {
    const l = layoutFiringsTimeline(backtest, view);
    expect(l.rows.map((r) => r.label)).toEqual(['Page quick', 'Page slow', 'Ticket quick', 'Ticket slow']);
    expect(l.bars.map((b) => b.row)).toEqual(['page-quick', 'ticket-slow']);
    expect(l.rows.every((r, i) => i === 0 || r.y >= l.rows[i - 1]!.y + l.rows[i - 1]!.height)).toBe(true);
  });

  it('puts the events above the rows with their detection labels above them', () => {
    const l = layoutFiringsTimeline(backtest, view);
    expect(l.events.map((e) => e.label)).toEqual(['detected after 4 min', 'missed']);
    expect(l.eventRow.y + l.eventRow.height).toBeLessThanOrEqual(l.rows[0]!.y);
    expect(l.events.every((e) => e.labelY !== null && e.labelY < l.eventRow.y)).toBe(true);
  });

  it('lines up with the SLI chart of the same view', () => {
    const l = layoutFiringsTimeline(backtest, view);
    const chart = layoutSliChart(
      {
        series: 's',
        full: view,
        view,
        samples: 0,
        sli: { x: [], y: [] },
        rolling: { x: [], y: [] },
        windowDays: 30,
        excluding: true,
        exclusions: [],
      },
      { id: 1, serviceId: 1, name: 'a', kind: 'availability', latencyThresholdMs: null, ...NO_SLI_DETAILS, objectives: {} },
      view,
      { firings: backtest.firings },
    );
    expect(l.xTicks.map((t) => t.x)).toEqual(chart.xTicks.map((t) => t.x));
    expect(l.bars.map((b) => b.x)).toEqual(chart.bars.map((b) => b.x));
  });

  it('summarises the backtest for screen readers', () => {
    expect(layoutFiringsTimeline(backtest, view).summary).toBe(
      'Alert backtest of the SLO 99.9 % with Workbook 30 d; 1 page and 1 ticket in view; 2 budget-eating events, 1 missed; median detection delay 4 min',
    );
    expect(layoutFiringsTimeline({ ...backtest, coarsened: true, stepMs: 5 * MINUTE_MS }, view).summary).toMatch(
      /; alerts evaluated every 5 min on a coarser grid than the samples$/,
    );
  });
});
