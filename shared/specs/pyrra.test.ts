import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePyrraObjectives, type PyrraObjective } from './pyrra';
import { formatSelector, parseSelector } from './pyrra/selector';

const doc = (spec: string, metadata = 'metadata:\n  name: checkout-errors\n  namespace: shop') =>
  `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\n${metadata}\nspec:\n${spec}`;

const RATIO = `  target: "99.5"
  window: 4w
  indicator:
    ratio:
      errors:
        metric: http_requests_total{job="checkout",code=~"5.."}
      total:
        metric: http_requests_total{job="checkout"}
      grouping: [handler]
`;

function read(text: string): PyrraObjective[] {
  const result = parsePyrraObjectives(text, 'slos.yaml');
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.value;
}

function messages(text: string): string[] {
  const result = parsePyrraObjectives(text, 'slos.yaml');
  return result.ok ? [] : result.issues.map((i) => i.message);
}

describe('parsePyrraObjectives', () => {
  it('reads a ratio objective: target as written, window in milliseconds, selectors, grouping and the alerting defaults', () => {
    const [slo] = read(doc(RATIO));
    expect(slo).toMatchObject({ document: 1, name: 'checkout-errors', namespace: 'shop', target: '99.5', window: '4w', windowMs: 28 * 86_400_000 });
    expect(slo!.indicator).toEqual({
      kind: 'ratio',
      errors: {
        metric: 'http_requests_total',
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'code', op: '=~', value: '5..' },
        ],
      },
      total: { metric: 'http_requests_total', matchers: [{ name: 'job', op: '=', value: 'checkout' }] },
      grouping: ['handler'],
    });
    expect(slo!.alerting).toEqual({
      burnrates: true,
      absent: true,
      disabled: false,
      name: null,
      absentName: null,
      severities: { absent: null, fastBurn: null, mediumBurn: null, slowBurn: null, longTermBurn: null },
    });
  });

  it('reads latency with its le bucket, latencyNative with its duration, bool_gauge, and each document of a file', () => {
    const latency = doc(`  target: "99"
  window: 1d
  indicator:
    latency:
      success: {metric: 'chat_seconds_bucket{le="0.2"}'}
      total: {metric: chat_seconds_count}
`);
    const native = doc(
      `  target: "99"\n  window: 2w\n  indicator:\n    latencyNative:\n      latency: 1s200ms\n      total: {metric: chat_seconds}\n`,
      'metadata: {name: b}',
    );
    const gauge = doc(`  target: "99"\n  window: 7d\n  indicator:\n    bool_gauge: {metric: probe_success}\n`, 'metadata: {name: c}');
    const objectives = read([latency, native, gauge].join('\n---\n'));
    expect(objectives.map((o) => [o.document, o.indicator.kind])).toEqual([
      [1, 'latency'],
      [2, 'latencyNative'],
      [3, 'boolGauge'],
    ]);
    expect(objectives[0]!.indicator).toMatchObject({ le: '0.2' });
    expect(objectives[1]!.indicator).toMatchObject({ latency: '1s200ms', latencyMs: 1200 });
  });

  it('reads alerting settings and names the fields that only tune rule output', () => {
    const [slo] = read(
      doc(
        `${RATIO}  alerting:\n    burnrates: false\n    name: CheckoutBurn\n    severities: {fastBurn: page}\n  performanceOverAccuracy: true\n  partial_response_strategy: warn\n`,
      ),
    );
    expect(slo!.alerting).toMatchObject({ burnrates: false, absent: true, name: 'CheckoutBurn', severities: { fastBurn: 'page', slowBurn: null } });
    expect(slo!.ruleTuning).toEqual(['partial_response_strategy', 'performanceOverAccuracy']);
  });

  it('refuses another apiVersion or kind, naming the file and the document', () => {
    expect(messages(`${doc(RATIO)}---\napiVersion: openslo/v1\nkind: SLO\n---\napiVersion: pyrra.dev/v1alpha1\nkind: Objective\n`)).toEqual([
      'slos.yaml, document 2: apiVersion "openslo/v1" is not Pyrra\'s: write pyrra.dev/v1alpha1',
      'slos.yaml, document 3: kind "Objective" is not a kind Pyrra reads: write ServiceLevelObjective',
    ]);
  });

  it('refuses a target written as a number, above 100 or as text that is no number, naming the field', () => {
    expect(messages(doc(RATIO.replace('"99.5"', '99.5')))).toEqual([
      'slos.yaml, document 1 (ServiceLevelObjective "checkout-errors"): spec.target must be a percentage written as text, e.g. "99.9" (in quotes)',
    ]);
    expect(messages(doc(RATIO.replace('"99.5"', '"100.5"')))[0]).toContain('spec.target must be from 0 to 100');
    expect(messages(doc(RATIO.replace('"99.5"', '"high"')))[0]).toContain('spec.target must be a number from 0 to 100');
  });

  it('refuses a window that is not a Prometheus duration, a missing indicator, two indicators and unknown fields', () => {
    expect(messages(doc(RATIO.replace('4w', '1 month')))[0]).toContain('spec.window must be a Prometheus duration above 0');
    expect(messages(doc('  target: "99"\n  window: 4w\n'))).toEqual([
      'slos.yaml, document 1 (ServiceLevelObjective "checkout-errors"): spec.indicator is required',
    ]);
    const two = doc(`${RATIO}    bool_gauge: {metric: up}\n`);
    expect(messages(two)[0]).toContain('spec.indicator must hold exactly one of ratio, latency, latencyNative or bool_gauge');
    expect(messages(doc(`${RATIO}  objective: "99"\n`))).toEqual([
      'slos.yaml, document 1 (ServiceLevelObjective "checkout-errors"): spec.objective is not a field of a Pyrra ServiceLevelObjective',
    ]);
  });

  it('refuses a metric that is a query rather than a selector, and a latency success without an le matcher', () => {
    const query = messages(doc(RATIO.replace('http_requests_total{job="checkout"}\n', 'sum(rate(http_requests_total[5m]))\n')));
    expect(query[0]).toContain('spec.indicator.ratio.total.metric "sum(rate(http_requests_total[5m]))" is not a plain metric selector');
    const noLe = doc(`  target: "99"\n  window: 1d\n  indicator:\n    latency:\n      success: {metric: a_bucket}\n      total: {metric: a_count}\n`);
    expect(messages(noLe)[0]).toContain('spec.indicator.latency.success.metric must have an le matcher with a number');
  });

  it('refuses a document without a name and two documents with one name, giving the line', () => {
    expect(messages(doc(RATIO, 'metadata:\n  namespace: shop'))).toEqual(['slos.yaml, document 1: metadata.name is required']);
    const result = parsePyrraObjectives(`${doc(RATIO)}\n---\n${doc(RATIO)}`, 'slos.yaml');
    expect(result.ok ? [] : result.issues.map((i) => [i.message, i.line])).toEqual([
      ['slos.yaml, document 2 (ServiceLevelObjective "checkout-errors"): metadata.name is the name of document 1 too', 21],
    ]);
  });

  it('refuses malformed YAML and aliases naming the file, and never throws on arbitrary text', () => {
    expect(messages('spec: [unclosed')[0]).toMatch(/^slos\.yaml: /);
    expect(messages(`a: &x 1\nb: *x\n`)[0]).toContain('slos.yaml: Aliases (*x) are not accepted');
    for (const text of ['', '---', '42', '- a\n- b', 'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: 3\nspec: []'])
      expect(parsePyrraObjectives(text, 'x.yaml').ok).toBe(false);
  });
});

describe('parsePyrraObjectives on any input', () => {
  it('returns objectives or issues naming the file, and never throws', () => {
    const check = (text: string) => {
      const result = parsePyrraObjectives(text, 'any.yaml');
      if (!result.ok) for (const issue of result.issues) expect(issue.message.startsWith('any.yaml')).toBe(true);
    };
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { seed: 12, numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => check(stringify(value))),
      { seed: 12, numRuns: 300 },
    );
    const spec = fc.record({ target: fc.jsonValue(), window: fc.jsonValue(), indicator: fc.jsonValue(), alerting: fc.jsonValue() }, { requiredKeys: [] });
    const object = spec.map((s) => ({ apiVersion: 'pyrra.dev/v1alpha1', kind: 'ServiceLevelObjective', metadata: { name: 'x' }, spec: s }));
    fc.assert(
      fc.property(object, (value) => check(stringify(value))),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('metric selectors', () => {
  it('reads names, matchers of the four operators and quoted values with escapes, and writes them back', () => {
    const parsed = parseSelector(' a_total{job="x", code!~\'5..\',path=`/a"b`, msg="say \\"hi\\"",} ');
    expect(parsed).toEqual({
      ok: true,
      value: {
        metric: 'a_total',
        matchers: [
          { name: 'job', op: '=', value: 'x' },
          { name: 'code', op: '!~', value: '5..' },
          { name: 'path', op: '=', value: '/a"b' },
          { name: 'msg', op: '=', value: 'say "hi"' },
        ],
      },
    });
    if (parsed.ok) expect(formatSelector(parsed.value)).toBe('a_total{job="x",code!~"5..",path="/a\\"b",msg="say \\"hi\\""}');
  });

  it('refuses ranges, functions, unclosed strings and selectors naming no metric', () => {
    for (const text of ['a[5m]', 'rate(a[5m])', 'a{b="c}', 'a{b}', '{job="x"}', '', 'a offset 5m']) expect(parseSelector(text).ok, text).toBe(false);
    expect(parseSelector('{__name__="up"}').ok).toBe(true);
  });
});
