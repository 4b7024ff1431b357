import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../exporters/registry';
import { APPROVED, CHATBOT, snapshotOf } from '../exporters/test/openslo-cases';
import { detectSpecFormat, readSpecFile, specImportOf } from './spec-files';

const snapshot = snapshotOf([{ service: CHATBOT, version: APPROVED }]);

describe('spec files as validate and import-spec read them', () => {
  it('tells the format from the apiVersion, or from Sloth’s version line, and names none for anything else', () => {
    expect(detectSpecFormat('apiVersion: openslo/v1\nkind: SLO\n')).toBe('openslo');
    expect(detectSpecFormat('{"apiVersion": "openslo/v1alpha", "kind": "SLO"}')).toBe('openslo');
    expect(detectSpecFormat('# c\napiVersion: "pyrra.dev/v1alpha1"\nkind: ServiceLevelObjective\n')).toBe('pyrra');
    expect(detectSpecFormat('apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\n')).toBe('sloth');
    expect(detectSpecFormat('apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\n')).toBe('sloth-alert-windows');
    expect(detectSpecFormat('version: "prometheus/v1"\nservice: x\n')).toBe('sloth');
    expect(detectSpecFormat('groups:\n- name: x\n')).toBeNull();
  });

  it('reads back every file each spec exporter writes for the chatbot, in its own format', () => {
    // Rule files and the review documents are outputs for Prometheus and for people, not specs read back.
    const notSpecs = new Set(['prometheus-rules', 'markdown', 'pdf']);
    expect(EXPORTERS.list.filter((e) => !notSpecs.has(e.id)).map((e) => e.id)).toEqual(['openslo', 'sloth', 'pyrra']);
    for (const exporter of EXPORTERS.list.filter((e) => !notSpecs.has(e.id))) {
      for (const file of exporter.render(snapshot).files) {
        const read = readSpecFile(file.name, file.text);
        expect([exporter.id, file.name, read.ok]).toEqual([exporter.id, file.name, true]);
      }
    }
  });

  it('turns exported files back into the chatbot service with its latency SLI and three tiers', () => {
    for (const id of ['openslo', 'pyrra']) {
      const files = EXPORTERS.byId(id)!
        .render(snapshot)
        .files.map((f) => readSpecFile(f.name, f.text));
      const imported = specImportOf(files.filter((f) => f.ok));
      expect([id, imported.services.map((s) => s.name)]).toEqual([id, [CHATBOT.name]]);
      const latency = imported.services[0]!.slis.find((s) => s.name === CHATBOT.slis[0]!.name)!;
      expect([id, Object.keys(latency.objectives).sort()]).toEqual([id, ['sla', 'slo', 'target']]);
    }
  });

  it('refuses a file of unknown format and says why, naming the file', () => {
    expect(readSpecFile('rules.yaml', 'groups:\n  - name: x\n')).toEqual({
      ok: false,
      file: 'rules.yaml',
      format: null,
      issues: [{ message: 'rules.yaml: not a spec file this reads: it looks like a Prometheus rule file: check it with promtool check rules' }],
    });
    expect(readSpecFile('x.yaml', 'apiVersion: nobl9.com/v1alpha\n')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('apiVersion "nobl9.com/v1alpha" is not one this reads') }],
    });
  });

  it('names the file, document and field of an invalid spec', () => {
    const sloth = readSpecFile(
      'bad.sloth.yaml',
      'version: prometheus/v1\nservice: web\nslos:\n  - name: avail\n    objective: 100\n    sli:\n      raw:\n        error_ratio_query: x[{{.window}}]\n',
    );
    expect(sloth.ok).toBe(false);
    if (!sloth.ok)
      expect(sloth.issues[0]).toEqual({
        message: 'bad.sloth.yaml: Document 1 slos.0.objective: must be above 0 and below 100: a 100 % objective leaves no error budget to alert on',
        line: 5,
      });
  });
});
