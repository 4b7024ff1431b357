import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOTH_30D, type AlertWindowSet } from '../budget/alerts';
import { parseSlothSpecs, type SlothSpec } from '../specs/sloth';
import { prometheusRules, prometheusRulesFile, rulesHeader, windowSetFor, type PrometheusRulesOptions } from './prometheus-rules';

const FIXTURE = readFileSync(new URL('../../fixtures/specs/sloth/checkout.yaml', import.meta.url), 'utf8');
const DAY = 1440;

function fixtureSpecs(): SlothSpec[] {
  const result = parseSlothSpecs(FIXTURE);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function rules(spec: SlothSpec, options: Partial<PrometheusRulesOptions> = {}): string {
  const result = prometheusRules(spec, { generatorVersion: 'test', ...options });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const lines = (text: string, pattern: RegExp) => text.split('\n').filter((l) => pattern.test(l));

describe('Prometheus rules from a Sloth spec', () => {
  it('writes the same bytes for the same spec and options', () => {
    const [checkout] = fixtureSpecs();
    expect(rules(checkout!)).toBe(rules(fixtureSpecs()[0]!));
    expect(prometheusRulesFile(fixtureSpecs(), { generatorVersion: 'test' })).toEqual(prometheusRulesFile(fixtureSpecs(), { generatorVersion: 'test' }));
  });

  it('writes three groups per SLO, named after the service and the SLO, below the header', () => {
    const text = rules(fixtureSpecs()[0]!);
    expect(text.startsWith(rulesHeader('test'))).toBe(true);
    expect(lines(text, /^- name:/)).toEqual([
      '- name: sloth-slo-sli-recordings-checkout-requests-availability',
      '- name: sloth-slo-meta-recordings-checkout-requests-availability',
      '- name: sloth-slo-alerts-checkout-requests-availability',
      '- name: sloth-slo-sli-recordings-checkout-requests-latency',
      '- name: sloth-slo-meta-recordings-checkout-requests-latency',
      '- name: sloth-slo-alerts-checkout-requests-latency',
    ]);
  });

  it('records the SLI error ratio for each window of the 30-day set and the period, then the meta recordings', () => {
    const text = rules(fixtureSpecs()[1]!);
    expect(lines(text, /record:/).map((l) => l.trim().replace('- record: ', ''))).toEqual([
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:sli_error:ratio_rate${w}`),
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:time_period:days',
      'slo:current_burn_rate:ratio',
      'slo:period_burn_rate:ratio',
      'slo:period_error_budget_remaining:ratio',
      'sloth_slo_info',
    ]);
    expect(text).toContain('sum(rate(charges_total{result="error"}[1d]))');
    expect(text).toContain('sloth_objective: "99.99"');
  });

  it('writes a page and a ticket alert told apart by sloth_severity, with the labels of the spec', () => {
    const text = rules(fixtureSpecs()[0]!);
    expect(lines(text, /alert:/)).toEqual(['  - alert: CheckoutHighErrorRate', '  - alert: CheckoutHighErrorRate', '  - alert: CheckoutSlowRequests']);
    expect(lines(text, /sloth_severity| {2}severity:/).map((l) => l.trim())).toEqual([
      'severity: critical',
      'sloth_severity: page',
      'severity: warning',
      'sloth_severity: ticket',
      'severity: warning',
      'sloth_severity: ticket',
    ]);
    expect(text).toContain('runbook: https://runbooks.example.com/checkout/errors');
  });

  it("uses Sloth's 28-day windows for a 28-day period, with 4w names and the factors Sloth prints", () => {
    const text = rules(fixtureSpecs()[0]!, { periodMinutes: 28 * DAY });
    expect(text).toContain('record: slo:sli_error:ratio_rate4w');
    expect(text).toContain('expr: vector(28)');
    const factors = [...text.matchAll(/> \(([\d.]+) \* 0\.0009999999999999432\)/g)].map((m) => m[1]);
    expect([...new Set(factors)]).toEqual(['13.44', '5.6000000000000005', '2.8000000000000003', '0.9333333333333333']);
  });

  it('fits the 30-day set to a period it has no set for: a week gets windows of 1m to 1008m', () => {
    const set = windowSetFor({ periodMinutes: 7 * DAY });
    expect(set.page.quick).toEqual({ budgetPercent: 2, shortMinutes: 1, longMinutes: 14 });
    const text = rules(fixtureSpecs()[1]!, { periodMinutes: 7 * DAY });
    expect(lines(text, /record: slo:sli_error/).map((l) => l.split('ratio_rate')[1])).toEqual(['1m', '7m', '14m', '28m', '1h24m', '5h36m', '16h48m', '1w']);
  });

  it('adds extra labels to every recording and leaves alerts or recordings out when asked', () => {
    const [, payments] = fixtureSpecs();
    const text = rules(payments!, { extraLabels: { env: 'prod' } });
    expect(lines(text, /env: prod/)).toHaveLength(15);
    expect(rules(payments!, { disableAlerts: true })).not.toContain('alert:');
    expect(rules(payments!, { disableRecordings: true })).not.toContain('record:');
  });

  it('refuses to write a spec left with no rule, and windows made for another period', () => {
    const [, payments] = fixtureSpecs();
    expect(prometheusRules(payments!, { generatorVersion: 'test', disableAlerts: true, disableRecordings: true })).toEqual({
      ok: false,
      message: 'Document 2 (service payments) leaves no rule to write: its alerts are disabled and so are the recordings',
    });
    expect(prometheusRules(payments!, { generatorVersion: 'test', windows: SLOTH_30D, periodMinutes: 28 * DAY }).ok).toBe(false);
    const tooLong: AlertWindowSet = { ...SLOTH_30D, periodMinutes: 2 * DAY };
    expect(prometheusRules(payments!, { generatorVersion: 'test', windows: tooLong })).toEqual({
      ok: false,
      message: 'The ticket slow long window (3d) is longer than the SLO period (2d)',
    });
  });
});
