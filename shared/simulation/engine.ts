// The Monte Carlo engine: N trials of a scenario over one window of each tier (tiers sharing a window length share
// trials), summarised per tier and for the policy. Pure and deterministic: the seed is the only source of chance, and
// the same input gives the same result on every host.
import { ALERT_KEYS, burnRateFactor } from '../budget/alerts';
import { seededRandom } from '../domain/seeded-random';
import { PPM_PER_WHOLE } from '../domain/percent';
import { countFirings } from './alert-count';
import { valuesAt } from './curve';
import type { EngineInput, EngineTier } from './engine-types';
import { PolicyTally } from './policy-tally';
import type { PolicyOutcome, SimulationResult, TierOutcome } from './result';
import { TierTally } from './tier-tally';
import { counterFor, runTrial, scheduledDeploys, trialState, type Freeze } from './trial';
import { hourOfWeek, trafficProfile } from './traffic-profile';

/** Points of the fan chart and the policy timeline through each window, the start included. */
export const CHECKPOINTS = 60;

/** Trials between two progress reports. */
export const PROGRESS_EVERY = 500;

/** Progress and a way to stop: `onProgress` is told how many trials are done; `stopped` returning true ends the run. */
export type EngineHooks = { onProgress?: (done: number, total: number) => void; stopped?: () => boolean };

/** The run was stopped before it finished. */
export class StoppedRun extends Error {}

/** Runs a scenario: every tier's outcome, and the policy's when it acts. Throws StoppedRun when `stopped` says so. */
export function simulate(input: EngineInput, hooks: EngineHooks = {}): Omit<SimulationResult, 'resolved' | 'notes' | 'scenarioName'> & { notes: string[] } {
  const groups = new Map<number, EngineTier[]>();
  for (const t of input.tiers) groups.set(t.windowMinutes, [...(groups.get(t.windowMinutes) ?? []), t]);
  const total = input.trials * groups.size;
  let done = 0;
  const outcomes = new Map<EngineTier, TierOutcome>();
  let policy: PolicyOutcome | null = null;
  for (const [windowMinutes, tiers] of groups) {
    const group = runGroup(input, windowMinutes, tiers, (n) => {
      done += n;
      hooks.onProgress?.(done, total);
      if (hooks.stopped?.()) throw new StoppedRun('stopped');
    });
    for (const [tier, outcome] of group.outcomes) outcomes.set(tier, outcome);
    if (group.policy) policy = group.policy;
  }
  return {
    seed: input.seed,
    trials: input.trials,
    startMs: input.startMs,
    tiers: input.tiers.map((t) => outcomes.get(t)!),
    policy,
    notes: [],
  };
}

function runGroup(input: EngineInput, windowMinutes: number, tiers: EngineTier[], progress: (n: number) => void) {
  const sc = input.scenario;
  const u = seededRandom(input.seed);
  const profile = trafficProfile(sc.weights168, sc.growthPerMonth, input.startMs, windowMinutes);
  const counters = tiers.map((t) => counterFor(t, sc.baselineErrorRate, profile, windowMinutes));
  const times = Float64Array.from({ length: CHECKPOINTS + 1 }, (_, k) => (k * windowMinutes) / CHECKPOINTS);
  const bucketMinutes = windowMinutes >= 3 * 1440 ? 1440 : 60;
  const tallies = tiers.map((t, i) => new TierTally(t, counters[i]!, input.trials, times.length, Math.ceil(windowMinutes / bucketMinutes), bucketMinutes));
  const policyIndex = sc.policy && input.policyTier ? tiers.findIndex((t) => t.tier === input.policyTier) : -1;
  const freeze = policyIndex >= 0 ? freezeOf(input, tiers[policyIndex]!, counters[policyIndex]!) : null;
  const policyTally = freeze && policyIndex >= 0 ? new PolicyTally(sc.policy!, freeze, input.trials, times) : null;
  const startMinuteOfWeek = hourOfWeek(input.startMs) * 60 + Math.floor((input.startMs % 3_600_000) / 60_000);
  const schedule = sc.deploys.schedule ? scheduledDeploys(sc.deploys.schedule, startMinuteOfWeek, windowMinutes) : null;
  const alerts = tiers.map((t) =>
    ALERT_KEYS.map(({ severity, speed }) => {
      const w = t.alertSet[severity][speed];
      const budgetRate = (PPM_PER_WHOLE - t.targetPpm) / PPM_PER_WHOLE;
      return { severity, threshold: burnRateFactor(w, t.alertSet.periodMinutes) * budgetRate, shortMinutes: w.shortMinutes, longMinutes: w.longMinutes };
    }),
  );
  const state = trialState();
  const values = new Float64Array(times.length);
  let reported = 0;
  for (let trial = 0; trial < input.trials; trial++) {
    runTrial(sc, windowMinutes, schedule, freeze, u, state);
    tallies.forEach((tally, i) => {
      const curve = counters[i]!.curve(state);
      valuesAt(curve, times, values);
      let pages = 0;
      let tickets = 0;
      for (const a of alerts[i]!) {
        const n = countFirings(state.segments, sc.baselineErrorRate, a.threshold, a.shortMinutes, a.longMinutes, windowMinutes);
        if (a.severity === 'page') pages += n;
        else tickets += n;
      }
      tally.add(trial, curve, values, state.segments, sc.baselineErrorRate, profile, pages, tickets);
    });
    policyTally?.add(trial, state);
    if ((trial + 1) % PROGRESS_EVERY === 0 || trial + 1 === input.trials) {
      progress(trial + 1 - reported);
      reported = trial + 1;
    }
  }
  const outcomes = new Map<EngineTier, TierOutcome>();
  tiers.forEach((t, i) => outcomes.set(t, tallies[i]!.outcome(times, sc.requestsPerDay, profile)));
  return { outcomes, policy: policyTally ? policyTally.outcome(tiers[policyIndex]!.tier) : null };
}

function freezeOf(input: EngineInput, tier: EngineTier, counter: ReturnType<typeof counterFor>): Freeze {
  const { policy, freezeAt } = input.scenario.policy!;
  const belowPercent = freezeAt === 'warning' ? policy.warningBelowPercent : freezeAt === 'critical' ? policy.criticalBelowPercent : 0;
  const burnAbove = freezeAt === 'warning' ? policy.warningBurnRate : freezeAt === 'critical' ? policy.criticalBurnRate : Infinity;
  // "Exhausted" is no budget left at all: remaining ≤ 0, i.e. spent beyond the whole budget by a hair.
  const belowRemaining = freezeAt === 'exhausted' ? 1e-12 : belowPercent / 100;
  return { counter, belowRemaining, burnAbove, budgetRate: (PPM_PER_WHOLE - tier.targetPpm) / PPM_PER_WHOLE };
}
