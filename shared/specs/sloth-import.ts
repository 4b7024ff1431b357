// Sloth specs (prometheus/v1 and the PrometheusServiceLevel CRD, both read by ./sloth.ts) as the workspace holds them
// (SpecImport): each SLO the SLO tier of an SLI of its service, its queries kept as the SLI's (events → bad and total,
// raw → the error ratio). A spec has no SLO period (sloth generate's --default-slo-period, 30 days unless told) and no
// SLI kind, and its labels, alert names and annotations have no place in the workspace: each is a note.
import { DEFAULT_PERIOD_MINUTES } from '../exporters/prometheus-rules';
import { KIND_WORDING, NO_SLI_DETAILS, type Objective, type SliQueries } from '../domain/types';
import { MIN_TARGET_PPM, PPM_PER_WHOLE } from '../domain/percent';
import type { ImportedService, ImportedSli, ImportNote, SpecImport } from './imported';
import type { SlothSlo, SlothSpec } from './sloth';

/** The specs read from one file (parseSlothSpecs). */
export type SlothFile = { file: string; specs: readonly SlothSpec[] };

/** The rolling window an imported SLO gets: Sloth's default SLO period. */
export const SLOTH_IMPORT_WINDOW_DAYS = DEFAULT_PERIOD_MINUTES / 1440;

/** The kind an imported SLO's SLI gets: a Sloth spec says only how errors are counted, not what they are. */
export const SLOTH_IMPORT_KIND = 'availability';

const names = (map: Record<string, string>) => Object.keys(map).sort().join(', ');

/** The SLI's queries: an events SLI's error and total queries as bad and total, a raw one's error ratio. */
export function slothQueries(slo: SlothSlo): SliQueries {
  return slo.sli.kind === 'events'
    ? { form: 'bad-total', bad: slo.sli.errorQuery, total: slo.sli.totalQuery }
    : { form: 'error-ratio', errorRatio: slo.sli.errorRatioQuery };
}

class Notes {
  readonly list: ImportNote[] = [];
  constructor(private readonly file: string) {}
  /** A note on a field of the spec, named as the document writes it (under spec. in the Kubernetes form). */
  add(spec: SlothSpec, field: string, message: string): void {
    this.addAt(spec, field === '' || !spec.kubernetes ? field : `spec.${field}`, message);
  }
  /** A note on a field named from the document's root. */
  addAt(spec: SlothSpec, field: string, message: string): void {
    const what = spec.kubernetes ? `PrometheusServiceLevel ${spec.kubernetes.name}` : `service ${spec.service}`;
    this.list.push({ file: this.file, document: `document ${spec.document} (${what})`, field, message });
  }
}

function alertingNotes(spec: SlothSpec, slo: SlothSlo, i: number, notes: Notes): void {
  const a = slo.alerting;
  const field = `slos.${i}.alerting`;
  const parts: string[] = [];
  if (a.name !== '') parts.push(`the alert name ${a.name}`);
  const labels = { ...a.labels, ...a.page.labels, ...a.ticket.labels };
  const annotations = { ...a.annotations, ...a.page.annotations, ...a.ticket.annotations };
  if (Object.keys(labels).length > 0) parts.push(`the alert labels ${names(labels)}`);
  if (Object.keys(annotations).length > 0) parts.push(`the alert annotations ${names(annotations)}`);
  if (parts.length > 0) notes.add(spec, field, `${parts.join(', ')} are left out: the workspace makes its alerts from its alert set`);
  const off = (['page', 'ticket'] as const).filter((s) => a[s].disable);
  if (off.length > 0) notes.add(spec, field, `the ${off.join(' and ')} alert is disabled here; the workspace gives every SLO both`);
}

/** The SLO tier of an imported SLO, or why it cannot be one. */
function objectiveOf(slo: SlothSlo): { objective: Objective; rounded: boolean } | string {
  const exact = (slo.objectivePercent * PPM_PER_WHOLE) / 100;
  const targetPpm = Math.round(exact);
  if (targetPpm >= PPM_PER_WHOLE) return `the objective ${slo.objectivePercent} rounds to 100 % in parts per million, which leaves no error budget`;
  if (targetPpm < MIN_TARGET_PPM) return `the objective ${slo.objectivePercent} % is below the workspace's lowest target of 50 %`;
  const objective: Objective = {
    tier: 'slo',
    targetPpm,
    window: { kind: 'rolling', days: SLOTH_IMPORT_WINDOW_DAYS },
    method: 'occurrences',
    timeslice: null,
    latencyThresholdMs: null,
  };
  return { objective, rounded: Math.abs(exact - targetPpm) > 1e-6 };
}

function sliOf(spec: SlothSpec, slo: SlothSlo, i: number, notes: Notes): ImportedSli | null {
  const objective = objectiveOf(slo);
  if (typeof objective === 'string') {
    notes.add(spec, `slos.${i}.objective`, `The SLO ${slo.name} is not imported: ${objective}`);
    return null;
  }
  if (objective.rounded)
    notes.add(spec, `slos.${i}.objective`, `the objective ${slo.objectivePercent} is rounded to ${objective.objective.targetPpm} parts per million`);
  if (Object.keys(slo.labels).length > 0) notes.add(spec, `slos.${i}.labels`, `the labels ${names(slo.labels)} are left out: the workspace has no SLO labels`);
  if (slo.description !== '') notes.add(spec, `slos.${i}.description`, 'the description is left out: the workspace has no SLI descriptions');
  alertingNotes(spec, slo, i, notes);
  return {
    name: slo.name,
    kind: SLOTH_IMPORT_KIND,
    latencyThresholdMs: null,
    ...NO_SLI_DETAILS,
    wording: null,
    queries: slothQueries(slo),
    objectives: { slo: objective.objective },
  };
}

function specNotes(spec: SlothSpec, notes: Notes): void {
  notes.add(
    spec,
    '',
    `A Sloth spec has no SLO period (sloth generate uses --default-slo-period, 30 days unless told) nor SLI kind: ` +
      `its SLOs are imported as ${SLOTH_IMPORT_KIND} SLIs over a rolling ${SLOTH_IMPORT_WINDOW_DAYS} days (${KIND_WORDING[SLOTH_IMPORT_KIND].good} / ${KIND_WORDING[SLOTH_IMPORT_KIND].total})`,
  );
  if (Object.keys(spec.labels).length > 0) notes.add(spec, 'labels', `the labels ${names(spec.labels)} are left out: the workspace has no service labels`);
  const meta = spec.kubernetes;
  if (meta && (meta.namespace !== '' || Object.keys(meta.labels).length > 0 || Object.keys(meta.annotations).length > 0)) {
    const list = [meta.namespace !== '' ? `namespace ${meta.namespace}` : '', Object.keys(meta.labels).length > 0 ? `labels ${names(meta.labels)}` : '']
      .concat(Object.keys(meta.annotations).length > 0 ? [`annotations ${names(meta.annotations)}`] : [])
      .filter((p) => p !== '');
    notes.addAt(spec, 'metadata', `the ${list.join(', ')} are left out: the workspace keeps no Kubernetes metadata`);
  }
}

/**
 * The services of Sloth spec files, in the order they first name them: the SLOs of every spec of one service gather in
 * it, each the SLO tier of an SLI of that name (a name used again in the same service is noted and left out), with
 * notes for everything a spec holds that the workspace has no place for.
 */
export function slothSpecsToImport(files: readonly SlothFile[]): SpecImport {
  const services = new Map<string, ImportedService>();
  const notes: ImportNote[] = [];
  for (const { file, specs } of files) {
    const fileNotes = new Notes(file);
    for (const spec of specs) {
      specNotes(spec, fileNotes);
      const service = services.get(spec.service) ?? { name: spec.service, owner: '', description: '', slis: [], dependsOn: [] };
      services.set(spec.service, service);
      spec.slos.forEach((slo, i) => {
        if (service.slis.some((s) => s.name === slo.name)) {
          fileNotes.add(
            spec,
            `slos.${i}.name`,
            `The SLO ${slo.name} is not imported: ${spec.service} already has an SLI of that name from an earlier document`,
          );
          return;
        }
        const sli = sliOf(spec, slo, i, fileNotes);
        if (sli) service.slis.push(sli);
      });
    }
    notes.push(...fileNotes.list);
  }
  return { services: [...services.values()], notes };
}
