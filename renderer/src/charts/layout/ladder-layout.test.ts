import { describe, expect, it } from 'vitest';
import { computeLadder } from '#shared/budget/ladder';
import type { Objective, Sli } from '#shared/domain/types';
import { formatEventsRange, layoutLadder, spreadLabels } from './ladder-layout';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const objective = (tier: Objective['tier'], targetPpm: number, latencyThresholdMs: number | null = null): Objective => ({
  tier,
  targetPpm,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs,
});

const latency: Sli = {
  id: 1,
  serviceId: 1,
  name: 'latency',
  kind: 'latency',
  latencyThresholdMs: 200,
  ...NO_SLI_DETAILS,
  objectives: { sla: objective('sla', 900_000, 150), slo: objective('slo', 990_000, 200), target: objective('target', 995_000, 200) },
};

describe('layoutLadder', () => {
  it('puts the tightest tier at the top and the SLA floor at the bottom', () => {
    const layout = layoutLadder(latency, computeLadder(latency));
    const [sla, slo, target] = layout.rungs;
    expect(sla!.y).toBeGreaterThan(slo!.y);
    expect(slo!.y).toBeGreaterThan(target!.y);
    expect(sla!.y).toBeLessThanOrEqual(layout.plot.bottom);
    expect(target!.y).toBeGreaterThanOrEqual(layout.plot.top);
  });

  it('sizes budget bars by minutes and labels them with the budget per window', () => {
    const layout = layoutLadder(latency, computeLadder(latency));
    expect(layout.rungs.map((r) => r.budget)).toEqual(['3 d budget', '7.2 h budget', '3.6 h budget']);
    expect(layout.rungs[0]!.barWidth).toBeCloseTo(layout.plot.barMax, 5);
    expect(layout.rungs[2]!.barWidth).toBeCloseTo(layout.plot.barMax * 0.05, 5);
    expect(layout.rungs[0]!.detail).toBe('rolling 30 days · under 150 ms');
  });

  it('labels the buffers in percentage points and minutes', () => {
    const layout = layoutLadder(latency, computeLadder(latency));
    expect(layout.buffers.map((b) => b.label)).toEqual(['buffer 9 pp · 2.7 d', 'buffer 0.5 pp · 3.6 h']);
  });

  it('adds the bad events of each budget and buffer once the traffic is known', () => {
    const layout = layoutLadder(latency, computeLadder(latency, { requestsPerDay: 1_000_000 }));
    expect(layout.rungs.map((r) => r.badEvents)).toEqual(['3,000,000 bad events', '300,000 bad events', '150,000 bad events']);
    expect(layout.buffers.map((b) => [b.label, b.sublabel])).toEqual([
      ['buffer 9 pp · 2.7 d', '2,700,000 bad events'],
      ['buffer 0.5 pp · 3.6 h', '150,000 bad events'],
    ]);
  });

  it('leaves bad events out without traffic', () => {
    const layout = layoutLadder(latency, computeLadder(latency));
    expect(layout.rungs.every((r) => r.badEvents === null)).toBe(true);
    expect(layout.buffers.every((b) => b.sublabel === null)).toBe(true);
  });

  it('spans calendar months from 28 to 31 days in bad events too', () => {
    expect(formatEventsRange({ min: 28_000, max: 31_000 })).toBe('28,000–31,000 bad events');
    expect(formatEventsRange({ min: 43_200, max: 43_200 })).toBe('43,200 bad events');
  });

  it('marks an SLO looser than its SLA as a warning and an inverted buffer', () => {
    const bad: Sli = { ...latency, objectives: { sla: objective('sla', 999_000, 200), slo: objective('slo', 995_000, 200) } };
    const layout = layoutLadder(bad, computeLadder(bad));
    expect(layout.rungs.find((r) => r.tier === 'slo')!.warning).toBe(true);
    expect(layout.buffers[0]).toMatchObject({ negative: true, label: 'inverted by 0.4 pp' });
  });
});

describe('spreadLabels', () => {
  it('keeps labels of close rungs at least one row apart, in order and inside the plot', () => {
    const ys = spreadLabels([200, 205, 60], 30, 266, 44);
    expect(ys[2]).toBe(60);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(44);
    expect(Math.max(...ys)).toBeLessThanOrEqual(266);
  });

  it('pushes labels up when the lowest would fall below the plot', () => {
    expect(spreadLabels([250, 260], 30, 266, 44)).toEqual([222, 266]);
  });
});
