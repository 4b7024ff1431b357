// Sloth `prometheus/v1` SLO specs (github.com/slok/sloth, pkg/prometheus/api/v1): YAML text → typed specs, one per
// YAML document, or issues naming the document, the field and its line. The checks are Sloth's own validation
// (pkg/common/validation) plus the issue's: no objective of 100, since it leaves no error budget to alert on.
import { z } from 'zod';
import { locatePath, parseYamlDocumentsSafely, yamlIssue, type ImportResult, type SafeYaml } from '../importers/yaml-guard';
import { SPEC_LIMITS, type SpecLimits } from './spec-limits';
import type { ImportIssue } from '../importers/types';
import { formatGoFloat } from '../exporters/names';
import { kubernetesMeta, kubernetesPath, kubernetesToPrometheusV1, SLOTH_K8S_API, SLOTH_K8S_KIND, type KubernetesMeta } from './sloth-k8s';

/** The `version` of a Sloth Prometheus spec. */
export const SLOTH_PROMETHEUS_V1 = 'prometheus/v1';

/** Sloth's pattern for service and SLO names (conventions.NameRegexp): they become label values and rule group names. */
const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/;
/** Prometheus label and annotation names. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** The window placeholder Sloth fills in (conventions.TplSLIQueryWindowVarRegex). */
export const WINDOW_PLACEHOLDER = /\{\{ *\.window *\}\}/g;

/** One alert of an SLO, page or ticket, with the labels and annotations it adds to the SLO's alerting ones. */
export type SlothAlert = { disable: boolean; labels: Record<string, string>; annotations: Record<string, string> };

/** The SLI of an SLO: an error and a total query, or one query of the error ratio; each has {{.window}}. */
export type SlothSli = { kind: 'events'; errorQuery: string; totalQuery: string } | { kind: 'raw'; errorRatioQuery: string };

/** One SLO of a spec. The objective is in percent, as the spec writes it (99.9), kept as a float for byte-exact output. */
export type SlothSlo = {
  name: string;
  description: string;
  objectivePercent: number;
  labels: Record<string, string>;
  sli: SlothSli;
  alerting: { name: string; labels: Record<string, string>; annotations: Record<string, string>; page: SlothAlert; ticket: SlothAlert };
};

/** One Sloth spec (one YAML document): a service, its labels and its SLOs. `document` counts from 1. */
export type SlothSpec = {
  document: number;
  service: string;
  labels: Record<string, string>;
  slos: SlothSlo[];
  /** Set when the document was Sloth's Kubernetes form (a PrometheusServiceLevel): its object metadata. */
  kubernetes?: KubernetesMeta;
};

// Sloth reads a number or a boolean given as a label value as its text (sigs.k8s.io/yaml converts scalars for string fields).
const labelValue = z
  .union([z.string(), z.number(), z.boolean()], { error: 'values must be text' })
  .transform((v) => (typeof v === 'number' ? formatGoFloat(v) : String(v)));

const labels = (what: string) =>
  z
    .record(z.string().regex(LABEL_NAME, { error: `names must be Prometheus label names (letters, digits and _)` }), labelValue, {
      error: `must be a map of ${what}`,
    })
    .nullish()
    .transform((v) => v ?? {});

const query = z
  .string({ error: 'must be a PromQL query' })
  .refine((q) => q.trim() !== '', { error: 'must not be empty' })
  .refine((q) => new RegExp(WINDOW_PLACEHOLDER.source).test(q), { error: 'must use {{.window}} where the range goes, e.g. rate(x[{{.window}}])' })
  .refine((q) => !q.replace(WINDOW_PLACEHOLDER, '').includes('{{'), { error: 'uses a template other than {{.window}}, which Sloth does not fill in' });

const alertSchema = z
  .strictObject({ disable: z.boolean({ error: 'must be true or false' }).optional(), labels: labels('labels'), annotations: labels('annotations') })
  .nullish()
  .transform((a) => ({ disable: a?.disable ?? false, labels: a?.labels ?? {}, annotations: a?.annotations ?? {} }));

const unsupportedPlugins = z.unknown().refine((v) => v === undefined, { error: 'SLO plugins are not supported: the rules would depend on plugin code' });

const sloSchema = z.strictObject({
  name: z.string({ error: 'must be text' }).regex(NAME, { error: 'must start and end with a letter or digit and hold only letters, digits, ".", "_" and "-"' }),
  description: z.string({ error: 'must be text' }).nullish(),
  objective: z
    .number({ error: 'must be a number, the percentage of good events (99.9)' })
    .refine((o) => o > 0 && o < 100, { error: 'must be above 0 and below 100: a 100 % objective leaves no error budget to alert on' }),
  labels: labels('labels'),
  plugins: unsupportedPlugins.optional(),
  sli: z
    .strictObject({
      events: z.strictObject({ error_query: query, total_query: query }).optional(),
      raw: z.strictObject({ error_ratio_query: query }).optional(),
      plugin: z
        .unknown()
        .refine((v) => v === undefined, { error: 'SLI plugins are not supported: write the query as events or raw' })
        .optional(),
    })
    .refine((s) => (s.events === undefined) !== (s.raw === undefined), {
      error: 'needs exactly one of events (error and total queries) or raw (an error ratio query)',
    })
    .refine((s) => s.events === undefined || s.events.error_query !== s.events.total_query, { error: 'error_query and total_query must differ' }),
  alerting: z
    .strictObject({
      name: z.string({ error: 'must be text' }).optional(),
      labels: labels('labels'),
      annotations: labels('annotations'),
      page_alert: alertSchema,
      ticket_alert: alertSchema,
    })
    .nullish()
    .transform(
      (a) => a ?? { name: undefined, labels: {}, annotations: {}, page_alert: alertSchema.parse(undefined), ticket_alert: alertSchema.parse(undefined) },
    )
    .refine((a) => (a.page_alert.disable && a.ticket_alert.disable) || (a.name !== undefined && NAME.test(a.name)), {
      error: 'needs a name (letters, digits, ".", "_" and "-") unless page_alert and ticket_alert are both disabled',
      path: ['name'],
    }),
});

const specSchema = z.strictObject({
  version: z.literal(SLOTH_PROMETHEUS_V1, { error: `must be ${SLOTH_PROMETHEUS_V1}` }),
  service: z
    .string({ error: 'must be text' })
    .regex(NAME, { error: 'must start and end with a letter or digit and hold only letters, digits, ".", "_" and "-"' }),
  labels: labels('labels'),
  slo_plugins: unsupportedPlugins.optional(),
  slos: z.array(sloSchema, { error: 'must be a list of SLOs' }).min(1, { error: 'must hold at least one SLO' }),
});

type RawSpec = z.infer<typeof specSchema>;

// The Kubernetes form's names written in a prometheus/v1 spec, where Sloth ignores them (and what they hold).
const CAMEL_NAMES: Record<string, string> = {
  pageAlert: 'page_alert',
  ticketAlert: 'ticket_alert',
  errorQuery: 'error_query',
  totalQuery: 'total_query',
  errorRatioQuery: 'error_ratio_query',
  sloPlugins: 'slo_plugins',
};

/** The unknown fields of an object, and the prometheus/v1 names of those written in the Kubernetes form's camelCase. */
function unknownKeys(keys: readonly string[], kubernetes: boolean): string {
  const camel = kubernetes ? [] : keys.filter((k) => CAMEL_NAMES[k]);
  if (camel.length === 0) return keys.join(', ');
  return `${keys.join(', ')}: write ${camel.map((k) => CAMEL_NAMES[k]).join(', ')}; Sloth ignores them`;
}

const samePath = (path: readonly PropertyKey[]): PropertyKey[] => [...path];

function fieldIssues(yaml: SafeYaml, document: number, error: z.ZodError, pathOf: (path: readonly PropertyKey[]) => PropertyKey[]): ImportIssue[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    const where = path.map(String).join('.');
    const field = where === '' ? '' : ` ${where}`;
    const message =
      issue.code === 'unrecognized_keys'
        ? `Document ${document}${field}: has fields a Sloth prometheus/v1 spec does not define (${unknownKeys(issue.keys, pathOf !== samePath)})`
        : `Document ${document}${field}: ${issue.message}`;
    return yamlIssue('BAD_FIELD', message, locatePath(yaml, path));
  });
}

function mapSpec(raw: RawSpec, document: number): SlothSpec {
  return {
    document,
    service: raw.service,
    labels: raw.labels,
    slos: raw.slos.map((slo) => ({
      name: slo.name,
      description: slo.description ?? '',
      objectivePercent: slo.objective,
      labels: slo.labels,
      sli: slo.sli.events
        ? { kind: 'events', errorQuery: slo.sli.events.error_query, totalQuery: slo.sli.events.total_query }
        : { kind: 'raw', errorRatioQuery: slo.sli.raw!.error_ratio_query },
      alerting: {
        name: slo.alerting.name ?? '',
        labels: slo.alerting.labels,
        annotations: slo.alerting.annotations,
        page: slo.alerting.page_alert,
        ticket: slo.alerting.ticket_alert,
      },
    })),
  };
}

/** Issues for SLO names used twice in one spec: their rules would share one id. */
function duplicateIssues(yaml: SafeYaml, spec: SlothSpec): ImportIssue[] {
  const seen = new Set<string>();
  return spec.slos.flatMap((slo, i) => {
    if (!seen.has(slo.name)) return (seen.add(slo.name), []);
    const path = spec.kubernetes ? kubernetesPath(['slos', i, 'name']) : ['slos', i, 'name'];
    return [yamlIssue('DUPLICATE_SLO', `Document ${spec.document} ${path.join('.')}: the SLO "${slo.name}" is defined twice`, locatePath(yaml, path))];
  });
}

type Envelope = { apiVersion?: unknown; kind?: unknown; metadata?: unknown; spec?: unknown };

/** Why a document with a Kubernetes `kind` is not a Sloth spec; null for one without, or for a PrometheusServiceLevel. */
function otherKind(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || 'version' in data) return null;
  const { apiVersion, kind } = data as Envelope;
  if (apiVersion === undefined && kind === undefined) return null;
  if (apiVersion === SLOTH_K8S_API && kind === SLOTH_K8S_KIND) return null;
  const what = `kind ${String(kind ?? '(none)')} of apiVersion ${String(apiVersion ?? '(none)')}`;
  return `${what} is not a Sloth spec: one starts with version: ${SLOTH_PROMETHEUS_V1}, or is a ${SLOTH_K8S_KIND} of apiVersion ${SLOTH_K8S_API}`;
}

/** One document checked and mapped: a prometheus/v1 spec, or the spec of a PrometheusServiceLevel with its metadata. */
function readDocument(yaml: SafeYaml, document: number, data: unknown): ImportResult<SlothSpec> {
  const other = otherKind(data);
  if (other) return { ok: false, issues: [yamlIssue('UNKNOWN_KIND', `Document ${document}: ${other}`, locatePath(yaml, ['kind']))] };
  const envelope = data as Envelope;
  const k8s = typeof data === 'object' && data !== null && envelope.kind === SLOTH_K8S_KIND;
  const meta = k8s ? kubernetesMeta(data as Record<string, unknown>) : undefined;
  if (typeof meta === 'string') return { ok: false, issues: [yamlIssue('BAD_FIELD', `Document ${document} ${meta}`, locatePath(yaml, ['metadata', 'name']))] };
  const result = specSchema.safeParse(k8s ? kubernetesToPrometheusV1(envelope.spec) : data);
  if (!result.success) return { ok: false, issues: fieldIssues(yaml, document, result.error, k8s ? kubernetesPath : samePath) };
  const spec = mapSpec(result.data, document);
  return { ok: true, value: meta ? { ...spec, kubernetes: meta } : spec };
}

/**
 * Reads a file of Sloth prometheus/v1 specs, one per YAML document. Malformed, oversized, deeply nested or aliased YAML
 * is refused (shared/importers/yaml-guard.ts), and so is every document Sloth would refuse, each issue naming the
 * document, the field and its line.
 */
export function parseSlothSpecs(text: string, limits: SpecLimits = SPEC_LIMITS): ImportResult<SlothSpec[]> {
  const parsed = parseYamlDocumentsSafely(text, limits);
  if (!parsed.ok) return parsed;
  const issues: ImportIssue[] = [];
  const specs: SlothSpec[] = [];
  parsed.value.forEach((yaml, i) => {
    const document = i + 1;
    const read = readDocument(yaml, document, yaml.doc.toJS({ maxAliasCount: 0 }));
    if (!read.ok) return issues.push(...read.issues);
    issues.push(...duplicateIssues(yaml, read.value));
    specs.push(read.value);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: specs };
}
