// Every name and label the exporters generate into Prometheus rules, in one place (docs/architecture.md §9.8), and the
// number and duration formatting they print with. The names are Sloth's (pkg/common/conventions in slok/sloth), so the
// rules we write for a Sloth spec are the ones Sloth writes, and dashboards built for Sloth read ours.

/** Recording rule of an SLI's error ratio over a window: slo:sli_error:ratio_rate5m. */
export const SLI_ERROR_METRIC_PREFIX = 'slo:sli_error:ratio_rate';

/** Names of the meta recordings Sloth writes for each SLO, in the order it writes them. */
export const META_METRICS = {
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  periodDays: 'slo:time_period:days',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  periodBurnRate: 'slo:period_burn_rate:ratio',
  periodBudgetRemaining: 'slo:period_error_budget_remaining:ratio',
  info: 'sloth_slo_info',
} as const;

/** Label names on the generated rules. */
export const LABELS = {
  id: 'sloth_id',
  service: 'sloth_service',
  slo: 'sloth_slo',
  window: 'sloth_window',
  severity: 'sloth_severity',
  version: 'sloth_version',
  mode: 'sloth_mode',
  spec: 'sloth_spec',
  objective: 'sloth_objective',
} as const;

/** The two alert severities, as the `sloth_severity` label and the title annotation name them. */
export const SEVERITIES = ['page', 'ticket'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `sloth_mode` of rules generated from a prometheus/v1 spec by a command line (Sloth's ModeCLIGenPrometheus). */
export const MODE_CLI_PROMETHEUS = 'cli-gen-prom';

/** The `sloth_spec` label of rules generated from a prometheus/v1 spec. */
export const SPEC_PROMETHEUS_V1 = 'prometheus/v1';

/** `sloth_mode` and `sloth_spec` of rules generated from a Kubernetes PrometheusServiceLevel (ModeCLIGenKubernetes). */
export const MODE_CLI_KUBERNETES = 'cli-gen-k8s';
export const SPEC_KUBERNETES_V1 = 'sloth.slok.dev/v1';

/** The Prometheus Operator object Sloth writes the rules of a PrometheusServiceLevel into, and the labels it adds to it. */
export const PROMETHEUS_RULE = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' } as const;
export const PROMETHEUS_RULE_LABELS: Record<string, string> = { 'app.kubernetes.io/component': 'SLO', 'app.kubernetes.io/managed-by': 'sloth' };

/** Rule group names: one group of SLI recordings, one of meta recordings and one of alerts per SLO. */
export const GROUP_PREFIXES = {
  sli: 'sloth-slo-sli-recordings-',
  meta: 'sloth-slo-meta-recordings-',
  alerts: 'sloth-slo-alerts-',
} as const;

/** The id of an SLO in every label and group name: service and SLO name joined by a hyphen. */
export function sloId(service: string, slo: string): string {
  return `${service}-${slo}`;
}

/** The name of one of an SLO's three rule groups. */
export function ruleGroupName(kind: keyof typeof GROUP_PREFIXES, id: string): string {
  return GROUP_PREFIXES[kind] + id;
}

/** The SLI error recording of a window: slo:sli_error:ratio_rate30m, …, ratio_rate4w for 28 days. */
export function sliErrorMetric(windowMs: number): string {
  return SLI_ERROR_METRIC_PREFIX + formatPromDuration(windowMs);
}

/** The three labels that name an SLO on every rule it owns. */
export function sloIdLabels(service: string, slo: string): Record<string, string> {
  return { [LABELS.id]: sloId(service, slo), [LABELS.service]: service, [LABELS.slo]: slo };
}

/** The annotations Sloth gives an alert: a title naming its severity and a summary. */
export function alertAnnotations(severity: Severity): Record<string, string> {
  const who = `{{$labels.${LABELS.service}}} {{$labels.${LABELS.slo}}}`;
  return {
    title: `(${severity}) ${who} SLO error budget burn rate is too fast.`,
    summary: `${who} SLO error budget burn rate is over expected.`,
  };
}

const UNITS: readonly [unit: string, ms: number, exact: boolean][] = [
  ['y', 365 * 86_400_000, true],
  ['w', 7 * 86_400_000, true],
  ['d', 86_400_000, false],
  ['h', 3_600_000, false],
  ['m', 60_000, false],
  ['s', 1000, false],
  ['ms', 1, false],
];

/**
 * A duration as Prometheus prints it (prometheus/common model.Duration.String): years and weeks only when they divide
 * it exactly, then days, hours, minutes, seconds and milliseconds: 30d → 30d, 28d → 4w, 7d → 1w, 36h → 1d12h.
 */
export function formatPromDuration(durationMs: number): string {
  let rest = Math.round(durationMs);
  if (rest === 0) return '0s';
  let text = '';
  for (const [unit, ms, exact] of UNITS) {
    if (exact && rest % ms !== 0) continue;
    const count = Math.floor(rest / ms);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * ms;
    }
  }
  return text;
}

/** The shortest digits of a number and its decimal exponent: 0.0123 → { digits: '123', exponent: -2 }. */
function shortestDigits(value: number): { digits: string; exponent: number } {
  // toExponential() without an argument gives the shortest digits that read back as the same double, as Go's 'g' -1 does.
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/**
 * A float64 as Go's fmt prints it with %v or %g (shortest round trip): decimal from 1e-4 up to 1e6, otherwise an
 * exponent of at least two digits: 14.4, 0.0009999999999999432, 1.0000000000005117e-05, 1e+06.
 */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const { digits, exponent } = shortestDigits(value);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exp = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exp}`;
  }
  return sign + decimal(digits, exponent);
}

/** A float64 as Go's strconv.FormatFloat(v, 'f', -1, 64) prints it: shortest digits, never an exponent (99.9, 0.0000001). */
export function formatGoDecimal(value: number): string {
  if (!Number.isFinite(value)) return formatGoFloat(value);
  if (value === 0) return '0';
  const { digits, exponent } = shortestDigits(value);
  return (value < 0 ? '-' : '') + decimal(digits, exponent);
}

function decimal(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return digits + '0'.repeat(exponent + 1 - digits.length);
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** A string quoted as Go's strconv.Quote does: printable characters kept, the rest escaped. */
export function quoteGo(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const escape = GO_ESCAPES[char];
    if (escape) quoted += escape;
    else if (PRINTABLE.test(char)) quoted += char;
    else {
      const code = char.codePointAt(0)!;
      if (code < 0x80) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code <= 0xffff) quoted += `\\u${code.toString(16).padStart(4, '0')}`;
      else quoted += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return `${quoted}"`;
}

/** A label matcher as Prometheus prints a label set: names sorted, {a="x", b="y"}. */
export function promLabelFilter(labels: Record<string, string>): string {
  const names = Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${names.map((name) => `${name}=${quoteGo(labels[name]!)}`).join(', ')}}`;
}

// ---- OpenSLO v1 (shared/exporters/openslo-v1.ts and shared/specs/openslo-import.ts read these back) ----

/** The prefix of every annotation the workbench writes into OpenSLO documents (openslo.com/ is reserved upstream). */
export const OPENSLO_ANNOTATION_PREFIX = 'slo-workbench.dev/';

/** The annotation names (after the prefix) the OpenSLO exporter writes and the OpenSLO import recognises. */
export const OPENSLO_ANNOTATIONS = {
  /** The full name of a service or SLI when metadata.displayName (63 characters at most) cannot hold it. */
  name: 'name',
  owner: 'owner',
  /** The names of the services a service depends on, as a JSON list. */
  dependsOn: 'depends-on',
  generator: 'generator',
  /** The exported version's number, or "draft" for a draft never proposed. */
  version: 'version',
  versionState: 'version-state',
  rationale: 'version-rationale',
  proposedOn: 'proposed-on',
  requiredRoles: 'required-roles',
  /** On an SLO or SLI document: the name of the workbench SLI it belongs to. */
  sli: 'sli',
  /** On an SLI document: the OpenSLO name of the service its SLI belongs to (an SLO names it in spec.service). */
  service: 'service',
  sliKind: 'sli-kind',
  goodEvents: 'good-events',
  totalEvents: 'total-events',
  latencyThresholdMs: 'latency-threshold-ms',
  freshnessMaxAgeMs: 'freshness-max-age-ms',
  histogramMetric: 'histogram-metric',
  histogramLe: 'histogram-le',
  /** What an SLI document's ratio metric was written from: queries, histogram or none. */
  measuredBy: 'measured-by',
  /** On an SLO document: the tier of each objective, in order, comma-separated (sla,slo,target). */
  tiers: 'tiers',
  shortWindow: 'short-window',
  budgetPercent: 'budget-percent',
  alertSet: 'alert-set',
} as const;

/** The annotation key of one OPENSLO_ANNOTATIONS name: slo-workbench.dev/sli-kind. */
export function openSloAnnotation(name: (typeof OPENSLO_ANNOTATIONS)[keyof typeof OPENSLO_ANNOTATIONS]): string {
  return OPENSLO_ANNOTATION_PREFIX + name;
}

/** The annotation of one tier's own latency threshold on an SLO document: slo-workbench.dev/latency-threshold-ms.sla. */
export function openSloTierThresholdAnnotation(tier: string): string {
  return `${OPENSLO_ANNOTATION_PREFIX}${OPENSLO_ANNOTATIONS.latencyThresholdMs}.${tier}`;
}

/** The annotation of the n-th sign-off (from 1) on a Service document: slo-workbench.dev/signoff-1. */
export function openSloSignoffAnnotation(n: number): string {
  return `${OPENSLO_ANNOTATION_PREFIX}signoff-${n}`;
}

/** What an SLI document's ratio metric was written from (OPENSLO_ANNOTATIONS.measuredBy). */
export const MEASURED_BY = ['queries', 'histogram', 'none'] as const;

/** The metricSource type of the SLI queries the exporter writes. */
export const OPENSLO_PROMETHEUS_SOURCE = 'Prometheus';

/**
 * The total query an error ratio is divided by: OpenSLO's ratioMetric `raw`/`rawType` is missing from the official v1
 * JSON schema, so an SLI measured by an error ratio is written as that ratio (bad) over one (total), which every
 * reader of bad/total computes to the same ratio, and read back as the error ratio it was.
 */
export const OPENSLO_ERROR_RATIO_TOTAL = 'vector(1)';

/** The metricSource type of an SLI that has no queries: its spec names the events in words, there is nothing to query. */
export const OPENSLO_UNMEASURED_SOURCE = 'none';

/** The calendar start time of every exported calendar window: a Monday that starts a year, a quarter, a month and an ISO week. */
export const OPENSLO_CALENDAR_START = '2024-01-01 00:00:00';

/** How UTC is written as a calendar window's time zone: the schema wants an Area/Location name, and Etc/UTC is UTC's. */
export const OPENSLO_UTC_ZONE = 'Etc/UTC';

/** alertAfter of every exported burn-rate condition: the shortest duration OpenSLO's shorthand can write (its default 0m cannot be). */
export const OPENSLO_ALERT_AFTER = '1m';

/** The longest OpenSLO name (an RFC-1123 label). */
export const OPENSLO_MAX_NAME = 63;

/** A 32-bit FNV-1a hash as 8 hex digits: the stable suffix of a name cut to fit. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A workbench name as an OpenSLO name (RFC-1123 label): lower case, accents dropped, every other run of characters a
 * hyphen, at most 63 characters (a longer one is cut and ends in a hash of the whole); "Checkout API" → checkout-api.
 */
export function openSloName(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return `x-${shortHash(text)}`;
  if (slug.length <= OPENSLO_MAX_NAME) return slug;
  return `${slug.slice(0, OPENSLO_MAX_NAME - 9).replace(/-+$/, '')}-${shortHash(text)}`;
}

/** Joins name parts into one OpenSLO name: checkout + latency → checkout-latency, cut to fit as openSloName does. */
export function openSloJoin(...parts: string[]): string {
  return openSloName(parts.join('-'));
}

// ---- Pyrra (shared/exporters/pyrra.ts writes these, shared/specs/pyrra-import.ts reads them back) ----

/**
 * The prefix of the annotations and labels the workbench writes into Pyrra objectives (the one OpenSLO's use). Not
 * Pyrra's own `pyrra.dev/`, whose annotations Pyrra copies onto every alert and whose labels onto every rule.
 */
export const PYRRA_ANNOTATION_PREFIX = 'slo-workbench.dev/';

/** The annotation names (after the prefix) the Pyrra exporter writes and the Pyrra import recognises. */
export const PYRRA_ANNOTATIONS = {
  generator: 'generator',
  /** The workbench service, SLI and tier the objective is one tier of. */
  service: 'service',
  owner: 'owner',
  serviceDescription: 'service-description',
  sli: 'sli',
  sliKind: 'sli-kind',
  tier: 'tier',
  goodEvents: 'good-events',
  totalEvents: 'total-events',
  freshnessMaxAgeMs: 'freshness-max-age-ms',
  /** The exported version's number, or "draft" for a draft never proposed. */
  version: 'version',
  versionState: 'version-state',
  rationale: 'version-rationale',
  proposedOn: 'proposed-on',
  requiredRoles: 'required-roles',
} as const;

/** The annotation key of one PYRRA_ANNOTATIONS name: slo-workbench.dev/tier. */
export function pyrraAnnotation(name: (typeof PYRRA_ANNOTATIONS)[keyof typeof PYRRA_ANNOTATIONS]): string {
  return PYRRA_ANNOTATION_PREFIX + name;
}

/** The annotation of the n-th sign-off (from 1): slo-workbench.dev/signoff-1, its value the sign-off as JSON. */
export function pyrraSignoffAnnotation(n: number): string {
  return `${PYRRA_ANNOTATION_PREFIX}signoff-${n}`;
}

/** The label naming the tier of an objective (sla, slo, target), so `kubectl get slo -l slo-workbench.dev/tier=slo` selects one. */
export const PYRRA_TIER_LABEL = `${PYRRA_ANNOTATION_PREFIX}tier`;

/** The severity of each Pyrra alert: page for fast and medium burns and a missing metric, ticket for slow burns, as our rules' `severity`. */
export const PYRRA_SEVERITIES = { absent: 'page', fastBurn: 'page', mediumBurn: 'page', slowBurn: 'ticket', longTermBurn: 'ticket' } as const;

/** The first line of every Pyrra file the workbench writes: what wrote it, so an export can tell its own files from others. */
export function pyrraHeader(generatorVersion: string): string {
  return `# Generated by SLO Workbench ${generatorVersion}. Edit the workspace and export again rather than this file.\n`;
}

/** The object name of one tier of an SLI, an RFC-1123 label as OpenSLO names are: checkout + latency + slo → checkout-latency-slo. */
export function pyrraObjectName(service: string, sli: string, tier: string): string {
  return openSloJoin(service, sli, tier);
}

// ---- Sloth specs and Prometheus rules exported from the workspace (shared/exporters/to-sloth.ts) ----

/** The label that tells an exported page alert from a ticket alert (besides Sloth's own sloth_severity). */
export const SEVERITY_LABEL = 'severity';

/** The alert annotations naming the exported version (its number, or "draft") and its state (draft, proposed, approved). */
export const SLOTH_VERSION_ANNOTATIONS = { version: 'slo_workbench_version', state: 'slo_workbench_state' } as const;

/** The folder of the AlertWindows files, given to `sloth generate --slo-period-windows-path`. */
export const SLOTH_WINDOWS_FOLDER = 'alert-windows';

/** A workbench name as a Sloth service or SLO name: the same slug OpenSLO gets, so one SLI has one name in every format. */
export function slothName(text: string): string {
  return openSloName(text);
}

/** A name not yet taken in `taken` (which it joins): the name itself, else name-2, name-3, … */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** The alert name of an exported SLO: service and SLO in PascalCase, then ErrorBudgetBurn (CheckoutRequestsErrorBudgetBurn). */
export function slothAlertName(service: string, slo: string): string {
  const pascal = `${service}-${slo}`
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return `${/^[A-Za-z]/.test(pascal) ? '' : 'Slo'}${pascal}ErrorBudgetBurn`;
}

/** The file of a service's Sloth spec: chatbot.sloth.yaml, or chatbot-1d.sloth.yaml when its SLOs need several periods. */
export function slothSpecFile(stem: string): string {
  return `${stem}.sloth.yaml`;
}

/** The AlertWindows file of a period inside SLOTH_WINDOWS_FOLDER: alert-windows/1d.yaml. */
export function slothWindowsFile(period: string): string {
  return `${SLOTH_WINDOWS_FOLDER}/${period}.yaml`;
}

/** The Prometheus rule file of a service, and the `promtool test rules` file beside it. */
export function rulesFile(stem: string): string {
  return `${stem}.rules.yaml`;
}
export function rulesTestFile(stem: string): string {
  return `${stem}.rules.test.yaml`;
}
