import { DateTime } from 'luxon';
import { methodBudgetMinutes } from '../budget/budget';
import { periodContaining } from '../budget/calendar';
import { PPM_PER_WHOLE } from '../domain/percent';
import { DEFAULT_TIMESLICE, type Objective } from '../domain/types';
import { lttb, type XY } from './downsample';
import { findBadEvents, shareOf, sliceEvents, type BudgetEvent } from './events';
import { medianStep } from '../domain/step';
import { firstAbove } from '../domain/sorted-search';
import type { History } from './history';
import { sliceHistory, sliceTally } from './slices';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * One budget window of a tier over the history: a calendar period in the objective's zone, or for rolling objectives
 * consecutive non-overlapping windows of its length from the start of the history. complete is false for the
 * partial first and last ones.
 */
export type WindowBudget = {
  startMs: number;
  endMs: number;
  label: string;
  complete: boolean;
  good: number;
  total: number;
  /** Achieved SLI (good / total, or good slices / slices for time-slice methods); NaN without traffic. */
  sli: number;
  met: boolean;
  /** Share of the window's error budget spent (can exceed 1). */
  budgetConsumed: number;
  /** The events that spent most of this window's budget, largest first (at most `maxEvents`); in bad slices for time-slice methods. */
  topEvents: BudgetEvent[];
};

/** A window's bounds and name before its samples are counted. */
type Span = { startMs: number; endMs: number; label: string };

function utcDate(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toISODate()!;
}

/**
 * The name of a rolling window (startMs, endMs]: the UTC dates its time covers, less a date it touches for at most one
 * sample step at either end. A sample stands for the interval ending at its time, so a history whose first minute is
 * stamped 2026-01-01 00:00 begins at 2025-12-31 23:59; that one minute does not make the window "2025-12-31 – …".
 */
export function rollingWindowLabel(startMs: number, endMs: number, stepMs: number): string {
  const intoFirstDay = DAY_MS - (((startMs % DAY_MS) + DAY_MS) % DAY_MS);
  const intoLastDay = ((endMs % DAY_MS) + DAY_MS) % DAY_MS;
  const fromMs = intoFirstDay < DAY_MS && intoFirstDay <= stepMs && startMs + intoFirstDay < endMs ? startMs + intoFirstDay : startMs;
  const toMs = intoLastDay > 0 && intoLastDay <= stepMs && endMs - intoLastDay > fromMs ? endMs - intoLastDay : endMs;
  return `${utcDate(fromMs)} – ${utcDate(toMs - 1)}`;
}

/**
 * The windows covering the history: sample t belongs to the window with start < t ≤ end (its interval (t − step, t]
 * ends inside), so a sample at midnight on the 1st counts towards the month before.
 */
function spans(objective: Objective, firstMs: number, beginMs: number, lastMs: number, stepMs: number): Span[] {
  const out: Span[] = [];
  const window = objective.window;
  if (window.kind === 'calendar') {
    let p = periodContaining(window.unit, window.timeZone, firstMs);
    // An unknown zone gives NaN bounds, and the walk below would never end.
    if (!Number.isFinite(p.startMs)) throw new RangeError(`Unknown time zone "${window.timeZone}"`);
    if (p.startMs >= firstMs) p = periodContaining(window.unit, window.timeZone, p.startMs - 1);
    for (;;) {
      out.push({ startMs: p.startMs, endMs: p.endMs, label: p.label });
      if (p.endMs >= lastMs) return out;
      p = periodContaining(window.unit, window.timeZone, p.endMs);
    }
  }
  const lengthMs = window.days * DAY_MS;
  if (!(lengthMs > 0)) throw new RangeError(`A rolling window lasts at least a day, not ${window.days}`);
  for (let startMs = beginMs; ; startMs += lengthMs) {
    const endMs = startMs + lengthMs;
    // Dates covered: a window from 1 March 00:00 lasting 30 days reads "2026-03-01 – 2026-03-30".
    out.push({ startMs, endMs, label: rollingWindowLabel(startMs, endMs, stepMs) });
    if (endMs >= lastMs) return out;
  }
}

/**
 * Per-window budget of one objective over a history, with the events that consumed most of each window's budget.
 * Occurrences: SLI good / total, budget (1 − target) × total events. Timeslices: a slice (aligned to the window
 * start) is good when its good / total reaches the slice target; SLI = good slices / slices with data, budget = the
 * whole bad slices methodBudgetMinutes allows in the window's real length. RatioTimeslices: SLI = mean of the
 * slices' ratios, budget (1 − target) of the window's slices, spent by each slice's shortfall (1 − ratio). Slice
 * budgets cover the whole window, also for a partial one. Events are in the unit the window spends: runs of bad
 * samples against the window's bad-event budget for Occurrences, runs of bad slices (badEvents = bad slices) against
 * its slice budget for the time-slice methods. A spent zero budget reads UNBOUNDED_SHARE (JSON-safe); a window without data has SLI NaN,
 * consumption 0 and is not met. Throws RangeError for an objective validation would refuse (unknown zone, no days).
 */
export function budgetPerWindow(h: History, objective: Objective, maxEvents = 3): WindowBudget[] {
  const n = h.t.length;
  if (n === 0) return [];
  const stepMs = medianStep(h.t) ?? 0;
  const firstMs = h.t[0]!;
  const beginMs = firstMs - stepMs;
  const lastMs = h.t[n - 1]!;
  const target = objective.targetPpm / PPM_PER_WHOLE;
  const slice = objective.timeslice ?? DEFAULT_TIMESLICE;
  const out: WindowBudget[] = [];
  const { t, good: goods, total: totals } = h;
  let i = 0;
  for (const span of spans(objective, firstMs, beginMs, lastMs, stepMs)) {
    const lo = i;
    let good = 0;
    let total = 0;
    for (; i < n && t[i]! <= span.endMs; i++) {
      good += goods[i]!;
      total += totals[i]!;
    }
    const minutes = (span.endMs - span.startMs) / MINUTE_MS;
    const budgetMinutes = methodBudgetMinutes(objective.targetPpm, minutes, objective.method, slice);
    let sli: number;
    let consumed: number;
    let topEvents: BudgetEvent[];
    if (objective.method === 'occurrences') {
      sli = total > 0 ? Math.min(1, Math.max(0, good / total)) : NaN;
      consumed = shareOf(Math.max(0, total - good), ((PPM_PER_WHOLE - objective.targetPpm) * total) / PPM_PER_WHOLE);
      const piece: History = { t: h.t.subarray(lo, i), good: h.good.subarray(lo, i), total: h.total.subarray(lo, i) };
      // Asked for no events (a replay reads only the budget), the search for them is skipped.
      topEvents = maxEvents > 0 ? findBadEvents(piece, objective.targetPpm, { budgetEvents: (total * budgetMinutes) / minutes, stepMs }) : [];
    } else {
      const { slices, tally } = sliceHistory(h, lo, i, span.startMs, slice, stepMs, objective.method === 'ratio-timeslices');
      // Events are runs of bad slices, so their shares are in bad slices, as the window's spend is.
      const counted = sliceEvents(slices, objective.targetPpm, objective.method, slice, minutes);
      sli = tally.slices > 0 ? tally.good / tally.slices : NaN;
      consumed = shareOf(tally.bad, counted.budgetSlices);
      topEvents = counted.events;
    }
    out.push({
      ...span,
      complete: beginMs <= span.startMs && lastMs >= span.endMs,
      good,
      total,
      sli,
      met: sli >= target - 1e-12,
      budgetConsumed: consumed,
      topEvents: topEvents.slice(0, maxEvents),
    });
  }
  return out;
}

/** The remaining budget through one window: after each sample, 1 − spent / budget, ending at 1 − budgetConsumed. */
export type WindowBurnDown = { startMs: number; endMs: number; label: string; budget: number; x: Float64Array; remaining: Float64Array };

/**
 * The burn-down of the objective's budget window that starts at startMs, counted as budgetPerWindow counts it (bad
 * events for occurrences, bad slices for the time-slice methods), so it ends where the budget table says; null when no
 * window starts there. The first point is the window's start at 1 (untouched).
 */
export function burnDownOf(h: History, objective: Objective, startMs: number): WindowBurnDown | null {
  const n = h.t.length;
  if (n === 0) return null;
  const stepMs = medianStep(h.t) ?? 0;
  const span = spans(objective, h.t[0]!, h.t[0]! - stepMs, h.t[n - 1]!, stepMs).find((sp) => sp.startMs === startMs);
  if (!span) return null;
  const lo = firstAbove(h.t, span.startMs);
  const hi = firstAbove(h.t, span.endMs, lo);
  const x = new Float64Array(hi - lo + 1);
  x[0] = span.startMs;
  x.set(h.t.subarray(lo, hi), 1);
  const remaining = new Float64Array(hi - lo + 1);
  remaining[0] = 1;
  const slice = objective.timeslice ?? DEFAULT_TIMESLICE;
  let budget: number;
  if (objective.method === 'occurrences') {
    let total = 0;
    for (let i = lo; i < hi; i++) total += h.total[i]!;
    budget = ((PPM_PER_WHOLE - objective.targetPpm) * total) / PPM_PER_WHOLE;
    remainingByEvents(h, lo, hi, budget, remaining);
  } else {
    budget = methodBudgetMinutes(objective.targetPpm, (span.endMs - span.startMs) / MINUTE_MS, objective.method, slice) / slice.sliceMinutes;
    const sliceBudget = budget;
    sliceTally(h, lo, hi, span.startMs, slice, stepMs, objective.method === 'ratio-timeslices', (i, bad) => {
      remaining[i - lo + 1] = 1 - shareOf(bad, sliceBudget);
    });
  }
  return { ...span, budget, x, remaining };
}

/**
 * The remaining share after each of samples lo…hi−1 (into remaining[1…]) as their bad events spend `budget`. Its own
 * function: in burnDownOf, beside the slice callback's closure, the loop's variables lived in a context and it ran
 * at half the speed.
 */
function remainingByEvents(h: History, lo: number, hi: number, budget: number, remaining: Float64Array): void {
  const { good, total } = h;
  let bad = 0;
  for (let i = lo; i < hi; i++) {
    bad += Math.max(0, total[i]! - good[i]!);
    remaining[i - lo + 1] = 1 - shareOf(bad, budget);
  }
}

/** Most points of a drawn burn-down line. */
export const BURNDOWN_POINTS = 1000;

/** Lowest remaining share drawn: a budget overspent tenfold is off the chart either way. */
export const BURNDOWN_FLOOR = -10;

/**
 * A burn-down as the charts draw it: floored at BURNDOWN_FLOOR and downsampled (LTTB) to at most BURNDOWN_POINTS. A short
 * burn-down above the floor is returned as its own columns (lttb keeps what fits), so read it, do not change it.
 */
export function drawnBurnDown(b: WindowBurnDown): XY {
  const remaining = b.remaining;
  // Most budgets stay above the floor: then the line is drawn from the burn-down itself, without a floored copy.
  let i = 0;
  while (i < remaining.length && !(remaining[i]! < BURNDOWN_FLOOR)) i++;
  if (i === remaining.length) return lttb({ x: b.x, y: remaining }, BURNDOWN_POINTS);
  const floored = new Float64Array(remaining.length);
  for (let j = 0; j < floored.length; j++) floored[j] = Math.max(BURNDOWN_FLOOR, remaining[j]!);
  return lttb({ x: b.x, y: floored }, BURNDOWN_POINTS);
}
