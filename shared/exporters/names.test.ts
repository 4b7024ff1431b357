import { describe, expect, it } from 'vitest';
import { burnRateFactor, SLOTH_28D } from '../budget/alerts';
import { formatGoDecimal, formatGoFloat, formatPromDuration, promLabelFilter, quoteGo, ruleGroupName, sliErrorMetric, sloId, sloIdLabels } from './names';

const DAY_MS = 86_400_000;

describe('generated names', () => {
  it('names the SLI recording of each window with the Prometheus duration: 5m, 1d, 30d, 4w for 28 days', () => {
    expect([5 * 60_000, DAY_MS, 30 * DAY_MS, 28 * DAY_MS].map(sliErrorMetric)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate30d',
      'slo:sli_error:ratio_rate4w',
    ]);
  });

  it("names an SLO's three rule groups and labels after its service and name", () => {
    expect(sloId('checkout', 'requests-availability')).toBe('checkout-requests-availability');
    expect(ruleGroupName('sli', 'checkout-latency')).toBe('sloth-slo-sli-recordings-checkout-latency');
    expect(ruleGroupName('meta', 'checkout-latency')).toBe('sloth-slo-meta-recordings-checkout-latency');
    expect(ruleGroupName('alerts', 'checkout-latency')).toBe('sloth-slo-alerts-checkout-latency');
    expect(sloIdLabels('checkout', 'latency')).toEqual({ sloth_id: 'checkout-latency', sloth_service: 'checkout', sloth_slo: 'latency' });
  });

  it('writes the id labels as a matcher with the names sorted, as Prometheus prints a label set', () => {
    expect(promLabelFilter(sloIdLabels('svc01', 'slo1'))).toBe('{sloth_id="svc01-slo1", sloth_service="svc01", sloth_slo="slo1"}');
    expect(quoteGo('a "b" \\ c\n\t')).toBe('"a \\"b\\" \\\\ c\\n\\t"');
  });
});

describe('Prometheus durations', () => {
  it('keeps 30d, writes 28d as 4w and 7d as 1w (weeks and years only when they divide exactly)', () => {
    expect([30, 28, 7, 14, 365, 90].map((d) => formatPromDuration(d * DAY_MS))).toEqual(['30d', '4w', '1w', '2w', '1y', '90d']);
  });

  it('joins the units of a duration that is not whole: 36h is 1d12h, 90m is 1h30m, 0 is 0s', () => {
    expect([36 * 3_600_000, 90 * 60_000, 0, 1500].map(formatPromDuration)).toEqual(['1d12h', '1h30m', '0s', '1s500ms']);
  });
});

describe('Go float printing', () => {
  it("prints the factors Sloth prints for its 28-day windows, from burnRateFactor in Sloth's arithmetic", () => {
    const set = SLOTH_28D;
    const factors = [set.page.quick, set.page.slow, set.ticket.quick, set.ticket.slow].map((w) => formatGoFloat(burnRateFactor(w, set.periodMinutes, 'sloth')));
    expect(factors).toEqual(['13.44', '5.6000000000000005', '2.8000000000000003', '0.9333333333333333']);
    // The exact arithmetic the workbench shows gives the published 5.6, which Sloth's rules do not print.
    expect(burnRateFactor(set.page.slow, set.periodMinutes)).toBe(5.6);
  });

  it('prints error budgets as (100 − objective) / 100 in float64: 0.0009999999999999432 for 99.9', () => {
    expect(formatGoFloat((100 - 99.9) / 100)).toBe('0.0009999999999999432');
    expect(formatGoFloat(99.9 / 100)).toBe('0.9990000000000001');
  });

  it('switches to an exponent of two digits or more below 1e-4 and from 1e6, as %g does', () => {
    expect(formatGoFloat((100 - 99.999) / 100)).toBe('1.0000000000047748e-05');
    expect([0.0001, 123456, 1e6, 1.5e7, 1e21, 2.5e-10].map(formatGoFloat)).toEqual(['0.0001', '123456', '1e+06', '1.5e+07', '1e+21', '2.5e-10']);
    expect([0, -14.4, Infinity, -Infinity, NaN].map(formatGoFloat)).toEqual(['0', '-14.4', '+Inf', '-Inf', 'NaN']);
  });

  it("prints the objective label with strconv's 'f' format: shortest digits and never an exponent", () => {
    expect([99.9, 95, 99.999, 1e-7, 1e21].map(formatGoDecimal)).toEqual(['99.9', '95', '99.999', '0.0000001', '1000000000000000000000']);
  });
});
