import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOf, tenDeploys } from '../../test/scenario-fixtures';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { ScenarioRepo } from './scenario-repo';

let dir: string;
let path: string;
let db: Database.Database;
let repo: ScenarioRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-scen-'));
  path = join(dir, 'w.slowb');
  db = createWorkspaceDb(path).db;
  db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0), (2, 'search', 0, 0);
    INSERT INTO slis (id, service_id, name, kind, position) VALUES (11, 1, 'availability', 'availability', 1), (12, 1, 'latency', 'latency', 2),
      (21, 2, 'availability', 'availability', 1);`);
  repo = new ScenarioRepo(db);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const rawInsert = (name: string, fields: string) =>
  db.prepare('INSERT INTO scenarios (sli_id, name, scenario, last_run, position, updated_ms) VALUES (11, ?, ?, NULL, 9, 0)').run(name, fields);

describe('the scenario repository on a workspace file', () => {
  it('stores a scenario and reads it back, with its SLI and service, after the file is reopened', () => {
    const id = repo.insert(11, tenDeploys(), 1_767_225_600_000);
    db.close();
    db = openWorkspaceDb(path).db;
    repo = new ScenarioRepo(db);
    expect(repo.get(id)).toEqual({ id, sliId: 11, serviceId: 1, scenario: tenDeploys(), lastRun: null, updatedMs: 1_767_225_600_000 });
  });

  it('lists an SLI’s scenarios in the order they were added, and finds one by name whatever its case', () => {
    const b = repo.insert(11, tenDeploys('b'), 0);
    const a = repo.insert(11, tenDeploys('a'), 0);
    repo.insert(12, tenDeploys('other SLI'), 0);
    expect(repo.listForSli(11).map((s) => [s.id, s.scenario.name])).toEqual([
      [b, 'b'],
      [a, 'a'],
    ]);
    expect(repo.findByName(11, 'B')).toEqual({ id: b, name: 'b' });
    expect(repo.findByName(12, 'b')).toBeUndefined();
    expect(repo.get(404)).toBeUndefined();
  });

  it('keeps a stored run while the scenario is saved unchanged, and clears it when a field changes', () => {
    const id = repo.insert(11, tenDeploys(), 0);
    expect(repo.setLastRun(id, runOf('Ten deploys a week'))).toBe(true);
    repo.replace(id, tenDeploys(), 5);
    expect(repo.get(id)).toMatchObject({ lastRun: runOf('Ten deploys a week'), updatedMs: 5 });
    repo.replace(id, { ...tenDeploys(), deploys: { ...tenDeploys().deploys, perWeek: 20 } }, 6);
    expect(repo.get(id)).toMatchObject({ lastRun: null, updatedMs: 6 });
    expect(repo.get(id)?.scenario.deploys.perWeek).toBe(20);
    expect(repo.setLastRun(404, runOf('x'))).toBe(false);
  });

  it('lists a row whose fields no longer pass the schema as unreadable, naming each field, beside the readable ones', () => {
    const good = repo.insert(11, tenDeploys('good'), 0);
    const fields = { ...tenDeploys('from a newer version'), deploys: { ...tenDeploys().deploys, perDay: 3, failureProbability: 2 } };
    const bad = Number(rawInsert('from a newer version', JSON.stringify(fields)).lastInsertRowid);
    const list = repo.listForSli(11);
    expect(list.map((s) => [s.id, s.unreadable === undefined])).toEqual([
      [good, true],
      [bad, false],
    ]);
    const unreadable = list[1]!;
    expect(unreadable.unreadable).toBe(
      'The stored scenario "from a newer version" cannot be read (deploys.failureProbability must be at most 1 (100 %); Unknown field deploys.perDay); ' +
        'it may have been written by a newer version of SLO Workbench. Save it again or delete it.',
    );
    expect(unreadable.scenario).toMatchObject({ name: 'from a newer version', deploys: { failureProbability: 0 }, events: [] });
    expect(unreadable.lastRun).toBeNull();
  });

  it('reads a run of an older shape as no run, and never fails the list for it', () => {
    const id = repo.insert(11, tenDeploys(), 0);
    db.prepare('UPDATE scenarios SET last_run = ? WHERE id = ?').run('{"breach": 0.5}', id);
    expect(repo.listForSli(11)).toMatchObject([{ id, lastRun: null }]);
    expect(repo.listForSli(11)[0]?.unreadable).toBeUndefined();
  });

  it('puts a service’s scenarios back as recorded: removes added ones, restores removed ones, keeps a run stored since on unchanged fields', () => {
    const kept = repo.insert(11, tenDeploys('kept'), 0);
    const changed = repo.insert(12, tenDeploys('changed'), 0);
    repo.setLastRun(changed, runOf('changed', 1));
    const removed = repo.insert(11, tenDeploys('removed'), 0);
    const otherService = repo.insert(21, tenDeploys('other service'), 0);
    const recorded = repo.rowsOfService(1);
    expect(recorded.map((r) => r.id)).toEqual([kept, changed, removed]);

    repo.setLastRun(kept, runOf('kept', 2));
    repo.replace(changed, tenDeploys('changed again'), 1);
    repo.delete(removed);
    const added = repo.insert(11, tenDeploys('added'), 1);
    repo.restoreForService(1, recorded);

    expect(repo.listForSli(11).map((s) => [s.id, s.scenario.name, s.lastRun?.seed ?? null])).toEqual([
      [kept, 'kept', 2],
      [removed, 'removed', null],
    ]);
    expect(repo.listForSli(12).map((s) => [s.id, s.scenario.name, s.lastRun?.seed ?? null])).toEqual([[changed, 'changed', 1]]);
    expect(repo.get(added)).toBeUndefined();
    expect(repo.get(otherService)?.scenario.name).toBe('other service');
  });
});
