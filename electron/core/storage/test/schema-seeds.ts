// Test support for migration tests: rows each schema version introduced, written with the SQL of that version (never
// through today's repositories, which write the newest columns), and the values the newest repositories must read back.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import type { Service } from '#shared/domain/types';
import { createWorkspaceDb } from '../db';
import { MIGRATIONS } from '../migrations/index';
import { AlertSetRepo } from '../repos/alert-set-repo';
import { CatalogRepo } from '../repos/catalog-repo';
import { ExclusionRepo } from '../repos/exclusion-repo';
import { ReviewRepo } from '../repos/review-repo';
import { ScenarioRepo } from '../repos/scenario-repo';
import { CHUNK_POINTS, SeriesRepo } from '../repos/series-repo';
import { runOf, tenDeploys } from '../../test/scenario-fixtures';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const f64 = (values: Float64Array, from = 0, to = values.length) => Buffer.from(values.buffer, values.byteOffset + from * 8, (to - from) * 8);

/** A series longer than one chunk, with values a text round trip would spoil (thirds, 2^-40, a huge count). */
export const SERIES_POINTS = CHUNK_POINTS + 7;
export const seriesT = Float64Array.from({ length: SERIES_POINTS }, (_, i) => 1_767_225_600_000 + i * 60_000);
export const seriesGood = Float64Array.from({ length: SERIES_POINTS }, (_, i) => (i % 3 === 0 ? 1 / 3 : 1000 - 2 ** -40 * i));
export const seriesTotal = Float64Array.from({ length: SERIES_POINTS }, (_, i) => (i === 5 ? 2 ** 53 - 1 : 1000));
export const latencyMs = Float64Array.from({ length: 4 }, (_, i) => 120.125 + i * 0.1);

/** Schema 1: two services, an availability SLI with an SLA and an SLO, a latency SLI with a time-slice target, a meta row. */
function seed1(db: Database.Database): void {
  db.exec(`
    INSERT INTO workspace_meta (key, value) VALUES ('created_by', 'SLO Workbench 0.1.0');
    INSERT INTO services (id, name, owner, description, created_at, updated_at) VALUES
      (1, 'checkout', 'team-payments', 'The basket and the payment page', 1700000000000, 1700000500000),
      (2, 'payments-api', '', '', 1700000000001, 1700000000001);
    INSERT INTO slis (id, service_id, name, kind, latency_threshold_ms, position) VALUES
      (11, 1, 'availability', 'availability', NULL, 1),
      (12, 1, 'latency', 'latency', 300, 2),
      (21, 2, 'availability', 'availability', NULL, 1);
    INSERT INTO objectives (sli_id, tier, target_ppm, window_kind, window_days, calendar_unit, time_zone, method, slice_minutes, slice_target_ppm, latency_threshold_ms) VALUES
      (11, 'sla', 995000, 'calendar', NULL, 'month', 'Europe/Berlin', 'occurrences', NULL, NULL, NULL),
      (11, 'slo', 999000, 'rolling', 30, NULL, NULL, 'occurrences', NULL, NULL, NULL),
      (12, 'target', 990000, 'rolling', 28, NULL, NULL, 'timeslices', 5, 950000, 250),
      (21, 'slo', 999500, 'rolling', 30, NULL, NULL, 'ratio-timeslices', 1, 900000, NULL);
  `);
}

/** Schema 2: traffic, a dependency in a redundancy group, a budget policy and one of the team's alert sets. */
function seed2(db: Database.Database): void {
  db.prepare('UPDATE services SET requests_per_day = 1250000.5 WHERE id = 1').run();
  db.prepare("INSERT INTO dependencies (service_id, depends_on_id, redundancy_group) VALUES (1, 2, 'payments')").run();
  db.prepare('INSERT INTO budget_policies (service_id, policy) VALUES (1, ?)').run(JSON.stringify({ ...DEFAULT_POLICY, warningBelowPercent: 40 }));
  db.prepare("INSERT INTO alert_window_sets (id, name, spec) VALUES (7, 'weekly on-call', ?)").run(JSON.stringify(WEEKLY_SPEC));
}

const WEEKLY_SPEC = {
  periodMinutes: 7 * 1440,
  page: { quick: { budgetPercent: 2, shortMinutes: 5, longMinutes: 60 }, slow: { budgetPercent: 5, shortMinutes: 30, longMinutes: 360 } },
  ticket: { quick: { budgetPercent: 10, shortMinutes: 60, longMinutes: 720 }, slow: { budgetPercent: 10, shortMinutes: 120, longMinutes: 1440 } },
};

/** Schema 3: a finished import of the availability SLI with one series of two chunks. */
function seed3(db: Database.Database): void {
  db.prepare(
    `INSERT INTO imports (id, sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, finished_at, status)
     VALUES (31, 11, 'aa11', 'checkout.csv', 'csv', 1, ?, 3, 1767225600000, 1767225601000, 'done')`,
  ).run(SERIES_POINTS);
  db.prepare('INSERT INTO series (id, import_id, name, step_ms, points, start_ms, end_ms) VALUES (301, 31, ?, 60000, ?, ?, ?)').run(
    'availability',
    SERIES_POINTS,
    seriesT[0]!,
    seriesT[SERIES_POINTS - 1]!,
  );
  const chunk = db.prepare('INSERT INTO series_chunks (series_id, chunk_index, points, t, good, total) VALUES (301, ?, ?, ?, ?, ?)');
  for (let from = 0, index = 0; from < SERIES_POINTS; from += CHUNK_POINTS, index++) {
    const to = Math.min(SERIES_POINTS, from + CHUNK_POINTS);
    chunk.run(index, to - from, f64(seriesT, from, to), f64(seriesGood, from, to), f64(seriesTotal, from, to));
  }
}

/** Schema 4: a weekly maintenance window of the whole service and a one-off outage of a dependency, for one SLI. */
function seed4(db: Database.Database): void {
  db.exec(`
    INSERT INTO exclusions (id, service_id, sli_id, category, reason, start_ms, duration_minutes, rrule, time_zone) VALUES
      (41, 1, NULL, 'maintenance', 'Sunday database patching', 1767484800000, 90, 'FREQ=WEEKLY;BYDAY=SU', 'Europe/Berlin'),
      (42, 1, 11, 'dependency', 'CDN outage, not ours', 1767600000000, 45, NULL, 'UTC');
  `);
}

/** Schema 5: a latency import of the latency SLI whose series keeps each sample's value, in seconds as written. */
function seed5(db: Database.Database): void {
  db.prepare(
    `INSERT INTO imports (id, sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, started_at, finished_at, status)
     VALUES (51, 12, 'bb22', 'latency.csv', 'csv', 1, 4, 0, 1767225600000, 1767225600500, 'done')`,
  ).run();
  const t = seriesT.subarray(0, 4);
  db.prepare('INSERT INTO series (id, import_id, name, step_ms, points, start_ms, end_ms) VALUES (501, 51, ?, 60000, 4, ?, ?)').run('latency', t[0]!, t[3]!);
  const ones = Float64Array.of(1, 1, 1, 1);
  db.prepare('INSERT INTO series_chunks (series_id, chunk_index, points, t, good, total) VALUES (501, 0, 4, ?, ?, ?)').run(f64(t), f64(ones), f64(ones));
  db.prepare("INSERT INTO series_latency (series_id, kind, unit, bounds_ms) VALUES (501, 'values', 's', '[]')").run();
  db.prepare('INSERT INTO series_latency_chunks (series_id, chunk_index, data) VALUES (501, 0, ?)').run(f64(latencyMs));
}

/** Schema 6: an import that merged repeated times. */
function seed6(db: Database.Database): void {
  db.prepare(
    `INSERT INTO imports (id, sli_id, sha256, file_name, format, parser_version, accepted_rows, rejected_rows, merged_rows, started_at, finished_at, status)
     VALUES (61, 21, 'cc33', 'payments.csv', 'csv', 1, 0, 0, 12, 1767225600000, 1767225600100, 'done')`,
  ).run();
}

/** Schema 7: two what-if scenarios of the availability SLI, the first with the result of its last run. */
function seed7(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO scenarios (id, sli_id, name, scenario, last_run, position, updated_ms) VALUES (?, 11, ?, ?, ?, ?, ?)');
  insert.run(71, 'Ten deploys a week', JSON.stringify(tenDeploys()), JSON.stringify(runOf('Ten deploys a week')), 1, 1767225600000);
  insert.run(72, 'Nightly batch', JSON.stringify(NIGHTLY_BATCH), null, 2, 1767225700000);
}

/** A scenario as a schema-7 workspace stores it: every field written out, as the scenario schema fills them in. */
const NIGHTLY_BATCH = {
  ...tenDeploys('Nightly batch'),
  description: '',
  traffic: { requestsPerDay: null, shape: 'nightly-batch', growthPerMonth: 0 },
  deploys: { weekdays: ['mon', 'thu'], hour: 2, failureProbability: 0.1, errorRate: 1, detectMinutes: 30, rollbackMinutes: 15, canaryShare: 1 },
  events: [],
};

/** Schema 8: the latency SLI's histogram, and a custom SLI with its wording and queries and a freshness SLI on payments-api. */
function seed8(db: Database.Database): void {
  db.prepare('UPDATE slis SET histogram = ? WHERE id = 12').run(JSON.stringify(HISTOGRAM));
  db.prepare(
    `INSERT INTO slis (id, service_id, name, kind, latency_threshold_ms, position, freshness_max_age_ms, wording, queries, histogram)
     VALUES (22, 2, 'rated helpful', 'custom', NULL, 2, NULL, ?, ?, NULL), (23, 2, 'ledger freshness', 'freshness', NULL, 3, 600000, NULL, NULL, NULL)`,
  ).run(JSON.stringify(WORDING), JSON.stringify(QUERIES));
}

const HISTOGRAM = { metric: 'http_request_duration_seconds', le: '0.3' };
const WORDING = { good: 'responses rated helpful', total: 'rated responses' };
const QUERIES = { form: 'good-total', good: 'sum(rate(ratings_total{helpful="yes"}[{{.window}}]))', total: 'sum(rate(ratings_total[{{.window}}]))' };

/** Schema 9: version 1 of checkout with two sign-offs and a comment, engineering and product as the only required roles, a six-month SLO review. */
function seed9(db: Database.Database): void {
  db.prepare(
    "INSERT INTO review_versions (id, service_id, number, rationale, created_ms, snapshot) VALUES (91, 1, 1, 'First agreed tiers', 1767225600000, ?)",
  ).run(JSON.stringify(REVIEW_SNAPSHOT));
  db.exec(`
    INSERT INTO review_signoffs (id, version_id, name, role, decision, rationale, day, created_ms) VALUES
      (911, 91, 'Ana Ops', 'engineering', 'approve', 'Alerts look right', '2026-01-02', 1767312000000),
      (912, 91, 'Ben Prod', 'product', 'object', 'Too loose for checkout', '2026-01-03', 1767398400000);
    INSERT INTO review_comments (id, version_id, author, text, created_ms) VALUES (913, 91, 'Cy', 'Can we see last quarter?', 1767398500000);
    DELETE FROM review_roles WHERE role IN ('business', 'operations');
    INSERT INTO review_periods (service_id, tier, months) VALUES (1, 'slo', 6);
  `);
}

/** The plan a schema-9 version holds (any object with a service and its alert sets passes the schema). */
const REVIEW_SNAPSHOT = { alertSets: [], service: { id: 1, name: 'checkout', slis: [] } };

const SEEDS = [seed1, seed2, seed3, seed4, seed5, seed6, seed7, seed8, seed9];

/** Creates a workspace at `version` (migrations 1..version only) holding the rows of every version up to it. */
export function workspaceAt(path: string, version: number): void {
  const { db } = createWorkspaceDb(path, MIGRATIONS.slice(0, version));
  for (const seed of SEEDS.slice(0, version)) seed(db);
  db.close();
}

/** What the newest CatalogRepo reads from the schema-1 rows (with the schema-2 rows when `withSchema2`). */
export function expectedServices(withSchema2: boolean, withSchema8 = false): Service[] {
  const services = servicesUpTo7(withSchema2);
  if (!withSchema8) return services;
  const [checkout, payments] = services as [Service, Service];
  checkout.slis[1]!.histogram = HISTOGRAM;
  payments.slis.push(
    {
      id: 22,
      serviceId: 2,
      name: 'rated helpful',
      kind: 'custom',
      latencyThresholdMs: null,
      ...NO_SLI_DETAILS,
      wording: WORDING,
      queries: QUERIES as Service['slis'][number]['queries'],
      objectives: {},
    },
    {
      id: 23,
      serviceId: 2,
      name: 'ledger freshness',
      kind: 'freshness',
      latencyThresholdMs: null,
      ...NO_SLI_DETAILS,
      freshnessMaxAgeMs: 600000,
      objectives: {},
    },
  );
  return services;
}

function servicesUpTo7(withSchema2: boolean): Service[] {
  return [
    {
      id: 1,
      name: 'checkout',
      owner: 'team-payments',
      description: 'The basket and the payment page',
      requestsPerDay: withSchema2 ? 1250000.5 : null,
      dependencies: withSchema2 ? [{ dependsOnId: 2, redundancyGroup: 'payments' }] : [],
      policy: withSchema2 ? { ...DEFAULT_POLICY, warningBelowPercent: 40 } : null,
      slis: [
        {
          id: 11,
          serviceId: 1,
          name: 'availability',
          kind: 'availability',
          latencyThresholdMs: null,
          ...NO_SLI_DETAILS,
          objectives: {
            sla: {
              tier: 'sla',
              targetPpm: 995000,
              window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' },
              method: 'occurrences',
              timeslice: null,
              latencyThresholdMs: null,
            },
            slo: { tier: 'slo', targetPpm: 999000, window: { kind: 'rolling', days: 30 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
          },
        },
        {
          id: 12,
          serviceId: 1,
          name: 'latency',
          kind: 'latency',
          latencyThresholdMs: 300,
          ...NO_SLI_DETAILS,
          objectives: {
            target: {
              tier: 'target',
              targetPpm: 990000,
              window: { kind: 'rolling', days: 28 },
              method: 'timeslices',
              timeslice: { sliceMinutes: 5, sliceTargetPpm: 950000 },
              latencyThresholdMs: 250,
            },
          },
        },
      ],
    },
    {
      id: 2,
      name: 'payments-api',
      owner: '',
      description: '',
      requestsPerDay: null,
      dependencies: [],
      policy: null,
      slis: [
        {
          id: 21,
          serviceId: 2,
          name: 'availability',
          kind: 'availability',
          latencyThresholdMs: null,
          ...NO_SLI_DETAILS,
          objectives: {
            slo: {
              tier: 'slo',
              targetPpm: 999500,
              window: { kind: 'rolling', days: 30 },
              method: 'ratio-timeslices',
              timeslice: { sliceMinutes: 1, sliceTargetPpm: 900000 },
              latencyThresholdMs: null,
            },
          },
        },
      ],
    },
  ];
}

/** Checks, through the newest repositories, that every row written at `version` or before reads back exactly. */
export function expectSeedsOf(db: Database.Database, version: number): void {
  expect(db.prepare("SELECT value FROM workspace_meta WHERE key = 'created_by'").pluck().get()).toBe('SLO Workbench 0.1.0');
  expect(new CatalogRepo(db).listServices()).toEqual(expectedServices(version >= 2, version >= 8));
  const sets = new AlertSetRepo(db).list();
  expect(sets).toEqual(version >= 2 ? [{ ...WEEKLY_SPEC, name: 'weekly on-call', id: 7 }] : []);
  const series = new SeriesRepo(db);
  if (version >= 3) {
    expect(series.findImport(11, 'aa11')).toMatchObject({ id: 31, acceptedRows: SERIES_POINTS, rejectedRows: 3, mergedRows: 0, status: 'done' });
    expect(series.listSeries(31)).toEqual([
      { id: 301, importId: 31, name: 'availability', stepMs: 60000, points: SERIES_POINTS, startMs: seriesT[0], endMs: seriesT.at(-1), latency: null },
    ]);
    expect(series.readSeries(301)).toEqual({ t: seriesT, good: seriesGood, total: seriesTotal });
  } else {
    expect(series.listImports(11)).toEqual([]);
  }
  const exclusions = new ExclusionRepo(db).listForService(1);
  expect(exclusions.map((e) => [e.id, e.sliId, e.category, e.durationMinutes, e.rrule, e.timeZone])).toEqual(
    version >= 4
      ? [
          [41, null, 'maintenance', 90, 'FREQ=WEEKLY;BYDAY=SU', 'Europe/Berlin'],
          [42, 11, 'dependency', 45, null, 'UTC'],
        ]
      : [],
  );
  if (version >= 5) expect(series.readLatency(501)).toEqual({ kind: 'values', unit: 's', valuesMs: latencyMs });
  if (version >= 6) expect(series.findImport(21, 'cc33')?.mergedRows).toBe(12);
  const scenarios = new ScenarioRepo(db).listForSli(11);
  expect(scenarios).toEqual(
    version >= 7
      ? [
          { id: 71, sliId: 11, serviceId: 1, scenario: tenDeploys(), lastRun: runOf('Ten deploys a week'), updatedMs: 1767225600000 },
          { id: 72, sliId: 11, serviceId: 1, scenario: NIGHTLY_BATCH, lastRun: null, updatedMs: 1767225700000 },
        ]
      : [],
  );
  const review = new ReviewRepo(db);
  const versions = review.listVersions(1);
  expect(versions).toEqual(
    version >= 9 ? [{ id: 91, serviceId: 1, number: 1, rationale: 'First agreed tiers', createdMs: 1767225600000, snapshot: REVIEW_SNAPSHOT }] : [],
  );
  expect(review.requiredRoles()).toEqual(version >= 9 ? ['engineering', 'product'] : ['engineering', 'product', 'business', 'operations']);
  if (version >= 9) {
    expect(review.listSignoffs(91).map((s) => [s.id, s.name, s.role, s.decision, s.date])).toEqual([
      [911, 'Ana Ops', 'engineering', 'approve', '2026-01-02'],
      [912, 'Ben Prod', 'product', 'object', '2026-01-03'],
    ]);
    expect(review.listComments(91)).toEqual([{ id: 913, versionId: 91, author: 'Cy', text: 'Can we see last quarter?', createdMs: 1767398500000 }]);
  }
  expect(review.periods(1)).toEqual(version >= 9 ? { slo: 6 } : {});
}
