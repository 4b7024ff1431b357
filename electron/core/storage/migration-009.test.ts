import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { ReviewRepo } from './repos/review-repo';
import { expectSeedsOf, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-m9-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
const SNAPSHOT = JSON.stringify({ service: { id: 1, name: 'checkout', slis: [] }, alertSets: [] });
const VERSION = 'INSERT INTO review_versions (id, service_id, number, rationale, created_ms, snapshot) VALUES (?, ?, ?, ?, ?, ?)';
const SIGNOFF = 'INSERT INTO review_signoffs (version_id, name, role, decision, rationale, day, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** A schema-9 workspace with its seeds: version 1 of checkout (id 91) and its sign-offs. */
function seeded(): Database.Database {
  const path = join(dir, 'w.slowb');
  workspaceAt(path, 9);
  return openWorkspaceDb(path).db;
}

describe('migration 9 (versions, sign-offs, comments, required roles and review periods)', () => {
  it('takes a schema-8 workspace with data to the schema of a new one, with no version and the four default roles', () => {
    const old = join(dir, 'v8.slowb');
    workspaceAt(old, 8);
    const backups: number[] = [];
    const opened = openWorkspaceDb(old, { backup: (_db, from) => backups.push(from) });
    expect([opened.schemaVersion >= 9, backups[0]]).toEqual([true, 8]);
    const fresh = createWorkspaceDb(join(dir, 'new.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    expectSeedsOf(opened.db, 8);
    expect(new ReviewRepo(fresh).requiredRoles()).toEqual(['engineering', 'product', 'business', 'operations']);
    opened.db.close();
    fresh.close();
  });

  it('reads back the versions, sign-offs, comments, roles and periods a schema-9 workspace holds after the file is reopened', () => {
    const db = seeded();
    expectSeedsOf(db, 9);
    db.close();
  });

  it('refuses to change a proposed version, its plan or anything else, and keeps it as it was', () => {
    const db = seeded();
    const before = db.prepare('SELECT * FROM review_versions WHERE id = 91').get();
    expect(() => db.prepare("UPDATE review_versions SET snapshot = json_set(snapshot, '$.service.name', 'shop') WHERE id = 91").run()).toThrow(
      'A proposed version cannot be changed: propose a new version instead',
    );
    expect(() => db.prepare("UPDATE review_versions SET rationale = 'edited' WHERE id = 91").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare("UPDATE review_signoffs SET decision = 'approve' WHERE id = 912").run()).toThrow(
      'A recorded sign-off cannot be changed: record a new one',
    );
    expect(db.prepare('SELECT * FROM review_versions WHERE id = 91').get()).toEqual(before);
    db.close();
  });

  it('deletes a service’s versions, their sign-offs and comments, and its review periods with the service', () => {
    const db = seeded();
    db.prepare('DELETE FROM services WHERE id = 1').run();
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    expect(['review_versions', 'review_signoffs', 'review_comments', 'review_periods'].map(count)).toEqual([0, 0, 0, 0]);
    db.close();
  });

  it('refuses a second version 1 of a service, but numbers another service’s versions on their own', () => {
    const db = seeded();
    expect(() => db.prepare(VERSION).run(92, 1, 1, '', 0, SNAPSHOT)).toThrow(/UNIQUE constraint failed: review_versions.service_id, review_versions.number/);
    expect(db.prepare(VERSION).run(92, 2, 1, '', 0, SNAPSHOT).changes).toBe(1);
    db.close();
  });

  it.each([
    ['a version 0', [93, 1, 0, '', 0, SNAPSHOT]],
    ['a plan that is not JSON', [93, 1, 2, '', 0, '{"service":']],
    ['a plan without a service', [93, 1, 2, '', 0, JSON.stringify({ alertSets: [] })]],
    ['a plan without alert sets', [93, 1, 2, '', 0, JSON.stringify({ service: {} })]],
    ['a rationale over 4000 characters', [93, 1, 2, 'x'.repeat(4001), 0, SNAPSHOT]],
  ] as const)('refuses a version with %s', (_what, row) => {
    const db = seeded();
    expect(() => db.prepare(VERSION).run(...row)).toThrow(/CHECK constraint failed|malformed JSON/);
    db.close();
  });

  it.each([
    ['a decision that is not approve, object or abstain', [91, 'Dee', 'business', 'maybe', '', '2026-01-05', 0]],
    ['a role not in lower case', [91, 'Dee', 'Business', 'approve', '', '2026-01-05', 0]],
    ['an empty name', [91, '', 'business', 'approve', '', '2026-01-05', 0]],
    ['a day that does not exist', [91, 'Dee', 'business', 'approve', '', '2026-02-30', 0]],
    ['a day not written YYYY-MM-DD', [91, 'Dee', 'business', 'approve', '', '5 Jan 2026', 0]],
  ] as const)('refuses a sign-off with %s', (_what, row) => {
    const db = seeded();
    expect(() => db.prepare(SIGNOFF).run(...row)).toThrow(/CHECK constraint failed/);
    expect(db.prepare(SIGNOFF).run(91, 'Dee', 'business', 'approve', '', '2026-01-05', 0).changes).toBe(1);
    db.close();
  });

  it('refuses a sign-off of a version that does not exist, a review period of 0 months and one of an unknown tier', () => {
    const db = seeded();
    expect(() => db.prepare(SIGNOFF).run(404, 'Dee', 'business', 'approve', '', '2026-01-05', 0)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("INSERT INTO review_periods (service_id, tier, months) VALUES (2, 'slo', 0)").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO review_periods (service_id, tier, months) VALUES (2, 'gold', 12)").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
