import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import type { SpecImport } from '#shared/specs/imported';
import { parseOpenSlo, type OpenSloObject } from '#shared/specs/openslo';
import { openSloImport } from '#shared/specs/openslo-import';
import { corpusPath, describeCorpus } from '../corpus';

// Upstream's valid OpenSLO examples through the import: each file maps to services, and every object it does not
// carry in full is named by a note (its file and document); nothing is dropped without one.
const ROOT = () => corpusPath('conformance', 'openslo');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

function importOf(path: string): { objects: OpenSloObject[]; result: SpecImport; file: string } {
  const file = relative(ROOT(), path);
  const parsed = parseOpenSlo(readFileSync(path, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return { objects: parsed.objects, result: openSloImport([{ file, objects: parsed.objects }]), file };
}

describeCorpus('conformance', 'openSloImport on the OpenSLO corpus', () => {
  it('maps every valid v1 and v1alpha example, noting every object that is not imported in full', () => {
    const files = filesUnder(join(ROOT(), 'examples/valid'));
    expect(files.length).toBeGreaterThanOrEqual(39);
    for (const path of files) {
      const { objects, result, file } = importOf(path);
      // A note on an SLO about the SLI it refers to names that SLI in its field ("SLI foo-sli spec.thresholdMetric").
      const noted = new Set(result.notes.flatMap((n) => [n.document, ...(/^SLI [^ ]+/.exec(n.field) ?? [])]));
      for (const n of result.notes) expect(n.file, file).toBe(file);
      const imported = new Set(result.services.flatMap((s) => s.slis.map((sli) => sli.name)));
      for (const o of objects) {
        if (o.kind === 'Service') {
          expect(result.services.some((s) => s.name === (o.metadata.displayName ?? o.metadata.name))).toBe(true);
          continue;
        }
        const whole = o.kind === 'SLO' && imported.has(o.metadata.displayName ?? o.metadata.name);
        expect(whole || noted.has(`${o.kind} ${o.metadata.name}`), `${file}: ${o.kind} ${o.metadata.name}`).toBe(true);
      }
    }
  });

  it('refuses the threshold SLOs and the windows the workbench has no match for, naming the field', () => {
    const notes = (path: string) => importOf(join(ROOT(), path)).result.notes.map((n) => `${n.document} ${n.field}`);
    expect(notes('examples/valid/v1alpha/oslo-legacy/valid-slos-threshold.yaml')).toEqual(['SLO my-amazing-slo spec.indicator.thresholdMetric']);
    expect(notes('examples/valid/v1/oslo-legacy/multi.yaml')).toEqual(['SLO foo-slo SLI foo-sli spec.thresholdMetric', 'DataSource foo-cloudwatch ']);
    expect(notes('examples/valid/v1/schema-test/slo/slo-no-indicatorref-calendar-alerts.yaml')).toContain('SLO test-slo spec.timeWindow[0].duration');
    expect(notes('examples/valid/v1/schema-test/slo/slo-no-indicatorref-rolling-alerts.yaml')).toContain(
      'SLO test-slo spec.indicator.spec.ratioMetric.good.metricSource.type',
    );
  });

  it('reads the services of the go-sdk decode inputs, JSON as YAML', () => {
    const names = (name: string) => importOf(join(ROOT(), 'go-sdk-fixtures/decode', name)).result.services.map((s) => s.name);
    expect(names('sequence_of_objects.yaml')).toEqual(['Users Auth Service', 'Users Login Service']);
    expect(names('sequence_of_objects.json')).toEqual(names('sequence_of_objects.yaml'));
  });
});
