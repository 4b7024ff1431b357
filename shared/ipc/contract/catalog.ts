import { z } from 'zod';
import { checkTargetPpm } from '../../domain/percent';
import { BUDGETING_METHODS, CALENDAR_UNITS, SLI_KINDS, TIERS, type Service, type Sli } from '../../domain/types';
import { checkFreshnessMaxAgeMs, checkHistogram, checkSliQueries, checkWording, MAX_QUERY_LENGTH } from '../../domain/queries';
import { checkName, checkThresholdMs, checkWindowDays, MAX_NAME_LENGTH } from '../../domain/validation';
import { checked, EVERY_HOST, id, none, returns, timeZone, type ChannelSpec } from './fields';

const serviceName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'Service name'));
const sliName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'SLI name'));
const freeText = z.string().max(2000);
const thresholdMs = checked(z.number(), checkThresholdMs);
const query = z.string().max(MAX_QUERY_LENGTH * 2);

/** Boundary schema of an SLI's Prometheus queries, each checked for {{.window}} and balanced brackets. */
export const sliQueriesSchema = checked(
  z.discriminatedUnion('form', [
    z.object({ form: z.literal('good-total'), good: query, total: query }).strict(),
    z.object({ form: z.literal('bad-total'), bad: query, total: query }).strict(),
    z.object({ form: z.literal('error-ratio'), errorRatio: query }).strict(),
  ]),
  checkSliQueries,
);

/** Boundary schema of a latency SLI's histogram metric and `le` bucket. */
export const histogramSchema = checked(z.object({ metric: z.string().max(400), le: z.string().max(40) }).strict(), checkHistogram);

/** Boundary schema of an SLI's wording of good and total events. */
export const wordingSchema = checked(z.object({ good: z.string().max(400), total: z.string().max(400) }).strict(), checkWording);

const freshnessMaxAgeMs = checked(z.number(), checkFreshnessMaxAgeMs);

/** The SLI fields sli/create takes (each defaults to unset) and sli/update changes (each left alone when absent). */
const sliDetails = {
  latencyThresholdMs: thresholdMs.nullable(),
  freshnessMaxAgeMs: freshnessMaxAgeMs.nullable(),
  wording: wordingSchema.nullable(),
  queries: sliQueriesSchema.nullable(),
  histogram: histogramSchema.nullable(),
};

/** Boundary schema of an objective window. */
export const windowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), days: checked(z.number(), checkWindowDays) }),
  z.object({
    kind: z.literal('calendar'),
    unit: z.enum(CALENDAR_UNITS, { message: `Calendar unit must be one of ${CALENDAR_UNITS.join(', ')}` }),
    timeZone,
  }),
]);

/** Boundary schema of the time-slice parameters. */
export const timesliceSchema = z.object({
  sliceMinutes: z.number().int().min(1, 'Slice length must be at least 1 minute').max(1440, 'Slice length must be at most 1440 minutes'),
  sliceTargetPpm: checked(z.number(), checkTargetPpm),
});

/** Services, SLIs and their objectives per tier. */
export const catalogChannels = {
  'catalog/list': { args: none, result: returns<Service[]>(), hosts: EVERY_HOST },
  'service/create': {
    args: z.object({ name: serviceName, owner: freeText.default(''), description: freeText.default('') }).strict(),
    result: returns<Service>(),
    hosts: EVERY_HOST,
  },
  'service/rename': { args: z.object({ serviceId: id, name: serviceName }).strict(), result: returns<Service>(), hosts: EVERY_HOST },
  'service/delete': { args: z.object({ serviceId: id }).strict(), result: returns<{ serviceId: number }>(), hosts: EVERY_HOST },
  'sli/create': {
    args: z
      .object({
        serviceId: id,
        name: sliName,
        kind: z.enum(SLI_KINDS, { message: `Kind must be one of ${SLI_KINDS.join(', ')}` }),
        latencyThresholdMs: sliDetails.latencyThresholdMs.default(null),
        freshnessMaxAgeMs: sliDetails.freshnessMaxAgeMs.default(null),
        wording: sliDetails.wording.default(null),
        queries: sliDetails.queries.default(null),
        histogram: sliDetails.histogram.default(null),
      })
      .strict(),
    result: returns<Sli>(),
    hosts: EVERY_HOST,
  },
  'sli/update': {
    args: z
      .object({
        sliId: id,
        name: sliName.optional(),
        latencyThresholdMs: sliDetails.latencyThresholdMs.optional(),
        freshnessMaxAgeMs: sliDetails.freshnessMaxAgeMs.optional(),
        wording: sliDetails.wording.optional(),
        queries: sliDetails.queries.optional(),
        histogram: sliDetails.histogram.optional(),
      })
      .strict(),
    result: returns<Sli>(),
    hosts: EVERY_HOST,
  },
  'sli/delete': { args: z.object({ sliId: id }).strict(), result: returns<{ sliId: number }>(), hosts: EVERY_HOST },
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
    hosts: EVERY_HOST,
  },
  'objective/clear': { args: z.object({ sliId: id, tier: z.enum(TIERS) }).strict(), result: returns<Sli>(), hosts: EVERY_HOST },
} as const satisfies Record<string, ChannelSpec>;
