import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArgsIn } from '#shared/ipc/contract';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
let serviceId: number;
let sliId: number;

const START = Date.UTC(2026, 0, 1);
const DAYS = 3;
const MINUTES = DAYS * 1440;

/**
 * The latency of minute m of every day: 1260 minutes at or under 150 ms (30 of them exactly 150), 173 over 150 and at
 * or under 200 (20 exactly 200), 7 over 200. A day is 87.5 % at or under 150 ms and 1433/1440 = 99.5139 % at or under 200.
 */
function latencyOf(minute: number): number {
  const m = minute % 1440;
  if (m < 1230) return 80 + (m % 50);
  if (m < 1260) return 150;
  if (m < 1413) return 151 + (m % 40);
  if (m < 1433) return 200;
  return 250 + (m % 100);
}

const stamp = (i: number) => new Date(START + (i + 1) * 60_000).toISOString();

/** Three UTC days of minute latencies, written in the given unit (value in ms × factor). */
function writeLatencies(name: string, factor = 1): string {
  const lines = ['time,latency'];
  for (let i = 0; i < MINUTES; i++) lines.push(`${stamp(i)},${latencyOf(i) * factor}`);
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

/** The same minutes as good/total counts judged at one threshold by hand. */
function writeJudged(name: string, thresholdMs: number): string {
  const lines = ['time,good,total'];
  for (let i = 0; i < MINUTES; i++) lines.push(`${stamp(i)},${latencyOf(i) <= thresholdMs ? 1 : 0},1`);
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

const oneDay = { kind: 'rolling' as const, days: 1 };

async function setTier(id: number, tier: 'sla' | 'slo' | 'target', targetPpm: number, latencyThresholdMs: number | null) {
  return value(core.call('objective/set', { sliId: id, tier, targetPpm, window: oneDay, method: 'occurrences', latencyThresholdMs }));
}

async function importLatencies(path: string, unit: 'ms' | 's' | 'us') {
  const args: ArgsIn<'import/file'> = {
    sliId,
    path,
    format: 'csv',
    csv: { mapping: { kind: 'latency', time: 'time', value: 'latency', unit }, timeFormat: 'iso' },
  };
  return value(core.call('import/file', args));
}

beforeEach(async () => {
  ({ dir, core } = tempCore('swb-lat-'));
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  serviceId = (await value(core.call('service/create', { name: 'api' }))).id;
  sliId = (await value(core.call('sli/create', { serviceId, name: 'latency', kind: 'latency', latencyThresholdMs: 200 }))).id;
  await setTier(sliId, 'sla', 900_000, 150);
  await setTier(sliId, 'slo', 990_000, 200);
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

describe("a latency history judged at each tier's own threshold", () => {
  it('misses the SLA (90 % under 150 ms) in every window and meets the SLO (99 % under 200 ms) in every window', async () => {
    const stored = await importLatencies(writeLatencies('latency.csv'), 'ms');
    expect(stored).toMatchObject({ status: 'stored', accepted: MINUTES, rejected: 0, series: [{ name: 'latency', points: MINUTES }] });
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    // 2881 complete 1-day windows end at the samples from 2026-01-02 00:00 to 2026-01-04 00:00.
    expect(r.tiers).toMatchObject([
      { tier: 'sla', targetPpm: 900_000, windows: 2881, met: 0, share: 0 },
      { tier: 'slo', targetPpm: 990_000, windows: 2881, met: 2881, share: 1 },
    ]);
    const sla = r.windowsByTier.sla!;
    const slo = r.windowsByTier.slo!;
    expect(sla.map((w) => [w.label, w.good, w.total, w.met])).toEqual([
      ['2026-01-01 – 2026-01-01', 1260, 1440, false],
      ['2026-01-02 – 2026-01-02', 1260, 1440, false],
      ['2026-01-03 – 2026-01-03', 1260, 1440, false],
    ]);
    expect(sla[0]!.budgetConsumed).toBeCloseTo(1.25, 12);
    expect(slo.map((w) => [w.good, w.total, w.met])).toEqual([
      [1433, 1440, true],
      [1433, 1440, true],
      [1433, 1440, true],
    ]);
    expect(slo[0]!.budgetConsumed).toBeCloseTo(7 / 14.4, 12);
    expect(r.latency).toEqual({ kind: 'values', unit: 'ms', headlineThresholdMs: 200, thresholdsMs: { sla: 150, slo: 200 } });
    // Each tier's burn-down spends its own budget: the SLA ends its first day 25 % overspent, the SLO with 51.4 % left.
    const burnSla = await value(core.call('analysis/burndown', { sliId, tier: 'sla', startMs: sla[0]!.startMs }));
    const burnSlo = await value(core.call('analysis/burndown', { sliId, tier: 'slo', startMs: slo[0]!.startMs }));
    expect(burnSla.remaining.y.at(-1)).toBeCloseTo(1 - 1.25, 12);
    expect(burnSlo.remaining.y.at(-1)).toBeCloseTo(1 - 7 / 14.4, 12);
  }, 60_000);

  it("draws the chart at the SLO's threshold and says so", async () => {
    await importLatencies(writeLatencies('latency.csv'), 'ms');
    const chart = await value(core.call('analysis/chart', { sliId, windowDays: 1 }));
    expect(chart.latencyThresholdMs).toBe(200);
    expect(new Set(chart.rolling.y)).toEqual(new Set([1433 / 1440]));
  }, 60_000);

  it('gives the same figures from the values written in seconds or in microseconds', async () => {
    await importLatencies(writeLatencies('seconds.csv', 0.001), 's');
    const inSeconds = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    expect(inSeconds.tiers.map((t) => t.met)).toEqual([0, 2881]);
    expect(inSeconds.windowsByTier.sla!.map((w) => w.good)).toEqual([1260, 1260, 1260]);
    expect(inSeconds.windowsByTier.slo!.map((w) => w.good)).toEqual([1433, 1433, 1433]);
    await importLatencies(writeLatencies('micro.csv', 1000), 'us');
    const inMicros = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    expect(inMicros.windowsByTier.sla!.map((w) => w.good)).toEqual([1260, 1260, 1260]);
    expect(inMicros.latency).toMatchObject({ unit: 'us' });
  }, 60_000);

  it('judges JSON samples holding one latency each the same way', async () => {
    const samples = Array.from({ length: MINUTES }, (_, i) => ({ t: stamp(i), value: latencyOf(i) / 1000 }));
    writeFileSync(join(dir, 'latency.json'), JSON.stringify(samples));
    const stored = await value(core.call('import/file', { sliId, path: 'latency.json', jsonSamples: { valueUnit: 's' } }));
    expect(stored).toMatchObject({
      status: 'stored',
      format: 'json-samples',
      accepted: MINUTES,
      series: [{ points: MINUTES, latency: { kind: 'values', unit: 's', bounds: 0 } }],
    });
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    expect(r.tiers.map((t) => [t.tier, t.met])).toEqual([
      ['sla', 0],
      ['slo', 2881],
    ]);
    expect(r.windowsByTier.sla!.map((w) => w.good)).toEqual([1260, 1260, 1260]);
    expect(r.windowsByTier.slo!.map((w) => w.good)).toEqual([1433, 1433, 1433]);
  }, 60_000);

  it("re-judges the stored values when a tier's threshold changes, without importing again", async () => {
    await importLatencies(writeLatencies('latency.csv'), 'ms');
    await setTier(sliId, 'sla', 900_000, 200);
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    expect(r.tiers.map((t) => [t.tier, t.met])).toEqual([
      ['sla', 2881],
      ['slo', 2881],
    ]);
    expect(r.windowsByTier.sla!.map((w) => w.good)).toEqual([1433, 1433, 1433]);
  }, 60_000);

  it("gives each tier the analysis, recommendation and backtest a good/total history judged at that tier's threshold gives", async () => {
    await importLatencies(writeLatencies('latency.csv'), 'ms');
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    const bt = await value(core.call('analysis/backtest', { sliId }));
    // A second, availability SLI fed the minutes judged by hand at 150 ms (SLA) and at 200 ms (SLO).
    const judged = async (thresholdMs: number, tier: 'sla' | 'slo', targetPpm: number) => {
      const id = (await value(core.call('sli/create', { serviceId, name: `judged at ${thresholdMs}`, kind: 'availability' }))).id;
      await setTier(id, tier, targetPpm, null);
      await value(
        core.call('import/file', {
          sliId: id,
          path: writeJudged(`judged-${thresholdMs}.csv`, thresholdMs),
          format: 'csv',
          csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
        }),
      );
      return {
        analysis: await value(core.call('analysis/sli', { sliId: id, windowDays: 1 })),
        backtest: await value(core.call('analysis/backtest', { sliId: id })),
      };
    };
    const at150 = await judged(150, 'sla', 900_000);
    const at200 = await judged(200, 'slo', 990_000);
    expect(r.windowsByTier.sla).toEqual(at150.analysis.windowsByTier.sla);
    expect(r.windowsByTier.slo).toEqual(at200.analysis.windowsByTier.slo);
    // The SLO is recommended from the SLO's threshold: 99.51 % of minutes at or under 200 ms.
    expect(r.recommendation).toEqual(at200.analysis.recommendation);
    expect(r.recommendation!.targetPpm).toBe(995_100);
    expect(bt.tiers.find((t) => t.tier === 'sla')).toEqual(at150.backtest.tiers[0]);
    expect(bt.tiers.find((t) => t.tier === 'slo')).toEqual(at200.backtest.tiers[0]);
  }, 90_000);

  it("refuses a single threshold for a latency SLI, which would replace the tiers' own", async () => {
    const r = await core.call('import/file', {
      sliId,
      path: writeLatencies('latency.csv'),
      format: 'csv',
      csv: { mapping: { kind: 'value-threshold', time: 'time', value: 'latency', threshold: 200, direction: 'below' }, timeFormat: 'iso' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message:
          '"latency" is a latency SLI: each tier is judged at its own threshold (SLA 150 ms, SLO 200 ms), so import the values with their unit (ms, s or µs) instead of one threshold',
      },
    });
  }, 60_000);

  it("judges an access log's minutes at each tier's threshold from the requests counted there, and refuses a threshold it did not count at", async () => {
    // Five requests a minute for three minutes, in µs: 120, 140, 160, 180 and 900 ms.
    const lines = [0, 1, 2].flatMap((m) =>
      [120_000, 140_000, 160_000, 180_000, 900_000].map(
        (us, k) => `10.0.0.1 - - [01/Jan/2026:00:0${m}:${10 + 10 * k} +0000] "GET / HTTP/1.1" 200 5 "-" "curl" ${us}`,
      ),
    );
    writeFileSync(join(dir, 'access.log'), `${lines.join('\n')}\n`);
    const stored = await value(core.call('import/file', { sliId, path: 'access.log', accessLog: { durationField: 'microseconds' } }));
    expect(stored.series.map((s) => [s.name, s.points, s.latency])).toEqual([
      ['availability', 3, undefined],
      ['latency', 3, { kind: 'counts', unit: 'us', bounds: 46 }],
    ]);
    const latency = stored.series.find((s) => s.name === 'latency')!;
    const seriesId = (await value(core.call('import/list', { sliId })))[0]!.series.find((s) => s.name === latency.name)!.seriesId;
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1, seriesId }));
    expect(r.latency).toEqual({ kind: 'counts', unit: 'us', headlineThresholdMs: 200, thresholdsMs: { sla: 150, slo: 200 } });
    expect(r.windowsByTier.sla!.map((w) => [w.good, w.total])).toEqual([[6, 15]]);
    expect(r.windowsByTier.slo!.map((w) => [w.good, w.total])).toEqual([[12, 15]]);
    // 150 and 200 ms are on the grid of 46 bounds; 175 ms is neither on it nor one of the SLI's thresholds at import.
    await setTier(sliId, 'sla', 900_000, 175);
    expect(await core.call('analysis/sli', { sliId, windowDays: 1, seriesId })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message:
          'The SLA of "latency" (≤ 175 ms): This history kept request counts at 46 latency bounds, not at 175 ms (the nearest are 150 ms and 200 ms): choose one of those thresholds, or delete this import and import the log again to count requests at 175 ms',
      },
    });
  }, 60_000);

  it("warns when a latency SLI's history holds counts judged at import, so the tiers' own thresholds cannot be applied", async () => {
    await value(
      core.call('import/file', {
        sliId,
        path: writeJudged('judged-200.csv', 200),
        format: 'csv',
        csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
      }),
    );
    const r = await value(core.call('analysis/sli', { sliId, windowDays: 1 }));
    expect(r.latency).toBeNull();
    expect(r.latencyWarning).toBe(
      'judged-200.csv holds good and total counts fixed when it was imported, not latency values: every tier is read from those counts, ' +
        'not at its own threshold (SLA 150 ms, SLO 200 ms). Import the latency values with their unit to judge each tier at its own threshold.',
    );
    expect(r.tiers.map((t) => t.met)).toEqual([2881, 2881]);
  }, 60_000);

  it('refuses an access log for a latency SLI without the unit of its durations, storing nothing', async () => {
    writeFileSync(join(dir, 'plain.log'), '10.0.0.1 - - [01/Jan/2026:00:00:10 +0000] "GET / HTTP/1.1" 200 5 "-" "curl" 120000\n');
    expect(await core.call('import/file', { sliId, path: 'plain.log' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message:
          'plain.log is an access log: for the latency SLI "latency", give the unit of the duration that ends each line (ms, s or µs), so each tier can be judged at its own threshold. Nothing was stored',
      },
    });
    expect(await value(core.call('import/list', { sliId }))).toEqual([]);
  }, 60_000);
});
