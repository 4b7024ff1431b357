import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, prometheusMissing, requestCounters, startPrometheus, type TestPrometheus } from '../../core/test/prometheus';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonAnalyzeReport, JsonImportReport, JsonShow } from './json-output';

const missing = prometheusMissing();
const GOOD = 'sum(increase(http_requests_total{code!~"5.."}[1m]))';
const TOTAL = 'sum(increase(http_requests_total[1m]))';
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;
// The first day of the backfilled history (2024-03-01, UTC) at a one-minute step.
const DAY = ['--start', '2024-03-01T00:00:00Z', '--end', '2024-03-02T00:00:00+00:00', '--step', '1m'] as const;
let box: Sandbox;
let prometheus: TestPrometheus;

beforeEach(async () => {
  box = await makeSliSandbox();
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench import --prometheus, refusing a command line before asking anything', () => {
  const live = ['--prometheus', 'http://127.0.0.1:9090'];
  it.each([
    [
      'a file and a server',
      ['history.json', ...live, '--good', GOOD, '--total', TOTAL, ...DAY],
      'error: Give a file or --prometheus, not both ("history.json" was given too) [--prometheus]',
    ],
    [
      'good without total',
      [...live, '--good', GOOD, ...DAY],
      'error: --prometheus needs --good and --total queries (good and total events), or one --error-ratio query [--total]',
    ],
    [
      'both kinds of query',
      [...live, '--good', GOOD, '--total', TOTAL, '--error-ratio', 'x', ...DAY],
      'error: Give --good and --total, or --error-ratio, not both [--error-ratio]',
    ],
    [
      'a step without a unit it knows',
      [...live, '--error-ratio', 'x', ...DAY, '--step', '1y'],
      'error: --step is a duration such as 15s, 1m, 5m or 1h, not "1y" [--step]',
    ],
    [
      'a time without an offset',
      [...live, '--error-ratio', 'x', '--start', '2024-03-01T00:00:00', '--end', '1709337600'],
      'error: --start is an ISO 8601 time with Z or an offset (2024-03-01T00:00:00Z) or Unix seconds, not "2024-03-01T00:00:00" [--start]',
    ],
    ['neither a file nor a server', [], 'error: Name the file to import, or read from a live server with --prometheus URL [<file>]'],
    [
      'no query, on an SLI with none of its own',
      [...live, ...DAY],
      'error: --prometheus needs --good and --total queries (good and total events), or one --error-ratio query; SLI "availability" has no queries of its own to use (set them with sli update --good-query/--bad-query/--total-query) [--good]',
    ],
  ])('refuses %s', async (_name, argv, message) => {
    const r = await box.run('import', ...argv, ...TARGET);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(message);
  });

  it('refuses an end before the start, naming --end', async () => {
    const r = await box.run('import', ...live, '--error-ratio', 'x', '--start', '1709337600', '--end', '1709251200.5', ...TARGET);
    expect(r.stderr).toBe('error: The end (2024-03-01 00:00 UTC) must be after the start (2024-03-02 00:00 UTC) [--end]');
  });

  it('says it could not connect when nothing listens, as a JSON error naming --prometheus', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await box.run('import', '--prometheus', url, '--error-ratio', 'x', ...DAY, ...TARGET, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({
      ok: false,
      error: {
        code: 'IO_ERROR',
        message: `Could not connect to Prometheus at ${url} (connection refused); nothing was stored`,
        details: { field: 'url', code: 'UNREACHABLE', option: '--prometheus' },
      },
    });
  });
});

describe.skipIf(missing !== null)(`slo-workbench import --prometheus against a live Prometheus${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    prometheus = await startPrometheus(requestCounters());
  }, 90_000);
  afterAll(async () => prometheus?.stop());

  it('imports a day of good and total events and says what it stored', async () => {
    const r = await box.run('import', '--prometheus', prometheus.url, '--good', GOOD, '--total', TOTAL, ...DAY, ...TARGET);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdoutLines).toEqual([
      `Imported prometheus: ${new URL(prometheus.url).host} ${GOOD} (prometheus-api) into web / availability: 1440 rows kept, 0 rejected`,
      '  good/total: 1440 samples, 2024-03-01 00:01 → 2024-03-02 00:00, every 60 s',
    ]);
  }, 60_000);

  it("imports with the SLI's own rate queries, the window filled by the step, the same history as the increase queries give", async () => {
    const own = ['--bad-query', 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))', '--total-query', 'sum(rate(http_requests_total[{{.window}}]))'];
    const web = ['--workspace', 'w.slowb', '--service', 'web'];
    await box.json('sli', 'add', ...web, ...own, 'from queries');
    await box.json('objective', 'set', ...web, '--sli', 'from queries', '--tier', 'slo', '--target', '99.9', '--window', '30d');
    const fromSli = await box.json<JsonImportReport>('import', '--prometheus', prometheus.url, ...DAY, ...web, '--sli', 'from queries');
    expect(fromSli.import).toMatchObject({ status: 'stored', accepted: 1440, rejected: 0 });
    expect(fromSli.import.fileName).toContain('((sum(rate(http_requests_total[60s]))) * 60) - ((sum(rate(http_requests_total{code=~"5.."}[60s]))) * 60)');
    await box.json('import', '--prometheus', prometheus.url, '--good', GOOD, '--total', TOTAL, ...DAY, ...TARGET);
    const analysed = async (sli: string) => (await box.json<JsonAnalyzeReport>('analyze', ...web, '--sli', sli, '--window', '1d')).analysis;
    const [viaSli, typed] = [await analysed('from queries'), await analysed('availability')];
    expect(viaSli.overall).toBeCloseTo(typed.overall, 9);
    expect(viaSli.windows).toBe(typed.windows);
  }, 60_000);

  it('prints the import as JSON and recognises the same import the second time', async () => {
    const first = await box.json<JsonImportReport>('import', '--prometheus', prometheus.url, '--good', GOOD, '--total', TOTAL, ...DAY, ...TARGET);
    expect(first).toEqual({
      format: 'slo-workbench/v1',
      ok: true,
      command: 'import',
      service: 'web',
      sli: 'availability',
      import: {
        status: 'stored',
        importId: 1,
        fileName: `prometheus: ${new URL(prometheus.url).host} ${GOOD}`,
        format: 'prometheus-api',
        accepted: 1440,
        rejected: 0,
        merged: 0,
        issues: [],
        series: [{ name: 'good/total', points: 1440, stepMs: 60_000, startMs: Date.UTC(2024, 2, 1, 0, 1), endMs: Date.UTC(2024, 2, 2) }],
      },
    });
    const again = await box.json<JsonImportReport>('import', '--prometheus', prometheus.url, '--good', GOOD, '--total', TOTAL, ...DAY, ...TARGET);
    expect(again.import).toMatchObject({ status: 'duplicate', importId: 1, accepted: 1440 });
  }, 60_000);

  it('imports an error ratio given with Unix seconds and a 5-minute step', async () => {
    const ratio = `sum(increase(http_requests_total{code=~"5.."}[5m])) / sum(increase(http_requests_total[5m]))`;
    const report = await box.json<JsonImportReport>(
      'import',
      '--prometheus',
      `${prometheus.url}/`,
      '--error-ratio',
      ratio,
      '--start',
      '1709251500',
      '--end',
      '1709337600',
      '--step',
      '5m',
      ...TARGET,
    );
    expect(report.import).toMatchObject({ status: 'stored', format: 'prometheus-api', accepted: 288, rejected: 0 });
    expect(report.import.series[0]).toMatchObject({ name: 'error ratio', stepMs: 300_000, startMs: 1_709_251_500_000, endMs: 1_709_337_600_000 });
  }, 60_000);

  it('names the option of the query Prometheus refused and stores nothing', async () => {
    const before = await box.json<JsonShow>('show', '--workspace', 'w.slowb');
    const r = await box.run('import', '--prometheus', prometheus.url, '--good', GOOD, '--total', 'sum(rate(http_requests_total[5m]', ...DAY, ...TARGET);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Prometheus refused the total query sum\(rate\(http_requests_total\[5m\] \(2024-03-01 00:00 UTC → 2024-03-02 00:00 UTC\): bad_data: .*unclosed left parenthesis \[--total\]$/,
    );
    expect(await box.json<JsonShow>('show', '--workspace', 'w.slowb')).toEqual(before);
  }, 60_000);
});
