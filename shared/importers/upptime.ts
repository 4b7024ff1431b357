// Upptime status histories (an events.csv derived from a status repository's history, as conformance/SOURCES.md
// describes): one row per status commit. A monitor is in the state of its latest event until the next one, taking effect at the nearest minute. Each
// monitor becomes a sparse series of up/down minutes: a sample at t counts the minutes since the previous sample (good
// = minutes up, total = minutes), split at every change of state and at every full UTC hour, so outage minutes stay
// exact and no sample spans more than an hour (for the Bern digital editions history 189k samples instead of 11.3M minutes).
import { DateTime } from 'luxon';
import { createIssueLog } from './csv/issues';
import { scanCsv } from './csv/scan';
import { describeTime, isPlausibleTime, outOfSpanReason, SAMPLE_SPAN_TEXT } from './bounds';
import { medianStep } from '../domain/step';
import { checkSize, MINUTE_MS } from './minute-buckets';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParsedSeries, type ParseResult } from './types';
import { z } from 'zod';
import { CONFIDENCE, type Importer } from './importer';

/** How to read an Upptime history: whether "degraded" counts as up (Upptime's default) or down, and the limits. */
export type UpptimeOptions = { degraded?: 'up' | 'down'; limits?: ImportLimits };

/** Columns an Upptime events file must have. */
export const UPPTIME_COLUMNS = ['check_time_utc', 'slug', 'status'] as const;

/** Minutes in the longest sample: samples end at least at every full hour. */
export const MAX_SAMPLE_MINUTES = 60;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** UTC milliseconds of an RFC 3339 time that carries Z or an offset, or null. */
export function parseZonedIso(text: string): number | null {
  if (!ISO_WITH_ZONE.test(text)) return null;
  const time = DateTime.fromISO(text, { setZone: true });
  return time.isValid ? time.toMillis() : null;
}

/** The header of a CSV text (its first record, RFC 4180 quoting), or null when it has none. */
function headerOf(text: string, limits: ImportLimits): string[] | null {
  let header: string[] | null = null;
  scanCsv(text, ',', limits, createIssueLog(1), (row) => {
    header = row.texts();
    return false;
  });
  return header;
}

/** True when a text starts with an Upptime events header. */
export function detectUpptime(text: string): boolean {
  const header = headerOf(text.slice(0, 4096), DEFAULT_LIMITS);
  return header !== null && UPPTIME_COLUMNS.every((column) => header.includes(column));
}

type Event = { time: number; up: boolean; order: number };

/** A run of minutes [from, to] (UTC minutes since 1970) in one state. */
type Run = { from: number; to: number; up: boolean };

/** The first full hour at or after a minute: minute numbers count from 1970, so multiples of 60 are full UTC hours. */
const hourAtOrAfter = (minute: number): number => Math.ceil(minute / MAX_SAMPLE_MINUTES) * MAX_SAMPLE_MINUTES;

/** How many samples a run makes: one per full hour it crosses before its last minute, and one at its end. */
function runSamples(run: Run): number {
  const firstHour = hourAtOrAfter(run.from);
  return (firstHour < run.to ? Math.ceil((run.to - firstHour) / MAX_SAMPLE_MINUTES) : 0) + 1;
}

/** Writes the samples of a run from index `at` on and returns the index after them. */
function writeRun(run: Run, out: { t: Float64Array; good: Float64Array; total: Float64Array }, at: number): number {
  let start = run.from;
  for (let end = hourAtOrAfter(run.from); ; end += MAX_SAMPLE_MINUTES, at++) {
    const last = Math.min(end, run.to);
    out.t[at] = last * MINUTE_MS;
    out.total[at] = last - start + 1;
    out.good[at] = run.up ? last - start + 1 : 0;
    if (last === run.to) return at + 1;
    start = last + 1;
  }
}

/**
 * A monitor's runs over its observed span, from the minute of its first event to the minute of its last: each event
 * takes effect at its nearest minute (the last event of a minute decides it), a state lasts until the next event's minute.
 */
function monitorRuns(events: Event[]): Run[] {
  events.sort((a, b) => a.time - b.time || a.order - b.order);
  const runs: Run[] = [];
  let runStart = Math.round(events[0]!.time / MINUTE_MS);
  let runUp = events[0]!.up;
  for (let k = 0; k < events.length;) {
    const minute = Math.round(events[k]!.time / MINUTE_MS);
    let up = events[k]!.up;
    for (k++; k < events.length && Math.round(events[k]!.time / MINUTE_MS) === minute; k++) up = events[k]!.up;
    if (up !== runUp && minute > runStart) {
      runs.push({ from: runStart, to: minute - 1, up: runUp });
      runStart = minute;
    }
    runUp = up;
  }
  runs.push({ from: runStart, to: Math.round(events[events.length - 1]!.time / MINUTE_MS), up: runUp });
  return runs;
}

/**
 * A monitor's sparse series from its runs, in arrays of the size counted beforehand. stepMs is the median step of the
 * samples as they are (usually an hour), not a minute.
 */
function monitorSeries(name: string, runs: Run[], samples: number): ParsedSeries {
  const out = { t: new Float64Array(samples), good: new Float64Array(samples), total: new Float64Array(samples) };
  let at = 0;
  for (const run of runs) at = writeRun(run, out, at);
  return { name, stepMs: medianStep(out.t), ...out };
}

type Monitor = { slug: string; runs: Run[]; samples: number };

/** The TOO_MANY_POINTS error when the monitors' samples, counted before any is made, exceed the points limit; else null. */
function checkPoints(monitors: Monitor[], maxPoints: number): ImportIssue | null {
  const samples = monitors.reduce((sum, monitor) => sum + monitor.samples, 0);
  if (samples <= maxPoints) return null;
  const largest = monitors.reduce((a, b) => (b.samples > a.samples ? b : a));
  const day = (minute: number): string => new Date(minute * MINUTE_MS).toISOString().slice(0, 10);
  const span = `from ${day(largest.runs[0]!.from)} to ${day(largest.runs[largest.runs.length - 1]!.to)}`;
  return {
    severity: 'error',
    code: 'TOO_MANY_POINTS',
    message: `The history would take ${samples} samples (monitor "${largest.slug}" alone ${largest.samples}, ${span}), more than the limit of ${maxPoints} points per import; import a shorter span or fewer monitors`,
  };
}

/**
 * Reads an Upptime events CSV into one sparse series per monitor (named by slug) over its observed span: per sample,
 * total = minutes since the previous sample and good = those of them in which the latest status event said up.
 * Bad rows become located issues and are skipped; an unclosed quote or an overlong field stops the reading there.
 */
export function parseUpptime(text: string, options: UpptimeOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const fail = (issue: ImportIssue): ParseResult => ({ format: 'upptime', series: [], issues: [issue], accepted: 0, rejected: 0, merged: 0 });
  const tooLarge = checkSize(text, limits);
  if (tooLarge !== null) return fail(tooLarge);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const header = headerOf(body, limits);
  const missing = UPPTIME_COLUMNS.filter((column) => header === null || !header.includes(column));
  if (header === null || missing.length > 0) {
    return fail({ severity: 'error', code: 'MISSING_COLUMN', message: `The header lacks ${missing.join(', ')}`, line: 1 });
  }
  const [timeAt, slugAt, statusAt] = UPPTIME_COLUMNS.map((column) => header.indexOf(column)) as [number, number, number];
  const log = createIssueLog();
  const monitors = new Map<string, Event[]>();
  let accepted = 0;
  let rejected = 0;
  const reject = (line: number, code: string, message: string, column: number): void => {
    log.add({ severity: 'error', code, message, line, column });
    rejected++;
  };
  // The row limit counts data rows, the ones the scanner rejected as malformed included; the header is not one.
  const scanned = () => accepted + rejected + log.count('RAGGED_ROW') + log.count('STRAY_QUOTE');
  let first = true;
  const summary = scanCsv(body, ',', { ...limits, maxRows: Number.MAX_SAFE_INTEGER }, log, (row, line) => {
    if (first) {
      first = false;
      return true;
    }
    if (scanned() >= limits.maxRows) {
      log.add({ severity: 'error', code: 'TOO_MANY_ROWS', message: `More than ${limits.maxRows} rows; reading stopped`, line });
      return false;
    }
    const timeText = row.text(timeAt);
    const time = parseZonedIso(timeText);
    if (time === null) return reject(line, 'BAD_TIMESTAMP', `"${timeText}" is not an ISO 8601 time with Z or an offset`, timeAt + 1);
    if (!isPlausibleTime(time)) return reject(line, 'TIME_OUT_OF_RANGE', outOfSpanReason(time), timeAt + 1);
    // A sample is stamped at the minute an event takes effect, which must be plausible too.
    const effect = Math.round(time / MINUTE_MS) * MINUTE_MS;
    if (!isPlausibleTime(effect)) {
      const message = `the event of ${describeTime(time)} takes effect at its nearest minute, ${describeTime(effect)}, outside the plausible span of sample times (${SAMPLE_SPAN_TEXT})`;
      return reject(line, 'TIME_OUT_OF_RANGE', message, timeAt + 1);
    }
    const status = row.text(statusAt);
    if (status !== 'up' && status !== 'down' && status !== 'degraded')
      return reject(line, 'BAD_STATUS', `"${status}" is not up, down or degraded`, statusAt + 1);
    const slug = row.text(slugAt);
    if (slug === '') return reject(line, 'BAD_SLUG', 'The monitor slug is empty', slugAt + 1);
    const up = status === 'up' || (status === 'degraded' && (options.degraded ?? 'up') === 'up');
    const events = monitors.get(slug) ?? [];
    events.push({ time, up, order: line });
    monitors.set(slug, events);
    accepted++;
    return true;
  });
  // Samples are counted before any is made: a few lines spanning centuries are refused, not built until memory runs out.
  const counted: Monitor[] = [...monitors.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, events]) => {
      const runs = monitorRuns(events);
      return { slug, runs, samples: runs.reduce((sum, run) => sum + runSamples(run), 0) };
    });
  const tooMany = checkPoints(counted, limits.maxRows);
  if (tooMany !== null) return { ...fail(tooMany), issues: [...log.finish(), tooMany], accepted, rejected: rejected + summary.rejected };
  const series = counted.map((monitor) => monitorSeries(monitor.slug, monitor.runs, monitor.samples));
  return { format: 'upptime', series, issues: log.finish(), accepted, rejected: rejected + summary.rejected, merged: 0 };
}

/** The Upptime events importer: detected by its header; "degraded" counts as up, as Upptime counts it. */
export const upptimeImporter: Importer<'upptime', undefined> = {
  id: 'upptime',
  names: { title: 'Upptime history', phrase: 'Upptime events', short: 'Upptime' },
  extensions: ['.csv'],
  detect: ({ text }) => (detectUpptime(text) ? CONFIDENCE.header : null),
  requestField: null,
  options: z.undefined(),
  parse: ({ text }, _options, { limits }) => parseUpptime(text, { limits }),
};
