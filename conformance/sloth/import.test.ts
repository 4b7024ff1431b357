// Every Sloth spec of the corpus that the reader accepts (prometheus/v1 and the PrometheusServiceLevel CRD) maps into
// the workspace: each of its SLOs an SLI with its SLO tier and its queries. The corpus's other inputs are OpenSLO
// (the OpenSLO reader's), SLO plugins, or invalid on purpose; the reader refuses them, and they are listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseSlothSpecs } from '#shared/specs/sloth';
import { slothQueries, slothSpecsToImport } from '#shared/specs/sloth-import';
import { corpusPath, describeCorpus, once } from '../corpus';

const ROOT = () => corpusPath('conformance', 'sloth');
const FOLDERS = ['generate/inputs', 'examples/inputs', 'validate/validate/good'];

const files = once(() =>
  FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT(), folder))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(folder, name)),
  ),
);

// Inputs the reader refuses, with why: OpenSLO input, SLO plugins, an invalid version, pageAlert in prometheus/v1.
const REFUSED: Record<string, string> = {
  'generate/inputs/in-invalid-version.yaml': 'version prometheus/v999',
  'generate/inputs/in-openslo.yaml': 'OpenSLO v1alpha',
  'examples/inputs/openslo-getting-started.yml': 'OpenSLO v1alpha',
  'examples/inputs/openslo-kubernetes-apiserver.yml': 'OpenSLO v1alpha',
  'examples/inputs/contrib-denominator-corrected.yaml': 'SLO plugins',
  'examples/inputs/contrib-slo-plugins.yml': 'SLO plugins',
  'examples/inputs/slo-plugin-getting-started.yml': 'SLO plugins',
  'examples/inputs/slo-plugin-k8s-getting-started.yml': 'SLO plugins',
  'examples/inputs/victoria-metrics.yml': 'SLO plugins',
  'validate/validate/good/good-openslo.yaml': 'OpenSLO v1alpha',
  'validate/validate/good/good-aa.yaml': 'pageAlert and ticketAlert in a prometheus/v1 spec',
  'validate/validate/good/good-ab.yaml': 'pageAlert and ticketAlert in a prometheus/v1 spec',
  'validate/validate/good/good-ba.yaml': 'pageAlert and ticketAlert in a prometheus/v1 spec',
};

describeCorpus('conformance', 'slothSpecsToImport on the Sloth specs of the corpus', () => {
  it('maps every SLO of every spec the reader accepts to an SLI with its objective and queries', () => {
    const mapped: string[] = [];
    for (const file of files()) {
      const read = parseSlothSpecs(readFileSync(join(ROOT(), file), 'utf8'));
      if (!read.ok) continue;
      mapped.push(file);
      const { services, notes } = slothSpecsToImport([{ file, specs: read.value }]);
      const slos = read.value.flatMap((spec) => spec.slos.map((slo) => ({ spec, slo })));
      const slis = services.flatMap((s) => s.slis.map((sli) => ({ service: s.name, sli })));
      expect(
        slis.map((s) => `${s.service}/${s.sli.name}`),
        file,
      ).toEqual(slos.map(({ spec, slo }) => `${spec.service}/${slo.name}`));
      slis.forEach(({ sli }, i) => {
        const { slo } = slos[i]!;
        expect(sli.objectives.slo?.targetPpm, `${file} ${slo.name}`).toBe(Math.round(slo.objectivePercent * 10_000));
        expect(sli.queries, `${file} ${slo.name}`).toEqual(slothQueries(slo));
      });
      expect(notes.every((n) => n.file === file && n.document.startsWith('document '))).toBe(true);
    }
    expect(mapped.length).toBeGreaterThanOrEqual(10);
    expect(files().filter((f) => !mapped.includes(f))).toEqual(files().filter((f) => f in REFUSED));
  });

  it('lists here only inputs the corpus holds, each refused by the reader', () => {
    for (const file of Object.keys(REFUSED)) {
      expect(files(), file).toContain(file);
      expect(parseSlothSpecs(readFileSync(join(ROOT(), file), 'utf8')).ok, file).toBe(false);
    }
  });
});
