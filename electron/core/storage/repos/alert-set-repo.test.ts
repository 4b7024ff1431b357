import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLOTH_30D, type AlertWindowSet } from '#shared/budget/alerts';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { AlertSetRepo } from './alert-set-repo';

let dir: string;
let path: string;
let db: Database.Database;
let repo: AlertSetRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-alerts-'));
  path = join(dir, 'w.slowb');
  db = createWorkspaceDb(path).db;
  repo = new AlertSetRepo(db);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const WEEKLY: AlertWindowSet = { ...SLOTH_30D, name: 'weekly on-call', periodMinutes: 7 * 1440 };

describe('the alert set repository on a workspace file', () => {
  it('saves a set and reads it back after the file is reopened, name and windows exactly', () => {
    const id = repo.save(WEEKLY);
    db.close();
    db = openWorkspaceDb(path).db;
    repo = new AlertSetRepo(db);
    expect(repo.list()).toEqual([{ ...WEEKLY, id }]);
    expect(repo.exists(id)).toBe(true);
  });

  it('lists sets by name whatever their case, and finds one by name case-insensitively', () => {
    repo.save({ ...WEEKLY, name: 'quarterly' });
    repo.save({ ...WEEKLY, name: 'Daily' });
    expect(repo.list().map((s) => s.name)).toEqual(['Daily', 'quarterly']);
    expect(repo.findByName('DAILY')).toEqual({ id: 2 });
    expect(repo.findByName('monthly')).toBeUndefined();
  });

  it('refuses a second set whose name differs only in case', () => {
    repo.save(WEEKLY);
    expect(() => repo.save({ ...WEEKLY, name: 'Weekly On-Call' })).toThrow(/UNIQUE constraint failed: alert_window_sets.name/);
  });

  it('replaces the set with a given id, name and windows, and deletes it', () => {
    const id = repo.save(WEEKLY);
    const changed = { ...WEEKLY, name: 'weekly, slower pages', page: { ...WEEKLY.page, quick: { budgetPercent: 3, shortMinutes: 10, longMinutes: 120 } } };
    expect(repo.save(changed, id)).toBe(id);
    expect(repo.list()).toEqual([{ ...changed, id }]);
    repo.delete(id);
    expect([repo.list(), repo.exists(id)]).toEqual([[], false]);
    // Deleting an unknown id is a no-op.
    repo.delete(id);
  });

  it('stores only the windows of a set in its spec, not its name', () => {
    const id = repo.save(WEEKLY);
    expect(JSON.parse(db.prepare('SELECT spec FROM alert_window_sets WHERE id = ?').pluck().get(id) as string)).toEqual({
      periodMinutes: WEEKLY.periodMinutes,
      page: WEEKLY.page,
      ticket: WEEKLY.ticket,
    });
  });

  it('puts back exactly the rows of a snapshot, ids included', () => {
    const a = repo.save(WEEKLY);
    const b = repo.save({ ...WEEKLY, name: 'daily', periodMinutes: 1440 });
    const snapshot = repo.snapshot();
    repo.delete(a);
    repo.save({ ...WEEKLY, name: 'new one' });
    repo.restore(snapshot);
    expect(repo.list().map((s) => [s.id, s.name])).toEqual([
      [b, 'daily'],
      [a, 'weekly on-call'],
    ]);
  });
});
