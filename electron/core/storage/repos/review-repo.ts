import type Database from 'better-sqlite3';
import { TIERS, type Tier } from '#shared/domain/types';
import type { Decision, ExportSignoff } from '#shared/exporters/types';
import { canonicalJson } from '#shared/review/snapshot';
import type { ReviewComment, Signoff, StoredVersion, VersionSnapshot } from '#shared/review/types';

type VersionRow = { id: number; service_id: number; number: number; rationale: string; created_ms: number; snapshot: string };
type SignoffRow = { id: number; version_id: number; name: string; role: string; decision: string; rationale: string; day: string; created_ms: number };
type CommentRow = { id: number; version_id: number; author: string; text: string; created_ms: number };
type PeriodRow = { service_id: number; tier: string; months: number };
type RoleRow = { role: string; position: number };

/** Every review row of one service as stored (its versions, their sign-offs and comments, its review periods), for undo. */
export type ReviewRows = { versions: VersionRow[]; signoffs: SignoffRow[]; comments: CommentRow[]; periods: PeriodRow[] };

const toVersion = (r: VersionRow): StoredVersion => ({
  id: r.id,
  serviceId: r.service_id,
  number: r.number,
  rationale: r.rationale,
  createdMs: r.created_ms,
  snapshot: JSON.parse(r.snapshot) as VersionSnapshot,
});

const toSignoff = (r: SignoffRow): Signoff => ({
  id: r.id,
  versionId: r.version_id,
  name: r.name,
  role: r.role,
  decision: r.decision as Decision,
  rationale: r.rationale,
  date: r.day,
});

const toComment = (r: CommentRow): ReviewComment => ({ id: r.id, versionId: r.version_id, author: r.author, text: r.text, createdMs: r.created_ms });

const OF_SERVICE = 'version_id IN (SELECT id FROM review_versions WHERE service_id = ?)';

/** SQL for proposed versions, their sign-offs and comments, the workspace's required roles and each service's review periods. */
export class ReviewRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  /** A service's versions, number 1 first. */
  listVersions(serviceId: number): StoredVersion[] {
    return (this.db.prepare('SELECT * FROM review_versions WHERE service_id = ? ORDER BY number').all(serviceId) as VersionRow[]).map(toVersion);
  }

  getVersion(serviceId: number, number: number): StoredVersion | undefined {
    const row = this.db.prepare('SELECT * FROM review_versions WHERE service_id = ? AND number = ?').get(serviceId, number) as VersionRow | undefined;
    return row ? toVersion(row) : undefined;
  }

  /** Stores a new version under the service's next number, its plan as canonical JSON; returns its id and number. */
  insertVersion(serviceId: number, rationale: string, snapshot: VersionSnapshot, now: number): { id: number; number: number } {
    const number = this.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 FROM review_versions WHERE service_id = ?').pluck().get(serviceId) as number;
    const info = this.db
      .prepare('INSERT INTO review_versions (service_id, number, rationale, created_ms, snapshot) VALUES (?, ?, ?, ?, ?)')
      .run(serviceId, number, rationale, now, canonicalJson(snapshot));
    return { id: Number(info.lastInsertRowid), number };
  }

  /** A version's sign-offs in the order they were recorded. */
  listSignoffs(versionId: number): Signoff[] {
    return (this.db.prepare('SELECT * FROM review_signoffs WHERE version_id = ? ORDER BY id').all(versionId) as SignoffRow[]).map(toSignoff);
  }

  insertSignoff(versionId: number, signoff: ExportSignoff, now: number): number {
    const info = this.db
      .prepare('INSERT INTO review_signoffs (version_id, name, role, decision, rationale, day, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(versionId, signoff.name, signoff.role, signoff.decision, signoff.rationale, signoff.date, now);
    return Number(info.lastInsertRowid);
  }

  /** A version's comments, oldest first. */
  listComments(versionId: number): ReviewComment[] {
    return (this.db.prepare('SELECT * FROM review_comments WHERE version_id = ? ORDER BY id').all(versionId) as CommentRow[]).map(toComment);
  }

  insertComment(versionId: number, author: string, text: string, now: number): number {
    return Number(
      this.db.prepare('INSERT INTO review_comments (version_id, author, text, created_ms) VALUES (?, ?, ?, ?)').run(versionId, author, text, now)
        .lastInsertRowid,
    );
  }

  /** The roles that must approve a version, in the workspace's order. */
  requiredRoles(): string[] {
    return this.db.prepare('SELECT role FROM review_roles ORDER BY position, role').pluck().all() as string[];
  }

  /** Replaces the required roles with `roles`, in that order. */
  setRequiredRoles(roles: readonly string[]): void {
    this.db.prepare('DELETE FROM review_roles').run();
    const insert = this.db.prepare('INSERT INTO review_roles (role, position) VALUES (?, ?)');
    roles.forEach((role, i) => insert.run(role, i + 1));
  }

  /** The review periods a service sets itself, by tier; tiers it leaves to the default are absent. */
  periods(serviceId: number): Partial<Record<Tier, number>> {
    const rows = this.db.prepare('SELECT * FROM review_periods WHERE service_id = ?').all(serviceId) as PeriodRow[];
    return Object.fromEntries(TIERS.flatMap((tier) => rows.filter((r) => r.tier === tier).map((r) => [tier, r.months])));
  }

  /** Sets a tier's review period for a service, or drops it back to the default when `months` is null. */
  setPeriod(serviceId: number, tier: Tier, months: number | null): void {
    if (months === null) this.db.prepare('DELETE FROM review_periods WHERE service_id = ? AND tier = ?').run(serviceId, tier);
    else {
      this.db
        .prepare('INSERT INTO review_periods (service_id, tier, months) VALUES (?, ?, ?) ON CONFLICT (service_id, tier) DO UPDATE SET months = excluded.months')
        .run(serviceId, tier, months);
    }
  }

  /** Every review row of a service as stored (for undo). */
  rowsOfService(serviceId: number): ReviewRows {
    return {
      versions: this.db.prepare('SELECT * FROM review_versions WHERE service_id = ? ORDER BY id').all(serviceId) as VersionRow[],
      signoffs: this.db.prepare(`SELECT * FROM review_signoffs WHERE ${OF_SERVICE} ORDER BY id`).all(serviceId) as SignoffRow[],
      comments: this.db.prepare(`SELECT * FROM review_comments WHERE ${OF_SERVICE} ORDER BY id`).all(serviceId) as CommentRow[],
      periods: this.db.prepare('SELECT * FROM review_periods WHERE service_id = ? ORDER BY tier').all(serviceId) as PeriodRow[],
    };
  }

  /**
   * Puts a service's review rows back as `rows` recorded them, keeping their ids (undo and redo). Versions and
   * sign-offs are never changed in place (the triggers forbid it): rows that are not recorded go, recorded rows that
   * are missing come back. A version is taken away only while it has no sign-off the record does not know: one
   * recorded elsewhere meanwhile (another window, the CLI) makes the undo fail rather than erase it.
   */
  restoreForService(serviceId: number, rows: ReviewRows): void {
    const keep = (list: readonly { id: number }[]) => JSON.stringify(list.map((r) => r.id));
    const gone = this.db
      .prepare(
        `SELECT v.number, COUNT(*) AS unknown FROM review_versions v JOIN review_signoffs s ON s.version_id = v.id
         WHERE v.service_id = ? AND v.id NOT IN (SELECT value FROM json_each(?)) AND s.id NOT IN (SELECT value FROM json_each(?)) GROUP BY v.id`,
      )
      .get(serviceId, keep(rows.versions), keep(rows.signoffs)) as { number: number; unknown: number } | undefined;
    if (gone) throw new Error(`version ${gone.number} has ${gone.unknown} sign-off${gone.unknown === 1 ? '' : 's'} recorded since, so it cannot be taken back`);
    this.db.prepare(`DELETE FROM review_comments WHERE ${OF_SERVICE} AND id NOT IN (SELECT value FROM json_each(?))`).run(serviceId, keep(rows.comments));
    this.db.prepare(`DELETE FROM review_signoffs WHERE ${OF_SERVICE} AND id NOT IN (SELECT value FROM json_each(?))`).run(serviceId, keep(rows.signoffs));
    this.db.prepare('DELETE FROM review_versions WHERE service_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(serviceId, keep(rows.versions));
    this.db.prepare('DELETE FROM review_periods WHERE service_id = ?').run(serviceId);
    this.restoreMissing(rows);
  }

  /**
   * Brings back the recorded review rows that are missing, leaving every other row alone: what undoing the deletion
   * of a service needs (its versions went with it), and a no-op for the other catalog edits, which change no review row.
   */
  restoreMissing(rows: ReviewRows): void {
    const version = this.db.prepare(`INSERT INTO review_versions (id, service_id, number, rationale, created_ms, snapshot)
      VALUES (@id, @service_id, @number, @rationale, @created_ms, @snapshot) ON CONFLICT (id) DO NOTHING`);
    for (const row of rows.versions) version.run(row);
    const signoff = this.db.prepare(`INSERT INTO review_signoffs (id, version_id, name, role, decision, rationale, day, created_ms)
      VALUES (@id, @version_id, @name, @role, @decision, @rationale, @day, @created_ms) ON CONFLICT (id) DO NOTHING`);
    for (const row of rows.signoffs) signoff.run(row);
    const comment = this.db.prepare(`INSERT INTO review_comments (id, version_id, author, text, created_ms)
      VALUES (@id, @version_id, @author, @text, @created_ms) ON CONFLICT (id) DO NOTHING`);
    for (const row of rows.comments) comment.run(row);
    const period = this.db.prepare('INSERT INTO review_periods (service_id, tier, months) VALUES (@service_id, @tier, @months) ON CONFLICT DO NOTHING');
    for (const row of rows.periods) period.run(row);
  }

  /** The required roles as stored (for undo). */
  roleRows(): RoleRow[] {
    return this.db.prepare('SELECT * FROM review_roles ORDER BY position').all() as RoleRow[];
  }

  /** Puts the required roles back as recorded. */
  restoreRoles(rows: readonly RoleRow[]): void {
    this.db.prepare('DELETE FROM review_roles').run();
    const insert = this.db.prepare('INSERT INTO review_roles (role, position) VALUES (@role, @position)');
    for (const row of rows) insert.run(row);
  }
}
