import type Database from 'better-sqlite3';
import type { LatencyData, LatencyUnit, ParsedSeries } from '#shared/importers/types';
import type { ImportSource } from '#shared/ipc/contract';

/** Samples per stored chunk: one week of minute data, about 80 KB per column. */
export const CHUNK_POINTS = 10_080;

/** An import as recorded: what was read, from which bytes, with how many rows kept, rejected and merged as duplicates. */
export type ImportRecord = {
  id: number;
  sliId: number;
  sha256: string;
  fileName: string;
  format: ImportSource;
  parserVersion: number;
  acceptedRows: number;
  rejectedRows: number;
  /** Rows merged into another as duplicates of its time (0 for imports recorded before schema 6). */
  mergedRows: number;
  startedAt: number;
  finishedAt: number | null;
  status: 'running' | 'done';
};

/** What a stored series keeps of its latency, without the data: values or per-bound counts, their unit, how many bounds. */
export type LatencyInfo = { kind: 'values' | 'counts'; unit: LatencyUnit; bounds: number };

/** A stored series without its samples. */
export type SeriesInfo = {
  id: number;
  importId: number;
  name: string;
  stepMs: number | null;
  points: number;
  startMs: number | null;
  endMs: number | null;
  latency: LatencyInfo | null;
};

type SeriesRow = {
  id: number;
  import_id: number;
  name: string;
  step_ms: number | null;
  points: number;
  start_ms: number | null;
  end_ms: number | null;
  latency_kind: 'values' | 'counts' | null;
  latency_unit: LatencyUnit | null;
  latency_bounds: number | null;
};

const SERIES_SELECT = `SELECT s.*, l.kind AS latency_kind, l.unit AS latency_unit, json_array_length(l.bounds_ms) AS latency_bounds
  FROM series s LEFT JOIN series_latency l ON l.series_id = s.id`;

// Row mappers, one column a line: alike in shape to toRecord below and to other repos', each maps its own table.
function toSeriesInfo(r: SeriesRow): SeriesInfo {
  return {
    id: r.id,
    importId: r.import_id,
    name: r.name,
    stepMs: r.step_ms,
    points: r.points,
    startMs: r.start_ms,
    endMs: r.end_ms,
    latency: r.latency_kind === null ? null : { kind: r.latency_kind, unit: r.latency_unit!, bounds: r.latency_bounds ?? 0 },
  };
}

type ImportRow = {
  id: number;
  sli_id: number;
  sha256: string;
  file_name: string;
  format: string;
  parser_version: number;
  accepted_rows: number;
  rejected_rows: number;
  merged_rows: number;
  started_at: number;
  finished_at: number | null;
  status: string;
};

function toRecord(r: ImportRow): ImportRecord {
  return {
    id: r.id,
    sliId: r.sli_id,
    sha256: r.sha256,
    fileName: r.file_name,
    format: r.format as ImportSource,
    parserVersion: r.parser_version,
    acceptedRows: r.accepted_rows,
    rejectedRows: r.rejected_rows,
    mergedRows: r.merged_rows,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status as ImportRecord['status'],
  };
}

// A Float64Array's bytes as a Buffer, without copying; SQLite copies them into the row.
function blob(a: Float64Array, from: number, to: number): Buffer {
  return Buffer.from(a.buffer, a.byteOffset + from * 8, (to - from) * 8);
}

/** Per-bound counts of samples from..to, bound after bound, as Uint32; a count that is not a whole number below 2^32 is a bug. */
function countsBlob(seriesId: number, columns: Float64Array[], from: number, to: number): Buffer {
  const out = new Uint32Array(columns.length * (to - from));
  columns.forEach((c, k) => {
    for (let i = from; i < to; i++) {
      const v = c[i]!;
      if (!Number.isInteger(v) || v < 0 || v > 0xffff_ffff) throw new Error(`series ${seriesId}: latency count ${v} is not a whole number of requests`);
      out[k * (to - from) + i - from] = v;
    }
  });
  return Buffer.from(out.buffer);
}

/** SQL for imports and their series; samples go in and out as Float64Array columns. */
export class SeriesRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  /** The finished import of these bytes for this SLI, if any. */
  findImport(sliId: number, sha256: string): ImportRecord | undefined {
    const row = this.db.prepare('SELECT * FROM imports WHERE sli_id = ? AND sha256 = ?').get(sliId, sha256) as ImportRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  listImports(sliId: number): ImportRecord[] {
    return (this.db.prepare('SELECT * FROM imports WHERE sli_id = ? ORDER BY id').all(sliId) as ImportRow[]).map(toRecord);
  }

  /** Imports left 'running' by a process that died; a transaction never leaves one, so any found is a bug to report. */
  interruptedImports(): ImportRecord[] {
    return (this.db.prepare("SELECT * FROM imports WHERE status = 'running'").all() as ImportRow[]).map(toRecord);
  }

  insertImport(r: Omit<ImportRecord, 'id' | 'finishedAt' | 'status' | 'mergedRows'> & { mergedRows?: number }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO imports (sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, merged_rows, started_at, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')`,
        )
        .run(r.sliId, r.sha256, r.fileName, r.format, r.parserVersion, r.acceptedRows, r.rejectedRows, r.mergedRows ?? 0, r.startedAt).lastInsertRowid,
    );
  }

  finishImport(id: number, now: number): void {
    this.db.prepare("UPDATE imports SET status = 'done', finished_at = ? WHERE id = ?").run(now, id);
  }

  /** Stores one series and its samples in chunks of CHUNK_POINTS. */
  insertSeries(importId: number, s: ParsedSeries): number {
    const n = s.t.length;
    if (s.good.length !== n || s.total.length !== n) throw new Error(`series "${s.name}": columns differ in length`);
    const id = Number(
      this.db
        .prepare('INSERT INTO series (import_id, name, step_ms, points, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?)')
        .run(importId, s.name, s.stepMs, n, n ? s.t[0]! : null, n ? s.t[n - 1]! : null).lastInsertRowid,
    );
    const chunk = this.db.prepare('INSERT INTO series_chunks (series_id, chunk_index, points, t, good, total) VALUES (?, ?, ?, ?, ?, ?)');
    for (let from = 0, index = 0; from < n; from += CHUNK_POINTS, index++) {
      const to = Math.min(n, from + CHUNK_POINTS);
      chunk.run(id, index, to - from, blob(s.t, from, to), blob(s.good, from, to), blob(s.total, from, to));
    }
    if (s.latency) this.insertLatency(id, n, s.latency);
    return id;
  }

  /**
   * Stores a series' latency values (Float64) or per-bound counts (Uint32, whole numbers of requests: half the bytes)
   * in chunks lined up with its samples.
   */
  private insertLatency(seriesId: number, n: number, latency: LatencyData): void {
    const columns = latency.kind === 'values' ? [latency.valuesMs] : latency.atOrBelow;
    if (columns.some((c) => c.length !== n)) throw new Error(`series ${seriesId}: latency columns differ in length from its samples`);
    const bounds = latency.kind === 'values' ? [] : latency.boundsMs;
    this.db
      .prepare('INSERT INTO series_latency (series_id, kind, unit, bounds_ms) VALUES (?, ?, ?, ?)')
      .run(seriesId, latency.kind, latency.unit, JSON.stringify(bounds));
    const chunk = this.db.prepare('INSERT INTO series_latency_chunks (series_id, chunk_index, data) VALUES (?, ?, ?)');
    for (let from = 0, index = 0; from < n; from += CHUNK_POINTS, index++) {
      const to = Math.min(n, from + CHUNK_POINTS);
      chunk.run(seriesId, index, latency.kind === 'values' ? blob(columns[0]!, from, to) : countsBlob(seriesId, columns, from, to));
    }
  }

  /** A series' latency values or per-bound counts, or null for a series without them (good/total only). */
  readLatency(seriesId: number): LatencyData | null {
    const head = this.db.prepare('SELECT kind, unit, bounds_ms FROM series_latency WHERE series_id = ?').get(seriesId) as
      { kind: 'values' | 'counts'; unit: LatencyUnit; bounds_ms: string } | undefined;
    if (!head) return null;
    const n = (this.db.prepare('SELECT points FROM series WHERE id = ?').pluck().get(seriesId) as number | undefined) ?? 0;
    const bounds = JSON.parse(head.bounds_ms) as number[];
    const columns = (head.kind === 'values' ? [0] : bounds).map(() => new Float64Array(n));
    let at = 0;
    const rows = this.db
      .prepare('SELECT data FROM series_latency_chunks WHERE series_id = ? ORDER BY chunk_index')
      .pluck()
      .iterate(seriesId) as IterableIterator<Buffer>;
    for (const bytes of rows) {
      const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const all = head.kind === 'values' ? new Float64Array(copy) : new Uint32Array(copy);
      const points = all.length / columns.length;
      columns.forEach((c, k) => c.set(all.subarray(k * points, (k + 1) * points), at));
      at += points;
    }
    if (at !== n) throw new Error(`series ${seriesId}: expected ${n} latency points, read ${at}`);
    return head.kind === 'values'
      ? { kind: 'values', unit: head.unit, valuesMs: columns[0]! }
      : { kind: 'counts', unit: head.unit, boundsMs: bounds, atOrBelow: columns };
  }

  /** Deletes an import with its series and their chunks. */
  deleteImport(id: number): void {
    this.db.prepare('DELETE FROM imports WHERE id = ?').run(id);
  }

  getImport(id: number): ImportRecord | undefined {
    const row = this.db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  getSeries(id: number): SeriesInfo | undefined {
    const r = this.db.prepare(`${SERIES_SELECT} WHERE s.id = ?`).get(id) as SeriesRow | undefined;
    return r ? toSeriesInfo(r) : undefined;
  }

  listSeries(importId: number): SeriesInfo[] {
    return (this.db.prepare(`${SERIES_SELECT} WHERE s.import_id = ? ORDER BY s.id`).all(importId) as SeriesRow[]).map(toSeriesInfo);
  }

  /** Reads a series back into three Float64Arrays, chunk by chunk. */
  readSeries(seriesId: number): { t: Float64Array; good: Float64Array; total: Float64Array } {
    const info = this.db.prepare('SELECT points FROM series WHERE id = ?').get(seriesId) as { points: number } | undefined;
    const n = info?.points ?? 0;
    const out = { t: new Float64Array(n), good: new Float64Array(n), total: new Float64Array(n) };
    let at = 0;
    const rows = this.db
      .prepare('SELECT points, t, good, total FROM series_chunks WHERE series_id = ? ORDER BY chunk_index')
      .iterate(seriesId) as IterableIterator<{ points: number; t: Buffer; good: Buffer; total: Buffer }>;
    for (const row of rows) {
      for (const key of ['t', 'good', 'total'] as const) {
        const bytes = row[key];
        out[key].set(new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), at);
      }
      at += row.points;
    }
    if (at !== n) throw new Error(`series ${seriesId}: expected ${n} points, read ${at}`);
    return out;
  }
}
