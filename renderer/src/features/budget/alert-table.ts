import { alertRows, chooseAlertSet, DEFAULT_ALERT_SETS, formatBudgetPercent, formatDuration, type AlertWindowSet } from '#shared/budget/alerts';
import { formatMinutes } from '#shared/budget/budget';
import { formatFactor, formatRatePercent } from '#shared/budget/downtime';
import type { AlertSetList } from '#shared/ipc/contract';

/** One alert as the table shows it. */
export type AlertTableRow = {
  key: string;
  severity: 'page' | 'ticket';
  speed: 'quick' | 'slow';
  budget: string;
  long: string;
  short: string;
  factor: string;
  errorRate: string;
  exhaust: string;
  /** Why the alert is of no use as it stands (alertWarning's words), or null. */
  warning: string | null;
};

/** The alerts of one objective, or why there are none (alertRows' message). */
export type AlertTable = { ok: true; setName: string; rows: AlertTableRow[] } | { ok: false; message: string };

/** The set for a period (see chooseAlertSet): the team's own first, then a built-in one, else a built-in one scaled. */
export function pickAlertSet(list: AlertSetList | null, periodMinutes: number): AlertWindowSet {
  return chooseAlertSet(list?.builtIn ?? DEFAULT_ALERT_SETS, periodMinutes, list?.custom ?? []);
}

/** The page and ticket alerts of a target over a period of the given length, ready to show. */
export function alertTable(list: AlertSetList | null, targetPpm: number, periodMinutes: number): AlertTable {
  const set = pickAlertSet(list, periodMinutes);
  const rows = alertRows(set, targetPpm);
  if (!rows.ok) return { ok: false, message: rows.message };
  return {
    ok: true,
    setName: set.name,
    rows: rows.value.map((r) => ({
      key: `${r.severity}-${r.speed}`,
      severity: r.severity,
      speed: r.speed,
      budget: formatBudgetPercent(r.budgetPercent),
      long: formatDuration(r.longMinutes),
      short: formatDuration(r.shortMinutes),
      factor: `×${formatFactor(r.factor)}`,
      errorRate: `${formatRatePercent(r.errorRate)} %`,
      exhaust: formatMinutes(r.exhaustMinutes),
      warning: r.warning?.message ?? null,
    })),
  };
}
