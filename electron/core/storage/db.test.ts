import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, createWorkspaceDb, migrate, openWorkspaceDb } from './db';
import { MIGRATIONS, type Migration } from './migrations/index';
import { failureOf, sha } from '../test/checks';
import { WorkspaceSession } from '../services/workspace-session';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a workspace', () => {
  it('sets and keeps WAL, synchronous=FULL, foreign keys and busy_timeout on every open, including a reopen', () => {
    const path = join(dir, 'w.slowb');
    createWorkspaceDb(path).db.close();
    const { db } = openWorkspaceDb(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.slowb is empty: it is not an SLO Workbench workspace'],
    ['random bytes', randomBytes(4096), 'random.slowb is not an SLO Workbench workspace (it is not a SQLite database)'],
  ])('refuses %s with a clear error and leaves it byte for byte', (_label, bytes, message) => {
    const path = join(dir, message.split(' ')[0]!);
    writeFileSync(path, bytes);
    const before = sha(path);
    expect(failureOf(() => openWorkspaceDb(path))).toMatchObject({ code: 'NOT_A_WORKSPACE', message });
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir)).toEqual([message.split(' ')[0]]);
  });

  it('refuses another SQLite database and never modifies it', () => {
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha(path);
    expect(failureOf(() => openWorkspaceDb(path))).toMatchObject({
      code: 'NOT_A_WORKSPACE',
      message: 'other.db is a SQLite database but not an SLO Workbench workspace',
    });
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['other.db']);
  });

  it('opens a workspace written by a newer version read-only, saying so', () => {
    const path = join(dir, 'future.slowb');
    const { db } = createWorkspaceDb(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const opened = openWorkspaceDb(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toBe(
      `This workspace was written by a newer version of SLO Workbench (schema ${MIGRATIONS.length + 5}; this version knows up to ${MIGRATIONS.length}). It is open read-only.`,
    );
    expect(() => opened.db.exec("INSERT INTO workspace_meta VALUES ('a', 'b')")).toThrow(/readonly/);
    opened.db.close();
  });

  it('refuses a symlinked or hard-linked workspace path', () => {
    const path = join(dir, 'real.slowb');
    createWorkspaceDb(path).db.close();
    symlinkSync(path, join(dir, 'link.slowb'));
    expect(failureOf(() => openWorkspaceDb(join(dir, 'link.slowb'))).code).toBe('UNSAFE_PATH');
    linkSync(path, join(dir, 'hard.slowb'));
    expect(failureOf(() => openWorkspaceDb(path)).code).toBe('UNSAFE_PATH');
  });

  it('refuses to create over an existing file', () => {
    const path = join(dir, 'taken.slowb');
    writeFileSync(path, 'keep me');
    expect(failureOf(() => createWorkspaceDb(path)).code).toBe('FILE_EXISTS');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });
});

describe('migrations', () => {
  const LATEST = MIGRATIONS.length;
  const extra: Migration = { version: LATEST + 1, name: 'test column', sql: 'ALTER TABLE services ADD COLUMN tier_note TEXT' };

  it('backs the file up before running a pending migration, then applies it with its version', () => {
    const path = join(dir, 'old.slowb');
    const { db } = createWorkspaceDb(path);
    db.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
    db.close();
    const backups: number[] = [];
    const opened = openWorkspaceDb(path, {
      migrations: [...MIGRATIONS, extra],
      backup: (live, from) => {
        backups.push(from);
        live.prepare('VACUUM INTO ?').run(join(dir, 'backup.slowb'));
      },
    });
    expect(backups).toEqual([LATEST]);
    expect(opened.schemaVersion).toBe(LATEST + 1);
    opened.db.close();
    const backup = new Database(join(dir, 'backup.slowb'), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(backup.prepare('SELECT name FROM services').pluck().all()).toEqual(['api']);
    backup.close();
  });

  it('leaves the old version intact when a migration fails halfway', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken: Migration = { version: LATEST + 1, name: 'broken', sql: 'ALTER TABLE services ADD COLUMN a TEXT; THIS IS NOT SQL;' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare("SELECT COUNT(*) FROM pragma_table_info('services') WHERE name = 'a'").pluck().get()).toBe(0);
  });
});

describe('a schema-1 workspace', () => {
  it('migrates to the latest schema keeping its data, and ends with the same schema as a new workspace', () => {
    const old = join(dir, 'v1.slowb');
    const v1 = createWorkspaceDb(old, MIGRATIONS.slice(0, 1)).db;
    v1.prepare("INSERT INTO services (name, created_at, updated_at) VALUES ('api', 0, 0)").run();
    v1.close();
    const migrated = openWorkspaceDb(old, { backup: () => undefined }).db;
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(schema(migrated)).toEqual(schema(fresh));
    expect(migrated.prepare('SELECT name, requests_per_day FROM services').all()).toEqual([{ name: 'api', requests_per_day: null }]);
    migrated.close();
    fresh.close();
  });
});

describe('save as', () => {
  it('writes a consistent copy including rows still in the WAL and continues in the copy', () => {
    const session = new WorkspaceSession(() => 1);
    session.create(join(dir, 'a.slowb'));
    session.edit('add', null, (repo, now) => ({ serviceId: repo.insertService('api', '', '', now), value: null }));
    session.saveAs(join(dir, 'b.slowb'));
    expect(session.path).toBe(join(dir, 'b.slowb'));
    expect(
      session
        .reader()
        .listServices()
        .map((s) => s.name),
    ).toEqual(['api']);
    expect(session.state().undoLabel).toBe('add');
    session.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'a.slowb'))).toBe(true);
  });
});
