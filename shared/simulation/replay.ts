// A replay of one window of real history, as it was and with injected events: each side read by the analysis code the
// History screen and the alert backtest use (budget windows, burn-down, backtest, rolling compliance), never a copy.
import { backtest } from '../analysis/backtest';
import { lttb } from '../analysis/downsample';
import { rollingCompliance, type Counting, type History } from '../analysis/history';
import { budgetPerWindow, burnDownOf, drawnBurnDown } from '../analysis/windows';
import type { AlertWindowSet } from '../budget/alerts';
import type { BudgetPolicy } from '../budget/policy';
import { medianStep } from '../domain/step';
import type { Objective, Tier } from '../domain/types';
import { injectEvents } from './inject';
import type { Injection } from './injection';
import { POLICY_BURN_MINUTES, policyTimeline } from './policy-timeline';
import type { InjectedOutcome, ReplayLine, ReplaySide, ReplayTier } from './replay-report';
import { firstAbove } from '../domain/sorted-search';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Most points of the SLI and rolling-compliance lines, as many as the History chart draws by default. */
export const REPLAY_LINE_POINTS = 1500;

/** The window a replay reads: the samples with fromMs < t ≤ toMs, fromMs one step before the first, toMs the last. */
export type ReplayWindow = { fromMs: number; toMs: number };

/** One tier to replay: its objective, the alert set its backtest uses and the history it is judged on (the whole of it). */
export type TierInput = { tier: Tier; objective: Objective; set: AlertWindowSet; history: History };

/** What a replay reads, all of it already chosen: the window, the events, the histories and how to read them. */
export type ReplayInput = {
  window: ReplayWindow;
  injections: readonly Injection[];
  /** The history the SLI and rolling lines are drawn from and the injected events' outcomes counted on. */
  headline: History;
  /** How the rolling line counts (as the SLO counts) and over what window. */
  rollingCounting: Counting;
  rollingMs: number;
  tiers: readonly TierInput[];
  /** The service's budget policy, read for the SLO tier. */
  policy: BudgetPolicy;
};

/** Both sides of a replay, with what each injected event did. */
export type Replayed = { injections: InjectedOutcome[]; plain: ReplaySide; modified: ReplaySide };

/** The samples of h with fromMs < t ≤ toMs, as views of its columns (nothing is copied). */
export function samplesBetween(h: History, fromMs: number, toMs: number): History {
  const lo = firstAbove(h.t, fromMs);
  const hi = firstAbove(h.t, toMs);
  return { t: h.t.subarray(lo, hi), good: h.good.subarray(lo, hi), total: h.total.subarray(lo, hi) };
}

/**
 * The window of whole samples inside (fromMs, toMs]: from one step (the samples' median step) before the first sample
 * in it to the last, as a sample stands for the step before its time; null when it holds fewer than two samples.
 */
export function snapWindow(h: History, fromMs: number, toMs: number): ReplayWindow | null {
  const w = samplesBetween(h, fromMs, toMs);
  const n = w.t.length;
  if (n < 2) return null;
  return { fromMs: w.t[0]! - medianStep(w.t)!, toMs: w.t[n - 1]! };
}

/**
 * The objective measured over the replay's window as one budget window: a rolling window of the window's length,
 * which budgetPerWindow and burnDownOf start at the window's first sample step. Half a millisecond more when the
 * division rounds down keeps the window's last sample inside it (a whole minute count is never rounded past).
 */
export function overWindow(objective: Objective, w: ReplayWindow): Objective {
  const lengthMs = w.toMs - w.fromMs;
  let days = lengthMs / DAY_MS;
  if (days * DAY_MS < lengthMs) days = (lengthMs + 0.5) / DAY_MS;
  return { ...objective, window: { kind: 'rolling', days } };
}

/** How far before the window a tier's history is read: the set's longest alert window, and the policy's hour. */
export function tierLeadMs(set: AlertWindowSet): number {
  const longest = Math.max(set.page.quick.longMinutes, set.page.slow.longMinutes, set.ticket.quick.longMinutes, set.ticket.slow.longMinutes);
  return Math.max(longest, POLICY_BURN_MINUTES) * MINUTE_MS;
}

function plainLine(x: Float64Array, y: Float64Array, maxPoints: number): ReplayLine {
  const d = lttb({ x, y }, maxPoints);
  return { x: Array.from(d.x), y: Array.from(d.y) };
}

/**
 * One tier over the window, from its history reaching back before it (`h`): the window's budget as budgetPerWindow
 * and burnDownOf count it, the burn-rate alerts as backtest replays them (episodes that fire inside the window), and
 * for the SLO the policy timeline.
 */
function replayTier(h: History, input: TierInput, w: ReplayWindow, policy: BudgetPolicy): { tier: ReplayTier; policy: ReplaySide['policy'] } {
  const { objective, set } = input;
  const inWindow = samplesBetween(h, w.fromMs, w.toMs);
  const measured = overWindow(objective, w);
  const windows = budgetPerWindow(inWindow, measured, 0);
  const burnDown = burnDownOf(inWindow, measured, w.fromMs);
  if (windows.length !== 1 || !burnDown) throw new RangeError(`The replay window ${w.fromMs}–${w.toMs} is not one budget window of its samples`);
  const budget = windows[0]!;
  const alerts = backtest(samplesBetween(h, w.fromMs - tierLeadMs(set), w.toMs), objective.targetPpm, set, objective);
  const firings = alerts.firings
    .filter((f) => f.firedMs > w.fromMs && f.firedMs <= w.toMs)
    .map(({ severity, speed, firedMs, resolvedMs }) => ({ severity, speed, firedMs, resolvedMs }));
  const drawn = drawnBurnDown(burnDown);
  return {
    tier: {
      tier: input.tier,
      targetPpm: objective.targetPpm,
      sli: budget.sli,
      met: budget.met,
      budgetConsumed: budget.budgetConsumed,
      burnDown: { x: Array.from(drawn.x), y: Array.from(drawn.y) },
      pages: firings.filter((f) => f.severity === 'page').length,
      tickets: firings.filter((f) => f.severity === 'ticket').length,
      firings,
    },
    policy:
      input.tier === 'slo'
        ? policyTimeline(samplesBetween(h, w.fromMs - POLICY_BURN_MINUTES * MINUTE_MS, w.toMs), burnDown, objective.targetPpm, policy, 'slo')
        : null,
  };
}

/** One side of the replay from its histories (each reaching back before the window as far as it is read). */
function side(input: ReplayInput, headline: History, tierHistories: readonly History[]): ReplaySide {
  const w = input.window;
  const tiers: ReplayTier[] = [];
  let policy: ReplaySide['policy'] = null;
  input.tiers.forEach((t, k) => {
    const r = replayTier(tierHistories[k]!, t, w, input.policy);
    tiers.push(r.tier);
    policy ??= r.policy;
  });
  const inWindow = samplesBetween(headline, w.fromMs, w.toMs);
  const { good, total } = inWindow;
  const sli = new Float64Array(total.length);
  for (let i = 0; i < sli.length; i++) sli[i] = total[i]! > 0 ? good[i]! / total[i]! : NaN;
  const rolling = rollingCompliance(samplesBetween(headline, w.fromMs - input.rollingMs, w.toMs), input.rollingCounting, input.rollingMs);
  const lo = firstAbove(rolling.end, w.fromMs);
  const hi = firstAbove(rolling.end, w.toMs);
  return {
    tiers,
    sliLine: plainLine(inWindow.t, sli, REPLAY_LINE_POINTS),
    rollingLine: plainLine(rolling.end.subarray(lo, hi), rolling.sli.subarray(lo, hi), REPLAY_LINE_POINTS),
    policy,
  };
}

/**
 * The plain side of a replay with what it was read from, so a replay of the same window of the same history with other
 * events can take it as it is instead of analysing the unchanged history again. `reads` are views of the histories
 * given, not copies: a history changed in place after the replay must be passed as a new one.
 */
export type PlainSideMemo = { key: string; reads: readonly History[]; side: ReplaySide };

/** What decides the plain side besides the histories: the window, how each tier and the rolling line read them, the policy. */
function plainKey(input: ReplayInput): string {
  const { window, rollingCounting, rollingMs, policy } = input;
  return JSON.stringify({ window, rollingCounting, rollingMs, policy, tiers: input.tiers.map(({ tier, objective, set }) => ({ tier, objective, set })) });
}

function sameColumn(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  const n = a.length;
  if (b.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // Unequal unless both are NaN (x !== x is the NaN test).
    if (x !== y && (x === x || y === y)) return false;
  }
  return true;
}

/** True when the memo was read from the same samples, value for value (NaN equal to NaN), with the same key. */
function memoFits(memo: PlainSideMemo, key: string, reads: readonly History[]): boolean {
  return (
    memo.key === key &&
    memo.reads.length === reads.length &&
    reads.every((h, k) => {
      const m = memo.reads[k]!;
      return sameColumn(m.t, h.t) && sameColumn(m.good, h.good) && sameColumn(m.total, h.total);
    })
  );
}

/**
 * Replays a window both ways: as it was, and with the injected events (inside the window only; the history before
 * it, which the alerts, the policy's hour and the rolling line read back into, stays as it was). A history shared by
 * several tiers (every tier of an availability SLI) is injected once. The injected events' occurrences and added bad
 * events are counted on the headline history.
 */
export function replayWindow(input: ReplayInput): Replayed {
  return replayReusing(input, null).replayed;
}

/**
 * replayWindow, taking the plain side from `previous` when it was read from the same samples (compared value for
 * value) with the same window, tiers, rolling line and policy; else analysing it afresh. Either way the result is
 * the one replayWindow gives, and the memo returned describes its plain side for the next replay.
 */
export function replayReusing(input: ReplayInput, previous: PlainSideMemo | null): { replayed: Replayed; memo: PlainSideMemo } {
  const w = input.window;
  const leadMs = Math.max(input.rollingMs, ...input.tiers.map((t) => tierLeadMs(t.set)));
  const read = new Map<History, { plain: History; modified: History; effects: ReturnType<typeof injectEvents>['effects'] }>();
  const of = (h: History) => {
    let entry = read.get(h);
    if (!entry) {
      const plain = samplesBetween(h, w.fromMs - leadMs, w.toMs);
      const injected = injectEvents(plain, input.injections, w.fromMs, w.toMs);
      entry = { plain, modified: injected.history, effects: injected.effects };
      read.set(h, entry);
    }
    return entry;
  };
  const headline = of(input.headline);
  const tiers = input.tiers.map((t) => of(t.history));
  const key = plainKey(input);
  // Each history once: every tier of an availability SLI reads the headline history itself.
  const reads = [...read.values()].map((r) => r.plain);
  const plain =
    previous && memoFits(previous, key, reads)
      ? previous.side
      : side(
          input,
          headline.plain,
          tiers.map((t) => t.plain),
        );
  const replayed = {
    injections: input.injections.map((injection, k) => ({ ...injection, ...headline.effects[k]! })),
    plain,
    modified: side(
      input,
      headline.modified,
      tiers.map((t) => t.modified),
    ),
  };
  return { replayed, memo: { key, reads, side: plain } };
}
