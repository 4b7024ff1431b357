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
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'BAD_TIMESTAMP'],
      ['error', 'GOOD_ABOVE_TOTAL'],
      ['error', 'BAD_NUMBER'],
      ['error', 'BAD_SAMPLE'],
      ['warning', 'DUPLICATE_TIMESTAMP'],
    ]);
    // The repeated time keeps its last sample, as CSV rows do; the other is counted as merged, not rejected.
    expect([result.accepted, result.rejected, result.merged]).toEqual([1, 4, 1]);
    expect([...result.series[0]!.good]).toEqual([0]);
    expect(result.issues[4]!.message).toBe('Samples 4 and 5 have the same time 2024-05-01T00:00:00.000Z; sample 5 is kept and sample 4 counts as merged');
  });

  it('refuses times outside 1970–2200 before anything is stored, naming the sample and the span', () => {
    const text = JSON.stringify([
      { t: 9e15, good: 1, total: 1 },
      { t: '0000-01-01T00:00:00Z', good: 1, total: 1 },
      { t: '2200-01-01T00:00:00Z', good: 1, total: 1 },
      { t: Date.UTC(2199, 11, 31), good: 1, total: 1 },
    ]);
    const result = parseJsonSamples(text);
    expect(result.issues.map((i) => i.message)).toEqual([
      'Sample 1: the time 9000000000000000 ms since 1970 is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      'Sample 2: the time 0000-01-01T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      'Sample 3: the time 2200-01-01T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
    ]);
    expect([result.accepted, result.rejected]).toEqual([1, 3]);
  });

  it('cuts a name longer than 256 characters with a warning', () => {
    const result = parseJsonSamples(JSON.stringify([{ t: Date.UTC(2024, 0, 1), good: 1, total: 1 }]), { name: 'n'.repeat(300) });
    expect(result.series[0]!.name).toBe('n'.repeat(256));
    expect(result.issues.map((i) => i.code)).toEqual(['SERIES_NAME_TOO_LONG']);
  });

  it('refuses deep nesting and non-arrays with their own codes', () => {
    expect(parseJsonSamples('['.repeat(100_000)).issues[0]!.code).toBe('TOO_DEEP');
    expect(parseJsonSamples('{}').issues[0]!.code).toBe('NOT_ARRAY');
    expect(parseJsonSamples('[1,').issues[0]!.code).toBe('BAD_JSON');
  });

  it('keeps every distinct valid sample, in increasing time order', () => {
    const sample = fc.record({ t: fc.integer({ min: 0, max: 2 ** 40 }), good: fc.nat(1000), extra: fc.nat(1000) });
    fc.assert(
      fc.property(fc.uniqueArray(sample, { selector: (s) => s.t, maxLength: 50 }), (samples) => {
        const result = parseJsonSamples(JSON.stringify(samples.map((s) => ({ t: s.t, good: s.good, total: s.good + s.extra }))));
        expect(result.accepted).toBe(samples.length);
        const t = result.series[0]?.t ?? new Float64Array();
        for (let i = 1; i < t.length; i++) expect(t[i]!).toBeGreaterThan(t[i - 1]!);
        expect([...t]).toEqual(samples.map((s) => s.t).sort((a, b) => a - b));
      }),
      { numRuns: 200, seed: 2024 },
    );
  });
});
