import type { Migration } from './index';

/**
 * Imported history: one row per import (with the SHA-256 of its bytes, so the same file is recognised), its series,
 * and the samples of each series as Float64 BLOB chunks (docs/performance.md §2.2: 10× faster to write and
 * 24× faster to read than a row per sample).
 */
export const migration003: Migration = {
  version: 3,
  name: 'imported series',
  sql: `
    CREATE TABLE imports (
      id             INTEGER PRIMARY KEY,
      sli_id         INTEGER NOT NULL REFERENCES slis(id) ON DELETE CASCADE,
      sha256         TEXT NOT NULL,
      file_name      TEXT NOT NULL,
      format         TEXT NOT NULL,
      parser_version INTEGER NOT NULL,
      accepted_rows  INTEGER NOT NULL CHECK (accepted_rows >= 0),
      rejected_rows  INTEGER NOT NULL CHECK (rejected_rows >= 0),
      started_at     INTEGER NOT NULL,
      finished_at    INTEGER,
      status         TEXT NOT NULL CHECK (status IN ('running', 'done')),
      UNIQUE (sli_id, sha256)
    ) STRICT;

    CREATE TABLE series (
      id        INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      name      TEXT NOT NULL,
      step_ms   INTEGER,
      points    INTEGER NOT NULL CHECK (points >= 0),
      start_ms  INTEGER,
      end_ms    INTEGER
    ) STRICT;
    CREATE INDEX series_by_import ON series(import_id);

    CREATE TABLE series_chunks (
      series_id   INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
      chunk_index INTEGER NOT NULL,
      points      INTEGER NOT NULL CHECK (points > 0),
      t           BLOB NOT NULL,
      good        BLOB NOT NULL,
      total       BLOB NOT NULL,
      PRIMARY KEY (series_id, chunk_index)
    ) STRICT;
  `,
};
