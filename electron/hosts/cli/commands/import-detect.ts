// What `import FILE` detects in a CSV given without --map or --time-format: the columns and time format the import
// wizard proposes (one copy of that guess: shared/importers/csv/columns.ts), read from the core's import/preview of
// the file. An unambiguous guess is used and printed; an ambiguous or missing one is refused with the candidates.
import { guessColumns, guessTimeFormat, TIME_FORMAT_WORDS } from '#shared/importers/csv/columns';
import type { ColumnRole } from '#shared/importers/csv/detect';
import type { CsvMapping } from '#shared/importers/csv/parse';
import type { CsvTimeFormat } from '#shared/importers/csv/time';
import type { TextEncodingName } from '#shared/importers/csv/decode';
import type { ImportPreview } from '#shared/ipc/contract';
import type { JsonImportReport } from '../json-output';
import { refuse, type CliCore, type CommandOutput } from '../session';

/** What was detected, as --json reports it: the columns by header name, and the time format when it was guessed. */
export type DetectedCsv = { columns?: Partial<Record<ColumnRole, string>>; timeFormat?: CsvTimeFormat };

/** The CSV options an import sends, with what of them was detected (the line to print and the --json field). */
export type CsvChoice = {
  csv: { mapping: CsvMapping; timeFormat: CsvTimeFormat; timeZone?: string };
  detected: DetectedCsv | null;
  line: string | null;
};

/** What the command line said about a CSV: --map read into a mapping, --time-format, --timezone (each may be absent). */
export type CsvFlags = { mapping?: CsvMapping; timeFormat?: CsvTimeFormat; timeZone?: string };

function headerIndex(headers: readonly string[], ref: string | number): number {
  if (typeof ref === 'number') return ref;
  return headers.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
}

const EXAMPLE = '--map time=COL,good=COL,total=COL';

function fromColumns(preview: ImportPreview, fileName: string, flags: CsvFlags): CsvChoice {
  const csv = preview.csv!;
  const guess = guessColumns(csv.headers, csv.roles as (ColumnRole | null)[], csv.rows[0]);
  const refusal = (reason: string, example: string): never =>
    refuse('INVALID_ARGUMENT', `${fileName} was not imported: ${reason}. Name the columns with --map, e.g. ${example}. Nothing was stored`, 'csv', '--map');
  if (guess.mapping === null) return refusal(guess.missing ?? 'its columns could not be told apart', EXAMPLE);
  const named = guess.roles.map(([role, at]): [ColumnRole, string] => [role, csv.headers[at] ?? `column ${at + 1}`]);
  if (guess.ambiguity !== null) return refusal(guess.ambiguity, `--map ${named.map(([role, name]) => `${role}=${name}`).join(',')}`);
  const timeFormat = flags.timeFormat ?? guess.timeFormat;
  const said = named.map(([role, name]) =>
    role === 'time' && flags.timeFormat === undefined ? `${role}=${name} (${TIME_FORMAT_WORDS[timeFormat]})` : `${role}=${name}`,
  );
  const unused = guess.unused.map((at) => csv.headers[at]);
  return {
    csv: { mapping: guess.mapping, timeFormat, ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }) },
    detected: { columns: Object.fromEntries(named), ...(flags.timeFormat === undefined ? { timeFormat } : {}) },
    line: `Detected columns: ${said.join(', ')}${unused.length > 0 ? `; not used: ${unused.join(', ')}` : ''}`,
  };
}

function withTimeFormat(preview: ImportPreview | null, mapping: CsvMapping, flags: CsvFlags): CsvChoice {
  const base = { mapping, ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }) };
  if (flags.timeFormat !== undefined || !preview?.csv) return { csv: { ...base, timeFormat: flags.timeFormat ?? 'iso' }, detected: null, line: null };
  const at = headerIndex(preview.csv.headers, mapping.time);
  const { timeFormat } = guessTimeFormat(at >= 0 ? preview.csv.rows[0]?.[at] : undefined);
  // ISO 8601 is what --time-format means when it is not given; only an epoch guess changes anything, so only it is said.
  if (timeFormat === 'iso') return { csv: { ...base, timeFormat }, detected: null, line: null };
  const column = preview.csv.headers[at] ?? String(mapping.time);
  return { csv: { ...base, timeFormat }, detected: { timeFormat }, line: `Detected time format: ${TIME_FORMAT_WORDS[timeFormat]} (column ${column})` };
}

/**
 * The CSV options of a file import. With --map and --time-format nothing is read here. Otherwise the core previews
 * the file (as the wizard does); when it is a CSV, the missing part is guessed from it. Null when the file is not a
 * CSV (its own importer reads it) or could not be previewed as text (the import then says why).
 */
export async function chooseCsvOptions(
  core: CliCore,
  file: { path: string; name: string; format: string; encoding?: TextEncodingName },
  flags: CsvFlags,
): Promise<CsvChoice | null> {
  if (file.format !== 'auto' && file.format !== 'csv') return flags.mapping ? withTimeFormat(null, flags.mapping, flags) : null;
  if (flags.mapping && flags.timeFormat !== undefined) return withTimeFormat(null, flags.mapping, flags);
  const preview = await core.call(
    'import/preview',
    { path: file.path, ...(file.encoding === undefined ? {} : { encoding: file.encoding }) },
    { path: '<file>' },
  );
  // A file with no columns (empty, blank) is left to the import, which says what it is.
  const isCsv = preview.csv !== null && preview.csv.headers.length > 0 && (file.format === 'csv' || preview.format === 'csv');
  if (flags.mapping) return withTimeFormat(isCsv ? preview : null, flags.mapping, flags);
  return isCsv ? fromColumns(preview, file.name, flags) : null;
}

/** An import's output with what was detected said first (and in --json as `detected`). */
export function withDetected(output: { json: JsonImportReport; text: string[] }, choice: CsvChoice | null): CommandOutput {
  if (!choice?.line || !choice.detected) return output;
  return { json: { ...output.json, detected: choice.detected }, text: [choice.line, ...output.text] };
}
