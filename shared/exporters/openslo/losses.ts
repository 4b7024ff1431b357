// What OpenSLO v1 cannot carry of a workspace, and how the exporter maps it: the exporter's list of losses, and the
// report of one export naming the services and SLIs each loss concerns.
import { TIERS, type Service } from '../../domain/types';
import type { ExportLoss, ExportLossReport } from '../types';
import {
  OPENSLO_ALERT_AFTER,
  OPENSLO_ANNOTATION_PREFIX,
  OPENSLO_CALENDAR_START,
  OPENSLO_ERROR_RATIO_TOTAL,
  OPENSLO_UNMEASURED_SOURCE,
  openSloName,
} from '../names';
import type { ServicePlan } from './plan';

const LOSSES = {
  tiers: `OpenSLO objectives have no tiers: each objective's displayName names its tier (SLA, SLO, performance target) and the SLO's ${OPENSLO_ANNOTATION_PREFIX}tiers annotation lists them in order.`,
  'split-slos':
    'OpenSLO has one timeWindow, one budgetingMethod and one indicator per SLO: tiers that differ in window, method or latency threshold are written as separate SLO documents named after their tiers (e.g. checkout-latency-sla and checkout-latency-slo-target).',
  'latency-threshold':
    "OpenSLO's op/value belong to threshold metrics (oslo refuses them on the objectives of a ratio SLI): a latency threshold is carried in the good query's le bucket, in the SLI's and SLO's latency-threshold-ms annotations and in the descriptions.",
  'threshold-queries':
    "A tier with its own latency threshold is measured by the SLI's queries, which measure the SLI's threshold: set a histogram so each threshold gets its own bucket query.",
  'no-queries': `An SLI without queries has no metric OpenSLO could read; its SLI document has metric sources of type "${OPENSLO_UNMEASURED_SOURCE}" naming the good and total events in words.`,
  'window-placeholder': "Queries keep Sloth's {{.window}} placeholder for the range; a tool other than Sloth must fill it in.",
  freshness: `OpenSLO has no freshness SLIs: the maximum data age is carried in the ${OPENSLO_ANNOTATION_PREFIX}freshness-max-age-ms annotation and the SLI is a ratio of fresh reads.`,
  'calendar-start': `OpenSLO calendar windows need a start time: every calendar window starts at ${OPENSLO_CALENDAR_START} in its time zone (a Monday that starts a year, quarter, month and ISO week; UTC is written Etc/UTC, the Area/Location name the schema asks for), and the alert burn rates of a calendar window are made for its shortest period (28 days for a month).`,
  'ratio-timeslices':
    'RatioTimeslices has no slice target in OpenSLO: only timeSliceWindow is written (the workbench does not use the slice target with this method either).',
  'poc-schema':
    'The official OpenSLO v1 JSON schema (a 2022 proof of concept) predates budgetingMethod RatioTimeslices, which the v1 spec and oslo validate accept: an SLO with that method is written as the spec says and fails that schema at budgetingMethod only (writing another method would change what is measured).',
  'error-ratio': `The official OpenSLO v1 JSON schema has no ratioMetric raw/rawType: an error-ratio query is written as the bad events over a total of ${OPENSLO_ERROR_RATIO_TOTAL}, which computes the same ratio, and is read back as an error ratio.`,
  'alert-windows': `OpenSLO's burn-rate condition has one lookback window: the long window is its lookbackWindow, the short window and the budget share are carried in annotations, and alertAfter is ${OPENSLO_ALERT_AFTER} (its default of 0m cannot be written).`,
  'notification-targets':
    'The workbench records no notification channels, but an OpenSLO AlertPolicy needs one: one AlertNotificationTarget per service and severity (target "page" or "ticket") is written for you to replace.',
  dependencies: `OpenSLO has no dependencies between services: the names of the services depended on are carried in the ${OPENSLO_ANNOTATION_PREFIX}depends-on annotation; redundancy groups and the dependency ceiling are not carried.`,
  'budget-policy': "OpenSLO has no error-budget policy: the service's policy is not exported.",
  'requests-per-day': 'OpenSLO has no traffic figure: requests per day (the bad-event budgets) are not exported.',
  signoffs: `OpenSLO has no versions or sign-offs: the version's number, state, rationale, required roles and every sign-off are carried in ${OPENSLO_ANNOTATION_PREFIX} annotations of the Service document (the state also on each SLO).`,
  names:
    'OpenSLO names are RFC-1123 labels of at most 63 characters: names are lower-cased and hyphenated (cut with a hash when longer), and the workbench name is kept in displayName or, when longer than 63 characters, in an annotation.',
} as const;

/** Every loss the OpenSLO export can report. */
export const OPENSLO_LOSSES: readonly ExportLoss[] = Object.entries(LOSSES).map(([id, description]) => ({ id, description }));

type LossId = keyof typeof LOSSES;

/** The losses of one export: each loss that applies, with the services ("checkout") and SLIs ("checkout / latency") it concerns. */
export function lossReport(plans: readonly ServicePlan[]): ExportLossReport {
  // A set per loss keeps the concerns in first-seen order without a search of the list per add (10,000 SLIs took 8 s).
  const concerns = new Map<LossId, Set<string>>();
  const add = (id: LossId, what: string) => {
    const set = concerns.get(id) ?? new Set<string>();
    set.add(what);
    concerns.set(id, set);
  };
  for (const plan of plans) {
    const s: Service = plan.service;
    if (s.dependencies.length > 0) add('dependencies', s.name);
    if (s.policy !== null) add('budget-policy', s.name);
    if (s.requestsPerDay !== null) add('requests-per-day', s.name);
    add('signoffs', s.name);
    add('notification-targets', s.name);
    if (openSloName(s.name) !== s.name) add('names', s.name);
    for (const docs of plan.slis) {
      const sli = docs.sli;
      const at = `${s.name} / ${sli.name}`;
      const objectives = TIERS.flatMap((t) => (sli.objectives[t] ? [sli.objectives[t]] : []));
      if (objectives.length > 0) add('tiers', at);
      if (docs.slos.length > 1) add('split-slos', at);
      if (docs.slos.length > 0) add('alert-windows', at);
      if (sli.kind === 'latency') add('latency-threshold', at);
      if (sli.kind === 'freshness') add('freshness', at);
      if (sli.queries || sli.histogram) add('window-placeholder', at);
      if (docs.slis.some((d) => d.measurement.by === 'none')) add('no-queries', at);
      if (docs.slos.some((d) => d.measurement.by === 'queries' && d.measurement.thresholdMs !== sli.latencyThresholdMs)) add('threshold-queries', at);
      if (objectives.some((o) => o.window.kind === 'calendar')) add('calendar-start', at);
      if (objectives.some((o) => o.method === 'ratio-timeslices')) add('ratio-timeslices', at);
      if (objectives.some((o) => o.method === 'ratio-timeslices')) add('poc-schema', at);
      if (sli.queries?.form === 'error-ratio') add('error-ratio', at);
      if (openSloName(sli.name) !== sli.name) add('names', at);
    }
  }
  const losses = OPENSLO_LOSSES.filter((l) => concerns.has(l.id as LossId)).map((l) => ({ ...l, concerns: [...concerns.get(l.id as LossId)!] }));
  return { format: 'openslo', losses };
}
