import type { Migration } from './index';

/**
 * Latency beside a series, so each tier is judged at its own threshold: for one-value-per-row sources each sample's
 * value in ms; for bucketed sources (access logs) each sample's events at or under a set of bounds in ms. `unit` is
 * the unit the values were written in. Chunks line up with series_chunks (same chunk_index, same points); a
 * 'counts' chunk holds one Uint32 column per bound, bound after bound (a 'values' chunk one Float64 column).
 */
export const migration005: Migration = {
  version: 5,
  name: 'latency values',
  sql: `
    CREATE TABLE series_latency (
      series_id INTEGER PRIMARY KEY REFERENCES series(id) ON DELETE CASCADE,
      kind      TEXT NOT NULL CHECK (kind IN ('values', 'counts')),
      unit      TEXT NOT NULL CHECK (unit IN ('ms', 's', 'us')),
      bounds_ms TEXT NOT NULL
    ) STRICT;

    CREATE TABLE series_latency_chunks (
      series_id   INTEGER NOT NULL REFERENCES series_latency(series_id) ON DELETE CASCADE,
      chunk_index INTEGER NOT NULL,
      data        BLOB NOT NULL,
      PRIMARY KEY (series_id, chunk_index)
    ) STRICT;
  `,
};
