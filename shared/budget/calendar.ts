import { DateTime, IANAZone } from 'luxon';
import type { CalendarUnit } from '../domain/types';
import type { FieldCheck } from '../domain/validation';

/** One concrete calendar period: its bounds in UTC milliseconds, its real length in minutes and its name. */
export type CalendarPeriod = { startMs: number; endMs: number; minutes: number; label: string };

/** True when the zone is an IANA time-zone name this runtime knows ("UTC", "Europe/Berlin"). */
export function isKnownTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}

function label(start: DateTime, unit: CalendarUnit): string {
  if (unit === 'week') return `${start.toFormat("kkkk-'W'WW")}`;
  if (unit === 'month') return start.setLocale('en').toFormat('LLLL yyyy');
  if (unit === 'quarter') return `${start.year}-Q${start.quarter}`;
  return String(start.year);
}

function periodFrom(start: DateTime, unit: CalendarUnit): CalendarPeriod {
  const end = start.plus({ [unit === 'week' ? 'weeks' : unit === 'month' ? 'months' : unit === 'quarter' ? 'quarters' : 'years']: 1 });
  const startMs = start.toMillis();
  const endMs = end.toMillis();
  return { startMs, endMs, minutes: (endMs - startMs) / 60_000, label: label(start, unit) };
}

/**
 * The calendar period of the given unit that contains an instant, in a time zone. Its length is real:
 * February is shorter than March, and a month with a DST change gains or loses an hour.
 */
export function periodContaining(unit: CalendarUnit, timeZone: string, atMs: number): CalendarPeriod {
  const start = DateTime.fromMillis(atMs, { zone: timeZone }).startOf(unit);
  return periodFrom(start, unit);
}

const PERIOD_SYNTAX: Record<CalendarUnit, RegExp> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const PERIOD_EXAMPLE: Record<CalendarUnit, string> = { week: '2027-W05', month: '2027-02', quarter: '2027-Q1', year: '2027' };

/** Parses a named period ("2027-02", "2027-W05", "2027-Q1", "2027") of a unit in a time zone. */
export function parsePeriod(unit: CalendarUnit, text: string, timeZone: string): FieldCheck<CalendarPeriod> {
  const m = PERIOD_SYNTAX[unit].exec(text.trim());
  if (!m) return { ok: false, message: `A calendar ${unit} is written like ${PERIOD_EXAMPLE[unit]}, not "${text.trim()}"` };
  const year = Number(m[1]);
  const n = Number(m[2] ?? 1);
  const start =
    unit === 'week'
      ? DateTime.fromObject({ weekYear: year, weekNumber: n, weekday: 1 }, { zone: timeZone })
      : unit === 'month'
        ? DateTime.fromObject({ year, month: n, day: 1 }, { zone: timeZone })
        : unit === 'quarter'
          ? DateTime.fromObject({ year, month: (n - 1) * 3 + 1, day: 1 }, { zone: timeZone })
          : DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone });
  if (!start.isValid || (unit === 'week' && start.weekYear !== year) || (unit === 'month' && (n < 1 || n > 12))) {
    return { ok: false, message: `There is no calendar ${unit} ${text.trim()}` };
  }
  return { ok: true, value: periodFrom(start.startOf(unit), unit) };
}

const rangeCache = new Map<string, { min: number; max: number }>();

/**
 * The shortest and longest a period of this unit gets in a zone, in minutes, over the years 2024–2031
 * (leap years and the zone's DST rules included). Cached per unit and zone.
 */
export function periodLengthRange(unit: CalendarUnit, timeZone: string): { min: number; max: number } {
  const key = `${unit}|${timeZone}`;
  const cached = rangeCache.get(key);
  if (cached) return cached;
  let min = Infinity;
  let max = -Infinity;
  let start = DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone: timeZone }).startOf(unit);
  const stop = DateTime.fromObject({ year: 2032, month: 1, day: 1 }, { zone: timeZone }).toMillis();
  while (start.toMillis() < stop) {
    const p = periodFrom(start, unit);
    min = Math.min(min, p.minutes);
    max = Math.max(max, p.minutes);
    start = DateTime.fromMillis(p.endMs, { zone: timeZone });
  }
  const range = { min, max };
  rangeCache.set(key, range);
  return range;
}
