// Starting points for the scenario editor: three kinds of system teams bring to a workshop, each a plain scenario
// written as a scenario file would write it, so a preset is checked by the same schema as anything typed.
import type { ScenarioInput } from './scenario';

/** Names of the presets, in the order the editor offers them. */
export const PRESET_IDS = ['web-service', 'batch-system', 'ai-feature'] as const;

/** One preset's name. */
export type PresetId = (typeof PRESET_IDS)[number];

/** A preset: what the editor lists (label and one line saying what it models) and the scenario it adds. */
export type ScenarioPreset = { id: PresetId; label: string; summary: string; scenario: ScenarioInput };

/**
 * A request-serving web service that deploys twice a working day behind a canary. The incident figures follow the
 * shape of published postmortem data: most incidents are short, a few run long (median 15 minutes, p90 an hour), and
 * most fail part of the traffic, not all of it. At 99.9 % over 30 days it spends about two thirds of its budget.
 */
const WEB_SERVICE: ScenarioPreset = {
  id: 'web-service',
  label: 'Typical web service',
  summary: '10 deploys a week behind a 10 % canary, 5 % of them failing; an incident every two weeks of about 15 minutes at 30 % errors',
  scenario: {
    name: 'Typical web service',
    description: 'Ten deploys a week, a 10 % canary and an incident every two weeks, over web traffic (busy evenings, quieter weekends).',
    baseline: { errorRate: 0.0002 },
    traffic: { shape: 'web', growthPerMonth: 0.02 },
    deploys: { perWeek: 10, failureProbability: 0.05, errorRate: 1, detectMinutes: { median: 5, p90: 20 }, rollbackMinutes: 10, canaryShare: 0.1 },
    incidents: { perWeek: 0.5, durationMinutes: { median: 15, p90: 60 }, errorRate: 0.3, excludedShare: 0 },
    policy: { enabled: true, freezeAt: 'critical' },
  },
};

/** A nightly batch system: releases on a fixed weekday schedule, failures noticed at the next run, long incidents. */
const BATCH_SYSTEM: ScenarioPreset = {
  id: 'batch-system',
  label: 'Batch system',
  summary: 'Releases on Tuesday and Thursday afternoons, traffic at night; one incident every two weeks of about 1½ hours',
  scenario: {
    name: 'Nightly batch system',
    description: 'Jobs run at night; releases go out Tuesday and Thursday at 14:00 UTC, and a bad one is found by the next night’s run.',
    baseline: { errorRate: 0.001 },
    traffic: { shape: 'nightly-batch' },
    deploys: {
      weekdays: ['tue', 'thu'],
      hour: 14,
      failureProbability: 0.1,
      errorRate: 1,
      detectMinutes: { median: 120, p90: 600 },
      rollbackMinutes: { median: 30, p90: 90 },
      canaryShare: 1,
    },
    incidents: { perWeek: 0.5, durationMinutes: { median: 90, p90: 360 }, errorRate: 1, excludedShare: 0.2 },
    policy: { enabled: true, freezeAt: 'critical' },
  },
};

/**
 * An AI feature whose SLI is the share of answers users rate helpful: a high background "error" rate (answers rated
 * unhelpful), model rollouts as deploys whose regressions show only slowly in ratings, and outages of the model
 * provider, part of which the exclusions policy leaves out.
 */
const AI_FEATURE: ScenarioPreset = {
  id: 'ai-feature',
  label: 'AI feature (rated helpful)',
  summary: '4 % of answers rated unhelpful at baseline; two model rollouts a week to a 20 % canary, regressions found within hours',
  scenario: {
    name: 'AI feature, rated helpful',
    description:
      'SLI: answers rated helpful. A new model or prompt goes out twice a week to a 20 % canary; a bad one lowers ratings until the evaluation catches it.',
    baseline: { errorRate: 0.04 },
    traffic: { shape: 'business-hours', growthPerMonth: 0.1 },
    deploys: {
      perWeek: 2,
      failureProbability: 0.15,
      errorRate: 0.3,
      detectMinutes: { median: 120, p90: 720 },
      rollbackMinutes: 15,
      canaryShare: 0.2,
    },
    incidents: { perWeek: 0.5, durationMinutes: { median: 45, p90: 180 }, errorRate: 0.6, excludedShare: 0.3 },
    policy: { enabled: true, freezeAt: 'critical' },
  },
};

/** Every preset, in the order the editor lists them. */
export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [WEB_SERVICE, BATCH_SYSTEM, AI_FEATURE];

/** The preset with this id. */
export function presetById(id: PresetId): ScenarioPreset {
  return SCENARIO_PRESETS.find((p) => p.id === id)!;
}
