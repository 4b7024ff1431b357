import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { ExclusionRepo } from './repos/exclusion-repo';
import { SeriesRepo } from './repos/series-repo';
import { expectSeedsOf, seriesGood, seriesT, seriesTotal, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m4-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MAINTENANCE = {
  category: 'maintenance',
  reason: 'Patch Tuesday',
  startMs: 1_767_657_600_000,
  durationMinutes: 120,
  rrule: 'FREQ=MONTHLY;BYDAY=2TU',
  timeZone: 'Europe/Berlin',
} as const;

describe('migration 4 (exclusions)', () => {
  it('keeps a schema-3 workspace’s imported series and starts with no exclusions', () => {
    const path = join(dir, 'v3.slowb');
    workspaceAt(path, 3);
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(db.prepare('SELECT COUNT(*) FROM exclusions').pluck().get()).toBe(0);
    expect(new SeriesRepo(db).readSeries(301)).toEqual({ t: seriesT, good: seriesGood, total: seriesTotal });
    db.close();
  });

  it('stores exclusions on the upgraded workspace, service-wide or for one SLI, and refuses one that lasts no time', () => {
    const path = join(dir, 'v3.slowb');
    workspaceAt(path, 3);
    const opened = openWorkspaceDb(path);
    const repo = new ExclusionRepo(opened.db);
    const wide = repo.insert(1, null, MAINTENANCE);
    const own = repo.insert(1, 12, { ...MAINTENANCE, rrule: null, reason: 'Load test', startMs: 1_767_700_000_000 });
    expect(repo.listForSli(1, 11).map((e) => e.id)).toEqual([wide]);
    expect(repo.listForSli(1, 12).map((e) => e.id)).toEqual([wide, own]);
    expect(() => repo.insert(1, null, { ...MAINTENANCE, durationMinutes: 0 })).toThrow(/CHECK constraint failed/);
    opened.db.close();
  });

  it('deletes a service’s exclusions with it, and an SLI’s own ones with the SLI', () => {
    const path = join(dir, 'v4.slowb');
    workspaceAt(path, 4);
    const opened = openWorkspaceDb(path);
    opened.db.prepare('DELETE FROM slis WHERE id = 11').run();
    expect(new ExclusionRepo(opened.db).listForService(1).map((e) => e.id)).toEqual([41]);
    opened.db.prepare('DELETE FROM services WHERE id = 1').run();
    expect(opened.db.prepare('SELECT COUNT(*) FROM exclusions').pluck().get()).toBe(0);
    opened.db.close();
  });

  it('upgrades a schema-4 workspace with a recurring and a one-off exclusion, keeping both', () => {
    const path = join(dir, 'v4.slowb');
    workspaceAt(path, 4);
    const opened = openWorkspaceDb(path);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expectSeedsOf(opened.db, 4);
    expect(new ExclusionRepo(opened.db).get(41)).toEqual({
      id: 41,
      serviceId: 1,
      sliId: null,
      category: 'maintenance',
      reason: 'Sunday database patching',
      startMs: 1767484800000,
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      timeZone: 'Europe/Berlin',
    });
    opened.db.close();
  });
});
