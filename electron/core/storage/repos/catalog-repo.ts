import type Database from 'better-sqlite3';
import type { BudgetPolicy } from '#shared/budget/policy';
import {
  NO_SLI_DETAILS,
  type CalendarUnit,
  type Dependency,
  type Objective,
  type Service,
  type Sli,
  type SliKind,
  type SloWindow,
  type Tier,
} from '#shared/domain/types';
import { ReviewRepo, type ReviewRows } from './review-repo';
import { ScenarioRepo, type ScenarioRow } from './scenario-repo';

type ServiceRow = {
  id: number;
  name: string;
  owner: string;
  description: string;
  created_at: number;
  updated_at: number;
  requests_per_day: number | null;
};
type DependencyRow = { service_id: number; depends_on_id: number; redundancy_group: string | null };
type PolicyRow = { service_id: number; policy: string };
type SliRow = {
  id: number;
  service_id: number;
  name: string;
  kind: string;
  latency_threshold_ms: number | null;
  position: number;
  freshness_max_age_ms: number | null;
  wording: string | null;
  queries: string | null;
  histogram: string | null;
};

/** What an SLI holds beyond its name and kind, as sli/create and sli/update write it. */
export type SliDetails = Pick<Sli, 'latencyThresholdMs' | 'freshnessMaxAgeMs' | 'wording' | 'queries' | 'histogram'>;

/** Details with only a latency threshold (or none) set. */
export const thresholdOnly = (latencyThresholdMs: number | null = null): SliDetails => ({ latencyThresholdMs, ...NO_SLI_DETAILS });

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
// A column of a newer schema reads as unset on a workspace opened read-only at an older one.
const parsed = <T>(text: string | null | undefined): T | null => (text === null || text === undefined ? null : (JSON.parse(text) as T));
type ObjectiveRow = {
  sli_id: number;
  tier: string;
  target_ppm: number;
  window_kind: string;
  window_days: number | null;
  calendar_unit: string | null;
  time_zone: string | null;
  method: string;
  slice_minutes: number | null;
  slice_target_ppm: number | null;
  latency_threshold_ms: number | null;
};

/** The rows that make up one service as the catalog reads it. */
type ServiceRows = {
  service: ServiceRow;
  slis: SliRow[];
  objectives: ObjectiveRow[];
  dependencies: DependencyRow[];
  dependents: DependencyRow[];
  policy: PolicyRow | null;
};

/**
 * Every stored row of one service, used to undo and redo edits by restoring a service as a whole: its own rows, the
 * what-if scenarios of its SLIs, its proposed versions with their sign-offs and comments and its review periods, and the
 * dependency edges pointing at it, which a delete would otherwise take along.
 */
export type ServiceSnapshot = ServiceRows & { scenarios: ScenarioRow[]; review: ReviewRows };

function toObjective(row: ObjectiveRow): Objective {
  const window: SloWindow =
    row.window_kind === 'rolling'
      ? { kind: 'rolling', days: row.window_days ?? 30 }
      : { kind: 'calendar', unit: (row.calendar_unit ?? 'month') as CalendarUnit, timeZone: row.time_zone ?? 'UTC' };
  return {
    tier: row.tier as Tier,
    targetPpm: row.target_ppm,
    window,
    method: row.method as Objective['method'],
    timeslice: row.slice_minutes !== null && row.slice_target_ppm !== null ? { sliceMinutes: row.slice_minutes, sliceTargetPpm: row.slice_target_ppm } : null,
    latencyThresholdMs: row.latency_threshold_ms,
  };
}

function toObjectiveRow(sliId: number, o: Objective): ObjectiveRow {
  return {
    sli_id: sliId,
    tier: o.tier,
    target_ppm: o.targetPpm,
    window_kind: o.window.kind,
    window_days: o.window.kind === 'rolling' ? o.window.days : null,
    calendar_unit: o.window.kind === 'calendar' ? o.window.unit : null,
    time_zone: o.window.kind === 'calendar' ? o.window.timeZone : null,
    method: o.method,
    slice_minutes: o.timeslice?.sliceMinutes ?? null,
    slice_target_ppm: o.timeslice?.sliceTargetPpm ?? null,
    latency_threshold_ms: o.latencyThresholdMs,
  };
}

/** All SQL about services, SLIs and objectives; bound parameters only. */
export class CatalogRepo {
  private readonly db: Database.Database;
  private readonly scenarios: ScenarioRepo;
  private readonly review: ReviewRepo;
  // Each SQL text is prepared once per open workspace: preparing on every call cost 1 s of a 10,000-SLO spec import.
  private readonly statements = new Map<string, Database.Statement>();
  constructor(db: Database.Database) {
    this.db = db;
    this.scenarios = new ScenarioRepo(db);
    this.review = new ReviewRepo(db);
  }

  /** The prepared statement of a SQL text, prepared on first use. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Reads every service with its SLIs and objectives, services by name, SLIs in the order they were added. */
  listServices(): Service[] {
    const services = this.statement('SELECT * FROM services ORDER BY name COLLATE NOCASE, id').all() as ServiceRow[];
    const slis = this.statement('SELECT * FROM slis ORDER BY service_id, position, id').all() as SliRow[];
    const objectives = this.statement('SELECT * FROM objectives').all() as ObjectiveRow[];
    const dependencies = this.statement('SELECT * FROM dependencies ORDER BY service_id, depends_on_id').all() as DependencyRow[];
    const policies = this.statement('SELECT * FROM budget_policies').all() as PolicyRow[];
    return this.assemble(services, slis, objectives, dependencies, policies);
  }

  /** Reads one service, or undefined. */
  getService(id: number): Service | undefined {
    const rows = this.rowsOf(id);
    return rows ? this.assemble([rows.service], rows.slis, rows.objectives, rows.dependencies, rows.policy ? [rows.policy] : [])[0] : undefined;
  }

  /** Reads one SLI, or undefined. */
  getSli(id: number): Sli | undefined {
    const row = this.statement('SELECT service_id FROM slis WHERE id = ?').get(id) as { service_id: number } | undefined;
    return row ? this.getService(row.service_id)?.slis.find((s) => s.id === id) : undefined;
  }

  private assemble(services: ServiceRow[], slis: SliRow[], objectives: ObjectiveRow[], dependencies: DependencyRow[], policies: PolicyRow[]): Service[] {
    const depsOf = new Map<number, Dependency[]>();
    for (const d of dependencies) {
      depsOf.set(d.service_id, [...(depsOf.get(d.service_id) ?? []), { dependsOnId: d.depends_on_id, redundancyGroup: d.redundancy_group }]);
    }
    const policyOf = new Map(policies.map((p) => [p.service_id, JSON.parse(p.policy) as BudgetPolicy]));
    const bySli = new Map<number, Partial<Record<Tier, Objective>>>();
    for (const row of objectives) {
      const entry = bySli.get(row.sli_id) ?? {};
      entry[row.tier as Tier] = toObjective(row);
      bySli.set(row.sli_id, entry);
    }
    const byService = new Map<number, Sli[]>();
    for (const row of slis) {
      const list = byService.get(row.service_id) ?? [];
      list.push({
        id: row.id,
        serviceId: row.service_id,
        name: row.name,
        kind: row.kind as SliKind,
        latencyThresholdMs: row.latency_threshold_ms,
        freshnessMaxAgeMs: row.freshness_max_age_ms ?? null,
        wording: parsed<Sli['wording']>(row.wording),
        queries: parsed<Sli['queries']>(row.queries),
        histogram: parsed<Sli['histogram']>(row.histogram),
        objectives: bySli.get(row.id) ?? {},
      });
      byService.set(row.service_id, list);
    }
    return services.map((s) => ({
      id: s.id,
      name: s.name,
      owner: s.owner,
      description: s.description,
      requestsPerDay: s.requests_per_day,
      dependencies: depsOf.get(s.id) ?? [],
      policy: policyOf.get(s.id) ?? null,
      slis: byService.get(s.id) ?? [],
    }));
  }

  /** Finds a service by name, case-insensitively. */
  findServiceByName(name: string): { id: number; name: string } | undefined {
    return this.statement('SELECT id, name FROM services WHERE name = ? COLLATE NOCASE').get(name) as { id: number; name: string } | undefined;
  }

  /** Finds an SLI of a service by name, case-insensitively. */
  findSliByName(serviceId: number, name: string): { id: number; name: string } | undefined {
    return this.statement('SELECT id, name FROM slis WHERE service_id = ? AND name = ? COLLATE NOCASE').get(serviceId, name) as
      { id: number; name: string } | undefined;
  }

  /** The service an SLI belongs to. */
  serviceOfSli(sliId: number): number | undefined {
    const row = this.statement('SELECT service_id FROM slis WHERE id = ?').get(sliId) as { service_id: number } | undefined;
    return row?.service_id;
  }

  insertService(name: string, owner: string, description: string, now: number): number {
    const info = this.db
      .prepare('INSERT INTO services (name, owner, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, owner, description, now, now);
    return Number(info.lastInsertRowid);
  }

  renameService(id: number, name: string, now: number): void {
    this.statement('UPDATE services SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
  }

  deleteService(id: number): void {
    this.statement('DELETE FROM services WHERE id = ?').run(id);
  }

  touchService(id: number, now: number): void {
    this.statement('UPDATE services SET updated_at = ? WHERE id = ?').run(now, id);
  }

  insertSli(serviceId: number, name: string, kind: SliKind, details: SliDetails): number {
    const position = this.statement('SELECT COALESCE(MAX(position), 0) + 1 FROM slis WHERE service_id = ?').pluck().get(serviceId) as number;
    const info = this.db
      .prepare(
        `INSERT INTO slis (service_id, name, kind, latency_threshold_ms, freshness_max_age_ms, wording, queries, histogram, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(serviceId, name, kind, ...detailColumns(details), position);
    return Number(info.lastInsertRowid);
  }

  updateSli(id: number, name: string, details: SliDetails): void {
    this.db
      .prepare('UPDATE slis SET name = ?, latency_threshold_ms = ?, freshness_max_age_ms = ?, wording = ?, queries = ?, histogram = ? WHERE id = ?')
      .run(name, ...detailColumns(details), id);
  }

  deleteSli(id: number): void {
    this.statement('DELETE FROM slis WHERE id = ?').run(id);
  }

  upsertObjective(sliId: number, objective: Objective): void {
    const row = toObjectiveRow(sliId, objective);
    this.db
      .prepare(
        `INSERT INTO objectives (sli_id, tier, target_ppm, window_kind, window_days, calendar_unit, time_zone,
        method, slice_minutes, slice_target_ppm, latency_threshold_ms)
      VALUES (@sli_id, @tier, @target_ppm, @window_kind, @window_days, @calendar_unit, @time_zone,
        @method, @slice_minutes, @slice_target_ppm, @latency_threshold_ms)
      ON CONFLICT (sli_id, tier) DO UPDATE SET target_ppm = excluded.target_ppm, window_kind = excluded.window_kind,
        window_days = excluded.window_days, calendar_unit = excluded.calendar_unit, time_zone = excluded.time_zone,
        method = excluded.method, slice_minutes = excluded.slice_minutes, slice_target_ppm = excluded.slice_target_ppm,
        latency_threshold_ms = excluded.latency_threshold_ms`,
      )
      .run(row);
  }

  deleteObjective(sliId: number, tier: Tier): void {
    this.statement('DELETE FROM objectives WHERE sli_id = ? AND tier = ?').run(sliId, tier);
  }

  setTraffic(serviceId: number, requestsPerDay: number | null, now: number): void {
    this.statement('UPDATE services SET requests_per_day = ?, updated_at = ? WHERE id = ?').run(requestsPerDay, now, serviceId);
  }

  /** Adds or updates an edge (a second add changes its redundancy group). */
  putDependency(serviceId: number, dependsOnId: number, redundancyGroup: string | null): void {
    this.db
      .prepare(
        `INSERT INTO dependencies (service_id, depends_on_id, redundancy_group) VALUES (?, ?, ?)
      ON CONFLICT (service_id, depends_on_id) DO UPDATE SET redundancy_group = excluded.redundancy_group`,
      )
      .run(serviceId, dependsOnId, redundancyGroup);
  }

  deleteDependency(serviceId: number, dependsOnId: number): boolean {
    return this.statement('DELETE FROM dependencies WHERE service_id = ? AND depends_on_id = ?').run(serviceId, dependsOnId).changes > 0;
  }

  /** Stores a service's policy, or removes it (back to the default) when null. */
  setPolicy(serviceId: number, policy: BudgetPolicy | null): void {
    if (policy === null) this.statement('DELETE FROM budget_policies WHERE service_id = ?').run(serviceId);
    else {
      this.db
        .prepare('INSERT INTO budget_policies (service_id, policy) VALUES (?, ?) ON CONFLICT (service_id) DO UPDATE SET policy = excluded.policy')
        .run(serviceId, JSON.stringify(policy));
    }
  }

  /** Every row of one service, its SLIs' scenarios and its review rows included, or undefined when it does not exist. */
  snapshot(serviceId: number): ServiceSnapshot | undefined {
    const rows = this.rowsOf(serviceId);
    return rows ? { ...rows, scenarios: this.scenarios.rowsOfService(serviceId), review: this.review.rowsOfService(serviceId) } : undefined;
  }

  private rowsOf(serviceId: number): ServiceRows | undefined {
    const service = this.statement('SELECT * FROM services WHERE id = ?').get(serviceId) as ServiceRow | undefined;
    if (!service) return undefined;
    const slis = this.statement('SELECT * FROM slis WHERE service_id = ? ORDER BY position, id').all(serviceId) as SliRow[];
    const objectives = this.db
      .prepare('SELECT o.* FROM objectives o JOIN slis s ON s.id = o.sli_id WHERE s.service_id = ? ORDER BY o.sli_id, o.tier')
      .all(serviceId) as ObjectiveRow[];
    const dependencies = this.statement('SELECT * FROM dependencies WHERE service_id = ?').all(serviceId) as DependencyRow[];
    const dependents = this.statement('SELECT * FROM dependencies WHERE depends_on_id = ?').all(serviceId) as DependencyRow[];
    const policy = (this.statement('SELECT * FROM budget_policies WHERE service_id = ?').get(serviceId) as PolicyRow | undefined) ?? null;
    return { service, slis, objectives, dependencies, dependents, policy };
  }

  /**
   * Puts one service back as a snapshot recorded it (or removes it when the snapshot is null), keeping the original
   * ids. Rows that survive are updated in place rather than deleted and re-inserted: a delete would cascade to the
   * SLIs' imported history and the service's exclusions, which are not part of the undo history. The scenarios follow
   * their SLIs back; review rows that are missing come back (a deleted service's versions), and no other review row is
   * touched: catalog edits change none, and a sign-off recorded meanwhile elsewhere stays.
   */
  restore(serviceId: number, snapshot: ServiceSnapshot | null): void {
    if (!snapshot) {
      this.statement('DELETE FROM services WHERE id = ?').run(serviceId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO services (id, name, owner, description, created_at, updated_at, requests_per_day)
      VALUES (@id, @name, @owner, @description, @created_at, @updated_at, @requests_per_day)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner, description = excluded.description,
        created_at = excluded.created_at, updated_at = excluded.updated_at, requests_per_day = excluded.requests_per_day`,
      )
      .run(snapshot.service);
    this.db
      .prepare('DELETE FROM slis WHERE service_id = ? AND id NOT IN (SELECT value FROM json_each(?))')
      .run(serviceId, JSON.stringify(snapshot.slis.map((row) => row.id)));
    const sli = this.db
      .prepare(`INSERT INTO slis (id, service_id, name, kind, latency_threshold_ms, position, freshness_max_age_ms, wording, queries, histogram)
      VALUES (@id, @service_id, @name, @kind, @latency_threshold_ms, @position, @freshness_max_age_ms, @wording, @queries, @histogram)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, latency_threshold_ms = excluded.latency_threshold_ms,
        position = excluded.position, freshness_max_age_ms = excluded.freshness_max_age_ms, wording = excluded.wording,
        queries = excluded.queries, histogram = excluded.histogram`);
    for (const row of snapshot.slis) sli.run(row);
    this.statement('DELETE FROM objectives WHERE sli_id IN (SELECT id FROM slis WHERE service_id = ?)').run(serviceId);
    this.statement('DELETE FROM dependencies WHERE service_id = ? OR depends_on_id = ?').run(serviceId, serviceId);
    this.statement('DELETE FROM budget_policies WHERE service_id = ?').run(serviceId);
    const objective = this.statement(`INSERT INTO objectives (sli_id, tier, target_ppm, window_kind, window_days, calendar_unit, time_zone,
        method, slice_minutes, slice_target_ppm, latency_threshold_ms)
      VALUES (@sli_id, @tier, @target_ppm, @window_kind, @window_days, @calendar_unit, @time_zone,
        @method, @slice_minutes, @slice_target_ppm, @latency_threshold_ms)`);
    for (const row of snapshot.objectives) objective.run(row);
    const edge = this.statement(
      'INSERT INTO dependencies (service_id, depends_on_id, redundancy_group) VALUES (@service_id, @depends_on_id, @redundancy_group)',
    );
    for (const row of [...snapshot.dependencies, ...snapshot.dependents]) edge.run(row);
    if (snapshot.policy) this.statement('INSERT INTO budget_policies (service_id, policy) VALUES (@service_id, @policy)').run(snapshot.policy);
    this.scenarios.restoreForService(serviceId, snapshot.scenarios);
    this.review.restoreMissing(snapshot.review);
  }
}

/** The detail columns of an SLI row, in the order insertSli and updateSli write them. */
function detailColumns(details: SliDetails): [number | null, number | null, string | null, string | null, string | null] {
  return [details.latencyThresholdMs, details.freshnessMaxAgeMs, json(details.wording), json(details.queries), json(details.histogram)];
}
