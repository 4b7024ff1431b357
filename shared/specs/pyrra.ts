// Pyrra ServiceLevelObjectives (pyrra.dev/v1alpha1, github.com/pyrra-dev/pyrra): YAML text → typed objectives, one per
// YAML document, or issues naming the file, the document (with its name when known), the field and its line. The
// fields and checks are in ./pyrra/schema.ts; metric selectors in ./pyrra/selector.ts.
import type { z } from 'zod';
import { locatePath, parseYamlDocumentsSafely, yamlIssue, type ImportResult, type SafeYaml } from '../importers/yaml-guard';
import { SPEC_LIMITS, type SpecLimits } from './spec-limits';
import type { ImportIssue } from '../importers/types';
import { objectSchema, parsePromDurationMs, type RawPyrraObject } from './pyrra/schema';
import { equalityValue, type Selector } from './pyrra/selector';

/** The apiVersion and kind of a Pyrra objective. */
export const PYRRA_API_VERSION = 'pyrra.dev/v1alpha1';
export const PYRRA_KIND = 'ServiceLevelObjective';

/** The indicator of an objective: one of Pyrra's four, with its selectors and grouping labels. */
export type PyrraIndicator =
  | { kind: 'ratio'; errors: Selector; total: Selector; grouping: string[] }
  | { kind: 'latency'; success: Selector; total: Selector; le: string; grouping: string[] }
  | { kind: 'latencyNative'; total: Selector; latency: string; latencyMs: number; grouping: string[] }
  | { kind: 'boolGauge'; metric: Selector; grouping: string[] };

/** The alert severities Pyrra can be told to write; null where Pyrra's default applies (critical, or warning for slow burns). */
export type PyrraSeverities = {
  absent: string | null;
  fastBurn: string | null;
  mediumBurn: string | null;
  slowBurn: string | null;
  longTermBurn: string | null;
};

/** spec.alerting with Pyrra's defaults filled in (burn-rate and absent alerts on, Pyrra's alert names). */
export type PyrraAlerting = {
  burnrates: boolean;
  absent: boolean;
  /** The deprecated switch of every alert (alerting.disabled). */
  disabled: boolean;
  name: string | null;
  absentName: string | null;
  severities: PyrraSeverities;
};

/** One ServiceLevelObjective as read: `document` counts from 1; the target is kept as written ("99.9") beside its ppm. */
export type PyrraObjective = {
  document: number;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  description: string;
  target: string;
  window: string;
  windowMs: number;
  indicator: PyrraIndicator;
  alerting: PyrraAlerting;
  /** The fields that tune Pyrra's rule output only: partial_response_strategy, performanceOverAccuracy, ruleOutput. */
  ruleTuning: string[];
};

type Where = { file: string; document: number; name?: string };

function where({ file, document, name }: Where): string {
  return `${file}, document ${document}${name ? ` (${PYRRA_KIND} "${name}")` : ''}`;
}

function issue(yaml: SafeYaml, at: Where, code: string, path: readonly PropertyKey[], what: string): ImportIssue {
  const field = path.map(String).join('.');
  return yamlIssue(code, `${where(at)}: ${field === '' ? 'the document' : field} ${what}`, locatePath(yaml, path));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key as string] : undefined;
  return at;
}

function fieldIssues(yaml: SafeYaml, at: Where, data: unknown, error: z.ZodError): ImportIssue[] {
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => issue(yaml, at, 'UNKNOWN_FIELD', [...i.path, key], `is not a field of a Pyrra ${PYRRA_KIND}`));
    }
    const missing = i.code === 'invalid_type' && valueAt(data, i.path) === undefined;
    return [issue(yaml, at, missing ? 'MISSING_FIELD' : 'BAD_FIELD', i.path, missing ? 'is required' : i.message)];
  });
}

function indicatorOf(raw: RawPyrraObject['spec']['indicator']): PyrraIndicator {
  if (raw.ratio) return { kind: 'ratio', errors: raw.ratio.errors.metric, total: raw.ratio.total.metric, grouping: raw.ratio.grouping };
  if (raw.latency) {
    const success = raw.latency.success.metric;
    return { kind: 'latency', success, total: raw.latency.total.metric, le: equalityValue(success, 'le') ?? '', grouping: raw.latency.grouping };
  }
  if (raw.latencyNative) {
    const { latency, total, grouping } = raw.latencyNative;
    return { kind: 'latencyNative', total: total.metric, latency, latencyMs: parsePromDurationMs(latency)!, grouping };
  }
  return { kind: 'boolGauge', metric: raw.bool_gauge!.metric, grouping: raw.bool_gauge!.grouping };
}

function objectiveOf(raw: RawPyrraObject, document: number): PyrraObjective {
  const { spec, metadata } = raw;
  const alerting = spec.alerting ?? {};
  const s = alerting.severities ?? {};
  return {
    document,
    name: metadata.name,
    namespace: metadata.namespace ?? '',
    labels: metadata.labels ?? {},
    annotations: metadata.annotations ?? {},
    description: spec.description ?? '',
    target: spec.target,
    window: spec.window,
    windowMs: parsePromDurationMs(spec.window)!,
    indicator: indicatorOf(spec.indicator),
    alerting: {
      burnrates: alerting.burnrates ?? true,
      absent: alerting.absent ?? true,
      disabled: alerting.disabled ?? false,
      name: alerting.name || null,
      absentName: alerting.absentName || null,
      severities: {
        absent: s.absent || null,
        fastBurn: s.fastBurn || null,
        mediumBurn: s.mediumBurn || null,
        slowBurn: s.slowBurn || null,
        longTermBurn: s.longTermBurn || null,
      },
    },
    ruleTuning: (['partial_response_strategy', 'performanceOverAccuracy', 'ruleOutput'] as const).filter((k) => spec[k] !== undefined),
  };
}

/** One document checked: its apiVersion and kind first, then every field. */
function readDocument(yaml: SafeYaml, at: Where, data: unknown): ImportResult<PyrraObjective> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [issue(yaml, at, 'NOT_AN_OBJECT', [], `must be a map with apiVersion, kind, metadata and spec`)] };
  }
  const record = data as Record<string, unknown>;
  const name = valueAt(record, ['metadata', 'name']);
  const named: Where = typeof name === 'string' && name !== '' ? { ...at, name } : at;
  if (record.apiVersion !== PYRRA_API_VERSION) {
    const what = record.apiVersion === undefined ? 'is required' : `"${String(record.apiVersion)}" is not Pyrra's`;
    return { ok: false, issues: [issue(yaml, named, 'UNKNOWN_API_VERSION', ['apiVersion'], `${what}: write ${PYRRA_API_VERSION}`)] };
  }
  if (record.kind !== PYRRA_KIND) {
    const what = record.kind === undefined ? 'is required' : `"${String(record.kind)}" is not a kind Pyrra reads`;
    return { ok: false, issues: [issue(yaml, named, 'UNKNOWN_KIND', ['kind'], `${what}: write ${PYRRA_KIND}`)] };
  }
  const parsed = objectSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fieldIssues(yaml, named, data, parsed.error) };
  return { ok: true, value: objectiveOf(parsed.data, at.document) };
}

/** Issues for a name given twice in one namespace: Pyrra would write both objectives' rules under one name. */
function duplicateIssues(yaml: SafeYaml[], file: string, objectives: PyrraObjective[]): ImportIssue[] {
  const seen = new Map<string, number>();
  return objectives.flatMap((o) => {
    const key = `${o.namespace}/${o.name}`;
    const first = seen.get(key);
    if (first === undefined) return (seen.set(key, o.document), []);
    const at = { file, document: o.document, name: o.name };
    return [issue(yaml[o.document - 1]!, at, 'DUPLICATE_NAME', ['metadata', 'name'], `is the name of document ${first} too`)];
  });
}

/**
 * Reads a file of Pyrra ServiceLevelObjectives, one per YAML document. Malformed, oversized, deeply nested or aliased
 * YAML is refused (shared/importers/yaml-guard.ts), and so is every document Pyrra would refuse; each issue names the
 * file, the document and the field. Never throws.
 */
export function parsePyrraObjectives(text: string, file: string, limits: SpecLimits = SPEC_LIMITS): ImportResult<PyrraObjective[]> {
  const parsed = parseYamlDocumentsSafely(text, limits);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, message: `${file}: ${i.message}` })) };
  const issues: ImportIssue[] = [];
  const objectives: PyrraObjective[] = [];
  parsed.value.forEach((yaml, i) => {
    const read = readDocument(yaml, { file, document: i + 1 }, yaml.doc.toJS({ maxAliasCount: 0 }));
    if (read.ok) objectives.push(read.value);
    else issues.push(...read.issues);
  });
  issues.push(...duplicateIssues(parsed.value, file, objectives));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: objectives };
}
