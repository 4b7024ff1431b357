import { migration001 } from './001-initial';

/** One numbered, append-only schema step; it runs with its version bump in one transaction. */
export type Migration = { version: number; name: string; sql: string };

/** Every migration, in order. Never edit a released one: append a new one. */
export const MIGRATIONS: readonly Migration[] = [migration001];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
