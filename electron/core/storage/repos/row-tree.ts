import type Database from 'better-sqlite3';

/** The rows of one table, as stored: column names and each row's values in that order (blobs as Buffers). */
export type TableRows = { table: string; columns: string[]; rows: unknown[][] };

/** One row and every row that refers to it through foreign keys, directly or further down; parents come first. */
export type RowTree = TableRows[];

type ForeignKey = { table: string; from: string; parentColumn: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies a row with everything that depends on it (an import with its series, their chunks and whatever later
 * schemas hang off them), found by following the schema's foreign keys, so it can be put back exactly, ids
 * included. Nothing here names a table below the root: a new table that refers to one of these is followed too.
 */
export class RowTreeRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  /** The row of `table` whose primary key is `id`, with its dependants; null when there is no such row. */
  capture(table: string, id: number): RowTree | null {
    const root = this.rowsWhere(table, this.primaryKey(table), [id]);
    if (root.rows.length === 0) return null;
    const tree: RowTree = [root];
    const visited = new Set([table]);
    for (let at = 0; at < tree.length; at++) {
      const parent = tree[at]!;
      for (const fk of this.childrenOf(parent.table)) {
        if (visited.has(fk.table)) continue;
        const index = parent.columns.indexOf(fk.parentColumn);
        const keys = parent.rows.map((r) => r[index]);
        const rows = this.rowsWhere(fk.table, fk.from, keys);
        visited.add(fk.table);
        if (rows.rows.length > 0) tree.push(rows);
      }
    }
    return tree;
  }

  /** Puts captured rows back, parents first; run it inside the transaction that removed whatever replaced them. */
  restore(tree: RowTree): void {
    for (const { table, columns, rows } of tree) {
      const insert = this.db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...row);
    }
  }

  private rowsWhere(table: string, column: string, keys: unknown[]): TableRows {
    const statement = this.db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?)) ORDER BY rowid`).raw();
    const columns = statement.columns().map((c) => c.name);
    return { table, columns, rows: statement.all(JSON.stringify(keys)) as unknown[][] };
  }

  private primaryKey(table: string): string {
    const columns = this.db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
    const key = columns.filter((c) => c.pk > 0);
    if (key.length !== 1) throw new Error(`${table} has no single-column primary key`);
    return key[0]!.name;
  }

  private childrenOf(parent: string): ForeignKey[] {
    const tables = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const out: ForeignKey[] = [];
    for (const table of tables) {
      const keys = this.db.prepare('SELECT "table" AS parent, "from", "to" FROM pragma_foreign_key_list(?)').all(table) as {
        parent: string;
        from: string;
        to: string | null;
      }[];
      for (const k of keys) {
        if (k.parent === parent) out.push({ table, from: k.from, parentColumn: k.to ?? this.primaryKey(parent) });
      }
    }
    return out;
  }
}
