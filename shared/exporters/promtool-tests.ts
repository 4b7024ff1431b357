// A `promtool test rules` file for the rules of a Sloth spec: a synthetic outage of 100 % errors fed as the SLI error
// ratios of every alert window, and the alerts expected a minute before it and at the first minute by which every
// alert that can fire does. The ratios are fed directly because a spec's queries read metrics we know nothing of; so the test
// proves the alert expressions, windows and factors of the file, not the SLI queries (promtool check rules parses those).
import { ALERT_KEYS, burnRateFactor, checkAlertSet, type AlertWindowSet } from '../budget/alerts';
import type { FieldCheck } from '../domain/validation';
import type { SlothSlo, SlothSpec } from '../specs/sloth';
import { goMap, goStringMap, goYamlMarshal, type GoYamlNode } from './go-yaml';
import { alertAnnotations, formatGoFloat, formatPromDuration, LABELS, promLabelFilter, sliErrorMetric, sloIdLabels, type Severity } from './names';
import { alertWindowsMs, windowSetFor, type PrometheusRulesOptions } from './prometheus-rules';

/** What the test needs besides the rules' options: the rule file's name as promtool will find it, and when the outage starts. */
export type OutageTestOptions = Pick<PrometheusRulesOptions, 'windows' | 'periodMinutes'> & { rulesFile: string; outageStartMinute?: number };

const MINUTE_MS = 60_000;

/** The error ratio over a window of `windowMinutes`, `minute` minutes into the run, when every request fails from `start` on. */
function ratioAt(minute: number, windowMinutes: number, start: number): number {
  return Math.min(1, Math.max(0, minute - start) / windowMinutes);
}

/** promtool's values of one window's ratio: zeros before the outage, the ramp while the window fills, then ones. */
function seriesValues(windowMinutes: number, start: number, end: number): string {
  const ramp: string[] = [];
  for (let m = start + 1; m <= end && m < start + windowMinutes; m++) ramp.push(formatGoFloat(ratioAt(m, windowMinutes, start)));
  const full = end - (start + windowMinutes);
  return [`0x${start}`, ...ramp, ...(full >= 0 ? [full === 0 ? '1' : `1x${full}`] : [])].join(' ');
}

type Expected = { name: string; labels: Record<string, string>; annotations: Record<string, string>; firesAt: (minute: number) => boolean };

/** Fills the {{$labels.x}} of an annotation, or null when it holds a template the test cannot work out. */
function expand(text: string, labels: Record<string, string>): string | null {
  const filled = text.replace(/\{\{ *\$labels\.([a-zA-Z_][a-zA-Z0-9_]*) *\}\}/g, (_, name: string) => labels[name] ?? '');
  return filled.includes('{{') ? null : filled;
}

function expectedAlerts(spec: SlothSpec, slo: SlothSlo, set: AlertWindowSet, start: number): Expected[] | string {
  const ids = sloIdLabels(spec.service, slo.name);
  // The threshold Prometheus computes from the printed numbers: factor × budget, both as the rule file writes them.
  const budget = Number(formatGoFloat((100 - slo.objectivePercent) / 100));
  const out: Expected[] = [];
  for (const severity of ['page', 'ticket'] as Severity[]) {
    const alert = slo.alerting[severity];
    if (alert.disable) continue;
    const labels = { ...ids, [LABELS.severity]: severity, ...slo.alerting.labels, ...alert.labels };
    const annotations: Record<string, string> = {};
    for (const [key, text] of Object.entries({ ...alertAnnotations(severity), ...slo.alerting.annotations, ...alert.annotations })) {
      const filled = expand(text, labels);
      if (filled === null) return `The ${key} annotation of the ${severity} alert of ${slo.name} uses a template the test cannot expand`;
      annotations[key] = filled;
    }
    const pairs = ALERT_KEYS.filter((k) => k.severity === severity).map((k) => set[severity][k.speed]);
    const firesAt = (minute: number) =>
      pairs.some((w) => {
        const threshold = Number(formatGoFloat(burnRateFactor(w, set.periodMinutes, 'sloth'))) * budget;
        return ratioAt(minute, w.shortMinutes, start) > threshold && ratioAt(minute, w.longMinutes, start) > threshold;
      });
    out.push({ name: slo.alerting.name, labels, annotations, firesAt });
  }
  return out;
}

function alertTests(expected: Expected[], minutes: number[]): GoYamlNode[] {
  const names = [...new Set(expected.map((e) => e.name))];
  return minutes.flatMap((minute) =>
    names.map((name) => {
      const firing = expected.filter((e) => e.name === name && e.firesAt(minute));
      const alerts = firing.map((e) =>
        goMap([
          ['exp_labels', goStringMap(e.labels)],
          ['exp_annotations', goStringMap(e.annotations)],
        ]),
      );
      return goMap([
        ['eval_time', `${minute}m`],
        ['alertname', name],
        ['exp_alerts', alerts],
      ]);
    }),
  );
}

/**
 * The promtool unit test of the rules prometheusRules writes for the spec with the same windows: every SLO's error
 * ratios go from 0 to a 100 % outage at outageStartMinute (60 by default); no alert fires a minute before it, and at
 * the first minute by which every alert that can fire does, each page and ticket alert fires as its burn rates say.
 */
export function promtoolOutageTest(spec: SlothSpec, options: OutageTestOptions): FieldCheck<string> {
  const set = windowSetFor(options);
  const checked = checkAlertSet(set);
  if (!checked.ok) return checked;
  const start = options.outageStartMinute ?? 60;
  const windows = alertWindowsMs(set).map((ms) => ms / MINUTE_MS);
  const expected: Expected[] = [];
  for (const slo of spec.slos) {
    const alerts = expectedAlerts(spec, slo, set, start);
    if (typeof alerts === 'string') return { ok: false, message: alerts };
    expected.push(...alerts);
  }
  if (expected.length === 0) return { ok: false, message: `No alert of ${spec.service} is enabled, so there is nothing to test` };
  // The first minute at which every alert that can fire does: the run ends there, so promtool evaluates no longer than needed.
  const longest = Math.max(...windows);
  const canFire = expected.filter((e) => e.firesAt(start + longest));
  let allFire = start + 1;
  while (allFire < start + longest && !canFire.every((e) => e.firesAt(allFire))) allFire++;
  const end = allFire + 1;
  const series: GoYamlNode[] = spec.slos.flatMap((slo) =>
    windows.map((minutes) => {
      const labels = { ...sloIdLabels(spec.service, slo.name), [LABELS.window]: formatPromDuration(minutes * MINUTE_MS) };
      return goMap([
        ['series', sliErrorMetric(minutes * MINUTE_MS) + promLabelFilter(labels)],
        ['values', seriesValues(minutes, start, end)],
      ]);
    }),
  );
  const minutes = [start - 1, allFire];
  const test = goMap([
    ['interval', '1m'],
    ['input_series', series],
    ['alert_rule_test', alertTests(expected, minutes)],
  ]);
  const root = goMap([
    ['rule_files', [options.rulesFile]],
    ['evaluation_interval', '1m'],
    ['tests', [test]],
  ]);
  return { ok: true, value: goYamlMarshal(root) };
}
