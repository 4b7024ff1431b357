import type { History } from '#shared/analysis/history';
import { headlineCounting } from '#shared/analysis/history';
import { windowMinutes } from '#shared/budget/budget';
import { periodContaining } from '#shared/budget/calendar';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { medianStep } from '#shared/domain/step';
import { TIERS, type Objective } from '#shared/domain/types';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { replayReusing, snapWindow, type PlainSideMemo, type ReplayWindow, type TierInput } from '#shared/simulation/replay';
import type { ReplayReport } from '#shared/simulation/replay-report';
import { excludedHistory, loadHistory, tierHistory } from './analysis-service';
import { alertSetFor } from './backtest-service';
import type { WorkspaceSession } from './workspace-session';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The plain side of each workspace's last replay: replaying the same window again with other events (what the replay
 * view does as events are edited) takes it instead of analysing the unchanged history a second time. replayReusing
 * compares the samples value for value, so an edit of the history, its exclusions or a tier is never read stale.
 */
const lastPlainSide = new WeakMap<WorkspaceSession, PlainSideMemo>();

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The start of the last window of an objective ending at toMs: its rolling days before, or the calendar period toMs ends in. */
function lastWindowStart(objective: Objective, toMs: number): number {
  const w = objective.window;
  return w.kind === 'rolling' ? toMs - w.days * DAY_MS : periodContaining(w.unit, w.timeZone, toMs - 1).startMs;
}

/**
 * The window a replay reads: (fromMs, toMs] as asked, each inside the history, or by default the last window of the
 * reference tier (its rolling days, or the calendar period the history ends in), cut to where the history begins;
 * snapped to whole samples of the history the tiers are judged on. Refusals name the field at fault.
 */
function pickWindow(whole: History, judged: History, reference: Objective, args: Args<'simulation/replay'>, name: string): ReplayWindow {
  const n = whole.t.length;
  const beginMs = whole.t[0]! - (medianStep(whole.t) ?? 0);
  const lastMs = whole.t[n - 1]!;
  const range = `the history of "${name}" runs from ${utc(beginMs)} to ${utc(lastMs)}`;
  const { fromMs, toMs } = args;
  if (fromMs !== null && (fromMs < beginMs || fromMs >= lastMs))
    throw new AppFailure('INVALID_ARGUMENT', `fromMs (${utc(fromMs)}) lies outside the history: ${range}`, { field: 'fromMs' });
  if (toMs !== null && (toMs > lastMs || toMs <= beginMs))
    throw new AppFailure('INVALID_ARGUMENT', `toMs (${utc(toMs)}) lies outside the history: ${range}`, { field: 'toMs' });
  if (fromMs !== null && toMs !== null && toMs <= fromMs)
    throw new AppFailure('INVALID_ARGUMENT', `toMs (${utc(toMs)}) must come after fromMs (${utc(fromMs)})`, { field: 'toMs' });
  const to = toMs ?? lastMs;
  const from = fromMs ?? Math.max(beginMs, lastWindowStart(reference, to));
  const window = snapWindow(judged, from, to);
  if (!window)
    throw new AppFailure('INVALID_ARGUMENT', `The window from ${utc(from)} to ${utc(to)} holds fewer than two samples of "${name}" to replay`, {
      field: 'fromMs',
    });
  return window;
}

/**
 * Replays a window of an SLI's history with injected events beside the history as it was. The history is loaded as the
 * analysis loads it (the series asked for or the latest, latency judged at each tier's threshold, exclusions left out
 * when `excluding`); each tier's budget, burn-down and alerts are read over the window as the History screen and the
 * alert backtest read them, with the alert set the backtest picks for the tier's period at the window's end.
 */
export function replayHistory(session: WorkspaceSession, args: Args<'simulation/replay'>): ReplayReport {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const { sli } = loaded;
  const reference = sli.objectives.slo ?? sli.objectives.sla ?? sli.objectives.target;
  if (!reference) throw new AppFailure('INVALID_ARGUMENT', `"${sli.name}" has no tier set yet; set a target to replay its history`, { field: 'sliId' });
  if (loaded.history.t.length < 2)
    throw new AppFailure('INVALID_ARGUMENT', `The history of "${sli.name}" holds fewer than two samples; import more to replay it`, { field: 'sliId' });
  const headline = args.excluding ? excludedHistory(loaded).history : loaded.history;
  const window = pickWindow(loaded.history, headline, reference, args, sli.name);
  const own = session.alertSets().list();
  const tiers: TierInput[] = TIERS.flatMap((tier) => {
    const objective = sli.objectives[tier];
    if (!objective) return [];
    // Every tier of a good/total series reads the headline history itself, so it is injected once.
    const history = loaded.latency ? tierHistory(loaded, tier, args.excluding) : headline;
    return [{ tier, objective, set: alertSetFor(objective, window.toMs, own), history }];
  });
  const { replayed, memo } = replayReusing(
    {
      window,
      injections: args.injections,
      headline,
      rollingCounting: headlineCounting(sli),
      rollingMs: windowMinutes(reference.window, window.toMs).min * MINUTE_MS,
      tiers,
      policy: session.reader().getService(sli.serviceId)?.policy ?? DEFAULT_POLICY,
    },
    lastPlainSide.get(session) ?? null,
  );
  lastPlainSide.set(session, memo);
  return {
    sliId: sli.id,
    seriesId: loaded.info.id,
    fromMs: window.fromMs,
    toMs: window.toMs,
    excluding: args.excluding,
    setName: alertSetFor(reference, window.toMs, own).name,
    ...replayed,
  };
}
