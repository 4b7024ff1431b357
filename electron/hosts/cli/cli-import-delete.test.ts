import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service, Sli } from '#shared/domain/types';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import { reportImport } from './commands/import';
import type { JsonImportDeleted, JsonImportList, JsonImportReport } from './json-output';

let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;
const MAP = ['--map', 'time=time,good=good,total=total'] as const;

beforeEach(async () => {
  box = await makeSliSandbox();
  writeFileSync(box.path('a.csv'), 'time,good,total\n2026-01-01T00:00:00Z,99,100\n2026-01-01T00:01:00Z,100,100\n2026-01-01T00:02:00Z,98,100\n');
  writeFileSync(box.path('b.csv'), 'time,good,total\n2026-02-01T00:00:00Z,5,5\n2026-02-01T00:05:00Z,4,5\n');
}, 30_000);

afterEach(() => box.cleanup());

describe('slo-workbench import list and import delete', () => {
  it('lists the imports of an SLI with their ids, deletes one by id, and lists what is left', async () => {
    const a = await box.json<JsonImportReport>('import', 'a.csv', ...TARGET, ...MAP);
    const b = await box.json<JsonImportReport>('import', 'b.csv', ...TARGET, ...MAP);
    const listed = await box.run('import', 'list', ...TARGET);
    expect(listed.code).toBe(0);
    expect(listed.stdoutLines[0]).toBe('web / availability: 2 imports');
    expect(listed.stdoutLines[1]).toMatch(
      new RegExp(`^  #${a.import.importId} a\\.csv \\(csv\\): 3 rows kept, 0 rejected, imported \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`),
    );
    expect(listed.stdoutLines[2]).toBe('    good: 3 samples, 2026-01-01 00:00 → 2026-01-01 00:02, every 60 s');
    expect(listed.stdoutLines[3]).toMatch(new RegExp(`^  #${b.import.importId} b\\.csv \\(csv\\): 2 rows kept, 0 rejected, imported `));

    const deleted = await box.run('import', 'delete', ...TARGET, String(a.import.importId));
    expect(deleted).toMatchObject({ code: 0, stderr: '' });
    expect(deleted.stdoutLines).toEqual([`Deleted import #${a.import.importId} a.csv from web / availability: 1 series, 3 samples`]);
    const left = await box.json<JsonImportList>('import', 'list', ...TARGET);
    expect(left).toMatchObject({ command: 'import list', service: 'web', sli: 'availability' });
    expect(left.imports.map((i) => i.fileName)).toEqual(['b.csv']);
    // The same bytes can be imported again once their import is gone.
    expect((await box.json<JsonImportReport>('import', 'a.csv', ...TARGET, ...MAP)).import.status).toBe('stored');
  }, 60_000);

  it('prints the deleted import as JSON', async () => {
    const a = await box.json<JsonImportReport>('import', 'a.csv', ...TARGET, ...MAP);
    const doc = await box.json<JsonImportDeleted>('import', 'delete', ...TARGET, String(a.import.importId));
    expect(doc).toEqual({
      format: 'slo-workbench/v1',
      ok: true,
      command: 'import delete',
      service: 'web',
      sli: 'availability',
      deleted: { importId: a.import.importId, fileName: 'a.csv', series: 1, samples: 3 },
    });
  }, 60_000);

  it('refuses an id that is not an import of this SLI, and one that is not a number, changing nothing', async () => {
    await box.json('sli', 'add', '--workspace', 'w.slowb', '--service', 'web', 'latency');
    const other = await box.json<JsonImportReport>('import', 'a.csv', '--workspace', 'w.slowb', '--service', 'web', '--sli', 'latency', ...MAP);
    const before = box.sha256('w.slowb');
    const wrong = await box.run('import', 'delete', ...TARGET, String(other.import.importId));
    expect(wrong).toMatchObject({
      code: 1,
      stderr: `error: web / availability has no import #${other.import.importId}; see slo-workbench import list [<import-id>]`,
    });
    const bad = await box.run('import', 'delete', ...TARGET, 'first');
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'error: The import id is a positive whole number, such as 3 (see slo-workbench import list), not "first" [<import-id>]',
    });
    expect(box.sha256('w.slowb')).toBe(before);
    const list = await box.run('import', 'list', ...TARGET);
    expect(list.stdoutLines).toEqual(['web / availability has no imports yet']);
  }, 60_000);
});

describe('the import summary', () => {
  const service = { name: 'web' } as Service;
  const sli = { name: 'availability' } as Sli;

  it('prints times no date can show as numbers instead of failing after the import was stored', () => {
    const out = reportImport(
      {
        status: 'stored',
        importId: 4,
        fileName: 'far.json',
        format: 'json-samples',
        accepted: 2,
        rejected: 0,
        merged: 0,
        issues: [],
        series: [{ name: 'up', points: 2, stepMs: 60_000, startMs: 1e18, endMs: Number.NaN }],
      },
      service,
      sli,
    );
    expect(out.text).toEqual([
      'Imported far.json (json-samples) into web / availability: 2 rows kept, 0 rejected',
      '  up: 2 samples, 1000000000000000000 ms since 1970 → NaN ms since 1970, every 60 s',
    ]);
  });
});
