import { tierThresholdMs } from '#shared/domain/tiers';
import { TIER_LABELS, TIERS, type Sli } from '#shared/domain/types';
import type { ParseRequest } from '#shared/importers/dispatch';
import type { ParseResult } from '#shared/importers/types';
import { AppFailure } from '#shared/ipc/errors';

/** The thresholds a latency SLI judges at: its own default and each set tier's, each once. */
export function sliThresholdsMs(sli: Sli): number[] {
  const all = [sli.latencyThresholdMs, ...TIERS.filter((tier) => sli.objectives[tier]).map((tier) => tierThresholdMs(sli, tier))];
  return [...new Set(all.filter((ms): ms is number => ms !== null))];
}

/** Each set tier's threshold in parentheses, e.g. " (SLA 150 ms, SLO 200 ms)", or the SLI's default; '' when none. */
export function tierList(sli: Sli): string {
  const set = TIERS.filter((tier) => sli.objectives[tier]);
  if (set.length === 0) return sli.latencyThresholdMs === null ? '' : ` (${sli.latencyThresholdMs} ms unless a tier says otherwise)`;
  return ` (${set.map((tier) => `${TIER_LABELS[tier]} ${tierThresholdMs(sli, tier)} ms`).join(', ')})`;
}

/**
 * The parse request of an import into this SLI. A latency SLI keeps its latencies so each tier is judged at its own
 * threshold: one threshold for a value column is refused (it would replace the tiers' own), and an access log's
 * requests are counted at every threshold the SLI uses, besides the fixed grid. Latency values need a latency SLI.
 */
export function requestForSli(sli: Sli, request: ParseRequest): ParseRequest {
  const mapping = request.csv?.mapping;
  if (sli.kind === 'latency' && mapping?.kind === 'value-threshold') {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `"${sli.name}" is a latency SLI: each tier is judged at its own threshold${tierList(sli)}, so import the values with their unit (ms, s or µs) instead of one threshold`,
      { field: 'csv.mapping' },
    );
  }
  if (sli.kind !== 'latency' && (mapping?.kind === 'latency' || request.jsonSamples?.valueUnit !== undefined)) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `"${sli.name}" is an ${sli.kind} SLI, with no latency thresholds to judge the values at: import them into a latency SLI, or for a CSV value column give the threshold a good value meets instead of a unit`,
      { field: 'csv.mapping' },
    );
  }
  if (sli.kind === 'latency' && request.accessLog?.durationField !== undefined) {
    return { ...request, accessLog: { ...request.accessLog, latencyBoundsMs: sliThresholdsMs(sli) } };
  }
  return request;
}

/**
 * Refuses, before anything is stored, an access log read for a latency SLI without its durations (a format detected
 * only while parsing): it would give the SLI an availability history to be judged as latency.
 */
export function checkParsedForSli(sli: Sli, result: ParseResult, fileName: string): void {
  if (sli.kind !== 'latency' || result.format !== 'access-log' || result.series.length === 0 || result.series.some((s) => s.latency)) return;
  throw new AppFailure(
    'INVALID_ARGUMENT',
    `${fileName} is an access log: for the latency SLI "${sli.name}", give the unit of the duration that ends each line (ms, s or µs), so each tier can be judged at its own threshold. Nothing was stored`,
    { field: 'accessLog.durationField' },
  );
}
