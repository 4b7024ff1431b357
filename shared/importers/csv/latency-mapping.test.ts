import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';

const read = (text: string, unit: 'ms' | 's' | 'us') => parseCsv(text, { kind: 'latency', time: 'time', value: 'latency', unit }, { timeFormat: 'iso' });

describe('a CSV latency column', () => {
  it("keeps each row's value in ms beside the series, converted from seconds to the nanosecond", () => {
    const r = read('time,latency\n2026-01-01T00:01:00Z,0.07\n2026-01-01T00:02:00Z,0.15\n2026-01-01T00:03:00Z,1.2345678\n', 's');
    expect(r).toMatchObject({ accepted: 3, rejected: 0, issues: [] });
    const [s] = r.series;
    expect(s!.name).toBe('latency');
    expect(s!.latency).toEqual({ kind: 'values', unit: 's', valuesMs: Float64Array.of(70, 150, 1234.5678) });
    // One event per row; good is judged later, at each tier's threshold.
    expect([...s!.total]).toEqual([1, 1, 1]);
    expect([...s!.good]).toEqual([1, 1, 1]);
  });

  it('reads microseconds and milliseconds as written', () => {
    expect(read('time,latency\n2026-01-01T00:01:00Z,150000\n', 'us').series[0]!.latency).toMatchObject({ valuesMs: Float64Array.of(150) });
    expect(read('time,latency\n2026-01-01T00:01:00Z,149.999\n', 'ms').series[0]!.latency).toMatchObject({ valuesMs: Float64Array.of(149.999) });
  });

  it('sorts values with their times and keeps the last of a repeated time, never a sum of the two', () => {
    const r = read('time,latency\n2026-01-01T00:02:00Z,300\n2026-01-01T00:01:00Z,100\n2026-01-01T00:02:00Z,120\n', 'ms');
    expect([...r.series[0]!.t]).toEqual([Date.UTC(2026, 0, 1, 0, 1), Date.UTC(2026, 0, 1, 0, 2)]);
    expect(r.series[0]!.latency).toMatchObject({ valuesMs: Float64Array.of(100, 120) });
    expect([...r.series[0]!.total]).toEqual([1, 1]);
  });

  it('rejects a negative or unreadable latency, naming the line and column', () => {
    const r = read('time,latency\n2026-01-01T00:01:00Z,-5\n2026-01-01T00:02:00Z,fast\n2026-01-01T00:03:00Z,80\n', 'ms');
    expect(r).toMatchObject({ accepted: 1, rejected: 2 });
    expect(r.issues.map((i) => i.message)).toEqual([
      'Line 2, column 2: the latency -5 is negative',
      'Line 3, column 2: the latency "fast" is not a finite number',
    ]);
  });
});
