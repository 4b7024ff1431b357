import type { Sli } from '#shared/domain/types';

/** The badge beside an SLI's name: its kind, with a latency SLI's default threshold and a freshness SLI's maximum age. */
export function kindBadge(sli: Sli): string {
  if (sli.kind === 'latency') return `latency · default ${sli.latencyThresholdMs} ms`;
  if (sli.kind === 'freshness' && sli.freshnessMaxAgeMs !== null) return `freshness · under ${sli.freshnessMaxAgeMs / 60_000} min`;
  return sli.kind === 'custom' ? 'custom ratio' : sli.kind;
}
