// Which knob matters: each number of a scenario moved down and up by half, everything else kept and the same seed
// drawn (so the difference is the knob's, not chance's), ranked by how far the SLO's breach probability moves.
import { TIER_LABELS } from '../domain/types';
import type { SimulationResult } from './result';
import { FROM_HISTORY, type Scenario } from './scenario';
import type { KnobSwing, Sensitivity } from './sensitivity-types';

/** How far each knob is moved either way: to half and to one and a half times its value. */
export const SWING = 0.5;

/** A knob moved both ways. */
export type Variant = { knob: string; label: string; value: string; low: Scenario; high: Scenario };

type Duration = number | { median: number; p90: number } | typeof FROM_HISTORY;

const KNOBS: { knob: string; label: string; get: (s: Scenario) => number | Duration | undefined; set: (s: Scenario, v: never) => Scenario; cap?: number }[] = [
  { knob: 'baseline.errorRate', label: 'Baseline error rate', get: (s) => s.baseline.errorRate, set: (s, v) => ({ ...s, baseline: { errorRate: v } }), cap: 1 },
  { knob: 'deploys.perWeek', label: 'Deploys per week', get: (s) => s.deploys.perWeek, set: (s, v) => ({ ...s, deploys: { ...s.deploys, perWeek: v } }) },
  {
    knob: 'deploys.failureProbability',
    label: 'Deploy failure probability',
    get: (s) => s.deploys.failureProbability,
    set: (s, v) => ({ ...s, deploys: { ...s.deploys, failureProbability: v } }),
    cap: 1,
  },
  {
    knob: 'deploys.errorRate',
    label: 'Errors while a deploy fails',
    get: (s) => s.deploys.errorRate,
    set: (s, v) => ({ ...s, deploys: { ...s.deploys, errorRate: v } }),
    cap: 1,
  },
  {
    knob: 'deploys.detectMinutes',
    label: 'Minutes to detect a failed deploy',
    get: (s) => s.deploys.detectMinutes,
    set: (s, v) => ({ ...s, deploys: { ...s.deploys, detectMinutes: v } }),
  },
  {
    knob: 'deploys.rollbackMinutes',
    label: 'Minutes to roll back',
    get: (s) => s.deploys.rollbackMinutes,
    set: (s, v) => ({ ...s, deploys: { ...s.deploys, rollbackMinutes: v } }),
  },
  {
    knob: 'deploys.canaryShare',
    label: 'Canary share of traffic',
    get: (s) => s.deploys.canaryShare,
    set: (s, v) => ({ ...s, deploys: { ...s.deploys, canaryShare: v } }),
    cap: 1,
  },
  {
    knob: 'incidents.perWeek',
    label: 'Incidents per week',
    get: (s) => s.incidents.perWeek,
    set: (s, v) => ({ ...s, incidents: { ...s.incidents, perWeek: v } }),
  },
  {
    knob: 'incidents.durationMinutes',
    label: 'Incident duration',
    get: (s) => s.incidents.durationMinutes,
    set: (s, v) => ({ ...s, incidents: { ...s.incidents, durationMinutes: v } }),
  },
  {
    knob: 'incidents.errorRate',
    label: 'Errors during an incident',
    get: (s) => s.incidents.errorRate,
    set: (s, v) => ({ ...s, incidents: { ...s.incidents, errorRate: v } }),
    cap: 1,
  },
  {
    knob: 'incidents.excludedShare',
    label: 'Share of incidents excluded',
    get: (s) => s.incidents.excludedShare,
    set: (s, v) => ({ ...s, incidents: { ...s.incidents, excludedShare: v } }),
    cap: 1,
  },
];

function scaled(v: number | { median: number; p90: number }, factor: number, cap: number | undefined): number | { median: number; p90: number } {
  if (typeof v === 'number') return cap === undefined ? v * factor : Math.min(cap, v * factor);
  return { median: v.median * factor, p90: v.p90 * factor };
}

function shown(v: number | { median: number; p90: number }): string {
  return typeof v === 'number' ? `${Number(v.toPrecision(3))}` : `median ${Number(v.median.toPrecision(3))}, p90 ${Number(v.p90.toPrecision(3))}`;
}

/**
 * The variants of a scenario: every knob that is set to a number (not 0, not taken from history) at half and at one
 * and a half times its value, capped where the value is a share (at most 1). Knobs that do not act are left out:
 * deploy knobs without deploys, incident knobs without incidents.
 */
export function sensitivityVariants(s: Scenario): Variant[] {
  const deploying = (s.deploys.perWeek ?? 0) > 0 || (s.deploys.weekdays?.length ?? 0) > 0;
  const failing = deploying && s.deploys.failureProbability > 0;
  const incidents = s.incidents.perWeek > 0;
  const out: Variant[] = [];
  for (const k of KNOBS) {
    if (k.knob.startsWith('deploys.') && k.knob !== 'deploys.perWeek' && !failing) continue;
    if (k.knob === 'deploys.perWeek' && !(failing && (s.deploys.perWeek ?? 0) > 0)) continue;
    if (k.knob.startsWith('incidents.') && !incidents) continue;
    const v = k.get(s);
    if (v === undefined || v === FROM_HISTORY || v === 0) continue;
    out.push({
      knob: k.knob,
      label: k.label,
      value: shown(v),
      low: k.set(s, scaled(v, 1 - SWING, k.cap) as never),
      high: k.set(s, scaled(v, 1 + SWING, k.cap) as never),
    });
  }
  return out;
}

type Outcome = Pick<SimulationResult, 'tiers'>;

/** The tier a tornado reads: the SLO, else the first tier simulated. */
function readTier(o: Outcome): number {
  const slo = o.tiers.findIndex((t) => t.tier === 'slo');
  return slo >= 0 ? slo : 0;
}

/** The tornado from the base run and each variant's low and high runs (outputs in that order), largest swing first. */
export function tornado(outputs: readonly Outcome[], variants: readonly Variant[], trialsPerVariant: number, seed: number): Sensitivity {
  const base = outputs[0]!;
  const i = readTier(base);
  const p = (o: Outcome) => o.tiers[i]!.breach.probability;
  const knobs: KnobSwing[] = variants.map((v, k) => {
    const low = p(outputs[1 + 2 * k]!);
    const high = p(outputs[2 + 2 * k]!);
    return { knob: v.knob, label: v.label, value: v.value, low, high, swing: Math.abs(high - low) };
  });
  knobs.sort((a, b) => b.swing - a.swing || a.knob.localeCompare(b.knob));
  return { tier: TIER_LABELS[base.tiers[i]!.tier], trialsPerVariant, seed, base: p(base), knobs };
}
