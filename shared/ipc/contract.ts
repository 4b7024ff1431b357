import { z } from 'zod';
import type { Backtest } from '../analysis/backtest';
import { EXCLUSION_CATEGORIES, type ExcludedInterval, type Exclusion } from '../analysis/exclusions';
import type { HistoryAnalysis } from '../analysis/history';
import type { TrafficEstimate } from '../analysis/traffic';
import type { WindowBudget } from '../analysis/windows';
import type { AlertWindowSet } from '../budget/alerts';
import { isKnownTimeZone } from '../budget/calendar';
import { IMPORT_FORMATS, type ImportFormat, type ImportIssue } from '../importers/types';
import { TEXT_ENCODINGS, type TextEncodingName } from '../importers/csv/decode';
import { checkBucketMs } from '../importers/minute-buckets';
import { checkTargetPpm } from '../domain/percent';
import { BUDGETING_METHODS, CALENDAR_UNITS, SLI_KINDS, TIERS, type Service, type Sli, type Tier } from '../domain/types';
import { checkName, checkThresholdMs, checkWindowDays, MAX_NAME_LENGTH, type FieldCheck } from '../domain/validation';

/** Turns a shared field check into a zod refinement so the boundary and the forms speak with one voice. */
function checked<T, I>(base: z.ZodType<I>, check: (input: I) => FieldCheck<T>) {
  return base.transform((input, ctx) => {
    const result = check(input);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
}

const id = z.number().int().positive();
const serviceName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'Service name'));
const sliName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'SLI name'));
const freeText = z.string().max(2000);
const thresholdMs = checked(z.number(), checkThresholdMs);
const workspacePath = z.string().min(1, 'A file name is required').max(4096);

/** Boundary schema of an objective window. */
export const windowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), days: checked(z.number(), checkWindowDays) }),
  z.object({
    kind: z.literal('calendar'),
    unit: z.enum(CALENDAR_UNITS, { message: `Calendar unit must be one of ${CALENDAR_UNITS.join(', ')}` }),
    timeZone: z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' }),
  }),
]);

/** Boundary schema of the time-slice parameters. */
export const timesliceSchema = z.object({
  sliceMinutes: z.number().int().min(1, 'Slice length must be at least 1 minute').max(1440, 'Slice length must be at most 1440 minutes'),
  sliceTargetPpm: checked(z.number(), checkTargetPpm),
});

/** Longest redundancy-group name. */
const groupName = z.string().trim().min(1, 'A redundancy group needs a name').max(60, 'A redundancy group name must be at most 60 characters');

/** Boundary schema of an error-budget policy; its rules are checked by checkPolicy in the core. */
export const policySchema = z
  .object({
    warningBelowPercent: z.number(),
    criticalBelowPercent: z.number(),
    warningBurnRate: z.number(),
    criticalBurnRate: z.number(),
    actions: z.object({ healthy: z.string(), warning: z.string(), critical: z.string(), exhausted: z.string() }).strict(),
  })
  .strict();

const alertWindowSchema = z.object({ budgetPercent: z.number(), shortMinutes: z.number(), longMinutes: z.number() }).strict();

/** Boundary schema of an alert window set; its rules are checked by checkAlertSet in the core. */
export const alertSetSchema = z
  .object({
    name: z.string().max(100),
    periodMinutes: z.number(),
    page: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
    ticket: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
  })
  .strict();

/** The alert window sets a workspace offers: the built-in ones and the team's own (with ids). */
export type AlertSetList = { builtIn: AlertWindowSet[]; custom: (AlertWindowSet & { id: number })[] };

const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);

/** Boundary schema of a CSV column mapping. */
export const csvMappingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('good-total'), time: columnRef, good: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('bad-total'), time: columnRef, bad: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('ratio'), time: columnRef, ratio: columnRef, total: columnRef.optional() }).strict(),
  z
    .object({
      kind: z.literal('value-threshold'),
      time: columnRef,
      value: columnRef,
      threshold: z.number().refine(Number.isFinite, 'The threshold must be a number'),
      direction: z.enum(['below', 'above']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('latency'),
      time: columnRef,
      value: columnRef,
      unit: z.enum(['ms', 's', 'us'], { message: 'The unit of the values is ms, s or us (µs)' }),
    })
    .strict(),
]);

/**
 * A stored series as an import reports it: its name, samples, typical step and time span, and for a latency series
 * what it keeps to judge each tier (values, or counts at `bounds` latency bounds) and the unit the latencies were in.
 */
export type SeriesSummary = {
  name: string;
  points: number;
  stepMs: number | null;
  startMs: number | null;
  endMs: number | null;
  latency?: { kind: 'values' | 'counts'; unit: 'ms' | 's' | 'us'; bounds: number };
};

/** Where an import came from: a file format, or a live Prometheus server's HTTP API. */
export type ImportSource = ImportFormat | 'prometheus-api';

/** What an import did: stored (with its series), recognised as a duplicate, or refused because of bad rows. */
export type ImportSummary = {
  status: 'stored' | 'duplicate' | 'refused';
  importId: number | null;
  fileName: string;
  format: ImportSource;
  /**
   * Rows kept, rejected with an error, and merged into another row as duplicates of its time: together every row of
   * the file (ParseResult in shared/importers/types.ts says what a row is per format).
   */
  accepted: number;
  rejected: number;
  merged: number;
  series: SeriesSummary[];
  issues: ImportIssue[];
};

/**
 * How a latency history was judged: from each sample's values or from per-bound counts (written in `unit`), each tier at
 * its own threshold (value ≤ threshold is good). The headline figures (overall, worst, best, the chart) use
 * headlineThresholdMs (the SLO's, else the SLI's), the recommended SLO the SLO's and the performance target to aim
 * for the target's (else the SLO's).
 */
export type LatencyJudgement = { kind: 'values' | 'counts'; unit: 'ms' | 's' | 'us'; headlineThresholdMs: number; thresholdsMs: Partial<Record<Tier, number>> };

/** One variant of an SLI's analysis (all data, or with exclusions left out): the rolling-window view and each tier's budget windows. */
export type HistoryVariant = HistoryAnalysis & { windowsByTier: Partial<Record<Tier, WindowBudget[]>> };

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

/** The first lines of a file and what the import wizard guessed from them, before anything is stored. */
export type ImportPreview = {
  fileName: string;
  bytes: number;
  format: ImportFormat;
  /** The first lines as text (each cut to 300 characters). */
  lines: string[];
  /** The text encoding the preview was asked to read the file in (else UTF-8, or as its byte-order mark says). */
  encoding?: TextEncodingName;
  /** For CSV/TSV: delimiter, header, preview rows, guessed roles, a suggested mapping and time format. */
  csv: {
    delimiter: string;
    hasHeader: boolean;
    headers: string[];
    rows: string[][];
    roles: (string | null)[];
    mapping: z.output<typeof csvMappingSchema> | null;
    timeFormat: 'iso' | 'epoch-s' | 'epoch-ms';
    /** True when the sample timestamps carry no offset, so the user must choose a time zone. */
    needsTimeZone: boolean;
  } | null;
  issues: ImportIssue[];
};

/** An import as listed for an SLI, newest last, with its series. */
export type ImportListing = {
  id: number;
  fileName: string;
  format: ImportSource;
  acceptedRows: number;
  rejectedRows: number;
  mergedRows: number;
  finishedAt: number | null;
  series: (SeriesSummary & { seriesId: number })[];
};

/** One imported series an analysis can use. */
export type SeriesChoice = { seriesId: number; importId: number; name: string; fileName: string; points: number };

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

/** What the host can do with files: native dialogs (Electron), a folder the server may use (browser mode), or raw paths (CLI). */
export type FileAccess = 'dialog' | 'folder' | 'path';

/** Facts about the host the UI is talking to. */
export type HostInfo = { host: 'electron' | 'browser' | 'cli'; version: string; fileAccess: FileAccess };

/** The open workspace as the UI shows it. */
export type WorkspaceInfo = {
  name: string;
  location: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  schemaVersion: number;
};

/** Everything the title bar and the Edit menu need: the open workspace and what undo/redo would do. */
export type WorkspaceState = {
  workspace: WorkspaceInfo | null;
  undoLabel: string | null;
  redoLabel: string | null;
};

/** A recently used workspace; opened by id so clients never send paths back. */
export type RecentEntry = { id: string; name: string; location: string; exists: boolean };

/** The workspaces and subfolders a browser-mode server may use, relative to its folder. */
export type FolderListing = {
  /** The served folder's own name (its last path segment), never its real path. */
  folder: string;
  subfolder: string;
  /** Workspaces, subfolders and files that look like history to import (csv, tsv, json, log, txt). */
  entries: { name: string; kind: 'workspace' | 'folder' | 'data'; modifiedMs: number }[];
};

const none = z.object({}).strict();
const jobId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A job id is letters, digits, - and _');
const timeMs = z.number().int('Times are whole milliseconds').min(0, 'Times start at 1970').max(8.64e15, 'That time is out of range');
const timeZone = z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' });

/** Boundary schema of an exclusion; its rules (rule syntax, duration) are checked by checkExclusion in the core. */
export const exclusionSchema = z
  .object({
    category: z.enum(EXCLUSION_CATEGORIES, { message: `Category must be one of ${EXCLUSION_CATEGORIES.join(', ')}` }),
    reason: z.string().max(500, 'A reason must be at most 500 characters'),
    startMs: timeMs,
    durationMinutes: z.number(),
    rrule: z.string().max(500).nullable(),
    timeZone,
  })
  .strict();

/** Boundary schema of the live Prometheus queries: good and total, or an error ratio. */
export const promQuerySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('good-total'),
      good: z.string().min(1, 'A PromQL query for good events is required').max(4000),
      total: z.string().min(1, 'A PromQL query for total events is required').max(4000),
    })
    .strict(),
  z.object({ kind: z.literal('error-ratio'), errorRatio: z.string().min(1, 'A PromQL query for the error ratio is required').max(4000) }).strict(),
]);
// A typed placeholder: results are produced by our own code, so they carry a type but need no runtime schema.
const returns = <T>() => undefined as unknown as T;

/** The contract: every channel's argument schema and result type. Hosts and clients are derived from it. */
export const contract = {
  'app/info': { args: none, result: returns<HostInfo>() },
  'workspace/state': { args: none, result: returns<WorkspaceState>() },
  'workspace/create': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/open': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/save-as': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/close': { args: none, result: returns<WorkspaceState>() },
  'workspace/recent': { args: none, result: returns<RecentEntry[]>() },
  'workspace/open-recent': { args: z.object({ id: z.string().min(1).max(64) }).strict(), result: returns<WorkspaceState>() },
  'workspace/list-folder': {
    args: z.object({ subfolder: z.string().max(1024).default('') }).strict(),
    result: returns<FolderListing>(),
  },
  'workspace/create-dialog': { args: none, result: returns<WorkspaceState>() },
  'workspace/open-dialog': { args: none, result: returns<WorkspaceState>() },
  'workspace/save-as-dialog': { args: none, result: returns<WorkspaceState>() },
  /** Electron: the user picks a history file; the answer is a reference the import channels accept in place of a path. */
  'import/pick-dialog': { args: none, result: returns<{ ref: string; fileName: string } | null>() },
  'catalog/list': { args: none, result: returns<Service[]>() },
  'service/create': {
    args: z.object({ name: serviceName, owner: freeText.default(''), description: freeText.default('') }).strict(),
    result: returns<Service>(),
  },
  'service/rename': { args: z.object({ serviceId: id, name: serviceName }).strict(), result: returns<Service>() },
  'service/delete': { args: z.object({ serviceId: id }).strict(), result: returns<{ serviceId: number }>() },
  'sli/create': {
    args: z
      .object({
        serviceId: id,
        name: sliName,
        kind: z.enum(SLI_KINDS, { message: `Kind must be one of ${SLI_KINDS.join(', ')}` }),
        latencyThresholdMs: thresholdMs.nullable().default(null),
      })
      .strict(),
    result: returns<Sli>(),
  },
  'sli/update': {
    args: z.object({ sliId: id, name: sliName.optional(), latencyThresholdMs: thresholdMs.nullable().optional() }).strict(),
    result: returns<Sli>(),
  },
  'sli/delete': { args: z.object({ sliId: id }).strict(), result: returns<{ sliId: number }>() },
  'objective/set': {
    args: z
      .object({
        sliId: id,
        tier: z.enum(TIERS, { message: `Tier must be one of ${TIERS.join(', ')}` }),
        targetPpm: checked(z.number(), checkTargetPpm),
        window: windowSchema,
        method: z.enum(BUDGETING_METHODS, { message: `Budgeting method must be one of ${BUDGETING_METHODS.join(', ')}` }),
        timeslice: timesliceSchema.nullable().default(null),
        latencyThresholdMs: thresholdMs.nullable().default(null),
      })
      .strict(),
    result: returns<Sli>(),
  },
  'objective/clear': {
    args: z.object({ sliId: id, tier: z.enum(TIERS) }).strict(),
    result: returns<Sli>(),
  },
  'service/set-traffic': {
    args: z
      .object({
        serviceId: id,
        requestsPerDay: z
          .number()
          .min(0, 'Traffic must not be negative')
          .max(1e15, 'Traffic must be at most 10^15 requests per day')
          .refine(Number.isFinite, 'Traffic must be a number')
          .nullable(),
      })
      .strict(),
    result: returns<Service>(),
  },
  'service/set-policy': { args: z.object({ serviceId: id, policy: policySchema.nullable() }).strict(), result: returns<Service>() },
  'dependency/add': {
    args: z.object({ serviceId: id, dependsOnId: id, redundancyGroup: groupName.nullable().default(null) }).strict(),
    result: returns<Service>(),
  },
  'dependency/remove': { args: z.object({ serviceId: id, dependsOnId: id }).strict(), result: returns<Service>() },
  'alerts/list-sets': { args: none, result: returns<AlertSetList>() },
  'alerts/save-set': { args: z.object({ id: id.optional(), set: alertSetSchema }).strict(), result: returns<AlertSetList>() },
  'alerts/delete-set': { args: z.object({ id }).strict(), result: returns<AlertSetList>() },
  'import/file': {
    args: z
      .object({
        sliId: id,
        path: workspacePath,
        format: z.enum([...IMPORT_FORMATS, 'auto']).default('auto'),
        csv: z
          .object({
            mapping: csvMappingSchema,
            timeFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']),
            timeZone: z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' }).optional(),
          })
          .strict()
          .optional(),
        encoding: z.enum(TEXT_ENCODINGS, { message: `Encoding must be one of ${TEXT_ENCODINGS.join(', ')}` }).optional(),
        accessLog: z
          .object({
            bucketMs: checked(z.number(), (ms) => {
              const problem = checkBucketMs(ms);
              return problem === null ? { ok: true, value: ms } : { ok: false, message: problem };
            }).optional(),
            durationField: z.enum(['microseconds', 'milliseconds', 'seconds']).optional(),
            latencyThresholdMs: z.number().positive().max(3_600_000).optional(),
          })
          .strict()
          .optional(),
        jsonSamples: z
          .object({ valueUnit: z.enum(['ms', 's', 'us'], { message: 'The unit of the values is ms, s or us (µs)' }).optional() })
          .strict()
          .optional(),
        prometheusRatio: z.boolean().optional(),
        onBadRows: z.enum(['skip', 'abort']).default('abort'),
        jobId: jobId.optional(),
      })
      .strict(),
    result: returns<ImportSummary>(),
  },
  'import/preview': {
    args: z
      .object({
        path: workspacePath,
        encoding: z.enum(TEXT_ENCODINGS, { message: `Encoding must be one of ${TEXT_ENCODINGS.join(', ')}` }).optional(),
      })
      .strict(),
    result: returns<ImportPreview>(),
  },
  'import/prometheus': {
    args: z
      .object({
        sliId: id,
        url: z.string().max(2000).url('The Prometheus address must be a URL such as http://localhost:9090'),
        query: promQuerySchema,
        startMs: timeMs,
        endMs: timeMs,
        stepSeconds: z.number().int('The step is whole seconds').min(1, 'The step must be at least 1 second').max(86_400, 'The step must be at most 1 day'),
        onBadRows: z.enum(['skip', 'abort']).default('abort'),
        jobId: jobId.optional(),
      })
      .strict(),
    result: returns<ImportSummary>(),
  },
  'import/cancel': { args: z.object({ jobId }).strict(), result: returns<{ cancelled: boolean }>() },
  'import/list': { args: z.object({ sliId: id }).strict(), result: returns<ImportListing[]>() },
  'import/delete': { args: z.object({ importId: id }).strict(), result: returns<{ importId: number }>() },
  'analysis/sli': {
    args: z.object({ sliId: id, windowDays: checked(z.number(), checkWindowDays).default(30), seriesId: id.nullable().default(null) }).strict(),
    result: returns<HistoryReport>(),
  },
  'analysis/chart': {
    args: z
      .object({
        sliId: id,
        fromMs: timeMs.nullable().default(null),
        toMs: timeMs.nullable().default(null),
        maxPoints: z.number().int().min(10).max(10_000).default(1500),
        windowDays: checked(z.number(), checkWindowDays).default(30),
        seriesId: id.nullable().default(null),
        excluding: z.boolean().default(true),
      })
      .strict(),
    result: returns<ChartData>(),
  },
  'analysis/burndown': {
    args: z.object({ sliId: id, tier: z.enum(TIERS), startMs: timeMs, excluding: z.boolean().default(true), seriesId: id.nullable().default(null) }).strict(),
    result: returns<BurnDown>(),
  },
  'analysis/backtest': {
    args: z
      .object({ sliId: id, excluding: z.boolean().default(true), alertSetId: id.nullable().default(null), seriesId: id.nullable().default(null) })
      .strict(),
    result: returns<BacktestReport>(),
  },
  'exclusion/list': { args: z.object({ serviceId: id }).strict(), result: returns<Exclusion[]>() },
  'exclusion/add': {
    args: z.object({ serviceId: id, sliId: id.nullable().default(null), exclusion: exclusionSchema }).strict(),
    result: returns<Exclusion>(),
  },
  'exclusion/delete': { args: z.object({ id }).strict(), result: returns<{ id: number }>() },
  'edit/undo': { args: none, result: returns<WorkspaceState>() },
  'edit/redo': { args: none, result: returns<WorkspaceState>() },
} as const;

/** Every channel name. */
export type Channel = keyof typeof contract;

/** The arguments a client passes on a channel (before defaults are applied). */
export type ArgsIn<C extends Channel> = z.input<(typeof contract)[C]['args']>;

/** The arguments a handler receives, validated and with defaults applied. */
export type Args<C extends Channel> = z.output<(typeof contract)[C]['args']>;

/** The value a channel returns on success. */
export type ResultOf<C extends Channel> = (typeof contract)[C]['result'];

/** Channels answered by Electron's main process with a native dialog rather than by the core. */
export const DIALOG_CHANNELS = ['workspace/create-dialog', 'workspace/open-dialog', 'workspace/save-as-dialog', 'import/pick-dialog'] as const;

/** Channels that take a file path from the client; Electron's renderer may not use them (it uses the dialogs). */
export const PATH_CHANNELS = ['workspace/create', 'workspace/open', 'workspace/save-as', 'workspace/list-folder', 'import/file', 'import/preview'] as const;

/** Path channels Electron's renderer may use with a reference from import/pick-dialog (never a path it made up). */
export const PICKED_FILE_CHANNELS = ['import/file', 'import/preview'] as const;

/** Prefix of the file references import/pick-dialog hands out. */
export const PICKED_FILE_PREFIX = 'picked:';

/** Channels the core implements. */
export type CoreChannel = Exclude<Channel, (typeof DIALOG_CHANNELS)[number]>;

/** Every channel name, in contract order. */
export const CHANNELS = Object.keys(contract) as Channel[];

/** True when the string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
