import {
  badEventBudget,
  badSliceBudget,
  eventsInWindow,
  formatCount,
  formatMinutes,
  methodBudgetMinutes,
  slicesInWindow,
  windowMinutes,
} from '#shared/budget/budget';
import { periodContaining } from '#shared/budget/calendar';
import { formatPpmPercent, PPM_PER_WHOLE } from '#shared/domain/percent';
import type { Objective } from '#shared/domain/types';

/** What the budget column of a tier shows, as text. */
export type TierBudgetText = {
  /** Budget minutes of the current period: "43.2 min", or "43.2 min (November 2026)" for a calendar window. */
  minutes: string;
  /** 1 − target: "0.1 %". */
  percent: string;
  /** Allowed bad events at the service's traffic, or how many whole slices Timeslices allows; null without traffic. */
  events: string | null;
};

/**
 * The budget of a tier over its window at an instant: a calendar window uses the period containing `atMs`, named after it.
 * With traffic, Occurrences and RatioTimeslices show bad events; Timeslices counts whole bad slices instead.
 */
export function tierBudgetText(objective: Objective, requestsPerDay: number | null, atMs: number): TierBudgetText {
  const length = windowMinutes(objective.window, atMs).min;
  const minutes = methodBudgetMinutes(objective.targetPpm, length, objective.method, objective.timeslice);
  const period = objective.window.kind === 'calendar' ? periodContaining(objective.window.unit, objective.window.timeZone, atMs).label : null;
  let events: string | null = null;
  if (objective.method === 'timeslices' && objective.timeslice) {
    const slices = slicesInWindow(length, objective.timeslice.sliceMinutes);
    const bad = badSliceBudget(objective.targetPpm, slices);
    events = `${formatCount(bad)} bad slice${bad === 1 ? '' : 's'} of ${formatCount(slices)}`;
  } else if (requestsPerDay !== null) {
    events = `${formatCount(badEventBudget(objective.targetPpm, eventsInWindow(requestsPerDay, length)))} bad events`;
  }
  return {
    minutes: period ? `${formatMinutes(minutes)} (${period})` : formatMinutes(minutes),
    percent: `${formatPpmPercent(PPM_PER_WHOLE - objective.targetPpm)} %`,
    events,
  };
}
