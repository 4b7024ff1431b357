import { PPM_PER_WHOLE } from '../domain/percent';
import type { BudgetingMethod, SloWindow, Timeslice } from '../domain/types';
import { periodContaining, periodLengthRange } from './calendar';

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** A length in minutes as a range: a rolling window or one named period has one length, a kind of calendar period several. */
export type WindowMinutes = { min: number; max: number };

/**
 * The length of a window in minutes. Rolling windows have one length. A calendar window measured at an instant
 * is the real period containing it; without an instant it spans its shortest to its longest period.
 */
export function windowMinutes(window: SloWindow, atMs?: number): WindowMinutes {
  if (window.kind === 'rolling') {
    const minutes = window.days * MINUTES_PER_DAY;
    return { min: minutes, max: minutes };
  }
  if (atMs === undefined) return periodLengthRange(window.unit, window.timeZone);
  const { minutes } = periodContaining(window.unit, window.timeZone, atMs);
  return { min: minutes, max: minutes };
}

/** Error budget as a fraction of the window, from a target in ppm: 999000 → 0.001. */
export function budgetFraction(targetPpm: number): number {
  return (PPM_PER_WHOLE - targetPpm) / PPM_PER_WHOLE;
}

/** Allowed bad minutes in a window of the given length: (1 − target) × window (SRE workbook downtime table). */
export function budgetMinutes(targetPpm: number, minutes: number): number {
  // Integer arithmetic first keeps 99.9 % × 43,200 min exactly 43.2.
  return ((PPM_PER_WHOLE - targetPpm) * minutes) / PPM_PER_WHOLE;
}

/**
 * Allowed bad minutes under a budgeting method. Occurrences and RatioTimeslices allow (1 − target) of the window;
 * Timeslices allow only whole bad slices, so the budget rounds down to a multiple of the slice length.
 */
export function methodBudgetMinutes(targetPpm: number, minutes: number, method: BudgetingMethod, timeslice: Timeslice | null): number {
  if (method !== 'timeslices' || !timeslice) return budgetMinutes(targetPpm, minutes);
  return badSliceBudget(targetPpm, slicesInWindow(minutes, timeslice.sliceMinutes)) * timeslice.sliceMinutes;
}

/** Whole slices in a window of the given length; a part slice at its end is not counted. */
export function slicesInWindow(minutes: number, sliceMinutes: number): number {
  return Math.floor(minutes / sliceMinutes);
}

/** Allowed bad slices under Timeslices: (1 − target) × slices, rounded down, since a slice is good or bad as a whole. */
export function badSliceBudget(targetPpm: number, slices: number): number {
  return Math.floor(((PPM_PER_WHOLE - targetPpm) * slices) / PPM_PER_WHOLE);
}

/** The error budget of a target over a window, in minutes; one value at an instant, a range across calendar periods. */
export function budgetMinutesForWindow(targetPpm: number, window: SloWindow, atMs?: number): WindowMinutes {
  const length = windowMinutes(window, atMs);
  return { min: budgetMinutes(targetPpm, length.min), max: budgetMinutes(targetPpm, length.max) };
}

/** Requests in a window of the given length at a steady daily traffic. */
export function eventsInWindow(requestsPerDay: number, minutes: number): number {
  return (requestsPerDay * minutes) / MINUTES_PER_DAY;
}

/** Allowed bad events: (1 − target) × total events, rounded down, since a fraction of a request cannot fail. */
export function badEventBudget(targetPpm: number, totalEvents: number): number {
  // A hair of tolerance stops 0.001 × 1e6 = 999.9999999 from rounding down to 999.
  return Math.floor(((PPM_PER_WHOLE - targetPpm) * totalEvents) / PPM_PER_WHOLE + 1e-9);
}

/** Formats a duration given in minutes with a unit that keeps it readable: 43.2 min, 7.2 h, 3.65 d, 8.6 s. */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0 s';
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  if (m < 1) return `${sign}${round(m * 60, 1)} s`;
  if (m < 60) return `${sign}${round(m, 1)} min`;
  if (m < MINUTES_PER_DAY) return `${sign}${round(m / 60, 2)} h`;
  return `${sign}${round(m / MINUTES_PER_DAY, 2)} d`;
}

/** Formats a budget range: one value for rolling windows, "min–max" for calendar windows. */
export function formatMinutesRange(range: WindowMinutes): string {
  return range.min === range.max ? formatMinutes(range.min) : `${formatMinutes(range.min)}–${formatMinutes(range.max)}`;
}

/** Formats a count of events with thousands separators: 1296000 → "1,296,000". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
