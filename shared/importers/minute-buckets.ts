// Helpers the event-based importers share: strict numbers (docs/reliability.md R23), time buckets and column building.
import { formatDuration } from '../budget/alerts';
import type { ImportIssue, ImportLimits, ParsedSeries } from './types';
import { parseStrictSpan } from './csv/numbers';
import { utf8Length } from './yaml-guard';

/** One minute in milliseconds, the resolution of bucketed series. */
export const MINUTE_MS = 60_000;

/**
 * A finite number from text in the one decimal/exponent grammar (csv/numbers), or null ('', ' ', '0x10', '1,5', '1e400',
 * 'NaN'). Unlike a CSV field, a log or JSON value may not carry surrounding spaces.
 */
export function parseStrictNumber(text: string): number | null {
  if (text.length === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) return null;
  return parseStrictSpan(text, 0, text.length);
}

/** One day in milliseconds, the longest bucket. */
const DAY_MS = 86_400_000;

/** The start of the bucket a time falls in; buckets are aligned to UTC midnight (they divide a day). */
export function floorToBucket(ms: number, bucketMs: number): number {
  return Math.floor(ms / bucketMs) * bucketMs;
}

/**
 * Why a bucket length cannot be used for events, or null: a bucket is a whole number of minutes that divides a day
 * (1m, 5m, 15m, 1h, 1d, ...), so every day starts a bucket.
 */
export function checkBucketMs(bucketMs: number): string | null {
  if (Number.isInteger(bucketMs) && bucketMs >= MINUTE_MS && bucketMs <= DAY_MS && bucketMs % MINUTE_MS === 0 && DAY_MS % bucketMs === 0) return null;
  return 'The bucket must be a whole number of minutes that divides a day, such as 1m, 5m, 15m or 1h';
}

/** Good and total events counted into one bucket. */
export type Bucket = { good: number; total: number };

/** The first and last bucket start holding events and how many buckets they span, empty ones included; null when none. */
export function bucketSpan(buckets: Map<number, Bucket>, bucketMs: number): { firstMs: number; lastMs: number; count: number } | null {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const start of buckets.keys()) {
    if (start < firstMs) firstMs = start;
    if (start > lastMs) lastMs = start;
  }
  return firstMs > lastMs ? null : { firstMs, lastMs, count: (lastMs - firstMs) / bucketMs + 1 };
}

/** The start of every bucket from the first to the last holding events, in time order, empty ones included (see bucketSpan for the count). */
export function bucketStarts(buckets: Map<number, Bucket>, bucketMs: number): number[] {
  const span = bucketSpan(buckets, bucketMs);
  return span === null ? [] : Array.from({ length: span.count }, (_, i) => span.firstMs + i * bucketMs);
}

/**
 * A series of every bucket of bucketMs from the first to the last holding events: a bucket without events is a sample
 * with no events (an event stream that logs every event had none then), so the samples are contiguous and each stands
 * for exactly its bucket. Each is stamped at the end of its bucket, as every series is read; stepMs is the bucket length.
 */
export function seriesFromBuckets(name: string, buckets: Map<number, Bucket>, bucketMs: number, starts: readonly number[]): ParsedSeries {
  const t = new Float64Array(starts.length);
  const good = new Float64Array(starts.length);
  const total = new Float64Array(starts.length);
  starts.forEach((start, i) => {
    const bucket = buckets.get(start);
    t[i] = start + bucketMs;
    good[i] = bucket?.good ?? 0;
    total[i] = bucket?.total ?? 0;
  });
  return { name, stepMs: bucketMs, t, good, total };
}

/**
 * The TOO_MANY_POINTS error when the buckets from the first to the last event, in each of `seriesCount` series, exceed
 * the points limit, naming the span and the shortest bucket that fits (or saying that none does); else null.
 */
export function checkBucketPoints(buckets: Map<number, Bucket>, bucketMs: number, seriesCount: number, maxPoints: number): ImportIssue | null {
  const span = bucketSpan(buckets, bucketMs);
  if (span === null || span.count * seriesCount <= maxPoints) return null;
  const shown = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const each = seriesCount === 1 ? '' : ` in each of ${seriesCount} series`;
  const lastEventMs = span.lastMs + bucketMs - 1;
  let fits: number | null = null;
  for (let minutes = bucketMs / MINUTE_MS + 1; minutes <= DAY_MS / MINUTE_MS && fits === null; minutes++) {
    const ms = minutes * MINUTE_MS;
    if (checkBucketMs(ms) === null && (floorToBucket(lastEventMs, ms) - floorToBucket(span.firstMs, ms)) / ms + 1 <= maxPoints / seriesCount) fits = minutes;
  }
  const advice = fits === null ? 'even a day is too short a bucket; split the log' : `choose a bucket of ${formatDuration(fits)} or longer`;
  return {
    severity: 'error',
    code: 'TOO_MANY_POINTS',
    message: `The log runs from ${shown(span.firstMs)} to ${shown(span.lastMs)}: ${span.count} buckets of ${formatDuration(bucketMs / MINUTE_MS)}${each}, more than the limit of ${maxPoints} points per import; ${advice}`,
  };
}

/** Adds events to the bucket starting at a time, creating it when absent. */
export function addToBucket(buckets: Map<number, Bucket>, start: number, good: number, total: number): void {
  const bucket = buckets.get(start);
  if (bucket === undefined) buckets.set(start, { good, total });
  else {
    bucket.good += good;
    bucket.total += total;
  }
}

/** A TOO_LARGE error when the text exceeds the byte limit, else null. */
export function checkSize(text: string, limits: ImportLimits): ImportIssue | null {
  const bytes = utf8Length(text);
  if (bytes <= limits.maxBytes) return null;
  return { severity: 'error', code: 'TOO_LARGE', message: `The file is ${bytes} bytes; at most ${limits.maxBytes} are accepted` };
}

/** The lines of a text with LF, CRLF or CR endings, without a trailing empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
