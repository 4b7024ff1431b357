import type { AccessLogOptions } from './access-log';
import { decodeBytes, type TextEncodingName } from './csv/decode';
import type { CsvMapping, CsvParseOptions } from './csv/parse';
import type { JsonSamplesOptions } from './json-samples';
import { escapeControlChars } from './escape';
import { detectFormat as detectWith, importerFor } from './registry';
import { DEFAULT_LIMITS, type ImportFormat, type ImportLimits, type ParseResult } from './types';

/** Version of the parsing code, recorded with every import so results can be traced to the parser that made them (2: access-log buckets, DST folds, merged counts). Re-imports are recognised by SHA-256 only. */
export const PARSER_VERSION = 2;

/** How to read one file: its format (or detect it), its text encoding (else UTF-8 or as its BOM says) and the options of that format. */
export type ParseRequest = {
  format: ImportFormat | 'auto';
  encoding?: TextEncodingName;
  csv?: { mapping: CsvMapping } & Omit<CsvParseOptions, 'limits'>;
  accessLog?: Omit<AccessLogOptions, 'limits'>;
  jsonSamples?: Pick<JsonSamplesOptions, 'valueUnit'>;
  prometheusRatio?: boolean;
  limits?: ImportLimits;
};

/** Guesses a file's format from its text (and its name, where known): the registry's most confident importer. */
export function detectFormat(text: string, name?: string): ImportFormat {
  return detectWith(name === undefined ? { text } : { text, name });
}

function refused(format: ImportFormat, code: string, message: string): ParseResult {
  return { format, series: [], issues: [{ severity: 'error', code, message }], accepted: 0, rejected: 0, merged: 0 };
}

/**
 * Decodes a file's bytes and reads it with the importer for its format; never throws on bad input. An empty file is
 * refused as such, whatever its format. Control characters quoted from the file are escaped in every message. CSV
 * reading reports how far it has got through `onProgress`, in bytes of the file (estimated from the characters read).
 */
export function parseFile(bytes: Uint8Array, request: ParseRequest, onProgress?: (doneBytes: number, totalBytes: number) => void): ParseResult {
  const result = readFile(bytes, request, onProgress);
  if (!result.issues.some((issue) => escapeControlChars(issue.message) !== issue.message)) return result;
  return { ...result, issues: result.issues.map((issue) => ({ ...issue, message: escapeControlChars(issue.message) })) };
}

function readFile(bytes: Uint8Array, request: ParseRequest, onProgress?: (doneBytes: number, totalBytes: number) => void): ParseResult {
  const limits = request.limits ?? DEFAULT_LIMITS;
  const guess: ImportFormat = request.format === 'auto' ? 'csv' : request.format;
  if (bytes.length === 0) return refused(guess, 'EMPTY_FILE', 'The file is empty');
  const decoded = decodeBytes(bytes, { limits, ...(request.encoding === undefined ? {} : { encoding: request.encoding }) });
  if (!decoded.ok) return { format: guess, series: [], issues: decoded.issues, accepted: 0, rejected: 0, merged: 0 };
  const text = decoded.text;
  if (text.length === 0) return refused(guess, 'EMPTY_FILE', 'The file is empty');
  if (text.trim() === '') return refused(guess, 'EMPTY_FILE', 'The file holds only blank lines');
  const format = request.format === 'auto' ? detectFormat(text) : request.format;
  const importer = importerFor(format);
  const given = importer.requestField === null ? undefined : request[importer.requestField];
  const options = importer.options.safeParse(given);
  if (!options.success) {
    const first = options.error.issues[0];
    const where = [importer.requestField, ...(first?.path ?? [])].join('.');
    return refused(format, 'BAD_OPTION', `The options for ${importer.names.phrase} are not readable: ${where} ${first?.message ?? 'is malformed'}`);
  }
  const progress = onProgress ? (done: number, total: number) => onProgress(Math.round((done / total) * bytes.length), bytes.length) : undefined;
  return importer.parse({ text }, options.data, { limits, ...(progress ? { onProgress: progress } : {}) });
}
