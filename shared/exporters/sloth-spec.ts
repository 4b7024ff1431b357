// The Sloth exporter: each service's SLOs as a Sloth prometheus/v1 spec (shared/exporters/to-sloth.ts maps them), one
// file per spec, and an AlertWindows file (sloth.slok.dev/v1) for each period whose alert windows are not Sloth's
// built-in ones. YAML is written by the `yaml` package in YAML 1.1 style, so Sloth's yaml.v2 reads every string back as
// a string ("yes", "1" are quoted), with keys in a fixed order and no folding, so the same snapshot gives the same bytes.
import { stringify } from 'yaml';
import { ALERT_KEYS, formatDuration, type AlertWindowSet } from '../budget/alerts';
import { SLOTH_ALERT_WINDOWS_API } from '../importers/sloth-alert-windows';
import { SLOTH_PROMETHEUS_V1, type SlothAlert, type SlothSpec } from '../specs/sloth';
import { commentBlock, versionLines } from './export-header';
import { SLOTH_WINDOWS_FOLDER, slothSpecFile, slothWindowsFile } from './names';
import { SLOTH_LOSSES, toSloth, type SlothExportSpec } from './to-sloth';
import type { ExportFile, ExportSnapshot, Exporter } from './types';

/** Options every YAML file of the export is written with. */
export const YAML_OUTPUT = { version: '1.1', lineWidth: 0 } as const;

const sorted = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((k) => [k, map[k]!]),
  );

/** The map if it has entries, for spreading: empty label and annotation maps are left out. */
const some = (key: string, map: Record<string, string>) => (Object.keys(map).length > 0 ? { [key]: sorted(map) } : {});

function alertYaml(alert: SlothAlert): Record<string, unknown> {
  if (alert.disable) return { disable: true };
  return { ...some('labels', alert.labels), ...some('annotations', alert.annotations) };
}

/** A spec as its prometheus/v1 document, fields in the order Sloth's own examples write them. */
export function slothSpecDocument(spec: SlothSpec): Record<string, unknown> {
  return {
    version: SLOTH_PROMETHEUS_V1,
    service: spec.service,
    ...some('labels', spec.labels),
    slos: spec.slos.map((slo) => ({
      name: slo.name,
      objective: slo.objectivePercent,
      ...(slo.description === '' ? {} : { description: slo.description }),
      ...some('labels', slo.labels),
      sli:
        slo.sli.kind === 'events'
          ? { events: { error_query: slo.sli.errorQuery, total_query: slo.sli.totalQuery } }
          : { raw: { error_ratio_query: slo.sli.errorRatioQuery } },
      alerting: {
        name: slo.alerting.name,
        ...some('labels', slo.alerting.labels),
        ...some('annotations', slo.alerting.annotations),
        page_alert: alertYaml(slo.alerting.page),
        ticket_alert: alertYaml(slo.alerting.ticket),
      },
    })),
  };
}

/** The `sloth generate` command that turns the spec into rules with its period and windows. */
export function generateCommand(exported: SlothExportSpec): string {
  const windows = exported.defaultWindows ? '' : ` --slo-period-windows-path ${SLOTH_WINDOWS_FOLDER}`;
  return `sloth generate -i ${slothSpecFile(exported.stem)} --default-slo-period ${formatDuration(exported.periodMinutes)}${windows}`;
}

function specFile(exported: SlothExportSpec, generatorVersion: string): ExportFile {
  const header = [
    `Sloth ${SLOTH_PROMETHEUS_V1} spec of the service "${exported.service.name}", written by SLO Workbench (${generatorVersion}).`,
    ...versionLines(exported.version),
    'SLOs (Sloth carries the SLO tier only; every tier is listed here for review):',
    ...exported.tierLines.map((line) => `  ${line}`),
    `Rules: ${generateCommand(exported)}`,
  ];
  return { name: slothSpecFile(exported.stem), text: commentBlock(header) + stringify(slothSpecDocument(exported.spec), YAML_OUTPUT) };
}

/** An alert window set as Sloth's AlertWindows document. */
export function alertWindowsDocument(set: AlertWindowSet): Record<string, unknown> {
  const pair = (severity: 'page' | 'ticket') =>
    Object.fromEntries(
      ALERT_KEYS.filter((k) => k.severity === severity).map(({ speed }) => {
        const w = set[severity][speed];
        return [speed, { errorBudgetPercent: w.budgetPercent, shortWindow: formatDuration(w.shortMinutes), longWindow: formatDuration(w.longMinutes) }];
      }),
    );
  return {
    apiVersion: SLOTH_ALERT_WINDOWS_API,
    kind: 'AlertWindows',
    spec: { sloPeriod: formatDuration(set.periodMinutes), page: pair('page'), ticket: pair('ticket') },
  };
}

function windowsFile(set: AlertWindowSet, generatorVersion: string): ExportFile {
  const header = [
    `Sloth alert windows for an SLO period of ${formatDuration(set.periodMinutes)} ("${set.name}"), written by SLO Workbench (${generatorVersion}).`,
    `sloth generate reads every file of this folder with --slo-period-windows-path ${SLOTH_WINDOWS_FOLDER}.`,
  ];
  return { name: slothWindowsFile(formatDuration(set.periodMinutes)), text: commentBlock(header) + stringify(alertWindowsDocument(set), YAML_OUTPUT) };
}

/** Sloth prometheus/v1 specs, one per service (one per period when its SLOs need several), and their custom AlertWindows. */
export const slothSpecExporter: Exporter = {
  id: 'sloth',
  title: 'Sloth prometheus/v1',
  extensions: ['.yaml'],
  losses: Object.values(SLOTH_LOSSES),
  render(snapshot: ExportSnapshot) {
    const { specs, losses } = toSloth(snapshot);
    const files = specs.map((s) => specFile(s, snapshot.generatorVersion));
    // One AlertWindows file per period: fitAlertSet gives every spec of a period the same set.
    const custom = new Map<number, AlertWindowSet>();
    for (const s of specs) if (!s.defaultWindows && !custom.has(s.periodMinutes)) custom.set(s.periodMinutes, s.windows);
    const periods = [...custom.keys()].sort((a, b) => a - b);
    files.push(...periods.map((p) => windowsFile(custom.get(p)!, snapshot.generatorVersion)));
    return { files, report: { format: 'sloth', losses } };
  },
};
