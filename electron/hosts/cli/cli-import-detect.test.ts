import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonImportReport, JsonShow } from './json-output';

let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;

beforeEach(async () => {
  box = await makeSliSandbox();
}, 30_000);

afterEach(() => box.cleanup());

/** Writes a CSV into the sandbox from its lines. */
function csv(name: string, ...lines: string[]): string {
  writeFileSync(box.path(name), `${lines.join('\n')}\n`);
  return name;
}

describe('slo-workbench import of a CSV without --map', () => {
  it('finds time, good and total by their names and epoch seconds by their 10 digits, and says so', async () => {
    const file = csv('epoch-s.csv', 'timestamp,good,total', '1735689600,99,100', '1735689660,98,100', '1735689720,100,100');
    const r = await box.run('import', file, ...TARGET);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdoutLines.slice(0, 3)).toEqual([
      'Detected columns: time=timestamp (epoch seconds), good=good, total=total',
      'Imported epoch-s.csv (csv) into web / availability: 3 rows kept, 0 rejected',
      '  good: 3 samples, 2025-01-01 00:00 → 2025-01-01 00:02, every 60 s',
    ]);
  }, 60_000);

  it('finds a bad column beside the total and epoch milliseconds by their 13 digits', async () => {
    const file = csv('epoch-ms.csv', 'time,bad,total', '1735689600000,1,100', '1735689660000,0,100');
    const r = await box.run('import', file, ...TARGET);
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Detected columns: time=time (epoch milliseconds), bad=bad, total=total');
    expect(r.stdoutLines[1]).toBe('Imported epoch-ms.csv (csv) into web / availability: 2 rows kept, 0 rejected');
  }, 60_000);

  it('reads ISO 8601 times with an offset, and reports what it detected in --json too', async () => {
    const file = csv('iso.csv', 'Timestamp;Good;Total', '2025-01-01T00:00:00Z;9;10', '2025-01-01T00:01:00Z;10;10');
    const report = await box.json<JsonImportReport & { detected: unknown }>('import', file, ...TARGET);
    expect(report.import).toMatchObject({ status: 'stored', format: 'csv', accepted: 2, rejected: 0 });
    expect(report.detected).toEqual({ columns: { time: 'Timestamp', good: 'Good', total: 'Total' }, timeFormat: 'iso' });
  }, 60_000);

  it('names the columns it leaves out', async () => {
    const file = csv('extra.csv', 'timestamp,good,total,availability', '1735689600,99,100,0.99');
    const r = await box.run('import', file, ...TARGET);
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Detected columns: time=timestamp (epoch seconds), good=good, total=total; not used: availability');
  }, 60_000);

  it('refuses a file with two columns that could be the time, naming both, and stores nothing', async () => {
    const file = csv('two-times.csv', 'time,date,good,total', '1735689600,2025-01-01,99,100');
    const before = await box.json<JsonShow>('show', '--workspace', 'w.slowb');
    const r = await box.run('import', file, ...TARGET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: two-times.csv was not imported: 2 columns could be the time: "time" and "date". ' +
        'Name the columns with --map, e.g. --map time=time,good=good,total=total. Nothing was stored [--map]',
    );
    expect(await box.json<JsonShow>('show', '--workspace', 'w.slowb')).toEqual(before);
  }, 60_000);

  it('refuses a file with both a good and a bad count beside the total, naming both', async () => {
    const file = csv('good-bad.csv', 'time,good,bad,total', '1735689600,99,2,100');
    const r = await box.run('import', file, ...TARGET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: good-bad.csv was not imported: both "good" (good events) and "bad" (bad events) could count against the total "total", ' +
        'and they need not agree. Name the columns with --map, e.g. --map time=time,good=good,total=total. Nothing was stored [--map]',
    );
  }, 60_000);

  it('refuses a file whose columns name no time, listing the columns it has', async () => {
    const file = csv('no-time.csv', 'host,good,total', 'a,99,100');
    const r = await box.run('import', file, ...TARGET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: no-time.csv was not imported: no column is named like a time (its columns: "host", "good", "total"). ' +
        'Name the columns with --map, e.g. --map time=COL,good=COL,total=COL. Nothing was stored [--map]',
    );
  }, 60_000);

  it('guesses epoch seconds from the mapped time column when --map is given without --time-format', async () => {
    const file = csv('mapped.csv', 'when,ok,all', '1735689600,99,100', '1735689660,98,100');
    const r = await box.run('import', file, ...TARGET, '--map', 'time=when,good=ok,total=all');
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Detected time format: epoch seconds (column when)');
    expect(r.stdoutLines[1]).toBe('Imported mapped.csv (csv) into web / availability: 2 rows kept, 0 rejected');
  }, 60_000);

  it('keeps an explicit --time-format without guessing', async () => {
    const file = csv('explicit.csv', 'timestamp,good,total', '1735689600,99,100');
    const r = await box.run('import', file, ...TARGET, '--time-format', 'epoch-ms');
    expect(r.code).toBe(0);
    expect(r.stdoutLines[0]).toBe('Detected columns: time=timestamp, good=good, total=total');
    expect(r.stdoutLines[2]).toBe('  good: 1 samples, 1970-01-21 02:08 → 1970-01-21 02:08');
  }, 60_000);
});
