import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { AVAILABILITY_SERIES, detectAccessLog, parseAccessLog } from '#shared/importers/access-log';
import { detectFormat, parseFile } from '#shared/importers/dispatch';
import { corpusPath, describeCorpus, once } from '../corpus';

const APACHE = 'semicomplete-apache-access-2015/apache_logs.log';
const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

describeCorpus('datasets', 'the access log importer on the semicomplete Apache log', () => {
  const text = once(() => readFileSync(corpusPath('datasets', APACHE), 'utf8'));

  it('counts every request of the semicomplete Apache log once, with 5xx as bad, per UTC minute', () => {
    // Independent counts over the raw text: non-empty lines, and lines whose status (after the quoted request) is 5xx.
    const lines = text()
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    const fiveXx = (text().match(/^[^\n]*\] "(?:[^"\\]|\\.)*" 5\d\d /gm) ?? []).length;
    expect(lines).toBe(10_000);
    expect(fiveXx).toBeGreaterThan(0);
    expect(detectAccessLog(text())).toBe(true);
    const result = parseAccessLog(text());
    // Line 8899 ends inside its user agent (no closing quote): its request still counts, with a warning.
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.line])).toEqual([['warning', 'MALFORMED_TAIL', 8899]]);
    expect(result.accepted).toBe(lines);
    expect(result.rejected).toBe(0);
    expect(result.series).toHaveLength(1);
    const series = result.series[0]!;
    expect(series.name).toBe(AVAILABILITY_SERIES);
    expect(sum(series.total)).toBe(lines);
    expect(sum(series.total) - sum(series.good)).toBe(fiveXx);
    // This sample keeps only minute :05 of each hour (84 distinct minutes): every minute from the first request's to the
    // last one's is a sample, the ones without requests empty, and the step is the one-minute bucket.
    const busy = new Set(text().match(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d/g)).size;
    expect(busy).toBe(84);
    expect(series.t.length).toBe((Date.UTC(2015, 4, 20, 21, 6) - Date.UTC(2015, 4, 17, 10, 6)) / 60_000 + 1);
    expect(series.total.filter((total) => total > 0).length).toBe(busy);
    expect(series.stepMs).toBe(60_000);
    for (let i = 0; i < series.t.length; i++) {
      expect(series.t[i]! % 60_000).toBe(0);
      if (i > 0) expect(series.t[i]!).toBeGreaterThan(series.t[i - 1]!);
    }
    // The first request came at 10:05:03; its minute's sample stands for (10:05, 10:06] and is stamped at its end.
    expect(series.t[0]).toBe(Date.UTC(2015, 4, 17, 10, 6));
  });

  it('is detected as an access log and read in full by parseFile', () => {
    expect(detectFormat(text())).toBe('access-log');
    const r = parseFile(new Uint8Array(readFileSync(corpusPath('datasets', APACHE))), { format: 'auto' });
    expect(r.format).toBe('access-log');
    expect(r.series[0]!.total.reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});
