// Common and Combined Log Format (Apache %h %l %u %t "%r" %>s %b ["%{Referer}i" "%{User-agent}i"], nginx's "combined"),
// optionally followed by a duration field. An access log is a stream of events: requests are counted in buckets of a
// stated length (one minute unless asked otherwise), never at a step guessed from the gaps between them. Availability
// counts every request whose status is below 500 as good (4xx included: the client's mistake, not the service's).
import { formatDuration } from '../budget/alerts';
import { describeTime, isPlausibleTime, outOfSpanReason, SAMPLE_SPAN_TEXT } from './bounds';
import { createLatencyCounter, latencyBounds } from './latency';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type LatencyUnit, type ParseResult } from './types';
import {
  addToBucket,
  bucketStarts,
  checkBucketMs,
  checkBucketPoints,
  checkSize,
  floorToBucket,
  MINUTE_MS,
  parseStrictNumber,
  seriesFromBuckets,
  splitLines,
  type Bucket,
} from './minute-buckets';
import { z } from 'zod';
import { CONFIDENCE, type Importer } from './importer';

/** The unit of a duration written as the last field of each line: %D (µs), milliseconds, or nginx $request_time (s). */
export type DurationField = 'microseconds' | 'milliseconds' | 'seconds';

/**
 * How to read an access log: the bucket length (one minute by default), and the duration field and latency threshold
 * that enable a latency series beside availability.
 */
export type AccessLogOptions = {
  bucketMs?: number;
  durationField?: DurationField;
  latencyThresholdMs?: number;
  /**
   * With a duration field: thresholds (a latency SLI's tiers') at which each bucket's requests are counted exactly,
   * besides the fixed grid of bounds, so each tier is judged at its own threshold later. Enough without a threshold.
   */
  latencyBoundsMs?: number[];
  limits?: ImportLimits;
};

const DURATION_UNITS: Record<DurationField, LatencyUnit> = { microseconds: 'us', milliseconds: 'ms', seconds: 's' };

/** Series name of the per-bucket non-5xx share. */
export const AVAILABILITY_SERIES = 'availability';

/** Series name of the per-bucket share of requests at or under the latency threshold. */
export const LATENCY_SERIES = 'latency';

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const LINE = new RegExp(`^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] ${QUOTED} (\\d{3}) (\\d+|-)(?:( .*))?$`);
// What may follow the Common fields: Combined's referer and user agent, then an optional duration.
const TAIL = new RegExp(`^(?: ${QUOTED} ${QUOTED})?(?: +(\\S+))?\\s*$`);
const STAMP = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNIT_MS: Record<DurationField, number> = { microseconds: 0.001, milliseconds: 1, seconds: 1000 };

/** UTC milliseconds of a log timestamp such as 17/May/2015:10:05:03 +0000, or null when it is not a real time. */
export function parseLogTimestamp(text: string): number | null {
  const m = STAMP.exec(text);
  if (m === null) return null;
  const [, dd, mon, yyyy, hh, mi, ss, sign, oh, om] = m as unknown as string[];
  const month = MONTHS.indexOf(mon!);
  const [day, year, hour, minute, second] = [dd, yyyy, hh, mi, ss].map((part) => Number.parseInt(part!, 10)) as [number, number, number, number, number];
  const offsetMinutes = Number.parseInt(oh!, 10) * 60 + Number.parseInt(om!, 10);
  if (month < 0 || hour > 23 || minute > 59 || second > 59 || Number.parseInt(om!, 10) > 59 || offsetMinutes > 14 * 60) return null;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear keeps the year written (0015 stays 15, to be refused).
  const check = new globalThis.Date(Date.UTC(2000, month, day, hour, minute, second));
  check.setUTCFullYear(year, month, day);
  // Date.UTC rolls 31/Feb over into March; a real date round-trips.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month) return null;
  return check.getTime() - (sign === '-' ? -1 : 1) * offsetMinutes * 60_000;
}

/** True when a text's first non-empty line looks like Common or Combined Log Format. */
export function detectAccessLog(text: string): boolean {
  const first = /^[^\r\n]*\S[^\r\n]*/m.exec(text.slice(0, 65_536));
  return first !== null && LINE.test(first[0]);
}

type LineResult =
  { ok: true; time: number; status: number; durationMs: number | null; warning?: string } | { ok: false; message: string; column?: number; code?: string };

function readLine(line: string, durationField: DurationField | undefined): LineResult {
  const m = LINE.exec(line);
  if (m === null) return { ok: false, message: 'The line is not in Common or Combined Log Format' };
  const time = parseLogTimestamp(m[4]!);
  if (time === null) return { ok: false, message: `"${m[4]}" is not a timestamp like 17/May/2015:10:05:03 +0000`, column: line.indexOf('[') + 2 };
  if (!isPlausibleTime(time)) {
    const year = m[4]!.slice(7, 11);
    const twoDigits = year.startsWith('00') ? `; is ${year} a two-digit year?` : '';
    return { ok: false, code: 'TIME_OUT_OF_RANGE', message: `"${m[4]}": ${outOfSpanReason(time)}${twoDigits}`, column: line.indexOf('[') + 2 };
  }
  const status = Number.parseInt(m[6]!, 10);
  if (status < 100 || status > 599) return { ok: false, message: `${status} is not an HTTP status` };
  const tail = TAIL.exec(m[8] ?? '');
  // A damaged referer or user agent (a truncated line) does not change the request's time or status: keep it, warn.
  const warning = tail === null ? 'The fields after the status and size are malformed (truncated line?); the request is counted' : undefined;
  if (durationField === undefined) return { ok: true, time, status, durationMs: null, ...(warning === undefined ? {} : { warning }) };
  const raw = tail?.[3];
  const value = raw === undefined ? null : parseStrictNumber(raw);
  if (value === null || value < 0) {
    return {
      ok: false,
      message: raw === undefined ? 'The line has no duration field' : `"${raw}" is not a duration`,
      column: raw === undefined ? undefined : line.lastIndexOf(raw) + 1,
    };
  }
  return { ok: true, time, status, durationMs: value * UNIT_MS[durationField] };
}

/**
 * Reads an access log into availability per bucket (good = status below 500) and, when a duration field and a latency
 * threshold are given, latency per bucket (good = at or under the threshold). Every bucket from the first request's to
 * the last one's is a sample (with no events when no request came then), stamped at the end of its bucket; stepMs is
 * the bucket length. Malformed lines become BAD_LINE issues; reading goes on.
 */
export function parseAccessLog(text: string, options: AccessLogOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const issues: ImportIssue[] = [];
  const tooLarge = checkSize(text, limits);
  if (tooLarge !== null) return { format: 'access-log', series: [], issues: [tooLarge], accepted: 0, rejected: 0, merged: 0 };
  const bucketMs = options.bucketMs ?? MINUTE_MS;
  const badBucket = checkBucketMs(bucketMs);
  if (badBucket !== null)
    return { format: 'access-log', series: [], issues: [{ severity: 'error', code: 'BAD_OPTION', message: badBucket }], accepted: 0, rejected: 0, merged: 0 };
  const threshold = options.latencyThresholdMs;
  const withLatency = options.durationField !== undefined && (threshold !== undefined || options.latencyBoundsMs !== undefined);
  const boundsMs = latencyBounds([...(options.latencyBoundsMs ?? []), ...(threshold === undefined ? [] : [threshold])]);
  const atOrBelow = withLatency ? createLatencyCounter(boundsMs) : null;
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0)) {
    return {
      format: 'access-log',
      series: [],
      issues: [{ severity: 'error', code: 'BAD_OPTION', message: 'The latency threshold must be a non-negative number of milliseconds' }],
      accepted: 0,
      rejected: 0,
      merged: 0,
    };
  }
  const availability = new Map<number, Bucket>();
  const latency = new Map<number, Bucket>();
  let accepted = 0;
  let rejected = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (accepted + rejected >= limits.maxRows) {
      issues.push({ severity: 'error', code: 'TOO_MANY_ROWS', message: `More than ${limits.maxRows} lines; reading stopped`, line: i + 1 });
      break;
    }
    if (line.length > limits.maxFieldLength) {
      issues.push({ severity: 'error', code: 'FIELD_TOO_LONG', message: `The line is longer than ${limits.maxFieldLength} characters`, line: i + 1 });
      rejected++;
      continue;
    }
    const read = readLine(line, options.durationField);
    if (!read.ok) {
      issues.push({
        severity: 'error',
        code: read.code ?? 'BAD_LINE',
        message: read.message,
        line: i + 1,
        ...(read.column === undefined ? {} : { column: read.column }),
      });
      rejected++;
      continue;
    }
    const start = floorToBucket(read.time, bucketMs);
    // The sample is stamped at its bucket's end, which must be a plausible time too (a day's bucket of 2199-12-31 is not).
    if (!isPlausibleTime(start + bucketMs)) {
      const message = `The request's bucket of ${formatDuration(bucketMs / MINUTE_MS)} would end at ${describeTime(start + bucketMs)}, outside the plausible span of sample times (${SAMPLE_SPAN_TEXT}); choose a shorter bucket`;
      issues.push({ severity: 'error', code: 'TIME_OUT_OF_RANGE', message, line: i + 1 });
      rejected++;
      continue;
    }
    accepted++;
    if (read.warning !== undefined) issues.push({ severity: 'warning', code: 'MALFORMED_TAIL', message: read.warning, line: i + 1 });
    addToBucket(availability, start, read.status >= 500 ? 0 : 1, 1);
    if (atOrBelow !== null) {
      // Without a threshold, good waits (= total) for the tier that judges it from the per-bound counts.
      addToBucket(latency, start, read.durationMs! <= (threshold ?? Infinity) ? 1 : 0, 1);
      atOrBelow.add(start, read.durationMs!);
    }
  }
  // Every bucket from the first request's to the last one's is a sample: counted before any is made.
  const tooMany = checkBucketPoints(availability, bucketMs, atOrBelow === null ? 1 : 2, limits.maxRows);
  if (tooMany !== null) return { format: 'access-log', series: [], issues: [...issues, tooMany], accepted, rejected, merged: 0 };
  const starts = bucketStarts(availability, bucketMs);
  const series = accepted === 0 ? [] : [seriesFromBuckets(AVAILABILITY_SERIES, availability, bucketMs, starts)];
  if (atOrBelow !== null && accepted > 0) {
    const counts = atOrBelow.finish(starts);
    series.push({
      ...seriesFromBuckets(LATENCY_SERIES, latency, bucketMs, starts),
      latency: { kind: 'counts', unit: DURATION_UNITS[options.durationField!], boundsMs, atOrBelow: counts },
    });
  }
  return { format: 'access-log', series, issues, accepted, rejected, merged: 0 };
}

// Numbers are checked by the parser, which names the option in its refusal (BAD_OPTION); the schema checks types only.
const number = z.custom<number>((value) => typeof value === 'number', { message: 'must be a number' });
const accessLogOptions = z
  .object({
    bucketMs: number.optional(),
    durationField: z.enum(['microseconds', 'milliseconds', 'seconds']).optional(),
    latencyThresholdMs: number.optional(),
    latencyBoundsMs: z.array(number).optional(),
  })
  .optional();

/** The access-log importer: Common or Combined Log Format, counted per bucket, with an optional duration field. */
export const accessLogImporter: Importer<'access-log', z.infer<typeof accessLogOptions>> = {
  id: 'access-log',
  names: { title: 'Web server access log', phrase: 'an access log', short: 'access log' },
  extensions: ['.log', '.txt'],
  detect: ({ text }) => (detectAccessLog(text) ? CONFIDENCE.line : null),
  requestField: 'accessLog',
  options: accessLogOptions,
  parse: ({ text }, options, { limits }) => parseAccessLog(text, { ...options, limits }),
};
