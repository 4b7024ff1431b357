import type { Migration } from './index';

/**
 * What an SLI is measured by, beyond its kind and latency threshold: a freshness SLI's maximum data age, its own
 * good/total wording (a custom SLI's "responses rated helpful" of "rated responses"), its Prometheus queries
 * (SliQueries of shared/domain/types.ts as JSON) and a latency SLI's histogram metric and `le` bucket (JSON). Every
 * column is NULL on the SLIs that were there before; kinds beyond availability and latency need no schema change.
 */
export const migration008: Migration = {
  version: 8,
  name: 'sli-details',
  sql: `
    ALTER TABLE slis ADD COLUMN freshness_max_age_ms REAL CHECK (freshness_max_age_ms IS NULL OR freshness_max_age_ms > 0);
    ALTER TABLE slis ADD COLUMN wording TEXT CHECK (wording IS NULL OR (json_valid(wording) AND json_type(wording) IS 'object' AND json_type(wording, '$.good') IS 'text'));
    ALTER TABLE slis ADD COLUMN queries TEXT CHECK (queries IS NULL OR (json_valid(queries) AND json_type(queries, '$.form') IS 'text'));
    ALTER TABLE slis ADD COLUMN histogram TEXT CHECK (histogram IS NULL OR (json_valid(histogram) AND json_type(histogram, '$.metric') IS 'text'));
  `,
};
