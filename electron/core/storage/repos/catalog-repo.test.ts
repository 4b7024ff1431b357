import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { NO_SLI_DETAILS, type Objective } from '#shared/domain/types';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { CatalogRepo, thresholdOnly } from './catalog-repo';
import { ExclusionRepo } from './exclusion-repo';
import { SeriesRepo } from './series-repo';

let dir: string;
let path: string;
let db: Database.Database;
let repo: CatalogRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-catalog-'));
  path = join(dir, 'w.slowb');
  db = createWorkspaceDb(path).db;
  repo = new CatalogRepo(db);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Closes the file and opens it again, so a test reads what reached the disk. */
function reopen(): void {
  db.close();
  db = openWorkspaceDb(path).db;
  repo = new CatalogRepo(db);
}

const SLO: Objective = {
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
};
const SLA: Objective = {
  tier: 'sla',
  targetPpm: 995_000,
  window: { kind: 'calendar', unit: 'quarter', timeZone: 'America/New_York' },
  method: 'timeslices',
  timeslice: { sliceMinutes: 5, sliceTargetPpm: 900_000 },
  latencyThresholdMs: null,
};

describe('the catalog repository on a workspace file', () => {
  it('creates a service and reads it back after the file is reopened, with no SLIs, traffic, dependencies or policy', () => {
    const id = repo.insertService('checkout', 'team-payments', 'The basket', 1_700_000_000_000);
    reopen();
    expect(repo.getService(id)).toEqual({
      id,
      name: 'checkout',
      owner: 'team-payments',
      description: 'The basket',
      requestsPerDay: null,
      dependencies: [],
      policy: null,
      slis: [],
    });
    expect(db.prepare('SELECT created_at, updated_at FROM services WHERE id = ?').get(id)).toEqual({
      created_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_000,
    });
  });

  it('lists services by name whatever their case, and finds one by name case-insensitively', () => {
    repo.insertService('search', '', '', 0);
    repo.insertService('Checkout', '', '', 0);
    repo.insertService('api', '', '', 0);
    expect(repo.listServices().map((s) => s.name)).toEqual(['api', 'Checkout', 'search']);
    expect(repo.findServiceByName('CHECKOUT')).toEqual({ id: 2, name: 'Checkout' });
    expect(repo.findServiceByName('basket')).toBeUndefined();
  });

  it('refuses a second service whose name differs only in case', () => {
    repo.insertService('checkout', '', '', 0);
    expect(() => repo.insertService('Checkout', '', '', 0)).toThrow(/UNIQUE constraint failed: services.name/);
    expect(repo.listServices()).toHaveLength(1);
  });

  it('renames a service and touches its update time', () => {
    const id = repo.insertService('checkout', '', '', 1);
    repo.renameService(id, 'basket', 5);
    reopen();
    expect(repo.getService(id)?.name).toBe('basket');
    expect(db.prepare('SELECT updated_at FROM services WHERE id = ?').pluck().get(id)).toBe(5);
  });

  it('answers undefined for a service or SLI that does not exist, and changes nothing for an unknown id', () => {
    expect(repo.getService(404)).toBeUndefined();
    expect(repo.getSli(404)).toBeUndefined();
    expect(repo.serviceOfSli(404)).toBeUndefined();
    expect(repo.snapshot(404)).toBeUndefined();
    repo.renameService(404, 'ghost', 0);
    repo.deleteService(404);
    expect(repo.deleteDependency(404, 405)).toBe(false);
    expect(repo.listServices()).toEqual([]);
  });

  it('adds SLIs in order, each at the next position, and updates an SLI’s name and threshold', () => {
    const service = repo.insertService('checkout', '', '', 0);
    const a = repo.insertSli(service, 'availability', 'availability', thresholdOnly(null));
    const l = repo.insertSli(service, 'latency', 'latency', thresholdOnly(300));
    repo.updateSli(l, 'p99 latency', thresholdOnly(250));
    reopen();
    expect(repo.getService(service)?.slis.map((s) => [s.id, s.name, s.kind, s.latencyThresholdMs])).toEqual([
      [a, 'availability', 'availability', null],
      [l, 'p99 latency', 'latency', 250],
    ]);
    expect(db.prepare('SELECT position FROM slis ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(repo.findSliByName(service, 'AVAILABILITY')).toEqual({ id: a, name: 'availability' });
    expect(repo.serviceOfSli(l)).toBe(service);
    expect(() => repo.insertSli(service, 'Availability', 'availability', thresholdOnly(null))).toThrow(/UNIQUE constraint failed: slis.service_id, slis.name/);
  });

  it('stores a tier, replaces it on a second set, and deletes it, a calendar window and time slices included', () => {
    const service = repo.insertService('checkout', '', '', 0);
    const sli = repo.insertSli(service, 'availability', 'availability', thresholdOnly(null));
    repo.upsertObjective(sli, SLO);
    repo.upsertObjective(sli, SLA);
    repo.upsertObjective(sli, { ...SLO, targetPpm: 999_500, window: { kind: 'rolling', days: 28 } });
    reopen();
    expect(repo.getSli(sli)?.objectives).toEqual({ sla: SLA, slo: { ...SLO, targetPpm: 999_500, window: { kind: 'rolling', days: 28 } } });
    repo.deleteObjective(sli, 'sla');
    expect(Object.keys(repo.getSli(sli)!.objectives)).toEqual(['slo']);
    expect(() => repo.upsertObjective(sli, { ...SLO, targetPpm: 1_000_000 })).toThrow(/CHECK constraint failed/);
  });

  it('sets traffic, dependency edges (a second put regroups an edge) and a policy, and clears them', () => {
    const a = repo.insertService('checkout', '', '', 0);
    const b = repo.insertService('payments', '', '', 0);
    repo.setTraffic(a, 1_000_000, 1);
    repo.putDependency(a, b, null);
    repo.putDependency(a, b, 'card processors');
    repo.setPolicy(a, DEFAULT_POLICY);
    reopen();
    expect(repo.getService(a)).toMatchObject({
      requestsPerDay: 1_000_000,
      dependencies: [{ dependsOnId: b, redundancyGroup: 'card processors' }],
      policy: DEFAULT_POLICY,
    });
    expect(repo.deleteDependency(a, b)).toBe(true);
    repo.setPolicy(a, null);
    repo.setTraffic(a, null, 2);
    expect(repo.getService(a)).toMatchObject({ requestsPerDay: null, dependencies: [], policy: null });
  });

  it('refuses an edge to a service that does not exist', () => {
    const a = repo.insertService('checkout', '', '', 0);
    expect(() => repo.putDependency(a, 404, null)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('deletes a service with everything hanging off it: SLIs, tiers, edges both ways, policy, imports and exclusions', () => {
    const a = repo.insertService('checkout', '', '', 0);
    const b = repo.insertService('payments', '', '', 0);
    const sli = repo.insertSli(a, 'availability', 'availability', thresholdOnly(null));
    repo.upsertObjective(sli, SLO);
    repo.putDependency(a, b, null);
    repo.putDependency(b, a, null);
    repo.setPolicy(a, DEFAULT_POLICY);
    new SeriesRepo(db).insertImport({
      sliId: sli,
      sha256: 'ab',
      fileName: 'a.csv',
      format: 'csv',
      parserVersion: 1,
      acceptedRows: 0,
      rejectedRows: 0,
      startedAt: 0,
    });
    new ExclusionRepo(db).insert(a, null, { category: 'maintenance', reason: '', startMs: 0, durationMinutes: 60, rrule: null, timeZone: 'UTC' });
    repo.deleteService(a);
    const left = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    expect(['slis', 'objectives', 'dependencies', 'budget_policies', 'imports', 'exclusions'].map(left)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(repo.getService(b)?.dependencies).toEqual([]);
  });

  it('restores a service from its snapshot with its ids and its edges, without touching its imported history', () => {
    const a = repo.insertService('checkout', 'team', 'd', 10);
    const b = repo.insertService('payments', '', '', 10);
    const sli = repo.insertSli(a, 'availability', 'availability', thresholdOnly(null));
    repo.upsertObjective(sli, SLO);
    repo.putDependency(a, b, null);
    repo.putDependency(b, a, 'loop-free');
    const series = new SeriesRepo(db);
    const importId = series.insertImport({
      sliId: sli,
      sha256: 'ab',
      fileName: 'a.csv',
      format: 'csv',
      parserVersion: 1,
      acceptedRows: 0,
      rejectedRows: 0,
      startedAt: 0,
    });
    const before = repo.snapshot(a)!;
    const whole = repo.getService(a);
    repo.renameService(a, 'basket', 20);
    repo.upsertObjective(sli, SLA);
    repo.deleteDependency(a, b);
    repo.restore(a, before);
    expect(repo.getService(a)).toEqual(whole);
    expect(repo.getService(b)?.dependencies).toEqual([{ dependsOnId: a, redundancyGroup: 'loop-free' }]);
    expect(series.getImport(importId)?.fileName).toBe('a.csv');
    // A null snapshot undoes the creation: the service goes, its history with it.
    repo.restore(a, null);
    expect(repo.getService(a)).toBeUndefined();
    expect(series.getImport(importId)).toBeUndefined();
  });

  it('restores a deleted service, its SLI back under its old id', () => {
    const a = repo.insertService('checkout', '', '', 0);
    const sli = repo.insertSli(a, 'availability', 'availability', thresholdOnly(null));
    repo.upsertObjective(sli, SLO);
    const before = repo.snapshot(a)!;
    repo.deleteService(a);
    repo.restore(a, before);
    reopen();
    expect(repo.getSli(sli)).toEqual({
      id: sli,
      serviceId: a,
      name: 'availability',
      kind: 'availability',
      latencyThresholdMs: null,
      ...NO_SLI_DETAILS,
      objectives: { slo: SLO },
    });
  });
});
