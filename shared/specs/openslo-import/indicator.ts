// The SLI details an OpenSLO indicator gives: the Prometheus queries of its ratio metric (good and total, bad and
// total, or a raw error ratio), and, in documents the workbench wrote, the kind, wording, thresholds and histogram
// its annotations carry. A threshold metric, or a source that is not a Prometheus query, is refused with a note.
import { OPENSLO_ANNOTATIONS as A, OPENSLO_ERROR_RATIO_TOTAL } from '../../exporters/names';
import { checkHistogram, checkSliQueries, checkWording } from '../../domain/queries';
import { KIND_WORDING, SLI_KINDS, type SliKind, type SliQueries } from '../../domain/types';
import { annotation, wholeNumber, type At, type Notes } from './context';

/** The ratio metric of a v1 SLI as read. */
type Metric = { metricSource: { metricSourceRef?: string; type?: string; spec: Record<string, unknown> } };
export type RatioMetric = { counter?: boolean; good?: Metric; bad?: Metric; total?: Metric; rawType?: 'success' | 'failure'; raw?: Metric };

/** A v1 SLI spec as read. */
export type SliSpec = { description?: string; thresholdMetric?: Metric; ratioMetric?: RatioMetric };

/** What an indicator gives the workbench SLI, besides its name and tiers. */
export type IndicatorDetails = {
  kind: SliKind;
  latencyThresholdMs: number | null;
  freshnessMaxAgeMs: number | null;
  wording: { good: string; total: string } | null;
  queries: SliQueries | null;
  histogram: { metric: string; le: string } | null;
  /** True when the workbench wrote it (its annotations name the SLI). */
  ours: boolean;
  measuredBy: string | undefined;
};

function queryOf(metric: Metric, field: string, at: At, notes: Notes): string | null {
  const { type, spec } = metric.metricSource;
  if (type !== undefined && type.toLowerCase() !== 'prometheus') {
    notes.add(at, `${field}.metricSource.type`, `is ${type}: only Prometheus queries can be carried, so the SLI is imported without queries`);
    return null;
  }
  if (typeof spec.query !== 'string') {
    notes.add(at, `${field}.metricSource.spec`, 'holds no query (spec.query): the SLI is imported without queries');
    return null;
  }
  return spec.query;
}

/** The queries of a ratio metric, or null (with a note saying why). */
export function queriesOf(ratio: RatioMetric, field: string, at: At, notes: Notes): SliQueries | null {
  const q = (m: Metric | undefined, name: string) => (m ? queryOf(m, `${field}.${name}`, at, notes) : null);
  let queries: SliQueries | null = null;
  if (ratio.raw) {
    const raw = q(ratio.raw, 'raw');
    if (raw !== null) queries = { form: 'error-ratio', errorRatio: ratio.rawType === 'success' ? `1 - (${raw})` : raw };
  } else if (ratio.good && ratio.total) {
    const [good, total] = [q(ratio.good, 'good'), q(ratio.total, 'total')];
    if (good !== null && total !== null) queries = { form: 'good-total', good, total };
  } else if (ratio.bad && ratio.total) {
    const [bad, total] = [q(ratio.bad, 'bad'), q(ratio.total, 'total')];
    // An error ratio over one is how the exporter writes an error ratio within the v1 schema.
    if (bad !== null && total?.trim() === OPENSLO_ERROR_RATIO_TOTAL) queries = { form: 'error-ratio', errorRatio: bad };
    else if (bad !== null && total !== null) queries = { form: 'bad-total', bad, total };
  }
  if (queries === null) return null;
  const checked = checkSliQueries(queries);
  if (!checked.ok) {
    notes.add(at, field, `${checked.message}: the SLI is imported without queries`);
    return null;
  }
  return checked.value;
}

/** The details of an SLI spec with its annotations, or null when it is no ratio of good to total events (noted). */
export function indicatorDetails(spec: SliSpec, annotations: Record<string, string> | undefined, field: string, at: At, notes: Notes): IndicatorDetails | null {
  if (spec.thresholdMetric || !spec.ratioMetric) {
    notes.add(
      at,
      `${field}.thresholdMetric`,
      'is a threshold metric (a value compared with op and value), not a ratio of good to total events: the workbench cannot carry it, so this SLO is not imported',
    );
    return null;
  }
  const measuredBy = annotation(annotations, A.measuredBy);
  const ours = annotation(annotations, A.sli) !== undefined;
  const queries = ours && measuredBy !== 'queries' ? null : queriesOf(spec.ratioMetric, `${field}.ratioMetric`, at, notes);
  const kindText = annotation(annotations, A.sliKind);
  const kind = SLI_KINDS.find((k) => k === kindText);
  if (!kind) notes.add(at, field, 'says nothing of the kind of SLI: it is imported as a custom SLI of good events out of events; set its kind and wording');
  const good = annotation(annotations, A.goodEvents);
  const total = annotation(annotations, A.totalEvents);
  let wording = good !== undefined && total !== undefined ? { good, total } : kind ? null : { ...KIND_WORDING.custom };
  if (wording) {
    const checked = checkWording(wording);
    if (!checked.ok) {
      notes.add(at, `metadata.annotations`, `${checked.message}: the wording of its kind is used`);
      wording = kind === 'custom' || !kind ? { ...KIND_WORDING.custom } : null;
    }
  }
  const metric = annotation(annotations, A.histogramMetric);
  const le = annotation(annotations, A.histogramLe);
  const histogram = metric !== undefined && le !== undefined && checkHistogram({ metric, le }).ok ? { metric, le } : null;
  return {
    kind: kind ?? 'custom',
    latencyThresholdMs: wholeNumber(annotation(annotations, A.latencyThresholdMs)) ?? null,
    freshnessMaxAgeMs: wholeNumber(annotation(annotations, A.freshnessMaxAgeMs)) ?? null,
    wording,
    queries,
    histogram,
    ours,
    measuredBy,
  };
}
