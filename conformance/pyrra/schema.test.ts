import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { pyrraExporter } from '#shared/exporters/pyrra';
import { PYRRA_CASES } from '#shared/exporters/test/pyrra-cases';
import { parsePyrraObjectives } from '#shared/specs/pyrra';
import { corpusPath, describeCorpus, once } from '../corpus';

// Pyrra's CRD (config/crd/bases, its openAPIV3Schema) checked with ajv beside our reader: on Pyrra's examples and on
// documents made invalid one field at a time the verdicts agree; they differ only where Pyrra itself refuses what the
// schema lets through (its webhook and filesystem mode), each case listed with its reason. Every exported document
// passes the schema.
const ROOT = () => corpusPath('conformance', 'pyrra');

const validator = once((): ValidateFunction => {
  const crd = JSON.parse(readFileSync(join(ROOT(), 'crd/pyrra.dev_servicelevelobjectives.json'), 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
  };
  const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
  if (!version) throw new Error('the CRD has no v1alpha1 version');
  return new Ajv({ strict: false, allErrors: true }).compile(version.schema.openAPIV3Schema);
});

const examples = once(() =>
  ['examples/slos', 'examples/kube-prometheus-slos'].flatMap((dir) =>
    readdirSync(join(ROOT(), dir))
      .sort()
      .map((name) => ({ file: `${dir}/${name}`, text: readFileSync(join(ROOT(), dir, name), 'utf8') })),
  ),
);

const BASE = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: checkout-errors
  namespace: shop
spec:
  description: Checkout answers without a server error
  target: "99.5"
  window: 4w
  indicator:
    ratio:
      errors: {metric: 'http_requests_total{job="checkout",code=~"5.."}'}
      total: {metric: 'http_requests_total{job="checkout"}'}
      grouping: [handler]
  alerting: {burnrates: true, absent: true, name: CheckoutBurn, severities: {fastBurn: page}}
  partial_response_strategy: abort
  performanceOverAccuracy: false
  ruleOutput: {shortRulesLabels: {team: shop}}
`;

type Doc = Record<string, unknown> & { spec: Record<string, unknown> & { indicator?: Record<string, Record<string, unknown>> } };
const base = () => parse(BASE) as Doc;

/** A document changed by one edit, as YAML text. */
function edited(edit: (d: Doc) => void): string {
  const doc = base();
  edit(doc);
  return stringify(doc);
}

const verdicts = (text: string) => {
  const [document] = parseAllDocuments(text).map((d) => d.toJS() as unknown);
  return { schema: validator()(document) === true, ours: parsePyrraObjectives(text, 'crafted.yaml').ok };
};

// One field at a time made wrong in a way the CRD's schema refuses.
const BOTH_REFUSE: Record<string, (d: Doc) => void> = {
  'a target written as a number': (d) => (d.spec.target = 99.5),
  'a window written as a number': (d) => (d.spec.window = 28),
  'no target': (d) => delete d.spec.target,
  'no window': (d) => delete d.spec.window,
  'no indicator': (d) => delete d.spec.indicator,
  'a ratio without errors': (d) => delete d.spec.indicator!.ratio!.errors,
  'a ratio total without its metric': (d) => (d.spec.indicator!.ratio!.total = {}),
  'a metric written as a number': (d) => (d.spec.indicator!.ratio!.total = { metric: 42 }),
  'grouping that is not a list': (d) => (d.spec.indicator!.ratio!.grouping = 'handler'),
  'a latency without success': (d) => (d.spec.indicator = { latency: { total: { metric: 'a_count' } } }),
  'a latencyNative without its latency': (d) => (d.spec.indicator = { latencyNative: { total: { metric: 'a' } } }),
  'a bool_gauge without its metric': (d) => (d.spec.indicator = { bool_gauge: {} }),
  'burnrates written as text': (d) => ((d.spec.alerting as Record<string, unknown>).burnrates = 'yes'),
  'a severity written as a number': (d) => ((d.spec.alerting as Record<string, unknown>).severities = { fastBurn: 1 }),
  'an unknown partial_response_strategy': (d) => (d.spec.partial_response_strategy = 'retry'),
  'performanceOverAccuracy written as text': (d) => (d.spec.performanceOverAccuracy = 'no'),
  'a rule output label written as a number': (d) => (d.spec.ruleOutput = { longRulesLabels: { tier: 1 } }),
  'a description written as a list': (d) => (d.spec.description = ['a']),
  'a status type written as a number': (d) => (d.status = { type: 3 }),
  'metadata written as text': (d) => (d.metadata = 'checkout'),
  'apiVersion written as a number': (d) => (d.apiVersion = 1),
};

// What Pyrra refuses and the schema lets through, with where Pyrra refuses it.
const ONLY_WE_REFUSE: Record<string, (d: Doc) => void> = {
  // The schema has no bounds on the target's text; Pyrra's webhook parses it and wants 0–100.
  'a target above 100': (d) => (d.spec.target = '101'),
  'a target that is no number': (d) => (d.spec.target = 'high'),
  // The window is text to the schema; Pyrra parses it with Prometheus' model.ParseDuration.
  'a window that is no Prometheus duration': (d) => (d.spec.window = '1 month'),
  // The schema allows any combination of indicators; Pyrra's webhook wants one, and Internal() refuses ratio with latency.
  'two indicators': (d) => (d.spec.indicator!.bool_gauge = { metric: 'up' }),
  // Metrics are text to the schema; Pyrra parses each with Prometheus' parser and wants a vector selector.
  'a metric that is a query': (d) => (d.spec.indicator!.ratio!.total = { metric: 'sum(rate(http_requests_total[5m]))' }),
  'a latency success without an le matcher': (d) => (d.spec.indicator = { latency: { success: { metric: 'a_bucket' }, total: { metric: 'a_count' } } }),
  // Pyrra's webhook: "name must be set". The schema does not look into metadata.
  'no metadata name': (d) => (d.metadata = { namespace: 'shop' }),
  'no spec': (d) => delete (d as Record<string, unknown>).spec,
  // The schema does not fix apiVersion and kind (Kubernetes routes by them); a file reader must.
  'another apiVersion': (d) => (d.apiVersion = 'pyrra.dev/v1'),
  'another kind': (d) => (d.kind = 'PrometheusRule'),
  // Kubernetes prunes unknown fields of a structural schema; Pyrra's filesystem mode (yaml.UnmarshalStrict) refuses them.
  'an unknown field': (d) => (d.spec.objective = '99'),
};

describeCorpus('conformance', "parsePyrraObjectives beside Pyrra's CRD schema (ajv)", () => {
  it('gives every example the verdict of the schema: valid', () => {
    const checked = examples().flatMap(({ file, text }) =>
      parseAllDocuments(text).map((d, i) => ({ key: `${file}#${i}`, schema: validator()(d.toJS()) === true, ours: parsePyrraObjectives(text, file).ok })),
    );
    expect(checked).toHaveLength(29);
    expect(checked.filter((v) => !v.schema || !v.ours)).toEqual([]);
  });

  it('accepts the crafted base document, as the schema does', () => {
    expect(verdicts(BASE)).toEqual({ schema: true, ours: true });
  });

  for (const [what, edit] of Object.entries(BOTH_REFUSE)) {
    it(`refuses ${what}, as the schema does`, () => {
      expect(verdicts(edited(edit))).toEqual({ schema: false, ours: false });
    });
  }

  for (const [what, edit] of Object.entries(ONLY_WE_REFUSE)) {
    it(`refuses ${what}, which Pyrra refuses though the schema does not`, () => {
      expect(verdicts(edited(edit))).toEqual({ schema: true, ours: false });
    });
  }

  it('writes only documents the schema accepts, in every golden case', () => {
    const failures = PYRRA_CASES.flatMap(({ name, snapshot }) =>
      pyrraExporter.render(snapshot).files.flatMap((file) => {
        const validate = validator();
        return parseAllDocuments(file.text).flatMap((d) => (validate(d.toJS()) ? [] : [`${name}/${file.name}: ${JSON.stringify(validate.errors)}`]));
      }),
    );
    expect(PYRRA_CASES.flatMap(({ snapshot }) => pyrraExporter.render(snapshot).files)).toHaveLength(10);
    expect(failures).toEqual([]);
  });
});
