import { z } from 'zod';
import type { Backtest } from '../../analysis/backtest';
import type { ExcludedInterval } from '../../analysis/exclusions';
import type { HistoryAnalysis } from '../../analysis/history';
import type { TrafficEstimate } from '../../analysis/traffic';
import type { WindowBudget } from '../../analysis/windows';
import { TIERS, type Tier } from '../../domain/types';
import { checkWindowDays } from '../../domain/validation';
import { checked, EVERY_HOST, id, returns, timeMs, type ChannelSpec } from './fields';

/**
 * How a latency history was judged: from each sample's values or from per-bound counts (written in `unit`), each tier at
 * its own threshold (value ≤ threshold is good). The headline figures (overall, worst, best, the chart) use
 * headlineThresholdMs (the SLO's, else the SLI's), the recommended SLO the SLO's and the performance target to aim
 * for the target's (else the SLO's).
 */
export type LatencyJudgement = { kind: 'values' | 'counts'; unit: 'ms' | 's' | 'us'; headlineThresholdMs: number; thresholdsMs: Partial<Record<Tier, number>> };

/** One variant of an SLI's analysis (all data, or with exclusions left out): the rolling-window view and each tier's budget windows. */
export type HistoryVariant = HistoryAnalysis & { windowsByTier: Partial<Record<Tier, WindowBudget[]>> };

/** One imported series an analysis can use. */
export type SeriesChoice = { seriesId: number; importId: number; name: string; fileName: string; points: number };

/**
 * The analysis of an SLI's imported history, with where the data came from. The top level is the analysis of all
 * data; `excluding` repeats it without the excluded periods (null when the SLI has no exclusions).
 */
export type HistoryReport = HistoryVariant & {
  importId: number;
  fileName: string;
  series: string;
  seriesId: number;
  startMs: number | null;
  endMs: number | null;
  windowDays: number;
  /** Every imported series of the SLI, to choose from (an Upptime file holds one per monitor). */
  available: SeriesChoice[];
  excluding: (HistoryVariant & { exclusions: number; droppedSamples: number }) | null;
  /** Traffic the history shows when its source counts requests, named with its import; else why there is none. */
  traffic: TrafficEstimate;
  /** For a latency series with its values kept: the thresholds each tier was judged at; null for good/total series. */
  latency: LatencyJudgement | null;
  /** For a latency SLI whose series holds only good/total counts: that the tiers' own thresholds cannot be applied. */
  latencyWarning: string | null;
};

/** Points of a chart line as plain arrays (x in UTC ms). */
export type ChartLine = { x: number[]; y: number[] };

/** What the history charts draw for one view: the SLI per sample and its rolling compliance, downsampled, with exclusion bands. */
export type ChartData = {
  series: string;
  /** The whole history and the part shown. */
  full: { startMs: number; endMs: number };
  view: { startMs: number; endMs: number };
  /** Samples inside the view before downsampling. */
  samples: number;
  sli: ChartLine;
  rolling: ChartLine;
  windowDays: number;
  /** True when the lines leave the excluded periods out (they are drawn as bands either way). */
  excluding: boolean;
  exclusions: ExcludedInterval[];
  /** For a latency history: the threshold the lines are judged at (the SLO's, else the SLI's); absent otherwise. */
  latencyThresholdMs?: number;
};

/** Remaining error budget through one budget window of a tier: 1 untouched, 0 spent, below 0 overspent. */
export type BurnDown = { tier: Tier; label: string; startMs: number; endMs: number; budgetEvents: number; remaining: ChartLine };

/** The alert backtest of each tier of an SLI with one alert set. */
export type BacktestReport = {
  setName: string;
  periodMinutes: number;
  excluding: boolean;
  startMs: number;
  endMs: number;
  tiers: (Backtest & { tier: Tier })[];
};

const windowDays = checked(z.number(), checkWindowDays).default(30);
const seriesId = id.nullable().default(null);
const excluding = z.boolean().default(true);

/** The analysis of an SLI's imported history: the report, the charts, the budget burn-down and the alert backtest. */
export const analysisChannels = {
  'analysis/sli': {
    args: z.object({ sliId: id, windowDays, seriesId }).strict(),
    result: returns<HistoryReport>(),
    hosts: EVERY_HOST,
  },
  'analysis/chart': {
    args: z
      .object({
        sliId: id,
        fromMs: timeMs.nullable().default(null),
        toMs: timeMs.nullable().default(null),
        maxPoints: z.number().int().min(10).max(10_000).default(1500),
        windowDays,
        seriesId,
        excluding,
      })
      .strict(),
    result: returns<ChartData>(),
    hosts: EVERY_HOST,
  },
  'analysis/burndown': {
    args: z.object({ sliId: id, tier: z.enum(TIERS), startMs: timeMs, excluding, seriesId }).strict(),
    result: returns<BurnDown>(),
    hosts: EVERY_HOST,
  },
  'analysis/backtest': {
    args: z.object({ sliId: id, excluding, alertSetId: id.nullable().default(null), seriesId }).strict(),
    result: returns<BacktestReport>(),
    hosts: EVERY_HOST,
  },
} as const satisfies Record<string, ChannelSpec>;
