// The `budget` report: one target over one concrete window, built as the JSON model; the text is rendered from it.
import { DateTime } from 'luxon';
import { badEventBudget, badSliceBudget, eventsInWindow, formatCount, methodBudgetMinutes, slicesInWindow } from '#shared/budget/budget';
import { parsePeriod, periodContaining, type CalendarPeriod } from '#shared/budget/calendar';
import { formatPeriodLength } from '#shared/budget/downtime';
import { formatPpmPercent, PPM_PER_WHOLE } from '#shared/domain/percent';
import { METHOD_LABELS, type BudgetingMethod, type CalendarUnit, type SloWindow, type Timeslice } from '#shared/domain/types';
import type { FieldCheck } from '#shared/domain/validation';
import { parseWindowArg } from '#shared/domain/window';
import { envelope, roundMinutes } from './json-build';
import type { JsonBudgetReport, JsonWindowPeriod } from './json-output';
import { budgetText, renderItems, type TextItem } from './text-output';

/** A window as typed, resolved to one length: rolling days, or the named calendar period, or the one containing `atMs`. */
export function resolveWindow(text: string, atMs: number): FieldCheck<JsonWindowPeriod> {
  const arg = parseWindowArg(text);
  if (!arg.ok) return arg;
  const window: SloWindow = arg.value.window;
  if (window.kind === 'rolling') {
    return {
      ok: true,
      value: { spec: `${window.days}d`, kind: 'rolling', days: window.days, unit: null, timeZone: null, period: null, minutes: window.days * 1440 },
    };
  }
  let period: CalendarPeriod;
  if (arg.value.period !== null) {
    const named = parsePeriod(window.unit, arg.value.period, window.timeZone);
    if (!named.ok) return named;
    period = named.value;
  } else period = periodContaining(window.unit, window.timeZone, atMs);
  const periodName = arg.value.period ?? periodText(window.unit, period, window.timeZone);
  return {
    ok: true,
    value: {
      spec: `calendar-${window.unit}:${periodName}:${window.timeZone}`,
      kind: 'calendar',
      days: null,
      unit: window.unit,
      timeZone: window.timeZone,
      period: { label: period.label, start: new Date(period.startMs).toISOString(), end: new Date(period.endMs).toISOString() },
      minutes: period.minutes,
    },
  };
}

// The parsePeriod spelling of a period: its label for weeks, quarters and years, "YYYY-MM" for months.
function periodText(unit: CalendarUnit, period: CalendarPeriod, timeZone: string): string {
  return unit === 'month' ? DateTime.fromMillis(period.startMs, { zone: timeZone }).toFormat('yyyy-MM') : period.label;
}

/** The window for people: "rolling 30 days", "calendar month February 2027 (Europe/Berlin)". */
export function describeWindowPeriod(w: JsonWindowPeriod): string {
  if (w.kind === 'rolling') return `rolling ${w.days} day${w.days === 1 ? '' : 's'}`;
  return `calendar ${w.unit} ${w.period?.label ?? ''} (${w.timeZone})`;
}

/** What a budget question asks. */
export type BudgetQuestion = {
  targetPpm: number;
  window: JsonWindowPeriod;
  method: BudgetingMethod;
  /** Slice parameters; used by the timeslices methods only. */
  timeslice: Timeslice;
  requestsPerDay: number | null;
};

/** Builds the `budget` document: the window's real length, the budget in minutes and percent, slices and bad events. */
export function budgetReport(q: BudgetQuestion): JsonBudgetReport {
  const minutes = q.window.minutes;
  const sliced = q.method !== 'occurrences';
  const slices = slicesInWindow(minutes, q.timeslice.sliceMinutes);
  const events = q.requestsPerDay === null ? null : eventsInWindow(q.requestsPerDay, minutes);
  return {
    ...envelope('budget'),
    target: formatPpmPercent(q.targetPpm),
    targetPpm: q.targetPpm,
    method: q.method,
    window: q.window,
    budget: {
      minutes: roundMinutes(methodBudgetMinutes(q.targetPpm, minutes, q.method, sliced ? q.timeslice : null)),
      percent: formatPpmPercent(PPM_PER_WHOLE - q.targetPpm),
      ppm: PPM_PER_WHOLE - q.targetPpm,
    },
    timeslice: sliced
      ? {
          sliceMinutes: q.timeslice.sliceMinutes,
          sliceTarget: formatPpmPercent(q.timeslice.sliceTargetPpm),
          sliceTargetPpm: q.timeslice.sliceTargetPpm,
          slices,
          badSlices: q.method === 'timeslices' ? badSliceBudget(q.targetPpm, slices) : null,
        }
      : null,
    traffic:
      events === null || q.requestsPerDay === null
        ? null
        : {
            requestsPerDay: q.requestsPerDay,
            events: Math.round(events * 100) / 100,
            badEvents: q.method === 'timeslices' ? null : badEventBudget(q.targetPpm, events),
          },
  };
}

/** The `budget` document as lines for people. */
export function budgetReportLines(doc: JsonBudgetReport): string[] {
  const items: TextItem[] = [
    { row: ['window', `${formatCount(doc.window.minutes)} min (${formatPeriodLength(doc.window.minutes)})`] },
    { row: ['budget', `${budgetText(doc.budget.minutes, doc.budget.minutes)}, ${doc.budget.percent} % of the window`] },
  ];
  const slice = doc.timeslice;
  if (slice) {
    items.push({
      row: ['slices', `${formatCount(slice.slices)} slices of ${slice.sliceMinutes} min; a slice is good at ≥ ${slice.sliceTarget} % good events`],
    });
    if (slice.badSlices !== null) items.push({ row: ['bad slices', `${formatCount(slice.badSlices)} allowed (whole slices only)`] });
  }
  const t = doc.traffic;
  if (t) {
    items.push({ row: ['traffic', `${formatCount(t.requestsPerDay)} requests/day → ${formatCount(t.events)} requests in the window`] });
    items.push({
      row: ['bad events', t.badEvents === null ? 'not counted: Timeslices budgets whole bad slices, not events' : `${formatCount(t.badEvents)} allowed`],
    });
  }
  return [`Budget of ${doc.target} % over ${describeWindowPeriod(doc.window)}, ${METHOD_LABELS[doc.method]}`, ...renderItems(items).map((l) => `  ${l}`)];
}
