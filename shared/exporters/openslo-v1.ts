// The OpenSLO v1 exporter: per exported service one YAML file of one document per object (Service, notification
// targets, SLIs, SLOs with an objective per tier, and an AlertCondition and AlertPolicy per burn-rate alert), written
// with the `yaml` package in YAML 1.2's core schema, quoted so YAML 1.1 readers read the same strings. Deterministic:
// the same snapshot gives the same bytes. The loss report says what OpenSLO cannot carry and how it was mapped.
import { Document } from 'yaml';
import type { ExportedService, ExportFile, ExportSnapshot, Exporter } from './types';
import { serviceDocuments, type OpenSloDocument } from './openslo/documents';
import { lossReport, OPENSLO_LOSSES } from './openslo/losses';
import { NameBook, planServices } from './openslo/plan';

/** The id of the OpenSLO v1 format in the registry, the CLI's --format and the loss report. */
export const OPENSLO_FORMAT = 'openslo';

/** One document as YAML text: 1.2 core schema, strings YAML 1.1 would read otherwise quoted, no folded lines. */
export function openSloYaml(document: OpenSloDocument): string {
  return new Document(document, { version: '1.2', schema: 'core', compat: 'yaml-1.1' }).toString({ lineWidth: 0 });
}

function header(snapshot: ExportSnapshot, { service, version }: ExportedService): string {
  const which =
    version.number === null
      ? 'DRAFT, never proposed: not approved'
      : `version ${version.number} (${version.state}${version.state === 'approved' ? '' : ': not approved'})`;
  return `# OpenSLO v1 of ${service.name.replace(/\s+/g, ' ')}, ${which}.\n# Written by SLO Workbench ${snapshot.generatorVersion}; the workbench rewrites this file on every export.\n`;
}

/** One file of the export: its name, the service it holds and its documents. */
export type OpenSloFile = { file: string; exported: ExportedService; documents: OpenSloDocument[] };

/** The documents of every exported service, by service, in the order they are written. */
export function openSloDocuments(snapshot: ExportSnapshot, plans = planServices(snapshot.services.map((s) => s.service))): OpenSloFile[] {
  const namesById = new Map([...snapshot.services.map((s) => s.service), ...snapshot.others].map((s) => [s.id, s.name]));
  const book = new NameBook();
  return plans.map((plan, i) => {
    const exported = snapshot.services[i]!;
    const dependsOn = plan.service.dependencies.map((d) => namesById.get(d.dependsOnId) ?? `service ${d.dependsOnId}`);
    const generator = `slo-workbench ${snapshot.generatorVersion}`;
    const documents = serviceDocuments(plan, { exported, dependsOn, generator, customAlertSets: snapshot.customAlertSets, book });
    return { file: `${plan.name}.yaml`, exported, documents };
  });
}

/** OpenSLO v1: Service, SLI, SLO, AlertCondition, AlertPolicy and AlertNotificationTarget documents, one file per service. */
export const openSloV1Exporter: Exporter = {
  id: OPENSLO_FORMAT,
  title: 'OpenSLO v1',
  extensions: ['.yaml'],
  losses: OPENSLO_LOSSES,
  render(snapshot) {
    const plans = planServices(snapshot.services.map((s) => s.service));
    const files: ExportFile[] = openSloDocuments(snapshot, plans).map(({ file, exported, documents }) => ({
      name: file,
      text: header(snapshot, exported) + documents.map((d) => `---\n${openSloYaml(d)}`).join(''),
    }));
    return { files, report: lossReport(plans) };
  },
};
