import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { detectCsv } from './detect';
import { parseCsv } from './parse';

const HISTORIES = new URL('../../../fixtures/histories/', import.meta.url);
const FILES = [
  // The latency export squeezes an hour's readings onto one time, as an exporter that knows no DST does: 12 rows at 02:00.
  { file: 'latency-5m.csv', threshold: 60, direction: 'below' as const, rows: 3456, duplicates: 11 },
  { file: 'requests-5m.csv', threshold: 200, direction: 'above' as const, rows: 576, duplicates: 0 },
];

describe('CloudWatch-style "timestamp,value" exports import with a value and a threshold', () => {
  for (const { file, threshold, direction, rows, duplicates: known } of FILES) {
    it(`${file}: every row kept, rejected or merged, good where the value is ${direction} ${threshold}`, () => {
      const decoded = decodeBytes(new Uint8Array(readFileSync(new URL(file, HISTORIES))));
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
      // Counted independently of the importer: non-empty lines minus the header, and the rows meeting the threshold.
      const lines = decoded.text.split('\n').filter((l) => l !== '');
      // A timestamp written twice keeps its last row.
      const byTime = new Map<string, number>();
      for (const l of lines.slice(1)) byTime.set(l.split(',')[0]!, parseFloat(l.split(',')[1]!));
      const duplicates = lines.length - 1 - byTime.size;
      const values = [...byTime.values()];
      const met = values.filter((v) => (direction === 'below' ? v <= threshold : v >= threshold)).length;

      expect([lines.length - 1, duplicates]).toEqual([rows, known]);
      expect(detectCsv(decoded.text)).toMatchObject({ delimiter: ',', hasHeader: true, headers: ['timestamp', 'value'], roles: ['time', 'value'], issues: [] });
      const result = parseCsv(
        decoded.text,
        { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold, direction },
        { timeFormat: 'iso', timeZone: 'UTC' },
      );
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.issues.filter((i) => i.code === 'DUPLICATE_TIMESTAMP')).toHaveLength(duplicates);
      expect([result.accepted, result.rejected, result.merged]).toEqual([rows - known, 0, known]);
      const series = result.series[0]!;
      expect(series.name).toBe('value');
      expect(series.stepMs).toBe(5 * 60_000);
      expect(series.t.length).toBe(rows - known);
      const [date, time] = lines[1]!.split(',')[0]!.split(' ');
      expect(series.t[0]).toBe(Date.parse(`${date}T${time}Z`));
      expect(series.good.reduce((a, b) => a + b, 0)).toBe(met);
      expect(series.total.every((x) => x === 1)).toBe(true);
      expect(met).toBeGreaterThan(0);
      expect(met).toBeLessThan(values.length);
    });
  }

  it('keeps the last of the rows squeezed onto 2026-03-08 02:00, warning for each earlier one with its line', () => {
    const text = readFileSync(new URL('latency-5m.csv', HISTORIES), 'utf8');
    const result = parseCsv(
      text,
      { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 60, direction: 'below' },
      { timeFormat: 'iso', timeZone: 'UTC' },
    );
    const lines = text.split('\n');
    const squeezed = lines.flatMap((l, i) => (l.startsWith('2026-03-08 02:00:00,') ? [i + 1] : []));
    expect(squeezed).toHaveLength(12);
    expect(result.issues.filter((i) => i.code === 'DUPLICATE_TIMESTAMP').map((i) => i.line)).toEqual(squeezed.slice(1));
  });
});
