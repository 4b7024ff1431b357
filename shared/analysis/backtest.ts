// Alert backtest: replay a set's multi-window, multi-burn-rate alerts (SRE workbook ch. 5, Sloth's page/ticket pairs)
// over an imported history and compare what fired with the budget-eating events found in it.
import { ALERT_KEYS, burnRateFactor, type AlertWindowSet } from '../budget/alerts';
import { burnRates } from '../budget/rolling';
import { DEFAULT_TIMESLICE, type BudgetingMethod, type Timeslice } from '../domain/types';
import { findBadEvents, sliceEvents, type BudgetEvent } from './events';
import { medianStep } from '../domain/step';
import { BY_EVENTS, countedHistory, countingPhrase, type Counting, type History } from './history';
import { median } from '../domain/order-stats';

/**
 * One alert episode: the alert (page/ticket, quick/slow pair) fired when both its long and short window burn rates
 * exceeded the factor, and resolved when either was back at or below it (null if still firing at the end of the history).
 */
export type Firing = {
  severity: 'page' | 'ticket';
  speed: 'quick' | 'slow';
  factor: number;
  shortMinutes: number;
  longMinutes: number;
  firedMs: number;
  resolvedMs: number | null;
  peakBurnRate: number;
};

/** A budget-eating event with when it was first alerted on (page or ticket), or null when nothing fired while it lasted. */
export type DetectedEvent = BudgetEvent & { detectedMs: number | null; delayMs: number | null; detectedBy: 'page' | 'ticket' | null };

/** The backtest of one target with one alert set over a history. */
export type Backtest = {
  targetPpm: number;
  setName: string;
  /** How the events were counted, as the tier counts its SLI: by events, or in its slices (then timeslice is set). */
  method: BudgetingMethod;
  timeslice: Timeslice | null;
  /** Every episode of the four alerts, by the time it fired (page before ticket, quick before slow, at the same time). */
  firings: Firing[];
  pages: number;
  tickets: number;
  /** By events: runs of bad samples, shares of a period's bad events; time-slice tiers: runs of bad slices, shares of a period's slice budget. */
  events: DetectedEvent[];
  missed: number;
  /** Median detection delay of the detected events, null when none was detected. */
  medianDelayMs: number | null;
  /** The grid step the alerts were evaluated at: the history's median step, or a multiple of it when coarsened. */
  stepMs: number;
  /** True when the history spans more than MAX_GRID_POINTS of its median step and was evaluated on a coarser grid. */
  coarsened: boolean;
};

/**
 * The most grid slots a backtest evaluates: ten years of minutes, with room for leap days. A history spanning more
 * (a year of one-second samples, or a few samples far apart with a tiny median step) is coarsened rather than
 * refused, so it still gets an answer, at the resolution stated in the result.
 */
export const MAX_GRID_POINTS = 5_300_000;

/** The step assumed for a single sample, which has no spacing of its own: a minute, the usual SLI resolution. */
export const SINGLE_SAMPLE_STEP_MS = 60_000;

/**
 * A history on a regular grid: slot k holds the samples in (startMs + (k − 1)·stepMs, startMs + k·stepMs].
 * sampleStepMs is the history's own median step (stepMs unless coarsened).
 */
export type Grid = { startMs: number; stepMs: number; sampleStepMs: number; good: Float64Array; total: Float64Array; coarsened: boolean };

/**
 * Lays a history on the regular grid of its median step, starting at its first sample. A sample stands for the
 * step before it (as in rollingWindows), so one between grid times is added to the slot whose interval contains it;
 * slots without samples have no traffic (total 0). When that grid would exceed `maxPoints` slots (at least 2), the
 * step is the smallest whole multiple of the median step that fits, so samples on the fine grid stay on slot ends.
 */
export function toGrid(h: History, maxPoints = MAX_GRID_POINTS): Grid {
  const n = h.t.length;
  if (h.good.length !== n || h.total.length !== n) throw new RangeError(`t has ${n} samples, good ${h.good.length}, total ${h.total.length}`);
  if (!(maxPoints >= 2)) throw new RangeError(`a grid needs at least 2 slots, got ${maxPoints}`);
  if (n === 0) return { startMs: 0, stepMs: SINGLE_SAMPLE_STEP_MS, sampleStepMs: SINGLE_SAMPLE_STEP_MS, good: h.good, total: h.total, coarsened: false };
  const startMs = h.t[0]!;
  const span = h.t[n - 1]! - startMs;
  const median = medianStep(h.t) ?? SINGLE_SAMPLE_STEP_MS;
  if (!(median > 0 && span >= 0)) throw new RangeError('sample times must strictly increase');
  let stepMs = median;
  const fine = Math.ceil(span / stepMs) + 1;
  const coarsened = fine > maxPoints;
  if (coarsened) stepMs *= Math.ceil((fine - 1) / (maxPoints - 1));
  // The common case, samples exactly on the grid with none missing, uses the history's own columns.
  if (!coarsened && fine === n && onGrid(h.t, startMs, stepMs)) return { startMs, stepMs, sampleStepMs: median, good: h.good, total: h.total, coarsened };
  const slots = Math.ceil(span / stepMs) + 1;
  const good = new Float64Array(slots);
  const total = new Float64Array(slots);
  let previous = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = h.t[i]!;
    if (!(t > previous)) throw new RangeError(`sample times must strictly increase: ${t} at sample ${i} follows ${previous}`);
    previous = t;
    const k = Math.ceil((t - startMs) / stepMs);
    good[k] = good[k]! + h.good[i]!;
    total[k] = total[k]! + h.total[i]!;
  }
  return { startMs, stepMs, sampleStepMs: median, good, total, coarsened };
}

function onGrid(t: Float64Array, startMs: number, stepMs: number): boolean {
  for (let i = 0; i < t.length; i++) if (t[i] !== startMs + i * stepMs) return false;
  return true;
}

/** A window in whole grid steps, rounded to the nearest and at least one: an alert window shorter than a step is one step. */
export function windowPoints(minutes: number, stepMs: number): number {
  return Math.max(1, Math.round((minutes * 60_000) / stepMs));
}

/**
 * Replays the alert set's four multi-window burn-rate alerts over the history (resampled to its step, gaps as no
 * traffic) and matches the firings to the budget-eating events (budget = the error budget of one alert period). The
 * events are counted as the tier counts (`counting`): by events, runs of bad samples against the bad events of one
 * period; for the time-slice methods, runs of bad slices (aligned to the history's start, as countedHistory and the
 * History screen's rolling windows count them) against the slice budget of one period, as the budget windows do. The
 * alerts themselves burn on the event ratio either way, as the Prometheus rules evaluate them.
 *
 * An alert fires at a grid point when both its long- and short-window burn rates are above its factor, compared with
 * `>` as in the rules Sloth generates (`rate1h > 14.4 * 0.001 and rate5m > 14.4 * 0.001`), so the backtest and an
 * exported rule fire at the same minute: a burn rate exactly at the factor does not fire. Sloth and the SRE workbook
 * AND the two windows; a window without traffic has a NaN burn rate and does not fire, so a
 * gap resolves an alert as missing data does in Prometheus (and, as there, a window reaching into a gap holds only the
 * traffic on its side of it, so errors just after a gap can fire). Points before the long window first fills are never
 * firing: a partial window holds too little history to judge, and a few bad minutes at the start would otherwise
 * page on their own. An event is detected by the first firing whose firedMs lies in [event.startMs, event.endMs +
 * the set's longest window], since a slow burn can fire up to a long window after its last bad sample.
 */
export function backtest(h: History, targetPpm: number, set: AlertWindowSet, counting: Counting = BY_EVENTS): Backtest {
  const grid = toGrid(h);
  const n = grid.total.length;
  const firings = replay(grid, targetPpm, set);
  // A stable sort keeps ALERT_KEYS' order of urgency among firings at the same time.
  firings.sort((a, b) => a.firedMs - b.firedMs);
  const slice = counting.method === 'occurrences' ? null : { ...(counting.timeslice ?? DEFAULT_TIMESLICE) };
  let events: BudgetEvent[] = [];
  if (n > 0 && slice) events = sliceEvents(countedHistory(h, counting), targetPpm, counting.method, slice, set.periodMinutes).events;
  else if (n > 0) events = findBadEvents(h, targetPpm, { budgetEvents: periodBudgetEvents(h, grid, targetPpm, set.periodMinutes), stepMs: grid.sampleStepMs });
  const longestMs = Math.max(...ALERT_KEYS.map(({ severity, speed }) => set[severity][speed].longMinutes)) * 60_000;
  const detected = events.map((e) => detect(e, firings, longestMs));
  const delays = detected.flatMap((e) => (e.delayMs === null ? [] : [e.delayMs]));
  return {
    targetPpm,
    setName: set.name,
    method: counting.method,
    timeslice: slice,
    firings,
    pages: firings.filter((f) => f.severity === 'page').length,
    tickets: firings.filter((f) => f.severity === 'ticket').length,
    events: detected,
    missed: detected.length - delays.length,
    medianDelayMs: median(delays),
    stepMs: grid.stepMs,
    coarsened: grid.coarsened,
  };
}

/**
 * Grid points per burn-rate pass. The grid is evaluated in chunks, each preceded by the longest window's worth of
 * points so its windows are full, which keeps the burn-rate columns at a fixed size (a few MB) whatever the span,
 * while all windows of the set still go through rolling.ts's fused kernel in one pass (the SRE set's 8 windows are
 * 7 distinct ones: a fused five and two single). The re-read lead-in costs 4,320 / 65,536 ≈ 7 % on minute data.
 */
const CHUNK_POINTS = 65_536;

type Alert = {
  base: Omit<Firing, 'firedMs' | 'resolvedMs' | 'peakBurnRate'>;
  long: number;
  short: number;
  /** Grid index where the current episode fired, or −1 when not firing; carried from chunk to chunk. */
  open: number;
  peak: number;
};

/** Every episode of the set's four alerts on the grid, in ALERT_KEYS order. */
function replay(grid: Grid, targetPpm: number, set: AlertWindowSet): Firing[] {
  const n = grid.total.length;
  const alerts: Alert[] = ALERT_KEYS.map(({ severity, speed }) => {
    const w = set[severity][speed];
    const base = { severity, speed, factor: burnRateFactor(w, set.periodMinutes), shortMinutes: w.shortMinutes, longMinutes: w.longMinutes };
    return { base, long: windowPoints(w.longMinutes, grid.stepMs), short: windowPoints(w.shortMinutes, grid.stepMs), open: -1, peak: 0 };
  });
  const windows = [...new Set(alerts.flatMap((a) => [a.long, a.short]))];
  const lead = Math.max(...windows) - 1;
  const chunk = Math.max(CHUNK_POINTS, 4 * lead);
  const columns = windows.map(() => new Float64Array(Math.min(n, chunk + lead)));
  const found: Firing[][] = alerts.map(() => []);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const offset = from - Math.min(from, lead);
    const views = columns.map((c) => c.subarray(0, to - offset));
    burnRates(grid.good.subarray(offset, to), grid.total.subarray(offset, to), windows, targetPpm, views);
    alerts.forEach((a, k) => scan(a, views[windows.indexOf(a.long)]!, views[windows.indexOf(a.short)]!, offset, from, grid, found[k]!));
  }
  alerts.forEach((a, k) => {
    if (a.open >= 0) found[k]!.push({ ...a.base, firedMs: timeAt(grid, a.open), resolvedMs: null, peakBurnRate: a.peak });
  });
  return found.flat();
}

/**
 * Follows one alert over the chunk's points [from, offset + its length), whose burn rates sit at index − offset.
 * Points before its long window first fills are skipped, so partial windows at the start never fire.
 */
function scan(a: Alert, longBurn: Float64Array, shortBurn: Float64Array, offset: number, from: number, grid: Grid, out: Firing[]): void {
  const factor = a.base.factor;
  const end = offset + longBurn.length;
  let open = a.open;
  let peak = a.peak;
  for (let i = Math.max(from, a.long - 1); i < end; i++) {
    const l = longBurn[i - offset]!;
    // NaN fails both comparisons, so a window without traffic is not firing.
    // Above, not at: Prometheus rules compare with `>`.
    if (l > factor && shortBurn[i - offset]! > factor) {
      if (open < 0) {
        open = i;
        peak = l;
      } else if (l > peak) {
        peak = l;
      }
    } else if (open >= 0) {
      out.push({ ...a.base, firedMs: timeAt(grid, open), resolvedMs: timeAt(grid, i), peakBurnRate: peak });
      open = -1;
    }
  }
  a.open = open;
  a.peak = peak;
}

function timeAt(grid: Grid, k: number): number {
  return grid.startMs + k * grid.stepMs;
}

/**
 * The bad events one alert period may spend at the history's average traffic: (1 − target) × events per minute ×
 * period. Traffic is averaged over the grid's whole span (gaps included), the time the history covers; a history
 * without traffic has no budget to share, so every event's share is 0.
 */
function periodBudgetEvents(h: History, grid: Grid, targetPpm: number, periodMinutes: number): number {
  let total = 0;
  for (let i = 0; i < h.total.length; i++) total += h.total[i]!;
  const spanMinutes = (grid.total.length * grid.stepMs) / 60_000;
  const budget = ((1_000_000 - targetPpm) / 1_000_000) * (total / spanMinutes) * periodMinutes;
  return budget > 0 ? budget : Infinity;
}

/**
 * How a backtest's events were counted, for people, when not by events: "events counted in 5-minute slices good at
 * 99 %, as the SLO counts"; null for events counted by events, the usual way.
 */
export function eventsCountedPhrase(b: Pick<Backtest, 'method' | 'timeslice'>, tierLabel: string): string | null {
  if (b.method === 'occurrences') return null;
  const how =
    b.method === 'timeslices'
      ? countingPhrase(b)
      : `in ${(b.timeslice ?? DEFAULT_TIMESLICE).sliceMinutes}-minute slices, each spending its share of bad events`;
  return `events counted ${how}, as the ${tierLabel} counts`;
}

function detect(e: BudgetEvent, firings: readonly Firing[], longestMs: number): DetectedEvent {
  // The first firing at or after the event's start, by binary search over firings sorted by firedMs.
  let lo = 0;
  let hi = firings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (firings[mid]!.firedMs < e.startMs) lo = mid + 1;
    else hi = mid;
  }
  const f = firings[lo];
  if (f && f.firedMs <= e.endMs + longestMs) return { ...e, detectedMs: f.firedMs, delayMs: f.firedMs - e.startMs, detectedBy: f.severity };
  return { ...e, detectedMs: null, delayMs: null, detectedBy: null };
}
