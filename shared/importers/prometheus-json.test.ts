import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSafely, prescanJson } from './json-guard';
import { detectPrometheusJson, parsePrometheusJson, seriesName } from './prometheus-json';

const matrix = (result: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result }, ...extra });

describe('Prometheus query_range JSON importer', () => {
  it('reads each matrix series with millisecond times rounded from float seconds', () => {
    const text = matrix([
      { metric: { __name__: 'up', job: 'api', instance: 'a:9090' }, values: [[1435781430.781, '1'], [1435781445.781, '0.5']] },
      { metric: { job: 'web' }, values: [[1435781430.781, '0.25']] },
    ]);
    expect(detectPrometheusJson(text)).toBe(true);
    const result = parsePrometheusJson(text, { ratio: true });
    expect(result.issues).toEqual([]);
    expect(result.accepted).toBe(3);
    expect(result.series.map((s) => s.name)).toEqual(['up{instance="a:9090",job="api"}', '{job="web"}']);
    expect([...result.series[0]!.t]).toEqual([1_435_781_430_781, 1_435_781_445_781]);
    expect([...result.series[0]!.good]).toEqual([1, 0.5]);
    expect([...result.series[0]!.total]).toEqual([1, 1]);
    expect(result.series[0]!.stepMs).toBe(15_000);
    expect([...parsePrometheusJson(text).series[0]!.total]).toEqual([1, 0.5]);
  });

  it('skips NaN as a missing sample with a warning and refuses ±Inf and non-numbers', () => {
    const text = matrix([{ metric: {}, values: [[1, 'NaN'], [2, '+Inf'], [3, '-Inf'], [4, '0x10'], [5, '1.5'], [6, '0.9']] }]);
    const result = parsePrometheusJson(text, { ratio: true });
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'NON_FINITE'], ['error', 'NON_FINITE'], ['error', 'BAD_NUMBER'], ['error', 'OUT_OF_RANGE'], ['warning', 'MISSING_SAMPLE'],
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toBe(4);
    expect([...result.series[0]!.t]).toEqual([6000]);
  });

  it('turns status error into an error issue with its type and surfaces warnings and infos', () => {
    const result = parsePrometheusJson(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query"', warnings: ['w1'], infos: ['i1'] }));
    expect(result.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      ['warning', 'PROMETHEUS_WARNING', 'w1'], ['warning', 'PROMETHEUS_INFO', 'i1'], ['error', 'PROMETHEUS_ERROR', 'Prometheus answered bad_data: invalid parameter "query"'],
    ]);
    expect(parsePrometheusJson(matrix([], { warnings: ['slow'] })).issues[0]!.code).toBe('PROMETHEUS_WARNING');
    expect(parsePrometheusJson(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })).issues[0]!.code).toBe('NOT_MATRIX');
  });

  it('refuses deep nesting before JSON.parse, twice in a row, without crashing', () => {
    for (let run = 0; run < 2; run++) {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const result = parsePrometheusJson(deep);
      expect(result.issues[0]).toMatchObject({ code: 'TOO_DEEP', line: 1, column: 65 });
    }
    expect(prescanJson('["[[[[[[[[[[[[[["]', { maxBytes: 100, maxRows: 1, maxFieldLength: 10, maxDepth: 2 })).toBeNull();
    expect(prescanJson('"\\"[[["', { maxBytes: 100, maxRows: 1, maxFieldLength: 10, maxDepth: 0 })).toBeNull();
    expect(parsePrometheusJson('x'.repeat(50), { limits: { maxBytes: 10, maxRows: 1, maxFieldLength: 10, maxDepth: 2 } }).issues[0]!.code).toBe('TOO_LARGE');
    const bad = parseJsonSafely('{\n  "a": }');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issue.code).toBe('BAD_JSON');
  });

  it('names series the same whatever the label order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 })), (labels) => {
      const reversed = Object.fromEntries(Object.entries(labels).reverse());
      expect(seriesName(reversed)).toBe(seriesName(labels));
    }), { numRuns: 200, seed: 1_435_781 });
  });

  it('agrees with the nesting depth of random JSON values', () => {
    const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null
      ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, maxDepth) => {
      const text = JSON.stringify(value);
      const refused = prescanJson(text, { maxBytes: 1e9, maxRows: 1, maxFieldLength: 1, maxDepth });
      expect(refused === null).toBe(depthOf(value) <= maxDepth);
    }), { numRuns: 300, seed: 64 });
  });
});
