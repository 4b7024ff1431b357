import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSafely, prescanJson } from './json-guard';
import { MAX_SERIES_NAME_CHARS } from './bounds';
import { detectPrometheusJson, parsePrometheusJson, seriesName } from './prometheus-json';

const matrix = (result: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result }, ...extra });

describe('Prometheus query_range JSON importer', () => {
  it('reads each matrix series with millisecond times rounded from float seconds', () => {
    const text = matrix([
      {
        metric: { __name__: 'up', job: 'api', instance: 'a:9090' },
        values: [
          [1435781430.781, '1'],
          [1435781445.781, '0.5'],
        ],
      },
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
    const text = matrix([
      {
        metric: {},
        values: [
          [1, 'NaN'],
          [2, '+Inf'],
          [3, '-Inf'],
          [4, '0x10'],
          [5, '1.5'],
          [6, '0.9'],
        ],
      },
    ]);
    const result = parsePrometheusJson(text, { ratio: true });
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'NON_FINITE'],
      ['error', 'NON_FINITE'],
      ['error', 'BAD_NUMBER'],
      ['error', 'OUT_OF_RANGE'],
      ['warning', 'MISSING_SAMPLE'],
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toBe(4);
    expect([...result.series[0]!.t]).toEqual([6000]);
  });

  it('turns status error into an error issue with its type and surfaces warnings and infos', () => {
    const result = parsePrometheusJson(
      JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query"', warnings: ['w1'], infos: ['i1'] }),
    );
    expect(result.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      ['warning', 'PROMETHEUS_WARNING', 'w1'],
      ['warning', 'PROMETHEUS_INFO', 'i1'],
      ['error', 'PROMETHEUS_ERROR', 'Prometheus answered bad_data: invalid parameter "query"'],
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
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 })), (labels) => {
        const reversed = Object.fromEntries(Object.entries(labels).reverse());
        expect(seriesName(reversed)).toBe(seriesName(labels));
      }),
      { numRuns: 200, seed: 1_435_781 },
    );
  });

  it('agrees with the nesting depth of random JSON values', () => {
    const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, maxDepth) => {
        const text = JSON.stringify(value);
        const refused = prescanJson(text, { maxBytes: 1e9, maxRows: 1, maxFieldLength: 1, maxDepth });
        expect(refused === null).toBe(depthOf(value) <= maxDepth);
      }),
      { numRuns: 300, seed: 64 },
    );
  });
});

describe('Prometheus JSON samples out of order or repeated', () => {
  const T0 = 1_709_251_200;

  it('sorts reversed samples and merges a repeated time (the last in the file kept), counting both in warnings', () => {
    const text = matrix([
      {
        metric: { __name__: 'up' },
        values: [
          [T0 + 180, '1'],
          [T0 + 120, '2'],
          [T0 + 60, '3'],
          [T0 + 60, '4'],
          [T0, '5'],
        ],
      },
    ]);
    const result = parsePrometheusJson(text);
    const series = result.series[0]!;
    expect([...series.t]).toEqual([0, 60, 120, 180].map((s) => (T0 + s) * 1000));
    expect([...series.good]).toEqual([5, 4, 2, 1]);
    expect(series.stepMs).toBe(60_000);
    expect([result.accepted, result.rejected, result.merged]).toEqual([4, 0, 1]);
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'OUT_OF_ORDER'],
      ['warning', 'DUPLICATE_TIMESTAMP'],
    ]);
    expect(result.issues[0]!.message).toBe(
      '3 samples come earlier in time than the sample before them (first at sample 2 of series 1); the samples were sorted by time',
    );
    expect(result.issues[1]!.message).toBe(
      'Samples 3 and 4 of series 1 have the same time 2024-03-01T00:01:00.000Z; sample 4 of series 1 is kept and sample 3 of series 1 counts as merged',
    );
  });

  it('never gives a negative step or a time that does not increase, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.nat(100)), { minLength: 1, maxLength: 60 }), (samples) => {
        const result = parsePrometheusJson(matrix([{ metric: {}, values: samples.map(([m, v]) => [T0 + m * 60, String(v)]) }]));
        const series = result.series[0]!;
        for (let i = 1; i < series.t.length; i++) expect(series.t[i]!).toBeGreaterThan(series.t[i - 1]!);
        expect(series.stepMs === null || series.stepMs > 0).toBe(true);
        expect(result.accepted).toBe(new Set(samples.map(([m]) => m)).size);
        expect(result.accepted + result.merged).toBe(samples.length);
        // The last sample of each time in file order is the one kept.
        const last = new Map(samples.map(([m, v]) => [(T0 + m * 60) * 1000, v]));
        expect([...series.good]).toEqual([...series.t].map((t) => last.get(t)));
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('Prometheus JSON bounds', () => {
  it('refuses sample times outside 1970–2200, naming the sample, the time and the span', () => {
    const result = parsePrometheusJson(
      matrix([
        {
          metric: { __name__: 'up' },
          values: [
            [1e15, '1'],
            [1e15 + 60, '1'],
            [-60, '1'],
            [1_709_251_200, '1'],
          ],
        },
      ]),
    );
    expect([result.accepted, result.rejected]).toEqual([1, 3]);
    expect(result.issues.map((i) => i.code)).toEqual(['TIME_OUT_OF_RANGE', 'TIME_OUT_OF_RANGE', 'TIME_OUT_OF_RANGE']);
    expect(result.issues[0]!.message).toBe(
      'Series 1 (up), sample 1: the time 1000000000000000000 ms since 1970 is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
    );
    expect(result.issues[2]!.message).toContain('sample 3: the time 1969-12-31T23:59:00.000Z is outside');
  });

  it('cuts a series name longer than 256 characters, saying so', () => {
    const result = parsePrometheusJson(matrix([{ metric: { __name__: 'up', job: 'x'.repeat(50_000) }, values: [[1_709_251_200, '1']] }]));
    expect(result.series[0]!.name).toHaveLength(MAX_SERIES_NAME_CHARS);
    expect(result.series[0]!.name.startsWith('up{job="xxx')).toBe(true);
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'SERIES_NAME_TOO_LONG']]);
    expect(result.issues[0]!.message).toContain('A series name of 50010 characters is longer than the limit of 256');
  });

  it('stops at the points limit with an error naming it', () => {
    const values = Array.from({ length: 5 }, (_, i) => [1_709_251_200 + i * 60, '1']);
    const result = parsePrometheusJson(
      matrix([
        { metric: {}, values },
        { metric: { a: 'b' }, values },
      ]),
      { limits: { maxBytes: 1e6, maxRows: 7, maxFieldLength: 100, maxDepth: 8 } },
    );
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.message])).toEqual([
      ['TOO_MANY_POINTS', 'More than 7 samples, the limit of points per import; reading stopped there'],
    ]);
    expect(result.series.reduce((n, s) => n + s.t.length, 0)).toBe(7);
  });
});
