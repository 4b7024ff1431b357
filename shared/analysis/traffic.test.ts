import { describe, expect, it } from 'vitest';
import type { History } from './history';
import { estimateTraffic } from './traffic';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Samples every stepMs over [fromMs + step, toMs] with the given total each. */
function series(fromMs: number, toMs: number, stepMs: number, total: (t: number) => number): History {
  const t: number[] = [];
  for (let x = fromMs + stepMs; x <= toMs; x += stepMs) t.push(x);
  return { t: Float64Array.from(t), total: Float64Array.from(t, total), good: Float64Array.from(t, total) };
}

describe('estimateTraffic', () => {
  it('proposes the requests per day an access log counts, naming the import', () => {
    const h = series(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 15), HOUR, () => 250);
    expect(estimateTraffic(h, { format: 'access-log', fileName: 'web.log' })).toEqual({
      proposed: true,
      requestsPerDay: 6000,
      days: 14,
      totalEvents: 84_000,
      source: 'the access log import web.log',
      explanation: '≈ 6,000 requests per day, from the access log import web.log: 84,000 requests over 14 days (2026-01-01 to 2026-01-15 UTC).',
    });
  });

  it('offers no traffic from an Upptime history, whose totals are minutes, and says why', () => {
    // An uptime monitor's day: 1,440 minutes, which are no requests.
    const h = series(Date.UTC(2026, 1, 3), Date.UTC(2026, 1, 10), HOUR, () => 60);
    expect(estimateTraffic(h, { format: 'upptime', fileName: 'events.csv' })).toEqual({
      proposed: false,
      source: 'the Upptime import events.csv',
      explanation:
        'No traffic from the Upptime import events.csv: an Upptime history counts the minutes a site was up or down, not requests. ' +
        "Type the service's requests per day for bad-event budgets.",
    });
  });

  it('offers no traffic from one reading per sample (values against a threshold, ratios without a total), and does from counts', () => {
    const readings = series(0, 10 * DAY, 5 * MIN, () => 1);
    expect(estimateTraffic(readings, { format: 'csv', fileName: 'latency.csv' })).toMatchObject({
      proposed: false,
      explanation: expect.stringMatching(
        /^No traffic from the CSV import latency\.csv: each of its samples is one reading \(a value against a threshold, or a ratio without a total\), not a count of requests\./,
      ),
    });
    expect(
      estimateTraffic(
        series(0, 2 * DAY, HOUR, () => 100),
        { format: 'csv', fileName: 'counts.csv' },
      ),
    ).toMatchObject({ proposed: true, requestsPerDay: 2400 });
    expect(
      estimateTraffic(
        series(0, DAY, MIN, () => 3),
        { format: 'prometheus-api', fileName: 'prometheus: demo sum(increase(x[1m]))' },
      ),
    ).toMatchObject({ proposed: true, requestsPerDay: 4320, source: 'the Prometheus import prometheus: demo sum(increase(x[1m]))' });
    expect(
      estimateTraffic(
        series(0, DAY, MIN, () => 2),
        { format: 'nginx-status', fileName: 'status.jsonl' },
      ),
    ).toMatchObject({ proposed: true, requestsPerDay: 2880 });
  });

  it('names the dates of the first and last sample, so minutes stamped from midnight read from that day', () => {
    const h = series(Date.UTC(2026, 0, 1) - MIN, Date.UTC(2026, 0, 15) - MIN, MIN, () => 100);
    expect(estimateTraffic(h, { format: 'csv', fileName: 'history.csv' })).toMatchObject({
      proposed: true,
      requestsPerDay: 144_000,
      explanation: '≈ 144,000 requests per day, from the CSV import history.csv: 2,016,000 requests over 14 days (2026-01-01 to 2026-01-14 UTC).',
    });
  });

  it('offers nothing for an empty history or a single instant, saying so', () => {
    const empty = estimateTraffic(
      { t: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) },
      { format: 'access-log', fileName: 'x.log' },
    );
    expect(empty).toEqual({
      proposed: false,
      source: 'the access log import x.log',
      explanation: 'No traffic from the access log import x.log: it holds no requests over any time.',
    });
    expect(
      estimateTraffic({ t: Float64Array.of(DAY), good: Float64Array.of(9), total: Float64Array.of(10) }, { format: 'access-log', fileName: 'x.log' }).proposed,
    ).toBe(false);
  });
});
