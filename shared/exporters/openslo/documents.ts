// The OpenSLO v1 documents of one service, as plain objects in the key order they are written: Service, its
// notification targets, and per SLI its SLI and SLO documents, each SLO followed by an AlertCondition and an
// AlertPolicy per burn-rate alert. Every generated name and annotation key comes from names.ts.
import { ALERT_KEYS, burnRateFactor, DEFAULT_ALERT_SETS, fitAlertSet, type AlertWindowSet } from '../../budget/alerts';
import { windowMinutes } from '../../budget/budget';
import { formatPpmPercent, PPM_PER_WHOLE } from '../../domain/percent';
import { METHOD_LABELS, TIER_LABELS, type Objective, type SloWindow } from '../../domain/types';
import { describeWindow } from '../../domain/window';
import type { ExportedService, ExportSignoff, ExportVersion } from '../types';
import {
  OPENSLO_ALERT_AFTER,
  OPENSLO_ANNOTATIONS as A,
  OPENSLO_CALENDAR_START,
  OPENSLO_MAX_NAME,
  OPENSLO_UTC_ZONE,
  openSloAnnotation as key,
  openSloJoin,
  openSloSignoffAnnotation,
  openSloTierThresholdAnnotation,
  SEVERITIES,
} from '../names';
import { wordingOf } from './measure';
import type { NameBook, ServicePlan, SliDocsPlan, SloPlan } from './plan';

/** One OpenSLO v1 document. */
export type OpenSloDocument = {
  apiVersion: 'openslo/v1';
  kind: string;
  metadata: { name: string; displayName?: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
};

/** Longest description OpenSLO accepts. */
const MAX_DESCRIPTION = 1050;

const doc = (kind: string, metadata: OpenSloDocument['metadata'], spec: Record<string, unknown>): OpenSloDocument => ({
  apiVersion: 'openslo/v1',
  kind,
  metadata,
  spec,
});

/** metadata with the name, the display name (the full workbench name when it fits, else its start and an annotation) and annotations. */
function metadata(name: string, displayName: string, annotations: Record<string, string> = {}): OpenSloDocument['metadata'] {
  const fits = [...displayName].length <= OPENSLO_MAX_NAME;
  const all = fits ? annotations : { [key(A.name)]: displayName, ...annotations };
  const shown = fits ? displayName : `${[...displayName].slice(0, OPENSLO_MAX_NAME - 1).join('')}…`;
  return Object.keys(all).length > 0 ? { name, displayName: shown, annotations: all } : { name, displayName: shown };
}

/** A description within OpenSLO's 1,050 characters (cut with an ellipsis beyond). */
export function fitDescription(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_DESCRIPTION ? text : `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}…`;
}

/** A whole number of minutes as OpenSLO's duration shorthand: 1440 → 1d, 60 → 1h, 5 → 5m. */
export function durationShorthand(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m % 1440 === 0) return `${m / 1440}d`;
  if (m % 60 === 0) return `${m / 60}h`;
  return `${m}m`;
}

const CALENDAR_DURATION = { week: '1w', month: '1M', quarter: '1Q', year: '1Y' } as const;

/** An objective's window as OpenSLO's one-item timeWindow list. */
export function timeWindowOf(window: SloWindow): Record<string, unknown>[] {
  if (window.kind === 'rolling') return [{ duration: `${window.days}d`, isRolling: true }];
  return [
    {
      duration: CALENDAR_DURATION[window.unit],
      calendar: { startTime: OPENSLO_CALENDAR_START, timeZone: window.timeZone === 'UTC' ? OPENSLO_UTC_ZONE : window.timeZone },
      isRolling: false,
    },
  ];
}

/** The SLO period the alerts of a window are made for: a rolling window's length, a calendar unit's shortest period. */
export function alertPeriodOf(window: SloWindow): number {
  return windowMinutes(window).min;
}

const ratio = (ppm: number) => ppm / PPM_PER_WHOLE;

function objectiveOf(tier: SloPlan['tiers'][number]): Record<string, unknown> {
  const o: Objective = tier.objective;
  const out: Record<string, unknown> = { displayName: TIER_LABELS[tier.tier], target: ratio(o.targetPpm) };
  if (o.method !== 'occurrences' && o.timeslice) {
    if (o.method === 'timeslices') out.timeSliceTarget = ratio(o.timeslice.sliceTargetPpm);
    out.timeSliceWindow = durationShorthand(o.timeslice.sliceMinutes);
  }
  return out;
}

function versionAnnotations(version: ExportVersion): Record<string, string> {
  return { [key(A.version)]: version.number === null ? 'draft' : String(version.number), [key(A.versionState)]: version.state };
}

function signoffText(s: ExportSignoff): string {
  return JSON.stringify({ name: s.name, role: s.role, decision: s.decision, date: s.date, rationale: s.rationale });
}

/** The Service document: description, owner, dependencies, the generator and the whole version record with its sign-offs. */
function serviceDoc(plan: ServicePlan, exported: ExportedService, dependsOn: readonly string[], generator: string): OpenSloDocument {
  const { service } = plan;
  const { version } = exported;
  const annotations: Record<string, string> = { [key(A.generator)]: generator, ...versionAnnotations(version) };
  if (version.rationale !== '') annotations[key(A.rationale)] = version.rationale;
  if (version.proposedOn !== null) annotations[key(A.proposedOn)] = version.proposedOn;
  if (version.requiredRoles.length > 0) annotations[key(A.requiredRoles)] = version.requiredRoles.join(',');
  version.signoffs.forEach((s, i) => (annotations[openSloSignoffAnnotation(i + 1)] = signoffText(s)));
  if (service.owner !== '') annotations[key(A.owner)] = service.owner;
  if (dependsOn.length > 0) annotations[key(A.dependsOn)] = JSON.stringify(dependsOn);
  const spec = service.description === '' ? {} : { description: fitDescription(service.description) };
  return doc('Service', metadata(plan.name, service.name, annotations), spec);
}

function targetDocs(plan: ServicePlan): OpenSloDocument[] {
  return SEVERITIES.map((severity) =>
    doc('AlertNotificationTarget', metadata(openSloJoin(plan.name, severity), `${plan.service.name}: ${severity} alerts`), {
      description: fitDescription(
        `Where the ${severity} alerts of ${plan.service.name} go. The workbench records no notification channel: replace "${severity}" with yours (e.g. email, slack).`,
      ),
      target: severity,
    }),
  );
}

function sliAnnotations(docs: SliDocsPlan, service: string, by: string): Record<string, string> {
  const { sli } = docs;
  const out: Record<string, string> = { [key(A.sli)]: sli.name, [key(A.service)]: service, [key(A.sliKind)]: sli.kind, [key(A.measuredBy)]: by };
  if (sli.wording) {
    out[key(A.goodEvents)] = sli.wording.good;
    out[key(A.totalEvents)] = sli.wording.total;
  }
  if (sli.latencyThresholdMs !== null) out[key(A.latencyThresholdMs)] = String(sli.latencyThresholdMs);
  if (sli.freshnessMaxAgeMs !== null) out[key(A.freshnessMaxAgeMs)] = String(sli.freshnessMaxAgeMs);
  if (sli.histogram) {
    out[key(A.histogramMetric)] = sli.histogram.metric;
    out[key(A.histogramLe)] = sli.histogram.le;
  }
  return out;
}

function eventsSentence(docs: SliDocsPlan, thresholdMs: number | null): string {
  const words = wordingOf(docs.sli);
  const under = thresholdMs === null ? '' : ` (threshold ${thresholdMs} ms)`;
  return `${words.good} / ${words.total}${under}`;
}

function sliDocs(docs: SliDocsPlan, service: string): OpenSloDocument[] {
  return docs.slis.map((s) =>
    doc('SLI', metadata(s.name, docs.sli.name, sliAnnotations(docs, service, s.measurement.by)), {
      description: fitDescription(`${docs.sli.kind} SLI: ${eventsSentence(docs, s.measurement.thresholdMs)}`),
      ratioMetric: s.measurement.ratio,
    }),
  );
}

/** The alert set of an SLO document, as the backtest chooses it: the team's own for the period first (fitAlertSet). */
function alertSetOf(window: SloWindow, custom: readonly AlertWindowSet[]): AlertWindowSet {
  return fitAlertSet(DEFAULT_ALERT_SETS, alertPeriodOf(window), custom).set;
}

function alertDocs(slo: SloPlan, plan: ServicePlan, set: AlertWindowSet, book: NameBook): { docs: OpenSloDocument[]; policies: string[] } {
  const docs: OpenSloDocument[] = [];
  const policies: string[] = [];
  for (const { severity, speed } of ALERT_KEYS) {
    const w = set[severity][speed];
    const factor = burnRateFactor(w, set.periodMinutes);
    const conditionName = book.take('AlertCondition', openSloJoin(slo.name, severity, speed));
    const policyName = book.take('AlertPolicy', openSloJoin(slo.name, severity, speed));
    const shown = `${slo.name}: ${severity}, ${speed} burn`;
    const annotations = {
      [key(A.shortWindow)]: durationShorthand(w.shortMinutes),
      [key(A.budgetPercent)]: String(w.budgetPercent),
      [key(A.alertSet)]: set.name,
    };
    const what = `${severity === 'page' ? 'Pages' : 'Opens a ticket'} when ${slo.name} burns its error budget over ${factor} times too fast over ${durationShorthand(w.longMinutes)} and ${durationShorthand(w.shortMinutes)} (${w.budgetPercent} % of the budget)`;
    docs.push(
      doc('AlertCondition', metadata(conditionName, shown, annotations), {
        description: fitDescription(`${what}.`),
        severity,
        condition: { kind: 'burnrate', op: 'gt', threshold: factor, lookbackWindow: durationShorthand(w.longMinutes), alertAfter: OPENSLO_ALERT_AFTER },
      }),
    );
    docs.push(
      doc('AlertPolicy', metadata(policyName, shown), {
        description: fitDescription(`${what}; the alert set is ${set.name}.`),
        alertWhenNoData: false,
        alertWhenResolved: false,
        alertWhenBreaching: true,
        conditions: [{ conditionRef: conditionName }],
        notificationTargets: [{ targetRef: openSloJoin(plan.name, severity) }],
      }),
    );
    policies.push(policyName);
  }
  return { docs, policies };
}

function sloDoc(slo: SloPlan, docs: SliDocsPlan, service: string, version: ExportVersion, policies: string[]): OpenSloDocument {
  const first = slo.tiers[0]!.objective;
  const annotations: Record<string, string> = {
    [key(A.sli)]: docs.sli.name,
    [key(A.tiers)]: slo.tiers.map((t) => t.tier).join(','),
    ...versionAnnotations(version),
  };
  for (const { tier, objective } of slo.tiers) {
    if (objective.latencyThresholdMs !== null) annotations[openSloTierThresholdAnnotation(tier)] = String(objective.latencyThresholdMs);
  }
  const targets = slo.tiers.map((t) => `${TIER_LABELS[t.tier]} ${formatPpmPercent(t.objective.targetPpm)} %`).join(', ');
  return doc('SLO', metadata(slo.name, docs.sli.name, annotations), {
    description: fitDescription(
      `${targets}: ${eventsSentence(docs, slo.measurement.thresholdMs)}, ${describeWindow(first.window)}, ${METHOD_LABELS[first.method]}`,
    ),
    service,
    indicatorRef: slo.indicator,
    timeWindow: timeWindowOf(first.window),
    budgetingMethod: METHOD_LABELS[first.method],
    objectives: slo.tiers.map(objectiveOf),
    alertPolicies: policies,
  });
}

/** Everything the documents of one service need besides its plan. */
export type ServiceContext = {
  exported: ExportedService;
  dependsOn: readonly string[];
  generator: string;
  customAlertSets: readonly AlertWindowSet[];
  book: NameBook;
};

/** Every document of one service, in the order they are written. */
export function serviceDocuments(plan: ServicePlan, ctx: ServiceContext): OpenSloDocument[] {
  const out = [serviceDoc(plan, ctx.exported, ctx.dependsOn, ctx.generator), ...targetDocs(plan)];
  for (const docs of plan.slis) {
    out.push(...sliDocs(docs, plan.name));
    for (const slo of docs.slos) {
      const alerts = alertDocs(slo, plan, alertSetOf(slo.tiers[0]!.objective.window, ctx.customAlertSets), ctx.book);
      out.push(sloDoc(slo, docs, plan.name, ctx.exported.version, alerts.policies), ...alerts.docs);
    }
  }
  return out;
}
