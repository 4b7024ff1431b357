import type { SloWindow } from './types';
import { checkWindowDays, type FieldCheck } from './validation';

/** The window every new objective starts with: the SRE workbook's four weeks are common, but 30 days is the most quoted. */
export const DEFAULT_WINDOW: SloWindow = { kind: 'rolling', days: 30 };

/** Parses the CLI and file spelling of a window: "30d", "4w" or "calendar-month". */
export function parseWindowSpec(text: string): FieldCheck<SloWindow> {
  const spec = text.trim().toLowerCase();
  if (spec === 'calendar-month') return { ok: true, value: { kind: 'calendar', unit: 'month', timeZone: 'UTC' } };
  const weeks = /^(\d+)w$/.exec(spec);
  if (weeks) {
    const days = checkWindowDays(Number(weeks[1]) * 7);
    return days.ok ? { ok: true, value: { kind: 'rolling', days: days.value } } : days;
  }
  if (!/^\d+d?$/.test(spec)) {
    return { ok: false, message: `Window must be a number of days such as 30d, or calendar-month, not "${text.trim()}"` };
  }
  const days = checkWindowDays(spec);
  return days.ok ? { ok: true, value: { kind: 'rolling', days: days.value } } : days;
}

/** Formats a window the way parseWindowSpec reads it. */
export function formatWindowSpec(window: SloWindow): string {
  return window.kind === 'rolling' ? `${window.days}d` : 'calendar-month';
}

/** Formats a window for people: "rolling 30 days", "calendar month (UTC)". */
export function describeWindow(window: SloWindow): string {
  if (window.kind === 'rolling') return `rolling ${window.days} day${window.days === 1 ? '' : 's'}`;
  return `calendar month (${window.timeZone})`;
}
