import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { SeriesRepo } from './repos/series-repo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m5-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

/** A workspace with one SLI, as the version before latency values wrote it. */
function v4Workspace(path: string): void {
  const db = createWorkspaceDb(path, MIGRATIONS.slice(0, 4)).db;
  db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
  db.prepare("INSERT INTO slis (service_id, name, kind, latency_threshold_ms, position) VALUES (1, 'latency', 'latency', 200, 0)").run();
  const repo = new SeriesRepo(db);
  // Written as schema 4 has it (the repo writes the newest schema's columns).
  const importId = Number(
    db
      .prepare(
        `INSERT INTO imports (sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, status)
    VALUES (1, 'ab', 'old.csv', 'csv', 1, 2, 0, 0, 'running')`,
      )
      .run().lastInsertRowid,
  );
  db.prepare('INSERT INTO series (import_id, name, step_ms, points, start_ms, end_ms) VALUES (?, ?, 60000, 2, 60000, 120000)').run(importId, 'old');
  const f = (...v: number[]) => Buffer.from(Float64Array.from(v).buffer);
  db.prepare('INSERT INTO series_chunks (series_id, chunk_index, points, t, good, total) VALUES (1, 0, 2, ?, ?, ?)').run(f(60_000, 120_000), f(1, 0), f(1, 1));
  repo.finishImport(importId, 1);
  db.close();
}

describe('migration 5 (latency values beside a series)', () => {
  it('takes a schema-4 workspace to the same schema as a new workspace, keeping its series, which carry no latency values', () => {
    const old = join(dir, 'v4.slowb');
    v4Workspace(old);
    const opened = openWorkspaceDb(old, { backup: () => undefined });
    // Opened, it goes through every later migration too.
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    const repo = new SeriesRepo(opened.db);
    expect(repo.readSeries(1)).toEqual({ t: Float64Array.of(60_000, 120_000), good: Float64Array.of(1, 0), total: Float64Array.of(1, 1) });
    expect(repo.readLatency(1)).toBeNull();
    opened.db.close();
    fresh.close();
  });

  it('stores per-sample values and per-bound counts beside a series, read back exactly, and deleted with its import', () => {
    const { db } = createWorkspaceDb(join(dir, 'w.slowb'));
    db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
    db.prepare("INSERT INTO slis (service_id, name, kind, latency_threshold_ms, position) VALUES (1, 'latency', 'latency', 200, 0)").run();
    const repo = new SeriesRepo(db);
    const importId = repo.insertImport({
      sliId: 1,
      sha256: 'cd',
      fileName: 'new.csv',
      format: 'csv',
      parserVersion: 1,
      acceptedRows: 3,
      rejectedRows: 0,
      startedAt: 0,
    });
    const t = Float64Array.of(60_000, 120_000, 180_000);
    const ones = Float64Array.of(1, 1, 1);
    const values = repo.insertSeries(importId, {
      name: 'values',
      stepMs: 60_000,
      t,
      good: ones,
      total: ones,
      latency: { kind: 'values', unit: 's', valuesMs: Float64Array.of(150, 150.5, 2000) },
    });
    const counts = repo.insertSeries(importId, {
      name: 'counts',
      stepMs: 60_000,
      t,
      good: Float64Array.of(3, 4, 0),
      total: Float64Array.of(5, 4, 2),
      latency: { kind: 'counts', unit: 'us', boundsMs: [150, 200], atOrBelow: [Float64Array.of(2, 4, 0), Float64Array.of(3, 4, 1)] },
    });
    expect(repo.readLatency(values)).toEqual({ kind: 'values', unit: 's', valuesMs: Float64Array.of(150, 150.5, 2000) });
    expect(repo.readLatency(counts)).toEqual({
      kind: 'counts',
      unit: 'us',
      boundsMs: [150, 200],
      atOrBelow: [Float64Array.of(2, 4, 0), Float64Array.of(3, 4, 1)],
    });
    // Values take 8 bytes a sample; counts, whole numbers of requests, 4 bytes a sample and bound.
    expect(db.prepare('SELECT series_id, length(data) AS bytes FROM series_latency_chunks ORDER BY series_id').all()).toEqual([
      { series_id: values, bytes: 3 * 8 },
      { series_id: counts, bytes: 3 * 2 * 4 },
    ]);
    repo.deleteImport(importId);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM series_latency) + (SELECT COUNT(*) FROM series_latency_chunks)').pluck().get()).toBe(0);
    db.close();
  });
});
