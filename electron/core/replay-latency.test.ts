import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
let sliId: number;

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const DAY2 = { fromMs: START + DAY, toMs: START + 2 * DAY };

/** Minute m of every day: 1,260 minutes at 80–150 ms, 153 at 151–190 ms, 27 over 200 ms (200 ms counts as under). */
function latencyOf(minute: number): number {
  const m = minute % 1440;
  if (m < 1260) return 80 + (m % 71);
  if (m < 1413) return 151 + (m % 40);
  return 250;
}

beforeAll(async () => {
  ({ dir, core } = tempCore('swb-replay-lat-'));
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  const serviceId = (await value(core.call('service/create', { name: 'api' }))).id;
  sliId = (await value(core.call('sli/create', { serviceId, name: 'latency', kind: 'latency', latencyThresholdMs: 200 }))).id;
  const oneDay = { kind: 'rolling' as const, days: 1 };
  await value(core.call('objective/set', { sliId, tier: 'sla', targetPpm: 900_000, window: oneDay, method: 'occurrences', latencyThresholdMs: 150 }));
  await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 980_000, window: oneDay, method: 'occurrences', latencyThresholdMs: 200 }));
  const lines = ['time,latency'];
  for (let i = 0; i < 3 * 1440; i++) lines.push(`${new Date(START + (i + 1) * MINUTE).toISOString()},${latencyOf(i)}`);
  writeFileSync(join(dir, 'latency.csv'), `${lines.join('\n')}\n`);
  const csv = { mapping: { kind: 'latency' as const, time: 'time', value: 'latency', unit: 'ms' as const }, timeFormat: 'iso' as const };
  await value(core.call('import/file', { sliId, path: 'latency.csv', format: 'csv', csv }));
}, 30_000);

afterAll(() => removeTempCore({ dir, core }));

describe('a replay of a latency history judges each tier at its own threshold, as the analysis does', () => {
  it('spends each tier the budget the analysis gives its window: 87.5 % under 150 ms for the SLA, 98.1 % under 200 ms for the SLO', async () => {
    const r = await value(core.call('simulation/replay', { sliId, ...DAY2, injections: [] }));
    const analysis = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    for (const tier of ['sla', 'slo'] as const) {
      const window = analysis.windowsByTier[tier]!.find((w) => w.startMs === DAY2.fromMs)!;
      expect(r.plain.tiers.find((t) => t.tier === tier)!.budgetConsumed).toBe(window.budgetConsumed);
    }
    expect(r.plain.tiers.map((t) => [t.tier, t.sli])).toEqual([
      ['sla', 1260 / 1440],
      ['slo', 1413 / 1440],
    ]);
  });

  it('fails only the requests a tier counted good: 10 minutes at 151–160 ms spend the SLO’s budget and not the SLA’s', async () => {
    const slow = { name: 'cache flush', startMs: START + DAY + 1300 * MINUTE, durationMinutes: 10, errorRate: 1 };
    const r = await value(core.call('simulation/replay', { sliId, ...DAY2, injections: [slow] }));
    const spent = (side: typeof r.plain, tier: 'sla' | 'slo') => side.tiers.find((t) => t.tier === tier)!.budgetConsumed;
    expect(spent(r.modified, 'sla')).toBe(spent(r.plain, 'sla'));
    // 10 more bad minutes against 2 % of 1,440.
    expect(spent(r.modified, 'slo') - spent(r.plain, 'slo')).toBeCloseTo(10 / 28.8, 9);
    // Counted on the headline history, judged at the SLO's 200 ms.
    expect(r.injections[0]!.addedBadEvents).toBe(10);
  });
});
