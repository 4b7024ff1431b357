import type { BudgetPolicy } from '../budget/policy';

/** Tiers in their required order, loosest (SLA, the external contract) to tightest (performance target, the stretch goal). */
export const TIERS = ['sla', 'slo', 'target'] as const;

/** One of the three tiers of an objective. */
export type Tier = (typeof TIERS)[number];

/** Human names of the tiers, as shown in the UI, the CLI and messages. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  sla: 'SLA',
  slo: 'SLO',
  target: 'performance target',
};

/** Every SLI kind the workbench models today, for pickers and validation. */
export const SLI_KINDS = ['availability', 'latency'] as const;

/** The kind of an SLI. */
export type SliKind = (typeof SLI_KINDS)[number];

/** Every budgeting method, Occurrences first because it is the default. */
export const BUDGETING_METHODS = ['occurrences', 'timeslices', 'ratio-timeslices'] as const;

/** How a budget is counted: by events, by good time slices, or by the ratio inside each slice. */
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** Human names of the budgeting methods, as OpenSLO spells them. */
export const METHOD_LABELS: Readonly<Record<BudgetingMethod, string>> = {
  occurrences: 'Occurrences',
  timeslices: 'Timeslices',
  'ratio-timeslices': 'RatioTimeslices',
};

/** Calendar periods an objective can be measured over; weeks start on Monday (ISO 8601). */
export const CALENDAR_UNITS = ['week', 'month', 'quarter', 'year'] as const;

/** One calendar period unit. */
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

/** The period an objective is measured over: a rolling number of days, or a calendar period in an IANA time zone. */
export type SloWindow = { kind: 'rolling'; days: number } | { kind: 'calendar'; unit: CalendarUnit; timeZone: string };

/** Time-slice parameters used by the Timeslices and RatioTimeslices methods. */
export type Timeslice = { sliceMinutes: number; sliceTargetPpm: number };

/** The slice used when a time-slice method is chosen without parameters: one-minute slices, good at 95 %. */
export const DEFAULT_TIMESLICE: Readonly<Timeslice> = { sliceMinutes: 1, sliceTargetPpm: 950_000 };

/** One tier of an SLI: its target in parts per million, window, budgeting method and optional latency threshold. */
export type Objective = {
  tier: Tier;
  targetPpm: number;
  window: SloWindow;
  method: BudgetingMethod;
  timeslice: Timeslice | null;
  latencyThresholdMs: number | null;
};

/** A service level indicator and whichever of its three tiers have been set. */
export type Sli = {
  id: number;
  serviceId: number;
  name: string;
  kind: SliKind;
  latencyThresholdMs: number | null;
  objectives: Partial<Record<Tier, Objective>>;
};

/** An edge of the dependency graph: a service needs another one, alone (hard, in series) or as one of a redundancy group. */
export type Dependency = { dependsOnId: number; redundancyGroup: string | null };

/** A service with its SLIs, its traffic and what it depends on, as stored in a workspace. */
export type Service = {
  id: number;
  name: string;
  owner: string;
  description: string;
  /** Typical traffic, used to turn budgets into bad events; null until someone types it or imports history. */
  requestsPerDay: number | null;
  dependencies: Dependency[];
  /** The service's error-budget policy; null means the default policy applies. */
  policy: BudgetPolicy | null;
  slis: Sli[];
};
