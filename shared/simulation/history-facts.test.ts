import { describe, expect, it } from 'vitest';
import type { History } from '../analysis/history';
import { estimateTraffic } from '../analysis/traffic';
import { historyFacts } from './history-facts';
import { hourOfWeek } from './traffic-profile';

const MONDAY = Date.UTC(2027, 2, 1);
const MIN = 60_000;

/**
 * 14 days of minutes from a Monday: 100 requests a minute, 300 between 18:00 and 21:00 UTC; 1 in 1,000 fail, except
 * two outages at half errors: 40 minutes on day 3 and 100 minutes on day 9.
 */
function twoWeeks(): History {
  const n = 14 * 1440;
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    t[k] = MONDAY + (k + 1) * MIN;
    const hour = Math.floor((k % 1440) / 60);
    total[k] = hour >= 18 && hour < 21 ? 300 : 100;
    const outage = (k >= 3 * 1440 + 600 && k < 3 * 1440 + 640) || (k >= 9 * 1440 + 120 && k < 9 * 1440 + 220);
    good[k] = total[k]! * (outage ? 0.5 : 0.9995);
  }
  return { t, good, total };
}

describe('what a history tells a scenario', () => {
  const h = twoWeeks();
  const facts = historyFacts(h, h, estimateTraffic(h, { format: 'access-log', fileName: 'web.log' }), 999_000, 30 * 1440, 'the import web.log');

  it('takes the median per-sample error rate as the baseline', () => {
    expect(facts.baselineErrorRate).toBeCloseTo(0.0005, 12);
    expect(facts.baselineExplanation).toContain('20,160 samples with traffic in the import web.log');
  });

  it('takes requests per day from the traffic estimate', () => {
    // 21 hours at 100 a minute and 3 at 300: 126,000 + 54,000 a day.
    expect(facts.requestsPerDay).toBeCloseTo(180_000, 6);
  });

  it('shapes the week by the mean traffic of each hour, three times as much in the evening', () => {
    const w = facts.weights168!;
    expect(w.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 12);
    expect(w[hourOfWeek(MONDAY + 19 * 3_600_000)]! / w[hourOfWeek(MONDAY + 9 * 3_600_000)]!).toBeCloseTo(3, 9);
  });

  it('takes incident durations from the budget-eating events', () => {
    expect([...facts.incidentMinutes].sort((a, b) => a - b)).toEqual([40, 100]);
  });

  it('offers no weekly shape from under a week of history, nor traffic from a source that does not count requests', () => {
    const day: History = { t: h.t.subarray(0, 1440), good: h.good.subarray(0, 1440), total: h.total.subarray(0, 1440) };
    const short = historyFacts(day, day, estimateTraffic(day, { format: 'access-log', fileName: 'web.log' }), 999_000, 43_200, 'x');
    expect(short.weights168).toBeNull();
    expect(short.shapeExplanation).toContain('less than a week');
    const uptime = historyFacts(h, h, estimateTraffic(h, { format: 'upptime', fileName: 'site.yml' }), 999_000, 43_200, 'x');
    expect(uptime.requestsPerDay).toBeNull();
    expect(uptime.weights168).toBeNull();
  });
});
