/** Stable error codes that cross every transport; UIs and scripts may branch on them. */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NO_WORKSPACE',
  'READ_ONLY',
  'NOT_FOUND',
  'CONFLICT',
  'FILE_EXISTS',
  'FILE_NOT_FOUND',
  'NOT_A_WORKSPACE',
  'UNSAFE_PATH',
  'CORRUPT_WORKSPACE',
  'STORAGE_FULL',
  'IO_ERROR',
  'BUSY',
  'NOTHING_TO_UNDO',
  'UNDO_FAILED',
  'CANCELLED',
  'INTERNAL',
] as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extra facts about an error: the form field it belongs to, the file and position it concerns. */
export type ErrorDetails = { field?: string; path?: string; line?: number; column?: number; [key: string]: unknown };

/** An expected failure, carried as data: a stable code, a sentence for people and optional details. */
export type AppError = { code: ErrorCode; message: string; details?: ErrorDetails };

/** A result as it crosses IPC, HTTP and the CLI: either a value or an error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: ErrorCode, message: string, details?: ErrorDetails): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** An exception that carries an AppError, thrown inside the core and turned back into a result at its edge. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppFailure';
    this.error = details === undefined ? { code, message } : { code, message, details };
  }
}

/** True when the value is a well-formed result envelope. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}
