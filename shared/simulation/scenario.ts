// A what-if scenario: what a team expects to happen to one SLI during a window (deploys, incidents, traffic, one-off
// events, outages of its dependencies) and whether its error-budget policy acts. The same fields are the stored form,
// the scenario file of the CLI (YAML or JSON) and the editor's draft, so one schema checks all three.
import { z } from 'zod';
import { POLICY_STATES } from '../budget/policy';

/** Longest duration any scenario field accepts, in minutes (a year); the window it runs over limits it further. */
export const MAX_SCENARIO_MINUTES = 366 * 1440;

/** Most deploys or incidents per week a scenario accepts: one every minute. */
export const MAX_PER_WEEK = 10_080;

/** Most one-off events in one scenario. */
export const MAX_EVENTS = 200;

/** Longest scenario name. */
export const MAX_SCENARIO_NAME = 80;

/** Weekdays as a deploy schedule names them, Monday first (ISO 8601). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One weekday of a deploy schedule. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Traffic shapes offered as presets; `history` takes the weekly shape of the SLI's imported traffic. */
export const SHAPE_PRESETS = ['flat', 'web', 'business-hours', 'nightly-batch'] as const;

/** The word a field uses to ask for its value from the SLI's imported history. */
export const FROM_HISTORY = 'history';

const rate = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .min(0, `${what} must be at least 0`)
    .max(1, `${what} must be at most 1 (100 %)`);

const minutes = (what: string) =>
  z
    .number({ message: `${what} must be a number of minutes` })
    .gt(0, `${what} must be longer than 0 minutes`)
    .max(MAX_SCENARIO_MINUTES, `${what} must be at most ${MAX_SCENARIO_MINUTES} minutes (a year)`);

/** A lognormal duration by its median and 90th percentile, the two numbers people know about their incidents. */
const lognormal = z
  .object({ median: minutes('The median'), p90: minutes('The p90') })
  .strict()
  .refine((d) => d.p90 >= d.median, { message: 'The p90 must be at least the median', path: ['p90'] });

/** A duration: fixed minutes, or lognormal by median and p90. */
const duration = (what: string) => z.union([minutes(what), lognormal], { message: `${what} is a number of minutes or { median, p90 }` });

const perWeek = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .min(0, `${what} must be at least 0`)
    .max(MAX_PER_WEEK, `${what} must be at most ${MAX_PER_WEEK} (one a minute)`);

/** A weekly traffic shape: relative traffic in each hour of the day (UTC) and on each weekday; only the ratios matter. */
const customShape = z
  .object({
    daily: z.array(z.number().min(0, 'Shape weights must be at least 0').max(1e6)).length(24, 'A daily shape has 24 hourly weights'),
    weekly: z.array(z.number().min(0, 'Shape weights must be at least 0').max(1e6)).length(7, 'A weekly shape has 7 weights, Monday first'),
  })
  .strict()
  .refine((s) => s.daily.some((w) => w > 0) && s.weekly.some((w) => w > 0), { message: 'A traffic shape needs some weight above 0' });

const baseline = z
  .object({
    /** Background share of requests that fail (0..1), or `history`: the median per-sample error rate of the SLI's history, exclusions applied. */
    errorRate: z
      .union([rate('baseline.errorRate'), z.literal(FROM_HISTORY)], { message: 'baseline.errorRate must be a number from 0 to 1, or history' })
      .default(0),
  })
  .strict();

const traffic = z
  .object({
    /** Requests per day at the window's start, or `history`; absent: the service's own figure, if any (budgets in bad events need it). */
    requestsPerDay: z
      .union([z.number().gt(0, 'traffic.requestsPerDay must be above 0').max(1e13), z.literal(FROM_HISTORY)], {
        message: 'traffic.requestsPerDay must be a number of requests above 0, or history',
      })
      .nullable()
      .default(null),
    /** How traffic moves through the day and week: a preset, `history`, or hourly and weekday weights. */
    shape: z.union([z.enum(SHAPE_PRESETS), z.literal(FROM_HISTORY), customShape]).default('flat'),
    /** Traffic growth per month as a fraction (0.05 = 5 % a month), compounded through the window. */
    growthPerMonth: z.number().min(-0.9, 'traffic.growthPerMonth must be at least −0.9').max(10, 'traffic.growthPerMonth must be at most 10').default(0),
  })
  .strict();

const deploys = z
  .object({
    /** Deploys per week, at random times (a Poisson process); give this or `weekdays`. */
    perWeek: perWeek('deploys.perWeek').optional(),
    /** A schedule instead of a rate: one deploy on each listed weekday at `hour` (UTC). */
    weekdays: z.array(z.enum(WEEKDAYS)).max(7).optional(),
    /** Hour of day (UTC, 0–23.99) of scheduled deploys. */
    hour: z.number().min(0, 'deploys.hour must be at least 0').lt(24, 'deploys.hour must be below 24').default(10),
    /** Chance that one deploy fails (0..1). */
    failureProbability: rate('deploys.failureProbability').default(0),
    /** Share of requests that fail while a failed deploy is live (0..1), among the traffic it reaches. */
    errorRate: rate('deploys.errorRate').default(1),
    /** Minutes from a failed deploy going live to someone noticing. */
    detectMinutes: duration('deploys.detectMinutes').default(5),
    /** Minutes from noticing to the rollback finishing. */
    rollbackMinutes: duration('deploys.rollbackMinutes').default(5),
    /** Share of traffic a failed deploy reaches before it is rolled back (a canary); 1 means no canary. */
    canaryShare: z.number().gt(0, 'deploys.canaryShare must be above 0').max(1, 'deploys.canaryShare must be at most 1').default(1),
  })
  .strict()
  .refine((d) => !(d.perWeek !== undefined && d.weekdays !== undefined), {
    message: 'Give either deploys.perWeek or deploys.weekdays, not both',
    path: ['weekdays'],
  })
  .refine((d) => d.weekdays === undefined || new Set(d.weekdays).size === d.weekdays.length, { message: 'A weekday is listed twice', path: ['weekdays'] });

const incidents = z
  .object({
    /** Incidents per week, at random times (a Poisson process). */
    perWeek: perWeek('incidents.perWeek').default(0),
    /** How long one lasts: minutes, { median, p90 } (lognormal), or `history`: the durations of the budget-eating events of the SLI's history. */
    durationMinutes: z
      .union([minutes('incidents.durationMinutes'), lognormal, z.literal(FROM_HISTORY)], {
        message: 'incidents.durationMinutes is a number of minutes, { median, p90 } or history',
      })
      .default(30),
    /** Share of requests that fail during one (0..1). */
    errorRate: rate('incidents.errorRate').default(1),
    /** Share of incidents outside the team's control that the exclusions policy leaves out of the budget (0..1). */
    excludedShare: rate('incidents.excludedShare').default(0),
  })
  .strict();

const event = z
  .object({
    name: z.string().trim().min(1, 'An event needs a name').max(MAX_SCENARIO_NAME).default('event'),
    /** When it starts, in days from the window's start (12.5 = day 12 at noon). */
    day: z.number({ message: 'events[].day must be a number of days' }).min(0, 'An event’s day must be at least 0').max(366),
    durationMinutes: minutes('events[].durationMinutes'),
    errorRate: rate('events[].errorRate'),
    /** A maintenance window the exclusions policy leaves out: it spends no budget. */
    excluded: z.boolean().default(false),
  })
  .strict();

const dependencies = z
  .object({
    /** Whether outages of the services this one depends on are drawn. */
    enabled: z.boolean().default(false),
    /**
     * Where they come from: each dependency's availability SLO (`slo`: down 1 − SLO of the time, in outages of
     * outageMinutes), or its own first scenario (`scenarios`: its incidents, failed deploys, events and baseline
     * errors fail this service's requests too; a dependency without one falls back to its SLO).
     */
    from: z.enum(['slo', 'scenarios']).default('slo'),
    /** How long one dependency outage lasts; with the dependency's SLO this sets how often they happen. */
    outageMinutes: duration('dependencies.outageMinutes').default(30),
  })
  .strict();

const policy = z
  .object({
    /** Whether the service's error-budget policy acts: deploys stop while the SLO's budget state is at `freezeAt` or worse. */
    enabled: z.boolean().default(true),
    freezeAt: z.enum(POLICY_STATES.filter((s) => s !== 'healthy') as ['warning', 'critical', 'exhausted']).default('critical'),
  })
  .strict();

/** The fields of a scenario, as stored and as a scenario file writes them; every section is optional. */
export const scenarioSchema = z
  .object({
    name: z.string().trim().min(1, 'A scenario needs a name').max(MAX_SCENARIO_NAME, `A scenario name is at most ${MAX_SCENARIO_NAME} characters`),
    description: z.string().max(2000).default(''),
    baseline: baseline.default({ errorRate: 0 }),
    traffic: traffic.default({ requestsPerDay: null, shape: 'flat', growthPerMonth: 0 }),
    deploys: deploys.default({ hour: 10, failureProbability: 0, errorRate: 1, detectMinutes: 5, rollbackMinutes: 5, canaryShare: 1 }),
    incidents: incidents.default({ perWeek: 0, durationMinutes: 30, errorRate: 1, excludedShare: 0 }),
    events: z.array(event).max(MAX_EVENTS, `A scenario holds at most ${MAX_EVENTS} events`).default([]),
    dependencies: dependencies.default({ enabled: false, from: 'slo', outageMinutes: 30 }),
    policy: policy.default({ enabled: true, freezeAt: 'critical' }),
  })
  .strict();

/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario as written in a file or typed: sections and fields may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A duration field after checking: fixed minutes or lognormal median and p90. */
export type DurationSpec = number | { median: number; p90: number };

/** Trials a run draws unless told otherwise. */
export const DEFAULT_TRIALS = 10_000;

/** Most trials one run accepts. */
export const MAX_TRIALS = 1_000_000;

/** Fewest trials one run accepts: fewer give breach probabilities too rough to read. */
export const MIN_TRIALS = 100;

/** The seed a run uses unless told otherwise, so two people running the same scenario see the same numbers. */
export const DEFAULT_SEED = 1;

/** Trials of one run, checked. */
export const trialsSchema = z
  .number({ message: 'trials must be a number' })
  .int('trials must be a whole number')
  .min(MIN_TRIALS, `trials must be at least ${MIN_TRIALS}`)
  .max(MAX_TRIALS, `trials must be at most ${MAX_TRIALS.toLocaleString('en-US')}`);

/** A seed: a whole number from 0 to 2³² − 1. */
export const seedSchema = z
  .number({ message: 'seed must be a number' })
  .int('seed must be a whole number')
  .min(0, 'seed must be at least 0')
  .max(0xffff_ffff, 'seed must be below 2³²');

/** One problem with a scenario: the field it concerns, dotted ("deploys.failureProbability"), and what is wrong. */
export type ScenarioIssue = { field: string; message: string };

/** Parses a scenario from plain data (a parsed YAML or JSON file, a form), naming every field that is wrong or unknown. */
export function parseScenario(input: unknown): { ok: true; value: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.flatMap(describeIssue) };
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue): ScenarioIssue[] {
  const at = dotted(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = at === '' ? key : `${at}.${key}`;
      return { field, message: `Unknown field ${field}` };
    });
  }
  return [{ field: at === '' ? '(scenario)' : at, message: issue.message }];
}

/** The issues as one message for people: "deploys.failureProbability: must be at most 1 (100 %); Unknown field deploys.perDay". */
export function formatScenarioIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => (i.message.includes(i.field) ? i.message : `${i.field}: ${i.message}`)).join('; ');
}

/** The fields of a scenario that ask for values from the SLI's imported history, by their dotted names. */
export function historyFields(s: Scenario): string[] {
  const out: string[] = [];
  if (s.baseline.errorRate === FROM_HISTORY) out.push('baseline.errorRate');
  if (s.traffic.requestsPerDay === FROM_HISTORY) out.push('traffic.requestsPerDay');
  if (s.traffic.shape === FROM_HISTORY) out.push('traffic.shape');
  if (s.incidents.durationMinutes === FROM_HISTORY) out.push('incidents.durationMinutes');
  return out;
}
