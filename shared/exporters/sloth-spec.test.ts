import { describe, expect, it } from 'vitest';
import { importSlothAlertWindows } from '../importers/sloth-alert-windows';
import { parseSlothSpecs } from '../specs/sloth';
import { slothSpecExporter } from './sloth-spec';
import { APPROVED, CHATBOT, DRAFT, service, snapshotOf } from './test/openslo-cases';
import { PAYMENTS, SLOTH_CASES } from './test/sloth-cases';
import { toSloth } from './to-sloth';

const render = (snapshot = snapshotOf([{ service: CHATBOT, version: APPROVED }])) => slothSpecExporter.render(snapshot);

describe('the Sloth exporter', () => {
  it('writes one spec per service and period, and an AlertWindows file for the period without Sloth defaults', () => {
    expect(render().files.map((f) => f.name)).toEqual(['chatbot-1d.sloth.yaml', 'chatbot-30d.sloth.yaml', 'alert-windows/1d.yaml']);
    expect(render(snapshotOf([{ service: PAYMENTS, version: DRAFT }])).files.map((f) => f.name)).toEqual(['payments.sloth.yaml']);
  });

  it('writes the same bytes for the same snapshot', () => {
    expect(render()).toEqual(render());
  });

  it('writes specs that parseSlothSpecs reads back as the very specs they were written from', () => {
    for (const { name, snapshot } of SLOTH_CASES) {
      const specs = toSloth(snapshot).specs;
      const files = slothSpecExporter.render(snapshot).files.filter((f) => f.name.endsWith('.sloth.yaml'));
      expect(files, name).toHaveLength(specs.length);
      files.forEach((file, i) => {
        const read = parseSlothSpecs(file.text);
        expect(read.ok ? read.value : read.issues, `${name} ${file.name}`).toEqual([specs[i]!.spec]);
      });
    }
  });

  it('writes AlertWindows that the AlertWindows importer reads back as the fitted set', () => {
    const windows = toSloth(snapshotOf([{ service: CHATBOT, version: APPROVED }])).specs[0]!.windows;
    const file = render().files.find((f) => f.name === 'alert-windows/1d.yaml')!;
    const read = importSlothAlertWindows(file.text, { name: windows.name });
    expect(read.ok ? read.value : read.issues).toEqual(windows);
  });

  it('marks a draft as a draft in the header, and gives the sloth generate command with the period and windows', () => {
    const draft = render(snapshotOf([{ service: CHATBOT, version: DRAFT }])).files[0]!.text;
    expect(draft).toContain('# DRAFT: the current draft, never proposed. Not approved: do not deploy as agreed.\n');
    expect(draft).toContain('# Rules: sloth generate -i chatbot-1d.sloth.yaml --default-slo-period 1d --slo-period-windows-path alert-windows\n');
    expect(render().files[1]!.text).toContain('# Rules: sloth generate -i chatbot-30d.sloth.yaml --default-slo-period 30d\n');
  });

  it('quotes a name Sloth’s YAML 1.1 reader would take for a boolean', () => {
    const text = render(snapshotOf([{ service: service(4, { name: 'Yes', slis: PAYMENTS.slis }), version: DRAFT }])).files[0]!.text;
    expect(text).toContain('service: "yes"\n');
  });

  it('reports what it lost with the services and SLIs concerned', () => {
    expect(render().report.losses.map((l) => l.id)).toEqual([
      'sla-tier',
      'target-tier',
      'calendar-window',
      'period-split',
      'versions-and-sign-off',
      'budget-policy',
      'dependencies',
      'service-details',
    ]);
    expect(render().report.format).toBe('sloth');
  });
});
