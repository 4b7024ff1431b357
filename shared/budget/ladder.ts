import { tierWarnings, type TierWarning } from '../domain/tiers';
import { TIERS, type BudgetingMethod, type Sli, type Tier } from '../domain/types';
import { badEventBudget, eventsInWindow, methodBudgetMinutes, windowMinutes, type WindowMinutes } from './budget';

/** One rung of the ladder: a tier's target and its error budget per window, in minutes and, given traffic, in bad events. */
export type LadderRung = {
  tier: Tier;
  targetPpm: number;
  budgetPpm: number;
  method: BudgetingMethod;
  budgetMinutes: WindowMinutes;
  /** Allowed bad events per window at the service's traffic; null without traffic or for Timeslices (it counts slices). */
  badEvents: WindowMinutes | null;
};

/** The gap between two adjacent set tiers: in ppm of the target, budget minutes and bad events per window. */
export type LadderBuffer = { from: Tier; to: Tier; ppm: number; minutes: WindowMinutes; badEvents: WindowMinutes | null };

/** Everything the ladder picture and the CLI show for one SLI. */
export type Ladder = { rungs: LadderRung[]; buffers: LadderBuffer[]; warnings: TierWarning[] };

/** When and at what traffic to measure the ladder: calendar windows use the period containing `atMs`. */
export type LadderOptions = { atMs?: number; requestsPerDay?: number | null };

/** Computes the ladder of one SLI: each set tier's budget and the buffers between adjacent set tiers. */
export function computeLadder(sli: Sli, options: LadderOptions = {}): Ladder {
  const traffic = options.requestsPerDay ?? null;
  const rungs: LadderRung[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const length = windowMinutes(objective.window, options.atMs);
    const minutes = (m: number) => methodBudgetMinutes(objective.targetPpm, m, objective.method, objective.timeslice);
    const events = (m: number) => badEventBudget(objective.targetPpm, eventsInWindow(traffic ?? 0, m));
    rungs.push({
      tier,
      targetPpm: objective.targetPpm,
      budgetPpm: 1_000_000 - objective.targetPpm,
      method: objective.method,
      budgetMinutes: { min: minutes(length.min), max: minutes(length.max) },
      badEvents: traffic !== null && objective.method !== 'timeslices' ? { min: events(length.min), max: events(length.max) } : null,
    });
  }
  const buffers: LadderBuffer[] = [];
  for (let i = 1; i < rungs.length; i++) {
    const loose = rungs[i - 1] as LadderRung;
    const tight = rungs[i] as LadderRung;
    buffers.push({
      from: loose.tier,
      to: tight.tier,
      ppm: tight.targetPpm - loose.targetPpm,
      minutes: { min: loose.budgetMinutes.min - tight.budgetMinutes.min, max: loose.budgetMinutes.max - tight.budgetMinutes.max },
      badEvents: loose.badEvents && tight.badEvents ? { min: loose.badEvents.min - tight.badEvents.min, max: loose.badEvents.max - tight.badEvents.max } : null,
    });
  }
  return { rungs, buffers, warnings: tierWarnings(sli) };
}
