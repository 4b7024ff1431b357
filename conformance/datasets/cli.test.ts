import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../../electron/hosts/test/cli-sandbox';
import type { JsonAnalyzeReport, JsonImportReport } from '../../electron/hosts/cli/json-output';
import { corpusPath, describeCorpus } from '../corpus';

// The CLI (and through it the core and its import worker) on the real datasets, as a user would run it.
const dataset = (path: string): string => corpusPath('datasets', path);
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;

describeCorpus('datasets', 'slo-workbench import and analyze on the real datasets', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSliSandbox();
    await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.95', '--window', '1d');
  }, 30_000);
  afterEach(() => box.cleanup());

  it('imports the semicomplete Apache log and proposes its traffic: 10,000 requests over 3.46 days', async () => {
    const first = await box.json<JsonImportReport>('import', dataset('semicomplete-apache-access-2015/apache_logs.log'), ...TARGET);
    expect(first.import).toMatchObject({ status: 'stored', format: 'access-log', accepted: 10_000, rejected: 0 });
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '1d');
    // 10,000 requests, 3 of them 5xx.
    expect(analysis.overall).toBeCloseTo(9997 / 10_000, 12);
    const text = await box.run('analyze', ...TARGET, '--window', '1d');
    // The log runs from 2015-05-17 10:05 to 2015-05-20 21:05, in 1-minute buckets: 3.46 days.
    expect(text.stdoutLines.at(-1)).toBe(
      '  traffic: ≈ 2,891 requests per day, from the access log import apache_logs.log: 10,000 requests over 3.46 days (2015-05-17 to 2015-05-20 UTC).',
    );
  }, 60_000);

  it("imports NAB's CloudWatch files with --map and --threshold, counting the 11 rows merged where the ec2 file repeats a time", async () => {
    const map = ['--map', 'time=timestamp,value=value', '--timezone', 'UTC'];
    const elb = await box.run('import', dataset('nab-aws-cloudwatch-2014/elb_request_count_8c0756.csv'), ...TARGET, ...map, '--threshold', '200');
    expect(elb.stdoutLines.slice(0, 2)).toEqual([
      'Imported elb_request_count_8c0756.csv (csv) into web / availability: 4032 rows kept, 0 rejected',
      '  value: 4032 samples, 2014-04-10 00:04 → 2014-04-24 00:39, every 300 s',
    ]);
    const ec2 = await box.run('import', dataset('nab-aws-cloudwatch-2014/ec2_request_latency_system_failure.csv'), ...TARGET, ...map, '--threshold', '60');
    expect(ec2.stdoutLines[0]).toBe(
      'Imported ec2_request_latency_system_failure.csv (csv) into web / availability: 4021 rows kept, 0 rejected, 11 merged (a repeated time keeps its last row)',
    );
  }, 60_000);

  it('imports the NGINX Plus snapshots detected automatically: 500 snapshots, 499 intervals per zone', async () => {
    const r = await box.json<JsonImportReport>('import', dataset('nginx-plus-status-2015/nginxplus_status.jsonl'), ...TARGET);
    expect(r.import).toMatchObject({ status: 'stored', format: 'nginx-status', accepted: 500, rejected: 0 });
    expect(r.import.series.map((s) => [s.name, s.points, s.stepMs])).toEqual(
      ['all zones', 'hg.nginx.org', 'trac.nginx.org', 'lxr.nginx.org'].map((name) => [name, 499, 5104]),
    );
  }, 60_000);

  it('offers no traffic from the Upptime history, whose minutes are not requests', async () => {
    await box.json('import', dataset('upptime-unibe-digitaleditions/events.csv'), ...TARGET);
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '30d');
    expect(analysis.traffic).toMatchObject({ proposed: false, source: 'the Upptime import events.csv' });
  }, 120_000);
});
