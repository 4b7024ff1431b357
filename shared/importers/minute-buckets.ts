// Helpers the event-based importers share: strict numbers (reliability.md R23), time buckets and column building.
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

/** The median spacing of sorted sample times, or null with fewer than two samples. */
export function medianStep(t: ArrayLike<number>): number | null {
  if (t.length < 2) return null;
  const steps: number[] = [];
  for (let i = 1; i < t.length; i++) steps.push(t[i]! - t[i - 1]!);
  steps.sort((a, b) => a - b);
  return steps[Math.floor((steps.length - 1) / 2)]!;
}

/** Good and total events counted into one bucket. */
export type Bucket = { good: number; total: number };

/**
 * A series from buckets of bucketMs keyed by their start time, sorted by time. Each sample is stamped at the end of its
 * bucket, as every series is read: a sample stands for the interval that ends at its time. The step is the bucket
 * length, whatever the gaps between the buckets that hold events.
 */
export function seriesFromBuckets(name: string, buckets: Map<number, Bucket>, bucketMs: number): ParsedSeries {
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  const t = new Float64Array(keys.length);
  const good = new Float64Array(keys.length);
  const total = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const bucket = buckets.get(key)!;
    t[i] = key + bucketMs;
    good[i] = bucket.good;
    total[i] = bucket.total;
  });
  return { name, stepMs: bucketMs, t, good, total };
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
