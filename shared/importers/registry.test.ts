import { describe, expect, it } from 'vitest';
import { parseFile } from './dispatch';
import { detectFormat, formatTitles, historyExtensions, IMPORTERS, importerFor } from './registry';
import { IMPORT_FORMATS } from './types';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the importer registry', () => {
  it('lists one importer per import format, in the order of IMPORT_FORMATS', () => {
    expect(IMPORTERS.map((i) => i.id)).toEqual([...IMPORT_FORMATS]);
    for (const format of IMPORT_FORMATS) expect(importerFor(format).id).toBe(format);
  });

  it('names every format for the wizard', () => {
    expect(formatTitles()).toEqual({
      csv: 'CSV / TSV table',
      'prometheus-json': 'Prometheus query_range JSON',
      'json-samples': 'JSON samples',
      'access-log': 'Web server access log',
      upptime: 'Upptime history',
      'nginx-status': 'NGINX Plus status snapshots',
    });
  });

  it("lists the extensions of every importer's files once, for the file dialog", () => {
    expect(historyExtensions()).toEqual(['csv', 'tsv', 'txt', 'json', 'log', 'jsonl', 'ndjson']);
  });

  it('detects each format from a few lines, the most confident importer winning and CSV answering for anything else', () => {
    expect(detectFormat({ text: 'check_time_utc,slug,status\n2025-01-01T00:00:00Z,site,up\n' })).toBe('upptime');
    expect(detectFormat({ text: '{"status":"success","data":{"resultType":"matrix","result":[]}}' })).toBe('prometheus-json');
    expect(detectFormat({ text: '{"nginx_version":"1.25.1","timestamp":"2025-01-01T00:00:00Z","server_zones":{}}\n' })).toBe('nginx-status');
    expect(detectFormat({ text: '[{"t":1735689600000,"good":9,"total":10}]' })).toBe('json-samples');
    expect(detectFormat({ text: '10.0.0.1 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 512\n' })).toBe('access-log');
    expect(detectFormat({ text: 'time,good,total\n1735689600,9,10\n', name: 'a.csv' })).toBe('csv');
    expect(detectFormat({ text: 'anything at all' })).toBe('csv');
  });

  it('gives each importer a confidence between 0 and 1, or null when the text is not its format', () => {
    const text = '[{"t":1735689600000,"good":9,"total":10}]';
    expect(IMPORTERS.map((i) => [i.id, i.detect({ text })])).toEqual([
      ['csv', 0.1],
      ['prometheus-json', null],
      ['json-samples', 0.6],
      ['access-log', null],
      ['upptime', null],
      ['nginx-status', null],
    ]);
  });

  it("refuses options of the wrong shape before reading the file, naming the option and the format's name", () => {
    const r = parseFile(bytes('10.0.0.1 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 512\n'), {
      format: 'access-log',
      accessLog: { durationField: 'hours' as 'seconds' },
    });
    expect(r.accepted).toBe(0);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'BAD_OPTION' });
    expect(r.issues[0]!.message).toMatch(/^The options for an access log are not readable: accessLog\.durationField /);
  });
});
