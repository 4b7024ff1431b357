import type { Migration } from './index';

/** Services, their SLIs and the three tiers of each SLI. */
export const migration001: Migration = {
  version: 1,
  name: 'initial catalog',
  sql: `
    CREATE TABLE workspace_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE services (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
      owner       TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE slis (
      id                   INTEGER PRIMARY KEY,
      service_id           INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      name                 TEXT NOT NULL COLLATE NOCASE,
      kind                 TEXT NOT NULL,
      latency_threshold_ms REAL,
      position             INTEGER NOT NULL,
      UNIQUE (service_id, name)
    ) STRICT;
    CREATE INDEX slis_by_service ON slis(service_id, position);

    CREATE TABLE objectives (
      sli_id               INTEGER NOT NULL REFERENCES slis(id) ON DELETE CASCADE,
      tier                 TEXT NOT NULL CHECK (tier IN ('sla', 'slo', 'target')),
      target_ppm           INTEGER NOT NULL CHECK (target_ppm > 0 AND target_ppm < 1000000),
      window_kind          TEXT NOT NULL CHECK (window_kind IN ('rolling', 'calendar')),
      window_days          INTEGER CHECK (window_days IS NULL OR window_days >= 1),
      calendar_unit        TEXT,
      time_zone            TEXT,
      method               TEXT NOT NULL,
      slice_minutes        INTEGER,
      slice_target_ppm     INTEGER,
      latency_threshold_ms REAL,
      PRIMARY KEY (sli_id, tier)
    ) STRICT;
  `,
};
