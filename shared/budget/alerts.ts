import type { FieldCheck } from '../domain/validation';
import { budgetFraction } from './budget';

/** One window pair of a multi-window, multi-burn-rate alert: the budget share it guards and its two windows. */
export type AlertWindow = { budgetPercent: number; shortMinutes: number; longMinutes: number };

/** A set of alert windows for one SLO period, as Sloth's AlertWindows: a quick and a slow pair for page and ticket. */
export type AlertWindowSet = {
  name: string;
  periodMinutes: number;
  page: { quick: AlertWindow; slow: AlertWindow };
  ticket: { quick: AlertWindow; slow: AlertWindow };
};

const DAY = 1440;

/** The SRE workbook's windows as Sloth ships them for a 30-day period (internal/alert/windows/google-30d.yaml). */
export const SLOTH_30D: AlertWindowSet = {
  name: 'SRE workbook, 30 days',
  periodMinutes: 30 * DAY,
  page: { quick: { budgetPercent: 2, shortMinutes: 5, longMinutes: 60 }, slow: { budgetPercent: 5, shortMinutes: 30, longMinutes: 360 } },
  ticket: { quick: { budgetPercent: 10, shortMinutes: 120, longMinutes: DAY }, slow: { budgetPercent: 10, shortMinutes: 360, longMinutes: 3 * DAY } },
};

/** The same windows for a four-week period (google-28d.yaml). */
export const SLOTH_28D: AlertWindowSet = { ...SLOTH_30D, name: 'SRE workbook, 28 days', periodMinutes: 28 * DAY };

/** The built-in sets, offered before any the team defines. */
export const DEFAULT_ALERT_SETS: readonly AlertWindowSet[] = [SLOTH_30D, SLOTH_28D];

/** Severity and speed of one alert of a set. */
export type AlertKey = { severity: 'page' | 'ticket'; speed: 'quick' | 'slow' };

/** Every alert of a set, in order of urgency. */
export const ALERT_KEYS: readonly AlertKey[] = [
  { severity: 'page', speed: 'quick' }, { severity: 'page', speed: 'slow' },
  { severity: 'ticket', speed: 'quick' }, { severity: 'ticket', speed: 'slow' },
];

/**
 * Burn-rate factor of a window pair: the budget share it guards × the SLO period ÷ its long window
 * (SRE workbook; Sloth getBurnRateFactor). 2 % of 30 days over 1 hour is 14.4.
 */
export function burnRateFactor(window: AlertWindow, periodMinutes: number): number {
  // One division of exact products keeps the published factors exact (14.4, 13.44).
  return (window.budgetPercent * periodMinutes) / (100 * window.longMinutes);
}

/** One alert as the UI and CLI list it. */
export type AlertRow = AlertKey & AlertWindow & {
  factor: number;
  /** The error rate (0..1) at which the alert fires: factor × (1 − target). */
  errorRate: number;
  /** How long the whole budget lasts at that rate, in minutes: period ÷ factor. */
  exhaustMinutes: number;
};

/** Parses a duration such as 5m, 1h, 1d, 4w, 30d into minutes. */
export function parseDuration(text: string): FieldCheck<number> {
  const m = /^(\d+(?:\.\d+)?)(m|h|d|w)$/.exec(text.trim());
  if (!m) return { ok: false, message: `A duration is a number and a unit (m, h, d or w), such as 5m or 1h, not "${text.trim()}"` };
  const n = Number(m[1]);
  const minutes = n * { m: 1, h: 60, d: DAY, w: 7 * DAY }[m[2] as 'm' | 'h' | 'd' | 'w'];
  if (!(minutes > 0)) return { ok: false, message: `A duration must be longer than 0, not "${text.trim()}"` };
  return { ok: true, value: minutes };
}

/** Formats minutes as the largest whole unit: 60 → 1h, 4320 → 3d, 40320 → 28d, 90 → 90m. */
export function formatDuration(minutes: number): string {
  if (minutes % DAY === 0) return `${minutes / DAY}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** Checks an alert set: a name, budget shares in (0, 100], each short window shorter than its long one, all within the period. */
export function checkAlertSet(set: AlertWindowSet): FieldCheck<AlertWindowSet> {
  if (set.name.trim() === '') return { ok: false, message: 'An alert set needs a name' };
  if (!(set.periodMinutes > 0)) return { ok: false, message: 'The SLO period of an alert set must be longer than 0' };
  for (const { severity, speed } of ALERT_KEYS) {
    const w = set[severity][speed];
    const where = `${severity} ${speed}`;
    if (!(w.budgetPercent > 0 && w.budgetPercent <= 100)) return { ok: false, message: `The ${where} budget share must be above 0 % and at most 100 %` };
    if (!(w.shortMinutes > 0 && w.longMinutes > 0)) return { ok: false, message: `The ${where} windows must be longer than 0` };
    if (w.shortMinutes >= w.longMinutes) {
      return { ok: false, message: `The ${where} short window (${formatDuration(w.shortMinutes)}) must be shorter than its long window (${formatDuration(w.longMinutes)})` };
    }
    if (w.longMinutes > set.periodMinutes) {
      return { ok: false, message: `The ${where} long window (${formatDuration(w.longMinutes)}) is longer than the SLO period (${formatDuration(set.periodMinutes)})` };
    }
  }
  return { ok: true, value: set };
}

/**
 * The set for a period: the team's own set made for it first, then a standard set made for it, else the first
 * standard set's windows and budget shares scaled to the period (factors scale with the period).
 */
export function chooseAlertSet(sets: readonly AlertWindowSet[], periodMinutes: number, own: readonly AlertWindowSet[] = []): AlertWindowSet {
  const exact = own.find((s) => s.periodMinutes === periodMinutes) ?? sets.find((s) => s.periodMinutes === periodMinutes);
  if (exact) return exact;
  const base = sets[0] ?? SLOTH_30D;
  return { ...base, name: `${base.name}, scaled to ${formatDuration(periodMinutes)}`, periodMinutes };
}

/**
 * The page and ticket alerts of an SLO: windows, burn-rate threshold, the error rate it means and the time to burn the
 * whole budget at that rate. Refuses an SLO window shorter than the longest alert window.
 */
export function alertRows(set: AlertWindowSet, targetPpm: number): FieldCheck<AlertRow[]> {
  const checked = checkAlertSet(set);
  if (!checked.ok) return checked;
  const budget = budgetFraction(targetPpm);
  if (!(budget > 0)) return { ok: false, message: 'A 100 % target has no error budget, so no burn rate can be alerted on' };
  return {
    ok: true,
    value: ALERT_KEYS.map(({ severity, speed }) => {
      const w = set[severity][speed];
      const factor = burnRateFactor(w, set.periodMinutes);
      return { severity, speed, ...w, factor, errorRate: factor * budget, exhaustMinutes: set.periodMinutes / factor };
    }),
  };
}
