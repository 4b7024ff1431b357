import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSlothSpecs, type SlothSpec } from './sloth';

const FIXTURE = readFileSync(new URL('../../fixtures/specs/sloth/checkout.yaml', import.meta.url), 'utf8');

const BASE = `version: prometheus/v1
service: checkout
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: CheckoutErrors
`;

const K8S = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: checkout
  namespace: shop
  labels:
    team: shop
spec:
  service: checkout
  slos:
    - name: availability
      objective: 99.9
      sli:
        events:
          errorQuery: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
          totalQuery: sum(rate(http_requests_total[{{.window}}]))
      alerting:
        name: CheckoutErrors
        pageAlert:
          labels:
            severity: critical
`;

function specs(text: string): SlothSpec[] {
  const result = parseSlothSpecs(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function messages(text: string): string[] {
  const result = parseSlothSpecs(text);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.issues.map((i) => `${i.line ?? '-'}: ${i.message}`);
}

describe('the Sloth prometheus/v1 reader', () => {
  it("reads the project's fixture as two specs, one per YAML document, with their SLIs and alerts", () => {
    const [checkout, payments] = specs(FIXTURE);
    expect(checkout).toMatchObject({ document: 1, service: 'checkout', labels: { team: 'shop', tier: '1' } });
    expect(checkout!.slos.map((s) => [s.name, s.objectivePercent, s.sli.kind])).toEqual([
      ['requests-availability', 99.9, 'events'],
      ['requests-latency', 99.5, 'raw'],
    ]);
    expect(checkout!.slos[0]!.alerting).toMatchObject({ name: 'CheckoutHighErrorRate', page: { disable: false, labels: { severity: 'critical' } } });
    expect(checkout!.slos[1]!.alerting.page.disable).toBe(true);
    expect(payments).toMatchObject({ document: 2, service: 'payments', labels: {} });
    expect(payments!.slos[0]!.alerting.ticket.disable).toBe(true);
  });

  it('reads a number or a boolean given as a label value as its text, as Sloth does', () => {
    const [spec] = specs(BASE.replace('slos:', 'labels:\n  tier: 2\n  generated: true\n  ratio: 0.2\nslos:'));
    expect(spec!.labels).toEqual({ tier: '2', generated: 'true', ratio: '0.2' });
  });

  it('refuses an objective of 100, which leaves no error budget, and one outside (0, 100)', () => {
    expect(messages(BASE.replace('99.9', '100'))).toEqual([
      '5: Document 1 slos.0.objective: must be above 0 and below 100: a 100 % objective leaves no error budget to alert on',
    ]);
    expect(messages(BASE.replace('99.9', '0'))).toHaveLength(1);
    expect(messages(BASE.replace('99.9', '101'))).toHaveLength(1);
    expect(messages(BASE.replace('99.9', '"99.9"'))[0]).toBe('5: Document 1 slos.0.objective: must be a number, the percentage of good events (99.9)');
  });

  it('refuses a query without {{.window}}, naming the query', () => {
    expect(messages(BASE.replace('[{{.window}}]))\n        total', '[5m]))\n        total'))).toEqual([
      '8: Document 1 slos.0.sli.events.error_query: must use {{.window}} where the range goes, e.g. rate(x[{{.window}}])',
    ]);
  });

  it('refuses a query with a template other than {{.window}}', () => {
    expect(messages(BASE.replace('[{{.window}}]))\n    alerting', '[{{.window}}])) / {{.range}}\n    alerting'))[0]).toContain(
      'slos.0.sli.events.total_query: uses a template other than {{.window}}',
    );
  });

  it('refuses an SLI with both events and raw, and one with neither', () => {
    const both = BASE.replace('    alerting:', '      raw:\n        error_ratio_query: rate(x[{{.window}}])\n    alerting:');
    expect(messages(both)).toEqual(['7: Document 1 slos.0.sli: needs exactly one of events (error and total queries) or raw (an error ratio query)']);
    const neither = BASE.replace(/ {6}events:\n.*\n.*\n/, '      {}\n').replace('    sli:\n      {}', '    sli: {}');
    expect(messages(neither)).toEqual(['6: Document 1 slos.0.sli: needs exactly one of events (error and total queries) or raw (an error ratio query)']);
  });

  it('refuses an unknown version, an unknown field and a Kubernetes kind, naming the document', () => {
    expect(messages(BASE.replace('prometheus/v1', 'prometheus/v999'))).toEqual(['1: Document 1 version: must be prometheus/v1']);
    expect(messages(BASE.replace('service:', 'owner: me\nservice:'))).toEqual(['1: Document 1: has fields a Sloth prometheus/v1 spec does not define (owner)']);
    expect(messages('apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nspec: {}\n')).toEqual([
      '2: Document 1: kind ServiceLevelObjective of apiVersion pyrra.dev/v1alpha1 is not a Sloth spec: one starts with version: prometheus/v1, or is a PrometheusServiceLevel of apiVersion sloth.slok.dev/v1',
    ]);
  });

  it('names the second document when it is the one refused', () => {
    expect(messages(`${BASE}---\n${BASE.replace('checkout', 'bad name')}`)).toEqual([
      '14: Document 2 service: must start and end with a letter or digit and hold only letters, digits, ".", "_" and "-"',
    ]);
  });

  it('refuses alerts without a name unless both are disabled, SLO plugins, and an SLO defined twice', () => {
    expect(messages(BASE.replace('      name: CheckoutErrors\n', '      labels: {}\n'))[0]).toContain('slos.0.alerting.name: needs a name');
    const disabled = BASE.replace('      name: CheckoutErrors\n', '      page_alert:\n        disable: true\n      ticket_alert:\n        disable: true\n');
    expect(specs(disabled)[0]!.slos[0]!.alerting.name).toBe('');
    expect(messages(BASE.replace('slos:', 'slo_plugins:\n  chain: []\nslos:'))[0]).toContain('slo_plugins: SLO plugins are not supported');
    const twice = BASE + BASE.slice(BASE.indexOf('  - name'));
    expect(messages(twice)).toEqual(['12: Document 1 slos.1.name: the SLO "availability" is defined twice']);
  });

  it('reads the Kubernetes form (PrometheusServiceLevel) with its metadata, and names its fields as written', () => {
    const [spec] = specs(K8S);
    expect(spec).toMatchObject({ service: 'checkout', kubernetes: { name: 'checkout', namespace: 'shop', labels: { team: 'shop' }, annotations: {} } });
    expect(spec!.slos[0]!.sli).toMatchObject({ kind: 'events', totalQuery: 'sum(rate(http_requests_total[{{.window}}]))' });
    expect(spec!.slos[0]!.alerting.page.labels).toEqual({ severity: 'critical' });
    expect(messages(K8S.replace('[{{.window}}]))\n          totalQuery', '[5m]))\n          totalQuery'))).toEqual([
      '15: Document 1 spec.slos.0.sli.events.errorQuery: must use {{.window}} where the range goes, e.g. rate(x[{{.window}}])',
    ]);
    expect(messages(K8S.replace('  name: checkout\n', ''))).toEqual(['4: Document 1 metadata.name: a PrometheusServiceLevel needs a name']);
  });

  it('refuses malformed YAML with its line, and an alias instead of expanding it', () => {
    expect(messages('version: prometheus/v1\nservice: [a\n')[0]).toMatch(/^\d+: /);
    const aliased = BASE.replace('service: checkout', 'service: &s checkout\nlabels:\n  owner: *s');
    expect(messages(aliased)[0]).toContain('Aliases (*s) are not accepted');
  });
});
