// The Pyrra indicator of one tier of an SLI. Pyrra takes metric selectors, not queries, and sums their increase itself,
// so an SLI is written only where its measurement is selectors: a latency histogram ({metric, le}), or queries that are
// the rate of one selector each (shared/specs/pyrra/queries.ts), or the bool-gauge and native-histogram forms the Pyrra
// import writes. Anything else is a loss naming why, and the tier is left out rather than written wrong.
import { tierThresholdMs } from '../domain/tiers';
import type { Sli, SliQueries, Tier } from '../domain/types';
import { boolGaugeOf, nativeLatencyOf, selectorOfRate } from '../specs/pyrra/queries';
import { equalityValue, formatSelector, withoutLabel, type Matcher, type MatchOp, type Selector } from '../specs/pyrra/selector';
import { formatGoFloat, formatPromDuration } from './names';

/** The `indicator` of a Pyrra document, as written. */
export type PyrraIndicatorDoc =
  | { ratio: { errors: { metric: string }; total: { metric: string } } }
  | { latency: { success: { metric: string }; total: { metric: string } } }
  | { latencyNative: { latency: string; total: { metric: string } } }
  | { bool_gauge: { metric: string } };

/** Why a tier's indicator cannot be written (the ids of PYRRA_LOSSES in ./pyrra.ts). */
export type IndicatorLoss = 'unmeasured' | 'query-shape' | 'good-total' | 'error-ratio' | 'tier-threshold';

/** The indicator of a tier, and whether its bucket was derived from a threshold of its own; or the loss that keeps it out. */
export type IndicatorOutcome = { ok: true; indicator: PyrraIndicatorDoc; derivedBucket: boolean } | { ok: false; loss: IndicatorLoss };

const metric = (selector: Selector) => ({ metric: formatSelector(selector) });

/** The `le` bucket of a threshold, in seconds as Prometheus clients print bucket bounds (the OpenSLO exporter's rule): 150 → 0.15. */
export function leOfThresholdMs(thresholdMs: number): string {
  return formatGoFloat(thresholdMs / 1000);
}

/** The matchers a histogram's queries add to it (those of its total query on <metric>_count), so its buckets keep them. */
function histogramMatchers(queries: SliQueries | null, base: string): Matcher[] {
  if (queries?.form !== 'good-total') return [];
  const total = selectorOfRate(queries.total);
  return total && total.metric === `${base}_count` ? total.matchers : [];
}

const NEGATED: Record<MatchOp, MatchOp> = { '=': '!=', '!=': '=', '=~': '!~', '!~': '=~' };
const key = (m: Matcher) => `${m.name}\u0000${m.op}\u0000${m.value}`;

/**
 * The errors of good and total selectors when good is total with one matcher more: the total with that matcher
 * negated (code!~"5.." → code=~"5.."), which selects exactly the series of total not in good; null otherwise.
 */
export function errorsOfGood(good: Selector, total: Selector): Selector | null {
  if (good.metric !== total.metric) return null;
  const totalKeys = new Set(total.matchers.map(key));
  const extra = good.matchers.filter((m) => !totalKeys.has(key(m)));
  if (extra.length !== 1 || good.matchers.length !== total.matchers.length + 1) return null;
  const [m] = extra as [Matcher];
  return { metric: total.metric, matchers: [...total.matchers, { ...m, op: NEGATED[m.op] }] };
}

function fromQueries(queries: SliQueries, atOwnThreshold: boolean, thresholdMs: number | null): IndicatorOutcome {
  const native = nativeLatencyOf(queries);
  if (native) {
    const latency = formatPromDuration(thresholdMs ?? native.latencyMs);
    return { ok: true, indicator: { latencyNative: { latency, total: metric(native.total) } }, derivedBucket: false };
  }
  // Every other form measures the SLI's own threshold only.
  if (!atOwnThreshold) return { ok: false, loss: 'tier-threshold' };
  if (queries.form === 'error-ratio') return { ok: false, loss: 'error-ratio' };
  const gauge = boolGaugeOf(queries);
  if (gauge) return { ok: true, indicator: { bool_gauge: metric(gauge) }, derivedBucket: false };
  const total = selectorOfRate(queries.total);
  if (queries.form === 'bad-total') {
    const errors = selectorOfRate(queries.bad);
    if (!errors || !total) return { ok: false, loss: 'query-shape' };
    return { ok: true, indicator: { ratio: { errors: metric(errors), total: metric(total) } }, derivedBucket: false };
  }
  const good = selectorOfRate(queries.good);
  if (!good || !total) return { ok: false, loss: 'query-shape' };
  if (equalityValue(good, 'le') !== null) return { ok: true, indicator: { latency: { success: metric(good), total: metric(total) } }, derivedBucket: false };
  const errors = errorsOfGood(good, total);
  if (!errors) return { ok: false, loss: 'good-total' };
  return { ok: true, indicator: { ratio: { errors: metric(errors), total: metric(total) } }, derivedBucket: false };
}

/**
 * The indicator of one tier. A latency SLI with a histogram is written from its buckets: at the tier's threshold, its
 * own `le` at the SLI's threshold and the threshold in seconds for a tier with one of its own, keeping the matchers of
 * its queries. Otherwise its queries, which measure the SLI's own threshold only.
 */
export function pyrraIndicatorFor(sli: Sli, tier: Tier): IndicatorOutcome {
  const thresholdMs = sli.kind === 'latency' ? tierThresholdMs(sli, tier) : null;
  const atOwnThreshold = thresholdMs === (sli.kind === 'latency' ? sli.latencyThresholdMs : null);
  if (sli.kind === 'latency' && sli.histogram && thresholdMs !== null) {
    const base = sli.histogram.metric;
    const matchers = histogramMatchers(sli.queries, base);
    const le = atOwnThreshold ? sli.histogram.le : leOfThresholdMs(thresholdMs);
    const success: Selector = {
      metric: `${base}_bucket`,
      matchers: [...withoutLabel({ metric: base, matchers }, 'le').matchers, { name: 'le', op: '=', value: le }],
    };
    const total: Selector = { metric: `${base}_count`, matchers };
    return { ok: true, indicator: { latency: { success: metric(success), total: metric(total) } }, derivedBucket: !atOwnThreshold };
  }
  if (!sli.queries) return { ok: false, loss: 'unmeasured' };
  return fromQueries(sli.queries, atOwnThreshold, thresholdMs);
}
