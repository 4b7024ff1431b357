import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '#shared/simulation/scenario';
import type { Core } from './registry';
import { coreWithSli, removeTempCore, value } from './test/temp-core';

let made: { dir: string; core: Core; sliId: number };
let core: Core;
let sliId: number;

const scenario = (fields: Record<string, unknown>): Scenario => {
  const parsed = parseScenario({ name: 'Ten deploys a week', ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
};
const tenDeploys = scenario({
  deploys: { perWeek: 10, failureProbability: 0.1, errorRate: 0.5, detectMinutes: { median: 5, p90: 20 }, rollbackMinutes: 5 },
  incidents: { perWeek: 1, durationMinutes: { median: 20, p90: 90 }, errorRate: 0.5 },
});

beforeEach(async () => {
  made = await coreWithSli('swb-sim-');
  ({ core, sliId } = made);
  for (const [tier, targetPpm] of [
    ['sla', 990_000],
    ['slo', 999_000],
    ['target', 999_500],
  ] as const) {
    await value(core.call('objective/set', { sliId, tier, targetPpm, window: { kind: 'rolling', days: 30 }, method: 'occurrences' }));
  }
});
afterEach(() => removeTempCore(made));

describe('running a what-if scenario in the core', () => {
  it('runs a draft in a worker and gives each tier its outcome, with the seed and trials it used', async () => {
    const result = await value(core.call('simulation/run', { sliId, scenario: tenDeploys, trials: 2000, seed: 5 }));
    expect(result.seed).toBe(5);
    expect(result.trials).toBe(2000);
    expect(result.tiers.map((t) => t.tier)).toEqual(['sla', 'slo', 'target']);
    const [sla, slo, target] = result.tiers;
    // A looser tier is never breached more often than a tighter one: the same trials judge all three.
    expect(sla!.breach.count).toBeLessThanOrEqual(slo!.breach.count);
    expect(slo!.breach.count).toBeLessThanOrEqual(target!.breach.count);
    expect(result.policy?.tier).toBe('slo');
  });

  it('gives the same result for the same seed, run after run', async () => {
    const once = await value(core.call('simulation/run', { sliId, scenario: tenDeploys, trials: 500, seed: 9 }));
    const again = await value(core.call('simulation/run', { sliId, scenario: tenDeploys, trials: 500, seed: 9 }));
    expect(again).toEqual(once);
  });

  it('reports progress and stores the run of a stored scenario with it', async () => {
    const saved = await value(core.call('scenario/save', { sliId, scenario: tenDeploys }));
    const progress: number[] = [];
    core.on('simulation-progress', (p) => progress.push(p.done));
    const result = await value(core.call('simulation/run', { sliId, scenarioId: saved.id, trials: 3000, seed: 2, jobId: 'run-1' }));
    expect(progress.at(-1)).toBe(3000);
    const [stored] = await value(core.call('scenario/list', { sliId }));
    expect(stored!.lastRun).toEqual(result);
  });

  it('stores nothing when the run is cancelled', async () => {
    const saved = await value(core.call('scenario/save', { sliId, scenario: tenDeploys }));
    const running = core.call('simulation/run', { sliId, scenarioId: saved.id, trials: 1_000_000, jobId: 'big' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await value(core.call('simulation/cancel', { jobId: 'big' }))).toEqual({ cancelled: true });
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const [stored] = await value(core.call('scenario/list', { sliId }));
    expect(stored!.lastRun).toBeNull();
  });

  it('refuses a scenario that asks for history the SLI does not have, naming the field and what to type instead', async () => {
    const result = await core.call('simulation/run', { sliId, scenario: scenario({ baseline: { errorRate: 'history' } }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'scenario.baseline.errorRate' } } });
    expect(!result.ok && result.error.message).toContain('baseline.errorRate asks for the history of "availability", which has none imported');
  });

  it('refuses an incident longer than the window, naming the field', async () => {
    const result = await core.call('simulation/run', { sliId, scenario: scenario({ incidents: { perWeek: 1, durationMinutes: 40 * 1440 } }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'scenario.incidents.durationMinutes' } } });
  });

  it('refuses a scenario that would draw thousands of incidents a window, naming the field that draws most', async () => {
    const result = await core.call('simulation/run', { sliId, scenario: scenario({ incidents: { perWeek: 5000, durationMinutes: 1 } }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'scenario.incidents.perWeek' } } });
    expect(!result.ok && result.error.message).toContain('about 21,429 incidents, failed deploys and outages in a 30-day window, more than the 5,000');
  });

  it('refuses absurd trials and out-of-range fields at the boundary', async () => {
    expect(await core.call('simulation/run', { sliId, scenario: tenDeploys, trials: 1e9 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const raw = { ...tenDeploys, deploys: { ...tenDeploys.deploys, failureProbability: 1.5 } };
    const refused = await core.invoke('simulation/run', { sliId, scenario: raw });
    expect(!refused.ok && refused.error.message).toContain('deploys.failureProbability must be at most 1');
  });

  it('ranks the knobs by how far they move the SLO breach probability', async () => {
    const sensitivity = await value(core.call('simulation/sensitivity', { sliId, scenario: tenDeploys, trials: 500, seed: 3 }));
    expect(sensitivity.tier).toBe('SLO');
    expect(sensitivity.trialsPerVariant).toBe(500);
    expect(sensitivity.knobs.map((k) => k.knob)).toContain('incidents.perWeek');
    const swings = sensitivity.knobs.map((k) => k.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const perWeek = sensitivity.knobs.find((k) => k.knob === 'incidents.perWeek')!;
    expect(perWeek.high).toBeGreaterThanOrEqual(perWeek.low);
  });

  it('takes the fields set to history from the SLI’s imported history, with exclusions left out, and says where each came from', async () => {
    // 14 days of minutes from Monday 2 March 2026: 100 requests a minute, 1 in 2,000 failing, and a 45-minute outage
    // at 40 % errors every day at 03:00 (one of them, on 5 March, excluded as a cloud outage).
    const lines = ['time,good,total'];
    const start = Date.UTC(2026, 2, 2);
    for (let k = 1; k <= 14 * 1440; k++) {
      const minuteOfDay = (k - 1) % 1440;
      const bad = minuteOfDay >= 180 && minuteOfDay < 225 ? 0.4 : 0.0005;
      lines.push(`${new Date(start + k * 60_000).toISOString()},${100 * (1 - bad)},100`);
    }
    writeFileSync(join(made.dir, 'history.csv'), lines.join('\n'));
    const csv = { mapping: { kind: 'good-total' as const, time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' as const };
    await value(core.call('import/file', { sliId, path: 'history.csv', format: 'csv', csv }));
    const serviceId = core.session.reader().getSli(sliId)!.serviceId;
    const exclusion = {
      category: 'dependency' as const,
      reason: 'Cloud region down',
      startMs: Date.UTC(2026, 2, 5, 3),
      durationMinutes: 45,
      rrule: null,
      timeZone: 'UTC',
    };
    await value(core.call('exclusion/add', { serviceId, sliId, exclusion }));
    const fromHistory = scenario({
      baseline: { errorRate: 'history' },
      traffic: { requestsPerDay: 'history', shape: 'history' },
      incidents: { perWeek: 1, durationMinutes: 'history', errorRate: 0.4 },
    });
    const result = await value(core.call('simulation/run', { sliId, scenario: fromHistory, trials: 500 }));
    const resolved = Object.fromEntries(result.resolved.map((r) => [r.field, r]));
    expect(resolved['baseline.errorRate']!.value).toBe('0.0500 %');
    expect(resolved['traffic.requestsPerDay']!.value).toBe('144,000');
    // The 13 outages left in: each a 45-minute budget-eating event.
    expect(resolved['incidents.durationMinutes']!.value).toBe('13 durations, median 45 min');
    expect(resolved['traffic.shape']!.explanation).toContain('over 14.0 days of the import history.csv');
  });
});
