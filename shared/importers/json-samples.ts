// Plain JSON sample arrays: [{ "t": "2024-05-01T00:00:00Z" | epoch ms, "good": n, "total": n }], behind the JSON guard.
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParseResult } from './types';
import { parseJsonSafely } from './json-guard';
import { medianStep } from './minute-buckets';
import { parseZonedIso } from './upptime';

/** How to read a sample array: the series name and the limits. */
export type JsonSamplesOptions = { name?: string; limits?: ImportLimits };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The sample time in UTC ms: an RFC 3339 string with Z or an offset, or integer epoch milliseconds; else null. */
function timeOf(value: unknown): number | null {
  if (typeof value === 'string') return parseZonedIso(value);
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** Reads a JSON array of {t, good, total} samples into one series sorted by time; bad or duplicate samples are rejected. */
export function parseJsonSamples(text: string, options: JsonSamplesOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const issues: ImportIssue[] = [];
  const parsed = parseJsonSafely(text, limits);
  if (!parsed.ok) return { format: 'json-samples', series: [], issues: [parsed.issue], accepted: 0, rejected: 0 };
  if (!Array.isArray(parsed.value)) {
    return { format: 'json-samples', series: [], issues: [{ severity: 'error', code: 'NOT_ARRAY', message: 'The file must be a JSON array of {t, good, total} samples' }], accepted: 0, rejected: 0 };
  }
  const samples: { t: number; good: number; total: number }[] = [];
  let rejected = 0;
  const reject = (index: number, code: string, message: string): void => {
    issues.push({ severity: 'error', code, message: `Sample ${index + 1}: ${message}` });
    rejected++;
  };
  const values = parsed.value as unknown[];
  if (values.length > limits.maxRows) issues.push({ severity: 'error', code: 'TOO_MANY_ROWS', message: `More than ${limits.maxRows} samples; reading stopped` });
  let previous = -Infinity;
  let outOfOrder = 0;
  values.slice(0, limits.maxRows).forEach((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return reject(index, 'BAD_SAMPLE', 'must be an object with t, good and total');
    const { t, good, total } = value as Record<string, unknown>;
    const time = timeOf(t);
    if (time === null) return reject(index, 'BAD_TIMESTAMP', 't must be an ISO 8601 time with Z or an offset, or integer epoch milliseconds');
    if (!isCount(good) || !isCount(total)) return reject(index, 'BAD_NUMBER', 'good and total must be non-negative integers');
    if (good > total) return reject(index, 'GOOD_ABOVE_TOTAL', `good (${good}) exceeds total (${total})`);
    if (time < previous) outOfOrder++;
    previous = time;
    samples.push({ t: time, good, total });
  });
  if (outOfOrder > 0) issues.push({ severity: 'warning', code: 'OUT_OF_ORDER', message: `${outOfOrder} samples were out of time order and were sorted` });
  samples.sort((a, b) => a.t - b.t);
  const kept = samples.filter((sample, i) => {
    if (i === 0 || sample.t !== samples[i - 1]!.t) return true;
    reject(i, 'DUPLICATE_TIMESTAMP', `a second sample for ${sample.t} ms (the first one is kept)`);
    return false;
  });
  const t = Float64Array.from(kept, (s) => s.t);
  const series = kept.length === 0 ? [] : [{
    name: options.name ?? 'samples', stepMs: medianStep(t), t, good: Float64Array.from(kept, (s) => s.good), total: Float64Array.from(kept, (s) => s.total),
  }];
  return { format: 'json-samples', series, issues, accepted: kept.length, rejected };
}
