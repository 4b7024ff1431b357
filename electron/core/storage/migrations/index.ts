import { migration001 } from './001-initial';
import { migration002 } from './002-budgets-and-dependencies';
import { migration003 } from './003-series';
import { migration004 } from './004-exclusions';
import { migration005 } from './005-latency-values';
import { migration006 } from './006-merged-rows';
import { migration007 } from './007-scenarios';
import { migration008 } from './008-sli-details';
import { migration009 } from './009-reviews';

/** One numbered, append-only schema step; it runs with its version bump in one transaction. */
export type Migration = { version: number; name: string; sql: string };

/** Every migration, in order. Never edit a released one: append a new one. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
