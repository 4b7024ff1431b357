// Test support for storage tests: a file's SHA-256, and the error a call fails with.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppFailure } from '#shared/ipc/errors';

/** The SHA-256 of a file's bytes, in hex: equal before and after means the file was not touched. */
export const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The error of the AppFailure fn throws; a test fails when fn throws something else or nothing. */
export function failureOf(fn: () => unknown): AppFailure['error'] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}
