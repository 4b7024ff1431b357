import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ImportLimits } from '../types';
import { detectCsv } from './detect';
import { createIssueLog } from './issues';
import { parseCsv } from './parse';
import { scanCsv } from './scan';

function scan(text: string, delimiter = ',', limits: ImportLimits = DEFAULT_LIMITS) {
  const log = createIssueLog();
  const rows: { fields: string[]; line: number }[] = [];
  const summary = scanCsv(text, delimiter, limits, log, (row, line) => {
    rows.push({ fields: row.texts(), line });
  });
  return { rows, summary, issues: log.finish() };
}

describe('scanCsv', () => {
  it('reads RFC 4180 quoting: doubled quotes, delimiters and line breaks inside quotes', () => {
    const { rows, issues } = scan('a,b,c\n"x ""y""","1,2","line\r\nbreak"\r"",plain,"\n"\nlast,row,end');
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x "y"', '1,2', 'line\r\nbreak'],
      ['', 'plain', '\n'],
      ['last', 'row', 'end'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('counts lines across LF, CRLF, CR and mixed endings, skips blank lines and reads a last line without a break', () => {
    const { rows } = scan('h,v\r\n1,2\n\n3,4\r5,6\r\n\r\n7,8');
    expect(rows.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'h', 'v'],
      [2, '1', '2'],
      [4, '3', '4'],
      [5, '5', '6'],
      [7, '7', '8'],
    ]);
  });

  it('rejects a ragged row with its line and reads on', () => {
    const { rows, issues, summary } = scan('a,b\n1,2\n3\n4,5,6\n7,8\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['RAGGED_ROW', 3],
      ['RAGGED_ROW', 4],
    ]);
    expect(summary.rejected).toBe(2);
  });

  it('names the line and character of a quote that is never closed', () => {
    const { issues, summary } = scan('a,b\n1,2\n3,"open\n4,5\n');
    expect(issues).toMatchObject([{ code: 'UNTERMINATED_QUOTE', line: 3, column: 3 }]);
    expect(summary.stopped).toBe('fatal');
  });

  it('stops at fields longer than the limit and at too many rows', () => {
    const limits = { ...DEFAULT_LIMITS, maxFieldLength: 5, maxRows: 3 };
    expect(scan('a,b\n123456,1\n', ',', limits).issues).toMatchObject([{ code: 'FIELD_TOO_LONG', line: 2, column: 1 }]);
    expect(scan('a,b\n"1234567890\n', ',', limits).issues).toMatchObject([{ code: 'FIELD_TOO_LONG', line: 2 }]);
    expect(scan('a,b\n1,2\n3,4\n5,6\n', ',', limits).issues).toMatchObject([{ code: 'TOO_MANY_ROWS', line: 4 }]);
  });

  it('rejects text after a closing quote', () => {
    expect(scan('a,b\n"x"y,1\n').issues).toMatchObject([{ code: 'STRAY_QUOTE', line: 2, column: 1 }]);
  });

  it('never throws and always terminates quickly on arbitrary text, quotes and delimiters (fuzz)', () => {
    const alphabet = fc.constantFrom('"', ',', ';', '\t', '\n', '\r', 'a', '1', '.', '-', ' ', '2024-01-01T00:00:00Z', '\uFEFF', 'é');
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(alphabet, { maxLength: 300 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const start = performance.now();
        const limits = { ...DEFAULT_LIMITS, maxFieldLength: 50, maxRows: 40 };
        const detected = detectCsv(t, 5, limits);
        expect(CSV_OK.has(detected.delimiter)).toBe(true);
        for (const timeFormat of ['iso', 'epoch-ms'] as const) {
          const result = parseCsv(t, { kind: 'good-total', time: 0, good: 1, total: 2 }, { timeFormat, timeZone: 'UTC', limits });
          expect(result.format).toBe('csv');
          expect(result.accepted + result.rejected).toBeLessThanOrEqual(41);
          for (const s of result.series) for (let i = 1; i < s.t.length; i++) expect(s.t[i]!).toBeGreaterThan(s.t[i - 1]!);
        }
        expect(performance.now() - start).toBeLessThan(250);
      }),
      { seed: 4242, numRuns: 400 },
    );
  });
});

const CSV_OK = new Set([',', ';', '\t']);
