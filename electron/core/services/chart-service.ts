import { lttb, visibleRange } from '#shared/analysis/downsample';
import { headlineCounting, rollingCompliance } from '#shared/analysis/history';
import { burnDownOf, drawnBurnDown } from '#shared/analysis/windows';
import type { Args, BurnDown, ChartData, ChartLine } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { excludedHistory, headlineThresholdMs, loadHistory, tierHistory } from './analysis-service';
import type { WorkspaceSession } from './workspace-session';

function line(x: Float64Array, y: Float64Array, from: number, to: number, maxPoints: number): ChartLine {
  const d = lttb({ x: x.subarray(from, to), y: y.subarray(from, to) }, maxPoints);
  return { x: Array.from(d.x), y: Array.from(d.y) };
}

/**
 * What the history charts draw for one view: the SLI per sample and its rolling compliance (counted as the SLO
 * counts), each downsampled with LTTB to at most maxPoints, and the exclusion bands inside the view.
 */
export function chartData(session: WorkspaceSession, args: Args<'analysis/chart'>): ChartData {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const h = args.excluding ? excludedHistory(loaded).history : loaded.history;
  const n = h.t.length;
  if (n === 0) throw new AppFailure('NOT_FOUND', 'Every sample of this history is excluded; nothing is left to draw');
  const full = { startMs: loaded.history.t[0]!, endMs: loaded.history.t[loaded.history.t.length - 1]! };
  const viewStart = Math.max(full.startMs, args.fromMs ?? full.startMs);
  const viewEnd = Math.min(full.endMs, args.toMs ?? full.endMs);
  if (viewEnd <= viewStart) throw new AppFailure('INVALID_ARGUMENT', 'The chosen range holds no history', { field: 'fromMs' });
  const sli = new Float64Array(n);
  for (let i = 0; i < n; i++) sli[i] = h.total[i]! > 0 ? h.good[i]! / h.total[i]! : NaN;
  const r = visibleRange(h.t, viewStart, viewEnd);
  // Counted as the SLO counts (its slices, for a time-slice SLO), as the History screen's figures are.
  const rolling = rollingCompliance(h, headlineCounting(loaded.sli), args.windowDays * 86_400_000);
  const rr = visibleRange(rolling.end, viewStart, viewEnd);
  return {
    series: loaded.info.name,
    full,
    view: { startMs: viewStart, endMs: viewEnd },
    samples: r.to - r.from,
    sli: line(h.t, sli, r.from, r.to, args.maxPoints),
    rolling: line(rolling.end, rolling.sli, rr.from, rr.to, args.maxPoints),
    windowDays: args.windowDays,
    excluding: args.excluding,
    exclusions: loaded.exclusions.filter((e) => e.endMs > viewStart && e.startMs < viewEnd),
    // A latency history is drawn judged at the headline threshold, as loadHistory judged it.
    ...(loaded.latency ? { latencyThresholdMs: headlineThresholdMs(loaded.sli)! } : {}),
  };
}

/**
 * The remaining error budget through the tier's budget window that starts at startMs, counted as the budget table
 * counts it (bad events, or bad slices for the time-slice methods), so it ends at 1 − budgetConsumed.
 */
export function burnDown(session: WorkspaceSession, args: Args<'analysis/burndown'>): BurnDown {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const objective = loaded.sli.objectives[args.tier];
  if (!objective) throw new AppFailure('NOT_FOUND', `"${loaded.sli.name}" has no ${args.tier.toUpperCase()} set`, { field: 'tier' });
  const b = burnDownOf(tierHistory(loaded, args.tier, args.excluding), objective, args.startMs);
  if (!b) throw new AppFailure('NOT_FOUND', 'No budget window starts at that time', { field: 'startMs' });
  const d = drawnBurnDown(b);
  return { tier: args.tier, label: b.label, startMs: b.startMs, endMs: b.endMs, budgetEvents: b.budget, remaining: { x: Array.from(d.x), y: Array.from(d.y) } };
}
