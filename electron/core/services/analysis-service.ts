import { applyExclusions, expandExclusions, type ExcludedInterval } from '#shared/analysis/exclusions';
import { analyseHistory, type History } from '#shared/analysis/history';
import { medianStep } from '#shared/domain/step';
import { judgeLatency } from '#shared/analysis/latency';
import { estimateTraffic } from '#shared/analysis/traffic';
import { budgetPerWindow } from '#shared/analysis/windows';
import { tierThresholdMs } from '#shared/domain/tiers';
import { TIER_LABELS, TIERS, type Sli, type Tier } from '#shared/domain/types';
import type { LatencyData } from '#shared/importers/types';
import type { HistoryReport, HistoryVariant, LatencyJudgement, SeriesChoice } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { SeriesInfo } from '../storage/repos/series-repo';
import { tierList } from './latency-import';
import type { WorkspaceSession } from './workspace-session';

/** A stored series' samples and, for a latency series, its values or per-bound counts: what is cached per series. */
type StoredHistory = History & { latency: LatencyData | null };

/** The history an analysis runs on: the SLI, the series chosen, its samples, and the exclusions that apply. */
export type LoadedHistory = {
  sli: Sli;
  info: SeriesInfo;
  fileName: string;
  /** The samples; a latency series of a latency SLI judged at the headline threshold (tierHistory judges each tier's). */
  history: History;
  /** A latency SLI's stored latency values or counts, from which each tier is judged; null for a good/total series. */
  latency: LatencyData | null;
  available: SeriesChoice[];
  exclusions: ExcludedInterval[];
  exclusionCount: number;
};

/** Every series imported for an SLI, newest import last. */
export function seriesChoices(session: WorkspaceSession, sliId: number): SeriesChoice[] {
  const repo = session.series();
  return repo
    .listImports(sliId)
    .flatMap((record) =>
      repo.listSeries(record.id).map((s) => ({ seriesId: s.id, importId: record.id, name: s.name, fileName: record.fileName, points: s.points })),
    );
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
  let stored = session.seriesCache.get(info.id) as StoredHistory | undefined;
  if (!stored) {
    stored = { ...session.series().readSeries(info.id), latency: session.series().readLatency(info.id) };
    session.seriesCache.set(info.id, stored);
  }
  // Another kind of SLI reads a latency series as stored: judged at the one threshold given when it was imported.
  const latency = sli.kind === 'latency' ? stored.latency : null;
  const history = latency ? judgedAt(sli, stored, latency, headlineThresholdMs(sli), null) : stored;
  const list = session.exclusions().listForSli(sli.serviceId, sli.id);
  const n = history.t.length;
  const from = n ? history.t[0]! - (medianStep(history.t) ?? 0) : 0;
  const to = n ? history.t[n - 1]! + 1 : 0;
  return {
    sli,
    info,
    fileName: choice.fileName,
    history,
    latency,
    available,
    exclusions: n ? expandExclusions(list, from, to) : [],
    exclusionCount: list.length,
  };
}

/**
 * The threshold a latency SLI's headline figures (overall, worst and best window, the chart) are judged at: the SLO's,
 * as the headline counts as the SLO does; without an SLO the SLI's default, else any tier's; null when none is set.
 */
export function headlineThresholdMs(sli: Sli): number | null {
  return (
    (sli.objectives.slo ? tierThresholdMs(sli, 'slo') : null) ??
    sli.latencyThresholdMs ??
    TIERS.map((tier) => tierThresholdMs(sli, tier)).find((ms) => ms !== null) ??
    null
  );
}

/** A latency series judged at a threshold (a tier's, or the SLI's own when tier is null), or a refusal that says why not. */
function judgedAt(sli: Sli, h: History, latency: LatencyData, thresholdMs: number | null, tier: Tier | null): History {
  const whose = tier === null ? `"${sli.name}"` : `The ${TIER_LABELS[tier]} of "${sli.name}"`;
  if (thresholdMs === null) {
    throw new AppFailure('INVALID_ARGUMENT', `${whose} has no latency threshold: set one to judge its latency history`, { field: 'latencyThresholdMs' });
  }
  const judged = judgeLatency(h, latency, thresholdMs);
  if (!judged.ok)
    throw new AppFailure('INVALID_ARGUMENT', `${tier === null ? whose : `${whose} (≤ ${thresholdMs} ms)`}: ${judged.message}`, { field: 'latencyThresholdMs' });
  return judged.history;
}

/**
 * The history one tier is judged on: for a latency series of a latency SLI, good = the events at or under the tier's
 * own threshold; otherwise the samples as loaded. Excluded periods are left out when `excluding` is set.
 */
export function tierHistory(loaded: LoadedHistory, tier: Tier, excluding: boolean): History {
  const { sli, latency } = loaded;
  const history = latency ? judgedAt(sli, loaded.history, latency, tierThresholdMs(sli, tier), tier) : loaded.history;
  return excluding ? excludedHistory(loaded, history).history : history;
}

/**
 * The history with the excluded periods left out, and how many samples that dropped; `history` is the loaded one, or
 * the same samples judged at another threshold.
 */
export function excludedHistory(loaded: LoadedHistory, history: History = loaded.history): { history: History; droppedSamples: number } {
  if (loaded.exclusions.length === 0) return { history, droppedSamples: 0 };
  const out = applyExclusions(history, loaded.exclusions);
  return { history: out.history, droppedSamples: out.droppedSamples };
}

/** The SLI with only one of its tiers. */
function onlyTier(sli: Sli, tier: Tier): Sli {
  return { ...sli, objectives: { [tier]: sli.objectives[tier] } };
}

/**
 * One variant of the analysis. A latency SLI with stored latency values has each tier's fit and budget windows judged
 * at the tier's own threshold, the recommended SLO at the SLO's and the target to aim for at the target's (else the
 * SLO's); the headline figures at the headline threshold (the SLO's).
 */
function variant(loaded: LoadedHistory, windowDays: number, excluding: boolean): HistoryVariant {
  const { sli } = loaded;
  const windowMs = windowDays * 86_400_000;
  const base = excluding ? excludedHistory(loaded).history : loaded.history;
  const windowsByTier: HistoryVariant['windowsByTier'] = {};
  const present = TIERS.filter((tier) => sli.objectives[tier]);
  if (!loaded.latency) {
    for (const tier of present) windowsByTier[tier] = budgetPerWindow(base, sli.objectives[tier]!);
    return { ...analyseHistory(base, sli, windowMs), windowsByTier };
  }
  const judged = new Map<Tier, History>(present.map((tier) => [tier, tierHistory(loaded, tier, excluding)]));
  const tiers = present.map((tier) => analyseHistory(judged.get(tier)!, onlyTier(sli, tier), windowMs).tiers[0]!);
  for (const tier of present) windowsByTier[tier] = budgetPerWindow(judged.get(tier)!, sli.objectives[tier]!);
  const sloHistory = judged.get('slo') ?? base;
  return {
    ...analyseHistory(base, sli, windowMs),
    tiers,
    windowsByTier,
    recommendation: analyseHistory(sloHistory, sli, windowMs).recommendation,
    stretch: analyseHistory(judged.get('target') ?? sloHistory, sli, windowMs).stretch,
  };
}

/** For a latency SLI whose series holds no latency values: that its tiers' own thresholds cannot be applied; else null. */
function latencyWarning(loaded: LoadedHistory): string | null {
  if (loaded.sli.kind !== 'latency' || loaded.latency) return null;
  return (
    `${loaded.fileName} holds good and total counts fixed when it was imported, not latency values: every tier is read from those counts, ` +
    `not at its own threshold${tierList(loaded.sli)}. Import the latency values with their unit to judge each tier at its own threshold.`
  );
}

/** The thresholds a latency history was judged at, for the report; null for a good/total series. */
function latencyJudgement(loaded: LoadedHistory): LatencyJudgement | null {
  const { sli, latency } = loaded;
  if (!latency) return null;
  const thresholdsMs: LatencyJudgement['thresholdsMs'] = {};
  for (const tier of TIERS) if (sli.objectives[tier]) thresholdsMs[tier] = tierThresholdMs(sli, tier)!;
  return { kind: latency.kind, unit: latency.unit, headlineThresholdMs: headlineThresholdMs(sli)!, thresholdsMs };
}

/**
 * Analyses an SLI's history: achieved SLI per rolling window, how often each tier would have been met, a recommended
 * target, each tier's budget windows with the events that spent most of them, traffic, and all of it again without
 * the excluded periods when the SLI has exclusions.
 */
export function analyseSli(session: WorkspaceSession, sliId: number, windowDays: number, seriesId: number | null = null): HistoryReport {
  const loaded = loadHistory(session, sliId, seriesId);
  const { info } = loaded;
  const all = variant(loaded, windowDays, false);
  let excluding: HistoryReport['excluding'] = null;
  if (loaded.exclusionCount > 0) {
    excluding = { ...variant(loaded, windowDays, true), exclusions: loaded.exclusionCount, droppedSamples: excludedHistory(loaded).droppedSamples };
  }
  // Traffic only from sources that count requests, which the import's format tells (not an Upptime history's minutes).
  const format = session
    .series()
    .listImports(loaded.sli.id)
    .find((r) => r.id === info.importId)!.format;
  return {
    ...all,
    excluding,
    traffic: estimateTraffic(loaded.history, { format, fileName: loaded.fileName }),
    latency: latencyJudgement(loaded),
    latencyWarning: latencyWarning(loaded),
    importId: info.importId,
    fileName: loaded.fileName,
    series: info.name,
    seriesId: info.id,
    startMs: info.startMs,
    endMs: info.endMs,
    windowDays,
    available: loaded.available,
  };
}
