import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from './db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { SeriesRepo } from './repos/series-repo';
import { expectSeedsOf, workspaceAt } from './test/schema-seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-up-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = (db: ReturnType<typeof createWorkspaceDb>['db']) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

const EARLIER = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1);

describe('upgrading a workspace from every earlier schema to the latest', () => {
  it('numbers the migrations 1, 2, 3… with no gap, so each workspace version names one schema', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(EARLIER)('takes a schema-%i workspace with data to the schema of a new workspace, every row read back', (version) => {
    const path = join(dir, `v${version}.slowb`);
    workspaceAt(path, version);
    const backups: number[] = [];
    const opened = openWorkspaceDb(path, { backup: (_db, from) => backups.push(from) });
    expect([opened.schemaVersion, opened.readOnly]).toEqual([LATEST_SCHEMA_VERSION, false]);
    expect(backups).toEqual([version]);
    const fresh = createWorkspaceDb(join(dir, 'fresh.slowb')).db;
    expect(schema(opened.db)).toEqual(schema(fresh));
    expectSeedsOf(opened.db, version);
    expect(opened.db.pragma('foreign_key_check')).toEqual([]);
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    opened.db.close();
    fresh.close();
  });

  it('opens an upgraded workspace again without migrating or backing it up a second time', () => {
    const path = join(dir, 'v2.slowb');
    workspaceAt(path, 2);
    openWorkspaceDb(path).db.close();
    const backups: number[] = [];
    const again = openWorkspaceDb(path, { backup: (_db, from) => backups.push(from) });
    expect([again.schemaVersion, backups]).toEqual([LATEST_SCHEMA_VERSION, []]);
    expectSeedsOf(again.db, 2);
    again.db.close();
  });

  it('keeps any samples written by schema 3, 4 or 5 exactly, NaN, −0 and subnormals included', () => {
    const sample = fc.double({ noDefaultInfinity: false });
    let run = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: LATEST_SCHEMA_VERSION - 1 }),
        fc.array(fc.tuple(sample, sample), { minLength: 1, maxLength: 40 }),
        (version, pairs) => {
          const path = join(dir, `p${run++}.slowb`);
          const { db } = createWorkspaceDb(path, MIGRATIONS.slice(0, version));
          db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'api', 0, 0);
          INSERT INTO slis (id, service_id, name, kind, position) VALUES (1, 1, 'availability', 'availability', 1);
          INSERT INTO imports (id, sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, status)
            VALUES (1, 1, 'ab', 'a.csv', 'csv', 1, 0, 0, 0, 'done');`);
          const t = Float64Array.from(pairs, (_, i) => i * 60_000);
          const good = Float64Array.from(pairs, (p) => p[0]);
          const total = Float64Array.from(pairs, (p) => p[1]);
          db.prepare('INSERT INTO series (id, import_id, name, step_ms, points) VALUES (1, 1, ?, 60000, ?)').run('s', pairs.length);
          db.prepare('INSERT INTO series_chunks (series_id, chunk_index, points, t, good, total) VALUES (1, 0, ?, ?, ?, ?)').run(
            pairs.length,
            Buffer.from(t.buffer),
            Buffer.from(good.buffer),
            Buffer.from(total.buffer),
          );
          db.close();
          const opened = openWorkspaceDb(path);
          const read = new SeriesRepo(opened.db).readSeries(1);
          opened.db.close();
          rmSync(path, { force: true });
          return Buffer.from(read.good.buffer).equals(Buffer.from(good.buffer)) && Buffer.from(read.total.buffer).equals(Buffer.from(total.buffer));
        },
      ),
      { numRuns: 25 },
    );
  });
});
