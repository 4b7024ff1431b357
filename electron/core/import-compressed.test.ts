// Compressed files: gzip is decompressed before parsing, within the import's byte limit; other compressions are named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '#shared/importers/types';
import type { Core } from './registry';
import { importFile } from './services/import-service';
import { coreWithSli, removeTempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
let sliId: number;
const CSV = { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' } as const;
const ROWS = 'time,good,total\n2024-01-01T00:01:00Z,9,10\n2024-01-01T00:02:00Z,10,10\n';

beforeEach(async () => {
  ({ dir, core, sliId } = await coreWithSli('swb-gz-'));
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

describe('importing a compressed file', () => {
  it('reads a gzip-compressed CSV as the text inside it', async () => {
    writeFileSync(join(dir, 'rows.csv.gz'), gzipSync(ROWS));
    const r = await value(core.call('import/file', { sliId, path: 'rows.csv.gz', format: 'csv', csv: CSV }));
    expect(r).toMatchObject({ status: 'stored', fileName: 'rows.csv.gz', format: 'csv', accepted: 2, rejected: 0 });
    expect(r.series[0]).toMatchObject({ points: 2, startMs: Date.UTC(2024, 0, 1, 0, 1), endMs: Date.UTC(2024, 0, 1, 0, 2) });
  }, 60_000);

  it('refuses a gzip file whose contents exceed the byte limit, decompressing no further than the limit', async () => {
    // 1 MB of zeros compresses to about 1 kB: a small file that would grow a thousandfold.
    writeFileSync(join(dir, 'bomb.csv.gz'), gzipSync(Buffer.alloc(1_000_000, 0x30)));
    const job = {
      sliId,
      path: join(dir, 'bomb.csv.gz'),
      onBadRows: 'abort' as const,
      request: { format: 'auto' as const, limits: { ...DEFAULT_LIMITS, maxBytes: 100_000 } },
    };
    await expect(importFile(core.session, job, Date.now)).rejects.toMatchObject({
      error: { code: 'INVALID_ARGUMENT', message: 'bomb.csv.gz decompresses to more than 100000 bytes, the import limit; split it or aggregate it first' },
    });
    expect(await value(core.call('import/list', { sliId }))).toEqual([]);
  }, 60_000);

  it('refuses a damaged gzip file naming it', async () => {
    writeFileSync(join(dir, 'cut.csv.gz'), gzipSync(ROWS).subarray(0, 20));
    const r = await core.call('import/file', { sliId, path: 'cut.csv.gz', format: 'csv', csv: CSV });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'cut.csv.gz is gzip-compressed but cannot be decompressed (unexpected end of file); it may be damaged or cut short',
      },
    });
  }, 60_000);

  it('refuses a zip archive naming the compression, storing nothing', async () => {
    writeFileSync(join(dir, 'rows.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    const r = await value(core.call('import/file', { sliId, path: 'rows.zip', format: 'csv', csv: CSV }));
    expect(r).toMatchObject({
      status: 'refused',
      importId: null,
      issues: [{ code: 'COMPRESSED', message: 'The file is a zip archive, not text; extract the file inside it and import that' }],
    });
    expect(await value(core.call('import/list', { sliId }))).toEqual([]);
  }, 60_000);
});
