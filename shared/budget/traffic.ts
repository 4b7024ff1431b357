import type { FieldCheck } from '../domain/validation';

/** The most traffic accepted, in requests per day (the contract's bound): beyond it a typo is likelier than a service. */
export const MAX_REQUESTS_PER_DAY = 1e15;

// Digits with optional thousands separators (1,000,000 or 1 000 000 or 1_000_000) and decimals; no exponents or hex.
const NUMBER = /^[+-]?(\d{1,3}([,_ \u00a0\u202f]\d{3})+|\d+)(\.\d+)?$/;

/**
 * Parses traffic typed as requests per day ("1000000", "1,000,000"); empty text clears it (null).
 * The messages are the ones the UI shows beside the field and the CLI prints.
 */
export function parseRequestsPerDay(text: string): FieldCheck<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!NUMBER.test(trimmed)) return { ok: false, message: `Traffic must be a number of requests per day such as 1000000, not "${trimmed}"` };
  const value = Number(trimmed.replace(/[,_ \u00a0\u202f]/g, ''));
  if (value < 0) return { ok: false, message: 'Traffic must not be negative' };
  if (value > MAX_REQUESTS_PER_DAY) return { ok: false, message: 'Traffic must be at most 10^15 requests per day' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
