// The `alerts` report: the multi-window, multi-burn-rate alerts of one target over one window.
import { alertRows, fitAlertSet, formatBudgetPercent, formatDuration, type AlertWindowSet } from '#shared/budget/alerts';
import { formatMinutes } from '#shared/budget/budget';
import { formatFactor, formatRatePercent } from '#shared/budget/downtime';
import { formatPpmPercent } from '#shared/domain/percent';
import type { FieldCheck } from '#shared/domain/validation';
import { describeWindowPeriod } from './budget-report';
import { envelope, roundMinutes } from './json-build';
import type { JsonAlertsReport, JsonWindowPeriod } from './json-output';
import { renderItems } from './text-output';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Builds the `alerts` document: the set fitAlertSet gives the window's length (as the tier editor and the backtest
 * do), and for each alert its windows, burn-rate threshold, error rate, time to exhaust the budget and warning.
 * Refuses what alertRows refuses.
 */
export function alertsReport(
  targetPpm: number,
  window: JsonWindowPeriod,
  sets: readonly AlertWindowSet[],
  source: 'built-in' | 'file',
): FieldCheck<JsonAlertsReport> {
  const { set, madeFor, scaling } = fitAlertSet(sets, window.minutes);
  const rows = alertRows(set, targetPpm);
  if (!rows.ok) return rows;
  return {
    ok: true,
    value: {
      ...envelope('alerts'),
      target: formatPpmPercent(targetPpm),
      targetPpm,
      window,
      alertSet: { name: set.name, source, period: formatDuration(madeFor.periodMinutes), scaled: scaling !== 'none', scaling },
      alerts: rows.value.map((r) => ({
        severity: r.severity,
        speed: r.speed,
        budgetPercent: round(r.budgetPercent, 9),
        longWindow: formatDuration(r.longMinutes),
        shortWindow: formatDuration(r.shortMinutes),
        longMinutes: r.longMinutes,
        shortMinutes: r.shortMinutes,
        factor: round(r.factor, 9),
        errorRate: round(r.errorRate, 12),
        errorRatePercent: formatRatePercent(r.errorRate),
        exhaustMinutes: roundMinutes(r.exhaustMinutes),
        warning: r.warning,
      })),
    },
  };
}

/** The `alerts` document as an aligned table for people, then a line for each alert's warning. */
export function alertsReportLines(doc: JsonAlertsReport): string[] {
  const set = doc.alertSet;
  const from = set.scaled ? `${set.name} (made for ${set.period})` : set.name;
  const header = ['severity', 'speed', 'budget', 'long', 'short', 'burn rate', 'error rate', 'budget gone in'];
  const rows = doc.alerts.map((a) => [
    a.severity,
    a.speed,
    formatBudgetPercent(a.budgetPercent),
    a.longWindow,
    a.shortWindow,
    `×${formatFactor(a.factor)}`,
    `${a.errorRatePercent} %`,
    formatMinutes(a.exhaustMinutes),
  ]);
  return [
    `Alerts for ${doc.target} % over ${describeWindowPeriod(doc.window)}, from ${from}`,
    ...renderItems([header, ...rows].map((row) => ({ row }))),
    ...doc.alerts.flatMap((a) => (a.warning ? [`warning: ${a.severity} ${a.speed}: ${a.warning.message}`] : [])),
  ];
}
