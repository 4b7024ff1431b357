// The result of a run in words a product manager can read aloud: how often each tier is breached, what spends the
// budget, what the policy did, and (given a sensitivity run) which knob would change it most.
import { formatPpmPercent } from '../domain/percent';
import { TIER_LABELS } from '../domain/types';
import { CAUSE_LABELS, type SimulationResult, type TierOutcome } from './result';
import type { Sensitivity } from './sensitivity-types';

/** Fractions people say aloud, smallest denominators first. */
const DENOMINATORS = [2, 3, 4, 5, 6, 8, 10];

/**
 * A probability as people say it: "in 1 window out of 8", "in 3 windows out of 4", "in nearly every window",
 * "in no simulated window" (with the trials, so "never" is not claimed), "in fewer than 1 window in 100".
 */
export function windowsPhrase(p: number, trials: number): string {
  if (p === 0) return `in none of ${trials.toLocaleString('en-US')} simulated windows`;
  if (p === 1) return 'in every simulated window';
  if (p < 0.01) return `in fewer than 1 window in 100 (${formatShare(p)})`;
  if (p >= 0.9) return `in nearly every window (${formatShare(p)})`;
  if (p < 0.4) return `in 1 window out of ${Math.round(1 / p)}`;
  let best = { k: 1, d: 2, error: Infinity };
  for (const d of DENOMINATORS) {
    const k = Math.round(p * d);
    const error = Math.abs(k / d - p);
    if (k > 0 && k < d && error < best.error - 1e-9) best = { k, d, error };
  }
  return `in ${best.k} window${best.k === 1 ? '' : 's'} out of ${best.d}`;
}

/** A share as a percentage with the digits that matter: 0.3 %, 12.5 %, 99.5 %. */
function formatShare(p: number): string {
  const percent = p * 100;
  return `${percent >= 10 ? Number(percent.toFixed(1)) : Number(percent.toPrecision(2))} %`;
}

function tierName(t: TierOutcome): string {
  return `the ${TIER_LABELS[t.tier]} of ${formatPpmPercent(t.targetPpm)} % over ${t.windowLabel}`;
}

/** The summary: one sentence for the tiers, one for what spent the budget, one for the policy, one for the top knob. */
export function summarise(r: SimulationResult, sensitivity?: Sensitivity): string {
  const sentences: string[] = [];
  const [first, ...rest] = r.tiers;
  if (first) {
    const parts = [`${tierName(first)} is breached ${windowsPhrase(first.breach.probability, r.trials)}`];
    for (const t of rest) parts.push(`${tierName(t)} ${windowsPhrase(t.breach.probability, r.trials)}`);
    const text = parts.join('; ');
    sentences.push(`With “${r.scenarioName}”, ${text}.`);
  }
  const slo = r.tiers.find((t) => t.tier === 'slo') ?? first;
  if (slo && slo.topCause) {
    sentences.push(
      `${CAUSE_LABELS[slo.topCause]} spend most of the ${TIER_LABELS[slo.tier]}'s budget: ${Math.round(slo.spentBy[slo.topCause] * 100)} % of it in a window on average, ` +
        `of ${Math.round(slo.spent.mean * 100)} % spent in all.`,
    );
  }
  if (r.policy) {
    const p = r.policy;
    sentences.push(
      p.freezeDays.mean > 0.05
        ? `The error-budget policy freezes deploys for ${p.freezeDays.mean.toFixed(1)} days a window on average, holding back ${p.deploysHeld.toFixed(1)} of ${(p.deploys + p.deploysHeld).toFixed(1)} deploys.`
        : 'The error-budget policy rarely needs to freeze deploys.',
    );
  }
  const top = sensitivity?.knobs[0];
  if (sensitivity && top && top.swing >= 0.01) {
    sentences.push(
      `${top.label} matters most: at half its value (${top.value} now) the ${sensitivity.tier} is breached ${formatShare(top.low)} of the time, at one and a half times ${formatShare(top.high)}.`,
    );
  }
  return sentences.join(' ');
}
