import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseFile, PARSER_VERSION } from './dispatch';
import { escapeControlChars } from './escape';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/histories/${path}`, import.meta.url)));

describe('parseFile', () => {
  it('detects the format of each fixture history from its content', () => {
    const text = (p: string) => new TextDecoder().decode(fixture(p));
    expect(detectFormat(text('access.log'))).toBe('access-log');
    expect(detectFormat(text('upptime-events.csv'))).toBe('upptime');
    expect(detectFormat(text('nginx-status.jsonl'))).toBe('nginx-status');
    expect(detectFormat(text('requests-5m.csv'))).toBe('csv');
    expect(detectFormat('{"status":"success","data":{"resultType":"matrix","result":[]}}')).toBe('prometheus-json');
  });

  it('reads an access log detected automatically', () => {
    const r = parseFile(fixture('access.log'), { format: 'auto' });
    expect(r.format).toBe('access-log');
    expect(r.series[0]!.total.reduce((a, b) => a + b, 0)).toBe(1191);
  });

  it('asks for a column mapping before reading a CSV', () => {
    const r = parseFile(fixture('requests-5m.csv'), { format: 'csv' });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'MAPPING_REQUIRED' })]);
  });

  it('reads a value CSV with a threshold in a given zone', () => {
    const r = parseFile(fixture('requests-5m.csv'), {
      format: 'csv',
      csv: { mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' }, timeFormat: 'iso', timeZone: 'UTC' },
    });
    expect(r.series[0]!.stepMs).toBe(300_000);
    expect(r.accepted).toBe(576);
  });

  it('refuses bytes that are not UTF-8, naming the offset', () => {
    const r = parseFile(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x0a]), { format: 'auto' });
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'ENCODING' });
  });

  it('says an empty file is empty, whatever the format asked for, instead of asking for a column mapping', () => {
    for (const format of ['auto', 'csv', 'access-log', 'upptime', 'nginx-status', 'prometheus-json', 'json-samples'] as const) {
      expect(parseFile(new Uint8Array(0), { format }).issues).toEqual([{ severity: 'error', code: 'EMPTY_FILE', message: 'The file is empty' }]);
    }
    expect(parseFile(new TextEncoder().encode('\r\n  \n\t\n'), { format: 'auto' }).issues).toEqual([
      { severity: 'error', code: 'EMPTY_FILE', message: 'The file holds only blank lines' },
    ]);
    expect(parseFile(new Uint8Array([0xef, 0xbb, 0xbf]), { format: 'auto' }).issues[0]!.code).toBe('EMPTY_FILE');
  });

  it('reads the file in the encoding the request names', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('time,good,total\n2024-01-01T00:01:00Z,9,10,'), 0xfc, 0x0a]);
    const csv = { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' } as const;
    expect(parseFile(bytes, { format: 'csv', csv }).issues[0]!.code).toBe('ENCODING');
    expect(parseFile(bytes, { format: 'csv', csv, encoding: 'windows-1252' }).issues[0]!.code).not.toBe('ENCODING');
  });

  it('escapes control characters in every message that quotes the file, NUL included', () => {
    const raw = (message: string): boolean => escapeControlChars(message) !== message;
    const csv = { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' } as const;
    const r = parseFile(new TextEncoder().encode('time,good,total\n2024-01-01T00:01:00Z,9\0\0x,10\n'), { format: 'csv', csv });
    expect(r.issues.map((i) => i.message)).toEqual(['Line 2, column 2: the good count "9\\u0000\\u0000x" is not a finite number']);
    const log = parseFile(new TextEncoder().encode('1.2.3.4 - - [17/May/2015:10:05:03\u001b[31m +0000] "GET / HTTP/1.1" 200 1\n'), { format: 'access-log' });
    expect(log.issues[0]!.message).toContain('\\u001b[31m');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (field) => {
        const text = `time,good,total\n2024-01-01T00:01:00Z,${field.replace(/[,"\r\n]/g, '')},10\n`;
        for (const issue of parseFile(new TextEncoder().encode(text), { format: 'csv', csv }).issues) {
          expect(raw(issue.message)).toBe(false);
        }
      }),
      { seed: 15, numRuns: 150 },
    );
  });
});

describe('escapeControlChars', () => {
  it('writes control characters as escapes and leaves other text alone', () => {
    expect(escapeControlChars('a\0b\tc\nd\re\u001bf\u007fg\u0085h\u2028i')).toBe('a\\u0000b\\tc\\nd\\re\\u001bf\\u007fg\\u0085h\\u2028i');
    expect(escapeControlChars('Grüße "ok" ✓ \\ 10 %')).toBe('Grüße "ok" ✓ \\ 10 %');
  });
});

describe('the parser version recorded with each import', () => {
  it('is 2 since access-log buckets, DST folds and merged-row counts changed parse results', () => {
    expect(PARSER_VERSION).toBe(2);
  });
});
