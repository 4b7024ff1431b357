// The CSV/TSV importer as the registry lists it: any text may be a table, so it is detected last; it needs a column
// mapping and a time format (the wizard and the CLI guess them with csv/columns.ts before asking for the parse).
import { z } from 'zod';
import { CONFIDENCE, type Importer } from '../importer';
import type { ParseResult } from '../types';
import { CSV_DELIMITERS } from './detect';
import { parseCsv, type CsvMapping } from './parse';

// Columns and numbers are checked by parseCsv, which names the column or the row in its issues; the schema checks types.
const ref = z.union([z.string(), z.number()]);
const number = z.custom<number>((value) => typeof value === 'number', { message: 'must be a number' });
const mapping: z.ZodType<CsvMapping> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('good-total'), time: ref, good: ref, total: ref }),
  z.object({ kind: z.literal('bad-total'), time: ref, bad: ref, total: ref }),
  z.object({ kind: z.literal('ratio'), time: ref, ratio: ref, total: ref.optional() }),
  z.object({ kind: z.literal('value-threshold'), time: ref, value: ref, threshold: number, direction: z.enum(['below', 'above']) }),
  z.object({ kind: z.literal('latency'), time: ref, value: ref, unit: z.enum(['ms', 's', 'us']) }),
]);

const csvOptions = z
  .object({
    mapping,
    timeFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']),
    timeZone: z.string().optional(),
    delimiter: z.enum(CSV_DELIMITERS).optional(),
    hasHeader: z.boolean().optional(),
    name: z.string().optional(),
  })
  .optional();

/** The options of a CSV parse: the column mapping and how times are written (undefined until a mapping is chosen). */
export type CsvOptions = z.infer<typeof csvOptions>;

const MAPPING_REQUIRED: ParseResult = {
  format: 'csv',
  series: [],
  issues: [
    {
      severity: 'error',
      code: 'MAPPING_REQUIRED',
      message: 'A CSV file needs a column mapping: which column is the time, and which hold good and total (or bad, a ratio, or a value and its threshold)',
    },
  ],
  accepted: 0,
  rejected: 0,
  merged: 0,
};

/** The CSV/TSV importer: comma, semicolon or tab delimited, with a header or columns chosen by index. */
export const csvImporter: Importer<'csv', CsvOptions> = {
  id: 'csv',
  names: { title: 'CSV / TSV table', phrase: 'CSV', short: 'CSV' },
  extensions: ['.csv', '.tsv', '.txt'],
  detect: () => CONFIDENCE.fallback,
  requestField: 'csv',
  options: csvOptions,
  parse: ({ text }, options, { limits, onProgress }) =>
    options === undefined
      ? { ...MAPPING_REQUIRED, issues: [...MAPPING_REQUIRED.issues] }
      : parseCsv(text, options.mapping, { ...options, limits, ...(onProgress ? { onProgress } : {}) }),
};
