import { describe, expect, it } from 'vitest';
import { parseJsonSamples } from './json-samples';

describe('JSON samples with a latency value', () => {
  it("keep each sample's value in ms, converted from the unit named, sorted with its time", () => {
    const text = JSON.stringify([
      { t: '2026-01-01T00:02:00Z', value: 0.2 },
      { t: '2026-01-01T00:01:00Z', value: 0.07 },
      { t: 1767225780000, value: 1.5 },
    ]);
    const r = parseJsonSamples(text, { valueUnit: 's' });
    expect(r).toMatchObject({ accepted: 3, rejected: 0, merged: 0 });
    const [s] = r.series;
    expect([...s!.t]).toEqual([Date.UTC(2026, 0, 1, 0, 1), Date.UTC(2026, 0, 1, 0, 2), Date.UTC(2026, 0, 1, 0, 3)]);
    expect(s!.latency).toEqual({ kind: 'values', unit: 's', valuesMs: Float64Array.of(70, 200, 1500) });
    expect([...s!.total]).toEqual([1, 1, 1]);
  });

  it('reject a sample without a usable value, by its place in the array', () => {
    const r = parseJsonSamples(
      JSON.stringify([
        { t: '2026-01-01T00:01:00Z', value: -1 },
        { t: '2026-01-01T00:02:00Z', good: 1, total: 1 },
        { t: '2026-01-01T00:03:00Z', value: 80 },
      ]),
      { valueUnit: 'ms' },
    );
    expect(r).toMatchObject({ accepted: 1, rejected: 2 });
    expect(r.issues.map((i) => i.message)).toEqual([
      'Sample 1: value must be a latency, a non-negative number (in ms)',
      'Sample 2: value must be a latency, a non-negative number (in ms)',
    ]);
  });
});
