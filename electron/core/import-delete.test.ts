import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { coreWithSli, removeTempCore, tempCore, value } from './test/temp-core';

const HISTORIES = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
const ACCESS_LOG = join(HISTORIES, 'access.log');
const REQUESTS = join(HISTORIES, 'requests-5m.csv');

let dir: string;
let core: Core;
let sliId: number;

/** Every row of every table, blobs as hex and rows sorted (a table without its own id has no order), so two states of the file can be compared exactly. */
function dumpTables(): Record<string, unknown[]> {
  core.session.close();
  const db = new Database(join(dir, 'w.slowb'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
          .map((row) => JSON.stringify(row.map((cell) => (Buffer.isBuffer(cell) ? cell.toString('hex') : cell))))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  ({ dir, core, sliId } = await coreWithSli('swb-impdel-'));
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

describe('deleting an import', () => {
  it('removes the import and its series as one undoable edit; undo brings the history back identical, redo removes it again', async () => {
    const first = await value(core.call('import/file', { sliId, path: ACCESS_LOG }));
    await value(
      core.call('import/file', {
        sliId,
        path: REQUESTS,
        format: 'csv',
        csv: {
          mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' },
          timeFormat: 'iso',
          timeZone: 'UTC',
        },
      }),
    );
    const listing = await value(core.call('import/list', { sliId }));
    const seriesId = listing[0]!.series[0]!.seriesId;
    const analysis = await value(core.call('analysis/sli', { sliId, windowDays: 30, seriesId }));
    expect(listing.map((l) => l.fileName)).toEqual(['access.log', 'requests-5m.csv']);
    await value(core.call('workspace/open', { path: 'w.slowb' }));
    const before = dumpTables();
    await value(core.call('workspace/open', { path: 'w.slowb' }));

    expect(await value(core.call('import/delete', { importId: first.importId! }))).toEqual({ importId: first.importId });
    expect((await value(core.call('import/list', { sliId }))).map((l) => l.fileName)).toEqual(['requests-5m.csv']);
    expect(core.session.state().undoLabel).toBe('Remove import access.log');

    const undone = await value(core.call('edit/undo', {}));
    expect(undone.redoLabel).toBe('Remove import access.log');
    expect(await value(core.call('import/list', { sliId }))).toEqual(listing);
    expect(await value(core.call('analysis/sli', { sliId, windowDays: 30, seriesId }))).toEqual(analysis);

    await value(core.call('edit/redo', {}));
    expect((await value(core.call('import/list', { sliId }))).map((l) => l.id)).toEqual([listing[1]!.id]);
    await value(core.call('edit/undo', {}));
    expect(dumpTables()).toEqual(before);
  }, 60_000);

  it('never deletes a later import that took the same id: undo is refused instead, and the later import stays', async () => {
    const first = await value(core.call('import/file', { sliId, path: ACCESS_LOG }));
    await value(core.call('import/delete', { importId: first.importId! }));
    // SQLite hands the freed id to the next import.
    const later = await value(
      core.call('import/file', {
        sliId,
        path: REQUESTS,
        format: 'csv',
        csv: {
          mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' },
          timeFormat: 'iso',
          timeZone: 'UTC',
        },
      }),
    );
    expect(later.importId).toBe(first.importId);
    const undo = await core.call('edit/undo', {});
    expect(undo).toMatchObject({ ok: false, error: { code: 'UNDO_FAILED' } });
    expect((await value(core.call('import/list', { sliId }))).map((l) => l.fileName)).toEqual(['requests-5m.csv']);
  }, 60_000);

  it('redo deletes only the import it put back, not another one with its id', async () => {
    const first = await value(core.call('import/file', { sliId, path: ACCESS_LOG }));
    await value(core.call('import/delete', { importId: first.importId! }));
    await value(core.call('edit/undo', {}));
    // Another program deletes the import and imports a different file, which gets the same id.
    const other = tempCore('swb-impdel-other-');
    try {
      await value(other.core.call('workspace/open', { path: join(dir, 'w.slowb') }));
      await value(other.core.call('import/delete', { importId: first.importId! }));
      await value(
        other.core.call('import/file', {
          sliId,
          path: REQUESTS,
          format: 'csv',
          csv: {
            mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' },
            timeFormat: 'iso',
            timeZone: 'UTC',
          },
        }),
      );
    } finally {
      removeTempCore(other);
    }
    expect(await core.call('edit/redo', {})).toMatchObject({ ok: false, error: { code: 'UNDO_FAILED' } });
    expect((await value(core.call('import/list', { sliId }))).map((l) => l.fileName)).toEqual(['requests-5m.csv']);
  }, 60_000);

  it('refuses an import id that does not exist, changing nothing', async () => {
    const label = core.session.state().undoLabel;
    const r = await core.call('import/delete', { importId: 99 });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no import with id 99', details: { field: 'importId' } } });
    expect(core.session.state().undoLabel).toBe(label);
  });
});
