import { lttb, visibleRange } from '../../../shared/analysis/downsample';
import { rollingWindows } from '../../../shared/analysis/history';
import { budgetPerWindow } from '../../../shared/analysis/windows';
import { DEFAULT_TIMESLICE } from '../../../shared/domain/types';
import type { Args, BurnDown, ChartData, ChartLine } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/errors';
import { excludedHistory, loadHistory } from './analysis-service';
import type { WorkspaceSession } from './workspace-session';

function line(x: Float64Array, y: Float64Array, from: number, to: number, maxPoints: number): ChartLine {
  const d = lttb({ x: x.subarray(from, to), y: y.subarray(from, to) }, maxPoints);
  return { x: Array.from(d.x), y: Array.from(d.y) };
}

/**
 * What the history charts draw for one view: the SLI per sample and its rolling compliance, each downsampled with
 * LTTB to at most maxPoints, and the exclusion bands inside the view.
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
  const rolling = rollingWindows(h, args.windowDays * 86_400_000);
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
  };
}

/** Most points of a burn-down line. */
const BURNDOWN_POINTS = 1000;

/**
 * The remaining error budget through the tier's budget window that starts at startMs: 1 − spent / budget after each
 * sample, in events for occurrences and in slices for the time-slice methods, so it ends at 1 − budgetConsumed.
 */
export function burnDown(session: WorkspaceSession, args: Args<'analysis/burndown'>): BurnDown {
  const loaded = loadHistory(session, args.sliId, args.seriesId);
  const objective = loaded.sli.objectives[args.tier];
  if (!objective) throw new AppFailure('NOT_FOUND', `"${loaded.sli.name}" has no ${args.tier.toUpperCase()} set`, { field: 'tier' });
  const h = args.excluding ? excludedHistory(loaded).history : loaded.history;
  const window = budgetPerWindow(h, objective, 0).find((w) => w.startMs === args.startMs);
  if (!window) throw new AppFailure('NOT_FOUND', 'No budget window starts at that time', { field: 'startMs' });
  const r = visibleRange(h.t, window.startMs + 1, window.endMs);
  // visibleRange widens by one point each side; keep only samples whose time lies inside the window.
  let from = r.from;
  let to = r.to;
  while (from < to && h.t[from]! <= window.startMs) from++;
  while (to > from && h.t[to - 1]! > window.endMs) to--;
  const target = objective.targetPpm / 1_000_000;
  const x = new Float64Array(to - from + 1);
  const y = new Float64Array(to - from + 1);
  x[0] = window.startMs;
  y[0] = 1;
  let budget: number;
  const spentAt = new Float64Array(to - from);
  if (objective.method === 'occurrences') {
    budget = (1 - target) * window.total;
    let bad = 0;
    for (let i = from; i < to; i++) {
      bad += h.total[i]! - h.good[i]!;
      spentAt[i - from] = bad;
    }
  } else {
    const slice = objective.timeslice ?? DEFAULT_TIMESLICE;
    const sliceMs = slice.sliceMinutes * 60_000;
    budget = (1 - target) * ((window.endMs - window.startMs) / sliceMs);
    let bad = 0;
    let sliceEnd = -Infinity;
    let g = 0;
    let t = 0;
    for (let i = from; i < to; i++) {
      if (h.t[i]! > sliceEnd) {
        if (t > 0 && g / t < slice.sliceTargetPpm / 1_000_000) bad++;
        sliceEnd = window.startMs + Math.ceil((h.t[i]! - window.startMs) / sliceMs) * sliceMs;
        g = 0;
        t = 0;
      }
      g += h.good[i]!;
      t += h.total[i]!;
      spentAt[i - from] = bad + (i === to - 1 && t > 0 && g / t < slice.sliceTargetPpm / 1_000_000 ? 1 : 0);
    }
  }
  for (let i = from; i < to; i++) {
    x[i - from + 1] = h.t[i]!;
    y[i - from + 1] = budget > 0 ? 1 - spentAt[i - from]! / budget : spentAt[i - from]! > 0 ? -Infinity : 1;
  }
  const d = lttb({ x, y }, BURNDOWN_POINTS);
  return {
    tier: args.tier, label: window.label, startMs: window.startMs, endMs: window.endMs, budgetEvents: budget,
    remaining: { x: Array.from(d.x), y: Array.from(d.y, (v) => (Number.isFinite(v) ? v : -10)) },
  };
}
