import { applyExclusions, expandExclusions, type ExcludedInterval } from '../../../shared/analysis/exclusions';
import { analyseHistory, medianStep, type History } from '../../../shared/analysis/history';
import { budgetPerWindow, estimateTraffic } from '../../../shared/analysis/windows';
import { TIERS, type Sli } from '../../../shared/domain/types';
import type { HistoryReport, HistoryVariant, SeriesChoice } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/errors';
import type { SeriesInfo } from '../storage/repos/series-repo';
import type { WorkspaceSession } from './workspace-session';

/** The history an analysis runs on: the SLI, the series chosen, its samples, and the exclusions that apply. */
export type LoadedHistory = {
  sli: Sli;
  info: SeriesInfo;
  fileName: string;
  history: History;
  available: SeriesChoice[];
  exclusions: ExcludedInterval[];
  exclusionCount: number;
};

/** Every series imported for an SLI, newest import last. */
export function seriesChoices(session: WorkspaceSession, sliId: number): SeriesChoice[] {
  const repo = session.series();
  return repo.listImports(sliId).flatMap((record) => repo.listSeries(record.id)
    .map((s) => ({ seriesId: s.id, importId: record.id, name: s.name, fileName: record.fileName, points: s.points })));
}

/**
 * Loads the history of an SLI: the series asked for, or else from the latest import the series named like the SLI's
 * kind, or its first. Samples are cached per series (stored series never change; deleting an import clears the cache).
 */
export function loadHistory(session: WorkspaceSession, sliId: number, seriesId: number | null): LoadedHistory {
  const sli = session.reader().getSli(sliId);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${sliId}`, { field: 'sliId' });
  const available = seriesChoices(session, sliId);
  if (available.length === 0) throw new AppFailure('NOT_FOUND', `No history has been imported for "${sli.name}" yet; import a file first`, { field: 'sliId' });
  let choice: SeriesChoice | undefined;
  if (seriesId !== null) {
    choice = available.find((c) => c.seriesId === seriesId);
    if (!choice) throw new AppFailure('NOT_FOUND', `Series ${seriesId} is not part of the history of "${sli.name}"`, { field: 'seriesId' });
  } else {
    const latest = available.at(-1)!.importId;
    const fromLatest = available.filter((c) => c.importId === latest);
    choice = fromLatest.find((c) => c.name === sli.kind) ?? fromLatest[0]!;
  }
  const info = session.series().getSeries(choice.seriesId)!;
  let history = session.seriesCache.get(info.id);
  if (!history) {
    history = session.series().readSeries(info.id);
    session.seriesCache.set(info.id, history);
  }
  const list = session.exclusions().listForSli(sli.serviceId, sli.id);
  const n = history.t.length;
  const from = n ? history.t[0]! - medianStep(history.t) : 0;
  const to = n ? history.t[n - 1]! + 1 : 0;
  return { sli, info, fileName: choice.fileName, history, available, exclusions: n ? expandExclusions(list, from, to) : [], exclusionCount: list.length };
}

/** The history with the excluded periods left out, and how many samples that dropped. */
export function excludedHistory(loaded: LoadedHistory): { history: History; droppedSamples: number } {
  if (loaded.exclusions.length === 0) return { history: loaded.history, droppedSamples: 0 };
  const out = applyExclusions(loaded.history, loaded.exclusions);
  return { history: out.history, droppedSamples: out.droppedSamples };
}

function variant(history: History, sli: Sli, windowDays: number): HistoryVariant {
  const windowsByTier: HistoryVariant['windowsByTier'] = {};
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (objective) windowsByTier[tier] = budgetPerWindow(history, objective);
  }
  return { ...analyseHistory(history, sli, windowDays * 86_400_000), windowsByTier };
}

/**
 * Analyses an SLI's history: achieved SLI per rolling window, how often each tier would have been met, a recommended
 * target, each tier's budget windows with the events that spent most of them, traffic, and all of it again without
 * the excluded periods when the SLI has exclusions.
 */
export function analyseSli(session: WorkspaceSession, sliId: number, windowDays: number, seriesId: number | null = null): HistoryReport {
  const loaded = loadHistory(session, sliId, seriesId);
  const { sli, info } = loaded;
  const all = variant(loaded.history, sli, windowDays);
  let excluding: HistoryReport['excluding'] = null;
  if (loaded.exclusionCount > 0) {
    const cut = excludedHistory(loaded);
    excluding = { ...variant(cut.history, sli, windowDays), exclusions: loaded.exclusionCount, droppedSamples: cut.droppedSamples };
  }
  return {
    ...all, excluding, traffic: estimateTraffic(loaded.history),
    importId: info.importId, fileName: loaded.fileName, series: info.name, seriesId: info.id, startMs: info.startMs, endMs: info.endMs, windowDays,
    available: loaded.available,
  };
}
