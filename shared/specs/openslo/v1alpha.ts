// OpenSLO v1alpha specs (Service and SLO only), strict, with the go-sdk's rules: timeWindows with a count and a unit,
// an indicator or per-objective ratioMetrics, op required for thresholds and forbidden for ratios.
import { z } from 'zod';
import { descriptionSchema, operatorSchema, requiredText, startTimeSchema, timeZoneSchema } from './common';

// go-sdk checks source and queryType with StringAlpha.
const ALPHA = /^[A-Za-z]+$/;

const querySchema = z.strictObject({
  source: z.string({ error: 'must be the source, e.g. prometheus' }).regex(ALPHA, { error: 'must be letters only, e.g. prometheus' }),
  queryType: z.string({ error: 'must be the query type, e.g. promql' }).regex(ALPHA, { error: 'must be letters only, e.g. promql' }),
  query: requiredText('the query'),
});

/** The units of a v1alpha time window. */
export const V1ALPHA_UNITS = ['Second', 'Day', 'Week', 'Month', 'Quarter'] as const;

const timeWindowSchema = z
  .strictObject({
    unit: z.enum(V1ALPHA_UNITS, { error: `must be one of ${V1ALPHA_UNITS.join(', ')}` }),
    count: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be above 0' }),
    isRolling: z.boolean({ error: 'must be true or false' }).optional(),
    calendar: z.strictObject({ startTime: startTimeSchema, timeZone: timeZoneSchema }).optional(),
  })
  .superRefine((w, ctx) => {
    if (w.isRolling === true && w.calendar !== undefined) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'cannot be set when isRolling is true' });
    if (w.isRolling !== true && w.calendar === undefined) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'is required when isRolling is false' });
  });

const objectiveSchema = z.strictObject({
  displayName: descriptionSchema.optional(),
  op: operatorSchema.optional(),
  value: z.number({ error: 'must be a number' }).optional(),
  ratioMetrics: z.strictObject({ good: querySchema, total: querySchema, incremental: z.boolean({ error: 'must be true or false' }).optional() }).optional(),
  target: z.number({ error: 'must be a number in [0, 1)' }).min(0, { error: 'must be at least 0' }).lt(1, { error: 'must be below 1' }),
  timeSliceTarget: z.number({ error: 'must be a number in [0, 1]' }).min(0, { error: 'must be at least 0' }).max(1, { error: 'must be at most 1' }).optional(),
});

/** The spec of a v1alpha SLO. */
export const sloSpecV1alphaSchema = z
  .strictObject({
    description: descriptionSchema.optional(),
    service: requiredText('the name of a service'),
    indicator: z.strictObject({ thresholdMetric: querySchema }).optional(),
    timeWindows: z.array(timeWindowSchema, { error: 'must be a list of one time window' }).length(1, { error: 'must hold exactly one time window' }),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices'], { error: 'must be Occurrences or Timeslices' }),
    objectives: z.array(objectiveSchema, { error: 'must be a list of objectives' }),
  })
  .superRefine((s, ctx) => {
    const ratio = s.objectives.some((o) => o.ratioMetrics !== undefined);
    if (ratio === (s.indicator !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of indicator or objectives[*].ratioMetrics' });
    }
    s.objectives.forEach((o, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['objectives', i, field], message });
      if (s.budgetingMethod === 'Timeslices' && o.timeSliceTarget === undefined) at('timeSliceTarget', 'is required with budgetingMethod Timeslices');
      // go-sdk requires value on every v1alpha objective (expected/v1alpha.txt reports it on a ratio objective too).
      if (o.value === undefined) at('value', 'is required');
      if (o.ratioMetrics === undefined && o.op === undefined) at('op', 'is required for a threshold objective');
      if (o.ratioMetrics !== undefined && o.op !== undefined) at('op', 'is forbidden when ratioMetrics is set');
    });
  });

/** The kinds of OpenSLO v1alpha and the schema of each one's spec. */
export const V1ALPHA_SPECS = {
  Service: z.strictObject({ description: descriptionSchema.optional() }).default({}),
  SLO: sloSpecV1alphaSchema,
} as const;
