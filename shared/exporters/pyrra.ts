// Pyrra ServiceLevelObjectives (pyrra.dev/v1alpha1) from a workspace snapshot: one objective per tier of each SLI (SLA,
// SLO and performance target), each in a file of its own, since Pyrra's filesystem mode reads one object per file.
// Only the SLO tier alerts (it is the one the budget policy enforces); the SLA and target objectives have their
// burn-rate and absent alerts switched off, so Pyrra shows the three tiers without tripling the pages. Names and
// annotations come from names.ts; what Pyrra cannot carry is in the loss report (docs/architecture.md §12.2).
import { Document } from 'yaml';
import { formatPpmPercent } from '../domain/percent';
import { tierThresholdMs } from '../domain/tiers';
import { KIND_WORDING, TIER_LABELS, TIERS, type Objective, type SloWindow, type Tier } from '../domain/types';
import { PYRRA_API_VERSION, PYRRA_KIND } from '../specs/pyrra';
import {
  formatPromDuration,
  PYRRA_ANNOTATIONS as A,
  PYRRA_SEVERITIES,
  PYRRA_TIER_LABEL,
  pyrraAnnotation,
  pyrraHeader,
  pyrraObjectName,
  pyrraSignoffAnnotation,
} from './names';
import { pyrraIndicatorFor, type PyrraIndicatorDoc } from './pyrra-indicator';
import type { ExportedService, ExportFile, ExportLoss, ExportLossReport, ExportSnapshot, ExportVersion, Exporter } from './types';

const DAY_MS = 86_400_000;

/** Everything the Pyrra format can lose, in the order the report lists them. */
export const PYRRA_LOSSES = [
  { id: 'calendar-window', description: 'Pyrra windows are rolling: a calendar week, month, quarter or year is written as a rolling 7, 30, 91 or 365 days' },
  { id: 'timeslices', description: 'Pyrra budgets by occurrences: a Timeslices or RatioTimeslices tier is written as occurrences, without its slices' },
  {
    id: 'alert-windows',
    description:
      "Pyrra chooses its own burn-rate windows and factors from the SLO window (14, 7, 2 and 1 at 28 days): the workspace's alert set is not carried",
  },
  { id: 'budget-policy', description: "Pyrra has no error-budget policy: the policy's thresholds and actions are not carried" },
  { id: 'dependencies', description: 'Pyrra has no dependencies between services: they are not carried' },
  { id: 'traffic', description: 'Pyrra has no typical traffic: requests per day are not carried' },
  {
    id: 'derived-bucket',
    description:
      'A tier\'s own latency threshold is written as the histogram bucket of that threshold in seconds (150 ms → le="0.15"); the histogram must have that bucket',
  },
  { id: 'unmeasured', description: 'The SLI has neither Prometheus queries nor a histogram, and Pyrra needs metric selectors: the SLI was left out' },
  {
    id: 'query-shape',
    description:
      'A query is not the rate of one metric selector, and Pyrra takes selectors, not queries: the SLI was left out (write sum(rate(x{…}[{{.window}}])))',
  },
  {
    id: 'good-total',
    description:
      'Pyrra counts errors by a selector and cannot subtract good from total; the good selector is not the total one with one matcher more: the SLI was left out (write the queries as bad and total)',
  },
  { id: 'error-ratio', description: 'Pyrra needs the errors and the total, not an error ratio: the SLI was left out (write the queries as bad and total)' },
  {
    id: 'tier-threshold',
    description: 'The tier has a latency threshold of its own and the SLI no histogram to choose its bucket from: the tier was left out',
  },
] as const satisfies readonly ExportLoss[];

type LossId = (typeof PYRRA_LOSSES)[number]['id'];

/** Collects the losses of one render and the services and SLIs each concerns, in order and once each. */
class LossLog {
  private readonly concerns = new Map<LossId, string[]>();
  add(id: LossId, concern: string): void {
    const list = this.concerns.get(id) ?? [];
    if (!list.includes(concern)) list.push(concern);
    this.concerns.set(id, list);
  }
  report(): ExportLossReport {
    return { format: 'pyrra', losses: PYRRA_LOSSES.filter((l) => this.concerns.has(l.id)).map((l) => ({ ...l, concerns: this.concerns.get(l.id)! })) };
  }
}

/** Days of a calendar period written as a rolling window: a week, 30 days, a quarter's 91, a year's 365. */
const CALENDAR_DAYS = { week: 7, month: 30, quarter: 91, year: 365 } as const;

function windowText(window: SloWindow): string {
  return formatPromDuration((window.kind === 'rolling' ? window.days : CALENDAR_DAYS[window.unit]) * DAY_MS);
}

function versionWords(version: ExportVersion): string {
  if (version.state === 'approved') return `Approved version ${version.number}`;
  if (version.state === 'proposed') return `Proposed version ${version.number}, not approved yet`;
  return version.number === null ? 'DRAFT, never proposed, not approved' : `DRAFT of version ${version.number}, not approved`;
}

function versionAnnotations(version: ExportVersion): Record<string, string> {
  const out: Record<string, string> = {
    [pyrraAnnotation(A.version)]: version.number === null ? 'draft' : String(version.number),
    [pyrraAnnotation(A.versionState)]: version.state,
  };
  if (version.rationale !== '') out[pyrraAnnotation(A.rationale)] = version.rationale;
  if (version.proposedOn !== null) out[pyrraAnnotation(A.proposedOn)] = version.proposedOn;
  if (version.requiredRoles.length > 0) out[pyrraAnnotation(A.requiredRoles)] = version.requiredRoles.join(',');
  version.signoffs.forEach((s, i) => {
    out[pyrraSignoffAnnotation(i + 1)] = JSON.stringify({ name: s.name, role: s.role, decision: s.decision, date: s.date, rationale: s.rationale });
  });
  return out;
}

const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type TierDoc = { name: string; text: string };

function tierDocument(exported: ExportedService, sliIndex: number, tier: Tier, objective: Objective, indicator: PyrraIndicatorDoc, ctx: Context): TierDoc {
  const { service, version } = exported;
  const sli = service.slis[sliIndex]!;
  const wording = sli.wording ?? KIND_WORDING[sli.kind];
  const name = ctx.uniqueName(pyrraObjectName(service.name, sli.name, tier));
  const thresholdMs = sli.kind === 'latency' ? tierThresholdMs(sli, tier) : null;
  const threshold = thresholdMs === null ? '' : `, ${thresholdMs} ms`;
  const annotations: Record<string, string> = {
    [pyrraAnnotation(A.generator)]: `SLO Workbench ${ctx.generatorVersion}`,
    [pyrraAnnotation(A.service)]: service.name,
    [pyrraAnnotation(A.sli)]: sli.name,
    [pyrraAnnotation(A.sliKind)]: sli.kind,
    [pyrraAnnotation(A.tier)]: tier,
    ...versionAnnotations(version),
  };
  if (service.owner !== '') annotations[pyrraAnnotation(A.owner)] = service.owner;
  if (service.description !== '') annotations[pyrraAnnotation(A.serviceDescription)] = service.description;
  if (sli.wording) {
    annotations[pyrraAnnotation(A.goodEvents)] = sli.wording.good;
    annotations[pyrraAnnotation(A.totalEvents)] = sli.wording.total;
  }
  if (sli.freshnessMaxAgeMs !== null) annotations[pyrraAnnotation(A.freshnessMaxAgeMs)] = String(sli.freshnessMaxAgeMs);
  const spec = {
    description: `${versionWords(version)}. ${capitalised(TIER_LABELS[tier])} of ${service.name} / ${sli.name}: ${formatPpmPercent(objective.targetPpm)} % of ${wording.total} are good: ${wording.good}${threshold}.`,
    target: formatPpmPercent(objective.targetPpm),
    window: windowText(objective.window),
    indicator,
    alerting: tier === 'slo' ? { severities: { ...PYRRA_SEVERITIES } } : { burnrates: false, absent: false },
  };
  const document = {
    apiVersion: PYRRA_API_VERSION,
    kind: PYRRA_KIND,
    metadata: { name, labels: { [PYRRA_TIER_LABEL]: tier }, annotations: sorted(annotations) },
    spec,
  };
  const yaml = new Document(document, { version: '1.2', schema: 'core', compat: 'yaml-1.1' }).toString({ lineWidth: 0 });
  return { name, text: pyrraHeader(ctx.generatorVersion) + yaml };
}

type Context = { generatorVersion: string; losses: LossLog; uniqueName(name: string): string };

function serviceFiles(exported: ExportedService, ctx: Context): TierDoc[] {
  const { service } = exported;
  if (service.policy !== null) ctx.losses.add('budget-policy', service.name);
  if (service.dependencies.length > 0) ctx.losses.add('dependencies', service.name);
  if (service.requestsPerDay !== null) ctx.losses.add('traffic', service.name);
  return service.slis.flatMap((sli, sliIndex) =>
    TIERS.flatMap((tier) => {
      const objective = sli.objectives[tier];
      if (!objective) return [];
      const concern = `${service.name} / ${sli.name} (${TIER_LABELS[tier]})`;
      const outcome = pyrraIndicatorFor(sli, tier);
      if (!outcome.ok) {
        ctx.losses.add(outcome.loss, outcome.loss === 'tier-threshold' ? concern : `${service.name} / ${sli.name}`);
        return [];
      }
      if (outcome.derivedBucket) ctx.losses.add('derived-bucket', concern);
      if (objective.window.kind === 'calendar') ctx.losses.add('calendar-window', concern);
      if (objective.method !== 'occurrences') ctx.losses.add('timeslices', concern);
      if (tier === 'slo') ctx.losses.add('alert-windows', `${service.name} / ${sli.name}`);
      return [tierDocument(exported, sliIndex, tier, objective, outcome.indicator, ctx)];
    }),
  );
}

/** The Pyrra files of a snapshot, one objective each, named after it, and what was lost. Pure: the same snapshot, the same bytes. */
export function renderPyrra(snapshot: ExportSnapshot): { files: ExportFile[]; report: ExportLossReport } {
  const taken = new Set<string>();
  const ctx: Context = {
    generatorVersion: snapshot.generatorVersion,
    losses: new LossLog(),
    uniqueName(name) {
      let unique = name;
      for (let n = 2; taken.has(unique); n++) unique = `${name.slice(0, 60)}-${n}`;
      taken.add(unique);
      return unique;
    },
  };
  const docs = snapshot.services.flatMap((exported) => serviceFiles(exported, ctx));
  return { files: docs.map((d) => ({ name: `${d.name}.yaml`, text: d.text })), report: ctx.losses.report() };
}

/** The Pyrra exporter of the registry. */
export const pyrraExporter: Exporter = {
  id: 'pyrra',
  title: 'Pyrra ServiceLevelObjective',
  extensions: ['.yaml'],
  losses: PYRRA_LOSSES,
  render: renderPyrra,
};
