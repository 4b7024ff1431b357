import { z } from 'zod';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../importers/csv/decode';
import { checkBucketMs } from '../../importers/minute-buckets';
import { IMPORT_FORMATS, type ImportFormat, type ImportIssue } from '../../importers/types';
import { checked, EVERY_HOST, filePath, id, jobId, latencyUnit, none, returns, timeMs, timeZone, type ChannelSpec } from './fields';

const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);

/** Boundary schema of a CSV column mapping. */
export const csvMappingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('good-total'), time: columnRef, good: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('bad-total'), time: columnRef, bad: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('ratio'), time: columnRef, ratio: columnRef, total: columnRef.optional() }).strict(),
  z
    .object({
      kind: z.literal('value-threshold'),
      time: columnRef,
      value: columnRef,
      threshold: z.number().refine(Number.isFinite, 'The threshold must be a number'),
      direction: z.enum(['below', 'above']),
    })
    .strict(),
  z.object({ kind: z.literal('latency'), time: columnRef, value: columnRef, unit: latencyUnit }).strict(),
]);

/** Boundary schema of the live Prometheus queries: good and total, or an error ratio. */
export const promQuerySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('good-total'),
      good: z.string().min(1, 'A PromQL query for good events is required').max(4000),
      total: z.string().min(1, 'A PromQL query for total events is required').max(4000),
    })
    .strict(),
  z.object({ kind: z.literal('error-ratio'), errorRatio: z.string().min(1, 'A PromQL query for the error ratio is required').max(4000) }).strict(),
]);

/**
 * A stored series as an import reports it: its name, samples, typical step and time span, and for a latency series
 * what it keeps to judge each tier (values, or counts at `bounds` latency bounds) and the unit the latencies were in.
 */
export type SeriesSummary = {
  name: string;
  points: number;
  stepMs: number | null;
  startMs: number | null;
  endMs: number | null;
  latency?: { kind: 'values' | 'counts'; unit: 'ms' | 's' | 'us'; bounds: number };
};

/** Where an import came from: a file format, or a live Prometheus server's HTTP API. */
export type ImportSource = ImportFormat | 'prometheus-api';

/** What an import did: stored (with its series), recognised as a duplicate, or refused because of bad rows. */
export type ImportSummary = {
  status: 'stored' | 'duplicate' | 'refused';
  importId: number | null;
  fileName: string;
  format: ImportSource;
  /**
   * Rows kept, rejected with an error, and merged into another row as duplicates of its time: together every row of
   * the file (ParseResult in shared/importers/types.ts says what a row is per format).
   */
  accepted: number;
  rejected: number;
  merged: number;
  series: SeriesSummary[];
  issues: ImportIssue[];
};

/** The first lines of a file and what the import wizard guessed from them, before anything is stored. */
export type ImportPreview = {
  fileName: string;
  bytes: number;
  format: ImportFormat;
  /** The first lines as text (each cut to 300 characters). */
  lines: string[];
  /** The text encoding the preview was asked to read the file in (else UTF-8, or as its byte-order mark says). */
  encoding?: TextEncodingName;
  /** For CSV/TSV: delimiter, header, preview rows, guessed roles, a suggested mapping and time format. */
  csv: {
    delimiter: string;
    hasHeader: boolean;
    headers: string[];
    rows: string[][];
    roles: (string | null)[];
    mapping: z.output<typeof csvMappingSchema> | null;
    timeFormat: 'iso' | 'epoch-s' | 'epoch-ms';
    /** True when the sample timestamps carry no offset, so the user must choose a time zone. */
    needsTimeZone: boolean;
  } | null;
  issues: ImportIssue[];
};

/** An import as listed for an SLI, newest last, with its series. */
export type ImportListing = {
  id: number;
  fileName: string;
  format: ImportSource;
  acceptedRows: number;
  rejectedRows: number;
  mergedRows: number;
  finishedAt: number | null;
  series: (SeriesSummary & { seriesId: number })[];
};

const encoding = z.enum(TEXT_ENCODINGS, { message: `Encoding must be one of ${TEXT_ENCODINGS.join(', ')}` }).optional();
const onBadRows = z.enum(['skip', 'abort']).default('abort');

/**
 * Importing history: from a file (Electron's page by a picked-file reference, the browser page by a name inside the
 * served folder, the CLI by path) or from a live Prometheus server; listing and deleting imports.
 */
export const importChannels = {
  /** Electron: the user picks a history file; the answer is a reference the import channels accept in place of a path. */
  'import/pick-dialog': { args: none, result: returns<{ ref: string; fileName: string } | null>(), hosts: ['electron'] },
  'import/file': {
    args: z
      .object({
        sliId: id,
        path: filePath,
        format: z.enum([...IMPORT_FORMATS, 'auto']).default('auto'),
        csv: z
          .object({ mapping: csvMappingSchema, timeFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']), timeZone: timeZone.optional() })
          .strict()
          .optional(),
        encoding,
        accessLog: z
          .object({
            bucketMs: checked(z.number(), (ms) => {
              const problem = checkBucketMs(ms);
              return problem === null ? { ok: true, value: ms } : { ok: false, message: problem };
            }).optional(),
            durationField: z.enum(['microseconds', 'milliseconds', 'seconds']).optional(),
            latencyThresholdMs: z.number().positive().max(3_600_000).optional(),
          })
          .strict()
          .optional(),
        jsonSamples: z.object({ valueUnit: latencyUnit.optional() }).strict().optional(),
        prometheusRatio: z.boolean().optional(),
        onBadRows,
        jobId: jobId.optional(),
      })
      .strict(),
    result: returns<ImportSummary>(),
    hosts: EVERY_HOST,
    file: 'path',
  },
  'import/preview': {
    args: z.object({ path: filePath, encoding }).strict(),
    result: returns<ImportPreview>(),
    hosts: EVERY_HOST,
    file: 'path',
  },
  'import/prometheus': {
    args: z
      .object({
        sliId: id,
        url: z.string().max(2000).url('The Prometheus address must be a URL such as http://localhost:9090'),
        query: promQuerySchema,
        startMs: timeMs,
        endMs: timeMs,
        stepSeconds: z.number().int('The step is whole seconds').min(1, 'The step must be at least 1 second').max(86_400, 'The step must be at most 1 day'),
        onBadRows,
        jobId: jobId.optional(),
      })
      .strict(),
    result: returns<ImportSummary>(),
    hosts: EVERY_HOST,
  },
  'import/cancel': { args: z.object({ jobId }).strict(), result: returns<{ cancelled: boolean }>(), hosts: EVERY_HOST },
  'import/list': { args: z.object({ sliId: id }).strict(), result: returns<ImportListing[]>(), hosts: EVERY_HOST },
  'import/delete': { args: z.object({ importId: id }).strict(), result: returns<{ importId: number }>(), hosts: EVERY_HOST },
} as const satisfies Record<string, ChannelSpec>;
