// Pyrra objectives as the workspace holds them (SpecImport): each objective one tier of an SLI. The workbench's own
// exports name their service, SLI, kind and tier in slo-workbench.dev/ annotations (shared/exporters/names.ts), so their
// tiers gather again into one SLI; any other objective is the SLO tier of an SLI of a service named after it. Ratios
// become bad/total queries, latency a histogram and its threshold from `le`, a native histogram and a bool gauge the
// queries Pyrra's rules compute (./pyrra/queries.ts). What has no place in the workspace is a note.
import { parseTargetPercent } from '../domain/percent';
import { SLI_KINDS, TIERS, type LatencyHistogram, type Objective, type SliKind, type SliQueries, type Tier } from '../domain/types';
import { checkName, checkWindowDays } from '../domain/validation';
import { PYRRA_ANNOTATION_PREFIX, PYRRA_ANNOTATIONS as A, PYRRA_TIER_LABEL, pyrraAnnotation } from '../exporters/names';
import type { ImportedService, ImportedSli, ImportNote, SpecImport } from './imported';
import type { PyrraIndicator, PyrraObjective } from './pyrra';
import { boolGaugeQueries, latencyQueries, nativeLatencyQueries, ratioQueries } from './pyrra/queries';
import { withoutLabel } from './pyrra/selector';

/** The objectives read from one file (parsePyrraObjectives). */
export type PyrraFile = { file: string; objectives: readonly PyrraObjective[] };

const DAY_MS = 86_400_000;

/** What an indicator measures, as an SLI holds it. */
type Measurement = { kind: SliKind; thresholdMs: number | null; histogram: LatencyHistogram | null; queries: SliQueries | null; sameAs: string };

/** The milliseconds of an `le` bucket bound, read as seconds (the exporter's rule); null for +Inf or a bound that is no time. */
function msOfLe(le: string): number | null {
  const ms = Math.round(Number(le) * 1_000_000) / 1000;
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function measure(indicator: PyrraIndicator): Measurement {
  if (indicator.kind === 'ratio') {
    const queries = ratioQueries(indicator.errors, indicator.total);
    return { kind: 'availability', thresholdMs: null, histogram: null, queries, sameAs: JSON.stringify(queries) };
  }
  if (indicator.kind === 'boolGauge') {
    const queries = boolGaugeQueries(indicator.metric);
    return { kind: 'availability', thresholdMs: null, histogram: null, queries, sameAs: JSON.stringify(queries) };
  }
  if (indicator.kind === 'latencyNative') {
    const queries = nativeLatencyQueries(indicator.total, indicator.latencyMs);
    return { kind: 'latency', thresholdMs: indicator.latencyMs, histogram: null, queries, sameAs: JSON.stringify(indicator.total) };
  }
  const { success, total, le } = indicator;
  const base = success.metric.replace(/_bucket$/, '');
  const isHistogram = success.metric.endsWith('_bucket') && total.metric === `${base}_count`;
  const matchers = withoutLabel(success, 'le').matchers;
  // Queries are kept only when they say more than the histogram does: label matchers on its series.
  const bare = matchers.length === 0 && total.matchers.length === 0;
  return {
    kind: 'latency',
    thresholdMs: msOfLe(le),
    histogram: isHistogram ? { metric: base, le } : null,
    queries: isHistogram && bare ? null : latencyQueries(success, total),
    sameAs: JSON.stringify([withoutLabel(success, 'le'), total]),
  };
}

/** One objective placed: its service, SLI and tier, its objective and measurement, and where it came from. */
type Placed = { service: string; sli: string; tier: Tier; objective: Objective; m: Measurement; source: PyrraObjective; file: string };

class Notes {
  readonly list: ImportNote[] = [];
  add(file: string, o: PyrraObjective, field: string, message: string): void {
    this.list.push({ file, document: `${o.document} (${o.name})`, field, message });
  }
}

const ours = (o: PyrraObjective) => o.annotations[pyrraAnnotation(A.generator)] !== undefined;

function isDefaultAlerting(o: PyrraObjective): boolean {
  const { burnrates, absent, disabled, name, absentName, severities } = o.alerting;
  return burnrates && absent && !disabled && name === null && absentName === null && Object.values(severities).every((s) => s === null);
}

/** Notes for what an objective holds beyond its SLI and tier. */
function droppedNotes(file: string, o: PyrraObjective, notes: Notes): void {
  const { grouping } = o.indicator;
  if (grouping.length > 0)
    notes.add(file, o, 'spec.indicator', `grouping by ${grouping.join(', ')} is not carried: the workspace measures one ratio over all series`);
  if (o.namespace !== '') notes.add(file, o, 'metadata.namespace', `the namespace ${o.namespace} is not carried`);
  const labels = Object.keys(o.labels).filter((l) => l !== PYRRA_TIER_LABEL);
  if (labels.length > 0) notes.add(file, o, 'metadata.labels', `the labels ${labels.join(', ')} are not carried`);
  const annotations = Object.keys(o.annotations).filter((k) => !k.startsWith(PYRRA_ANNOTATION_PREFIX));
  if (annotations.length > 0) notes.add(file, o, 'metadata.annotations', `the annotations ${annotations.join(', ')} are not carried`);
  if (!ours(o) && !isDefaultAlerting(o))
    notes.add(file, o, 'spec.alerting', "Pyrra's alerting settings are not carried: the workspace chooses its own alert set");
  for (const field of o.ruleTuning) notes.add(file, o, `spec.${field}`, `${field} tunes Pyrra's rule output and is not carried`);
  if (o.indicator.kind === 'latency' && msOfLe(o.indicator.le) === null) {
    notes.add(file, o, 'spec.indicator.latency.success.metric', `the bucket le="${o.indicator.le}" is no latency threshold: the SLI has none`);
  }
}

/** An objective as one tier of an SLI, or null (with a note) when the workspace cannot hold its target or window. */
function place(file: string, o: PyrraObjective, notes: Notes): Placed | null {
  const note = (field: string, message: string) => (notes.add(file, o, field, message), null);
  const target = parseTargetPercent(o.target);
  if (!target.ok) return note('spec.target', `${target.message}: the objective was left out`);
  const exactDays = o.windowMs / DAY_MS;
  const days = checkWindowDays(Math.max(1, Math.round(exactDays)));
  if (!days.ok) return note('spec.window', `${o.window}: ${days.message}; the objective was left out`);
  if (days.value !== exactDays) notes.add(file, o, 'spec.window', `${o.window} is not a whole number of days: read as ${days.value} days`);
  const m = measure(o.indicator);
  const kindNote = o.annotations[pyrraAnnotation(A.sliKind)];
  const kind = (SLI_KINDS as readonly string[]).includes(kindNote ?? '') ? (kindNote as SliKind) : m.kind;
  const tierNote = o.annotations[pyrraAnnotation(A.tier)];
  const tier = (TIERS as readonly string[]).includes(tierNote ?? '') ? (tierNote as Tier) : 'slo';
  const service = checkName(o.annotations[pyrraAnnotation(A.service)] ?? o.name, 'Service name');
  const sli = checkName(o.annotations[pyrraAnnotation(A.sli)] ?? (m.kind === 'latency' ? 'latency' : 'availability'), 'SLI name');
  if (!service.ok || !sli.ok) return note('metadata.name', `${service.ok ? '' : service.message}${sli.ok ? '' : sli.message}: the objective was left out`);
  droppedNotes(file, o, notes);
  const window = { kind: 'rolling', days: days.value } as const;
  const objective: Objective = { tier, targetPpm: target.value, window, method: 'occurrences', timeslice: null, latencyThresholdMs: m.thresholdMs };
  return { service: service.value, sli: sli.value, tier, objective, m: { ...m, kind }, source: o, file };
}

const words = (o: PyrraObjective) => {
  const good = o.annotations[pyrraAnnotation(A.goodEvents)];
  const total = o.annotations[pyrraAnnotation(A.totalEvents)];
  return good !== undefined && total !== undefined ? { good, total } : null;
};

/** The SLI of the tiers placed on it: measured as its SLO tier (else its first) is, each other tier keeping its own threshold. */
function sliOf(name: string, tiers: Placed[], notes: Notes): ImportedSli {
  const base = tiers.find((p) => p.tier === 'slo') ?? tiers[0]!;
  const objectives: ImportedSli['objectives'] = {};
  for (const p of tiers) {
    if (objectives[p.tier]) {
      notes.add(p.file, p.source, 'metadata.name', `a second ${p.tier} tier of ${p.service} / ${name}: left out`);
      continue;
    }
    if (p.m.sameAs !== base.m.sameAs) {
      notes.add(
        p.file,
        p.source,
        'spec.indicator',
        `measures other series than the ${base.tier} tier of ${p.service} / ${name}, whose measurement the SLI keeps`,
      );
    }
    const own = p.objective.latencyThresholdMs;
    objectives[p.tier] = { ...p.objective, latencyThresholdMs: own !== null && own !== base.m.thresholdMs ? own : null };
  }
  const freshness = Number(base.source.annotations[pyrraAnnotation(A.freshnessMaxAgeMs)]);
  return {
    name,
    kind: base.m.kind,
    latencyThresholdMs: base.m.kind === 'latency' ? base.m.thresholdMs : null,
    freshnessMaxAgeMs: base.m.kind === 'freshness' && freshness > 0 ? freshness : null,
    wording: words(base.source),
    queries: base.m.queries,
    histogram: base.m.histogram,
    objectives,
  };
}

/** The sign-off annotations of an objective: an import is a new proposal, so they are noted, never imported. */
function signoffNote(p: Placed, notes: Notes): void {
  const count = Object.keys(p.source.annotations).filter((k) => k.startsWith(`${PYRRA_ANNOTATION_PREFIX}signoff-`)).length;
  if (count === 0) return;
  const version = p.source.annotations[pyrraAnnotation(A.version)] ?? '?';
  notes.add(p.file, p.source, 'metadata.annotations', `the ${count} sign-offs of version ${version} are not imported: an imported spec becomes a new proposal`);
}

/** The services a set of Pyrra files describes, in the order they name them, and what was left out. */
export function importPyrra(files: readonly PyrraFile[]): SpecImport {
  const notes = new Notes();
  const services = new Map<string, { name: string; first: Placed; slis: Map<string, { name: string; tiers: Placed[] }> }>();
  for (const { file, objectives } of files) {
    for (const o of objectives) {
      const p = place(file, o, notes);
      if (!p) continue;
      const key = p.service.toLowerCase();
      const service = services.get(key) ?? { name: p.service, first: p, slis: new Map() };
      if (!services.has(key)) signoffNote(p, notes);
      services.set(key, service);
      const sli = service.slis.get(p.sli.toLowerCase()) ?? { name: p.sli, tiers: [] };
      service.slis.set(p.sli.toLowerCase(), sli);
      sli.tiers.push(p);
    }
  }
  const imported: ImportedService[] = [...services.values()].map(({ name, first, slis }) => ({
    name,
    owner: first.source.annotations[pyrraAnnotation(A.owner)] ?? '',
    description: ours(first.source) ? (first.source.annotations[pyrraAnnotation(A.serviceDescription)] ?? '') : first.source.description,
    slis: [...slis.values()].map((s) => sliOf(s.name, s.tiers, notes)),
    dependsOn: [],
  }));
  return { services: imported, notes: notes.list };
}
