import { tierThresholdMs } from '#shared/domain/tiers';
import { TIER_LABELS, TIERS, type Sli } from '#shared/domain/types';

/**
 * The SLI whose tiers a latency chart draws: its rolling line is judged at one threshold (the SLO's, else the SLI's),
 * so a tier judged at another threshold is left off the chart and named in the note instead of being drawn against a
 * line it is not judged on. A chart without a latency threshold draws every tier.
 */
export function chartedTiers(sli: Sli, thresholdMs: number | undefined): { sli: Sli; note: string | null } {
  if (thresholdMs === undefined) return { sli, note: null };
  const objectives: Sli['objectives'] = {};
  const elsewhere: string[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const ms = tierThresholdMs(sli, tier);
    if (ms === thresholdMs) objectives[tier] = objective;
    else elsewhere.push(`the ${TIER_LABELS[tier]} (≤ ${ms} ms)`);
  }
  const whose = sli.objectives.slo ? 'the SLO’s' : 'the SLI’s';
  const rest =
    elsewhere.length === 0
      ? ''
      : `; ${elsewhere.join(' and ')} ${elsewhere.length === 1 ? 'is' : 'are'} not drawn against it: see how the tiers would have fared`;
  return { sli: { ...sli, objectives }, note: `The line is judged at ≤ ${thresholdMs} ms, ${whose} threshold${rest}.` };
}
