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
