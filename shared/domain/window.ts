import { isKnownTimeZone } from '../budget/calendar';
import { CALENDAR_UNITS, type CalendarUnit, type SloWindow } from './types';
import { checkWindowDays, type FieldCheck } from './validation';

/** The window every new objective starts with: the SRE workbook's four weeks are common, but 30 days is the most quoted. */
export const DEFAULT_WINDOW: SloWindow = { kind: 'rolling', days: 30 };

/** A window as typed on the command line, with the named period a budget calculation asks about ("2027-02"), if any. */
export type WindowArg = { window: SloWindow; period: string | null };

/** Checks an IANA time-zone name. */
export function checkTimeZone(zone: string): FieldCheck<string> {
  return isKnownTimeZone(zone.trim())
    ? { ok: true, value: zone.trim() }
    : { ok: false, message: `Unknown time zone "${zone.trim()}": use an IANA name such as Europe/Berlin or UTC` };
}

/**
 * Parses the CLI spelling of a window: "30d", "4w", or "calendar-<week|month|quarter|year>" optionally followed by
 * ":<period>" (e.g. 2027-02) and/or ":<IANA zone>", e.g. "calendar-month:2027-02:Europe/Berlin".
 */
export function parseWindowArg(text: string): FieldCheck<WindowArg> {
  const spec = text.trim();
  const calendar = /^calendar-([a-z]+)((?::[^:]+){0,2})$/i.exec(spec);
  if (calendar) {
    const unit = calendar[1]!.toLowerCase();
    if (!(CALENDAR_UNITS as readonly string[]).includes(unit)) {
      return { ok: false, message: `Calendar windows are calendar-week, calendar-month, calendar-quarter or calendar-year, not "${spec}"` };
    }
    let period: string | null = null;
    let timeZone = 'UTC';
    for (const part of calendar[2]!.split(':').slice(1)) {
      if (/^\d{4}(-(W\d{2}|Q\d|\d{2}))?$/.test(part)) period = part;
      else {
        const zone = checkTimeZone(part);
        if (!zone.ok) return zone;
        timeZone = zone.value;
      }
    }
    return { ok: true, value: { window: { kind: 'calendar', unit: unit as CalendarUnit, timeZone }, period } };
  }
  const lower = spec.toLowerCase();
  const weeks = /^(\d+)w$/.exec(lower);
  const daysText = weeks ? String(Number(weeks[1]) * 7) : lower;
  if (!/^\d+d?$/.test(daysText)) {
    return { ok: false, message: `Window must be a number of days or weeks such as 30d or 4w, or calendar-month, not "${spec}"` };
  }
  const days = checkWindowDays(daysText);
  return days.ok ? { ok: true, value: { window: { kind: 'rolling', days: days.value }, period: null } } : days;
}

/** Parses an objective's window; a named period belongs to budget questions, not to an objective. */
export function parseWindowSpec(text: string): FieldCheck<SloWindow> {
  const arg = parseWindowArg(text);
  if (!arg.ok) return arg;
  if (arg.value.period !== null) {
    return { ok: false, message: `An objective's window is a kind of period, not one period: drop ":${arg.value.period}"` };
  }
  return { ok: true, value: arg.value.window };
}

/** Formats a window the way parseWindowSpec reads it; the zone is added unless it is UTC or left out on request. */
export function formatWindowSpec(window: SloWindow, withZone = false): string {
  if (window.kind === 'rolling') return `${window.days}d`;
  const base = `calendar-${window.unit}`;
  return withZone && window.timeZone !== 'UTC' ? `${base}:${window.timeZone}` : base;
}

/** Formats a window for people: "rolling 30 days", "calendar month (Europe/Berlin)". */
export function describeWindow(window: SloWindow): string {
  if (window.kind === 'rolling') return `rolling ${window.days} day${window.days === 1 ? '' : 's'}`;
  return `calendar ${window.unit} (${window.timeZone})`;
}
