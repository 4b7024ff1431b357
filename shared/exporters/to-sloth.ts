// The one mapping from exported services to Sloth prometheus/v1 specs, shared by the Sloth exporter and the Prometheus
// rules exporter: one spec per service (one per SLO period when its SLOs need several, since Sloth applies one period to
// a whole spec), one SLO per SLI at its SLO tier, and every loss on the way named with the service and SLI it concerns.
import { DEFAULT_ALERT_SETS, fitAlertSet, formatDuration, SLOTH_28D, SLOTH_30D, type AlertWindowSet } from '../budget/alerts';
import { formatPpmPercent } from '../domain/percent';
import { tierThresholdMs } from '../domain/tiers';
import { METHOD_LABELS, TIER_LABELS, TIERS, type CalendarUnit, type Objective, type Service, type Sli } from '../domain/types';
import type { SlothAlert, SlothSli, SlothSlo, SlothSpec } from '../specs/sloth';
import { versionName } from './export-header';
import { SEVERITY_LABEL, SLOTH_VERSION_ANNOTATIONS, slothAlertName, slothName, uniqueName } from './names';
import { histogramQueries, leOfThreshold, wordingOf } from './openslo/measure';
import type { ExportLoss, ExportLossReport, ExportSnapshot, ExportVersion } from './types';

/** Everything a Sloth spec (and the rules made from it) cannot carry, and how the export maps or drops it. */
export const SLOTH_LOSSES = {
  slaTier: {
    id: 'sla-tier',
    description:
      'Sloth has one objective per SLO: the SLO tier is exported; the SLA is written in the header comment only, with no rules of its own ' +
      '(its alerts would fire only after the SLO’s, and no one is paged on them)',
  },
  targetTier: {
    id: 'target-tier',
    description: 'The performance target is a stretch goal nobody is paged on: it is written in the header comment only, with no rules of its own',
  },
  calendarWindow: {
    id: 'calendar-window',
    description: 'Sloth has no calendar windows: a calendar week, month, quarter or year is exported as a rolling 7, 30, 91 or 365 days',
  },
  timeslices: {
    id: 'timeslices',
    description:
      'Sloth counts events and has no time slices: a Timeslices or RatioTimeslices objective is exported as the ratio of events over its window, ' +
      'without its slice length and slice target',
  },
  thresholdBucket: {
    id: 'threshold-bucket',
    description:
      'A latency SLO with a threshold of its own is measured at the histogram bucket of that threshold in seconds (150 ms → le="0.15"): ' +
      'check the histogram has that bucket',
  },
  noSloTier: { id: 'no-slo-tier', description: 'An SLI without an SLO tier has no objective for Sloth to enforce: it is not exported' },
  noQueries: {
    id: 'no-queries',
    description: 'An SLI without Prometheus queries (or, for latency, a histogram) cannot be measured by Sloth: it is not exported',
  },
  fullTarget: { id: 'full-target', description: 'An SLO of 100 % leaves no error budget, which Sloth refuses: it is not exported' },
  periodSplit: {
    id: 'period-split',
    description: 'Sloth applies one SLO period to a whole spec: a service whose SLOs have different periods gets one spec per period',
  },
  versions: {
    id: 'versions-and-sign-off',
    description:
      'Sloth has no place for versions and sign-offs: they are written in the header comment, and the version and its state in each alert’s annotations',
  },
  policy: { id: 'budget-policy', description: 'Sloth has no error-budget policy: the service’s policy is not exported' },
  dependencies: { id: 'dependencies', description: 'Sloth has no dependencies between services: they are not exported' },
  serviceDetails: { id: 'service-details', description: 'A Sloth spec names its service only: the owner, description and traffic are not exported' },
} as const satisfies Record<string, ExportLoss>;

/** One spec to write: the service it comes from, its file stem, the spec, its period and alert windows, and the tier ladder in words. */
export type SlothExportSpec = {
  service: Service;
  version: ExportVersion;
  /** The file name without its extension: the service's Sloth name, plus the period when the service needs several specs. */
  stem: string;
  spec: SlothSpec;
  periodMinutes: number;
  /** The alert windows fitAlertSet chooses for the period (the workspace's own sets first). */
  windows: AlertWindowSet;
  /** True when the windows are Sloth's built-in ones for the period (30 or 28 days), so no AlertWindows file is needed. */
  defaultWindows: boolean;
  /** Each exported SLO's tiers, window and method in words, for the header: what Sloth cannot carry stays readable. */
  tierLines: string[];
};

/** The specs of a snapshot and the loss report of the mapping. */
export type SlothExport = { specs: SlothExportSpec[]; losses: ExportLossReport['losses'] };

/** Days of the rolling window a calendar period is exported as. */
export const CALENDAR_AS_ROLLING_DAYS: Readonly<Record<CalendarUnit, number>> = { week: 7, month: 30, quarter: 91, year: 365 };

const DAY_MINUTES = 1440;

type Losses = Map<string, { loss: ExportLoss; concerns: string[] }>;

function note(losses: Losses, loss: ExportLoss, concern: string): void {
  const entry = losses.get(loss.id) ?? { loss, concerns: [] };
  if (!entry.concerns.includes(concern)) entry.concerns.push(concern);
  losses.set(loss.id, entry);
}

const sameWindows = (a: AlertWindowSet, b: AlertWindowSet) =>
  a.periodMinutes === b.periodMinutes && JSON.stringify([a.page, a.ticket]) === JSON.stringify([b.page, b.ticket]);

/** True when a set is Sloth's built-in one for its period (google-30d or google-28d), whatever its name. */
export function isSlothDefaultWindows(set: AlertWindowSet): boolean {
  return [SLOTH_30D, SLOTH_28D].some((d) => sameWindows(d, set));
}

/** The SLO period of an objective in minutes: its rolling days, or the rolling days its calendar period is exported as. */
function periodOf(objective: Objective): number {
  const days = objective.window.kind === 'rolling' ? objective.window.days : CALENDAR_AS_ROLLING_DAYS[objective.window.unit];
  return days * DAY_MINUTES;
}

/** The Sloth SLI of an SLI's SLO tier: its queries, or a latency histogram's buckets; null when it has neither. */
function slothSli(sli: Sli): { sli: SlothSli; ownBucket: boolean } | null {
  const own = sli.kind === 'latency' ? sli.latencyThresholdMs : null;
  const thresholdMs = sli.kind === 'latency' ? tierThresholdMs(sli, 'slo') : null;
  const atOwn = thresholdMs === own;
  // As the OpenSLO export measures a tier (openslo/measure.ts): queries at the SLI's own threshold, else the histogram.
  if (sli.histogram && thresholdMs !== null && (!atOwn || !sli.queries)) {
    const q = histogramQueries(sli.histogram.metric, atOwn ? sli.histogram.le : leOfThreshold(thresholdMs));
    return { sli: { kind: 'events', errorQuery: `${q.total} - ${q.good}`, totalQuery: q.total }, ownBucket: !atOwn };
  }
  const q = sli.queries;
  if (q?.form === 'good-total') return { sli: { kind: 'events', errorQuery: `(${q.total}) - (${q.good})`, totalQuery: q.total }, ownBucket: false };
  if (q?.form === 'bad-total') return { sli: { kind: 'events', errorQuery: q.bad, totalQuery: q.total }, ownBucket: false };
  if (q?.form === 'error-ratio') return { sli: { kind: 'raw', errorRatioQuery: q.errorRatio }, ownBucket: false };
  return null;
}

/** One tier in words: "SLO 99 % under 200 ms". */
function tierWords(sli: Sli, tier: (typeof TIERS)[number], objective: Objective): string {
  const thresholdMs = sli.kind === 'latency' ? tierThresholdMs(sli, tier) : null;
  return `${TIER_LABELS[tier]} ${formatPpmPercent(objective.targetPpm)} %${thresholdMs === null ? '' : ` under ${thresholdMs} ms`}`;
}

/** The ladder, window and method of an exported SLO in words, for the header comment. */
function tierLine(sloName: string, sli: Sli, objective: Objective): string {
  const tiers = TIERS.flatMap((tier) => {
    const o = sli.objectives[tier];
    return o ? [tierWords(sli, tier, o) + (tier === 'slo' ? ' (exported)' : '')] : [];
  });
  const w = objective.window;
  const window = w.kind === 'rolling' ? `rolling ${w.days} day${w.days === 1 ? '' : 's'}` : `calendar ${w.unit} in ${w.timeZone}`;
  const slice = objective.timeslice
    ? ` of ${objective.timeslice.sliceMinutes}-minute slices good at ${formatPpmPercent(objective.timeslice.sliceTargetPpm)} %`
    : '';
  return `${sloName}: ${tiers.join(', ')}; ${window}, ${METHOD_LABELS[objective.method]}${slice}.`;
}

/** What an SLO says it counts: the SLI's name and its good and total events. */
function description(sli: Sli): string {
  const words = wordingOf(sli);
  const threshold = sli.kind === 'latency' && tierThresholdMs(sli, 'slo') !== null ? `, threshold ${tierThresholdMs(sli, 'slo')} ms` : '';
  const age = sli.kind === 'freshness' && sli.freshnessMaxAgeMs !== null ? `, maximum data age ${sli.freshnessMaxAgeMs} ms` : '';
  return `${sli.name}: ${words.good} / ${words.total}${threshold}${age}.`;
}

function alert(severity: 'page' | 'ticket'): SlothAlert {
  return { disable: false, labels: { [SEVERITY_LABEL]: severity }, annotations: {} };
}

type MappedSlo = { slo: SlothSlo; periodMinutes: number; tierLine: string };

/** The Sloth SLO of one SLI, or null (with the reason noted) when Sloth cannot carry it. */
function mapSli(service: { name: string; slothName: string }, sli: Sli, version: ExportVersion, taken: Set<string>, losses: Losses): MappedSlo | null {
  const concern = `${service.name} / ${sli.name}`;
  const objective = sli.objectives.slo;
  if (!objective) return (note(losses, SLOTH_LOSSES.noSloTier, concern), null);
  const measured = slothSli(sli);
  if (!measured) return (note(losses, SLOTH_LOSSES.noQueries, concern), null);
  if (objective.targetPpm >= 1_000_000) return (note(losses, SLOTH_LOSSES.fullTarget, concern), null);
  if (measured.ownBucket) note(losses, SLOTH_LOSSES.thresholdBucket, concern);
  if (objective.window.kind === 'calendar') note(losses, SLOTH_LOSSES.calendarWindow, concern);
  if (objective.method !== 'occurrences') note(losses, SLOTH_LOSSES.timeslices, concern);
  if (sli.objectives.sla) note(losses, SLOTH_LOSSES.slaTier, concern);
  if (sli.objectives.target) note(losses, SLOTH_LOSSES.targetTier, concern);
  const name = uniqueName(slothName(sli.name), taken);
  const slo: SlothSlo = {
    name,
    description: description(sli),
    // Integer ppm over 10 000 is the double nearest the percentage as written (999 000 → 99.9), as Sloth reads it.
    objectivePercent: objective.targetPpm / 10_000,
    labels: {},
    sli: measured.sli,
    alerting: {
      name: slothAlertName(service.slothName, name),
      labels: {},
      annotations: { [SLOTH_VERSION_ANNOTATIONS.version]: versionName(version), [SLOTH_VERSION_ANNOTATIONS.state]: version.state },
      page: alert('page'),
      ticket: alert('ticket'),
    },
  };
  return { slo, periodMinutes: periodOf(objective), tierLine: tierLine(name, sli, objective) };
}

/**
 * The Sloth specs of a snapshot: for each service, its SLIs' SLO tiers as Sloth SLOs, grouped by SLO period (one spec
 * per period, shortest first), each with the alert windows fitAlertSet chooses for it; and the report of what was lost.
 */
export function toSloth(snapshot: ExportSnapshot): SlothExport {
  const losses: Losses = new Map();
  const stems = new Set<string>();
  const serviceNames = new Set<string>();
  const specs: SlothExportSpec[] = [];
  for (const { service, version } of snapshot.services) {
    note(losses, SLOTH_LOSSES.versions, service.name);
    if (service.policy) note(losses, SLOTH_LOSSES.policy, service.name);
    if (service.dependencies.length > 0) note(losses, SLOTH_LOSSES.dependencies, service.name);
    if (service.owner !== '' || service.description !== '' || service.requestsPerDay !== null) note(losses, SLOTH_LOSSES.serviceDetails, service.name);
    const serviceName = uniqueName(slothName(service.name), serviceNames);
    const taken = new Set<string>();
    const mapped = service.slis.flatMap((sli) => mapSli({ name: service.name, slothName: serviceName }, sli, version, taken, losses) ?? []);
    const periods = [...new Set(mapped.map((m) => m.periodMinutes))].sort((a, b) => a - b);
    if (periods.length > 1) note(losses, SLOTH_LOSSES.periodSplit, service.name);
    for (const periodMinutes of periods) {
      const group = mapped.filter((m) => m.periodMinutes === periodMinutes);
      const windows = fitAlertSet(DEFAULT_ALERT_SETS, periodMinutes, snapshot.customAlertSets).set;
      specs.push({
        service,
        version,
        stem: uniqueName(periods.length > 1 ? `${serviceName}-${formatDuration(periodMinutes)}` : serviceName, stems),
        spec: { document: 1, service: serviceName, labels: {}, slos: group.map((m) => m.slo) },
        periodMinutes,
        windows,
        defaultWindows: isSlothDefaultWindows(windows),
        tierLines: group.map((m) => m.tierLine),
      });
    }
  }
  const order: readonly ExportLoss[] = Object.values(SLOTH_LOSSES);
  const used = order.flatMap((loss) => {
    const entry = losses.get(loss.id);
    return entry ? [{ ...loss, concerns: entry.concerns }] : [];
  });
  return { specs, losses: used };
}
