/** Formats the workbench imports history from. */
export const IMPORT_FORMATS = ['csv', 'prometheus-json', 'json-samples', 'access-log', 'upptime', 'nginx-status'] as const;

/** One import format. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A problem found while reading a file, located where possible (1-based line and column). */
export type ImportIssue = {
  severity: 'error' | 'warning';
  /** Stable code, e.g. BAD_NUMBER, GOOD_ABOVE_TOTAL, DUPLICATE_TIMESTAMP, OUT_OF_ORDER, GAP, RAGGED_ROW, FIELD_TOO_LONG. */
  code: string;
  message: string;
  line?: number;
  column?: number;
};

/**
 * One imported series as columns: sample times (UTC ms, strictly increasing after normalisation) and, per sample,
 * good and total events. A value-with-threshold source becomes good = 1 when the value meets the threshold, total = 1.
 */
export type ParsedSeries = {
  name: string;
  /** Typical spacing of samples in ms (the median step), or null with fewer than two samples. */
  stepMs: number | null;
  t: Float64Array;
  good: Float64Array;
  total: Float64Array;
  /** For latency sources: what is kept to judge each tier at its own threshold (good is then recomputed per tier). */
  latency?: LatencyData;
};

/** The unit latency values are written in; they are stored in milliseconds. */
export type LatencyUnit = 'ms' | 's' | 'us';

/**
 * What a latency series keeps so that any tier can be judged at its own threshold (value ≤ threshold is good):
 * - `values`: one event per sample (a CSV value column); each sample's value in ms, any threshold judged exactly.
 * - `counts`: many events per sample (an access log's minutes); per sample, the events at or under each bound in ms
 *   (a cumulative histogram, as Prometheus keeps one per `le`). A threshold is judged exactly only at a stored bound.
 */
export type LatencyData =
  { kind: 'values'; unit: LatencyUnit; valuesMs: Float64Array } | { kind: 'counts'; unit: LatencyUnit; boundsMs: number[]; atOrBelow: Float64Array[] };

/**
 * What an importer returns: never throws on bad input, reports it. Every row of the file is counted exactly once, so
 * accepted + rejected + merged = the rows of the file (unless a limit stopped the reading, which is an error and
 * refuses the import). What a row is, per format:
 * - csv: a non-blank record after the header. Rows merged: those whose time repeats a later row's (the last is kept).
 * - prometheus-json: a [time, value] sample of a matrix entry, other than "NaN" (Prometheus's mark of no sample,
 *   reported as MISSING_SAMPLE and counted nowhere); a malformed series entry is one rejected row. Rows merged: samples
 *   whose time repeats another sample's in the same series (the last in the file is kept).
 * - json-samples: an element of the top-level array. Rows merged: as for csv.
 * - access-log: a non-blank line, one request. Accepted lines are counted into minute buckets, so accepted counts the
 *   lines kept, not the samples (buckets) they make; nothing is merged (merged = 0).
 * - upptime: a non-blank record after the header, one status event. Accepted counts the events kept (several events of
 *   one monitor in one minute are kept and the last decides that minute); merged = 0.
 * - nginx-status: a non-blank line, one status snapshot. A snapshot whose timestamp does not increase is rejected;
 *   accepted counts snapshots kept, not the intervals between them; merged = 0.
 * - a live Prometheus import (prometheus-api): a step with a total sample; merged = 0.
 */
export type ParseResult = {
  format: ImportFormat;
  series: ParsedSeries[];
  issues: ImportIssue[];
  /** Rows kept (each a sample, or for event formats counted into one). */
  accepted: number;
  /** Rows refused with an error issue. */
  rejected: number;
  /** Rows read without error but merged into another row as duplicates of its time (counted in warnings too). */
  merged: number;
};

/** Hard limits checked while reading, each with its own error code when exceeded. */
export type ImportLimits = { maxBytes: number; maxRows: number; maxFieldLength: number; maxDepth: number };

/** Limits that fit a workstation: 512 MiB, 20 million rows, 64 KiB fields, nesting 64 deep. */
export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 512 * 1024 * 1024, maxRows: 20_000_000, maxFieldLength: 65_536, maxDepth: 64 };
