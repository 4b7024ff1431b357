// Plausibility bounds every importer applies before anything is stored: sample times inside 1970–2200, series names
// of at most 256 characters. The store checks the same span again, so an implausible time can never be written.
import type { ImportIssue } from './types';

/** The earliest sample time accepted: 1970-01-01T00:00:00Z. */
export const MIN_SAMPLE_MS = 0;

/** The first sample time refused: 2200-01-01T00:00:00Z (7,258,118,400,000 ms). */
export const MAX_SAMPLE_MS = 7_258_118_400_000;

/** The plausible span as people read it, for messages. */
export const SAMPLE_SPAN_TEXT = '1970-01-01 to 2200-01-01 UTC';

/** The longest series name kept; a longer one (a huge Prometheus label, a long header) is cut to this many characters. */
export const MAX_SERIES_NAME_CHARS = 256;

/** True when a time (UTC ms) lies inside the plausible span [1970-01-01, 2200-01-01). NaN is not. */
export function isPlausibleTime(ms: number): boolean {
  return ms >= MIN_SAMPLE_MS && ms < MAX_SAMPLE_MS;
}

/** A time for a message: ISO 8601 when Date can show it, else the number of ms itself (never throws). */
export function describeTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms since 1970`;
}

/** Why a time is refused, naming it and the span, e.g. "the time 0000-01-01T00:00:00.000Z is outside the plausible span …". */
export function outOfSpanReason(ms: number): string {
  return `the time ${describeTime(ms)} is outside the plausible span of sample times (${SAMPLE_SPAN_TEXT})`;
}

/**
 * The series name, cut to MAX_SERIES_NAME_CHARS characters with a SERIES_NAME_TOO_LONG warning naming the limit when it
 * is longer; a shorter name comes back as it is.
 */
export function boundSeriesName(name: string, issues: { add: (issue: ImportIssue) => void } | ImportIssue[]): string {
  if (name.length <= MAX_SERIES_NAME_CHARS) return name;
  const cut = name.slice(0, MAX_SERIES_NAME_CHARS);
  const issue: ImportIssue = {
    severity: 'warning',
    code: 'SERIES_NAME_TOO_LONG',
    message: `A series name of ${name.length} characters is longer than the limit of ${MAX_SERIES_NAME_CHARS}; it was cut to "${cut.slice(0, 60)}…" (its first ${MAX_SERIES_NAME_CHARS} characters)`,
  };
  if (Array.isArray(issues)) issues.push(issue);
  else issues.add(issue);
  return cut;
}

/** The TOO_MANY_POINTS error when an import would hold more samples than the points limit (limits.maxRows). */
export function tooManyPoints(maxPoints: number): ImportIssue {
  return { severity: 'error', code: 'TOO_MANY_POINTS', message: `More than ${maxPoints} samples, the limit of points per import; reading stopped there` };
}
