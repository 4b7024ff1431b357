// Latency histories judged at a threshold: a stored latency series keeps each sample's value (one event per sample)
// or its events at or under a set of bounds (many events per sample); each tier is judged at its own threshold from them.
import { TIER_LABELS, TIERS, type Tier } from '../domain/types';
import type { LatencyData } from '../importers/types';
import type { History } from './history';

/** Each tier's latency threshold in words, e.g. "SLA ≤ 150 ms, SLO ≤ 200 ms"; the headline's when no tier is set. */
export function thresholdsPhrase(j: { headlineThresholdMs: number; thresholdsMs: Partial<Record<Tier, number>> }): string {
  const tiers = TIERS.flatMap((tier) => (j.thresholdsMs[tier] === undefined ? [] : [`${TIER_LABELS[tier]} ≤ ${j.thresholdsMs[tier]} ms`]));
  return tiers.length > 0 ? tiers.join(', ') : `no tier set yet; overall ≤ ${j.headlineThresholdMs} ms`;
}

/** A history judged at a threshold, or why it cannot be judged exactly there. */
export type Judged = { ok: true; history: History } | { ok: false; message: string };

function sameEverywhere(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The events at or under a threshold that is not a stored bound, when the counts pin it down: a sample's count there
 * lies between those at the bounds either side, so it is exact when they agree in every sample (no event between
 * them), when every event is at or under the bound below, or when none is at or under the bound above. Else null.
 */
function pinnedBetween(h: History, latency: Extract<LatencyData, { kind: 'counts' }>, thresholdMs: number): Float64Array | null {
  const above = latency.boundsMs.findIndex((b) => b > thresholdMs);
  const below = (above < 0 ? latency.boundsMs.length : above) - 1;
  const low = below >= 0 ? latency.atOrBelow[below]! : null;
  const high = above >= 0 ? latency.atOrBelow[above]! : null;
  if (low && high) return sameEverywhere(low, high) ? low : null;
  if (low) return sameEverywhere(low, h.total) ? low : null;
  return high && high.every((v) => v === 0) ? high : null;
}

function near(bounds: readonly number[], thresholdMs: number): string {
  const below = bounds.filter((b) => b < thresholdMs).at(-1);
  const above = bounds.find((b) => b > thresholdMs);
  const both = [below, above].filter((b) => b !== undefined);
  return `${both.length === 1 ? 'the nearest is' : 'the nearest are'} ${both.map((b) => `${b} ms`).join(' and ')}`;
}

/**
 * The good/total history of a latency series at one threshold: a sample's events at or under thresholdMs are good.
 * Values judge any threshold exactly; counts a threshold that is one of their bounds, or one the bounds either side
 * pin down (see pinnedBetween); any other is refused, naming the nearest bounds, rather than answered approximately.
 */
export function judgeLatency(h: History, latency: LatencyData, thresholdMs: number): Judged {
  const n = h.t.length;
  const good = new Float64Array(n);
  if (latency.kind === 'values') {
    const v = latency.valuesMs;
    for (let i = 0; i < n; i++) good[i] = v[i]! <= thresholdMs ? h.total[i]! : 0;
    return { ok: true, history: { t: h.t, good, total: h.total } };
  }
  const at = latency.boundsMs.indexOf(thresholdMs);
  const pinned = at < 0 ? pinnedBetween(h, latency, thresholdMs) : null;
  if (pinned) return { ok: true, history: { t: h.t, good: pinned, total: h.total } };
  if (at < 0) {
    return {
      ok: false,
      message:
        `This history kept request counts at ${latency.boundsMs.length} latency bounds, not at ${thresholdMs} ms (${near(latency.boundsMs, thresholdMs)}): ` +
        `choose one of those thresholds, or delete this import and import the log again to count requests at ${thresholdMs} ms`,
    };
  }
  return { ok: true, history: { t: h.t, good: latency.atOrBelow[at]!, total: h.total } };
}
