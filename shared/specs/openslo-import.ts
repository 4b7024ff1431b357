// OpenSLO objects (parseOpenSlo's output, v1 and v1alpha) as the services the workspace imports (SpecImport):
// Services, and per SLO a workbench SLI whose tiers are the SLO's objectives. Documents the workbench wrote are read
// back through its annotations (names.ts): several SLO documents of one SLI merge into it, with its kind, wording,
// thresholds, histogram and queries. What cannot be carried gets a note naming file, document and field; an SLO whose
// tiers, window or indicator cannot be told is refused with a note, never guessed.
import { OPENSLO_ANNOTATIONS as A } from '../exporters/names';
import { TIERS, type Objective, type Tier } from '../domain/types';
import type { ImportedService, ImportedSli, SpecImport } from './imported';
import type { OpenSloObject } from './openslo';
import { annotation, notes as newNotes, type At, type Notes } from './openslo-import/context';
import { indicatorDetails, queriesOf, type IndicatorDetails, type SliSpec } from './openslo-import/indicator';
import { methodOf, objectiveOf, tiersOf, v1alphaWindow, v1Window, type ObjectiveSpec } from './openslo-import/objectives';

/** The objects of one file, as parseOpenSlo read them. */
export type OpenSloFileObjects = { file: string; objects: readonly OpenSloObject[] };

type Located = { file: string; object: OpenSloObject };

type Building = { service: ImportedService; slis: Map<string, ImportedSli> };

const documentOf = (o: OpenSloObject) => `${o.kind} ${o.metadata.name}`;

/** The workbench name of an object: the full name annotation, its display name, or its OpenSLO name. */
function nameOf(o: OpenSloObject): string {
  const annotations = 'annotations' in o.metadata ? o.metadata.annotations : undefined;
  return annotation(annotations, A.name) ?? o.metadata.displayName ?? o.metadata.name;
}

class Importer {
  readonly notes: Notes = newNotes();
  private services = new Map<string, Building>();
  private slis = new Map<string, Located>();
  private referenced = new Set<string>();
  private ours = false;

  constructor(private readonly all: readonly Located[]) {
    for (const l of all) {
      if (l.object.apiVersion === 'openslo/v1' && l.object.kind === 'SLI') this.slis.set(l.object.metadata.name, l);
      if ('annotations' in l.object.metadata && annotation(l.object.metadata.annotations, A.generator) !== undefined) this.ours = true;
    }
  }

  private service(name: string): Building {
    let b = this.services.get(name);
    if (!b) {
      b = { service: { name, owner: '', description: '', slis: [], dependsOn: [] }, slis: new Map() };
      this.services.set(name, b);
    }
    return b;
  }

  private serviceDoc({ file, object }: Located): void {
    if (object.kind !== 'Service') return;
    const b = this.service(object.metadata.name);
    const annotations = 'annotations' in object.metadata ? object.metadata.annotations : undefined;
    b.service.name = nameOf(object);
    b.service.description = object.spec.description ?? '';
    b.service.owner = annotation(annotations, A.owner) ?? '';
    const deps = annotation(annotations, A.dependsOn);
    if (deps !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(deps);
      } catch {
        parsed = null;
      }
      if (Array.isArray(parsed) && parsed.every((d) => typeof d === 'string')) b.service.dependsOn = parsed as string[];
      else
        this.notes.add(
          { file, document: documentOf(object) },
          'metadata.annotations',
          `${A.dependsOn} is not a JSON list of service names: the dependencies are not imported`,
        );
    }
  }

  /** The workbench SLI of a service by name, created (in order of first mention) from an indicator's details. */
  private sliOf(b: Building, name: string, details: IndicatorDetails): ImportedSli {
    let sli = b.slis.get(name);
    if (!sli) {
      const { kind, latencyThresholdMs, freshnessMaxAgeMs, wording, queries, histogram } = details;
      sli = { name, kind, latencyThresholdMs, freshnessMaxAgeMs, wording, queries, histogram, objectives: {} };
      b.slis.set(name, sli);
      b.service.slis.push(sli);
    } else if (sli.queries === null && details.queries !== null) sli.queries = details.queries;
    return sli;
  }

  /** An SLI document the workbench wrote: its SLI exists even when no SLO uses it (an SLI without tiers). */
  private sliDoc({ file, object }: Located): void {
    if (object.apiVersion !== 'openslo/v1' || object.kind !== 'SLI') return;
    const annotations = object.metadata.annotations;
    const sliName = annotation(annotations, A.sli);
    const serviceName = annotation(annotations, A.service);
    if (sliName === undefined || serviceName === undefined) return;
    const details = indicatorDetails(object.spec, annotations, 'spec', { file, document: documentOf(object) }, this.notes);
    if (details) this.sliOf(this.service(serviceName), sliName, details);
  }

  private addTiers(sli: ImportedSli, objectives: (Objective | null)[], at: At): void {
    objectives.forEach((o, i) => {
      if (!o) return;
      if (sli.objectives[o.tier]) {
        this.notes.add(at, `spec.objectives[${i}]`, `is a second ${o.tier} of ${sli.name}: the first one read is kept`);
        return;
      }
      sli.objectives[o.tier] = o;
    });
    const ordered: Partial<Record<Tier, Objective>> = {};
    for (const t of TIERS) if (sli.objectives[t]) ordered[t] = sli.objectives[t];
    sli.objectives = ordered;
  }

  private v1Slo({ file, object }: Located): void {
    if (object.apiVersion !== 'openslo/v1' || object.kind !== 'SLO') return;
    const at: At = { file, document: documentOf(object) };
    const { spec } = object;
    const annotations = object.metadata.annotations;
    let sliSpec: SliSpec | undefined;
    let sliAnnotations: Record<string, string> | undefined;
    let field = 'spec.indicator.spec';
    if (spec.indicatorRef !== undefined) {
      const ref = this.slis.get(spec.indicatorRef);
      this.referenced.add(spec.indicatorRef);
      if (!ref || ref.object.kind !== 'SLI') {
        this.notes.add(at, 'spec.indicatorRef', `names the SLI ${spec.indicatorRef}, which none of the files defines: this SLO is not imported`);
        return;
      }
      sliSpec = ref.object.spec;
      sliAnnotations = ref.object.metadata.annotations;
      field = `SLI ${spec.indicatorRef} spec`;
    } else {
      sliSpec = spec.indicator?.spec;
      sliAnnotations = spec.indicator?.metadata.annotations;
    }
    if (!sliSpec) {
      this.notes.add(at, 'spec.indicator.spec', 'is missing: the SLO says nothing of what it measures, so it is not imported');
      return;
    }
    const details = indicatorDetails(sliSpec, { ...sliAnnotations, ...annotations }, field, at, this.notes);
    if (!details) return;
    const tiers = tiersOf(spec.objectives, annotations, at, this.notes);
    const window = v1Window(spec.timeWindow?.[0], 'spec.timeWindow[0]', at, this.notes);
    if (!tiers || !window) return;
    const method = methodOf(spec.budgetingMethod);
    const objectives = spec.objectives.map((o: ObjectiveSpec, i) =>
      objectiveOf(o, tiers[i]!, window, method, annotations, `spec.objectives[${i}]`, at, this.notes),
    );
    if (!details.ours && (spec.alertPolicies ?? []).length > 0) {
      this.notes.add(at, 'spec.alertPolicies', "are not carried: the workbench chooses each tier's burn-rate alerts from its alert window sets");
    }
    const b = this.service(spec.service);
    const ownName = annotation(annotations, A.sli);
    const name = ownName ?? this.freeName(b, nameOf(object), object.metadata.name);
    this.addTiers(this.sliOf(b, name, details), objectives, at);
  }

  /** A name for an SLI of another tool's SLO: its display name, or its OpenSLO name when a display name repeats. */
  private freeName(b: Building, shown: string, name: string): string {
    return b.slis.has(shown) ? name : shown;
  }

  private v1alphaSlo({ file, object }: Located): void {
    if (object.apiVersion !== 'openslo/v1alpha' || object.kind !== 'SLO') return;
    const at: At = { file, document: documentOf(object) };
    const { spec } = object;
    if (spec.indicator) {
      this.notes.add(
        at,
        'spec.indicator.thresholdMetric',
        'is a threshold metric (a value compared with op and value), not a ratio of good to total events: the workbench cannot carry it, so this SLO is not imported',
      );
      return;
    }
    const metrics = spec.objectives.map((o) => JSON.stringify(o.ratioMetrics ?? null));
    if (new Set(metrics).size > 1) {
      this.notes.add(
        at,
        'spec.objectives',
        'measure with different ratioMetrics: a workbench SLI has one pair of queries for all its tiers, so this SLO is not imported',
      );
      return;
    }
    if (spec.budgetingMethod === 'Timeslices') {
      this.notes.add(
        at,
        'spec.budgetingMethod',
        'is Timeslices, but v1alpha has no slice length and the workbench will not guess one: this SLO is not imported',
      );
      return;
    }
    const ratio = spec.objectives[0]?.ratioMetrics;
    const source = (m: { source: string; queryType: string; query: string }) => ({ metricSource: { type: m.source, spec: { query: m.query } } });
    const queries = ratio ? queriesOf({ good: source(ratio.good), total: source(ratio.total) }, 'spec.objectives[0].ratioMetrics', at, this.notes) : null;
    const tiers = tiersOf(spec.objectives, undefined, at, this.notes);
    const window = v1alphaWindow(spec.timeWindows[0]!, 'spec.timeWindows[0]', at, this.notes);
    if (!tiers || !window) return;
    this.notes.add(at, '', 'says nothing of the kind of SLI: it is imported as a custom SLI of good events out of events; set its kind and wording');
    const details: IndicatorDetails = {
      kind: 'custom',
      latencyThresholdMs: null,
      freshnessMaxAgeMs: null,
      wording: { good: 'good events', total: 'events' },
      queries,
      histogram: null,
      ours: false,
      measuredBy: undefined,
    };
    const objectives = spec.objectives.map((o, i) =>
      objectiveOf({ ...o, value: undefined }, tiers[i]!, window, 'occurrences', undefined, `spec.objectives[${i}]`, at, this.notes),
    );
    const b = this.service(spec.service);
    this.addTiers(this.sliOf(b, this.freeName(b, nameOf(object), object.metadata.name), details), objectives, at);
  }

  private other({ file, object }: Located): void {
    if (object.kind === 'Service' || object.kind === 'SLO' || object.kind === 'SLI') return;
    if (this.ours && object.kind !== 'DataSource') return;
    const what =
      object.kind === 'DataSource'
        ? 'the workbench keeps no data sources'
        : object.kind === 'AlertNotificationTarget'
          ? 'the workbench keeps no notification targets'
          : "the workbench chooses each tier's burn-rate alerts from its alert window sets";
    this.notes.add({ file, document: documentOf(object) }, '', `is not carried: ${what}`);
  }

  run(): SpecImport {
    for (const l of this.all) this.serviceDoc(l);
    for (const l of this.all) {
      this.sliDoc(l);
      this.v1Slo(l);
      this.v1alphaSlo(l);
      this.other(l);
    }
    for (const { file, object } of this.slis.values()) {
      const ours = 'annotations' in object.metadata && annotation(object.metadata.annotations, A.sli) !== undefined;
      if (!ours && !this.referenced.has(object.metadata.name))
        this.notes.add({ file, document: documentOf(object) }, '', 'is used by no SLO of these files: it has no tiers, so nothing of it is imported');
    }
    return { services: [...this.services.values()].map((b) => b.service), notes: this.notes.list };
  }
}

/**
 * The services a set of OpenSLO files describe, with a note for everything they hold that the workspace cannot carry.
 * References (indicatorRef) resolve across all the files given.
 */
export function openSloImport(files: readonly OpenSloFileObjects[]): SpecImport {
  return new Importer(files.flatMap(({ file, objects }) => objects.map((object) => ({ file, object })))).run();
}
