import type { Migration } from './index';

/**
 * Rows an import merged as duplicates of a time, kept beside the rows accepted and rejected, so an import's summary
 * (and the same file imported again) always adds up to the rows of its file. Imports made before this step record 0.
 */
export const migration006: Migration = {
  version: 6,
  name: 'merged rows',
  sql: `
    ALTER TABLE imports ADD COLUMN merged_rows INTEGER NOT NULL DEFAULT 0 CHECK (merged_rows >= 0);
  `,
};
