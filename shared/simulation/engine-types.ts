// The engine's input: a scenario with every value resolved to a number (history read, defaults applied, durations as
// distributions) and the tiers to judge, each with its own window, budget method and alert set.
import type { AlertWindowSet } from '../budget/alerts';
import type { BudgetPolicy, PolicyState } from '../budget/policy';
import type { BudgetingMethod, Tier, Timeslice } from '../domain/types';
import type { Dist } from './sampling';

/** A scheduled one-off in minutes from the window's start. */
export type EngineEvent = { name: string; startMinute: number; durationMinutes: number; errorRate: number; excluded: boolean };

/** Outages of one dependency (or one redundancy group, down only when all its members are), from its SLO. */
export type EngineOutages = { name: string; perWeek: number; duration: Dist; errorRate: number };

/** What a dependency's own scenario does to this service: its errors (baseline, incidents, failed deploys, events) fail its requests too. */
export type EngineDependencyScenario = {
  name: string;
  baselineErrorRate: number;
  deploys: Pick<EngineScenario['deploys'], 'perWeek' | 'failureProbability' | 'errorRate' | 'detect' | 'rollback' | 'canaryShare'>;
  incidents: EngineScenario['incidents'];
  events: EngineEvent[];
};

/** A scenario as the engine runs it: numbers and distributions only. */
export type EngineScenario = {
  name: string;
  baselineErrorRate: number;
  /** Requests per day at the window's start, for budgets in bad events; null when unknown. */
  requestsPerDay: number | null;
  /** Traffic weight of each hour of the week (mean 1), or null for flat traffic. */
  weights168: Float64Array | null;
  growthPerMonth: number;
  deploys: {
    perWeek: number;
    /** Deploys at fixed times instead of at random: weekday (0 = Monday) and hour of day, UTC. */
    schedule: { weekday: number; hour: number }[] | null;
    failureProbability: number;
    errorRate: number;
    detect: Dist;
    rollback: Dist;
    canaryShare: number;
  };
  incidents: { perWeek: number; duration: Dist; errorRate: number; excludedShare: number };
  events: EngineEvent[];
  outages: EngineOutages[];
  /** Dependencies simulated from their own scenarios (their policies do not act here). */
  dependencyScenarios: EngineDependencyScenario[];
  /** The service's policy and the state at which it freezes deploys; null when the policy does not act. */
  policy: { policy: BudgetPolicy; freezeAt: Exclude<PolicyState, 'healthy'> } | null;
};

/** One tier to judge: its target, budget method, window length and label, and the alert set fitted to its window. */
export type EngineTier = {
  tier: Tier;
  targetPpm: number;
  method: BudgetingMethod;
  timeslice: Timeslice | null;
  windowMinutes: number;
  windowLabel: string;
  alertSet: AlertWindowSet;
};

/** Everything one run needs. */
export type EngineInput = {
  scenario: EngineScenario;
  tiers: EngineTier[];
  /** The tier whose budget the policy reads (the SLO), or null. */
  policyTier: Tier | null;
  startMs: number;
  trials: number;
  seed: number;
};
