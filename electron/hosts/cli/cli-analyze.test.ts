import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonAnalyzeReport, JsonBacktestReport, JsonSliChanged } from './json-output';

const ACCESS_LOG = fileURLToPath(new URL('../../../fixtures/histories/access.log', import.meta.url));
const UPPTIME = fileURLToPath(new URL('../../../fixtures/histories/upptime-events.csv', import.meta.url));
const W = ['--workspace', 'w.slowb'] as const;
const TARGET = [...W, '--service', 'web', '--sli', 'availability'] as const;
let box: Sandbox;

beforeEach(async () => {
  box = await makeSliSandbox();
  await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.95', '--window', '1d');
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench analyze', () => {
  it('says plainly when no history has been imported', async () => {
    const r = await box.run('analyze', ...TARGET);
    expect(r).toMatchObject({ code: 1, stderr: 'error: No history has been imported for "availability" yet; import a file first' });
  });

  it('reads the imported access log against the SLO and recommends a target the history supports', async () => {
    await box.json('import', ACCESS_LOG, ...TARGET);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    // 1,191 requests, 4 of them 5xx, over about three and a half days.
    expect(analysis.overall).toBeCloseTo(1187 / 1191, 12);
    expect(analysis.windows).toBeGreaterThan(0);
    const [slo] = analysis.tiers;
    expect(slo).toMatchObject({ tier: 'slo', targetPpm: 999_500, windows: analysis.windows });
    expect(slo!.met).toBeLessThan(slo!.windows);
    expect(analysis.recommendation!.explanation).toMatch(/^99\.\d+ % was met in 95 % of the \d+ past 1-day windows/);
    // Taking the recommendation as the SLO, the same history meets it in at least 95 % of the windows.
    const recommended = (analysis.recommendation!.targetPpm / 10_000).toString();
    await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', recommended, '--window', '1d');
    const again = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    expect(again.analysis.tiers[0]!.share).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});

/** Minutes stamped from 2026-01-01 00:00 to 2026-01-14 23:59 UTC, as an export that stamps each minute at its start writes them. */
function writeMidnightHistory(): string {
  const lines = ['time,good,total'];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 0, 15); t += 60_000) lines.push(`${new Date(t).toISOString()},100,100`);
  const path = join(box.dir, 'midnight.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('slo-workbench analyze budget windows', () => {
  it('names the windows of a history stamped from midnight by the dates of its samples', async () => {
    await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.9', '--window', '7d');
    await box.json('import', writeMidnightHistory(), ...TARGET, '--map', 'time=time,good=good,total=total');
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '7d');
    expect(analysis.windowsByTier.slo!.map((w) => [w.label, w.complete])).toEqual([
      ['2026-01-01 – 2026-01-07', true],
      ['2026-01-08 – 2026-01-14', true],
    ]);
    const text = await box.run('analyze', ...TARGET, '--window', '7d');
    expect(text.stdoutLines.filter((l) => l.startsWith('      20'))).toEqual([
      '      2026-01-01 – 2026-01-07: 100.0000 %, met, 0.0 % of budget spent',
      '      2026-01-08 – 2026-01-14: 100.0000 %, met, 0.0 % of budget spent',
    ]);
  }, 60_000);
});

/** Two days of 5-minute samples of 100 requests from 2026-01-01 00:05: day 1's first ten at 2 errors, day 2's 12:00 at 50. */
function writeSliceHistory(): string {
  const lines = ['time,good,total'];
  for (let k = 1; k <= 576; k++) lines.push(`${new Date(Date.UTC(2026, 0, 1) + k * 300_000).toISOString()},${k <= 10 ? 98 : k === 432 ? 50 : 100},100`);
  const path = join(box.dir, 'slices.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('slo-workbench objective set with time slices', () => {
  it("stores the slice length and the slice's good share, and shows them with the method", async () => {
    const set = await box.json<JsonSliChanged>(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'timeslices',
      '--slice',
      '5m',
      '--slice-target',
      '99',
    );
    expect(set.sli.tiers[0]).toMatchObject({ method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 } });
    const text = await box.run(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'ratio-timeslices',
      '--slice',
      '1h',
    );
    expect(text.stdoutLines[1]).toBe('web / availability  SLO  99 %  rolling 1 day  ratio-timeslices (60-min slices)  budget 14.4 min');
  }, 60_000);

  it('refuses a slice under Occurrences and a slice that is not whole minutes, naming the option', async () => {
    const occurrences = await box.run('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99', '--window', '1d', '--slice', '5m');
    expect(occurrences).toMatchObject({
      code: 1,
      stderr: 'error: --slice and --slice-target apply to the timeslices and ratio-timeslices methods only [--method]',
    });
    const seconds = await box.run(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'timeslices',
      '--slice',
      '30s',
    );
    expect(seconds).toMatchObject({ code: 1, stderr: 'error: Slice length must be a whole number of minutes from 1 to 1440, not "30s" [--slice]' });
    const target = await box.run(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'timeslices',
      '--slice-target',
      '100',
    );
    expect(target).toMatchObject({ code: 1, stderr: 'error: Slice target must be below 100 % (100 % leaves no error budget) [--slice-target]' });
  }, 60_000);

  it('analyses a Timeslices tier in its slices: rolling windows, the budget table and its events alike', async () => {
    await box.json(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'timeslices',
      '--slice',
      '5m',
      '--slice-target',
      '99',
    );
    await box.json('import', writeSliceHistory(), ...TARGET, '--map', 'time=time,good=good,total=total');
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    expect(analysis).toMatchObject({ method: 'timeslices', windows: 289, recommendation: { targetPpm: 996_500 } });
    expect(analysis.tiers[0]).toMatchObject({ tier: 'slo', method: 'timeslices', windows: 289, met: 281 });
    const text = await box.run('analyze', ...TARGET, '--window', '1d');
    expect(text.stdoutLines.slice(1, 6)).toEqual([
      '  all data: 289 complete 1-day windows, counted in 5-minute slices good at 99 %; overall 98.0903 %, worst window 96.5278 %, best 100.0000 %',
      '    SLO 99 %: met in 281 of 289 windows (97.2 %)',
      '    SLO budget windows:',
      '      2026-01-01 – 2026-01-01: 96.5278 %, MISSED, 500.0 % of budget spent; largest event 2026-01-01 00:00 (500.0 %)',
      '      2026-01-02 – 2026-01-02: 99.6528 %, met, 50.0 % of budget spent; largest event 2026-01-02 11:55 (50.0 %)',
    ]);
  }, 60_000);
});

describe('slo-workbench backtest of a Timeslices tier', () => {
  it('counts its budget-eating events in its slices, as the budget table does, and says so', async () => {
    await box.json(
      'objective',
      'set',
      ...TARGET,
      '--tier',
      'slo',
      '--target',
      '99',
      '--window',
      '1d',
      '--method',
      'timeslices',
      '--slice',
      '5m',
      '--slice-target',
      '99',
    );
    await box.json('import', writeSliceHistory(), ...TARGET, '--map', 'time=time,good=good,total=total');
    const { backtest } = await box.json<JsonBacktestReport>('backtest', ...TARGET);
    // A day's slice budget is ⌊1 % × 288⌋ = 2 bad slices: the ten slices at 98 % spend 500 %, the one at 50 % 50 %
    // (by requests they would be 20 and 50 of 288 bad requests: 6.9 % and 17.4 %).
    expect(backtest.tiers[0]).toMatchObject({ tier: 'slo', method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 } });
    expect(backtest.tiers[0]!.events.map(({ startMs, endMs, badEvents, budgetShare }) => ({ startMs, endMs, badEvents, budgetShare }))).toEqual([
      { startMs: Date.UTC(2026, 0, 1, 0, 0), endMs: Date.UTC(2026, 0, 1, 0, 50), badEvents: 10, budgetShare: 5 },
      { startMs: Date.UTC(2026, 0, 2, 11, 55), endMs: Date.UTC(2026, 0, 2, 12, 0), badEvents: 1, budgetShare: 0.5 },
    ]);
    const text = await box.run('backtest', ...TARGET);
    expect(text.stdoutLines[3]).toBe('  events counted in 5-minute slices good at 99 %, as the SLO counts');
    expect(text.stdoutLines.filter((l) => l.startsWith('  event '))).toEqual([
      expect.stringMatching(/^ {2}event 2026-01-01 00:00 → 2026-01-01 00:50: 500\.0 % of a period's budget, /),
      expect.stringMatching(/^ {2}event 2026-01-02 11:55 → 2026-01-02 12:00: 50\.0 % of a period's budget, /),
    ]);
  }, 60_000);
});

describe('slo-workbench analyze traffic', () => {
  it('proposes the traffic of an access log, naming the import it comes from', async () => {
    await box.json('import', ACCESS_LOG, ...TARGET);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    expect(analysis.traffic).toMatchObject({ proposed: true, totalEvents: 1191, source: 'the access log import access.log' });
    const text = await box.run('analyze', ...TARGET, '--window', '1d');
    // The log runs from 2026-03-02 06:00 to 2026-03-05 17:46, in 1-minute buckets: 3 d 11 h 46 min = 3.49 days, 1,191 / 3.49 ≈ 341.
    expect(text.stdoutLines.at(-1)).toBe(
      '  traffic: ≈ 341 requests per day, from the access log import access.log: 1,191 requests over 3.49 days (2026-03-02 to 2026-03-05 UTC).',
    );
  }, 60_000);

  it('offers no traffic from an Upptime history, whose minutes are not requests, and says why', async () => {
    await box.json('import', UPPTIME, ...TARGET);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '30d');
    expect(analysis.traffic).toEqual({
      proposed: false,
      source: 'the Upptime import upptime-events.csv',
      explanation:
        'No traffic from the Upptime import upptime-events.csv: an Upptime history counts the minutes a site was up or down, not requests. ' +
        "Type the service's requests per day for bad-event budgets.",
    });
    const text = await box.run('analyze', ...TARGET, '--window', '30d');
    expect(text.stdoutLines.at(-1)).toBe(`  traffic: ${analysis.traffic.explanation}`);
  }, 60_000);
});
