// The import preview reads what the import will read: a gzip file's contents, and the text encoding asked for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
const ROWS = 'time,good,total,note\n2024-01-01T00:01:00Z,9,10,Grüße\n2024-01-01T00:02:00Z,10,10,ok\n';

beforeEach(async () => {
  ({ dir, core } = tempCore('swb-preview-'));
  await value(core.call('workspace/create', { path: 'w.slowb' }));
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

describe('the import preview', () => {
  it('shows the first lines of a gzip file as the text inside it', async () => {
    writeFileSync(join(dir, 'rows.csv.gz'), gzipSync(ROWS));
    const preview = await value(core.call('import/preview', { path: 'rows.csv.gz' }));
    expect(preview).toMatchObject({ fileName: 'rows.csv.gz', format: 'csv', issues: [] });
    expect(preview.lines).toEqual(['time,good,total,note', '2024-01-01T00:01:00Z,9,10,Grüße', '2024-01-01T00:02:00Z,10,10,ok', '']);
    expect(preview.csv?.mapping).toEqual({ kind: 'good-total', time: 0, good: 1, total: 2 });
  });

  it('shows the start of a large gzip file, cut at a line break', async () => {
    const many = `time,good,total\n${Array.from({ length: 50_000 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i % 10},10`).join('\n')}\n`;
    writeFileSync(join(dir, 'many.csv.gz'), gzipSync(many));
    const preview = await value(core.call('import/preview', { path: 'many.csv.gz' }));
    expect(preview.issues).toEqual([]);
    expect(preview.lines).toHaveLength(12);
    expect(preview.lines[1]).toBe('2024-01-01T00:00:00.000Z,0,10');
  });

  it('reads the file in the encoding asked for, and says which', async () => {
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from(ROWS, 'latin1'));
    const refused = await value(core.call('import/preview', { path: 'latin1.csv' }));
    expect(refused).toMatchObject({ csv: null, issues: [{ code: 'ENCODING' }] });
    expect(refused.encoding).toBeUndefined();
    const read = await value(core.call('import/preview', { path: 'latin1.csv', encoding: 'windows-1252' }));
    expect(read).toMatchObject({ format: 'csv', encoding: 'windows-1252', issues: [] });
    expect(read.lines[1]).toBe('2024-01-01T00:01:00Z,9,10,Grüße');
  });

  it('escapes control characters its messages quote from the file', async () => {
    writeFileSync(join(dir, 'dup.csv'), 'time,a\u001b[31m,a\u001b[31m\n2024-01-01T00:01:00Z,1,2\n');
    const preview = await value(core.call('import/preview', { path: 'dup.csv' }));
    expect(preview.issues.map((issue) => issue.message)).toEqual(['Column 3 repeats the name "a\\u001b[31m" of column 2']);
  });

  it('names a zip archive instead of calling it a text-encoding problem', async () => {
    writeFileSync(join(dir, 'rows.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    const preview = await value(core.call('import/preview', { path: 'rows.zip' }));
    expect(preview.issues).toEqual([
      { severity: 'error', code: 'COMPRESSED', message: 'The file is a zip archive, not text; extract the file inside it and import that' },
    ]);
  });
});
