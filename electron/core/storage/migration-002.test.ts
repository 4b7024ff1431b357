import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { migrate, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { CatalogRepo } from './repos/catalog-repo';
import { expectedServices, expectSeedsOf, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m2-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A schema-1 workspace with data, taken to schema 2 alone (migration 2 and nothing after it). */
function v1ThenMigration2(): Database.Database {
  const path = join(dir, 'v1.slowb');
  workspaceAt(path, 1);
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
  return db;
}

describe('migration 2 (traffic, dependencies, budget policies and alert window sets)', () => {
  it('keeps the schema-1 catalog and gives its services no traffic, no dependencies and no policy', () => {
    const db = v1ThenMigration2();
    expect(db.prepare('SELECT id, requests_per_day FROM services ORDER BY id').all()).toEqual([
      { id: 1, requests_per_day: null },
      { id: 2, requests_per_day: null },
    ]);
    expect(
      db
        .prepare('SELECT (SELECT COUNT(*) FROM dependencies) + (SELECT COUNT(*) FROM budget_policies) + (SELECT COUNT(*) FROM alert_window_sets)')
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
  });

  it('accepts traffic, edges and policies after the upgrade, and refuses negative traffic and a service depending on itself', () => {
    const db = v1ThenMigration2();
    const repo = new CatalogRepo(db);
    repo.setTraffic(1, 2_000_000, 1);
    repo.putDependency(1, 2, null);
    repo.setPolicy(1, DEFAULT_POLICY);
    expect(repo.getService(1)).toMatchObject({ requestsPerDay: 2_000_000, dependencies: [{ dependsOnId: 2, redundancyGroup: null }], policy: DEFAULT_POLICY });
    expect(() => repo.setTraffic(2, -1, 1)).toThrow(/CHECK constraint failed/);
    expect(() => repo.putDependency(2, 2, null)).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('deletes a service’s edges in both directions and its policy with it', () => {
    const db = v1ThenMigration2();
    const repo = new CatalogRepo(db);
    repo.putDependency(1, 2, null);
    repo.setPolicy(2, DEFAULT_POLICY);
    repo.deleteService(2);
    expect(db.prepare('SELECT COUNT(*) FROM dependencies').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM budget_policies').pluck().get()).toBe(0);
    expect(repo.getService(1)?.dependencies).toEqual([]);
    db.close();
  });

  it('opens a schema-1 workspace normally, through every later migration, with its catalog as it was', () => {
    const path = join(dir, 'v1.slowb');
    workspaceAt(path, 1);
    const opened = openWorkspaceDb(path);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(new CatalogRepo(opened.db).listServices()).toEqual(expectedServices(false));
    opened.db.close();
  });

  it('upgrades a schema-2 workspace with traffic, a grouped dependency, a policy and an alert set, keeping them all', () => {
    const path = join(dir, 'v2.slowb');
    workspaceAt(path, 2);
    const opened = openWorkspaceDb(path);
    expectSeedsOf(opened.db, 2);
    opened.db.close();
  });
});
