// What a what-if run gives back, per tier and for the policy: the shapes the engine fills, the UI draws, the CLI prints
// and the workspace stores with the scenario.
import type { PolicyState } from '../budget/policy';
import type { BudgetingMethod, Tier } from '../domain/types';

/** What spent a budget: the knobs of a scenario. */
export const CAUSES = ['baseline', 'deploys', 'incidents', 'events', 'dependencies'] as const;

/** One knob of a scenario that spends budget. */
export type Cause = (typeof CAUSES)[number];

/** Human names of the causes. */
export const CAUSE_LABELS: Readonly<Record<Cause, string>> = {
  baseline: 'Baseline errors',
  deploys: 'Failed deploys',
  incidents: 'Incidents',
  events: 'Scheduled events',
  dependencies: 'Dependency outages',
};

/** A probability estimated from trials, with its 95 % (Wilson score) interval. */
export type Estimate = { probability: number; low: number; high: number; count: number; trials: number };

/** A distribution summarised by its mean and three percentiles. */
export type Spread = { mean: number; p10: number; p50: number; p90: number };

/** A quantity through the window at evenly spaced days: P10, P50 and P90 over the trials (a fan chart). */
export type Bands = { atDay: number[]; p10: number[]; p50: number[]; p90: number[] };

/** The result of one tier over one window of its own. */
export type TierOutcome = {
  tier: Tier;
  targetPpm: number;
  method: BudgetingMethod;
  windowMinutes: number;
  /** The window as people name it: "30 days", "March 2027 (31 days)". */
  windowLabel: string;
  /** The error budget: minutes of full outage it allows, and bad events at the scenario's traffic (null without traffic). */
  budgetMinutes: number;
  budgetEvents: number | null;
  /** The chance the budget is overspent by the window's end. */
  breach: Estimate;
  /** Share of the budget spent by the window's end (1 = all of it). */
  spent: Spread;
  /** Share of the budget left through the window (1 untouched, below 0 overspent). */
  remaining: Bands;
  /**
   * Trials whose budget ran out in each day of the window (index 0 = the first day), or each hour for windows shorter
   * than three days (bucketMinutes says which); the rest never ran out.
   */
  exhausted: { bucketMinutes: number; counts: number[]; never: number };
  /** Mean share of the budget each cause spent; they add up to spent.mean. */
  spentBy: Record<Cause, number>;
  /** The cause that spent most, or null when nothing was spent. */
  topCause: Cause | null;
  /** Pages and tickets the tier's burn-rate alerts raise in one window, with the alert set used. */
  alerts: { setName: string; pages: Spread; tickets: Spread };
};

/** How the error-budget policy acted, over the window of the tier it reads (the SLO). */
export type PolicyOutcome = {
  tier: Tier;
  freezeAt: Exclude<PolicyState, 'healthy'>;
  /** Mean days spent in each state. */
  daysIn: Record<PolicyState, number>;
  /** Days deploys were frozen. */
  freezeDays: Spread;
  /** Deploys that went out, and those held back by a freeze, per window (means). */
  deploys: number;
  deploysHeld: number;
  /** Share of trials in each state at evenly spaced days (the policy timeline). */
  timeline: { atDay: number[]; share: Record<PolicyState, number[]> };
};

/** Where a value of the scenario came from when it was asked for from history or taken from the service. */
export type ResolvedValue = { field: string; value: string; explanation: string };

/** One run of a scenario: its seed and trials (so anyone can repeat it), and the outcome of each tier. */
export type SimulationResult = {
  scenarioName: string;
  seed: number;
  trials: number;
  /** The instant the windows start (calendar tiers: the period containing it); weekday and hour shapes are read from it. */
  startMs: number;
  tiers: TierOutcome[];
  /** Null when the policy is switched off in the scenario or the SLI has no SLO for it to read. */
  policy: PolicyOutcome | null;
  resolved: ResolvedValue[];
  /** Things people should know about how the run was made (a policy left out, an assumption). */
  notes: string[];
};
