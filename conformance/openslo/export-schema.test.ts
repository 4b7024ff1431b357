import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { openSloV1Exporter } from '#shared/exporters/openslo-v1';
import { OPENSLO_CASES } from '#shared/exporters/test/openslo-cases';
import { corpusPath, describeCorpus, once } from '../corpus';

// Every document the OpenSLO v1 exporter writes for its golden cases, checked with ajv against the official v1 JSON
// schema (../shared/conformance/openslo/schemas/v1, loaded as schema.test.ts loads it). That 2022 proof of concept
// predates budgetingMethod RatioTimeslices of the v1 spec (the corpus README lists it among its limits): an SLO using it
// fails at that field and nowhere else. Its ratioMetric raw/rawType is missing too, so error ratios are written as bad
// over a total of one, which the schema accepts.
const ROOT = () => corpusPath('conformance', 'openslo');
const SCHEMA_ID = 'https://openslo.com/schemas/v1/openslo.schema.json';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

const validator = once((): ValidateFunction => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const dir = join(ROOT(), 'schemas/v1');
  for (const file of [join(dir, 'openslo.schema.json'), ...filesUnder(join(dir, 'parts'))]) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  const validate = ajv.getSchema(SCHEMA_ID);
  if (validate === undefined) throw new Error(`${SCHEMA_ID} is not among the schemas`);
  return validate;
});

type Exported = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };
type Checked = { where: string; document: Exported; valid: boolean };

/** Every exported document and the schema's verdict on it. */
const checked = once((): Checked[] =>
  OPENSLO_CASES.flatMap(({ name, snapshot }) =>
    openSloV1Exporter.render(snapshot).files.flatMap((file) =>
      parseAllDocuments(file.text, { version: '1.2', schema: 'core' }).map((d, i) => {
        const document = d.toJS() as Exported;
        return { where: `${name}/${file.name}#${i} ${document.kind} ${document.metadata.name}`, document, valid: validator()(document) === true };
      }),
    ),
  ),
);

/** The document with the v1 method the 2022 schema lacks put back to one it has: RatioTimeslices as Occurrences, without the slice window. */
function withoutPocGap(document: Exported): Exported {
  const copy = structuredClone(document);
  const spec = copy.spec as { budgetingMethod?: string; objectives?: Record<string, unknown>[] };
  if (spec.budgetingMethod === 'RatioTimeslices') {
    spec.budgetingMethod = 'Occurrences';
    for (const o of spec.objectives ?? []) delete o.timeSliceWindow;
  }
  return copy;
}

describeCorpus('conformance', 'the OpenSLO v1 export against the official v1 JSON schema (ajv)', () => {
  it('writes every kind the exporter knows, in every golden case', () => {
    expect([...new Set(checked().map((c) => c.document.kind))].sort()).toEqual([
      'AlertCondition',
      'AlertNotificationTarget',
      'AlertPolicy',
      'SLI',
      'SLO',
      'Service',
    ]);
    expect(checked().length).toBeGreaterThan(60);
  });

  it('writes documents the schema accepts, error ratios included, but for RatioTimeslices, which fails only at its method', () => {
    const failing = checked().filter((c) => !c.valid);
    expect(failing.map((c) => c.where)).toEqual(['checkout-draft/checkout-api.yaml#32 SLO checkout-api-order-totals-correct-target']);
    expect(failing[0]!.document.spec.budgetingMethod).toBe('RatioTimeslices');
    for (const c of failing) expect(validator()(withoutPocGap(c.document)), c.where).toBe(true);
    const errorRatio = checked().find((c) => c.where.endsWith('SLI checkout-api-order-totals-correct'));
    expect(errorRatio?.valid).toBe(true);
    expect(Object.keys(errorRatio!.document.spec.ratioMetric as object)).toEqual(['counter', 'bad', 'total']);
  });
});
