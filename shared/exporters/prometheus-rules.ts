// Prometheus recording rules and multi-window multi-burn-rate alerts for a Sloth prometheus/v1 spec, the same bytes
// Sloth's `sloth generate` writes (its sli_rules, metadata_rules and alert_rules plugins, written by yaml.v2): SLI
// error ratios for each alert window and the period, the meta recordings, and one page and one ticket alert per SLO.
// Every name comes from names.ts; every float is printed as Go prints it.
import { ALERT_KEYS, burnRateFactor, checkAlertSet, DEFAULT_ALERT_SETS, fitAlertSet, goDurationHours, type AlertWindowSet } from '../budget/alerts';
import type { FieldCheck } from '../domain/validation';
import type { SlothAlert, SlothSlo, SlothSpec } from '../specs/sloth';
import type { KubernetesMeta } from '../specs/sloth-k8s';
import { WINDOW_PLACEHOLDER } from '../specs/sloth';
import { goKeyLess, goMap, goStringMap, goYamlMarshal, type GoYamlMap, type GoYamlNode } from './go-yaml';
import {
  alertAnnotations,
  formatGoDecimal,
  formatGoFloat,
  formatPromDuration,
  LABELS,
  META_METRICS,
  MODE_CLI_KUBERNETES,
  MODE_CLI_PROMETHEUS,
  PROMETHEUS_RULE,
  PROMETHEUS_RULE_LABELS,
  promLabelFilter,
  ruleGroupName,
  sliErrorMetric,
  sloId,
  sloIdLabels,
  SPEC_KUBERNETES_V1,
  SPEC_PROMETHEUS_V1,
  type Severity,
} from './names';

/** Sloth's default SLO period (`--default-slo-period 30d`). */
export const DEFAULT_PERIOD_MINUTES = 30 * 1440;

/** What to generate besides the spec: the generator's version, the alert windows, labels for every recording, and what to leave out. */
export type PrometheusRulesOptions = {
  /** Printed in the header and the sloth_version label (Sloth prints its own version, e.g. v0.16.0 or dev). */
  generatorVersion: string;
  /** The SLO period when no window set is given; 30 days by default, as Sloth's. */
  periodMinutes?: number;
  /** The alert windows; by default the built-in set made for the period (SLOTH_30D, SLOTH_28D) or the 30-day set fitted to it. */
  windows?: AlertWindowSet;
  /** Labels added to every recording rule (Sloth's --extra-labels); alerts inherit them from the recordings. */
  extraLabels?: Record<string, string>;
  /** Leave the page and ticket alerts out (--disable-alerts). */
  disableAlerts?: boolean;
  /** Leave the SLI and meta recordings out (--disable-recordings). */
  disableRecordings?: boolean;
};

type Rule = { record?: string; alert?: string; expr: string; labels: Record<string, string>; annotations?: Record<string, string> };
type Group = { name: string; rules: Rule[] };

const MINUTE_MS = 60_000;

/** Fills the window into a query as Sloth's template does: every {{.window}} becomes the range, e.g. 5m. */
function fillWindow(query: string, windowMs: number): string {
  return query.replace(new RegExp(WINDOW_PLACEHOLDER.source, 'g'), formatPromDuration(windowMs));
}

/** The error ratio of an SLI over a window, parenthesised as Sloth writes it. */
function sliExpr(slo: SlothSlo, windowMs: number): string {
  if (slo.sli.kind === 'raw') return fillWindow(`(${slo.sli.errorRatioQuery})`, windowMs);
  return fillWindow(`(${slo.sli.errorQuery})\n/\n(${slo.sli.totalQuery})\n`, windowMs);
}

/** The alert windows, each once, shortest first, as Sloth lists them (MWMBAlertGroup.TimeDurationWindows). */
export function alertWindowsMs(set: AlertWindowSet): number[] {
  const all = ALERT_KEYS.flatMap(({ severity, speed }) => [set[severity][speed].shortMinutes, set[severity][speed].longMinutes]);
  return [...new Set(all.map((m) => Math.round(m * MINUTE_MS)))].sort((a, b) => a - b);
}

function merge(...maps: Record<string, string>[]): Record<string, string> {
  return Object.assign({}, ...maps) as Record<string, string>;
}

function sliRules(slo: SlothSlo, ids: Record<string, string>, labels: Record<string, string>, set: AlertWindowSet): Rule[] {
  const periodMs = set.periodMinutes * MINUTE_MS;
  const filter = promLabelFilter(ids);
  const shortest = sliErrorMetric(set.page.quick.shortMinutes * MINUTE_MS);
  return [...alertWindowsMs(set), periodMs].map((windowMs) => {
    const window = formatPromDuration(windowMs);
    // The period's ratio is averaged from the shortest window's recordings: cheaper than a 30-day rate (Sloth's optimised rule).
    const expr =
      windowMs === periodMs
        ? `sum_over_time(${shortest}${filter}[${window}])\n/ ignoring (${LABELS.window})\ncount_over_time(${shortest}${filter}[${window}])\n`
        : sliExpr(slo, windowMs);
    return { record: sliErrorMetric(windowMs), expr, labels: merge(ids, { [LABELS.window]: window }, labels) };
  });
}

function burnRateExpr(metric: string, filter: string): string {
  return `${metric}${filter}\n/ on(${LABELS.id}, ${LABELS.slo}, ${LABELS.service}) group_left\n${META_METRICS.errorBudget}${filter}\n`;
}

function metaRules(slo: SlothSlo, ids: Record<string, string>, labels: Record<string, string>, set: AlertWindowSet, version: string, k8s: boolean): Rule[] {
  const all = merge(ids, labels);
  const filter = promLabelFilter(ids);
  const objectiveRatio = formatGoFloat(slo.objectivePercent / 100);
  const [mode, specName] = k8s ? [MODE_CLI_KUBERNETES, SPEC_KUBERNETES_V1] : [MODE_CLI_PROMETHEUS, SPEC_PROMETHEUS_V1];
  const info = {
    [LABELS.version]: version,
    [LABELS.mode]: mode,
    [LABELS.spec]: specName,
    [LABELS.objective]: formatGoDecimal(slo.objectivePercent),
  };
  return [
    { record: META_METRICS.objective, expr: `vector(${objectiveRatio})`, labels: all },
    { record: META_METRICS.errorBudget, expr: `vector(1-${objectiveRatio})`, labels: all },
    { record: META_METRICS.periodDays, expr: `vector(${formatGoFloat(goDurationHours(set.periodMinutes) / 24)})`, labels: all },
    { record: META_METRICS.currentBurnRate, expr: burnRateExpr(sliErrorMetric(set.page.quick.shortMinutes * MINUTE_MS), filter), labels: all },
    { record: META_METRICS.periodBurnRate, expr: burnRateExpr(sliErrorMetric(set.periodMinutes * MINUTE_MS), filter), labels: all },
    { record: META_METRICS.periodBudgetRemaining, expr: `1 - ${META_METRICS.periodBurnRate}${filter}`, labels: all },
    { record: META_METRICS.info, expr: 'vector(1)', labels: merge(all, info) },
  ];
}

/** The burn-rate test of one window pair of an alert: both windows above factor × error budget. */
function pairExpr(set: AlertWindowSet, severity: Severity, speed: 'quick' | 'slow', filter: string, budget: string): string {
  const w = set[severity][speed];
  const threshold = `(${formatGoFloat(burnRateFactor(w, set.periodMinutes, 'sloth'))} * ${budget})`;
  const side = (minutes: number) => `    max(${sliErrorMetric(minutes * MINUTE_MS)}${filter} > ${threshold}) without (${LABELS.window})`;
  return `(\n${side(w.shortMinutes)}\n    and\n${side(w.longMinutes)}\n)`;
}

function alertRule(slo: SlothSlo, ids: Record<string, string>, set: AlertWindowSet, severity: Severity, alert: SlothAlert): Rule {
  const filter = promLabelFilter(ids);
  // The error budget as Sloth computes it, (100 − objective) / 100: for 99.9 it prints 0.0009999999999999432.
  const budget = formatGoFloat((100 - slo.objectivePercent) / 100);
  return {
    alert: slo.alerting.name,
    expr: `${pairExpr(set, severity, 'quick', filter, budget)}\nor\n${pairExpr(set, severity, 'slow', filter, budget)}\n`,
    labels: merge({ [LABELS.severity]: severity }, slo.alerting.labels, alert.labels),
    annotations: merge(alertAnnotations(severity), slo.alerting.annotations, alert.annotations),
  };
}

function alertRules(slo: SlothSlo, ids: Record<string, string>, set: AlertWindowSet): Rule[] {
  const alerts: [Severity, SlothAlert][] = [
    ['page', slo.alerting.page],
    ['ticket', slo.alerting.ticket],
  ];
  return alerts.filter(([, alert]) => !alert.disable).map(([severity, alert]) => alertRule(slo, ids, set, severity, alert));
}

/** A mapping with its keys in yaml.v2's order, as Kubernetes objects are written (through JSON, so no field order survives). */
function sortedMap(entries: [string, GoYamlNode][]): GoYamlNode {
  return goMap([...entries].sort(([a], [b]) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0)));
}

/** The rules as Sloth writes them for a PrometheusServiceLevel: in a PrometheusRule object named as the spec's object. */
function prometheusRuleNode(meta: KubernetesMeta, groups: Group[]): GoYamlNode {
  const metadata: [string, GoYamlNode][] = [
    ['name', meta.name],
    ['labels', goStringMap({ ...meta.labels, ...PROMETHEUS_RULE_LABELS })],
  ];
  if (meta.namespace !== '') metadata.push(['namespace', meta.namespace]);
  if (Object.keys(meta.annotations).length > 0) metadata.push(['annotations', goStringMap(meta.annotations)]);
  const rule = (r: Rule) => (ruleNode(r) as GoYamlMap).entries as [string, GoYamlNode][];
  const groupNodes = groups.map((g) =>
    sortedMap([
      ['name', g.name],
      ['rules', g.rules.map((r) => sortedMap(rule(r)))],
    ]),
  );
  return sortedMap([
    ['apiVersion', PROMETHEUS_RULE.apiVersion],
    ['kind', PROMETHEUS_RULE.kind],
    ['metadata', sortedMap(metadata)],
    ['spec', goMap([['groups', groupNodes]])],
  ]);
}

function ruleNode(rule: Rule): GoYamlNode {
  const entries: [string, GoYamlNode][] = [];
  if (rule.record) entries.push(['record', rule.record]);
  if (rule.alert) entries.push(['alert', rule.alert]);
  entries.push(['expr', rule.expr]);
  if (Object.keys(rule.labels).length > 0) entries.push(['labels', goStringMap(rule.labels)]);
  if (rule.annotations && Object.keys(rule.annotations).length > 0) entries.push(['annotations', goStringMap(rule.annotations)]);
  return goMap(entries);
}

/** The header Sloth writes above each spec's rules. */
export function rulesHeader(generatorVersion: string): string {
  return `\n---\n# Code generated by Sloth (${generatorVersion}): https://github.com/slok/sloth.\n# DO NOT EDIT.\n\n`;
}

/** The alert window set for the options: the one given, else the built-in set made for the period, else the 30-day set fitted to it. */
export function windowSetFor(options: Pick<PrometheusRulesOptions, 'windows' | 'periodMinutes'>): AlertWindowSet {
  return options.windows ?? fitAlertSet(DEFAULT_ALERT_SETS, options.periodMinutes ?? DEFAULT_PERIOD_MINUTES).set;
}

/** The rule groups of one spec, three per SLO (SLI recordings, meta recordings, alerts), empty ones left out. */
function ruleGroups(spec: SlothSpec, set: AlertWindowSet, options: PrometheusRulesOptions): Group[] {
  return spec.slos.flatMap((slo) => {
    const id = sloId(spec.service, slo.name);
    const ids = sloIdLabels(spec.service, slo.name);
    const labels = merge(spec.labels, slo.labels, options.extraLabels ?? {});
    const groups: Group[] = [];
    if (!options.disableRecordings) {
      groups.push({ name: ruleGroupName('sli', id), rules: sliRules(slo, ids, labels, set) });
      groups.push({ name: ruleGroupName('meta', id), rules: metaRules(slo, ids, labels, set, options.generatorVersion, spec.kubernetes !== undefined) });
    }
    if (!options.disableAlerts) groups.push({ name: ruleGroupName('alerts', id), rules: alertRules(slo, ids, set) });
    return groups.filter((g) => g.rules.length > 0);
  });
}

/**
 * The Prometheus rule file of one Sloth spec, byte for byte as `sloth generate` writes it with the same options.
 * Refuses a window set that does not fit its period, and a spec left with no rule at all (as Sloth does).
 */
export function prometheusRules(spec: SlothSpec, options: PrometheusRulesOptions): FieldCheck<string> {
  const set = windowSetFor(options);
  if (options.windows && options.periodMinutes !== undefined && options.periodMinutes !== options.windows.periodMinutes) {
    return {
      ok: false,
      message: `The alert windows are made for ${formatPromDuration(options.windows.periodMinutes * MINUTE_MS)}, not the SLO period asked for`,
    };
  }
  const checked = checkAlertSet(set);
  if (!checked.ok) return checked;
  const groups = ruleGroups(spec, set, options);
  if (groups.length === 0)
    return {
      ok: false,
      message: `Document ${spec.document} (service ${spec.service}) leaves no rule to write: its alerts are disabled and so are the recordings`,
    };
  const plain = () =>
    goMap([
      [
        'groups',
        groups.map((g) =>
          goMap([
            ['name', g.name],
            ['rules', g.rules.map(ruleNode)],
          ]),
        ),
      ],
    ]);
  const root = spec.kubernetes ? prometheusRuleNode(spec.kubernetes, groups) : plain();
  return { ok: true, value: rulesHeader(options.generatorVersion) + goYamlMarshal(root) };
}

/** The rule file of several specs (the documents of one spec file), each after its own header, as Sloth writes them. */
export function prometheusRulesFile(specs: readonly SlothSpec[], options: PrometheusRulesOptions): FieldCheck<string> {
  let text = '';
  for (const spec of specs) {
    const rules = prometheusRules(spec, options);
    if (!rules.ok) return rules;
    text += rules.value;
  }
  return { ok: true, value: text };
}
