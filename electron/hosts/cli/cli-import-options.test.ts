// `import --bucket` and `import --encoding`, and the refusals that name what a file is (compressed, UTF-16, empty).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonImportReport } from './json-output';

let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;
const MAP = ['--map', 'time=time,good=good,total=total'] as const;
const CSV = 'time,good,total\n2024-01-01T00:01:00Z,9,10\n2024-01-01T00:02:00Z,10,10\n';

// Two requests at hh:05:34 and hh:05:40 in each hour 00–05; the one at 03:05:34 is a 500.
const HOURLY_LOG = [0, 1, 2, 3, 4, 5]
  .flatMap((h) => [34, 40].map((s) => `1.2.3.4 - - [17/May/2015:0${h}:05:${s} +0000] "GET / HTTP/1.1" ${h === 3 && s === 34 ? 500 : 200} 12`))
  .join('\n');

beforeEach(async () => {
  box = await makeSliSandbox();
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench import --bucket', () => {
  it('counts access-log requests per minute by default, whatever the gaps between them, so a 500 at 03:05:34 is an event at 03:05', async () => {
    writeFileSync(box.path('hourly.log'), HOURLY_LOG);
    const r = await box.run('import', 'hourly.log', ...TARGET);
    expect(r.code).toBe(0);
    expect(r.stdoutLines[1]).toBe('  availability: 301 samples, 2015-05-17 00:06 → 2015-05-17 05:06, every 60 s');
    await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.9', '--window', '1d');
    const analysis = await box.run('analyze', ...TARGET, '--window', '1d');
    expect(analysis.code).toBe(0);
    expect(analysis.stdout).toContain('; largest event 2015-05-17 03:05 (');
  }, 60_000);

  it('counts them per five minutes with --bucket 5m', async () => {
    writeFileSync(box.path('hourly.log'), HOURLY_LOG);
    const r = await box.run('import', 'hourly.log', ...TARGET, '--bucket', '5m');
    expect(r.code).toBe(0);
    expect(r.stdoutLines[1]).toBe('  availability: 61 samples, 2015-05-17 00:10 → 2015-05-17 05:10, every 300 s');
  }, 60_000);

  it('refuses a bucket that does not divide a day, and --bucket with a format that is not an access log', async () => {
    writeFileSync(box.path('hourly.log'), HOURLY_LOG);
    const odd = await box.run('import', 'hourly.log', ...TARGET, '--bucket', '7m');
    expect(odd.code).toBe(1);
    expect(odd.stderr).toBe('error: The bucket must be a whole number of minutes that divides a day, such as 1m, 5m, 15m or 1h, not "7m" [--bucket]');
    const csv = await box.run('import', 'hourly.log', ...TARGET, '--format', 'csv', '--bucket', '5m', ...MAP);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toBe('error: --bucket applies to access logs only (--format access-log or auto) [--bucket]');
  }, 60_000);
});

describe('slo-workbench import --encoding', () => {
  it('reads a windows-1252 file when told to, and the refusal without it names the option', async () => {
    const latin1 = Buffer.from('time,good,total,note\n2024-01-01T00:01:00Z,9,10,Gr\xfc\xdfe\n', 'latin1');
    writeFileSync(box.path('latin1.csv'), latin1);
    const refused = await box.run('import', 'latin1.csv', ...TARGET, ...MAP);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: latin1.csv was not imported: line 2: The file is not valid UTF-8: byte 0xfc at offset 49; choose its encoding (windows-1252, for example) to read it. Nothing was stored; give its encoding with --encoding (utf-8, utf-16le, utf-16be or windows-1252)',
    );
    const read = await box.json<JsonImportReport>('import', 'latin1.csv', ...TARGET, ...MAP, '--encoding', 'windows-1252');
    expect(read.import).toMatchObject({ status: 'stored', accepted: 1, rejected: 0 });
  }, 60_000);

  it('refuses an encoding it does not know before opening anything', async () => {
    const r = await box.run('import', 'missing.csv', ...TARGET, ...MAP, '--encoding', 'latin-9');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: --encoding is one of utf-8, utf-16le, utf-16be, windows-1252, not "latin-9" [--encoding]');
  });
});

describe('slo-workbench import names what a file is', () => {
  it('reads a gzip-compressed CSV as its contents', async () => {
    writeFileSync(box.path('ok.csv.gz'), gzipSync(CSV));
    const r = await box.run('import', 'ok.csv.gz', ...TARGET, ...MAP);
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Imported ok.csv.gz (csv) into web / availability: 2 rows kept, 0 rejected');
  }, 60_000);

  it('refuses a zip archive naming the compression, not a text encoding', async () => {
    writeFileSync(box.path('ok.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    const r = await box.run('import', 'ok.zip', ...TARGET, ...MAP);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: ok.zip was not imported: The file is a zip archive, not text; extract the file inside it and import that. Nothing was stored',
    );
  }, 60_000);

  it('says an empty file is empty, also under --format auto', async () => {
    writeFileSync(box.path('empty.csv'), '');
    const r = await box.run('import', 'empty.csv', ...TARGET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: empty.csv was not imported: The file is empty. Nothing was stored');
  }, 60_000);

  it('says a UTF-16 file without a byte-order mark is UTF-16, naming --encoding', async () => {
    writeFileSync(box.path('u16.csv'), Buffer.from(CSV, 'utf16le'));
    const r = await box.run('import', 'u16.csv', ...TARGET, ...MAP);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: u16.csv was not imported: The file looks like UTF-16 little-endian without a byte-order mark (every other byte is 0); choose utf-16le as its encoding to read it. Nothing was stored; give its encoding with --encoding (utf-8, utf-16le, utf-16be or windows-1252)',
    );
    const read = await box.json<JsonImportReport>('import', 'u16.csv', ...TARGET, ...MAP, '--encoding', 'utf-16le');
    expect(read.import).toMatchObject({ status: 'stored', accepted: 2 });
  }, 60_000);

  it('escapes NUL and other control characters quoted from the file', async () => {
    writeFileSync(box.path('nul.csv'), 'time,good,total\n2024-01-01T00:01:00Z,9\0\0x,10\n');
    const r = await box.run('import', 'nul.csv', ...TARGET, ...MAP);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: nul.csv was not imported: Line 2, column 2: the good count "9\\u0000\\u0000x" is not a finite number. Nothing was stored; fix those rows, or use --on-bad-rows skip to keep the others',
    );
  }, 60_000);
});

describe('slo-workbench import options that do not apply to the format found', () => {
  const PROMETHEUS = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1700000000,"0.1"],[1700000060,"0.2"]]}]}}';

  it('refuses --bucket for a file --format auto reads as Prometheus JSON, naming the option and the format, and stores nothing', async () => {
    writeFileSync(box.path('p.json'), PROMETHEUS);
    const r = await box.run('import', 'p.json', ...TARGET, '--bucket', '5m');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: p.json was read as Prometheus query_range JSON: an access-log bucket does not apply to it (only to access logs). Nothing was stored [--bucket]',
    );
    expect((await box.run('import', 'list', ...TARGET)).stdout).not.toContain('p.json');
  }, 60_000);
});
