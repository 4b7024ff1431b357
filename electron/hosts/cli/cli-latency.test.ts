import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonAnalyzeReport, JsonImportReport } from './json-output';

const W = ['--workspace', 'w.slowb'] as const;
const TARGET = [...W, '--service', 'api', '--sli', 'latency'] as const;
const START = Date.UTC(2026, 0, 1);
let box: Sandbox;

/** Three days of minute latencies in seconds: each day 1260 minutes at or under 0.150 s, 173 more at or under 0.200 s, 7 slower. */
function writeSeconds(): void {
  const lines = ['time,latency_s'];
  for (let i = 0; i < 3 * 1440; i++) {
    const m = i % 1440;
    const ms = m < 1230 ? 80 + (m % 50) : m < 1260 ? 150 : m < 1413 ? 151 + (m % 40) : m < 1433 ? 200 : 250 + (m % 100);
    lines.push(`${new Date(START + (i + 1) * 60_000).toISOString()},${ms / 1000}`);
  }
  writeFileSync(box.path('latency.csv'), `${lines.join('\n')}\n`);
}

beforeEach(async () => {
  box = makeSandbox();
  await box.json('workspace', 'create', 'w.slowb');
  await box.json('service', 'add', ...W, 'api');
  await box.json('sli', 'add', ...W, '--service', 'api', '--kind', 'latency', '--threshold-ms', '200', 'latency');
  await box.json('objective', 'set', ...TARGET, '--tier', 'sla', '--target', '90', '--window', '1d', '--threshold-ms', '150');
  await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99', '--window', '1d', '--threshold-ms', '200');
  writeSeconds();
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench import and analyze of latency values', () => {
  it('imports a value column with --value-unit and judges the SLA at 150 ms and the SLO at 200 ms', async () => {
    const imported = await box.run('import', 'latency.csv', ...TARGET, '--map', 'time=time,value=latency_s', '--value-unit', 's');
    expect(imported.stdoutLines.slice(0, 2)).toEqual([
      'Imported latency.csv (csv) into api / latency: 4320 rows kept, 0 rejected',
      '  latency_s: 4320 samples, 2026-01-01 00:01 → 2026-01-04 00:00, every 60 s; latency values kept (written in s), each tier judged at its own threshold',
    ]);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    expect(analysis.tiers.map((t) => [t.tier, t.met, t.windows])).toEqual([
      ['sla', 0, 2881],
      ['slo', 2881, 2881],
    ]);
    expect(analysis.windowsByTier.sla!.map((w) => w.sli)).toEqual([0.875, 0.875, 0.875]);
    expect(analysis.windowsByTier.slo!.map((w) => w.sli)).toEqual([1433 / 1440, 1433 / 1440, 1433 / 1440]);
    const text = await box.run('analyze', ...TARGET, '--window', '1d');
    expect(text.stdoutLines).toContain("  latency judged at each tier's own threshold: SLA ≤ 150 ms, SLO ≤ 200 ms");
    expect(text.stdoutLines).toContain('    SLA 90 %: met in 0 of 2881 windows (0.0 %)');
    // Every minute from 21:00 to midnight is over 150 ms: one event of 180 bad minutes, 125 % of the 144-minute budget.
    expect(text.stdoutLines).toContain('      2026-01-01 – 2026-01-01: 87.5000 %, MISSED, 125.0 % of budget spent; largest event 2026-01-01 21:00 (125.0 %)');
  }, 60_000);

  it('reads JSON samples of one latency each with --value-unit, detected from the content', async () => {
    const samples = Array.from({ length: 3 * 1440 }, (_, i) => {
      const m = i % 1440;
      const ms = m < 1260 ? 150 : m < 1433 ? 200 : 300;
      return { t: new Date(START + (i + 1) * 60_000).toISOString(), value: ms * 1000 };
    });
    writeFileSync(box.path('latency.json'), JSON.stringify(samples));
    const r = await box.run('import', 'latency.json', ...TARGET, '--value-unit', 'us');
    expect(r.stdoutLines.slice(0, 2)).toEqual([
      'Imported latency.json (json-samples) into api / latency: 4320 rows kept, 0 rejected',
      '  samples: 4320 samples, 2026-01-01 00:01 → 2026-01-04 00:00, every 60 s; latency values kept (written in µs), each tier judged at its own threshold',
    ]);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    expect(analysis.tiers.map((t) => [t.tier, t.met])).toEqual([
      ['sla', 0],
      ['slo', 2881],
    ]);
  }, 60_000);

  it('refuses --threshold for a latency SLI and a unit it does not know, naming the option', async () => {
    const single = await box.run('import', 'latency.csv', ...TARGET, '--map', 'time=time,value=latency_s', '--threshold', '0.2');
    expect(single).toMatchObject({ code: 1 });
    expect(single.stderr).toBe(
      'error: "latency" is a latency SLI: each tier is judged at its own threshold (SLA 150 ms, SLO 200 ms), so import the values with their unit (ms, s or µs) instead of one threshold [--value-unit]',
    );
    const unit = await box.run('import', 'latency.csv', ...TARGET, '--map', 'time=time,value=latency_s', '--value-unit', 'minutes');
    expect(unit.stderr).toBe('error: --value-unit is ms, s or us (µs), not "minutes" [--value-unit]');
    const both = await box.run('import', 'latency.csv', ...TARGET, '--map', 'time=time,value=latency_s', '--value-unit', 's', '--threshold', '0.2');
    expect(both.stderr).toBe(
      "error: Give --value-unit (latency values, judged at each tier's threshold) or --threshold (one threshold for every tier), not both [--threshold]",
    );
  }, 60_000);

  it('keeps --threshold for a value column of an availability SLI', async () => {
    await box.json('sli', 'add', ...W, '--service', 'api', 'availability');
    const r = await box.json<JsonImportReport>(
      'import',
      'latency.csv',
      ...W,
      '--service',
      'api',
      '--sli',
      'availability',
      '--map',
      'time=time,value=latency_s',
      '--threshold',
      '0.2',
    );
    expect(r.import).toMatchObject({ status: 'stored', accepted: 4320 });
  }, 60_000);

  it("warns in analyze when a latency SLI's history is good/total counts, which the tiers' thresholds cannot re-judge", async () => {
    writeFileSync(box.path('counts.csv'), 'time,good,total\n2026-01-01T00:01:00Z,9,10\n2026-01-01T00:02:00Z,10,10\n');
    await box.json('import', 'counts.csv', ...TARGET, '--map', 'time=time,good=good,total=total');
    const r = await box.run('analyze', ...TARGET, '--window', '1d');
    expect(r.stdoutLines[1]).toBe(
      '  warning: counts.csv holds good and total counts fixed when it was imported, not latency values: every tier is read from those counts, ' +
        'not at its own threshold (SLA 150 ms, SLO 200 ms). Import the latency values with their unit to judge each tier at its own threshold.',
    );
  }, 60_000);
});
