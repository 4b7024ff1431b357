// Numbers as the workshop reads them: the downtime table of docs/formats.md (SRE workbook arithmetic) prints
// seconds and minutes with one decimal, hours and days with three significant digits; these helpers do the same.
import { MINUTES_PER_DAY } from './budget';

/** One column of the downtime table: its heading and its length in minutes. */
export type DowntimePeriod = { key: string; label: string; minutes: number };

/** The periods of the published downtime table: a day, a week, 28 and 30 days, a quarter (90 d) and a year (365 d). */
export const DOWNTIME_PERIODS: readonly DowntimePeriod[] = [
  { key: '1d', label: 'day', minutes: MINUTES_PER_DAY },
  { key: '7d', label: 'week', minutes: 7 * MINUTES_PER_DAY },
  { key: '28d', label: '28 days', minutes: 28 * MINUTES_PER_DAY },
  { key: '30d', label: '30 days', minutes: 30 * MINUTES_PER_DAY },
  { key: '90d', label: 'quarter · 90 d', minutes: 90 * MINUTES_PER_DAY },
  { key: '365d', label: 'year · 365 d', minutes: 365 * MINUTES_PER_DAY },
];

// Half-up decimal rounding: 2628 min is 1.825 d, which binary floats hold as 1.82499…; the table says 1.83.
function fixed(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return (Math.round(value * factor * (1 + 1e-12)) / factor).toFixed(decimals);
}

function significant3(value: number): string {
  const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = fixed(value, decimals);
  // 9.996 rounds up to "10.00": one digit too many.
  return text.replace('.', '').replace(/^0+/, '').length > 3 && decimals > 0 ? fixed(value, decimals - 1) : text;
}

/** Formats allowed downtime the way the downtime table prints it: 8.6 s, 1.4 min, 7.20 h, 1.83 d. */
export function formatDowntime(minutes: number): string {
  if (minutes < 0 || !Number.isFinite(minutes)) return '—';
  if (minutes < 1) return `${fixed(minutes * 60, 1)} s`;
  if (minutes < 60) return `${fixed(minutes, 1)} min`;
  if (minutes < MINUTES_PER_DAY) return `${significant3(minutes / 60)} h`;
  return `${significant3(minutes / MINUTES_PER_DAY)} d`;
}

/** Formats a period length in days and hours, so a DST month shows its odd hour: "28 d", "30 d 23 h", "31 d 1 h". */
export function formatPeriodLength(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes - days * MINUTES_PER_DAY;
  const hours = Math.floor(rest / 60);
  const mins = Math.round(rest - hours * 60);
  return [days ? `${days} d` : '', hours ? `${hours} h` : '', mins ? `${mins} min` : ''].filter(Boolean).join(' ') || '0 min';
}

/** Formats a burn-rate factor with at most 4 decimals: 14.4, 5.6 (not 5.6000000000000005), 0.9333. */
export function formatFactor(factor: number): string {
  return String(Math.round(factor * 1e4) / 1e4);
}

/** Formats a fraction (0..1) as a percentage with 4 significant digits and no trailing zeros: 0.0144 → "1.44". */
export function formatRatePercent(fraction: number): string {
  if (fraction === 0) return '0';
  return String(Number((fraction * 100).toPrecision(4)));
}
