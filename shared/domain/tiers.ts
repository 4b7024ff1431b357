import { formatPpmPercent } from './percent';
import { TIER_LABELS, TIERS, type Sli, type Tier } from './types';

/** The ordering rules between tiers; each warning names the rule it breaks. */
export type TierRule =
  | 'slo-looser-than-sla'
  | 'target-looser-than-slo'
  | 'target-looser-than-sla'
  | 'slo-threshold-looser-than-sla'
  | 'target-threshold-looser-than-slo'
  | 'target-threshold-looser-than-sla';

/** A broken ordering rule between two tiers of one SLI, with a sentence that names it. */
export type TierWarning = { rule: TierRule; tier: Tier; against: Tier; message: string };

/** Effective latency threshold of a tier: its own, or the SLI's default. */
export function tierThresholdMs(sli: Sli, tier: Tier): number | null {
  return sli.objectives[tier]?.latencyThresholdMs ?? sli.latencyThresholdMs;
}

/**
 * Checks SLA ≤ SLO ≤ performance target (targets) and, for latency SLIs, that a tier never loosens the threshold at an equal target.
 * Each set tier is compared with the nearest looser tier that is set, so a missing SLO still compares target with SLA.
 */
export function tierWarnings(sli: Sli): TierWarning[] {
  const warnings: TierWarning[] = [];
  const present = TIERS.filter((tier) => sli.objectives[tier]);
  for (let i = 1; i < present.length; i++) {
    const tier = present[i] as Tier;
    const against = present[i - 1] as Tier;
    const tight = sli.objectives[tier];
    const loose = sli.objectives[against];
    if (!tight || !loose) continue;
    if (tight.targetPpm < loose.targetPpm) {
      warnings.push({
        rule: `${tier}-looser-than-${against}` as TierRule,
        tier,
        against,
        message: `The ${TIER_LABELS[tier]} (${formatPpmPercent(tight.targetPpm)} %) is looser than the ${TIER_LABELS[against]} (${formatPpmPercent(loose.targetPpm)} %): rule "${TIER_LABELS[against]} ≤ ${TIER_LABELS[tier]}".`,
      });
    }
    if (sli.kind === 'latency') {
      const tightMs = tierThresholdMs(sli, tier);
      const looseMs = tierThresholdMs(sli, against);
      // A higher share under a longer threshold (99 % < 200 ms over 90 % < 150 ms) is a different point of the
      // latency curve, not a looser promise; only a longer threshold at the same share is strictly looser.
      if (tightMs !== null && looseMs !== null && tightMs > looseMs && tight.targetPpm === loose.targetPpm) {
        warnings.push({
          rule: `${tier}-threshold-looser-than-${against}` as TierRule,
          tier,
          against,
          message: `The ${TIER_LABELS[tier]} threshold (${tightMs} ms) is looser than the ${TIER_LABELS[against]} threshold (${looseMs} ms) at the same target: rule "${TIER_LABELS[against]} ≤ ${TIER_LABELS[tier]}".`,
        });
      }
    }
  }
  return warnings;
}
