import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { decodeBytes } from '#shared/importers/csv/decode';
import { detectCsv } from '#shared/importers/csv/detect';
import { parseCsv } from '#shared/importers/csv/parse';
import { detectFormat, parseFile } from '#shared/importers/dispatch';
import { corpusPath, describeCorpus } from '../corpus';

const DIR = 'nab-aws-cloudwatch-2014';
const FILES = [
  { file: 'ec2_request_latency_system_failure.csv', threshold: 60, direction: 'below' as const, rows: 4032, duplicates: 11 },
  { file: 'elb_request_count_8c0756.csv', threshold: 20, direction: 'above' as const, rows: 4032, duplicates: 0 },
];

describeCorpus('datasets', 'the NAB AWS CloudWatch files import with a value and a threshold', () => {
  for (const { file, threshold, direction, rows, duplicates: known } of FILES) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(corpusPath('datasets', `${DIR}/${file}`)));
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
      // Counted independently of the importer: non-empty lines minus the header, and the rows meeting the threshold.
      const lines = decoded.text.split('\n').filter((l) => l !== '');
      // A timestamp written twice keeps its last row (NAB's ec2 file squeezes the skipped hour of the US DST change
      // of 2014-03-09 onto 03:00:00, twelve times).
      const byTime = new Map<string, number>();
      for (const l of lines.slice(1)) byTime.set(l.split(',')[0]!, parseFloat(l.split(',')[1]!));
      const duplicates = lines.length - 1 - byTime.size;
      const values = [...byTime.values()];
      const met = values.filter((v) => (direction === 'below' ? v <= threshold : v >= threshold)).length;

      expect([lines.length - 1, duplicates]).toEqual([rows, known]);
      const detected = detectCsv(decoded.text);
      expect(detected).toMatchObject({ delimiter: ',', hasHeader: true, headers: ['timestamp', 'value'], roles: ['time', 'value'], issues: [] });
      const result = parseCsv(
        decoded.text,
        { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold, direction },
        { timeFormat: 'iso', timeZone: 'UTC' },
      );
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.issues.filter((i) => i.code === 'DUPLICATE_TIMESTAMP')).toHaveLength(duplicates);
      expect(result.accepted).toBe(lines.length - 1 - duplicates);
      expect(result.rejected).toBe(0);
      // Every row is counted: kept + rejected + merged = rows in the file (4,021 + 0 + 11 = 4,032 for the ec2 file).
      expect(result.merged).toBe(known);
      expect(result.accepted + result.rejected + result.merged).toBe(rows);
      const series = result.series[0]!;
      expect(series.name).toBe('value');
      expect(series.stepMs).toBe(5 * 60_000);
      expect(series.t.length).toBe(lines.length - 1 - duplicates);
      expect(series.t[0]).toBe(
        Date.UTC(
          ...(lines[1]!
            .slice(0, 19)
            .split(/[- :]/)
            .map((x, k) => parseInt(x, 10) - (k === 1 ? 1 : 0)) as [number, number, number, number, number, number]),
        ),
      );
      expect(series.good.reduce((a, b) => a + b, 0)).toBe(met);
      expect(series.total.every((x) => x === 1)).toBe(true);
      expect(met).toBeGreaterThan(0);
      expect(met).toBeLessThan(values.length);
    });
  }
});

describeCorpus('datasets', 'parseFile on the NAB request counts', () => {
  const bytes = () => new Uint8Array(readFileSync(corpusPath('datasets', `${DIR}/elb_request_count_8c0756.csv`)));

  it('detects a CSV and asks for a column mapping before reading it', () => {
    expect(detectFormat(new TextDecoder().decode(bytes()))).toBe('csv');
    expect(parseFile(bytes(), { format: 'csv' }).issues).toEqual([expect.objectContaining({ code: 'MAPPING_REQUIRED' })]);
  });

  it('reads it with a value threshold in a given zone, every 5 minutes', () => {
    const r = parseFile(bytes(), {
      format: 'csv',
      csv: { mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' }, timeFormat: 'iso', timeZone: 'UTC' },
    });
    expect(r.series[0]!.stepMs).toBe(300_000);
    expect(r.accepted).toBe(4032);
  });
});
