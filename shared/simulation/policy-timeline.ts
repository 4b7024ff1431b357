// The error-budget policy through one window of history: which state the budget was in at each sample, as intervals.
import { toGrid, windowPoints } from '../analysis/backtest';
import type { History } from '../analysis/history';
import type { WindowBurnDown } from '../analysis/windows';
import { burnRates } from '../budget/rolling';
import { POLICY_STATES, policyState, type BudgetPolicy, type PolicyState } from '../budget/policy';
import type { Tier } from '../domain/types';
import type { PolicyTimeline } from './replay-report';

const DAY_MS = 86_400_000;

/** The window the policy reads its burn rate over: the last hour, the long window of the quick page alert. */
export const POLICY_BURN_MINUTES = 60;

/**
 * The policy states of a budget through one window. At each sample of the burn-down the state is policyState of the
 * remaining budget there (as burnDownOf counts it: bad events, or bad slices for the time-slice methods) and of the
 * burn rate over the last hour: bad ÷ total in the hour ending at the sample ÷ (1 − target), the event ratio the
 * burn-rate alerts read, over `h` (which may reach back before the window, so the window's first hour has a whole
 * hour behind it; without that the hour is the part the history holds). An hour without traffic has no burn rate and
 * the state follows the remaining budget alone. A sample's state holds for the time since the sample before it (the
 * first since the window's start), so the intervals run from the window's start to its last sample, consecutive
 * samples in the same state merged; daysIn adds up each state's time in days. A window without samples has no intervals.
 */
export function policyTimeline(h: History, burnDown: WindowBurnDown, targetPpm: number, policy: BudgetPolicy, tier: Tier): PolicyTimeline {
  const daysIn = Object.fromEntries(POLICY_STATES.map((s) => [s, 0])) as Record<PolicyState, number>;
  const intervals: PolicyTimeline['intervals'] = [];
  const { x, remaining } = burnDown;
  if (x.length < 2 || h.t.length === 0) return { tier, intervals, daysIn };
  const grid = toGrid(h);
  const [burn] = burnRates(grid.good, grid.total, [windowPoints(POLICY_BURN_MINUTES, grid.stepMs)], targetPpm);
  const rates = burn!;
  const { startMs, stepMs } = grid;
  // The open interval's state and start, in locals: it is pushed when the state changes and once at the end.
  let state: PolicyState | null = null;
  let fromMs = 0;
  for (let j = 1; j < x.length; j++) {
    const slot = Math.ceil((x[j]! - startMs) / stepMs);
    const now = policyState(policy, remaining[j]!, slot >= 0 && slot < rates.length ? rates[slot]! : NaN);
    if (now === state) continue;
    if (state !== null) intervals.push({ state, startMs: fromMs, endMs: x[j - 1]! });
    state = now;
    fromMs = x[j - 1]!;
  }
  if (state !== null) intervals.push({ state, startMs: fromMs, endMs: x[x.length - 1]! });
  for (const i of intervals) daysIn[i.state] += (i.endMs - i.startMs) / DAY_MS;
  return { tier, intervals, daysIn };
}
