import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSamples } from './json-samples';

describe('JSON sample array importer', () => {
  it('reads ISO times with a zone and epoch milliseconds, sorted, with a warning when out of order', () => {
    const text = JSON.stringify([
      { t: '2024-05-01T00:01:00+02:00', good: 9, total: 10 },
      { t: Date.UTC(2024, 3, 30, 21, 0), good: 5, total: 5 },
    ]);
    const result = parseJsonSamples(text);
    expect(result.issues.map((i) => i.code)).toEqual(['OUT_OF_ORDER']);
    expect([...result.series[0]!.t]).toEqual([Date.UTC(2024, 3, 30, 21, 0), Date.UTC(2024, 3, 30, 22, 1)]);
    expect([...result.series[0]!.good]).toEqual([5, 9]);
  });

  it('rejects bad samples with their index and keeps the rest', () => {
    const text = JSON.stringify([
      { t: '2024-05-01T00:00:00', good: 1, total: 1 },
      { t: '2024-05-01T00:00:00Z', good: 2, total: 1 },
      { t: '2024-05-01T00:00:00Z', good: -1, total: 1 },
      { t: '2024-05-01T00:00:00Z', good: 1, total: 1 },
      { t: '2024-05-01T00:00:00Z', good: 0, total: 1 },
      7,
    ]);
    const result = parseJsonSamples(text);
    expect(result.issues.map((i) => i.code)).toEqual(['BAD_TIMESTAMP', 'GOOD_ABOVE_TOTAL', 'BAD_NUMBER', 'BAD_SAMPLE', 'DUPLICATE_TIMESTAMP']);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toBe(5);
  });

  it('refuses deep nesting and non-arrays with their own codes', () => {
    expect(parseJsonSamples('['.repeat(100_000)).issues[0]!.code).toBe('TOO_DEEP');
    expect(parseJsonSamples('{}').issues[0]!.code).toBe('NOT_ARRAY');
    expect(parseJsonSamples('[1,').issues[0]!.code).toBe('BAD_JSON');
  });

  it('keeps every distinct valid sample, in increasing time order', () => {
    const sample = fc.record({ t: fc.integer({ min: 0, max: 2 ** 40 }), good: fc.nat(1000), extra: fc.nat(1000) });
    fc.assert(fc.property(fc.uniqueArray(sample, { selector: (s) => s.t, maxLength: 50 }), (samples) => {
      const result = parseJsonSamples(JSON.stringify(samples.map((s) => ({ t: s.t, good: s.good, total: s.good + s.extra }))));
      expect(result.accepted).toBe(samples.length);
      const t = result.series[0]?.t ?? new Float64Array();
      for (let i = 1; i < t.length; i++) expect(t[i]!).toBeGreaterThan(t[i - 1]!);
      expect([...t]).toEqual(samples.map((s) => s.t).sort((a, b) => a - b));
    }), { numRuns: 200, seed: 2024 });
  });
});
