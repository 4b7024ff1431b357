import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '#shared/importers/types';
import type { Core } from './registry';
import { coreWithSli, removeTempCore, value } from './test/temp-core';
import { importFile } from './services/import-service';

const HISTORIES = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
let dir: string;
let core: Core;
let sliId: number;

const fileHash = () =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'w.slowb')))
    .digest('hex');
const rowCounts = () => {
  const db = new Database(join(dir, 'w.slowb'), { readonly: true });
  const out = ['imports', 'series', 'series_chunks'].map((t) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get());
  db.close();
  return out;
};

beforeEach(async () => {
  ({ dir, core, sliId } = await coreWithSli('swb-imp-'));
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

describe('importing a file', () => {
  it('imports an access log through a worker, and recognises it the second time', async () => {
    const path = join(HISTORIES, 'access.log');
    const first = await value(core.call('import/file', { sliId, path }));
    expect(first).toMatchObject({ status: 'stored', format: 'access-log', accepted: 1191, rejected: 0 });
    expect(first.series.map((s) => s.name)).toContain('availability');
    const counts = rowCounts();
    const again = await value(core.call('import/file', { sliId, path }));
    expect(again).toMatchObject({ status: 'duplicate', importId: first.importId });
    expect(rowCounts()).toEqual(counts);
  }, 60_000);

  it('imports a value CSV with a threshold', async () => {
    const r = await value(
      core.call('import/file', {
        sliId,
        path: join(HISTORIES, 'requests-5m.csv'),
        format: 'csv',
        csv: {
          mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' },
          timeFormat: 'iso',
          timeZone: 'UTC',
        },
      }),
    );
    expect(r).toMatchObject({ status: 'stored', accepted: 576, series: [{ points: 576, stepMs: 300_000 }] });
  }, 60_000);

  it('imports NGINX Plus status snapshots detected automatically, one interval series for all zones and one per zone', async () => {
    const r = await value(core.call('import/file', { sliId, path: join(HISTORIES, 'nginx-status.jsonl') }));
    expect(r).toMatchObject({ status: 'stored', format: 'nginx-status', accepted: 60, rejected: 0, issues: [] });
    // 60 snapshots give 59 intervals, each stamped at the later snapshot (about 5.1 s apart).
    expect(r.series.map((s) => [s.name, s.points, s.stepMs])).toEqual(
      ['all zones', 'api.example.org', 'www.example.org', 'static.example.org'].map((name) => [name, 59, 5085]),
    );
    expect(rowCounts().slice(0, 2)).toEqual([1, 4]);
  }, 60_000);

  it('stores nothing from a malformed CSV and reports its bad lines', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'time,good,total\n2024-01-01T00:00:00Z,5,10\n2024-01-01T00:01:00Z,x,10\n2024-01-01T00:02:00Z,12,10\n');
    const before = fileHash();
    const r = await value(
      core.call('import/file', {
        sliId,
        path: 'bad.csv',
        format: 'csv',
        csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
      }),
    );
    expect(r.status).toBe('refused');
    expect(r.issues.map((i) => [i.code, i.line])).toEqual(expect.arrayContaining([['GOOD_ABOVE_TOTAL', 4]]));
    expect(r.issues.some((i) => i.line === 3)).toBe(true);
    expect(rowCounts()).toEqual([0, 0, 0]);
    expect(fileHash()).toBe(before);
  }, 60_000);

  it('refuses a missing file with a clear error', async () => {
    expect(await core.call('import/file', { sliId, path: 'missing.csv' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND', message: 'missing.csv does not exist or is not a file' },
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2048));
    const job = {
      sliId,
      path: join(dir, 'big.csv'),
      onBadRows: 'abort' as const,
      request: { format: 'auto' as const, limits: { ...DEFAULT_LIMITS, maxBytes: 1024 } },
    };
    await expect(importFile(core.session, job, Date.now)).rejects.toMatchObject({
      error: { code: 'INVALID_ARGUMENT', message: 'big.csv has 2048 bytes, more than the import limit of 1024; split it or aggregate it first' },
    });
    expect(rowCounts()).toEqual([0, 0, 0]);
  });
});
