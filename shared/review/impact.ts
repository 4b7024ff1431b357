import type { History } from '../analysis/history';
import { budgetPerWindow } from '../analysis/windows';
import { TIER_LABELS, type Objective, type Tier } from '../domain/types';
import { targetText } from './describe';

/** Weeks in "last quarter". */
export const QUARTER_WEEKS = 13;

/** How a tier fared week by week: of the last `weeks` complete calendar weeks (UTC, Monday first), in how many it was met. */
export type WeeklyCompliance = { weeks: number; met: number };

/**
 * The per-week compliance of a history under an objective: the History screen's budgetPerWindow over calendar weeks
 * (UTC) with the objective's target, method, time slice and threshold, counting the last `maxWeeks` complete weeks.
 * The history is already judged at the objective's threshold when it is a latency history.
 */
export function weeklyCompliance(h: History, objective: Objective, maxWeeks = QUARTER_WEEKS): WeeklyCompliance {
  const weekly: Objective = { ...objective, window: { kind: 'calendar', unit: 'week', timeZone: 'UTC' } };
  const complete = budgetPerWindow(h, weekly, 0).filter((w) => w.complete);
  const last = complete.slice(-maxWeeks);
  return { weeks: last.length, met: last.filter((w) => w.met).length };
}

/** What history says about one tier's change: the weeks met under each version's objective (null where it has none). */
export type TierImpact = { where: string; tier: Tier; old: WeeklyCompliance | null; new: WeeklyCompliance | null; text: string };

/** "last quarter: SLO of checkout / availability met in 11 of 13 weeks under the old target (99.9 %), 9 of 13 under the new (99.95 %)". */
export function impactOf(
  where: string,
  tier: Tier,
  old: { objective: Objective; weeks: WeeklyCompliance } | null,
  now: { objective: Objective; weeks: WeeklyCompliance } | null,
): TierImpact {
  const span = (old ?? now)!.weeks.weeks === QUARTER_WEEKS ? 'last quarter' : `the last ${(old ?? now)!.weeks.weeks} complete weeks`;
  const head = `${span}: ${TIER_LABELS[tier]} of ${where} met in`;
  const count = (w: WeeklyCompliance) => `${w.met} of ${w.weeks}`;
  let text: string;
  if (old && now) {
    text = `${head} ${count(old.weeks)} weeks under the old target (${targetText(old.objective.targetPpm)}), ${count(now.weeks)} under the new (${targetText(now.objective.targetPpm)})`;
  } else if (now) {
    text = `${head} ${count(now.weeks)} weeks under the new target (${targetText(now.objective.targetPpm)})`;
  } else {
    text = `${head} ${count(old!.weeks)} weeks under the old target (${targetText(old!.objective.targetPpm)}), which the new version removes`;
  }
  return { where, tier, old: old?.weeks ?? null, new: now?.weeks ?? null, text };
}
