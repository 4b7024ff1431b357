// The fields of a pyrra.dev/v1alpha1 ServiceLevelObjective (the CRD in pyrra-dev/pyrra config/crd/bases, and the Go types
// of kubernetes/api/v1alpha1), with Pyrra's own checks from its admission webhook (validate) and from Internal(): a
// target from 0 to 100, Prometheus durations, one indicator, metric selectors, an `le` matcher on a latency's success.
// Unknown fields are refused, as Pyrra's filesystem mode does (yaml.UnmarshalStrict); the CRD's schema would prune them.
import { z } from 'zod';
import { parseSelector, type Selector } from './selector';

/** A Prometheus duration as model.ParseDuration reads it: units from years down to milliseconds, each once, in order. */
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Milliseconds of a Prometheus duration (30d, 4w, 1h30m, 200ms), or null when it is not one. */
export function parsePromDurationMs(text: string): number | null {
  if (text === '0') return 0;
  const m = PROM_DURATION.exec(text);
  if (!m || text === '') return null;
  return UNIT_MS.reduce((ms, unit, i) => ms + Number(m[i + 1] ?? 0) * unit, 0);
}

/** A float as Go's strconv.ParseFloat reads it (decimal or exponent, Inf, NaN): Pyrra's targets and `le` values. */
const GO_FLOAT = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/** True when Go's strconv.ParseFloat reads the text. */
export function isGoFloat(text: string): boolean {
  return GO_FLOAT.test(text);
}

const text = (what = 'text') => z.string({ error: `must be ${what}` });
const strings = (what: string) => z.record(z.string(), text(), { error: `must be a map of ${what} (each value text)` });

const duration = (example: string) =>
  text(`a Prometheus duration such as ${example}`).refine((d) => (parsePromDurationMs(d) ?? 0) > 0, {
    error: `must be a Prometheus duration above 0 such as ${example} (units y, w, d, h, m, s, ms, largest first)`,
  });

const selector = z.string({ error: 'must be a metric selector (text)' }).transform((metric, ctx): Selector => {
  const parsed = parseSelector(metric);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const query = z.strictObject({ metric: selector }, { error: 'must be a map with metric: <selector>' });

const grouping = z
  .array(text('a label name').regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: 'must be a Prometheus label name' }), { error: 'must be a list of label names' })
  .nullish()
  .transform((g) => g ?? []);

const successQuery = z.strictObject(
  {
    metric: selector.refine((s) => s.matchers.some((m) => m.name === 'le' && isGoFloat(m.value)), {
      error: 'must have an le matcher with a number, the histogram bucket of the latency threshold: x_bucket{le="0.2"}',
    }),
  },
  { error: 'must be a map with metric: <selector>' },
);

/** The four indicators; exactly one is given. */
export const indicatorSchema = z
  .strictObject(
    {
      ratio: z.strictObject({ errors: query, total: query, grouping }).optional(),
      latency: z.strictObject({ success: successQuery, total: query, grouping }).optional(),
      latencyNative: z.strictObject({ latency: duration('200ms'), total: query, grouping }).optional(),
      bool_gauge: z.strictObject({ metric: selector, grouping }).optional(),
    },
    { error: 'must be a map holding one of ratio, latency, latencyNative or bool_gauge' },
  )
  .refine((i) => [i.ratio, i.latency, i.latencyNative, i.bool_gauge].filter((x) => x !== undefined).length === 1, {
    error: 'must hold exactly one of ratio, latency, latencyNative or bool_gauge',
  });

const severity = text().optional();

/** spec.alerting, each field as the CRD has it (burnrates and absent default to true). */
export const alertingSchema = z.strictObject(
  {
    absent: z.boolean({ error: 'must be true or false' }).optional(),
    absentName: text().optional(),
    burnrates: z.boolean({ error: 'must be true or false' }).optional(),
    disabled: z.boolean({ error: 'must be true or false' }).optional(),
    name: text().optional(),
    severities: z
      .strictObject(
        { absent: severity, fastBurn: severity, longTermBurn: severity, mediumBurn: severity, slowBurn: severity },
        { error: 'must be a map of severities (absent, fastBurn, mediumBurn, slowBurn, longTermBurn)' },
      )
      .optional(),
  },
  { error: 'must be a map of alerting settings' },
);

const target = z
  .string({ error: 'must be a percentage written as text, e.g. "99.9" (in quotes)' })
  .refine((t) => isGoFloat(t) && !/nan|inf/i.test(t), { error: 'must be a number from 0 to 100 written as text, e.g. "99.9"' })
  .refine((t) => !isGoFloat(t) || (Number(t) >= 0 && Number(t) <= 100), { error: 'must be from 0 to 100 (a percentage, not a ratio from 0 to 1)' });

/** spec of a ServiceLevelObjective. */
export const specSchema = z.strictObject(
  {
    description: text().nullish(),
    target,
    window: duration('28d or 4w'),
    indicator: indicatorSchema,
    alerting: alertingSchema.optional(),
    partial_response_strategy: z.enum(['abort', 'warn', ''], { error: 'must be abort, warn or empty' }).optional(),
    performanceOverAccuracy: z.boolean({ error: 'must be true or false' }).optional(),
    ruleOutput: z
      .strictObject(
        {
          enableDescriptionAsLabel: z.boolean({ error: 'must be true or false' }).optional(),
          longRulesLabels: strings('labels').optional(),
          shortRulesLabels: strings('labels').optional(),
        },
        { error: 'must be a map of rule output settings' },
      )
      .optional(),
  },
  { error: 'must be a map with target, window and indicator' },
);

/** metadata: Kubernetes' ObjectMeta, of which Pyrra reads the name, namespace, labels and annotations. */
export const metadataSchema = z.looseObject(
  {
    name: text('the object name').min(1, { error: 'must not be empty: Pyrra names its rules after it' }),
    namespace: text().optional(),
    labels: strings('labels').nullish(),
    annotations: strings('annotations').nullish(),
  },
  { error: 'must be a map with at least a name' },
);

/** A whole ServiceLevelObjective once its apiVersion and kind are known to be Pyrra's. */
export const objectSchema = z.strictObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: metadataSchema,
  spec: specSchema,
  status: z.strictObject({ type: text().optional() }, { error: 'must be a map' }).optional(),
});

/** The checked fields of one document. */
export type RawPyrraObject = z.output<typeof objectSchema>;
