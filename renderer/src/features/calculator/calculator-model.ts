import { DateTime } from 'luxon';
import { badEventBudget, budgetMinutes, eventsInWindow, formatCount } from '#shared/budget/budget';
import { parsePeriod, periodContaining } from '#shared/budget/calendar';
import { DOWNTIME_PERIODS, formatDowntime, formatPeriodLength } from '#shared/budget/downtime';
import type { CalendarUnit } from '#shared/domain/types';
import { checkTimeZone } from '#shared/domain/window';

/** The targets offered as one-click buttons, as in the published downtime table. */
export const NINES = ['99', '99.5', '99.9', '99.95', '99.99', '99.999'] as const;

/** One column of the calculator's downtime table. */
export type DowntimeCell = { key: string; label: string; downtime: string; badEvents: string | null };

/** Allowed downtime per day, week, 28 and 30 days, quarter and year, and the bad requests allowed at a traffic. */
export function downtimeCells(targetPpm: number, requestsPerDay: number | null): DowntimeCell[] {
  return DOWNTIME_PERIODS.map((p) => ({
    key: p.key,
    label: p.label,
    downtime: formatDowntime(budgetMinutes(targetPpm, p.minutes)),
    badEvents: requestsPerDay === null ? null : formatCount(badEventBudget(targetPpm, eventsInWindow(requestsPerDay, p.minutes))),
  }));
}

/** How a calendar period is typed for a unit: 2027-W05, 2027-02, 2027-Q1, 2027. */
export function currentPeriodText(unit: CalendarUnit, timeZone: string, atMs: number): string {
  if (unit === 'month') return DateTime.fromMillis(atMs, { zone: timeZone }).toFormat('yyyy-MM');
  return periodContaining(unit, timeZone, atMs).label;
}

/** The budget of one real calendar period, or the messages of the period and zone fields. */
export type CalendarAnswer =
  | { ok: true; label: string; length: string; minutes: string; downtime: string; exact: string; badEvents: string | null }
  | { ok: false; errors: { period?: string; timeZone?: string } };

/** The real length of a named calendar period in a time zone, and the budget of a target over it. */
export function calendarAnswer(targetPpm: number, unit: CalendarUnit, periodText: string, zoneText: string, requestsPerDay: number | null): CalendarAnswer {
  const zone = checkTimeZone(zoneText === '' ? 'UTC' : zoneText);
  if (!zone.ok) return { ok: false, errors: { timeZone: zone.message } };
  const period = parsePeriod(unit, periodText, zone.value);
  if (!period.ok) return { ok: false, errors: { period: period.message } };
  const minutes = period.value.minutes;
  const budget = budgetMinutes(targetPpm, minutes);
  return {
    ok: true,
    label: `${period.value.label} in ${zone.value}`,
    length: formatPeriodLength(minutes),
    minutes: `${formatCount(minutes)} min`,
    downtime: formatDowntime(budget),
    exact: `${Math.round(budget * 1e4) / 1e4} min`,
    badEvents: requestsPerDay === null ? null : formatCount(badEventBudget(targetPpm, eventsInWindow(requestsPerDay, minutes))),
  };
}
