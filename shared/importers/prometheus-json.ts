// Prometheus HTTP API query_range responses saved to a file: {"status":"success","data":{"resultType":"matrix",...}}.
// Sample values are strings; "NaN" is a missing sample and ±Inf is refused (reliability.md R23, R24, R25).
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParsedSeries, type ParseResult } from './types';
import { parseJsonSafely } from './json-guard';
import { medianStep, parseStrictNumber } from './minute-buckets';

/** How values map to events: a ratio in [0, 1] per sample (good = value, total = 1), or counts (good = total = value). */
export type PrometheusJsonOptions = { ratio?: boolean; limits?: ImportLimits };

type Matrix = { metric: Record<string, string>; values: unknown[] }[];

/** The display name of a series from its labels, as Prometheus prints it: name{a="b",…}. */
export function seriesName(metric: Record<string, string>): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.keys(labels).sort().map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return pairs.length === 0 ? (name === '' ? '{}' : name) : `${name}{${pairs.join(',')}}`;
}

/** True when a text looks like a Prometheus API response. */
export function detectPrometheusJson(text: string): boolean {
  return /^\s*\{/.test(text) && /"status"\s*:\s*"(?:success|error)"/.test(text.slice(0, 4096));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readSeries(index: number, entry: Matrix[number], ratio: boolean, issues: ImportIssue[]): { series: ParsedSeries; accepted: number; rejected: number } {
  const name = seriesName(entry.metric);
  const t: number[] = [];
  const values: number[] = [];
  let missing = 0;
  let rejected = 0;
  const reject = (code: string, message: string): void => {
    issues.push({ severity: 'error', code, message: `Series ${index + 1} (${name}), sample ${t.length + missing + rejected + 1}: ${message}` });
    rejected++;
  };
  for (const sample of entry.values) {
    if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[0] !== 'number' || !Number.isFinite(sample[0]) || typeof sample[1] !== 'string') {
      reject('BAD_SAMPLE', 'a sample must be [unix seconds, "value"]');
      continue;
    }
    const raw = sample[1];
    if (raw === 'NaN') {
      missing++;
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
      t.push(Math.round(sample[0] * 1000));
      values.push(value);
    }
  }
  if (missing > 0) issues.push({ severity: 'warning', code: 'MISSING_SAMPLE', message: `Series ${index + 1} (${name}): ${missing} NaN samples skipped as missing` });
  const times = Float64Array.from(t);
  const good = Float64Array.from(values);
  const total = ratio ? new Float64Array(values.length).fill(1) : Float64Array.from(values);
  return { series: { name, stepMs: medianStep(times), t: times, good, total }, accepted: values.length, rejected };
}

/**
 * Reads a saved query_range response into one series per matrix entry, named by its labels. status "error" becomes an
 * error issue with Prometheus's errorType and error; its warnings and infos become warning issues.
 */
export function parsePrometheusJson(text: string, options: PrometheusJsonOptions = {}): ParseResult {
  const issues: ImportIssue[] = [];
  const done = (series: ParsedSeries[] = [], accepted = 0, rejected = 0): ParseResult => ({ format: 'prometheus-json', series, issues, accepted, rejected });
  const parsed = parseJsonSafely(text, options.limits ?? DEFAULT_LIMITS);
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
    if (Array.isArray(notes)) for (const note of notes) issues.push({ severity: 'warning', code: kind === 'warnings' ? 'PROMETHEUS_WARNING' : 'PROMETHEUS_INFO', message: String(note) });
  }
  if (body.status === 'error') {
    issues.push({ severity: 'error', code: 'PROMETHEUS_ERROR', message: `Prometheus answered ${String(body.errorType ?? 'error')}: ${String(body.error ?? '')}` });
    return done();
  }
  const data = body.data;
  if (!isRecord(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    issues.push({ severity: 'error', code: 'NOT_MATRIX', message: `Only range query results (resultType "matrix") are accepted${isRecord(data) ? `, not "${String(data.resultType)}"` : ''}` });
    return done();
  }
  const series: ParsedSeries[] = [];
  let accepted = 0;
  let rejected = 0;
  data.result.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || !isRecord(entry.metric) || !Array.isArray(entry.values)) {
      issues.push({ severity: 'error', code: 'BAD_SERIES', message: `Series ${index + 1} has no metric and values` });
      rejected++;
      return;
    }
    const read = readSeries(index, entry as Matrix[number], options.ratio ?? false, issues);
    series.push(read.series);
    accepted += read.accepted;
    rejected += read.rejected;
  });
  return done(series, accepted, rejected);
}
