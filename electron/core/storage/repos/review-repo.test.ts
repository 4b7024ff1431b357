import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { VersionSnapshot } from '#shared/review/types';
import { createWorkspaceDb } from '../db';
import { ReviewRepo } from './review-repo';

let dir: string;
let db: Database.Database;
let repo: ReviewRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-review-'));
  db = createWorkspaceDb(join(dir, 'w.slowb')).db;
  db.exec("INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0), (2, 'search', 0, 0)");
  repo = new ReviewRepo(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (name: string): VersionSnapshot => ({
  service: { id: 1, name, owner: '', description: '', requestsPerDay: null, dependencies: [], policy: null, slis: [] },
  alertSets: [],
});
const approve = (name: string, role: string) => ({ name, role, decision: 'approve' as const, rationale: '', date: '2027-01-10' });

describe('the review repository', () => {
  it('numbers a service’s versions from 1, each service on its own, and stores the plan as canonical JSON', () => {
    expect(repo.insertVersion(1, 'first', plan('checkout'), 10).number).toBe(1);
    expect(repo.insertVersion(1, 'second', plan('shop'), 20).number).toBe(2);
    expect(repo.insertVersion(2, '', plan('search'), 30).number).toBe(1);
    expect(repo.listVersions(1).map((v) => [v.number, v.rationale, v.snapshot.service.name])).toEqual([
      [1, 'first', 'checkout'],
      [2, 'second', 'shop'],
    ]);
    const text = db.prepare('SELECT snapshot FROM review_versions WHERE number = 1 AND service_id = 1').pluck().get() as string;
    expect(text.startsWith('{"alertSets":[],"service":{"dependencies":[],"description":""')).toBe(true);
  });

  it('keeps the required roles in the order set, and a service’s own review periods by tier', () => {
    repo.setRequiredRoles(['security', 'engineering']);
    expect(repo.requiredRoles()).toEqual(['security', 'engineering']);
    repo.setPeriod(1, 'target', 1);
    repo.setPeriod(1, 'slo', 6);
    repo.setPeriod(1, 'slo', 9);
    expect(repo.periods(1)).toEqual({ slo: 9, target: 1 });
    repo.setPeriod(1, 'target', null);
    expect(repo.periods(1)).toEqual({ slo: 9 });
  });

  it('puts a service’s review rows back as recorded: removes what came later, brings back what went, ids kept', () => {
    const v1 = repo.insertVersion(1, 'first', plan('checkout'), 10);
    repo.insertSignoff(v1.id, approve('Ana', 'engineering'), 11);
    const recorded = repo.rowsOfService(1);
    const v2 = repo.insertVersion(1, 'second', plan('shop'), 20);
    repo.insertComment(v2.id, 'Cy', 'why?', 21);
    repo.setPeriod(1, 'slo', 6);
    const later = repo.rowsOfService(1);

    repo.restoreForService(1, recorded);
    expect(repo.rowsOfService(1)).toEqual(recorded);
    repo.restoreForService(1, later);
    expect(repo.rowsOfService(1)).toEqual(later);
    db.prepare('DELETE FROM services WHERE id = 1').run();
    db.exec("INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0)");
    repo.restoreForService(1, later);
    expect(repo.rowsOfService(1)).toEqual(later);
  });

  it('refuses to take back a version that has a sign-off recorded since, leaving every row as it is', () => {
    const recorded = repo.rowsOfService(1);
    const v1 = repo.insertVersion(1, 'first', plan('checkout'), 10);
    repo.insertSignoff(v1.id, approve('Ana', 'engineering'), 11);
    const now = repo.rowsOfService(1);
    expect(() => repo.restoreForService(1, recorded)).toThrow('version 1 has 1 sign-off recorded since, so it cannot be taken back');
    expect(repo.rowsOfService(1)).toEqual(now);
  });
});
