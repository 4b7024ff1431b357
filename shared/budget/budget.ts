import { PPM_PER_WHOLE } from '../domain/percent';
import type { SloWindow } from '../domain/types';

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** Length of a window in minutes, as a range: rolling windows have one length, calendar months 28 to 31 days. */
export type WindowMinutes = { min: number; max: number };

/** The length of a window in minutes; a calendar month spans the shortest (28-day) to the longest (31-day) month. */
export function windowMinutes(window: SloWindow): WindowMinutes {
  if (window.kind === 'rolling') {
    const minutes = window.days * MINUTES_PER_DAY;
    return { min: minutes, max: minutes };
  }
  return { min: 28 * MINUTES_PER_DAY, max: 31 * MINUTES_PER_DAY };
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

/** The error budget of a target over a window, in minutes, as a range for calendar windows. */
export function budgetMinutesForWindow(targetPpm: number, window: SloWindow): WindowMinutes {
  const length = windowMinutes(window);
  return { min: budgetMinutes(targetPpm, length.min), max: budgetMinutes(targetPpm, length.max) };
}

/** Formats a duration given in minutes with a unit that keeps it readable: 43.2 min, 7.2 h, 3.65 d, 8.6 s. */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0 s';
  if (minutes < 1) return `${round(minutes * 60, 1)} s`;
  if (minutes < 60) return `${round(minutes, 1)} min`;
  if (minutes < MINUTES_PER_DAY) return `${round(minutes / 60, 2)} h`;
  return `${round(minutes / MINUTES_PER_DAY, 2)} d`;
}

/** Formats a budget range: one value for rolling windows, "min–max" for calendar windows. */
export function formatMinutesRange(range: WindowMinutes): string {
  return range.min === range.max ? formatMinutes(range.min) : `${formatMinutes(range.min)}–${formatMinutes(range.max)}`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
