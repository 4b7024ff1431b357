import type { Exclusion } from '#shared/analysis/exclusions';
import type { AlertSetFit, AlertWarning } from '#shared/budget/alerts';
import type { BacktestReport, ExportWritten, HistoryReport, ImportListing, ImportSummary, SpecImportOutcome } from '#shared/ipc/contract';
import type { ReplayReport } from '#shared/simulation/replay-report';
import type { JsonReviewDocument } from './review-json';
import type { SimulationResult } from '#shared/simulation/result';
// The CLI's --json format, "slo-workbench/v1". Scripts depend on it: add fields, never rename or remove them;
// a breaking change gets a new format string. docs/cli.md documents every document with real output.
import type { BudgetingMethod, CalendarUnit, LatencyHistogram, SliKind, SliQueries, SliWording, Tier } from '#shared/domain/types';
import type { TierRule } from '#shared/domain/tiers';
import type { ErrorCode, ErrorDetails } from '#shared/ipc/errors';
import type { Scenario, Weekday } from '#shared/simulation/scenario';

/** The format string every successful --json document carries, so scripts can refuse a format they do not know. */
export const JSON_FORMAT = 'slo-workbench/v1';

/** A window as the CLI spells it: a rolling number of days ("30d") or a calendar unit ("calendar-month"). */
export type JsonWindowSpec = `${number}d` | `calendar-${CalendarUnit}`;

/** An error budget: allowed bad minutes per window (a range for calendar months, 28 to 31 days) and the budget in ppm. */
export type JsonBudget = {
  /** Bad minutes allowed in the shortest window; rounded to 6 decimals. */
  minutesMin: number;
  /** Bad minutes allowed in the longest window; equal to minutesMin for rolling windows. */
  minutesMax: number;
  /** 1 − target, in parts per million: 1000 for a 99.9 % target. */
  ppm: number;
};

/** One tier (SLA, SLO or performance target) of an SLI. */
export type JsonTier = {
  tier: Tier;
  /** The target as a percentage without trailing zeros: "99.9". */
  target: string;
  targetPpm: number;
  window: JsonWindowSpec;
  /** IANA time zone of a calendar window; null for rolling windows. */
  timeZone: string | null;
  method: BudgetingMethod;
  /** Time-slice parameters of the timeslices methods; null for occurrences. */
  timeslice: { sliceMinutes: number; sliceTargetPpm: number } | null;
  /** The tier's effective latency threshold (its own or the SLI's); null for availability SLIs. */
  latencyThresholdMs: number | null;
  budget: JsonBudget;
};

/** The gap between two adjacent set tiers; negative when the tighter tier is in fact looser. */
export type JsonBuffer = {
  from: Tier;
  to: Tier;
  /** The gap in percentage points, as text: "0.5". */
  points: string;
  ppm: number;
  /** Budget minutes the looser tier allows beyond the tighter one, per shortest and longest window; rounded to 6 decimals. */
  minutesMin: number;
  minutesMax: number;
};

/** A broken ordering rule between two tiers, with the sentence the UI shows. */
export type JsonWarning = { rule: TierRule; tier: Tier; against: Tier; message: string };

/** An SLI with its set tiers (loosest first), the buffers between them and its warnings. */
export type JsonSli = {
  name: string;
  kind: SliKind;
  /** The SLI's default latency threshold; null for SLIs of other kinds. */
  latencyThresholdMs: number | null;
  /** A freshness SLI's maximum data age; null for other kinds. */
  freshnessMaxAgeMs: number | null;
  /** What its good and total events are called: its own wording, or its kind's. */
  wording: SliWording;
  /** The Prometheus queries it is measured by, or null. */
  queries: SliQueries | null;
  /** A latency SLI's histogram metric and le bucket, or null. */
  histogram: LatencyHistogram | null;
  tiers: JsonTier[];
  buffers: JsonBuffer[];
  warnings: JsonWarning[];
};

/** A service with all its SLIs. */
export type JsonService = { name: string; owner: string; description: string; slis: JsonSli[] };

/** A service as `service list` shows it: names only, no ladders. */
export type JsonServiceSummary = { name: string; owner: string; description: string; slis: string[] };

/** The workspace a command worked on. */
export type JsonWorkspace = { name: string; path: string; schemaVersion: number; readOnly: boolean; readOnlyReason: string | null };

/** Fields every successful document starts with. */
export type JsonEnvelope<C extends string> = { format: typeof JSON_FORMAT; ok: true; command: C };

/** `workspace create`. */
export type JsonWorkspaceCreated = JsonEnvelope<'workspace create'> & { workspace: JsonWorkspace };

/** `service add` and `service rename`: the service as stored afterwards. */
export type JsonServiceChanged = JsonEnvelope<'service add' | 'service rename'> & { service: JsonService };

/** `service list`. */
export type JsonServiceList = JsonEnvelope<'service list'> & { services: JsonServiceSummary[] };

/** `service remove`: what was removed, with the SLIs that went with it. */
export type JsonServiceRemoved = JsonEnvelope<'service remove'> & { removed: JsonService };

/** `sli add` and `objective set`: the SLI as stored afterwards, with its ladder and warnings. */
export type JsonSliChanged = JsonEnvelope<'sli add' | 'sli update' | 'objective set'> & { service: string; sli: JsonSli };

/** `sli list`. */
export type JsonSliList = JsonEnvelope<'sli list'> & { service: string; slis: JsonSli[] };

/** `show`: the whole workspace, with every dependency edge and every SLI's what-if scenarios. */
export type JsonShow = JsonEnvelope<'show'> & {
  workspace: JsonWorkspace;
  services: JsonService[];
  dependencies: JsonDependency[];
  scenarios: JsonShowScenario[];
};

/** `serve`: printed once the server listens. */
export type JsonServe = JsonEnvelope<'serve'> & { url: string };

/** A window resolved to one concrete length: a rolling window, or the calendar period named or containing now. */
export type JsonWindowPeriod = {
  /** The window with its period and zone spelled out: "30d", "calendar-month:2027-02:Europe/Berlin". */
  spec: string;
  kind: 'rolling' | 'calendar';
  /** Days of a rolling window; null for calendar windows. */
  days: number | null;
  /** Unit of a calendar window; null for rolling windows. */
  unit: CalendarUnit | null;
  /** IANA zone of a calendar window; null for rolling windows. */
  timeZone: string | null;
  /** The calendar period measured: its name ("February 2027") and its bounds as UTC ISO instants; null for rolling windows. */
  period: { label: string; start: string; end: string } | null;
  /** Real length in minutes (a DST month is an hour shorter or longer). */
  minutes: number;
};

/** `budget`: the error budget of one target over one window. */
export type JsonBudgetReport = JsonEnvelope<'budget'> & {
  target: string;
  targetPpm: number;
  method: BudgetingMethod;
  window: JsonWindowPeriod;
  budget: {
    /** Allowed bad minutes; Timeslices rounds down to whole slices. Rounded to 6 decimals. */
    minutes: number;
    /** 1 − target as a percentage of the window: "0.1". */
    percent: string;
    ppm: number;
  };
  /** Slices of the timeslices methods; null for occurrences. badSlices is null for ratio-timeslices (it averages slices). */
  timeslice: { sliceMinutes: number; sliceTarget: string; sliceTargetPpm: number; slices: number; badSlices: number | null } | null;
  /** Events in the window at the given traffic; badEvents is null under timeslices, which counts slices, not events. */
  traffic: { requestsPerDay: number; events: number; badEvents: number | null } | null;
};

/** One multi-window, multi-burn-rate alert. */
export type JsonAlert = {
  severity: 'page' | 'ticket';
  speed: 'quick' | 'slow';
  /** Share of the period's budget the alert guards, in percent; rounded to 9 decimals (a set scaled to a short period adjusts it). */
  budgetPercent: number;
  longWindow: string;
  shortWindow: string;
  longMinutes: number;
  shortMinutes: number;
  /** Burn-rate threshold: budget share × period ÷ long window; rounded to 9 decimals (Sloth prints 5.6000000000000005). */
  factor: number;
  /** Error rate (0..1) at which the alert fires: factor × (1 − target); rounded to 12 decimals. */
  errorRate: number;
  /** The error rate as a percentage with 4 significant digits: "1.44". */
  errorRatePercent: string;
  /** Minutes until the whole budget is gone at that rate: period ÷ factor; rounded to 6 decimals. */
  exhaustMinutes: number;
  /** Why the alert is of no use as it stands (it can never fire, or fires within budget), in words; null when it is fine. */
  warning: AlertWarning | null;
};

/** `alerts`: the page and ticket alerts of one target over one window, from the built-in sets or a Sloth AlertWindows file. */
export type JsonAlertsReport = JsonEnvelope<'alerts'> & {
  target: string;
  targetPpm: number;
  window: JsonWindowPeriod;
  alertSet: {
    name: string;
    source: 'built-in' | 'file';
    /** The SLO period the set was written for, as a duration ("30d"). */
    period: string;
    /** True when the set was made for another period and fitted to this window (scaling says how). */
    scaled: boolean;
    /** How the set was fitted: 'windows' shrinks its windows to a shorter period (factors kept), 'factors' grows its factors with a longer one. */
    scaling: AlertSetFit['scaling'];
  };
  alerts: JsonAlert[];
};

/** One edge of the dependency graph: `service` needs `on`, alone (hard, in series) or as one of a redundancy group. */
export type JsonDependency = {
  service: string;
  on: string;
  /** The redundancy group `on` belongs to for this service; null for a hard dependency. */
  redundancyGroup: string | null;
  /** The availability SLO `on` promises ("99.9"), or null when it has none (it is then left out of ceilings). */
  slo: string | null;
  sloPpm: number | null;
};

/** `dependency add` and `dependency remove`: what the service depends on afterwards. */
export type JsonDependencyChanged = JsonEnvelope<'dependency add' | 'dependency remove'> & { service: string; dependencies: JsonDependency[] };

/** `dependency list`: every edge of the workspace, or of one service. */
export type JsonDependencyList = JsonEnvelope<'dependency list'> & { dependencies: JsonDependency[] };

/** An availability as the ceiling report shows it: the exact value (0..1, 12 decimals) and the percentage rounded down. */
export type JsonAvailability = { availability: number; percent: string };

/** One factor of a ceiling: a hard dependency's SLO, or a redundancy group's combined availability 1 − ∏(1 − aᵢ). */
export type JsonCeilingFactor =
  | ({ kind: 'hard'; service: string } & JsonAvailability)
  | ({ kind: 'group'; name: string; members: ({ service: string } & JsonAvailability)[]; formula: string } & JsonAvailability);

/** `ceiling`: what a service's dependencies allow it to promise, and whether its own availability SLO fits. */
export type JsonCeilingReport = JsonEnvelope<'ceiling'> & {
  service: string;
  /** The service's own availability SLO ("99.95"), or null when it has none. */
  slo: string | null;
  sloPpm: number | null;
  /** The ceiling, or null when no dependency has an availability SLO. `percent` is rounded down to 1 ppm. */
  ceiling: (JsonAvailability & { ppm: number }) | null;
  /** The product written out ("99.9 % × 99.9975 % = 99.8975 %"); null with fewer than two factors. */
  formula: string | null;
  factors: JsonCeilingFactor[];
  /** Dependencies without an availability SLO, left out of the product. */
  ignored: string[];
  /** The factor that limits the service most, as the warning names it: `"payments" (99.9 %)`. */
  limiting: string | null;
  status: 'feasible' | 'infeasible' | 'unknown';
  /** True or false when both the SLO and the ceiling are known; null otherwise. */
  feasible: boolean | null;
  /** The sentence the UI shows when the SLO is above the ceiling; null otherwise. */
  warning: string | null;
};

/** Every successful document the CLI prints on stdout. */
export type JsonDocument =
  | JsonWorkspaceCreated
  | JsonServiceChanged
  | JsonServiceList
  | JsonServiceRemoved
  | JsonDependencyChanged
  | JsonDependencyList
  | JsonCeilingReport
  | JsonSliChanged
  | JsonSliList
  | JsonShow
  | JsonServe
  | JsonBudgetReport
  | JsonAlertsReport
  | JsonImportReport
  | JsonImportList
  | JsonImportDeleted
  | JsonAnalyzeReport
  | JsonBacktestReport
  | JsonReplayReport
  | JsonExclusionAdded
  | JsonExclusionList
  | JsonExclusionRemoved
  | JsonScenarioAdded
  | JsonScenarioList
  | JsonScenarioRemoved
  | JsonSimulateReport
  | JsonReviewDocument
  | JsonExportReport
  | JsonValidateReport
  | JsonSpecImportReport;

/** `analyze`: the SLI's latest imported history against its tiers over one rolling window. */
export type JsonAnalyzeReport = JsonEnvelope<'analyze'> & { service: string; sli: string; analysis: HistoryReport };

/** `backtest`: each tier's alert episodes and budget-eating events over the SLI's history. */
export type JsonBacktestReport = JsonEnvelope<'backtest'> & { service: string; sli: string; backtest: BacktestReport };

/** `replay`: a window of the SLI's history as it was and with injected events. */
export type JsonReplayReport = JsonEnvelope<'replay'> & { service: string; sli: string; replay: ReplayReport };

/** `exclusion add`: the exclusion stored. */
export type JsonExclusionAdded = JsonEnvelope<'exclusion add'> & { service: string; exclusion: Exclusion };

/** `exclusion list`: a service's exclusions. */
export type JsonExclusionList = JsonEnvelope<'exclusion list'> & { service: string; exclusions: Exclusion[] };

/** `exclusion remove`: the id removed. */
export type JsonExclusionRemoved = JsonEnvelope<'exclusion remove'> & { id: number };

/** A stored what-if scenario: its main knobs, whether a run is stored with it, and every field. */
export type JsonScenario = {
  id: number;
  name: string;
  description: string;
  /** Deploys per week at random times (0 when none are given); null when deploys follow a weekday schedule. */
  deploysPerWeek: number | null;
  /** Weekdays of scheduled deploys, Monday first ("mon" … "sun"); null when deploys are a rate. */
  deployWeekdays: Weekday[] | null;
  incidentsPerWeek: number;
  /** Background error rate (0..1), or "history": the median of the SLI's imported history. */
  baselineErrorRate: number | 'history';
  /** The run stored with it (see `simulate`); null until it is run, and again after it is changed. */
  lastRun: { seed: number; trials: number; startMs: number } | null;
  updatedMs: number;
  /** Why the stored fields cannot be read (written by a newer version); null when they can. `fields` then holds defaults. */
  unreadable: string | null;
  /** Every field, as a scenario file writes them. */
  fields: Scenario;
};

/** A scenario in `show`, with the service and SLI it belongs to. */
export type JsonShowScenario = JsonScenario & { service: string; sli: string };

/** `scenario add`: the scenario as stored; `replaced` when --replace overwrote one of the same name. */
export type JsonScenarioAdded = JsonEnvelope<'scenario add'> & { service: string; sli: string; replaced: boolean; scenario: JsonScenario };

/** `scenario list`: an SLI's scenarios in the order they were added. */
export type JsonScenarioList = JsonEnvelope<'scenario list'> & { service: string; sli: string; scenarios: JsonScenario[] };

/** `simulate`: a scenario's run against each tier of the SLI (probabilities and budget shares as fractions 0–1); stored says whether it was kept with its scenario. */
export type JsonSimulateReport = JsonEnvelope<'simulate'> & { service: string; sli: string; stored: boolean; result: SimulationResult };

/** `scenario remove`: the scenario removed. */
export type JsonScenarioRemoved = JsonEnvelope<'scenario remove'> & { service: string; sli: string; removed: { id: number; name: string } };

/** `import`: what was stored (or that the file was a duplicate), with the issues found while reading. */
export type JsonImportReport = JsonEnvelope<'import'> & {
  service: string;
  sli: string;
  import: ImportSummary;
  /** A CSV's columns (by header name) and time format, when they were detected rather than given with --map and --time-format. */
  detected?: { columns?: Record<string, string>; timeFormat?: 'iso' | 'epoch-s' | 'epoch-ms' };
};

/** `import list`: the SLI's imports, oldest first, each with its id and series. */
export type JsonImportList = JsonEnvelope<'import list'> & { service: string; sli: string; imports: ImportListing[] };

/** `import delete`: the import that was deleted, with how many series and samples went with it. */
export type JsonImportDeleted = JsonEnvelope<'import delete'> & {
  service: string;
  sli: string;
  deleted: { importId: number; fileName: string; series: number; samples: number };
};

/** Error codes in --json errors: the core's stable codes, plus USAGE for command lines the parser refused (exit code 2). */
export type JsonErrorCode = ErrorCode | 'USAGE';

/** Details of an error: the core's (field, path, …) plus `option`, the command-line option or argument it concerns. */
export type JsonErrorDetails = ErrorDetails & { option?: string };

/** What the CLI prints on stderr, as one line, when a --json command fails; stdout stays empty. */
export type JsonError = { ok: false; error: { code: JsonErrorCode; message: string; details?: JsonErrorDetails } };

/** `export`: the spec format, the folder, the files written and left unchanged, the loss report and each service's version. */
export type JsonExportReport = JsonEnvelope<'export'> & ExportWritten & { specFormat: string };

/** `validate`: whether every file is valid, and per file its format, documents and problems. */
export type JsonValidateReport = JsonEnvelope<'validate'> & {
  valid: boolean;
  files: { file: string; ok: boolean; format: string | null; documents: number; issues: { message: string; line?: number }[] }[];
};

/** `import-spec`: per service what was created or updated and the version proposed, and the notes on what was left out. */
export type JsonSpecImportReport = JsonEnvelope<'import-spec'> & SpecImportOutcome;
