import { describe, expect, it } from 'vitest';
import type { PolicyOutcome } from '#shared/simulation/result';
import { layoutExhaustion } from './exhaustion-layout';
import { layoutPolicyShare } from './policy-share-layout';
import { layoutReplayBurn, layoutReplayPolicy } from './replay-layout';
import { layoutTornado } from './tornado-layout';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

describe('layoutExhaustion', () => {
  it('draws one bar per day on which trials ran out, the tallest reaching the top, and says how many never ran out', () => {
    // 10,000 trials: 500 ran out on day 10, 250 on day 20; 9,250 never did.
    const counts = new Array<number>(30).fill(0);
    counts[9] = 500;
    counts[19] = 250;
    const l = layoutExhaustion({ bucketMinutes: 1440, counts, never: 9250 }, 10_000, 30);
    expect(l.bars.map((b) => [b.bucket, b.share])).toEqual([
      [9, 0.05],
      [19, 0.025],
    ]);
    expect(l.bars[0]!.y).toBe(l.plot.top);
    expect(l.bars[1]!.height).toBeCloseTo(l.bars[0]!.height / 2, 6);
    expect(l.neverLabel).toBe('never ran out: 92.5 %');
    expect(l.summary).toBe('The budget ran out in 7.5 % of trials, most often on day 10; never ran out: 92.5 %');
  });

  it('counts hours in a window shorter than three days', () => {
    const counts = new Array<number>(24).fill(0);
    counts[5] = 100;
    const l = layoutExhaustion({ bucketMinutes: 60, counts, never: 900 }, 1000, 1);
    expect(l.bars[0]!.title).toBe('Hour 6: 10 % of trials ran out of budget');
    expect(l.bars[0]!.width).toBeCloseTo(((l.plot.right - l.plot.left) / 24) * 0.8, 6);
  });

  it('says the budget never ran out when no trial did', () => {
    expect(layoutExhaustion({ bucketMinutes: 1440, counts: new Array<number>(30).fill(0), never: 1000 }, 1000, 30).summary).toBe(
      'The budget never ran out in any trial',
    );
  });
});

describe('layoutPolicyShare', () => {
  it('stacks the states from healthy at the bottom to exhausted at the top, filling the plot', () => {
    const timeline: PolicyOutcome['timeline'] = {
      atDay: [0, 15, 30],
      share: { healthy: [1, 0.5, 0.2], warning: [0, 0.3, 0.3], critical: [0, 0.2, 0.3], exhausted: [0, 0, 0.2] },
    };
    const l = layoutPolicyShare(timeline, 30);
    expect(l.layers.map((x) => x.state)).toEqual(['healthy', 'warning', 'critical', 'exhausted']);
    // At the start every trial is healthy: the healthy layer spans the full height there.
    expect(l.layers[0]!.path.startsWith(`M${l.plot.left},${l.plot.top}`)).toBe(true);
    expect(l.layers[3]!.path).toMatch(/Z$/);
  });

  it('draws the freeze boundary under the states that freeze deploys: at 70 % of the height where 30 % of trials are frozen', () => {
    const timeline: PolicyOutcome['timeline'] = {
      atDay: [0, 30],
      share: { healthy: [1, 0.5], warning: [0, 0.2], critical: [0, 0.1], exhausted: [0, 0.2] },
    };
    const l = layoutPolicyShare(timeline, 30, { freezeAt: 'critical' });
    const ys = [...l.freezePath.matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
    const at = (share: number) => l.plot.bottom - share * (l.plot.bottom - l.plot.top);
    expect(ys[0]).toBeCloseTo(at(1), 0);
    expect(ys[1]).toBeCloseTo(at(0.7), 0);
    const warning = layoutPolicyShare(timeline, 30, { freezeAt: 'warning' }).freezePath;
    expect(Number([...warning.matchAll(/,([\d.]+)/g)][1]![1])).toBeCloseTo(at(0.5), 0);
  });
});

describe('layoutTornado', () => {
  it('puts the knob with the largest swing on top and the scenario’s own probability as a line', () => {
    const l = layoutTornado(0.2, [
      { knob: 'incidents.perWeek', label: 'Incidents per week', value: '1', low: 0.1, high: 0.35, swing: 0.25 },
      { knob: 'deploys.perWeek', label: 'Deploys per week', value: '10', low: 0.15, high: 0.26, swing: 0.11 },
      { knob: 'baseline.errorRate', label: 'Baseline error rate', value: '0.0002', low: 0.19, high: 0.21, swing: 0.02 },
    ]);
    expect(l.bars.map((b) => b.knob)).toEqual(['incidents.perWeek', 'deploys.perWeek', 'baseline.errorRate']);
    expect(l.bars[0]!.lowX).toBeLessThan(l.baseX);
    expect(l.bars[0]!.highX).toBeGreaterThan(l.baseX);
    expect(l.bars[0]!.valueText).toBe('now 1 · swing 25 points');
    // The axis spans what the knobs reach (10 % to 35 %), padded, not 0 to 100 %.
    expect(l.ticks[0]!.label).toBe('5 %');
    expect(l.ticks.at(-1)!.label).toBe('40 %');
    expect(l.plot.left).toBe(Math.max(160, 'now 0.0002 · swing 2 points'.length * 8.2 + 24));
    expect(l.bars[1]!.y - l.bars[0]!.y).toBe(l.rowHeight);
  });
});

describe('layoutReplayBurn and layoutReplayPolicy', () => {
  it('draws the plain and the modified burn-down on one axis, the modified one lower where events were injected', () => {
    const x = [T0, T0 + 15 * DAY, T0 + 30 * DAY];
    const l = layoutReplayBurn({ x, y: [1, 0.9, 0.8] }, { x, y: [1, 0.5, -0.2] }, { fromMs: T0, toMs: T0 + 30 * DAY });
    const lastY = (path: string) => Number(/,([\d.]+)$/.exec(path)![1]);
    expect(lastY(l.modifiedPath)).toBeGreaterThan(l.zeroY);
    expect(lastY(l.plainPath)).toBeLessThan(l.zeroY);
    expect(l.yTicks.some((t) => t.value < 0)).toBe(true);
  });

  it('lays the policy intervals of each side on its own row, clipped to the window', () => {
    const l = layoutReplayPolicy(
      [
        {
          label: 'As it was',
          timeline: {
            tier: 'slo',
            intervals: [{ state: 'healthy', startMs: T0 - DAY, endMs: T0 + 30 * DAY }],
            daysIn: { healthy: 30, warning: 0, critical: 0, exhausted: 0 },
          },
        },
        { label: 'With events', timeline: null },
      ],
      { fromMs: T0, toMs: T0 + 30 * DAY },
    );
    expect(l.rows.map((r) => r.bars.length)).toEqual([1, 0]);
    expect(l.rows[0]!.bars[0]!.x).toBe(l.plot.left);
    expect(l.rows[0]!.bars[0]!.x + l.rows[0]!.bars[0]!.width).toBeCloseTo(l.plot.right, 6);
  });
});
