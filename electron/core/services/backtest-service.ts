import { backtest } from '../../../shared/analysis/backtest';
import { chooseAlertSet, DEFAULT_ALERT_SETS } from '../../../shared/budget/alerts';
import { windowMinutes } from '../../../shared/budget/budget';
import { TIERS } from '../../../shared/domain/types';
import type { Args, BacktestReport } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/errors';
import { excludedHistory, loadHistory } from './analysis-service';
import type { WorkspaceSession } from './workspace-session';

/**
 * Replays each tier's multi-window burn-rate alerts over an SLI's history. The alert set is the one asked for, or the
 * one that fits the SLO's period best (the team's own sets first), as the alerts table chooses it.
 */
export function backtestSli(session: WorkspaceSession, args: Args<'analysis/backtest'>): BacktestReport {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const { sli } = loaded;
  const h = args.excluding ? excludedHistory(loaded).history : loaded.history;
  const own = session.alertSets().list();
  let set;
  if (args.alertSetId !== null) {
    set = own.find((s) => s.id === args.alertSetId);
    if (!set) throw new AppFailure('NOT_FOUND', `There is no alert set with id ${args.alertSetId}`, { field: 'alertSetId' });
  } else {
    const reference = sli.objectives.slo ?? sli.objectives.sla ?? sli.objectives.target;
    if (!reference) throw new AppFailure('INVALID_ARGUMENT', `"${sli.name}" has no tier set yet; set a target to backtest its alerts`, { field: 'sliId' });
    set = chooseAlertSet(DEFAULT_ALERT_SETS, windowMinutes(reference.window).max, own);
  }
  const tiers: BacktestReport['tiers'] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (objective) tiers.push({ tier, ...backtest(h, objective.targetPpm, set) });
  }
  const n = loaded.history.t.length;
  return {
    setName: set.name, periodMinutes: set.periodMinutes, excluding: args.excluding,
    startMs: n ? loaded.history.t[0]! : 0, endMs: n ? loaded.history.t[n - 1]! : 0, tiers,
  };
}
