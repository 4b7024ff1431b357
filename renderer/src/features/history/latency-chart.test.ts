import { describe, expect, it } from 'vitest';
import type { Objective, Sli } from '#shared/domain/types';
import { chartedTiers } from './latency-chart';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const tier = (t: Objective['tier'], targetPpm: number, latencyThresholdMs: number): Objective => ({
  tier: t,
  targetPpm,
  window: { kind: 'rolling', days: 1 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs,
});
const sli: Sli = {
  id: 1,
  serviceId: 1,
  name: 'latency',
  kind: 'latency',
  latencyThresholdMs: 200,
  ...NO_SLI_DETAILS,
  objectives: { sla: tier('sla', 900_000, 150), slo: tier('slo', 990_000, 200), target: tier('target', 995_000, 200) },
};

describe('the tiers drawn on a latency chart', () => {
  it("are those judged at the chart's threshold; the others are named, not drawn against a line judged elsewhere", () => {
    const drawn = chartedTiers(sli, 200);
    expect(Object.keys(drawn.sli.objectives)).toEqual(['slo', 'target']);
    expect(drawn.note).toBe(
      'The line is judged at ≤ 200 ms, the SLO’s threshold; the SLA (≤ 150 ms) is not drawn against it: see how the tiers would have fared.',
    );
  });

  it('leave a chart without a latency threshold as it is', () => {
    expect(chartedTiers(sli, undefined)).toEqual({ sli, note: null });
    expect(chartedTiers({ ...sli, objectives: { slo: sli.objectives.slo } }, 200)).toEqual({
      sli: { ...sli, objectives: { slo: sli.objectives.slo } },
      note: 'The line is judged at ≤ 200 ms, the SLO’s threshold.',
    });
  });
});
