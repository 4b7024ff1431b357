import type Database from 'better-sqlite3';
import type { AlertWindowSet } from '#shared/budget/alerts';

type Row = { id: number; name: string; spec: string };

/** A stored alert set with its id. */
export type StoredAlertSet = AlertWindowSet & { id: number };

/** SQL for the team's own alert window sets; the built-in sets live in shared/budget/alerts. */
export class AlertSetRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  list(): StoredAlertSet[] {
    return (this.db.prepare('SELECT * FROM alert_window_sets ORDER BY name COLLATE NOCASE, id').all() as Row[]).map((r) => ({
      ...(JSON.parse(r.spec) as AlertWindowSet),
      name: r.name,
      id: r.id,
    }));
  }

  findByName(name: string): { id: number } | undefined {
    return this.db.prepare('SELECT id FROM alert_window_sets WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
  }

  exists(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM alert_window_sets WHERE id = ?').get(id) !== undefined;
  }

  /** Inserts a set, or replaces the set with this id. */
  save(set: AlertWindowSet, id?: number): number {
    const spec = JSON.stringify({ periodMinutes: set.periodMinutes, page: set.page, ticket: set.ticket });
    if (id !== undefined) {
      this.db.prepare('UPDATE alert_window_sets SET name = ?, spec = ? WHERE id = ?').run(set.name, spec, id);
      return id;
    }
    return Number(this.db.prepare('INSERT INTO alert_window_sets (name, spec) VALUES (?, ?)').run(set.name, spec).lastInsertRowid);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM alert_window_sets WHERE id = ?').run(id);
  }

  /** Every row as stored, for undo. */
  snapshot(): Row[] {
    return this.db.prepare('SELECT * FROM alert_window_sets ORDER BY id').all() as Row[];
  }

  /** Puts back exactly the rows of a snapshot. */
  restore(rows: Row[]): void {
    this.db.prepare('DELETE FROM alert_window_sets').run();
    const insert = this.db.prepare('INSERT INTO alert_window_sets (id, name, spec) VALUES (@id, @name, @spec)');
    for (const row of rows) insert.run(row);
  }
}
