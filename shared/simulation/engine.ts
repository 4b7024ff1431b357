// The Monte Carlo engine: N trials of a scenario over one window of each tier (tiers sharing a window length share
// trials), summarised per tier and for the policy. Pure and deterministic: the seed is the only source of chance, and
// the same input gives the same result on every host.
import { ALERT_KEYS, burnRateFactor } from '../budget/alerts';
import { seededRandom } from '../domain/seeded-random';
import { PPM_PER_WHOLE } from '../domain/percent';
import { countFirings } from './alert-count';
import { clocksAt, crossings, valuesAt, type Curve } from './curve';
import type { EngineInput, EngineTier } from './engine-types';
import { PolicyTally } from './policy-tally';
import { CAUSES, type PolicyOutcome, type SimulationResult, type TierOutcome } from './result';
import type { Uniform } from './sampling';
import { causeShares, TierTally } from './tier-tally';
import { counterFor, runTrial, scheduledDeploys, trialState, type Freeze } from './trial';
import { hourOfWeek, trafficProfile } from './traffic-profile';

/** Points of the fan chart and the policy timeline through each window, the start included. */
export const CHECKPOINTS = 30;

/** Trials between two progress reports. */
export const PROGRESS_EVERY = 500;

/**
 * `onProgress` is told how many trials are done (a run is stopped by ending its worker);
 * `random` makes the uniform source from the seed (seededRandom; a benchmark passes one that counts its draws).
 */
export type EngineHooks = { onProgress?: (done: number, total: number) => void; random?: (seed: number) => Uniform };

/** Runs a scenario: every tier's outcome, and the policy's when it acts. */
export function simulate(input: EngineInput, hooks: EngineHooks = {}): Omit<SimulationResult, 'resolved' | 'notes' | 'scenarioName'> {
  const groups = new Map<number, EngineTier[]>();
  for (const t of input.tiers) groups.set(t.windowMinutes, [...(groups.get(t.windowMinutes) ?? []), t]);
  const total = input.trials * groups.size;
  let done = 0;
  const outcomes = new Map<EngineTier, TierOutcome>();
  let policy: PolicyOutcome | null = null;
  for (const [windowMinutes, tiers] of groups) {
    const group = runGroup(input, windowMinutes, tiers, hooks.random ?? seededRandom, (n) => {
      done += n;
      hooks.onProgress?.(done, total);
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
  };
}

function runGroup(input: EngineInput, windowMinutes: number, tiers: EngineTier[], random: (seed: number) => Uniform, progress: (n: number) => void) {
  const sc = input.scenario;
  const u = random(input.seed);
  const profile = trafficProfile(sc.weights168, sc.growthPerMonth, input.startMs, windowMinutes);
  const counters = tiers.map((t) => counterFor(t, sc.baselineErrorRate, profile, windowMinutes));
  const times = Float64Array.from({ length: CHECKPOINTS + 1 }, (_, k) => (k * windowMinutes) / CHECKPOINTS);
  const bucketMinutes = windowMinutes >= 3 * 1440 ? 1440 : 60;
  const tallies = tiers.map((t, i) => new TierTally(t, counters[i]!, input.trials, times.length, Math.ceil(windowMinutes / bucketMinutes), bucketMinutes));
  const policyIndex = sc.policy && input.policyTier ? tiers.findIndex((t) => t.tier === input.policyTier) : -1;
  const freeze = policyIndex >= 0 ? freezeOf(input, tiers[policyIndex]!, counters[policyIndex]!) : null;
  const policyTally =
    freeze && policyIndex >= 0 ? new PolicyTally(sc.policy!, sc.deploys.schedule !== null, sc.deploys.perWeek / 10_080, freeze, input.trials, times) : null;
  const startMinuteOfWeek = hourOfWeek(input.startMs) * 60 + Math.floor((input.startMs % 3_600_000) / 60_000);
  const schedule = sc.deploys.schedule ? scheduledDeploys(sc.deploys.schedule, startMinuteOfWeek, windowMinutes) : null;
  const pairs = alertPairs(tiers);
  const pages = new Float64Array(tiers.length);
  const tickets = new Float64Array(tiers.length);
  const state = trialState();
  // Tiers counting the same way share one curve and its values: only their budgets differ.
  const keys = [...new Set(counters.map((c) => c.key))];
  const keyOf = counters.map((c) => keys.indexOf(c.key));
  const keyCounters = keys.map((_, k) => counters[keyOf.indexOf(k)]!);
  const values = keys.map(() => new Float64Array(times.length));
  const clocks = keys.map((k) => clocksAt(k === 'events' ? profile : null, times));
  const curves: Curve[] = [];
  const shares = keys.map(() => new Float64Array(CAUSES.length));
  // Every level a curve's trial must be crossed at (each tier's budget, the policy's states), found in one walk.
  const levels = keys.map((_, k) => {
    const owned = tiers.flatMap((t, i) => (keyOf[i] === k ? [{ value: counters[i]!.budget, tier: i, state: -1 }] : []));
    if (policyTally && keyOf[policyIndex] === k) policyTally.levels.forEach((value, state) => owned.push({ value, tier: -1, state }));
    return owned.sort((a, b) => a.value - b.value);
  });
  const levelValues = levels.map((owned) => Float64Array.from(owned, (l) => l.value));
  const crossed = levels.map((owned) => new Float64Array(owned.length));
  const tierSlot = tiers.map((_, i) => levels[keyOf[i]!]!.findIndex((l) => l.tier === i));
  const policySlots = [0, 1, 2].map((state) => (policyIndex >= 0 ? levels[keyOf[policyIndex]!]!.findIndex((l) => l.state === state) : -1));
  let reported = 0;
  for (let trial = 0; trial < input.trials; trial++) {
    runTrial(sc, windowMinutes, schedule, freeze, u, state);
    pages.fill(0);
    tickets.fill(0);
    for (const pair of pairs) {
      pair.counts.fill(0);
      countFirings(state.segments, sc.baselineErrorRate, pair.thresholds, pair.counts, pair.shortMinutes, pair.longMinutes, windowMinutes);
      const into = pair.severity === 'page' ? pages : tickets;
      for (let k = 0; k < pair.tiers.length; k++) into[pair.tiers[k]!] = into[pair.tiers[k]!]! + pair.counts[k]!;
    }
    for (let k = 0; k < keys.length; k++) {
      curves[k] = keyCounters[k]!.curve(state);
      valuesAt(curves[k]!, times, values[k]!, clocks[k]!);
      causeShares(state.segments, sc.baselineErrorRate, profile, keys[k] === 'events', windowMinutes, shares[k]!);
      crossings(curves[k]!, levelValues[k]!, windowMinutes, crossed[k]!);
    }
    for (let i = 0; i < tallies.length; i++) {
      const k = keyOf[i]!;
      tallies[i]!.add(trial, crossed[k]![tierSlot[i]!]!, values[k]!, shares[k]!, pages[i]!, tickets[i]!);
    }
    if (policyTally) {
      const at = crossed[keyOf[policyIndex]!]!;
      policyTally.add(trial, state, at[policySlots[0]!]!, at[policySlots[1]!]!, at[policySlots[2]!]!);
    }
    if ((trial + 1) % PROGRESS_EVERY === 0 || trial + 1 === input.trials) {
      progress(trial + 1 - reported);
      reported = trial + 1;
    }
  }
  const outcomes = new Map<EngineTier, TierOutcome>();
  tiers.forEach((t, i) => outcomes.set(t, tallies[i]!.outcome(times, sc.requestsPerDay, profile)));
  return { outcomes, policy: policyTally ? policyTally.outcome(tiers[policyIndex]!.tier) : null };
}

/** One alert window pair and the tiers whose sets use it, each with its threshold as an error rate. */
type AlertPair = { severity: 'page' | 'ticket'; shortMinutes: number; longMinutes: number; tiers: number[]; thresholds: Float64Array; counts: Float64Array };

/** The alert window pairs of the tiers' sets, each once, so tiers sharing a set share the averages. */
function alertPairs(tiers: readonly EngineTier[]): AlertPair[] {
  const byKey = new Map<string, { pair: Omit<AlertPair, 'thresholds' | 'counts'>; thresholds: number[] }>();
  tiers.forEach((t, i) => {
    for (const { severity, speed } of ALERT_KEYS) {
      const w = t.alertSet[severity][speed];
      const key = `${severity}:${w.shortMinutes}:${w.longMinutes}`;
      const threshold = burnRateFactor(w, t.alertSet.periodMinutes) * ((PPM_PER_WHOLE - t.targetPpm) / PPM_PER_WHOLE);
      const entry = byKey.get(key) ?? { pair: { severity, shortMinutes: w.shortMinutes, longMinutes: w.longMinutes, tiers: [] }, thresholds: [] };
      entry.pair.tiers.push(i);
      entry.thresholds.push(threshold);
      byKey.set(key, entry);
    }
  });
  return [...byKey.values()].map(({ pair, thresholds }) => ({
    ...pair,
    thresholds: Float64Array.from(thresholds),
    counts: new Float64Array(thresholds.length),
  }));
}

function freezeOf(input: EngineInput, tier: EngineTier, counter: ReturnType<typeof counterFor>): Freeze {
  const { policy, freezeAt } = input.scenario.policy!;
  const belowPercent = freezeAt === 'warning' ? policy.warningBelowPercent : freezeAt === 'critical' ? policy.criticalBelowPercent : 0;
  const burnAbove = freezeAt === 'warning' ? policy.warningBurnRate : freezeAt === 'critical' ? policy.criticalBurnRate : Infinity;
  // "Exhausted" is no budget left at all: remaining ≤ 0, i.e. spent beyond the whole budget by a hair.
  const belowRemaining = freezeAt === 'exhausted' ? 1e-12 : belowPercent / 100;
  return { counter, belowRemaining, burnAbove, budgetRate: (PPM_PER_WHOLE - tier.targetPpm) / PPM_PER_WHOLE };
}
