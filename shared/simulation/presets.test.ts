import { describe, expect, it } from 'vitest';
import { objective, run } from './test/run';
import { PRESET_IDS, presetById, SCENARIO_PRESETS } from './presets';
import { historyFields, parseScenario } from './scenario';

describe('the scenario presets', () => {
  it.each(SCENARIO_PRESETS.map((p) => [p.id, p] as const))('%s parses as a scenario with nothing asked of history', (_id, preset) => {
    const parsed = parseScenario(preset.scenario);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (parsed.ok) expect(historyFields(parsed.value)).toEqual([]);
  });

  it('offers the web service, the batch system and the AI feature, each by its own id', () => {
    expect(SCENARIO_PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    expect(new Set(SCENARIO_PRESETS.map((p) => p.scenario.name)).size).toBe(3);
  });

  it('gives the web service ten deploys a week, 5 % failing behind a 10 % canary, and an incident every two weeks at 30 % errors', () => {
    const parsed = parseScenario(presetById('web-service').scenario);
    if (!parsed.ok) throw new Error('the web preset does not parse');
    const s = parsed.value;
    expect([s.deploys.perWeek, s.deploys.failureProbability, s.deploys.canaryShare]).toEqual([10, 0.05, 0.1]);
    expect([s.incidents.perWeek, s.incidents.durationMinutes, s.incidents.errorRate]).toEqual([0.5, { median: 15, p90: 60 }, 0.3]);
    expect(s.traffic.shape).toBe('web');
  });

  it('makes the typical web service meet a 99.9 % SLO over 30 days in most windows but not all, and a 99.95 % target about half the time', () => {
    const result = run(presetById('web-service').scenario, [objective('slo', 999_000), objective('target', 999_500)], { trials: 4000 });
    const [slo, target] = result.tiers;
    expect(slo!.breach.probability).toBeGreaterThan(0.05);
    expect(slo!.breach.probability).toBeLessThan(0.35);
    expect(target!.breach.probability).toBeGreaterThan(0.3);
    expect(target!.breach.probability).toBeLessThan(0.8);
  });

  it('schedules the batch system’s releases on weekdays over nightly traffic, and gives the AI feature a 4 % baseline', () => {
    const batch = parseScenario(presetById('batch-system').scenario);
    const ai = parseScenario(presetById('ai-feature').scenario);
    if (!batch.ok || !ai.ok) throw new Error('a preset does not parse');
    expect([batch.value.deploys.weekdays, batch.value.deploys.perWeek, batch.value.traffic.shape]).toEqual([['tue', 'thu'], undefined, 'nightly-batch']);
    expect(ai.value.baseline.errorRate).toBe(0.04);
  });
});
