import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonImportReport, JsonShow } from './json-output';

const HISTORIES = fileURLToPath(new URL('../../../fixtures/histories/', import.meta.url));
const ACCESS_LOG = `${HISTORIES}access.log`;
const REQUESTS = `${HISTORIES}requests-5m.csv`;
const LATENCY = `${HISTORIES}latency-5m.csv`;
let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;

beforeEach(async () => {
  box = await makeSliSandbox();
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench import', () => {
  it('imports an access log, detected from its content, and recognises the same file the second time', async () => {
    const first = await box.json<JsonImportReport>('import', ACCESS_LOG, ...TARGET);
    expect(first.import).toMatchObject({ status: 'stored', format: 'access-log', accepted: 1191, rejected: 0 });
    const again = await box.json<JsonImportReport>('import', ACCESS_LOG, ...TARGET);
    expect(again.import).toMatchObject({ status: 'duplicate', importId: first.import.importId });
  }, 60_000);

  it('imports a CSV with a value column and a threshold, naming its columns with --map', async () => {
    const r = await box.run('import', REQUESTS, ...TARGET, '--map', 'time=timestamp,value=value', '--threshold', '200', '--timezone', 'UTC');
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Imported requests-5m.csv (csv) into web / availability: 576 rows kept, 0 rejected');
    expect(r.stdoutLines[1]).toBe('  value: 576 samples, 2026-04-10 00:04 → 2026-04-11 23:59, every 300 s');
  }, 60_000);

  it('counts the rows merged as duplicates in the summary: 3,456 rows with 11 repeated times are 3,445 kept, 0 rejected, 11 merged', async () => {
    const map = ['--map', 'time=timestamp,value=value', '--threshold', '60', '--timezone', 'UTC'];
    const r = await box.run('import', LATENCY, ...TARGET, ...map);
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe(
      'Imported latency-5m.csv (csv) into web / availability: 3445 rows kept, 0 rejected, 11 merged (a repeated time keeps its last row)',
    );
    const again = await box.json<JsonImportReport>('import', LATENCY, ...TARGET, ...map);
    expect(again.import).toMatchObject({ status: 'duplicate', accepted: 3445, rejected: 0, merged: 11 });
  }, 60_000);

  it('refuses a malformed CSV naming the line and column, stores nothing, and keeps the good rows only when told to', async () => {
    writeFileSync(box.path('bad.csv'), 'time,good,total\n2024-01-01T00:00:00Z,5,10\n2024-01-01T00:01:00Z,x,10\n');
    const map = ['--map', 'time=time,good=good,total=total'];
    const before = await box.json<JsonShow>('show', '--workspace', 'w.slowb');
    const refused = await box.run('import', 'bad.csv', ...TARGET, ...map);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: bad.csv was not imported: Line 3, column 2: the good count "x" is not a finite number. Nothing was stored; fix those rows, or use --on-bad-rows skip to keep the others',
    );
    expect(await box.json<JsonShow>('show', '--workspace', 'w.slowb')).toEqual(before);
    const skipped = await box.json<JsonImportReport>('import', 'bad.csv', ...TARGET, ...map, '--on-bad-rows', 'skip');
    expect(skipped.import).toMatchObject({ status: 'stored', accepted: 1, rejected: 1 });
  }, 60_000);

  it('asks for a time zone when CSV times carry none', async () => {
    const r = await box.run('import', REQUESTS, ...TARGET, '--map', 'time=timestamp,value=value', '--threshold', '200');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no offset; choose the time zone it was written in/);
  }, 60_000);

  it('refuses an unreadable --map before opening anything', async () => {
    const r = await box.run('import', REQUESTS, ...TARGET, '--map', 'when=timestamp');
    expect(r).toMatchObject({ code: 1 });
    expect(r.stderr).toBe(
      'error: --map takes role=column pairs with roles time, good, total, bad, ratio, value, e.g. good=ok,total=all,time=ts; "when=timestamp" is not one [--map]',
    );
  });
});
