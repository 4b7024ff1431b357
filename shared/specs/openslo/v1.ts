// OpenSLO v1 specs per kind, strict (unknown fields are errors, as upstream decoding is strict), with the semantic rules
// of the OpenSLO go-sdk behind `oslo validate` where they differ from the 2022 JSON-schema proof of concept.
import { z } from 'zod';
import {
  descriptionSchema,
  durationSchema,
  freeFormSchema,
  metadataV1Schema,
  nameSchema,
  operatorSchema,
  requiredText,
  startTimeSchema,
  timeZoneSchema,
} from './common';

const metricSourceSchema = z.strictObject({
  metricSourceRef: nameSchema.optional(),
  type: z.string({ error: 'must be text' }).optional(),
  spec: freeFormSchema.refine((spec) => Object.keys(spec).length > 0, { error: 'must hold at least one setting (e.g. a query)' }),
});

const metricSchema = z.strictObject({ metricSource: metricSourceSchema });

const ratioMetricSchema = z
  .strictObject({
    counter: z.boolean({ error: 'must be true or false' }).optional(),
    good: metricSchema.optional(),
    bad: metricSchema.optional(),
    total: metricSchema.optional(),
    rawType: z.enum(['success', 'failure'], { error: 'must be success or failure' }).optional(),
    raw: metricSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.total === undefined) === (m.raw === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of total (with good or bad) or raw (with rawType)' });
    }
    if (m.total !== undefined && (m.good === undefined) === (m.bad === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of good or bad beside total, not both and not neither' });
    }
    if (m.raw !== undefined && (m.good !== undefined || m.bad !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['raw'], message: 'cannot be set together with good or bad' });
    }
    if (m.raw !== undefined && m.rawType === undefined) ctx.addIssue({ code: 'custom', path: ['rawType'], message: 'is required with raw' });
  });

/** The spec of an SLI (also the spec of an SLO's inline indicator). */
export const sliSpecSchema = z
  .strictObject({ description: descriptionSchema.optional(), thresholdMetric: metricSchema.optional(), ratioMetric: ratioMetricSchema.optional() })
  .superRefine((s, ctx) => {
    if ((s.thresholdMetric === undefined) === (s.ratioMetric === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of thresholdMetric or ratioMetric' });
    }
  });

const burnRateSchema = (opRequired: boolean) =>
  z.strictObject({
    kind: z.literal('burnrate', { error: 'must be burnrate' }),
    op: opRequired ? operatorSchema : operatorSchema.optional(),
    threshold: z.number({ error: 'must be a number, the burn rate' }),
    lookbackWindow: durationSchema,
    alertAfter: durationSchema.optional(),
  });

const alertConditionSpec = (opRequired: boolean) =>
  z.strictObject({ description: descriptionSchema.optional(), severity: requiredText('the severity, e.g. page'), condition: burnRateSchema(opRequired) });

/** The spec of an AlertCondition document. */
export const alertConditionSpecSchema = alertConditionSpec(true);

/** The spec of an AlertNotificationTarget. */
export const alertNotificationTargetSpecSchema = z.strictObject({ description: descriptionSchema.optional(), target: requiredText('the target, e.g. email') });

const ONE_OF = (ref: string, kind: string) => `must be either {${ref}: name} or an inline ${kind} with kind, metadata and spec`;

// An inline condition keeps the schema test's leniency: upstream's alert-policy-inline-cond.yaml has a burn rate without op.
const policyConditionSchema = z.union(
  [
    z.strictObject({ conditionRef: nameSchema, operator: z.string().optional() }),
    z.strictObject({ kind: z.literal('AlertCondition'), metadata: metadataV1Schema, spec: alertConditionSpec(false) }),
  ],
  { error: ONE_OF('conditionRef', 'AlertCondition') },
);

const policyTargetSchema = z.union(
  [
    z.strictObject({ targetRef: nameSchema }),
    z.strictObject({ kind: z.literal('AlertNotificationTarget'), metadata: metadataV1Schema, spec: alertNotificationTargetSpecSchema }),
  ],
  { error: ONE_OF('targetRef', 'AlertNotificationTarget') },
);

/** The spec of an AlertPolicy: exactly one condition and at least one notification target. */
export const alertPolicySpecSchema = z.strictObject({
  description: descriptionSchema.optional(),
  alertWhenNoData: z.boolean({ error: 'must be true or false' }).optional(),
  alertWhenResolved: z.boolean({ error: 'must be true or false' }).optional(),
  alertWhenBreaching: z.boolean({ error: 'must be true or false' }).optional(),
  conditions: z.array(policyConditionSchema, { error: 'must be a list of one condition' }).length(1, { error: 'must hold exactly one condition' }),
  notificationTargets: z.array(policyTargetSchema, { error: 'must be a list of notification targets' }).min(1, { error: 'must hold at least one target' }),
});

const timeWindowSchema = z
  .strictObject({
    duration: durationSchema,
    isRolling: z.boolean({ error: 'must be true or false' }).optional(),
    calendar: z.strictObject({ startTime: startTimeSchema, timeZone: timeZoneSchema }).optional(),
  })
  .superRefine((w, ctx) => {
    if (w.isRolling === true && w.calendar !== undefined) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'cannot be set when isRolling is true' });
    if (w.isRolling !== true && w.calendar === undefined) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'is required when isRolling is false' });
  });

const objectiveSchema = z
  .strictObject({
    displayName: z.string({ error: 'must be text' }).optional(),
    op: operatorSchema.optional(),
    value: z.number({ error: 'must be a number' }).optional(),
    target: z.number({ error: 'must be a number in [0, 1)' }).min(0, { error: 'must be at least 0' }).lt(1, { error: 'must be below 1' }).optional(),
    targetPercent: z
      .number({ error: 'must be a number in [0, 100)' })
      .min(0, { error: 'must be at least 0' })
      .lt(100, { error: 'must be below 100' })
      .optional(),
    timeSliceTarget: z.number({ error: 'must be a number in (0, 1]' }).gt(0, { error: 'must be above 0' }).max(1, { error: 'must be at most 1' }).optional(),
    timeSliceWindow: durationSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.target === undefined) === (o.targetPercent === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of target or targetPercent' });
  });

const alertPolicyEntrySchema = z.union(
  [
    nameSchema,
    z.strictObject({ alertPolicyRef: nameSchema }),
    z.strictObject({ kind: z.literal('AlertPolicy'), metadata: metadataV1Schema, spec: alertPolicySpecSchema }),
  ],
  { error: 'must be an alert policy name, {alertPolicyRef: name} or an inline AlertPolicy with kind, metadata and spec' },
);

/** The budgeting methods of v1 (RatioTimeslices is in the spec and the go-sdk, though not in the JSON-schema POC). */
export const BUDGETING_METHODS = ['Occurrences', 'Timeslices', 'RatioTimeslices'] as const;

/** The spec of an SLO, with go-sdk's rules across its fields. */
export const sloSpecSchema = z
  .strictObject({
    description: descriptionSchema.optional(),
    service: requiredText('the name of a service'),
    indicator: z.strictObject({ metadata: metadataV1Schema, spec: sliSpecSchema.optional() }).optional(),
    indicatorRef: nameSchema.optional(),
    timeWindow: z.array(timeWindowSchema, { error: 'must be a list of one time window' }).length(1, { error: 'must hold exactly one time window' }).optional(),
    budgetingMethod: z.enum(BUDGETING_METHODS, { error: `must be one of ${BUDGETING_METHODS.join(', ')}` }),
    objectives: z.array(objectiveSchema, { error: 'must be a list of objectives' }),
    alertPolicies: z.array(alertPolicyEntrySchema, { error: 'must be a list of alert policies' }).nullish(),
  })
  .superRefine((s, ctx) => {
    if ((s.indicator === undefined) === (s.indicatorRef === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of indicator (an inline SLI) or indicatorRef' });
    }
    const metric = s.indicator?.spec;
    s.objectives.forEach((o, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['objectives', i, field], message });
      if (s.budgetingMethod === 'Timeslices' && o.timeSliceTarget === undefined) at('timeSliceTarget', 'is required with budgetingMethod Timeslices');
      if (s.budgetingMethod !== 'Occurrences' && o.timeSliceWindow === undefined)
        at('timeSliceWindow', `is required with budgetingMethod ${s.budgetingMethod}`);
      if (metric?.ratioMetric !== undefined) {
        if (o.op !== undefined) at('op', 'is forbidden: the indicator is a ratio metric');
        if (o.value !== undefined) at('value', 'is forbidden: the indicator is a ratio metric');
      }
      if (metric?.thresholdMetric !== undefined) {
        if (o.op === undefined) at('op', 'is required: the indicator is a threshold metric');
        if (o.value === undefined) at('value', 'is required: the indicator is a threshold metric');
      }
    });
  });

/** The spec of a Service. */
export const serviceSpecSchema = z.strictObject({ description: descriptionSchema.optional() });

/** The spec of a DataSource: its type and connection details (free-form; a map or a list, as go-sdk keeps raw JSON). */
export const dataSourceSpecSchema = z.strictObject({
  description: descriptionSchema.optional(),
  type: requiredText('the type of source, e.g. Prometheus'),
  connectionDetails: z.union([freeFormSchema, z.array(z.unknown())], { error: 'is required: a map (or list) of connection settings' }),
});

/** The kinds of OpenSLO v1 and the schema of each one's spec. */
export const V1_SPECS = {
  Service: serviceSpecSchema.default({}),
  SLI: sliSpecSchema,
  SLO: sloSpecSchema,
  DataSource: dataSourceSpecSchema,
  AlertPolicy: alertPolicySpecSchema,
  AlertCondition: alertConditionSpecSchema,
  AlertNotificationTarget: alertNotificationTargetSpecSchema,
} as const;
