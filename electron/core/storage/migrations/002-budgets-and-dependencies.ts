import type { Migration } from './index';

/** Traffic per service, the dependency graph, per-service budget policies and user-defined alert window sets. */
export const migration002: Migration = {
  version: 2,
  name: 'budgets, policies and dependencies',
  sql: `
    ALTER TABLE services ADD COLUMN requests_per_day REAL CHECK (requests_per_day IS NULL OR requests_per_day >= 0);

    CREATE TABLE dependencies (
      service_id       INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      depends_on_id    INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      redundancy_group TEXT,
      PRIMARY KEY (service_id, depends_on_id),
      CHECK (service_id <> depends_on_id)
    ) STRICT;
    CREATE INDEX dependencies_by_target ON dependencies(depends_on_id);

    CREATE TABLE budget_policies (
      service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
      policy     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE alert_window_sets (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      spec TEXT NOT NULL
    ) STRICT;
  `,
};
