// Every importer counts every row of its file once: accepted + rejected + merged = rows (types.ts says what a row is
// per format). Files are generated with duplicated times, rows out of order and bad rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccessLog } from './access-log';
import { parseCsv } from './csv/parse';
import { parseJsonSamples } from './json-samples';
import { parseNginxStatus } from './nginx-status';
import { parsePrometheusJson } from './prometheus-json';
import type { ParseResult } from './types';
import { parseUpptime } from './upptime';

const RUNS = { numRuns: 150, seed: 20_271_031 };
const T0 = Date.UTC(2024, 4, 1);
const MINUTE = 60_000;

/** A row of a generated file: a minute (few distinct ones, so times repeat), and whether it is broken. */
const row = fc.record({ minute: fc.integer({ min: 0, max: 12 }), good: fc.nat(50), extra: fc.nat(50), broken: fc.boolean() });
type Row = { minute: number; good: number; extra: number; broken: boolean };

function counted(result: ParseResult): number {
  return result.accepted + result.rejected + result.merged;
}

/** The distinct minutes of the rows that are not broken: the samples an importer that merges duplicates keeps. */
function distinctGood(rows: Row[]): number {
  return new Set(rows.filter((r) => !r.broken).map((r) => r.minute)).size;
}

describe('accepted + rejected + merged = rows in the file, for every importer', () => {
  it('csv: each non-blank record after the header is one row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const lines = rows.map((r) => `${new Date(T0 + r.minute * MINUTE).toISOString()},${r.broken ? 'x' : r.good},${r.good + r.extra}`);
        const result = parseCsv(
          ['time,good,total', ...lines].join('\n'),
          { kind: 'good-total', time: 'time', good: 'good', total: 'total' },
          { timeFormat: 'iso' },
        );
        expect(counted(result)).toBe(rows.length);
        expect(result.accepted).toBe(distinctGood(rows));
        expect(result.rejected).toBe(rows.filter((r) => r.broken).length);
      }),
      RUNS,
    );
  });

  it('prometheus-json: each sample other than "NaN" is one row', () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 20 }), { minLength: 1, maxLength: 3 }), fc.nat(4), (series, nans) => {
        const result = parsePrometheusJson(
          JSON.stringify({
            status: 'success',
            data: {
              resultType: 'matrix',
              result: series.map((rows, k) => ({
                metric: { __name__: 'up', instance: String(k) },
                values: [
                  ...rows.map((r) => [(T0 + r.minute * MINUTE) / 1000, r.broken ? 'oops' : String(r.good)]),
                  ...Array.from({ length: nans }, (_, i) => [T0 / 1000 + 3600 + i, 'NaN']),
                ],
              })),
            },
          }),
        );
        expect(counted(result)).toBe(series.reduce((n, rows) => n + rows.length, 0));
        expect(result.accepted).toBe(series.reduce((n, rows) => n + distinctGood(rows), 0));
        for (const s of result.series) for (let i = 1; i < s.t.length; i++) expect(s.t[i]!).toBeGreaterThan(s.t[i - 1]!);
      }),
      RUNS,
    );
  });

  it('json-samples: each element of the array is one row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const result = parseJsonSamples(
          JSON.stringify(rows.map((r) => ({ t: T0 + r.minute * MINUTE, good: r.broken ? -1 : r.good, total: r.good + r.extra }))),
        );
        expect(counted(result)).toBe(rows.length);
        expect(result.accepted).toBe(distinctGood(rows));
      }),
      RUNS,
    );
  });

  it('access-log: each non-blank line is one row, and accepted counts lines, not minute buckets', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const lines = rows.map((r) => {
          const second = String(r.good % 60).padStart(2, '0');
          const stamp = `01/May/2024:00:${String(r.minute).padStart(2, '0')}:${second} +0000`;
          return r.broken ? `not a log line ${r.good}` : `10.0.0.1 - - [${stamp}] "GET / HTTP/1.1" ${r.extra % 2 === 0 ? 200 : 503} 12`;
        });
        const result = parseAccessLog(lines.join('\n'));
        expect(counted(result)).toBe(rows.length);
        expect(result.accepted).toBe(rows.filter((r) => !r.broken).length);
        expect(result.merged).toBe(0);
      }),
      RUNS,
    );
  });

  it('upptime: each non-blank record after the header is one row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const lines = rows.map(
          (r) =>
            `${new Date(T0 + r.minute * MINUTE).toISOString().replace('.000', '')},site${r.extra % 2},${r.broken ? 'sideways' : r.good % 2 === 0 ? 'up' : 'down'}`,
        );
        const result = parseUpptime(['check_time_utc,slug,status', ...lines].join('\n'));
        expect(counted(result)).toBe(rows.length);
        expect(result.rejected).toBe(rows.filter((r) => r.broken).length);
      }),
      RUNS,
    );
  });

  it('nginx-status: each non-blank line is one row, a snapshot whose time does not increase is rejected', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        let total = 0;
        const lines = rows.map((r) => {
          total += r.good;
          if (r.broken) return '{"nginx_version": ';
          return JSON.stringify({
            nginx_version: '1.9.4',
            generation: 1,
            load_timestamp: 1,
            timestamp: T0 + r.minute * MINUTE,
            server_zones: { a: { responses: { total, '5xx': 0 } } },
          });
        });
        const result = parseNginxStatus(lines.join('\n'));
        expect(counted(result)).toBe(rows.length);
      }),
      RUNS,
    );
  });
});
