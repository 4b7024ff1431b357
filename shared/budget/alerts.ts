import type { SloWindow } from '../domain/types';
import type { FieldCheck } from '../domain/validation';
import { budgetFraction, formatMinutes, windowMinutes } from './budget';
import { formatFactor, formatRatePercent } from './downtime';

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
  { severity: 'page', speed: 'quick' },
  { severity: 'page', speed: 'slow' },
  { severity: 'ticket', speed: 'quick' },
  { severity: 'ticket', speed: 'slow' },
];

/**
 * How a burn-rate factor is computed in floating point: 'exact' divides exact products once, so the published factors
 * come out as published (5.6 for the 28-day slow page); 'sloth' follows Sloth's getBurnRateFactor step by step in
 * hours (budget % × period hours ÷ 100 ÷ long window hours), which prints 5.6000000000000005 as Sloth's rules do.
 */
export type FactorArithmetic = 'exact' | 'sloth';

/**
 * Burn-rate factor of a window pair: the budget share it guards × the SLO period ÷ its long window
 * (SRE workbook; Sloth getBurnRateFactor). 2 % of 30 days over 1 hour is 14.4.
 */
export function burnRateFactor(window: AlertWindow, periodMinutes: number, arithmetic: FactorArithmetic = 'exact'): number {
  if (arithmetic === 'sloth') return (window.budgetPercent * goDurationHours(periodMinutes)) / 100 / goDurationHours(window.longMinutes);
  // One division of exact products keeps the published factors exact (14.4, 13.44).
  return (window.budgetPercent * periodMinutes) / (100 * window.longMinutes);
}

/**
 * A duration in hours as Go's time.Duration.Hours() computes it: whole hours plus the remaining nanoseconds ÷ 3.6e12,
 * so 5 minutes is 0.08333333333333333 exactly as Sloth sees it.
 */
export function goDurationHours(minutes: number): number {
  const ms = Math.round(minutes * 60_000);
  const hours = Math.floor(ms / 3_600_000);
  return hours + ((ms - hours * 3_600_000) * 1e6) / 3.6e12;
}

/**
 * Why an alert is of no use as it stands, in the words the UI and CLI show: it waits for an error rate of 100 % or
 * more and can never fire (alerts fire above their threshold), or its factor is below 1 and it fires while the service
 * is still within its budget. `kind` is for programs (JSON); people read `message`.
 */
export type AlertWarning = { kind: 'never-fires' | 'fires-within-budget'; message: string };

/** One alert as the UI and CLI list it. */
export type AlertRow = AlertKey &
  AlertWindow & {
    factor: number;
    /** The error rate (0..1) above which the alert fires: factor × (1 − target). */
    errorRate: number;
    /** How long the whole budget lasts at that rate, in minutes: period ÷ factor. */
    exhaustMinutes: number;
    /** What is wrong with the alert, or null when it can fire and only fires faster than the budget allows. */
    warning: AlertWarning | null;
  };

/** Floating-point slack: a set scaled to a period of odd minutes keeps factor 1 as 0.9999999999999999. */
const ROUNDING = 1e-9;

/**
 * The one place that decides whether an alert deserves a warning. Burn rates are compared with `>` (as Sloth's and
 * Prometheus rules do), so an error rate of exactly 100 % never fires either, and a factor of exactly 1 fires only
 * above the budgeted rate.
 */
export function alertWarning(severity: AlertKey['severity'], factor: number, budget: number, periodMinutes: number): AlertWarning | null {
  const errorRate = factor * budget;
  if (errorRate >= 1 - ROUNDING) {
    return {
      kind: 'never-fires',
      message:
        `Can never fire: it waits for more than ${formatRatePercent(errorRate)} % of requests to fail. ` +
        `Lower its burn rate (×${formatFactor(factor)}) below ×${formatFactor(1 / budget)} (guard a smaller share of the budget, or use longer windows), ` +
        'or choose a shorter SLO window.',
    };
  }
  if (factor < 1 - ROUNDING) {
    return {
      kind: 'fires-within-budget',
      message:
        `${severity === 'page' ? 'Pages' : 'Opens a ticket'} while the service is still within its budget: ` +
        `at ×${formatFactor(factor)} the budget lasts ${formatMinutes(periodMinutes / factor)}, longer than the ${formatMinutes(periodMinutes)} period. ` +
        'Raise its burn rate to ×1 or more (guard a larger share of the budget, or use a shorter long window).',
    };
  }
  return null;
}

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

/** Formats a budget share with at most 4 decimals: 2 → "2 %", a share a scaled set adjusted 12.395833… → "12.3958 %". */
export function formatBudgetPercent(percent: number): string {
  return `${Math.round(percent * 1e4) / 1e4} %`;
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
      return {
        ok: false,
        message: `The ${where} short window (${formatDuration(w.shortMinutes)}) must be shorter than its long window (${formatDuration(w.longMinutes)})`,
      };
    }
    if (w.longMinutes > set.periodMinutes) {
      return {
        ok: false,
        message: `The ${where} long window (${formatDuration(w.longMinutes)}) is longer than the SLO period (${formatDuration(set.periodMinutes)})`,
      };
    }
  }
  return { ok: true, value: set };
}

/** The shortest window a set scaled to a short period uses: one minute, the usual resolution of an SLI's samples. */
export const MIN_SCALED_WINDOW_MINUTES = 1;

/**
 * How a set was fitted to a period: used as made for it ('none'), its windows shrunk to a shorter period with its
 * factors kept ('windows'), or its windows kept and its factors grown with a longer period ('factors').
 */
export type AlertSetFit = { set: AlertWindowSet; madeFor: AlertWindowSet; scaling: 'none' | 'windows' | 'factors' };

/**
 * The alert set for an SLO period, the one rule the tier editor, the calculator, the CLI's `alerts`, the backtest and
 * the rule exporters share: the team's own set made for the period first, then a built-in set made for it; else the
 * first built-in set (the SRE workbook's 30 days) fitted to it. A shorter period gets its windows scaled by
 * period ÷ set period with the factors kept (14.4 / 6 / 3 / 1), so no default alert fires below burn rate 1; a longer
 * one keeps the windows, and the factors grow with the period (which alertWarning flags once they cannot fire).
 */
export function fitAlertSet(sets: readonly AlertWindowSet[], periodMinutes: number, own: readonly AlertWindowSet[] = []): AlertSetFit {
  const exact = own.find((s) => s.periodMinutes === periodMinutes) ?? sets.find((s) => s.periodMinutes === periodMinutes);
  if (exact) return { set: exact, madeFor: exact, scaling: 'none' };
  const base = sets[0] ?? SLOTH_30D;
  if (periodMinutes < base.periodMinutes) return { set: scaleWindows(base, periodMinutes), madeFor: base, scaling: 'windows' };
  return { set: { ...base, name: `${base.name}, scaled to ${formatDuration(periodMinutes)}`, periodMinutes }, madeFor: base, scaling: 'factors' };
}

/** The set fitAlertSet chooses for the period. */
export function chooseAlertSet(sets: readonly AlertWindowSet[], periodMinutes: number, own: readonly AlertWindowSet[] = []): AlertWindowSet {
  return fitAlertSet(sets, periodMinutes, own).set;
}

/**
 * The SLO period an objective's alerts are made for, in minutes: a rolling window's length, or the length of the
 * calendar period containing atMs (as the budget shown beside them).
 */
export function alertPeriodMinutes(window: SloWindow, atMs: number): number {
  return windowMinutes(window, atMs).min;
}

/**
 * The set's windows scaled by period ÷ its period, rounded to whole minutes, at least MIN_SCALED_WINDOW_MINUTES and
 * each short window shorter than its long one. The budget share follows the long window's rounding so the factor stays
 * the set's: whole-day periods round no long window (1h of 30 days is 2 minutes a day), so their shares are unchanged.
 */
function scaleWindows(base: AlertWindowSet, periodMinutes: number): AlertWindowSet {
  const scale = (w: AlertWindow): AlertWindow => {
    const shortMinutes = Math.max(MIN_SCALED_WINDOW_MINUTES, Math.round((w.shortMinutes * periodMinutes) / base.periodMinutes));
    const longMinutes = Math.max(shortMinutes + 1, Math.round((w.longMinutes * periodMinutes) / base.periodMinutes));
    // Exact integer products: an unrounded long window leaves the share exactly as it was.
    const budgetPercent = (w.budgetPercent * longMinutes * base.periodMinutes) / (w.longMinutes * periodMinutes);
    return { budgetPercent, shortMinutes, longMinutes };
  };
  return {
    name: `${base.name}, windows scaled to ${formatDuration(periodMinutes)}`,
    periodMinutes,
    page: { quick: scale(base.page.quick), slow: scale(base.page.slow) },
    ticket: { quick: scale(base.ticket.quick), slow: scale(base.ticket.slow) },
  };
}

/**
 * The page and ticket alerts of an SLO: windows, burn-rate threshold, the error rate it means, the time to burn the
 * whole budget at that rate and its warning. Refuses a set whose windows do not fit its own period.
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
      const warning = alertWarning(severity, factor, budget, set.periodMinutes);
      return { severity, speed, ...w, factor, errorRate: factor * budget, exhaustMinutes: set.periodMinutes / factor, warning };
    }),
  };
}
