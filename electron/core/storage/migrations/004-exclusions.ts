import type { Migration } from './index';

/**
 * Exclusions: periods left out of a service's history analysis, one-off or recurring by an RRULE, with a category
 * and a reason. An exclusion applies to the whole service, or to one of its SLIs when sli_id is set.
 */
export const migration004: Migration = {
  version: 4,
  name: 'exclusions',
  sql: `
    CREATE TABLE exclusions (
      id               INTEGER PRIMARY KEY,
      service_id       INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      sli_id           INTEGER REFERENCES slis(id) ON DELETE CASCADE,
      category         TEXT NOT NULL,
      reason           TEXT NOT NULL,
      start_ms         INTEGER NOT NULL,
      duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
      rrule            TEXT,
      time_zone        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exclusions_by_service ON exclusions(service_id);
  `,
};
