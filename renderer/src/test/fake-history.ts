// Imported history behind a FakeCore: one synthetic series per SLI, analysed with the shared analysis functions (the
// same ones the core's analysis, chart and backtest services call), so the History screen shows real figures.
import { backtest } from '#shared/analysis/backtest';
import { lttb, visibleRange } from '#shared/analysis/downsample';
import { checkExclusion, type Exclusion } from '#shared/analysis/exclusions';
import { analyseHistory, headlineCounting, rollingCompliance, type History } from '#shared/analysis/history';
import { estimateTraffic } from '#shared/analysis/traffic';
import { budgetPerWindow, burnDownOf } from '#shared/analysis/windows';
import { alertPeriodMinutes, chooseAlertSet, DEFAULT_ALERT_SETS } from '#shared/budget/alerts';
import { TIERS, type Sli } from '#shared/domain/types';
import type { BacktestReport, ChartData, HistoryReport, ImportListing } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { FakeCore } from './fake-core';
import type { FakeWorkspace } from './fake-workspace';

/** 1 September 2026, 00:00 UTC: where the synthetic histories start. */
export const HISTORY_START_MS = Date.UTC(2026, 8, 1);
const STEP_MS = 10 * 60_000;

/** An outage: `samples` consecutive 10-minute samples from `atDay` (fractional days allowed) in which `goodShare` of requests succeed. */
export type Outage = { atDay: number; samples: number; goodShare: number };

/**
 * `days` of 10-minute samples of 1,000 requests each, all good except in the outages. One outage of 6 samples with no
 * good request costs 6,000 bad events: more than a 30-day 99.9 % budget (4,320), well inside a 99.5 % one (21,600).
 */
export function syntheticHistory(days: number, outages: readonly Outage[]): History {
  const n = (days * 86_400_000) / STEP_MS;
  const h: History = { t: new Float64Array(n), good: new Float64Array(n), total: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    h.t[i] = HISTORY_START_MS + (i + 1) * STEP_MS;
    h.total[i] = 1000;
    h.good[i] = 1000;
  }
  for (const o of outages) {
    const from = Math.round((o.atDay * 86_400_000) / STEP_MS);
    for (let i = from; i < from + o.samples; i++) h.good[i] = Math.round(1000 * o.goodShare);
  }
  return h;
}

type Stored = { importId: number; seriesId: number; fileName: string; history: History };

const line = (x: Float64Array, y: Float64Array, from: number, to: number, maxPoints: number) => {
  const d = lttb({ x: x.subarray(from, to), y: y.subarray(from, to) }, maxPoints);
  return { x: Array.from(d.x), y: Array.from(d.y) };
};

/** The imported history of a workspace's SLIs, answering the analysis, import-list and exclusion channels. */
export class FakeHistory {
  private readonly stored = new Map<number, Stored>();
  private exclusions: Exclusion[] = [];
  private nextExclusion = 1;

  constructor(
    core: FakeCore,
    private readonly workspace: FakeWorkspace,
  ) {
    core
      .answer('analysis/sli', (a) => this.report(a.sliId, a.windowDays))
      .answer('analysis/chart', (a) => this.chart(a.sliId, a.windowDays, a.fromMs, a.toMs, a.maxPoints, a.excluding))
      .answer('analysis/backtest', (a) => this.backtest(a.sliId, a.excluding))
      .answer('analysis/burndown', (a) => {
        const { sli, stored } = this.load(a.sliId);
        const b = burnDownOf(stored.history, sli.objectives[a.tier]!, a.startMs);
        if (!b) throw new AppFailure('NOT_FOUND', 'No budget window starts at that time', { field: 'startMs' });
        return {
          tier: a.tier,
          label: b.label,
          startMs: b.startMs,
          endMs: b.endMs,
          budgetEvents: b.budget,
          remaining: line(b.x, b.remaining, 0, b.x.length, 1000),
        };
      })
      .answer('import/list', (a) => this.listing(a.sliId))
      .answer('import/delete', (a) => {
        for (const [sliId, s] of this.stored) if (s.importId === a.importId) this.stored.delete(sliId);
        return { importId: a.importId };
      })
      .answer('exclusion/list', (a) => this.exclusions.filter((e) => e.serviceId === a.serviceId))
      .answer('exclusion/add', (a) => {
        // The core's own check of a spec (duration, reason, zone, and a rule the start lies on).
        const checked = checkExclusion(a.exclusion);
        if (!checked.ok) throw new AppFailure('INVALID_ARGUMENT', checked.message, { field: checked.field });
        const exclusion: Exclusion = { id: this.nextExclusion++, serviceId: a.serviceId, sliId: a.sliId, ...checked.value };
        this.exclusions.push(exclusion);
        return exclusion;
      })
      .answer('exclusion/delete', (a) => {
        this.exclusions = this.exclusions.filter((e) => e.id !== a.id);
        return { id: a.id };
      });
  }

  /** Stores a history for an SLI as an import of `fileName`. */
  add(sliId: number, fileName: string, history: History): void {
    const id = this.stored.size + 1;
    this.stored.set(sliId, { importId: id, seriesId: 100 + id, fileName, history });
  }

  private load(sliId: number): { sli: Sli; stored: Stored } {
    const sli = this.workspace.sli(sliId);
    const stored = this.stored.get(sliId);
    if (!stored) throw new AppFailure('NOT_FOUND', `No history has been imported for "${sli.name}" yet; import a file first`, { field: 'sliId' });
    return { sli, stored };
  }

  private listing(sliId: number): ImportListing[] {
    const s = this.stored.get(sliId);
    if (!s) return [];
    const n = s.history.t.length;
    const series = { seriesId: s.seriesId, name: 'availability', points: n, stepMs: STEP_MS, startMs: s.history.t[0]!, endMs: s.history.t[n - 1]! };
    return [
      { id: s.importId, fileName: s.fileName, format: 'csv', acceptedRows: n, rejectedRows: 0, mergedRows: 0, finishedAt: HISTORY_START_MS, series: [series] },
    ];
  }

  private report(sliId: number, windowDays: number): HistoryReport {
    const { sli, stored } = this.load(sliId);
    const h = stored.history;
    const windowsByTier: HistoryReport['windowsByTier'] = {};
    for (const tier of TIERS) if (sli.objectives[tier]) windowsByTier[tier] = budgetPerWindow(h, sli.objectives[tier]!);
    const n = h.t.length;
    return {
      ...analyseHistory(h, sli, windowDays * 86_400_000),
      windowsByTier,
      excluding: null,
      traffic: estimateTraffic(h, { format: 'csv', fileName: stored.fileName }),
      latency: null,
      latencyWarning: null,
      importId: stored.importId,
      fileName: stored.fileName,
      series: 'availability',
      seriesId: stored.seriesId,
      startMs: h.t[0]!,
      endMs: h.t[n - 1]!,
      windowDays,
      available: [{ seriesId: stored.seriesId, importId: stored.importId, name: 'availability', fileName: stored.fileName, points: n }],
    };
  }

  private chart(sliId: number, windowDays: number, fromMs: number | null, toMs: number | null, maxPoints: number, excluding: boolean): ChartData {
    const { sli, stored } = this.load(sliId);
    const h = stored.history;
    const full = { startMs: h.t[0]!, endMs: h.t[h.t.length - 1]! };
    const view = { startMs: Math.max(full.startMs, fromMs ?? full.startMs), endMs: Math.min(full.endMs, toMs ?? full.endMs) };
    const sliValues = h.good.map((g, i) => g / h.total[i]!);
    const r = visibleRange(h.t, view.startMs, view.endMs);
    const rolling = rollingCompliance(h, headlineCounting(sli), windowDays * 86_400_000);
    const rr = visibleRange(rolling.end, view.startMs, view.endMs);
    return {
      series: 'availability',
      full,
      view,
      samples: r.to - r.from,
      sli: line(h.t, sliValues, r.from, r.to, maxPoints),
      rolling: line(rolling.end, rolling.sli, rr.from, rr.to, maxPoints),
      windowDays,
      excluding,
      exclusions: [],
    };
  }

  private backtest(sliId: number, excluding: boolean): BacktestReport {
    const { sli, stored } = this.load(sliId);
    const h = stored.history;
    const tiers: BacktestReport['tiers'] = [];
    const setFor = (tier: (typeof TIERS)[number]) =>
      chooseAlertSet(DEFAULT_ALERT_SETS, alertPeriodMinutes(sli.objectives[tier]!.window, HISTORY_START_MS), this.workspace.custom);
    for (const tier of TIERS) {
      const objective = sli.objectives[tier];
      if (objective) tiers.push({ tier, ...backtest(h, objective.targetPpm, setFor(tier), objective) });
    }
    const reference = tiers.find((t) => t.tier === 'slo') ?? tiers[0];
    const set = reference ? setFor(reference.tier) : DEFAULT_ALERT_SETS[0]!;
    return { setName: set.name, periodMinutes: set.periodMinutes, excluding, startMs: h.t[0]!, endMs: h.t[h.t.length - 1]!, tiers };
  }
}
