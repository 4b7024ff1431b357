// The one list of spec exporters: the export wizard, the CLI and the core's export service will find a format here and
// nowhere else. Adding a format: its exporter file and one line in EXPORTERS.
import { openSloV1Exporter } from './openslo-v1';
import { prometheusRulesExporter } from './prometheus-rules-exporter';
import { pyrraExporter } from './pyrra';
import { reviewMarkdownExporter, reviewPdfExporter } from './review-doc/exporters';
import { slothSpecExporter } from './sloth-spec';
import type { ExportSnapshot, Exporter } from './types';

/** Exporters by id, in the order they were listed. */
export type ExporterRegistry<Snapshot = ExportSnapshot> = {
  list: readonly Exporter<Snapshot>[];
  byId(id: string): Exporter<Snapshot> | undefined;
};

/** Builds a registry from a list, refusing two exporters with one id (the second would never be reachable). */
export function createExporterRegistry<Snapshot = ExportSnapshot>(exporters: readonly Exporter<Snapshot>[]): ExporterRegistry<Snapshot> {
  const byId = new Map<string, Exporter<Snapshot>>();
  for (const exporter of exporters) {
    if (byId.has(exporter.id)) throw new Error(`Two exporters have the id "${exporter.id}": each format needs its own id`);
    byId.set(exporter.id, exporter);
  }
  return { list: [...exporters], byId: (id) => byId.get(id) };
}

/** Every exporter, in the order the export dialog and the CLI list them. */
export const EXPORTERS: ExporterRegistry = createExporterRegistry([
  openSloV1Exporter,
  slothSpecExporter,
  prometheusRulesExporter,
  pyrraExporter,
  reviewMarkdownExporter,
  reviewPdfExporter,
]);
