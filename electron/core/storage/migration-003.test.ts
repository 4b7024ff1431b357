import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openWorkspaceDb } from './db';
import { MIGRATIONS } from './migrations/index';
import { SeriesRepo } from './repos/series-repo';
import { expectSeedsOf, seriesGood, seriesT, seriesTotal, SERIES_POINTS, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m3-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const IMPORT = `INSERT INTO imports (sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, status)
  VALUES (11, 'dd44', 'again.csv', 'csv', 1, 1, 0, 0, 'done')`;

describe('migration 3 (imports, series and their Float64 chunks)', () => {
  it('keeps a schema-2 workspace’s catalog, traffic, dependencies, policy and alert sets, with no imports yet', () => {
    const path = join(dir, 'v2.slowb');
    workspaceAt(path, 2);
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM imports) + (SELECT COUNT(*) FROM series) + (SELECT COUNT(*) FROM series_chunks)').pluck().get()).toBe(0);
    db.close();
    const opened = openWorkspaceDb(path);
    expectSeedsOf(opened.db, 2);
    opened.db.close();
  });

  it('recognises the same bytes imported twice for one SLI, and refuses a negative row count', () => {
    const path = join(dir, 'v2.slowb');
    workspaceAt(path, 2);
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare(IMPORT).run();
    expect(() => db.prepare(IMPORT).run()).toThrow(/UNIQUE constraint failed: imports.sli_id, imports.sha256/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO imports (sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, status) VALUES (11, 'ee', 'x.csv', 'csv', 1, -1, 0, 0, 'done')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('upgrades a schema-3 workspace whose series spans two chunks, every sample read back bit for bit', () => {
    const path = join(dir, 'v3.slowb');
    workspaceAt(path, 3);
    const opened = openWorkspaceDb(path);
    expectSeedsOf(opened.db, 3);
    const read = new SeriesRepo(opened.db).readSeries(301);
    expect(read.t.length).toBe(SERIES_POINTS);
    expect(Buffer.from(read.good.buffer).equals(Buffer.from(seriesGood.buffer))).toBe(true);
    expect(Buffer.from(read.total.buffer).equals(Buffer.from(seriesTotal.buffer))).toBe(true);
    expect(read.t[SERIES_POINTS - 1]).toBe(seriesT[SERIES_POINTS - 1]);
    opened.db.close();
  });

  it('deletes an SLI’s imports, series and chunks with the SLI', () => {
    const path = join(dir, 'v3.slowb');
    workspaceAt(path, 3);
    const opened = openWorkspaceDb(path);
    opened.db.prepare('DELETE FROM slis WHERE id = 11').run();
    expect(
      opened.db.prepare('SELECT (SELECT COUNT(*) FROM imports) + (SELECT COUNT(*) FROM series) + (SELECT COUNT(*) FROM series_chunks)').pluck().get(),
    ).toBe(0);
    opened.db.close();
  });
});
