import type { Migration } from './index';

/**
 * What-if scenarios of an SLI: the scenario's fields as JSON (a Scenario of shared/simulation/scenario.ts, its name
 * also kept in a column so names are unique per SLI) and the result of its last run (a SimulationResult), null until
 * it has been run or after it was changed. Deleting the SLI deletes its scenarios.
 */
export const migration007: Migration = {
  version: 7,
  name: 'scenarios',
  sql: `
    CREATE TABLE scenarios (
      id         INTEGER PRIMARY KEY,
      sli_id     INTEGER NOT NULL REFERENCES slis(id) ON DELETE CASCADE,
      name       TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80 AND name = trim(name)),
      scenario   TEXT NOT NULL CHECK (json_valid(scenario) AND json_type(scenario) = 'object' AND json_extract(scenario, '$.name') = name COLLATE BINARY),
      last_run   TEXT CHECK (last_run IS NULL OR (json_valid(last_run) AND json_type(last_run) = 'object')),
      position   INTEGER NOT NULL CHECK (position >= 1),
      updated_ms INTEGER NOT NULL CHECK (updated_ms >= 0),
      UNIQUE (sli_id, name)
    ) STRICT;
    CREATE INDEX scenarios_by_sli ON scenarios(sli_id, position);
  `,
};
