// The one list of history importers (docs/architecture.md, "how to add an importer"). The CLI's --format, the import
// wizard's format names, the core's import service (through dispatch.ts) and format detection all read it. Adding a
// format: its importer file, its id in IMPORT_FORMATS (types.ts, which the contract validates) and one line below; the
// compiler refuses the registry while either is missing.
import { accessLogImporter } from './access-log';
import { csvImporter } from './csv/importer';
import type { ImportInput, Importer } from './importer';
import { jsonSamplesImporter } from './json-samples';
import { nginxStatusImporter } from './nginx-status';
import { prometheusJsonImporter } from './prometheus-json';
import { IMPORT_FORMATS, type ImportFormat } from './types';
import { upptimeImporter } from './upptime';

/** Every importer, by its id. */
const BY_ID: { readonly [Id in ImportFormat]: Importer<Id> } = {
  csv: csvImporter,
  'prometheus-json': prometheusJsonImporter,
  'json-samples': jsonSamplesImporter,
  'access-log': accessLogImporter,
  upptime: upptimeImporter,
  'nginx-status': nginxStatusImporter,
};

/** The importers in IMPORT_FORMATS order (the order --format lists them in). */
export const IMPORTERS: readonly Importer[] = IMPORT_FORMATS.map((id) => importerFor(id));

/** The importer of a format. */
export function importerFor(format: ImportFormat): Importer {
  return BY_ID[format];
}

/** The import formats as people read them, by id: the wizard's titles (a live Prometheus import is not a file format). */
export function formatTitles(): Record<ImportFormat, string> {
  return Object.fromEntries(IMPORTERS.map((i) => [i.id, i.names.title])) as Record<ImportFormat, string>;
}

/** The extensions (without their dot) history files are found under, in registry order, each once. */
export function historyExtensions(): string[] {
  return [...new Set(IMPORTERS.flatMap((importer) => importer.extensions.map((extension) => extension.slice(1))))];
}

/**
 * The format of a text: the importer most confident it is its own, the first listed on a tie. CSV answers for any
 * text, so there is always one.
 */
export function detectFormat(input: ImportInput): ImportFormat {
  let best: { id: ImportFormat; confidence: number } = { id: 'csv', confidence: 0 };
  for (const importer of IMPORTERS) {
    const confidence = importer.detect(input);
    if (confidence !== null && confidence > best.confidence) best = { id: importer.id, confidence };
  }
  return best.id;
}
