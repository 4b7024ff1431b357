// The workbench's Prometheus queries (each range Sloth's {{.window}}) of what a Pyrra indicator measures, and the
// selectors back out of such queries. One copy of each form serves the import (Pyrra → queries) and the exporter
// (queries → Pyrra), so an exported objective imports as the queries it was written from. The forms follow the rules
// Pyrra generates (slo/rules.go): increase of errors over increase of total, count_over_time minus sum_over_time for
// a bool gauge, 1 − histogram_fraction for a native histogram.
import { WINDOW_PLACEHOLDER_TEXT } from '../../domain/queries';
import type { SliQueries } from '../../domain/types';
import { formatGoFloat } from '../../exporters/names';
import { formatSelector, parseSelector, type Selector } from './selector';

const W = WINDOW_PLACEHOLDER_TEXT;

/** The rate of a counter summed over its series: sum(rate(x{…}[{{.window}}])). */
export function rateQuery(selector: Selector): string {
  return `sum(rate(${formatSelector(selector)}[${W}]))`;
}

/** A ratio indicator's queries: its errors as bad events, its total as all. */
export function ratioQueries(errors: Selector, total: Selector): SliQueries {
  return { form: 'bad-total', bad: rateQuery(errors), total: rateQuery(total) };
}

/** A latency indicator's queries: the requests in the success bucket as good events, the histogram's count as all. */
export function latencyQueries(success: Selector, total: Selector): SliQueries {
  return { form: 'good-total', good: rateQuery(success), total: rateQuery(total) };
}

/** A bool gauge's queries as Pyrra counts it: samples at 0 are bad (count minus sum of the samples), all samples are the total. */
export function boolGaugeQueries(metric: Selector): SliQueries {
  const m = formatSelector(metric);
  return { form: 'bad-total', bad: `sum(count_over_time(${m}[${W}])) - sum(sum_over_time(${m}[${W}]))`, total: `sum(count_over_time(${m}[${W}]))` };
}

/** A native histogram's error ratio: the share of requests slower than the latency, in seconds as Pyrra writes it. */
export function nativeLatencyQueries(total: Selector, latencyMs: number): SliQueries {
  return { form: 'error-ratio', errorRatio: `1 - histogram_fraction(0, ${formatGoFloat(latencyMs / 1000)}, sum(rate(${formatSelector(total)}[${W}])))` };
}

const PLACEHOLDER = String.raw`\[\s*\{\{ *\.window *\}\}\s*\]`;
const SUMMED = new RegExp(String.raw`^sum\s*\(\s*(?:rate|increase)\s*\(([^]*)${PLACEHOLDER}\s*\)\s*\)$`);
const BARE = new RegExp(String.raw`^(?:rate|increase)\s*\(([^]*)${PLACEHOLDER}\s*\)$`);

/**
 * The selector of a query that is only the rate (or increase) of one selector over the window, summed or not:
 * sum(rate(x{…}[{{.window}}])) → x{…}; null for any other query, which Pyrra cannot carry.
 */
export function selectorOfRate(query: string): Selector | null {
  const text = query.trim();
  const inner = SUMMED.exec(text)?.[1] ?? BARE.exec(text)?.[1];
  if (inner === undefined) return null;
  const parsed = parseSelector(inner);
  return parsed.ok ? parsed.value : null;
}

const COUNT_OVER_TIME = new RegExp(String.raw`^sum\(count_over_time\(([^]*)${PLACEHOLDER}\)\)$`);
const NATIVE = new RegExp(String.raw`^1 - histogram_fraction\(0, ([^,]+), sum\(rate\(([^]*)${PLACEHOLDER}\)\)\)$`);

const same = (a: SliQueries, b: SliQueries) => JSON.stringify(a) === JSON.stringify(b);

/** The gauge of queries written by boolGaugeQueries, or null. */
export function boolGaugeOf(queries: SliQueries): Selector | null {
  if (queries.form !== 'bad-total') return null;
  const parsed = parseSelector(COUNT_OVER_TIME.exec(queries.total.trim())?.[1] ?? '');
  return parsed.ok && same(boolGaugeQueries(parsed.value), queries) ? parsed.value : null;
}

/** The histogram and latency of a query written by nativeLatencyQueries, or null. */
export function nativeLatencyOf(queries: SliQueries): { total: Selector; latencyMs: number } | null {
  if (queries.form !== 'error-ratio') return null;
  const m = NATIVE.exec(queries.errorRatio.trim());
  const parsed = parseSelector(m?.[2] ?? '');
  const latencyMs = Math.round(Number(m?.[1]) * 1_000_000) / 1000;
  if (!parsed.ok || !(latencyMs > 0)) return null;
  return same(nativeLatencyQueries(parsed.value, latencyMs), queries) ? { total: parsed.value, latencyMs } : null;
}
