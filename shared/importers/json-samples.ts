// Plain JSON sample arrays: [{ "t": "2024-05-01T00:00:00Z" | epoch ms, "good": n, "total": n }], or with a value unit
// [{ "t": …, "value": latency }], behind the JSON guard.
import { boundSeriesName, isPlausibleTime, outOfSpanReason, tooManyPoints } from './bounds';
import { createIssueLog } from './csv/issues';
import { createSampleGatherer, normaliseSamples } from './csv/normalise';
import { withLatencyValues } from './latency';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type LatencyUnit, type ParseResult } from './types';
import { parseJsonSafely } from './json-guard';
import { parseZonedIso } from './upptime';
import { z } from 'zod';
import { CONFIDENCE, type Importer } from './importer';

/**
 * How to read a sample array: the series name and the limits; with valueUnit, each sample is one latency {t, value}
 * in that unit, kept so each tier is judged at its own threshold.
 */
export type JsonSamplesOptions = { name?: string; limits?: ImportLimits; valueUnit?: LatencyUnit };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The sample time in UTC ms: an RFC 3339 string with Z or an offset, or integer epoch milliseconds; else null. */
function timeOf(value: unknown): number | null {
  if (typeof value === 'string') return parseZonedIso(value);
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads a JSON array of {t, good, total} samples into one series sorted by time, as CSV rows are: bad samples and times
 * outside 1970–2200 are rejected with their index; a repeated time keeps its last sample, the others counted as merged.
 */
export function parseJsonSamples(text: string, options: JsonSamplesOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const refuse = (issue: ImportIssue): ParseResult => ({ format: 'json-samples', series: [], issues: [issue], accepted: 0, rejected: 0, merged: 0 });
  const parsed = parseJsonSafely(text, limits);
  if (!parsed.ok) return refuse(parsed.issue);
  if (!Array.isArray(parsed.value))
    return refuse({ severity: 'error', code: 'NOT_ARRAY', message: 'The file must be a JSON array of {t, good, total} samples' });
  const log = createIssueLog();
  let rejected = 0;
  const reject = (index: number, code: string, message: string): void => {
    log.add({ severity: 'error', code, message: `Sample ${index + 1}: ${message}` });
    rejected++;
  };
  const values = parsed.value as unknown[];
  if (values.length > limits.maxRows) log.add(tooManyPoints(limits.maxRows));
  const read = Math.min(values.length, limits.maxRows);
  const samples = createSampleGatherer();
  for (let index = 0; index < read; index++) {
    const value = values[index];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject(index, 'BAD_SAMPLE', `must be an object with t and ${options.valueUnit === undefined ? 'good and total' : 'value'}`);
      continue;
    }
    const { t, good, total } = value as Record<string, unknown>;
    const time = timeOf(t);
    if (time === null) {
      reject(index, 'BAD_TIMESTAMP', 't must be an ISO 8601 time with Z or an offset, or integer epoch milliseconds');
      continue;
    }
    if (!isPlausibleTime(time)) {
      reject(index, 'TIME_OUT_OF_RANGE', outOfSpanReason(time));
      continue;
    }
    if (options.valueUnit !== undefined) {
      // The latency rides in `good` through normalisation; withLatencyValues moves it beside the series.
      const latency = (value as Record<string, unknown>).value;
      if (typeof latency !== 'number' || !Number.isFinite(latency) || latency < 0) {
        reject(index, 'BAD_NUMBER', `value must be a latency, a non-negative number (in ${options.valueUnit})`);
        continue;
      }
      samples.add(time, latency, 1, index + 1);
      continue;
    }
    if (!isCount(good) || !isCount(total)) {
      reject(index, 'BAD_NUMBER', 'good and total must be non-negative integers');
      continue;
    }
    if (good > total) {
      reject(index, 'GOOD_ABOVE_TOTAL', `good (${good}) exceeds total (${total})`);
      continue;
    }
    samples.add(time, good, total, index + 1);
  }
  const raw = samples.finish();
  const name = boundSeriesName(options.name ?? 'samples', log);
  const series = normaliseSamples(name, raw, log, {
    row: 'sample',
    rows: 'samples',
    at: (n) => `sample ${n}`,
    pair: (a, b) => `Samples ${a} and ${b}`,
    lines: false,
  });
  const kept = options.valueUnit === undefined ? series : withLatencyValues(series, options.valueUnit);
  return {
    format: 'json-samples',
    series: series.t.length === 0 ? [] : [kept],
    issues: log.finish(),
    accepted: series.t.length,
    rejected,
    merged: raw.length - series.t.length,
  };
}

const jsonSamplesOptions = z.object({ valueUnit: z.enum(['ms', 's', 'us']).optional() }).optional();

/** The JSON samples importer: any top-level array; with a value unit each sample is one latency. */
export const jsonSamplesImporter: Importer<'json-samples', z.infer<typeof jsonSamplesOptions>> = {
  id: 'json-samples',
  names: { title: 'JSON samples', phrase: 'JSON samples', short: 'JSON samples' },
  extensions: ['.json'],
  detect: ({ text }) => (/^\s*\[/.test(text) ? CONFIDENCE.array : null),
  requestField: 'jsonSamples',
  options: jsonSamplesOptions,
  parse: ({ text }, options, { limits }) => parseJsonSamples(text, { ...options, limits }),
};
