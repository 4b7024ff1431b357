import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSlothSpecs, type SlothSpec } from '../specs/sloth';
import { promtoolOutageTest } from './promtool-tests';

const FIXTURE = readFileSync(new URL('../../fixtures/specs/sloth/checkout.yaml', import.meta.url), 'utf8');

function specs(text = FIXTURE): SlothSpec[] {
  const result = parseSlothSpecs(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function test(spec: SlothSpec, periodMinutes?: number): string {
  const result = promtoolOutageTest(spec, { rulesFile: 'checkout.rules.yaml', periodMinutes });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('the promtool outage test of a spec', () => {
  it('names the rule file and feeds each window of each SLO until the last alert fires: 7 series a SLO for the 30-day set', () => {
    const file = parse(test(specs()[0]!)) as { rule_files: string[]; tests: { input_series: { series: string; values: string }[] }[] };
    expect(file.rule_files).toEqual(['checkout.rules.yaml']);
    const series = file.tests[0]!.input_series;
    expect(series).toHaveLength(14);
    expect(series[0]).toEqual({
      series:
        'slo:sli_error:ratio_rate5m{sloth_id="checkout-requests-availability", sloth_service="checkout", sloth_slo="requests-availability", sloth_window="5m"}',
      values: '0x60 0.2 0.4 0.6 0.8 1x18',
    });
  });

  it('expects no alert a minute before the outage and every alert 22 minutes into it, when the last (the 99.5 % ticket) fires', () => {
    const text = test(specs()[0]!);
    expect([...text.matchAll(/eval_time: (\d+m)\n {4}alertname: (\w+)\n {4}exp_alerts:( \[\])?/g)].map((m) => `${m[1]} ${m[2]}${m[3] ?? ' firing'}`)).toEqual([
      '59m CheckoutHighErrorRate []',
      '59m CheckoutSlowRequests []',
      '82m CheckoutHighErrorRate firing',
      '82m CheckoutSlowRequests firing',
    ]);
    const file = parse(text) as { tests: { alert_rule_test: { exp_alerts: { exp_annotations: Record<string, string> }[] }[] }[] };
    expect(file.tests[0]!.alert_rule_test[2]!.exp_alerts[0]!.exp_annotations).toEqual({
      runbook: 'https://runbooks.example.com/checkout/errors',
      summary: 'checkout requests-availability SLO error budget burn rate is over expected.',
      title: '(page) checkout requests-availability SLO error budget burn rate is too fast.',
    });
  });

  it('writes the same bytes for the same spec', () => {
    expect(test(specs()[1]!, 28 * 1440)).toBe(test(specs()[1]!, 28 * 1440));
  });

  it('refuses an annotation template it cannot expand, and a spec with every alert disabled', () => {
    const templated = FIXTURE.replace('runbook: https://runbooks.example.com/checkout/errors', 'value: "{{ $value }}"');
    expect(promtoolOutageTest(specs(templated)[0]!, { rulesFile: 'x' })).toEqual({
      ok: false,
      message: 'The value annotation of the page alert of requests-availability uses a template the test cannot expand',
    });
    const silent = FIXTURE.replace(/ticket_alert:\n {8}disable: true/, 'ticket_alert:\n        disable: true').replace(
      /page_alert:\n {8}labels:\n {10}severity: critical\n {6}ticket_alert:\n {8}disable: true/,
      'page_alert:\n        disable: true\n      ticket_alert:\n        disable: true',
    );
    expect(promtoolOutageTest(specs(silent)[1]!, { rulesFile: 'x' })).toEqual({
      ok: false,
      message: 'No alert of payments is enabled, so there is nothing to test',
    });
  });
});
