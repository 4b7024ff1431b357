import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { RowTreeRepo } from './row-tree';
import { SeriesRepo } from './series-repo';

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();

describe('a row with everything that refers to it', () => {
  it('is captured through every level of foreign keys, including tables added later, and put back exactly', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE, data BLOB) STRICT;
      CREATE TABLE grandchild (child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE, k INTEGER NOT NULL, v REAL, PRIMARY KEY (child_id, k)) STRICT;
      CREATE TABLE side (child_id INTEGER PRIMARY KEY REFERENCES child ON DELETE CASCADE, note TEXT) STRICT;
      INSERT INTO parent VALUES (1, 'kept'), (2, 'removed');
      INSERT INTO child VALUES (10, 1, x'00'), (20, 2, x'0102'), (21, 2, NULL);
      INSERT INTO grandchild VALUES (10, 0, 1.5), (20, 0, 2.5), (20, 1, -0.0), (21, 7, NULL);
      INSERT INTO side VALUES (21, 'late table');
    `);
    const before = ['parent', 'child', 'grandchild', 'side'].map((t) => dump(db, t));
    const repo = new RowTreeRepo(db);
    const tree = repo.capture('parent', 2);
    expect(tree?.map((t) => [t.table, t.rows.length])).toEqual([
      ['parent', 1],
      ['child', 2],
      ['grandchild', 3],
      ['side', 1],
    ]);
    db.prepare('DELETE FROM parent WHERE id = 2').run();
    expect(dump(db, 'grandchild')).toEqual([[10, 0, 1.5]]);
    repo.restore(tree!);
    expect(['parent', 'child', 'grandchild', 'side'].map((t) => dump(db, t))).toEqual(before);
    expect(repo.capture('parent', 3)).toBeNull();
  });
});

describe('an import with its series on a workspace file', () => {
  it('is captured with its series, chunks and latency values, deleted, and put back exactly, ids and bytes included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-rowtree-'));
    try {
      const path = join(dir, 'w.slowb');
      const { db } = createWorkspaceDb(path);
      db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0);
        INSERT INTO slis (id, service_id, name, kind, position) VALUES (12, 1, 'latency', 'latency', 1);`);
      const series = new SeriesRepo(db);
      const importId = series.insertImport({
        sliId: 12,
        sha256: 'ab',
        fileName: 'latency.csv',
        format: 'csv',
        parserVersion: 1,
        acceptedRows: 3,
        rejectedRows: 0,
        startedAt: 5,
      });
      const t = Float64Array.of(60_000, 120_000, 180_000);
      const seriesId = series.insertSeries(importId, {
        name: 'latency',
        stepMs: 60_000,
        t,
        good: Float64Array.of(1, 1, 0),
        total: Float64Array.of(1, 1, 1),
        latency: { kind: 'values', unit: 'ms', valuesMs: Float64Array.of(12.5, 80.25, 1200) },
      });
      const tables = ['imports', 'series', 'series_chunks', 'series_latency', 'series_latency_chunks'];
      const before = tables.map((table) => dump(db, table));
      const repo = new RowTreeRepo(db);
      const tree = repo.capture('imports', importId)!;
      expect(tree.map((x) => [x.table, x.rows.length])).toEqual([
        ['imports', 1],
        ['series', 1],
        ['series_chunks', 1],
        ['series_latency', 1],
        ['series_latency_chunks', 1],
      ]);
      series.deleteImport(importId);
      expect(series.getSeries(seriesId)).toBeUndefined();
      db.transaction(() => repo.restore(tree))();
      expect(repo.capture('imports', 404)).toBeNull();
      db.close();
      const reopened = openWorkspaceDb(path).db;
      expect(tables.map((table) => dump(reopened, table))).toEqual(before);
      expect(new SeriesRepo(reopened).readLatency(seriesId)).toEqual({ kind: 'values', unit: 'ms', valuesMs: Float64Array.of(12.5, 80.25, 1200) });
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
