import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from '#shared/specs/openslo';
import { corpusPath, describeCorpus, once } from '../corpus';

// The 2022 OpenSLO v1 JSON schema (a proof of concept upstream removed) checked with ajv beside our reader: on
// upstream's valid and invalid v1 examples the verdicts agree object by object; elsewhere they differ only where the
// go-sdk behind `oslo validate` (which we follow) and the schema disagree, each case listed with its reason.
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

/** Each object's verdict (with v1Only, each openslo/v1 object's), "file#index": true when valid, by the schema and by our reader. */
function verdicts(path: string, v1Only: boolean): { key: string; schema: boolean; ours: boolean }[] {
  const text = readFileSync(path, 'utf8');
  const objects = parseAllDocuments(text, { version: '1.2', schema: 'core' })
    .filter((d) => d.contents !== null)
    .flatMap((d) => {
      const value: unknown = d.toJS();
      return Array.isArray(value) ? (value as unknown[]) : [value];
    });
  const file = relative(ROOT(), path);
  const result = parseOpenSlo(text, file);
  const refused = new Set(result.ok ? [] : result.issues.map((i) => i.index));
  return objects
    .map((object, index) => ({ object, key: `${file}#${index}`, ours: !refused.has(index) && !refused.has(null) }))
    .filter(({ object }) => !v1Only || (object as { apiVersion?: unknown } | null)?.apiVersion === 'openslo/v1')
    .map(({ object, key, ours }) => ({ key, schema: validator()(object) === true, ours }));
}

/** Where the schema and our reader disagree, over every object of the folders (or only their openslo/v1 objects). */
const disagreements = (dirs: string[], v1Only = false) =>
  dirs
    .flatMap((dir) => filesUnder(join(ROOT(), dir)))
    .flatMap((file) => verdicts(file, v1Only))
    .filter((v) => v.schema !== v.ours)
    .map((v) => `${v.key}: schema ${v.schema ? 'accepts' : 'refuses'}, we ${v.ours ? 'accept' : 'refuse'}`);

describeCorpus('conformance', 'parseOpenSlo beside the OpenSLO v1 JSON schema (ajv)', () => {
  it('gives the verdict of the schema on every object of the valid and invalid v1 examples', () => {
    const checked = ['examples/valid/v1', 'examples/invalid/v1'].flatMap((dir) => filesUnder(join(ROOT(), dir))).flatMap((file) => verdicts(file, false));
    expect(checked.length).toBeGreaterThanOrEqual(51);
    expect(checked.filter((v) => v.schema).length).toBeGreaterThanOrEqual(39);
    expect(disagreements(['examples/valid/v1', 'examples/invalid/v1'])).toEqual([]);
  });

  it("differs from the schema on upstream's other v1 files only where oslo's rules differ from it, each for a known reason", () => {
    expect(disagreements(['examples/unverified/v1', 'go-sdk-fixtures/decode', 'oslo-cli/validate/inputs'], true)).toEqual([
      // The POC requires alertWhenNoData and alertWhenResolved (and wants kind AlertCondition on an inline target); go-sdk does not.
      'examples/unverified/v1/go-sdk/alert_policies.yaml#0: schema refuses, we accept',
      'examples/unverified/v1/go-sdk/alert_policies.yaml#1: schema refuses, we accept',
      'examples/unverified/v1/go-sdk/alert_policies.yaml#2: schema refuses, we accept',
      // The POC wants connectionDetails to be a map; go-sdk keeps any JSON (these are lists).
      'examples/unverified/v1/go-sdk/data_sources.yaml#0: schema refuses, we accept',
      'examples/unverified/v1/go-sdk/data_sources.yaml#1: schema refuses, we accept',
      // The POC has no ratioMetric.raw and rawType, and requires counter and total.
      'examples/unverified/v1/go-sdk/slis.yaml#2: schema refuses, we accept',
      // op on the objective of an inline ratio SLI: oslo forbids it (oslo-cli/validate/expected/v1.txt), the POC allows it.
      'examples/unverified/v1/go-sdk/slos.yaml#0: schema accepts, we refuse',
      // alertPolicies left empty (null): go-sdk reads no policies, the POC wants a list.
      'examples/unverified/v1/spec-repo/budgeting-method/occurences-slo.yaml#0: schema refuses, we accept',
      // The same op on a ratio objective, which oslo itself reports for this object.
      'oslo-cli/validate/inputs/v1.yaml#0: schema accepts, we refuse',
    ]);
  });
});
