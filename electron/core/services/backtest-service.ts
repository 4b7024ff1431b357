import { backtest } from '#shared/analysis/backtest';
import { alertPeriodMinutes, chooseAlertSet, DEFAULT_ALERT_SETS, type AlertWindowSet } from '#shared/budget/alerts';
import type { Objective } from '#shared/domain/types';
import { TIERS } from '#shared/domain/types';
import type { Args, BacktestReport } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { loadHistory, tierHistory } from './analysis-service';
import type { WorkspaceSession } from './workspace-session';

/** The alert set a tier's backtest uses: the one chooseAlertSet gives its period at atMs, the team's own sets first. */
export function alertSetFor(objective: Objective, atMs: number, own: readonly AlertWindowSet[]): AlertWindowSet {
  return chooseAlertSet(DEFAULT_ALERT_SETS, alertPeriodMinutes(objective.window, atMs), own);
}

/**
 * Replays each tier's multi-window burn-rate alerts over an SLI's history. The alert set is the one asked for, or for
 * each tier the set chooseAlertSet gives its period at atMs (the team's own sets first), as the tier editor's alert
 * table and the CLI's `alerts` choose it. The report's own setName and periodMinutes are the SLO's (else the SLA's,
 * else the target's).
 */
export function backtestSli(session: WorkspaceSession, args: Args<'analysis/backtest'>, atMs: number): BacktestReport {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const { sli } = loaded;
  const own = session.alertSets().list();
  let asked: AlertWindowSet | null = null;
  if (args.alertSetId !== null) {
    asked = own.find((s) => s.id === args.alertSetId) ?? null;
    if (!asked) throw new AppFailure('NOT_FOUND', `There is no alert set with id ${args.alertSetId}`, { field: 'alertSetId' });
  }
  const reference = sli.objectives.slo ?? sli.objectives.sla ?? sli.objectives.target;
  if (!asked && !reference)
    throw new AppFailure('INVALID_ARGUMENT', `"${sli.name}" has no tier set yet; set a target to backtest its alerts`, { field: 'sliId' });
  const setFor = (objective: Objective): AlertWindowSet => asked ?? alertSetFor(objective, atMs, own);
  const set = asked ?? setFor(reference!);
  const tiers: BacktestReport['tiers'] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    // A latency SLI's tiers are each replayed at their own threshold; events are counted as the tier counts (events or slices).
    if (objective) tiers.push({ tier, ...backtest(tierHistory(loaded, tier, args.excluding), objective.targetPpm, setFor(objective), objective) });
  }
  const n = loaded.history.t.length;
  return {
    setName: set.name,
    periodMinutes: set.periodMinutes,
    excluding: args.excluding,
    startMs: n ? loaded.history.t[0]! : 0,
    endMs: n ? loaded.history.t[n - 1]! : 0,
    tiers,
  };
}
