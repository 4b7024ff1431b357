import { tierWarnings, type TierWarning } from '../domain/tiers';
import { TIERS, type Sli, type Tier } from '../domain/types';
import { budgetMinutesForWindow, type WindowMinutes } from './budget';

/** One rung of the ladder: a tier's target and its error budget per window. */
export type LadderRung = { tier: Tier; targetPpm: number; budgetPpm: number; budgetMinutes: WindowMinutes };

/** The gap between two adjacent set tiers: in ppm of the target and in budget minutes per window. */
export type LadderBuffer = { from: Tier; to: Tier; ppm: number; minutes: WindowMinutes };

/** Everything the ladder picture and the CLI show for one SLI. */
export type Ladder = { rungs: LadderRung[]; buffers: LadderBuffer[]; warnings: TierWarning[] };

/** Computes the ladder of one SLI: each set tier's budget and the buffers between adjacent set tiers. */
export function computeLadder(sli: Sli): Ladder {
  const rungs: LadderRung[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    rungs.push({
      tier,
      targetPpm: objective.targetPpm,
      budgetPpm: 1_000_000 - objective.targetPpm,
      budgetMinutes: budgetMinutesForWindow(objective.targetPpm, objective.window),
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
      minutes: {
        min: loose.budgetMinutes.min - tight.budgetMinutes.min,
        max: loose.budgetMinutes.max - tight.budgetMinutes.max,
      },
    });
  }
  return { rungs, buffers, warnings: tierWarnings(sli) };
}
