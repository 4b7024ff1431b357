import { methodBudgetMinutes } from '../budget/budget';
import { PPM_PER_WHOLE } from '../domain/percent';
import type { BudgetingMethod, Timeslice } from '../domain/types';
import { medianStep } from '../domain/step';
import type { History } from './history';

/**
 * A budget-eating event: a run of samples whose error ratio exceeded the error budget rate (1 − target), with short
 * healthy gaps (≤ mergeGapMs) bridged. startMs is the start of the first bad sample's interval (t − step), endMs the
 * last bad sample's t. badEvents counts total − good inside it; budgetShare is badEvents over the budget it is set
 * against (given by the caller); worstSli is the lowest per-sample SLI inside.
 */
export type BudgetEvent = { startMs: number; endMs: number; badEvents: number; budgetShare: number; worstSli: number };

/** Options of findBadEvents. */
export type EventOptions = {
  /** The bad events the window may spend (for budgetShare); Infinity gives shares of 0. */
  budgetEvents: number;
  /** Healthy gaps up to this long are bridged into one event; default 15 minutes. */
  mergeGapMs?: number;
  /** Events spending less than this share of the budget are left out; default 0.01 (1 %). */
  minShare?: number;
  /** The sample step, when the history is a piece of a longer one; default the history's own median step. */
  stepMs?: number;
};

/** Bridge healthy gaps up to this long by default: a flapping outage is one incident to the people who handled it. */
export const DEFAULT_MERGE_GAP_MS = 15 * 60_000;

/** Leave out events below this share of the budget by default: they are noise next to the ones worth a look. */
export const DEFAULT_MIN_SHARE = 0.01;

/**
 * What a share of nothing is when something was spent: a budget of 0 with bad events. Infinity would not survive
 * JSON (it becomes null), so the largest finite number stands for "more than any budget".
 */
export const UNBOUNDED_SHARE = Number.MAX_VALUE;

/** The share of a budget that bad events spend: 0 for an infinite budget, UNBOUNDED_SHARE when a zero budget is spent. */
export function shareOf(bad: number, budget: number): number {
  if (bad <= 0) return 0;
  if (budget <= 0) return UNBOUNDED_SHARE;
  return bad / budget;
}

/** One sample's SLI, clamped to [0, 1]. */
function sampleSli(good: number, total: number): number {
  return Math.min(1, Math.max(0, good / total));
}

/**
 * The budget-eating events of a history against a target (ppm), largest first (by bad events, then earliest).
 * One pass over the samples; samples without traffic neither start, end nor split an event, but the time they
 * span counts towards the gap. Events with a share below minShare are dropped, so an infinite budget (shares of 0)
 * with the default minShare gives none: pass minShare 0 to get them all.
 */
export function findBadEvents(h: History, targetPpm: number, options: EventOptions): BudgetEvent[] {
  const n = h.t.length;
  const mergeGapMs = options.mergeGapMs ?? DEFAULT_MERGE_GAP_MS;
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  const step = options.stepMs ?? medianStep(h.t) ?? 0;
  // Compare in ppm so 99.9 % means exactly "more than 1,000 bad per million", without 1 − 0.999 rounding.
  const allowedPpm = PPM_PER_WHOLE - targetPpm;
  const events: BudgetEvent[] = [];
  // The open event's state, one variable a line: alike in shape to other scanners' state, not logic shared with them.
  let open = false;
  let startMs = 0;
  let endMs = 0;
  let bad = 0;
  let worst = 1;
  // Bad events and worst SLI of samples after the last bad one: added only if the next bad sample bridges them.
  let pendingBad = 0;
  let pendingWorst = 1;
  // A closure over the loop's counters would move them off the stack and slow the loop several times over.
  const budget = options.budgetEvents;
  const keep = (startMs: number, endMs: number, badEvents: number, worstSli: number): void => {
    const budgetShare = Number.isFinite(budget) ? shareOf(badEvents, budget) : 0;
    if (budgetShare >= minShare) events.push({ startMs, endMs, badEvents, budgetShare, worstSli });
  };
  const { t: times, good: goods, total: totals } = h;
  for (let i = 0; i < n; i++) {
    const total = totals[i]!;
    if (!(total > 0)) continue;
    const good = goods[i]!;
    const sampleBad = Math.max(0, total - good);
    const t = times[i]!;
    if (sampleBad * PPM_PER_WHOLE > allowedPpm * total) {
      const sli = sampleSli(good, total);
      if (open && t - step - endMs <= mergeGapMs) {
        bad += pendingBad + sampleBad;
        worst = Math.min(worst, pendingWorst, sli);
      } else {
        if (open) keep(startMs, endMs, bad, worst);
        open = true;
        startMs = t - step;
        bad = sampleBad;
        worst = sli;
      }
      endMs = t;
      pendingBad = 0;
      pendingWorst = 1;
    } else if (open) {
      // Times only grow, so once no later bad sample can bridge back to the event it is complete: kept now, its
      // healthy tail no longer followed.
      if (t - step - endMs > mergeGapMs) {
        keep(startMs, endMs, bad, worst);
        open = false;
        continue;
      }
      pendingBad += sampleBad;
      pendingWorst = Math.min(pendingWorst, sampleSli(good, total));
    }
  }
  if (open) keep(startMs, endMs, bad, worst);
  return events.sort((a, b) => b.badEvents - a.badEvents || a.startMs - b.startMs);
}

/**
 * A time-slice tier's budget-eating events over `minutes` of its slices (sliceHistory's entries): runs of bad slices,
 * badEvents their bad slices (under RatioTimeslices the slices' shortfalls), each set against budgetSlices, the bad
 * slices methodBudgetMinutes allows in that time. So events are in the unit the tier spends its budget in.
 */
export function sliceEvents(
  slices: History,
  targetPpm: number,
  method: BudgetingMethod,
  slice: Timeslice,
  minutes: number,
): { budgetSlices: number; events: BudgetEvent[] } {
  const budgetSlices = methodBudgetMinutes(targetPpm, minutes, method, slice) / slice.sliceMinutes;
  return { budgetSlices, events: findBadEvents(slices, targetPpm, { budgetEvents: budgetSlices, stepMs: slice.sliceMinutes * 60_000 }) };
}
