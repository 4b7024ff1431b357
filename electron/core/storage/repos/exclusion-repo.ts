import type Database from 'better-sqlite3';
import type { Exclusion, ExclusionCategory, ExclusionSpec } from '#shared/analysis/exclusions';

type ExclusionRow = {
  id: number;
  service_id: number;
  sli_id: number | null;
  category: string;
  reason: string;
  start_ms: number;
  duration_minutes: number;
  rrule: string | null;
  time_zone: string;
};

// A row mapper, one column a line: alike in shape to the other repos' mappers, it maps its own table.
function toExclusion(r: ExclusionRow): Exclusion {
  return {
    id: r.id,
    serviceId: r.service_id,
    sliId: r.sli_id,
    category: r.category as ExclusionCategory,
    reason: r.reason,
    startMs: r.start_ms,
    durationMinutes: r.duration_minutes,
    rrule: r.rrule,
    timeZone: r.time_zone,
  };
}

/** SQL for exclusions. */
export class ExclusionRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  /** A service's exclusions, oldest first. */
  listForService(serviceId: number): Exclusion[] {
    return (this.db.prepare('SELECT * FROM exclusions WHERE service_id = ? ORDER BY start_ms, id').all(serviceId) as ExclusionRow[]).map(toExclusion);
  }

  /** The exclusions that apply to one SLI: the service-wide ones and its own. */
  listForSli(serviceId: number, sliId: number): Exclusion[] {
    return (
      this.db
        .prepare('SELECT * FROM exclusions WHERE service_id = ? AND (sli_id IS NULL OR sli_id = ?) ORDER BY start_ms, id')
        .all(serviceId, sliId) as ExclusionRow[]
    ).map(toExclusion);
  }

  get(id: number): Exclusion | undefined {
    const row = this.db.prepare('SELECT * FROM exclusions WHERE id = ?').get(id) as ExclusionRow | undefined;
    return row ? toExclusion(row) : undefined;
  }

  insert(serviceId: number, sliId: number | null, spec: ExclusionSpec): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO exclusions (service_id, sli_id, category, reason, start_ms, duration_minutes, rrule, time_zone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(serviceId, sliId, spec.category, spec.reason, spec.startMs, spec.durationMinutes, spec.rrule, spec.timeZone).lastInsertRowid,
    );
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM exclusions WHERE id = ?').run(id);
  }

  /** Replaces a service's exclusions with a list captured earlier, keeping their ids (undo and redo). */
  replaceForService(serviceId: number, list: readonly Exclusion[]): void {
    this.db.prepare('DELETE FROM exclusions WHERE service_id = ?').run(serviceId);
    const insert = this.db.prepare(`INSERT INTO exclusions (id, service_id, sli_id, category, reason, start_ms, duration_minutes, rrule, time_zone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const e of list) insert.run(e.id, e.serviceId, e.sliId, e.category, e.reason, e.startMs, e.durationMinutes, e.rrule, e.timeZone);
  }
}
