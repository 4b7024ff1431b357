// Prometheus HTTP API query_range responses saved to a file: {"status":"success","data":{"resultType":"matrix",...}}.
// Sample values are strings; "NaN" is a missing sample and ±Inf is refused (docs/reliability.md R23, R24, R25).
import { boundSeriesName, isPlausibleTime, outOfSpanReason, tooManyPoints } from './bounds';
import { createIssueLog } from './csv/issues';
import { normaliseSamples } from './csv/normalise';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParsedSeries, type ParseResult } from './types';
import { parseJsonSafely } from './json-guard';
import { parseStrictNumber } from './minute-buckets';
import { z } from 'zod';
import { CONFIDENCE, type Importer } from './importer';

/** How values map to events: a ratio in [0, 1] per sample (good = value, total = 1), or counts (good = total = value). */
export type PrometheusJsonOptions = { ratio?: boolean; limits?: ImportLimits };

type Matrix = { metric: Record<string, string>; values: unknown[] }[];

/** The display name of a series from its labels, as Prometheus prints it: name{a="b",…}. */
export function seriesName(metric: Record<string, string>): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return pairs.length === 0 ? (name === '' ? '{}' : name) : `${name}{${pairs.join(',')}}`;
}

/** True when a text looks like a Prometheus API response. */
export function detectPrometheusJson(text: string): boolean {
  return /^\s*\{/.test(text) && /"status"\s*:\s*"(?:success|error)"/.test(text.slice(0, 4096));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How many more samples the import may hold (the points limit), shared by all its series. */
type Room = { left: number; max: number };

function readSeries(
  index: number,
  entry: Matrix[number],
  ratio: boolean,
  issues: ImportIssue[],
  room: Room,
): { series: ParsedSeries; accepted: number; rejected: number; merged: number } {
  const name = boundSeriesName(seriesName(entry.metric), issues);
  const t: number[] = [];
  const values: number[] = [];
  // Where each kept sample was: its 1-based place in the series' values, for messages.
  const places: number[] = [];
  let missing = 0;
  let rejected = 0;
  let k = 0;
  const reject = (code: string, message: string): void => {
    issues.push({ severity: 'error', code, message: `Series ${index + 1} (${name}), sample ${k + 1}: ${message}` });
    rejected++;
  };
  for (; k < entry.values.length; k++) {
    const sample = entry.values[k];
    if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[0] !== 'number' || !Number.isFinite(sample[0]) || typeof sample[1] !== 'string') {
      reject('BAD_SAMPLE', 'a sample must be [unix seconds, "value"]');
      continue;
    }
    const raw = sample[1];
    if (raw === 'NaN') {
      missing++;
      continue;
    }
    const ms = Math.round(sample[0] * 1000);
    if (!isPlausibleTime(ms)) {
      reject('TIME_OUT_OF_RANGE', outOfSpanReason(ms));
      continue;
    }
    if (raw === '+Inf' || raw === '-Inf' || raw === 'Inf') {
      reject('NON_FINITE', `${raw} cannot be ${ratio ? 'a ratio' : 'a count'}`);
      continue;
    }
    const value = parseStrictNumber(raw);
    if (value === null) reject('BAD_NUMBER', `"${raw}" is not a number`);
    else if (ratio && (value < 0 || value > 1)) reject('OUT_OF_RANGE', `${raw} is not a ratio in [0, 1]`);
    else if (!ratio && value < 0) reject('NEGATIVE_COUNT', `${raw} is negative`);
    else {
      if (room.left === 0) {
        issues.push(tooManyPoints(room.max));
        room.left = -1;
      }
      if (room.left < 0) break;
      room.left--;
      t.push(ms);
      values.push(value);
      places.push(k + 1);
    }
  }
  if (missing > 0)
    issues.push({ severity: 'warning', code: 'MISSING_SAMPLE', message: `Series ${index + 1} (${name}): ${missing} NaN samples skipped as missing` });
  const good = Float64Array.from(values);
  const raw = {
    t: Float64Array.from(t),
    good,
    total: ratio ? new Float64Array(values.length).fill(1) : good.slice(),
    line: Float64Array.from(places),
    length: values.length,
  };
  // Sorted and de-duplicated as CSV rows are (the last sample of a repeated time kept), so times strictly increase.
  const log = createIssueLog();
  const series = normaliseSamples(name, raw, log, {
    row: 'sample',
    rows: 'samples',
    at: (n) => `sample ${n} of series ${index + 1}`,
    pair: (a, b) => `Samples ${a} and ${b} of series ${index + 1}`,
    lines: false,
  });
  issues.push(...log.finish());
  return { series, accepted: series.t.length, rejected, merged: raw.length - series.t.length };
}

/**
 * Reads a saved query_range response into one series per matrix entry, named by its labels. status "error" becomes an
 * error issue with Prometheus's errorType and error; its warnings and infos become warning issues.
 */
export function parsePrometheusJson(text: string, options: PrometheusJsonOptions = {}): ParseResult {
  const issues: ImportIssue[] = [];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const done = (series: ParsedSeries[] = [], accepted = 0, rejected = 0, merged = 0): ParseResult => ({
    format: 'prometheus-json',
    series,
    issues,
    accepted,
    rejected,
    merged,
  });
  const parsed = parseJsonSafely(text, limits);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return done();
  }
  const body = parsed.value;
  if (!isRecord(body) || (body.status !== 'success' && body.status !== 'error')) {
    issues.push({ severity: 'error', code: 'NOT_PROMETHEUS', message: 'The file is not a Prometheus API response (no "status")' });
    return done();
  }
  for (const kind of ['warnings', 'infos'] as const) {
    const notes = body[kind];
    if (Array.isArray(notes))
      for (const note of notes)
        issues.push({ severity: 'warning', code: kind === 'warnings' ? 'PROMETHEUS_WARNING' : 'PROMETHEUS_INFO', message: String(note) });
  }
  if (body.status === 'error') {
    issues.push({
      severity: 'error',
      code: 'PROMETHEUS_ERROR',
      message: `Prometheus answered ${String(body.errorType ?? 'error')}: ${String(body.error ?? '')}`,
    });
    return done();
  }
  const data = body.data;
  if (!isRecord(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    issues.push({
      severity: 'error',
      code: 'NOT_MATRIX',
      message: `Only range query results (resultType "matrix") are accepted${isRecord(data) ? `, not "${String(data.resultType)}"` : ''}`,
    });
    return done();
  }
  const series: ParsedSeries[] = [];
  let accepted = 0;
  let rejected = 0;
  let merged = 0;
  const room: Room = { left: limits.maxRows, max: limits.maxRows };
  data.result.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || !isRecord(entry.metric) || !Array.isArray(entry.values)) {
      issues.push({ severity: 'error', code: 'BAD_SERIES', message: `Series ${index + 1} has no metric and values` });
      rejected++;
      return;
    }
    if (room.left < 0) return;
    const read = readSeries(index, entry as Matrix[number], options.ratio ?? false, issues, room);
    series.push(read.series);
    accepted += read.accepted;
    rejected += read.rejected;
    merged += read.merged;
  });
  return done(series, accepted, rejected, merged);
}

/** The Prometheus query_range JSON importer: its one option says the values are an error ratio (counts otherwise). */
export const prometheusJsonImporter: Importer<'prometheus-json', boolean | undefined> = {
  id: 'prometheus-json',
  names: { title: 'Prometheus query_range JSON', phrase: 'Prometheus query_range JSON', short: 'Prometheus' },
  extensions: ['.json'],
  detect: ({ text }) => (detectPrometheusJson(text) ? CONFIDENCE.status : null),
  requestField: 'prometheusRatio',
  options: z.boolean().optional(),
  parse: ({ text }, ratio, { limits }) => parsePrometheusJson(text, { ratio: ratio ?? false, limits }),
};
