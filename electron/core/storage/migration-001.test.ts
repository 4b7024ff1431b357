import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, createWorkspaceDb, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { expectSeedsOf, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m1-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const names = (db: Database.Database, type: 'table' | 'index') =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(type);

describe('migration 1 (the initial catalog) and a fresh workspace', () => {
  it('gives a new workspace every table and index of every migration, at the latest schema version', () => {
    const { db, schemaVersion } = createWorkspaceDb(join(dir, 'new.slowb'));
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(9);
    expect(names(db, 'table')).toEqual([
      'alert_window_sets',
      'budget_policies',
      'dependencies',
      'exclusions',
      'imports',
      'objectives',
      'review_comments',
      'review_periods',
      'review_roles',
      'review_signoffs',
      'review_versions',
      'scenarios',
      'series',
      'series_chunks',
      'series_latency',
      'series_latency_chunks',
      'services',
      'slis',
      'workspace_meta',
    ]);
    expect(names(db, 'index')).toEqual([
      'dependencies_by_target',
      'exclusions_by_service',
      'review_comments_by_version',
      'review_signoffs_by_version',
      'scenarios_by_sli',
      'series_by_import',
      'slis_by_service',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('makes every table STRICT, so a text in an integer column is refused rather than stored', () => {
    const { db } = createWorkspaceDb(join(dir, 'new.slowb'));
    const sql = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(sql.filter((t) => !/\)\s*STRICT$/.test(t.sql)).map((t) => t.name)).toEqual([]);
    expect(() => db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('x', 'yesterday', 0)").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('writes schema 1 as four tables and nothing of later migrations', () => {
    const { db, schemaVersion } = createWorkspaceDb(join(dir, 'v1.slowb'), MIGRATIONS.slice(0, 1));
    expect(schemaVersion).toBe(1);
    expect(names(db, 'table')).toEqual(['objectives', 'services', 'slis', 'workspace_meta']);
    db.close();
  });

  it('holds the catalog of schema 1 with its rules: unique names whatever their case, targets within (0, 100 %), tiers of three kinds', () => {
    const path = join(dir, 'v1.slowb');
    workspaceAt(path, 1);
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('CHECKOUT', 0, 0)").run()).toThrow(
      /UNIQUE constraint failed: services.name/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO objectives (sli_id, tier, target_ppm, window_kind, window_days, method) VALUES (21, 'sla', 1000000, 'rolling', 30, 'occurrences')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO objectives (sli_id, tier, target_ppm, window_kind, window_days, method) VALUES (21, 'gold', 990000, 'rolling', 30, 'occurrences')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    // Deleting a service takes its SLIs and their tiers with it.
    db.prepare('DELETE FROM services WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM slis').pluck().get()).toBe(1);
    expect(db.prepare('SELECT sli_id, tier FROM objectives').all()).toEqual([{ sli_id: 21, tier: 'slo' }]);
    db.close();
  });

  it('upgrades a schema-1 workspace with data to the latest schema, its catalog read back exactly', () => {
    const path = join(dir, 'v1.slowb');
    workspaceAt(path, 1);
    const backups: number[] = [];
    const opened = openWorkspaceDb(path, { backup: (_db, from) => backups.push(from) });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(backups).toEqual([1]);
    expectSeedsOf(opened.db, 1);
    opened.db.close();
  });
});
