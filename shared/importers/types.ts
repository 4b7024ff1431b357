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
};

/** What an importer returns: never throws on bad input, reports it. */
export type ParseResult = {
  format: ImportFormat;
  series: ParsedSeries[];
  issues: ImportIssue[];
  /** Rows (or lines, or events) read and kept, and rejected with an error issue. */
  accepted: number;
  rejected: number;
};

/** Hard limits checked while reading, each with its own error code when exceeded. */
export type ImportLimits = { maxBytes: number; maxRows: number; maxFieldLength: number; maxDepth: number };

/** Limits that fit a workstation: 512 MiB, 20 million rows, 64 KiB fields, nesting 64 deep. */
export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 512 * 1024 * 1024, maxRows: 20_000_000, maxFieldLength: 65_536, maxDepth: 64 };
