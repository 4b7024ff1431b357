// What an exported OpenSLO SLI document measures: its ratio metric from the SLI's own Prometheus queries, from its
// latency histogram's buckets, or, with neither, a metric source of type `none` that names the events in words
// (OpenSLO's schema requires a metric source, so a query cannot simply be left out).
import { tierThresholdMs } from '../../domain/tiers';
import { KIND_WORDING, type Sli, type SliWording, type Tier } from '../../domain/types';
import { formatGoFloat, OPENSLO_ERROR_RATIO_TOTAL, OPENSLO_PROMETHEUS_SOURCE, OPENSLO_UNMEASURED_SOURCE, type MEASURED_BY } from '../names';

/** One metric of a ratio: its source type and spec. */
export type OpenSloMetric = { metricSource: { type: string; spec: Record<string, string> } };

/** The ratioMetric of an SLI document, in the key order it is written. */
export type OpenSloRatioMetric =
  { counter: boolean; good: OpenSloMetric; total: OpenSloMetric } | { counter: boolean; bad: OpenSloMetric; total: OpenSloMetric };

/** What one SLI document measures: where it came from, the latency threshold it measures (null when none) and its ratio. */
export type Measurement = { by: (typeof MEASURED_BY)[number]; thresholdMs: number | null; ratio: OpenSloRatioMetric };

const query = (text: string): OpenSloMetric => ({ metricSource: { type: OPENSLO_PROMETHEUS_SOURCE, spec: { query: text } } });

/** The wording an SLI's events are named by: its own, or its kind's. */
export function wordingOf(sli: Pick<Sli, 'kind' | 'wording'>): SliWording {
  return sli.wording ?? KIND_WORDING[sli.kind];
}

/** A latency histogram's good and total queries at one `le` bucket, each range Sloth's {{.window}}. */
export function histogramQueries(metric: string, le: string): { good: string; total: string } {
  return {
    good: `sum(rate(${metric}_bucket{le="${le}"}[{{.window}}]))`,
    total: `sum(rate(${metric}_count[{{.window}}]))`,
  };
}

/** The `le` bucket of a threshold in milliseconds, as Prometheus clients print bucket bounds in seconds: 150 → 0.15. */
export function leOfThreshold(thresholdMs: number): string {
  return formatGoFloat(thresholdMs / 1000);
}

/**
 * The measurement of an SLI for one tier. Latency tiers at the SLI's own threshold use its queries first, then its
 * histogram at its `le`; a tier with a threshold of its own is measured from the histogram at that threshold's bucket
 * (its queries measure the SLI's threshold). Queries are written as ratios of rates, so `counter` is false.
 */
export function measurementFor(sli: Sli, tier: Tier | null): Measurement {
  const own = sli.kind === 'latency' ? sli.latencyThresholdMs : null;
  const thresholdMs = sli.kind === 'latency' ? (tier === null ? own : tierThresholdMs(sli, tier)) : null;
  const atOwn = thresholdMs === own;
  if (sli.histogram && (!atOwn || !sli.queries) && thresholdMs !== null) {
    const q = histogramQueries(sli.histogram.metric, atOwn ? sli.histogram.le : leOfThreshold(thresholdMs));
    return { by: 'histogram', thresholdMs, ratio: { counter: false, good: query(q.good), total: query(q.total) } };
  }
  const q = sli.queries;
  if (q?.form === 'good-total') return { by: 'queries', thresholdMs, ratio: { counter: false, good: query(q.good), total: query(q.total) } };
  if (q?.form === 'bad-total') return { by: 'queries', thresholdMs, ratio: { counter: false, bad: query(q.bad), total: query(q.total) } };
  if (q?.form === 'error-ratio')
    return { by: 'queries', thresholdMs, ratio: { counter: false, bad: query(q.errorRatio), total: query(OPENSLO_ERROR_RATIO_TOTAL) } };
  const words = wordingOf(sli);
  const unmeasured = (events: string): OpenSloMetric => ({ metricSource: { type: OPENSLO_UNMEASURED_SOURCE, spec: { events } } });
  return { by: 'none', thresholdMs, ratio: { counter: false, good: unmeasured(words.good), total: unmeasured(words.total) } };
}

/** A key telling two measurements apart: the same key, the same SLI document. */
export function measurementKey(m: Measurement): string {
  return JSON.stringify(m);
}
