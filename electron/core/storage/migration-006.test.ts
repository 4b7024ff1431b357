import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { SeriesRepo } from './repos/series-repo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m6-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: ReturnType<typeof createWorkspaceDb>['db']) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

describe('migration 6 (rows merged as duplicates, recorded with each import)', () => {
  it('takes a schema-5 workspace to the schema of a new one; its imports record 0 merged rows', () => {
    const old = join(dir, 'v5.slowb');
    const db = createWorkspaceDb(old, MIGRATIONS.slice(0, 5)).db;
    db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
    db.prepare("INSERT INTO slis (service_id, name, kind, latency_threshold_ms, position) VALUES (1, 'availability', 'availability', NULL, 0)").run();
    db.prepare(
      `INSERT INTO imports (sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, finished_at, status)
      VALUES (1, 'ab', 'old.csv', 'csv', 1, 7, 2, 0, 1, 'done')`,
    ).run();
    db.close();
    const opened = openWorkspaceDb(old, { backup: () => undefined });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    expect(new SeriesRepo(opened.db).findImport(1, 'ab')).toMatchObject({ acceptedRows: 7, rejectedRows: 2, mergedRows: 0 });
    opened.db.close();
    fresh.close();
  });

  it('stores and reads back the merged rows of a new import, and refuses a negative count', () => {
    const { db } = createWorkspaceDb(join(dir, 'w.slowb'));
    db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
    db.prepare("INSERT INTO slis (service_id, name, kind, latency_threshold_ms, position) VALUES (1, 'availability', 'availability', NULL, 0)").run();
    const repo = new SeriesRepo(db);
    repo.insertImport({
      sliId: 1,
      sha256: 'cd',
      fileName: 'nab.csv',
      format: 'csv',
      parserVersion: 1,
      acceptedRows: 4021,
      rejectedRows: 0,
      mergedRows: 11,
      startedAt: 0,
    });
    expect(repo.findImport(1, 'cd')).toMatchObject({ acceptedRows: 4021, rejectedRows: 0, mergedRows: 11 });
    expect(() =>
      repo.insertImport({
        sliId: 1,
        sha256: 'ef',
        fileName: 'x.csv',
        format: 'csv',
        parserVersion: 1,
        acceptedRows: 1,
        rejectedRows: 0,
        mergedRows: -1,
        startedAt: 0,
      }),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
