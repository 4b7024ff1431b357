import type { StateCreator } from 'zustand';
import type { Exclusion, ExclusionSpec } from '#shared/analysis/exclusions';
import type { Tier } from '#shared/domain/types';
import type { BacktestReport, BurnDown, ChartData, HistoryReport, ImportListing } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';
import type { AppState } from './store';

/** What the History screen shows for one SLI: its analysis, chart view, backtest, exclusions and imports. */
export type HistorySlice = {
  historySliId: number | null;
  windowDays: number;
  seriesId: number | null;
  /** Whether the charts and backtest leave excluded periods out. */
  excluding: boolean;
  zoom: { fromMs: number; toMs: number } | null;
  report: HistoryReport | null;
  chart: ChartData | null;
  backtest: BacktestReport | null;
  burndown: BurnDown | null;
  burndownWindow: { tier: Tier; startMs: number } | null;
  exclusions: Exclusion[];
  imports: ImportListing[];
  historyError: AppError | null;
  historyLoading: boolean;
  selectHistorySli(sliId: number | null): void;
  setWindowDays(days: number): void;
  setSeries(seriesId: number | null): void;
  setExcluding(excluding: boolean): void;
  setZoom(fromMs: number | null, toMs: number | null): void;
  selectBudgetWindow(window: { tier: Tier; startMs: number } | null): void;
  refreshHistory(): Promise<void>;
  refreshChart(): Promise<void>;
  addExclusion(serviceId: number, sliId: number | null, exclusion: ExclusionSpec): Promise<AppError | null>;
  deleteExclusion(id: number): Promise<void>;
  deleteImport(importId: number): Promise<void>;
};

/** Creates the history slice; every read goes to the core, which caches the series. */
export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  // Answers to older requests are dropped: a slow refresh must not overwrite what a newer choice asked for.
  let historyRequest = 0;
  let chartRequest = 0;
  return {
    historySliId: null,
    windowDays: 30,
    seriesId: null,
    excluding: true,
    zoom: null,
    report: null,
    chart: null,
    backtest: null,
    burndown: null,
    burndownWindow: null,
    exclusions: [],
    imports: [],
    historyError: null,
    historyLoading: false,
    selectHistorySli(sliId) {
      set({ historySliId: sliId, seriesId: null, zoom: null, burndownWindow: null, burndown: null, report: null, chart: null, backtest: null });
      void get().refreshHistory();
    },
    setWindowDays(days) {
      set({ windowDays: days });
      void get().refreshHistory();
    },
    setSeries(seriesId) {
      set({ seriesId, zoom: null, burndownWindow: null, burndown: null });
      void get().refreshHistory();
    },
    setExcluding(excluding) {
      set({ excluding });
      void get().refreshHistory();
    },
    setZoom(fromMs, toMs) {
      set({ zoom: fromMs === null || toMs === null ? null : { fromMs, toMs } });
      void get().refreshChart();
    },
    selectBudgetWindow(window) {
      set({ burndownWindow: window, burndown: null });
      if (!window) return;
      const { client, historySliId, excluding, seriesId } = get();
      if (historySliId === null) return;
      void client.invoke('analysis/burndown', { sliId: historySliId, tier: window.tier, startMs: window.startMs, excluding, seriesId }).then((r) => {
        if (get().burndownWindow !== window) return;
        if (r.ok) set({ burndown: r.value });
        else get().showError(r.error);
      });
    },
    async refreshHistory() {
      const { client, historySliId: sliId, windowDays, seriesId, excluding } = get();
      const service = get().services.find((s) => s.slis.some((x) => x.id === sliId));
      if (sliId === null || !service || !get().workspace.workspace) {
        return set({ report: null, chart: null, backtest: null, exclusions: [], imports: [], historyError: null });
      }
      set({ historyLoading: true });
      const request = ++historyRequest;
      const [report, imports, exclusions, backtest] = await Promise.all([
        client.invoke('analysis/sli', { sliId, windowDays, seriesId }),
        client.invoke('import/list', { sliId }),
        client.invoke('exclusion/list', { serviceId: service.id }),
        client.invoke('analysis/backtest', { sliId, excluding, seriesId }),
      ]);
      if (request !== historyRequest) return;
      set({
        historyLoading: false,
        imports: imports.ok ? imports.value : [],
        exclusions: exclusions.ok ? exclusions.value : [],
        report: report.ok ? report.value : null,
        backtest: backtest.ok ? backtest.value : null,
        // No history yet is the empty state, not an error.
        historyError: report.ok || report.error.code === 'NOT_FOUND' ? null : report.error,
      });
      if (report.ok) await get().refreshChart();
      else set({ chart: null });
      const w = get().burndownWindow;
      if (w) get().selectBudgetWindow(w);
    },
    async refreshChart() {
      const { client, historySliId: sliId, windowDays, seriesId, excluding, zoom, report } = get();
      if (sliId === null || !report) return;
      const request = ++chartRequest;
      const r = await client.invoke('analysis/chart', {
        sliId,
        windowDays,
        seriesId: seriesId ?? report.seriesId,
        excluding,
        fromMs: zoom?.fromMs ?? null,
        toMs: zoom?.toMs ?? null,
        maxPoints: 1500,
      });
      if (request !== chartRequest) return;
      if (r.ok) set({ chart: r.value });
      else get().showError(r.error);
    },
    async addExclusion(serviceId, sliId, exclusion) {
      const r = await get().ownChange('exclusions-changed', { serviceId }, () => get().client.invoke('exclusion/add', { serviceId, sliId, exclusion }));
      return r.ok ? null : r.error;
    },
    async deleteExclusion(id) {
      const serviceId = get().exclusions.find((e) => e.id === id)?.serviceId ?? -1;
      const r = await get().ownChange('exclusions-changed', { serviceId }, () => get().client.invoke('exclusion/delete', { id }));
      if (!r.ok) get().showError(r.error);
    },
    async deleteImport(importId) {
      const sliId = get().historySliId ?? -1;
      const r = await get().ownChange('history-changed', { sliId }, async () => {
        const deleted = await get().client.invoke('import/delete', { importId });
        if (deleted.ok) set({ seriesId: null, zoom: null });
        return deleted;
      });
      if (!r.ok) get().showError(r.error);
    },
  };
};
