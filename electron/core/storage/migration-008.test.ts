import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { CatalogRepo } from './repos/catalog-repo';
import { expectSeedsOf, expectedServices, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m8-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

describe('migration 8 (what an SLI is measured by: maximum data age, wording, queries, histogram)', () => {
  it('takes a schema-7 workspace with data to the schema of a new one, every SLI kept with no details set', () => {
    const old = join(dir, 'v7.slowb');
    workspaceAt(old, 7);
    const backups: number[] = [];
    const opened = openWorkspaceDb(old, { backup: (_db, from) => backups.push(from) });
    expect(opened.schemaVersion).toBeGreaterThanOrEqual(8);
    expect(backups[0]).toBe(7);
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    expectSeedsOf(opened.db, 7);
    expect(new CatalogRepo(opened.db).listServices()).toEqual(expectedServices(true));
    opened.db.close();
    fresh.close();
  });

  it('reads back the details a schema-8 workspace holds after the file is reopened', () => {
    const path = join(dir, 'v8.slowb');
    workspaceAt(path, 8);
    const opened = openWorkspaceDb(path);
    expectSeedsOf(opened.db, 8);
    const payments = new CatalogRepo(opened.db).listServices()[1]!;
    expect(payments.slis.map((s) => [s.name, s.kind, s.wording?.good ?? null, s.freshnessMaxAgeMs])).toEqual([
      ['availability', 'availability', null, null],
      ['rated helpful', 'custom', 'responses rated helpful', null],
      ['ledger freshness', 'freshness', null, 600000],
    ]);
    opened.db.close();
  });

  it('refuses details that are not what their column holds: a non-positive age, JSON that is not an object or has no form', () => {
    const path = join(dir, 'w.slowb');
    workspaceAt(path, 8);
    const { db } = openWorkspaceDb(path);
    const set = (column: string, value: unknown) => () => db.prepare(`UPDATE slis SET ${column} = ? WHERE id = 11`).run(value);
    expect(set('freshness_max_age_ms', 0)).toThrow(/CHECK constraint failed/);
    expect(set('wording', '"helpful"')).toThrow(/CHECK constraint failed/);
    expect(set('queries', '{"good": "x"}')).toThrow(/CHECK constraint failed/);
    expect(set('histogram', 'not json')).toThrow(/CHECK constraint failed/);
    expect(set('queries', null)).not.toThrow();
    db.close();
  });
});
