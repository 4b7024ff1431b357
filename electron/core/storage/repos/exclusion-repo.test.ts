import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExclusionSpec } from '#shared/analysis/exclusions';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { ExclusionRepo } from './exclusion-repo';

let dir: string;
let path: string;
let db: Database.Database;
let repo: ExclusionRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-excl-'));
  path = join(dir, 'w.slowb');
  db = createWorkspaceDb(path).db;
  db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0), (2, 'search', 0, 0);
    INSERT INTO slis (id, service_id, name, kind, position) VALUES (11, 1, 'availability', 'availability', 1), (12, 1, 'latency', 'latency', 2);`);
  repo = new ExclusionRepo(db);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const PATCHING: ExclusionSpec = {
  category: 'maintenance',
  reason: 'Sunday database patching',
  startMs: 1_767_484_800_000,
  durationMinutes: 90,
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  timeZone: 'Europe/Berlin',
};
const OUTAGE: ExclusionSpec = { category: 'dependency', reason: 'CDN outage', startMs: 1_767_300_000_000, durationMinutes: 45, rrule: null, timeZone: 'UTC' };

describe('the exclusion repository on a workspace file', () => {
  it('stores an exclusion and reads it back after the file is reopened', () => {
    const id = repo.insert(1, null, PATCHING);
    db.close();
    db = openWorkspaceDb(path).db;
    repo = new ExclusionRepo(db);
    expect(repo.get(id)).toEqual({ id, serviceId: 1, sliId: null, ...PATCHING });
  });

  it('lists a service’s exclusions oldest first, and an SLI’s as the service-wide ones and its own', () => {
    const patching = repo.insert(1, null, PATCHING);
    const outage = repo.insert(1, 12, OUTAGE);
    const other = repo.insert(2, null, OUTAGE);
    expect(repo.listForService(1).map((e) => e.id)).toEqual([outage, patching]);
    expect(repo.listForSli(1, 11).map((e) => e.id)).toEqual([patching]);
    expect(repo.listForSli(1, 12).map((e) => e.id)).toEqual([outage, patching]);
    expect(repo.listForService(2).map((e) => e.id)).toEqual([other]);
  });

  it('answers undefined for an unknown id, and refuses an exclusion of a service that does not exist', () => {
    expect(repo.get(404)).toBeUndefined();
    repo.delete(404);
    expect(() => repo.insert(404, null, PATCHING)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('refuses an exclusion that lasts no time', () => {
    expect(() => repo.insert(1, null, { ...PATCHING, durationMinutes: 0 })).toThrow(/CHECK constraint failed/);
  });

  it('deletes one exclusion, and an SLI’s own exclusions with the SLI', () => {
    const patching = repo.insert(1, null, PATCHING);
    const outage = repo.insert(1, 12, OUTAGE);
    repo.delete(patching);
    expect(repo.listForService(1).map((e) => e.id)).toEqual([outage]);
    db.prepare('DELETE FROM slis WHERE id = 12').run();
    expect(repo.listForService(1)).toEqual([]);
  });

  it('replaces a service’s exclusions with an earlier list, keeping their ids, and leaves other services alone', () => {
    const patching = repo.insert(1, null, PATCHING);
    const other = repo.insert(2, null, OUTAGE);
    const before = repo.listForService(1);
    repo.delete(patching);
    repo.insert(1, 11, OUTAGE);
    repo.replaceForService(1, before);
    expect(repo.listForService(1)).toEqual(before);
    expect(repo.listForService(2).map((e) => e.id)).toEqual([other]);
  });
});
