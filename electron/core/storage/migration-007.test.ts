import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOf, tenDeploys } from '../test/scenario-fixtures';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { CatalogRepo } from './repos/catalog-repo';
import { ScenarioRepo } from './repos/scenario-repo';
import { expectSeedsOf, expectedServices, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m7-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

const INSERT = 'INSERT INTO scenarios (sli_id, name, scenario, last_run, position, updated_ms) VALUES (?, ?, ?, ?, ?, ?)';

describe('migration 7 (what-if scenarios of an SLI, with their last run)', () => {
  it('takes a schema-6 workspace with data to the schema of a new one, its data kept and no scenario yet', () => {
    const old = join(dir, 'v6.slowb');
    workspaceAt(old, 6);
    const backups: number[] = [];
    const opened = openWorkspaceDb(old, { backup: (_db, from) => backups.push(from) });
    expect([opened.schemaVersion, backups]).toEqual([LATEST_SCHEMA_VERSION, [6]]);
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    expectSeedsOf(opened.db, 6);
    expect(new CatalogRepo(opened.db).listServices()).toEqual(expectedServices(true));
    expect(new ScenarioRepo(opened.db).listForSli(11)).toEqual([]);
    opened.db.close();
    fresh.close();
  });

  it('reads back the scenarios a schema-7 workspace holds, with the stored run, after the file is reopened', () => {
    const path = join(dir, 'v7.slowb');
    workspaceAt(path, 7);
    const opened = openWorkspaceDb(path);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expectSeedsOf(opened.db, 7);
    opened.db.close();
  });

  it('deletes an SLI’s scenarios with the SLI, and refuses a scenario of an SLI that does not exist', () => {
    const path = join(dir, 'w.slowb');
    workspaceAt(path, 7);
    const { db } = openWorkspaceDb(path);
    db.prepare('DELETE FROM slis WHERE id = 11').run();
    expect(db.prepare('SELECT COUNT(*) FROM scenarios').pluck().get()).toBe(0);
    expect(() => db.prepare(INSERT).run(404, 'x', JSON.stringify(tenDeploys('x')), null, 1, 0)).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });

  it('refuses a second scenario of the same name on one SLI, whatever its case, but allows it on another SLI', () => {
    const path = join(dir, 'w.slowb');
    workspaceAt(path, 7);
    const { db } = openWorkspaceDb(path);
    const named = (name: string) => JSON.stringify(tenDeploys(name));
    expect(() => db.prepare(INSERT).run(11, 'TEN DEPLOYS A WEEK', named('TEN DEPLOYS A WEEK'), null, 3, 0)).toThrow(
      /UNIQUE constraint failed: scenarios.sli_id, scenarios.name/,
    );
    expect(db.prepare(INSERT).run(12, 'Ten deploys a week', named('Ten deploys a week'), null, 1, 0).changes).toBe(1);
    db.close();
  });

  it.each([
    ['an empty name', '', tenDeploys(''), null, 1, 0],
    ['a name with a space around it', ' x', tenDeploys(' x'), null, 1, 0],
    ['a name of 81 characters', 'n'.repeat(81), tenDeploys('n'.repeat(81)), null, 1, 0],
    ['fields whose name is not the name column', 'x', tenDeploys('y'), null, 1, 0],
    ['fields that are not JSON', 'x', '{"name": "x"', null, 1, 0],
    ['fields that are a list, not an object', 'x', ['x'], null, 1, 0],
    ['a last run that is not a JSON object', 'x', tenDeploys('x'), '42', 1, 0],
    ['a position of 0', 'x', tenDeploys('x'), null, 0, 0],
    ['a negative time', 'x', tenDeploys('x'), null, 1, -1],
  ] as const)('refuses %s', (_what, name, fields, lastRun, position, updatedMs) => {
    const { db } = createWorkspaceDb(join(dir, 'w.slowb'));
    db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'api', 0, 0);
      INSERT INTO slis (id, service_id, name, kind, position) VALUES (1, 1, 'availability', 'availability', 1);`);
    const text = typeof fields === 'string' ? fields : JSON.stringify(fields);
    expect(() => db.prepare(INSERT).run(1, name, text, lastRun, position, updatedMs)).toThrow(/CHECK constraint failed|malformed JSON/);
    expect(db.prepare(INSERT).run(1, 'ok', JSON.stringify(tenDeploys('ok')), JSON.stringify(runOf('ok')), 1, 0).changes).toBe(1);
    db.close();
  });

  it('refuses a text where the table keeps a number, as every STRICT table does', () => {
    const { db } = createWorkspaceDb(join(dir, 'w.slowb'));
    db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'api', 0, 0);
      INSERT INTO slis (id, service_id, name, kind, position) VALUES (1, 1, 'availability', 'availability', 1);`);
    expect(() => db.prepare(INSERT).run(1, 'x', JSON.stringify(tenDeploys('x')), null, 'first', 0)).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });
});
