import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RowTreeRepo } from './row-tree';

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();

describe('a row with everything that refers to it', () => {
  it('is captured through every level of foreign keys, including tables added later, and put back exactly', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE, data BLOB) STRICT;
      CREATE TABLE grandchild (child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE, k INTEGER NOT NULL, v REAL, PRIMARY KEY (child_id, k)) STRICT;
      CREATE TABLE side (child_id INTEGER PRIMARY KEY REFERENCES child ON DELETE CASCADE, note TEXT) STRICT;
      INSERT INTO parent VALUES (1, 'kept'), (2, 'removed');
      INSERT INTO child VALUES (10, 1, x'00'), (20, 2, x'0102'), (21, 2, NULL);
      INSERT INTO grandchild VALUES (10, 0, 1.5), (20, 0, 2.5), (20, 1, -0.0), (21, 7, NULL);
      INSERT INTO side VALUES (21, 'late table');
    `);
    const before = ['parent', 'child', 'grandchild', 'side'].map((t) => dump(db, t));
    const repo = new RowTreeRepo(db);
    const tree = repo.capture('parent', 2);
    expect(tree?.map((t) => [t.table, t.rows.length])).toEqual([
      ['parent', 1],
      ['child', 2],
      ['grandchild', 3],
      ['side', 1],
    ]);
    db.prepare('DELETE FROM parent WHERE id = 2').run();
    expect(dump(db, 'grandchild')).toEqual([[10, 0, 1.5]]);
    repo.restore(tree!);
    expect(['parent', 'child', 'grandchild', 'side'].map((t) => dump(db, t))).toEqual(before);
    expect(repo.capture('parent', 3)).toBeNull();
  });
});
