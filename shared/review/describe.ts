// How each field of a version reads in a diff: one phrase per value, so "99.9 % → 99.95 %" and "rolling 30 days →
// rolling 28 days" say what changed without the reader knowing the stored form.
import { formatBudgetPercent, formatDuration, type AlertWindow } from '../budget/alerts';
import { formatPpmPercent } from '../domain/percent';
import { KIND_WORDING, METHOD_LABELS, type Objective, type Sli, type SliQueries, type Timeslice } from '../domain/types';
import { describeWindow } from '../domain/window';

/** A target: "99.95 %". */
export const targetText = (ppm: number) => `${formatPpmPercent(ppm)} %`;

/** A threshold in ms, or "none". */
export const msText = (ms: number | null) => (ms === null ? 'none' : `${ms} ms`);

/** A time slice: "5-minute slices good at 95 %", or "none". */
export const sliceText = (slice: Timeslice | null) =>
  slice === null ? 'none' : `${slice.sliceMinutes}-minute slices good at ${targetText(slice.sliceTargetPpm)}`;

/** An objective in one phrase: "99.9 %, rolling 30 days, Occurrences". */
export function objectiveText(o: Objective): string {
  const slice = o.method === 'occurrences' ? '' : ` in ${sliceText(o.timeslice)}`;
  const threshold = o.latencyThresholdMs === null ? '' : `, under ${o.latencyThresholdMs} ms`;
  return `${targetText(o.targetPpm)}, ${describeWindow(o.window)}, ${METHOD_LABELS[o.method]}${slice}${threshold}`;
}

/** An SLI's wording: "successful requests of requests" (its kind's unless it has its own). */
export const wordingText = (sli: Sli) => {
  const w = sli.wording ?? KIND_WORDING[sli.kind];
  return `${w.good} of ${w.total}`;
};

/** An SLI's queries: "good sum(rate(…)) / total sum(rate(…))", or "none". */
export function queriesText(q: SliQueries | null): string {
  if (q === null) return 'none';
  if (q.form === 'good-total') return `good ${q.good} / total ${q.total}`;
  if (q.form === 'bad-total') return `bad ${q.bad} / total ${q.total}`;
  return `error ratio ${q.errorRatio}`;
}

/** One alert window pair: "2 % of the budget over 1h and 5m". */
export const alertWindowText = (w: AlertWindow) =>
  `${formatBudgetPercent(w.budgetPercent)} of the budget over ${formatDuration(w.longMinutes)} and ${formatDuration(w.shortMinutes)}`;
