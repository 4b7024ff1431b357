import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slothSpecExporter } from '../exporters/sloth-spec';
import { SLOTH_CASES } from '../exporters/test/sloth-cases';
import { parseSlothSpecs, type SlothSpec } from './sloth';
import { slothSpecsToImport } from './sloth-import';

const FIXTURE = readFileSync(new URL('../../fixtures/specs/sloth/checkout.yaml', import.meta.url), 'utf8');

function specs(text: string): SlothSpec[] {
  const result = parseSlothSpecs(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const imported = (text = FIXTURE, file = 'checkout.yaml') => slothSpecsToImport([{ file, specs: specs(text) }]);

describe('Sloth specs as the workspace holds them', () => {
  it('makes each SLO the SLO tier of an SLI of its service over Sloth’s default 30 days', () => {
    const { services } = imported();
    expect(services.map((s) => [s.name, s.slis.map((i) => i.name)])).toEqual([
      ['checkout', ['requests-availability', 'requests-latency']],
      ['payments', ['charges-availability']],
    ]);
    expect(services[1]!.slis[0]).toEqual({
      name: 'charges-availability',
      kind: 'availability',
      latencyThresholdMs: null,
      freshnessMaxAgeMs: null,
      wording: null,
      histogram: null,
      queries: { form: 'bad-total', bad: 'sum(rate(charges_total{result="error"}[{{.window}}]))', total: 'sum(rate(charges_total[{{.window}}]))' },
      objectives: {
        slo: { tier: 'slo', targetPpm: 999_900, window: { kind: 'rolling', days: 30 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
      },
    });
  });

  it('keeps a raw SLI’s query as the error ratio', () => {
    const latency = imported().services[0]!.slis[1]!;
    expect(latency.queries).toMatchObject({ form: 'error-ratio', errorRatio: expect.stringContaining('le="0.3"') });
    expect(latency.objectives.slo?.targetPpm).toBe(995_000);
  });

  it('notes the period, the labels, the description and the alerting it leaves out, naming file, document and field', () => {
    const notes = imported().notes.filter((n) => n.document === 'document 1 (service checkout)');
    expect(notes.map((n) => `${n.field}: ${n.message}`)).toEqual([
      expect.stringMatching(/^: A Sloth spec has no SLO period .* rolling 30 days/),
      'labels: the labels team, tier are left out: the workspace has no service labels',
      'slos.0.labels: the labels category are left out: the workspace has no SLO labels',
      'slos.0.description: the description is left out: the workspace has no SLI descriptions',
      'slos.0.alerting: the alert name CheckoutHighErrorRate, the alert labels category, severity, the alert annotations runbook are left out: the workspace makes its alerts from its alert set',
      'slos.1.description: the description is left out: the workspace has no SLI descriptions',
      'slos.1.alerting: the alert name CheckoutSlowRequests, the alert labels severity are left out: the workspace makes its alerts from its alert set',
      'slos.1.alerting: the page alert is disabled here; the workspace gives every SLO both',
    ]);
    expect(notes.every((n) => n.file === 'checkout.yaml')).toBe(true);
  });

  it('names the fields of the Kubernetes form under spec, and notes its metadata', () => {
    const crd = [
      'apiVersion: sloth.slok.dev/v1',
      'kind: PrometheusServiceLevel',
      'metadata: {name: shop-slos, namespace: monitoring}',
      'spec:',
      '  service: shop',
      '  labels: {team: web}',
      '  slos:',
      '    - name: errors',
      '      objective: 99',
      '      sli: {raw: {errorRatioQuery: "sum(rate(e[{{.window}}])) / sum(rate(t[{{.window}}]))"}}',
      '      alerting: {pageAlert: {disable: true}, ticketAlert: {disable: true}}',
    ].join('\n');
    const result = imported(crd, 'crd.yaml');
    expect(result.services[0]!.slis[0]!.queries).toEqual({ form: 'error-ratio', errorRatio: 'sum(rate(e[{{.window}}])) / sum(rate(t[{{.window}}]))' });
    expect(result.notes.map((n) => [n.document, n.field])).toEqual([
      ['document 1 (PrometheusServiceLevel shop-slos)', ''],
      ['document 1 (PrometheusServiceLevel shop-slos)', 'spec.labels'],
      ['document 1 (PrometheusServiceLevel shop-slos)', 'metadata'],
      ['document 1 (PrometheusServiceLevel shop-slos)', 'spec.slos.0.alerting'],
    ]);
  });

  it('gathers the SLOs of one service from several documents, leaving out a name used twice with a note', () => {
    const twice = `${FIXTURE}\n---\n${FIXTURE.split('---')[1]!.replace('charges-availability', 'charges-latency')}\n---\n${FIXTURE.split('---')[1]}`;
    const result = imported(twice);
    expect(result.services.map((s) => [s.name, s.slis.map((i) => i.name)])).toEqual([
      ['checkout', ['requests-availability', 'requests-latency']],
      ['payments', ['charges-availability', 'charges-latency']],
    ]);
    expect(result.notes.at(-1)).toMatchObject({
      document: 'document 4 (service payments)',
      field: 'slos.0.name',
      message: 'The SLO charges-availability is not imported: payments already has an SLI of that name from an earlier document',
    });
  });

  it('reads back the queries and SLO target of every SLI the Sloth exporter wrote', () => {
    for (const { snapshot } of SLOTH_CASES) {
      for (const file of slothSpecExporter.render(snapshot).files.filter((f) => f.name.endsWith('.sloth.yaml'))) {
        const [spec] = specs(file.text);
        const [service] = imported(file.text, file.name).services;
        expect(service!.slis.map((s) => s.objectives.slo!.targetPpm)).toEqual(spec!.slos.map((s) => Math.round(s.objectivePercent * 10_000)));
        expect(service!.slis.map((s) => s.queries)).toEqual(
          spec!.slos.map((s) =>
            s.sli.kind === 'events'
              ? { form: 'bad-total', bad: s.sli.errorQuery, total: s.sli.totalQuery }
              : { form: 'error-ratio', errorRatio: s.sli.errorRatioQuery },
          ),
        );
      }
    }
  });
});
