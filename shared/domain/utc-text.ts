/** The largest |ms| a JavaScript Date can hold (±100,000,000 days around 1970). */
const DATE_LIMIT_MS = 8.64e15;

/**
 * A UTC time as people read it, `2026-01-01` (day) or `2026-01-01 00:00` (minute); null is "?". Never throws:
 * a time no date can show (NaN, or beyond year 275760) is written as its number of ms, so printing a summary
 * can never fail after what it describes was stored.
 */
export function utcText(ms: number | null, precision: 'day' | 'minute'): string {
  if (ms === null) return '?';
  if (!Number.isFinite(ms) || Math.abs(ms) > DATE_LIMIT_MS) return `${ms} ms since 1970`;
  const iso = new Date(ms).toISOString();
  return precision === 'day' ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}
