import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../services/workspace-session';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { failureOf, sha } from '../test/checks';
import { MIGRATIONS } from './migrations/index';

// These tests run as root in CI, where permission bits stop neither reads nor writes. The workspace opener
// treats a file or folder without any write bit as read-only whoever runs it (as `ls -l` shows it), so the
// bits alone are tested here; cli-permissions.test.ts runs the real CLI as `nobody` for the real EACCES paths.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-access-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) chmodSync(join(dir, entry), 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** A workspace holding one service "api", closed (its WAL checkpointed into the file). */
function workspaceWithService(path: string): void {
  const session = new WorkspaceSession(() => 1);
  session.create(path);
  session.edit('add', null, (repo, now) => ({ serviceId: repo.insertService('api', '', '', now), value: null }));
  session.close();
}

function setUserVersion(path: string, version: number): void {
  const db = new Database(path);
  db.pragma(`user_version = ${version}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('a workspace that cannot be written', () => {
  it('opens a file without write permission (0444) read-only, naming the file, and creates nothing beside it', () => {
    const path = join(dir, 'locked.slowb');
    workspaceWithService(path);
    chmodSync(path, 0o444);
    const before = sha(path);
    const session = new WorkspaceSession(() => 2);
    session.open(path);
    expect(session.state().workspace).toMatchObject({ readOnly: true });
    expect(session.state().workspace?.readOnlyReason).toBe(
      `locked.slowb cannot be written: the file ${path} is read-only. It is open read-only; make the file writable to change it.`,
    );
    expect(
      session
        .reader()
        .listServices()
        .map((s) => s.name),
    ).toEqual(['api']);
    const refused = failureOf(() => session.edit('add', null, (repo, now) => ({ serviceId: repo.insertService('web', '', '', now), value: null })));
    expect(refused).toMatchObject({ code: 'READ_ONLY', message: session.state().workspace?.readOnlyReason });
    session.close();
    expect(readdirSync(dir)).toEqual(['locked.slowb']);
    expect(sha(path)).toBe(before);
  });

  it('opens a workspace in a folder without write permission (0555) read-only, naming the folder, and creates nothing in it', () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const path = join(folder, 'team.slowb');
    workspaceWithService(path);
    chmodSync(folder, 0o555);
    const before = sha(path);
    const opened = openWorkspaceDb(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toBe(
      `team.slowb cannot be written: its folder ${folder} does not allow creating files (SQLite keeps team.slowb-wal and team.slowb-shm beside the workspace). It is open read-only; make the folder writable to change it.`,
    );
    expect(opened.db.prepare('SELECT name FROM services').pluck().all()).toEqual(['api']);
    opened.db.close();
    expect(readdirSync(folder)).toEqual(['team.slowb']);
    expect(sha(path)).toBe(before);
  });

  it('refuses to create a workspace in a folder without write permission, naming the folder', () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder, { mode: 0o555 });
    expect(failureOf(() => createWorkspaceDb(join(folder, 'new.slowb')))).toEqual({
      code: 'READ_ONLY',
      message: `new.slowb cannot be created: the folder ${folder} does not allow creating files`,
      details: { path: join(folder, 'new.slowb') },
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses an older workspace that must be upgraded but cannot be written, leaving it as it was', () => {
    const path = join(dir, 'old.slowb');
    createWorkspaceDb(path, MIGRATIONS.slice(0, 1)).db.close();
    chmodSync(path, 0o444);
    const before = sha(path);
    expect(failureOf(() => openWorkspaceDb(path))).toMatchObject({
      code: 'READ_ONLY',
      message: `old.slowb has schema 1 and must be upgraded to schema ${MIGRATIONS.length} before this version can open it, but it cannot be written: the file ${path} is read-only. Make the file writable, or open it with the version that wrote it.`,
    });
    expect(readdirSync(dir)).toEqual(['old.slowb']);
    expect(sha(path)).toBe(before);
  });
});

describe('files refused or opened read-only are never touched', () => {
  it.each([-1, -2147483648])('refuses user_version = %i as not a workspace this version knows, byte for byte, with no -wal or -shm', (version) => {
    const path = join(dir, 'odd.slowb');
    createWorkspaceDb(path).db.close();
    setUserVersion(path, version);
    const before = sha(path);
    expect(failureOf(() => openWorkspaceDb(path))).toEqual({
      code: 'NOT_A_WORKSPACE',
      message: `odd.slowb has schema version ${version}, which no version of SLO Workbench writes: it is not a workspace this version knows`,
      details: { path },
    });
    expect(readdirSync(dir)).toEqual(['odd.slowb']);
    expect(sha(path)).toBe(before);
  });

  it('opens a workspace written by a newer version read-only without creating -wal or -shm files beside it', () => {
    const path = join(dir, 'future.slowb');
    workspaceWithService(path);
    setUserVersion(path, MIGRATIONS.length + 5);
    const before = sha(path);
    const opened = openWorkspaceDb(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.db.prepare('SELECT name FROM services').pluck().all()).toEqual(['api']);
    expect(readdirSync(dir)).toEqual(['future.slowb']);
    opened.db.close();
    expect(readdirSync(dir)).toEqual(['future.slowb']);
    expect(sha(path)).toBe(before);
  });

  it('checks a damaged workspace before switching it to WAL: refused, byte for byte, nothing left beside it', () => {
    const path = join(dir, 'damaged.slowb');
    workspaceWithService(path);
    // Turn the file into a rollback-journal database, as a copy made by other tools may be, then damage a table page.
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.close();
    const bytes = readFileSync(path);
    bytes.fill(0xff, pageSize * (pages - 1), pageSize * pages);
    writeFileSync(path, bytes);
    const before = sha(path);
    const refused = failureOf(() => openWorkspaceDb(path));
    expect(refused.code).toBe('CORRUPT_WORKSPACE');
    expect(refused.message).toMatch(
      /^damaged\.slowb is damaged, so it was not opened: SQLite's check found [^*\n]+\. Open a backup copy instead \(backups before upgrades are kept beside it as \.bak files\)\.$/,
    );
    expect(readdirSync(dir)).toEqual(['damaged.slowb']);
    expect(sha(path)).toBe(before);
  });
});
