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

/**
 * Every SLI kind, for pickers and validation: availability (good requests / all), latency (requests under a
 * threshold / all), correctness (good results / all results), freshness (reads of data newer than a maximum age / all
 * reads) and custom (a ratio with its own wording, e.g. "AI responses rated helpful by users").
 */
export const SLI_KINDS = ['availability', 'latency', 'correctness', 'freshness', 'custom'] as const;

/** The kind of an SLI. */
export type SliKind = (typeof SLI_KINDS)[number];

/** Each kind as pickers name it, with what it divides. */
export const KIND_LABELS: Readonly<Record<SliKind, string>> = {
  availability: 'Availability (successful / all requests)',
  latency: 'Latency (requests under a threshold / all requests)',
  correctness: 'Correctness (correct / all results)',
  freshness: 'Freshness (reads of data newer than a maximum age / all reads)',
  custom: 'Custom ratio (your own good / total events)',
};

/** How an SLI's good and total events are named in the UI, messages and exported specs. */
export type SliWording = { good: string; total: string };

/** The wording each kind has unless the SLI names its own (a custom SLI must). */
export const KIND_WORDING: Readonly<Record<SliKind, SliWording>> = {
  availability: { good: 'successful requests', total: 'requests' },
  latency: { good: 'requests under the threshold', total: 'requests' },
  correctness: { good: 'correct results', total: 'results' },
  freshness: { good: 'reads of fresh data', total: 'reads' },
  custom: { good: 'good events', total: 'events' },
};

/** The forms of Prometheus queries an SLI can be measured by, each range written as Sloth's {{.window}} placeholder. */
export const QUERY_FORMS = ['good-total', 'bad-total', 'error-ratio'] as const;

/** One of QUERY_FORMS. */
export type QueryForm = (typeof QUERY_FORMS)[number];

/** The Prometheus queries of an SLI: good and total events, bad and total events, or the error ratio itself. */
export type SliQueries =
  { form: 'good-total'; good: string; total: string } | { form: 'bad-total'; bad: string; total: string } | { form: 'error-ratio'; errorRatio: string };

/** A latency SLI's Prometheus histogram: the metric's base name (without _bucket) and the `le` bucket of its threshold. */
export type LatencyHistogram = { metric: string; le: string };

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
  /** A freshness SLI's maximum data age in milliseconds; null for other kinds. */
  freshnessMaxAgeMs: number | null;
  /** Its own good/total wording (required for custom SLIs); null means KIND_WORDING of its kind. */
  wording: SliWording | null;
  /** The Prometheus queries it is measured by, or null when none are set. */
  queries: SliQueries | null;
  /** A latency SLI's histogram metric and threshold bucket, or null. */
  histogram: LatencyHistogram | null;
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

/** The SLI fields beyond name, kind and threshold, all unset: what an SLI created without them holds. */
export const NO_SLI_DETAILS: Readonly<Pick<Sli, 'freshnessMaxAgeMs' | 'wording' | 'queries' | 'histogram'>> = {
  freshnessMaxAgeMs: null,
  wording: null,
  queries: null,
  histogram: null,
};
