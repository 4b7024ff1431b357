import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { applyExclusions, expandExclusions } from '#shared/analysis/exclusions';
import type { History } from '#shared/analysis/history';
import { medianStep } from '#shared/domain/step';
import { estimateTraffic } from '#shared/analysis/traffic';
import { budgetPerWindow } from '#shared/analysis/windows';
import type { Objective } from '#shared/domain/types';
import { parseFile } from '#shared/importers/dispatch';
import { corpusPath, describeCorpus, once } from '../corpus';

const read = (path: string): Buffer => readFileSync(corpusPath('datasets', path));
const MIN = 60_000;

/** A naive NAB timestamp ("2014-03-07 03:41:00", read as UTC) in ms. */
const nabTime = (text: string): number => Date.parse(`${text.slice(0, 19).replace(' ', 'T')}Z`);

describeCorpus('datasets', "the analysis on NAB's EC2 series that ends in a known system failure", () => {
  const file = 'nab-aws-cloudwatch-2014/ec2_request_latency_system_failure.csv';
  const load = once(() => {
    const parsed = parseFile(new Uint8Array(read(file)), {
      format: 'csv',
      csv: { mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 60, direction: 'below' }, timeFormat: 'iso', timeZone: 'UTC' },
    });
    const h: History = parsed.series[0]!;
    // Read again without the importer: the last row of each timestamp wins, as the importer documents.
    const rows = new Map<number, number>();
    for (const line of read(file).toString('utf8').split('\n').slice(1)) if (line) rows.set(nabTime(line), Number(line.split(',')[1]));
    const labelled: [number, number][] = (
      JSON.parse(read('nab-aws-cloudwatch-2014/labels/combined_windows.json').toString('utf8')) as Record<string, [string, string][]>
    )['realKnownCause/ec2_request_latency_system_failure.csv']!.map(([a, b]) => [nabTime(a), nabTime(b)]);
    return { h, rows, labelled };
  });
  const weeks: Objective = {
    tier: 'slo',
    targetPpm: 990_000,
    window: { kind: 'calendar', unit: 'week', timeZone: 'UTC' },
    method: 'timeslices',
    timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 },
    latencyThresholdMs: null,
  };

  it('has no traffic to estimate: every sample is one check', () => {
    const { h, rows } = load();
    expect(h.t.length).toBe(rows.size);
    expect(estimateTraffic(h, { format: 'csv', fileName: 'ec2_request_latency_system_failure.csv' })).toMatchObject({ proposed: false });
  });

  it('gives each UTC week the share of its 5-minute readings at or under 60 as its time-slice SLI', () => {
    const { h, rows } = load();
    const windows = budgetPerWindow(h, weeks);
    expect(windows.map((w) => w.label)).toEqual(['2014-W10', '2014-W11', '2014-W12']);
    for (const w of windows) {
      const inside = [...rows].filter(([t]) => t > w.startMs && t <= w.endMs);
      const good = inside.filter(([, v]) => v <= 60).length;
      expect([w.total, w.good]).toEqual([inside.length, good]);
      expect(w.sli).toBeCloseTo(good / inside.length, 12);
    }
  });

  it("finds its budget-eating events only inside NAB's labelled anomaly windows, and all the readings above 60", () => {
    const { h, rows, labelled } = load();
    const events = budgetPerWindow(h, weeks).flatMap((w) => w.topEvents);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(labelled.some(([a, b]) => e.startMs < b && e.endMs > a)).toBe(true);
    expect(events.reduce((s, e) => s + e.badEvents, 0)).toBe([...rows.values()].filter((v) => v > 60).length);
  });

  it('drops the readings a daily 00:00–01:00 UTC maintenance window covers by at least half their 5 minutes', () => {
    const { h, rows } = load();
    const list = [
      {
        id: 1,
        serviceId: 1,
        sliId: null,
        category: 'maintenance' as const,
        reason: 'nightly backup',
        startMs: Date.UTC(2014, 2, 7),
        durationMinutes: 60,
        rrule: 'FREQ=DAILY',
        timeZone: 'UTC',
      },
    ];
    const stepMs = medianStep(h.t)!;
    const spans = expandExclusions(list, h.t[0]! - stepMs, h.t.at(-1)! + 1);
    expect(spans).toHaveLength(14);
    const covered = [...rows].filter(([t]) => {
      const midnight = Math.floor(t / 86_400_000) * 86_400_000;
      const overlapMs = Math.max(0, Math.min(t, midnight + 60 * MIN) - Math.max(t - 5 * MIN, midnight));
      return overlapMs >= 2.5 * MIN;
    });
    const out = applyExclusions(h, spans);
    expect(out.droppedSamples).toBe(covered.length);
    expect(out.droppedGood).toBe(covered.filter(([, v]) => v <= 60).length);
    expect(out.history.t.length).toBe(rows.size - covered.length);
  });
});

describeCorpus('datasets', 'the analysis on a real Apache access log', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const load = once(() => {
    const bytes = new Uint8Array(read('semicomplete-apache-access-2015/apache_logs.log'));
    const h: History = parseFile(bytes, { format: 'auto' }).series[0]!;
    // Counted from the raw lines: every request, and those answered 5xx with their times.
    const lines = new TextDecoder()
      .decode(bytes)
      .split('\n')
      .filter((l) => l !== '');
    const times = lines.map((l) => {
      const [, d, mon, y, hh, mm, ss] = /\[(\d\d)\/(\w{3})\/(\d{4}):(\d\d):(\d\d):(\d\d) \+0000\]/.exec(l)!;
      return Date.UTC(Number(y), MONTHS.indexOf(mon!), Number(d), Number(hh), Number(mm), Number(ss));
    });
    const failed = lines.flatMap((l, i) => (/" 5\d\d /.test(l) ? [times[i]!] : []));
    return { h, lines, times, failed };
  });

  it('keeps every request and every 5xx across its daily windows', () => {
    const { h, lines, failed } = load();
    const windows = budgetPerWindow(h, {
      tier: 'slo',
      targetPpm: 999_000,
      window: { kind: 'rolling', days: 1 },
      method: 'occurrences',
      timeslice: null,
      latencyThresholdMs: null,
    });
    expect(windows.reduce((s, w) => s + w.total, 0)).toBe(lines.length);
    expect(windows.reduce((s, w) => s + w.total - w.good, 0)).toBe(failed.length);
    // Each failed request lies in a top event, give or take the one sample step by which buckets are stamped.
    const stepMs = medianStep(h.t)!;
    const events = windows.flatMap((w) => w.topEvents);
    for (const t of failed) expect(events.some((e) => t >= e.startMs - stepMs && t < e.endMs + stepMs)).toBe(true);
  });

  it('estimates its traffic as the requests over the days the log spans', () => {
    const { h, lines, times } = load();
    const estimate = estimateTraffic(h, { format: 'access-log', fileName: 'apache_logs.log' });
    if (!estimate.proposed) throw new Error(estimate.explanation);
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(estimate.totalEvents).toBe(lines.length);
    expect(Math.abs(estimate.days - spanDays)).toBeLessThanOrEqual(medianStep(h.t)! / 86_400_000);
    expect(estimate.requestsPerDay).toBeCloseTo(lines.length / estimate.days, 9);
  });
});

describeCorpus('datasets', 'the traffic of a real Upptime history', () => {
  it('is none: every monitor counts about 1,440 minutes a day, which are not requests', () => {
    const parsed = parseFile(new Uint8Array(read('upptime-unibe-digitaleditions/events.csv')), { format: 'auto' });
    expect(parsed.format).toBe('upptime');
    const monitor = parsed.series.reduce((a, b) => (b.t.length > a.t.length ? b : a));
    let minutes = 0;
    for (const total of monitor.total) minutes += total;
    // The totals are minutes: about a day's worth per day the monitor ran, which a traffic figure would read as 1,440 requests.
    expect(minutes / ((monitor.t.at(-1)! - monitor.t[0]!) / 86_400_000)).toBeCloseTo(1440, -1);
    expect(estimateTraffic(monitor, { format: 'upptime', fileName: 'events.csv' })).toEqual({
      proposed: false,
      source: 'the Upptime import events.csv',
      explanation:
        'No traffic from the Upptime import events.csv: an Upptime history counts the minutes a site was up or down, not requests. ' +
        "Type the service's requests per day for bad-event budgets.",
    });
  });
});
