// What-if scenarios behind a FakeCore: stored in memory and announced as the core announces them, with runs,
// sensitivity and replays answered by small hand-made results whose numbers a test can name. A test may hold a run
// to see its progress, and a held run ends as the core's does when it is cancelled.
import type { Args } from '#shared/ipc/contract';
import type { StoredScenario } from '#shared/ipc/contract/simulation';
import { AppFailure } from '#shared/ipc/errors';
import type { ReplayReport, ReplaySide } from '#shared/simulation/replay-report';
import type { SimulationResult, TierOutcome } from '#shared/simulation/result';
import type { Scenario } from '#shared/simulation/scenario';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import { deferred, type Deferred, type FakeCore } from './fake-core';

const DAY_MS = 86_400_000;
const ZERO = { mean: 0, p10: 0, p50: 0, p90: 0 };

function tier(
  t: TierOutcome['tier'],
  targetPpm: number,
  breach: [number, number, number],
  spent: [number, number],
  alerts: [number, number, number, number],
): TierOutcome {
  const [probability, low, high] = breach;
  const atDay = [0, 10, 20, 30];
  const end = 1 - spent[0];
  return {
    tier: t,
    targetPpm,
    method: 'occurrences',
    windowMinutes: 30 * 1440,
    windowLabel: '30 days',
    budgetMinutes: ((1_000_000 - targetPpm) / 1_000_000) * 30 * 1440,
    budgetEvents: null,
    breach: { probability, low, high, count: Math.round(probability * 10_000), trials: 10_000 },
    spent: { mean: spent[0], p10: spent[0] / 2, p50: spent[0], p90: spent[1] },
    remaining: {
      atDay,
      p10: [1, 0.8, 0.5, 1 - spent[1]],
      p50: [1, 1 - spent[0] / 3, 1 - (2 * spent[0]) / 3, end],
      p90: [1, 0.98, 0.95, Math.min(1, end + 0.3)],
    },
    exhausted: {
      bucketMinutes: 1440,
      counts: Array.from({ length: 30 }, (_, day) => (day >= 20 ? Math.round((probability * 10_000) / 10) : 0)),
      never: 10_000 - Math.round(probability * 10_000),
    },
    spentBy: { baseline: spent[0] * 0.2, deploys: spent[0] * 0.5, incidents: spent[0] * 0.3, events: 0, dependencies: 0 },
    topCause: 'deploys',
    alerts: { setName: 'SRE workbook, 30 days', pages: { ...ZERO, p50: alerts[0], p90: alerts[1] }, tickets: { ...ZERO, p50: alerts[2], p90: alerts[3] } },
  };
}

/**
 * A run over 30 days: the SLA is breached in 2 % of windows, the SLO in 12.5 % (1 in 8), the target in 75 % (3 in 4);
 * `scale` multiplies the SLO's breach probability so two scenarios can differ.
 */
export function handMadeResult(scenarioName: string, seed: number, trials: number, scale = 1): SimulationResult {
  const slo = Math.min(1, 0.125 * scale);
  return {
    scenarioName,
    seed,
    trials,
    startMs: Date.UTC(2026, 11, 7),
    tiers: [
      tier('sla', 995_000, [0.02, 0.0174, 0.023], [0.21, 0.48], [0, 1, 1, 2]),
      tier('slo', 999_000, [slo, slo - 0.0064, slo + 0.0067], [0.55 * scale, 1.08 * scale], [1, 3, 2, 5]),
      tier('target', 999_500, [0.75, 0.7415, 0.7584], [1.3, 2.2], [2, 5, 4, 9]),
    ],
    policy: {
      tier: 'slo',
      freezeAt: 'critical',
      daysIn: { healthy: 22, warning: 5, critical: 2, exhausted: 1 },
      freezeDays: { mean: 3, p10: 0, p50: 1, p90: 8 * scale },
      deploys: 40.5,
      deploysHeld: 2.4,
      timeline: {
        atDay: [0, 10, 20, 30],
        share: { healthy: [1, 0.9, 0.7, 0.6], warning: [0, 0.1, 0.2, 0.2], critical: [0, 0, 0.1, 0.1], exhausted: [0, 0, 0, 0.1] },
      },
    },
    resolved: [],
    notes: [],
  };
}

function side(fromMs: number, toMs: number, spentSlo: number, pages: number): ReplaySide {
  const x = [fromMs, (fromMs + toMs) / 2, toMs];
  const burn = (spent: number) => ({ x, y: [1, 1 - spent / 2, 1 - spent] });
  const mk = (t: 'sla' | 'slo', targetPpm: number, spent: number) => ({
    tier: t,
    targetPpm,
    sli: 1 - (spent * (1_000_000 - targetPpm)) / 1_000_000,
    met: spent <= 1,
    budgetConsumed: spent,
    burnDown: burn(spent),
    pages: t === 'slo' ? pages : 0,
    tickets: t === 'slo' ? pages * 2 : 0,
    firings:
      t === 'slo' && pages > 0
        ? [{ severity: 'page' as const, speed: 'quick' as const, firedMs: fromMs + 12 * DAY_MS, resolvedMs: fromMs + 12 * DAY_MS + 3_600_000 }]
        : [],
  });
  return {
    tiers: [mk('sla', 995_000, spentSlo / 5), mk('slo', 999_000, spentSlo)],
    sliLine: { x, y: [1, 0.999, 1] },
    rollingLine: { x, y: [1, 0.9995, 0.999] },
    policy: {
      tier: 'slo',
      intervals: [{ state: spentSlo > 0.75 ? 'critical' : 'healthy', startMs: fromMs, endMs: toMs }],
      daysIn: { healthy: spentSlo > 0.75 ? 0 : 30, warning: 0, critical: spentSlo > 0.75 ? 30 : 0, exhausted: 0 },
    },
  };
}

/** The scenarios of a workspace's SLIs and the simulation channels. */
export class FakeSimulation {
  readonly stored: StoredScenario[] = [];
  private nextId = 500;
  private held: { run: Deferred<void>; jobId: string | undefined } | null = null;
  private holdNext = false;

  constructor(private readonly core: FakeCore) {
    core
      .answer('scenario/list', (a) => this.stored.filter((s) => s.sliId === a.sliId))
      .answer('scenario/save', (a) => {
        const saved = this.save(a.sliId, a.id, a.scenario);
        core.emit('scenarios-changed', { sliId: a.sliId });
        return saved;
      })
      .answer('scenario/delete', (a) => {
        const found = this.find(a.id);
        this.stored.splice(this.stored.indexOf(found), 1);
        core.emit('scenarios-changed', { sliId: found.sliId });
        return { id: a.id, sliId: found.sliId };
      })
      .answer('simulation/run', (a) => this.run(a))
      .answer('simulation/cancel', (a) => {
        if (!this.held || this.held.jobId !== a.jobId) return { cancelled: false };
        this.held.run.resolve();
        this.held = null;
        return { cancelled: true };
      })
      .answer('simulation/sensitivity', (a): Sensitivity => ({
        tier: 'slo',
        trialsPerVariant: a.trials,
        seed: a.seed,
        base: 0.125,
        knobs: [
          { knob: 'deploys.perWeek', label: 'Deploys per week', value: '10', low: 0.08, high: 0.17, swing: 0.09 },
          { knob: 'incidents.perWeek', label: 'Incidents per week', value: '1', low: 0.05, high: 0.24, swing: 0.19 },
          { knob: 'baseline.errorRate', label: 'Baseline error rate', value: '0.0002', low: 0.12, high: 0.13, swing: 0.01 },
        ],
      }))
      .answer('simulation/replay', (a): ReplayReport => {
        const fromMs = a.fromMs ?? Date.UTC(2026, 8, 11);
        const toMs = a.toMs ?? fromMs + 30 * DAY_MS;
        const injections = a.injections.map((i) => ({ ...i, occurrences: i.repeat === 'weekly' ? 4 : i.repeat === 'daily' ? 30 : 1, addedBadEvents: 1200 }));
        const modifiedSpent = 0.4 + 0.2 * injections.length;
        return {
          sliId: a.sliId,
          seriesId: a.seriesId ?? 101,
          fromMs,
          toMs,
          excluding: a.excluding,
          setName: 'SRE workbook, 30 days',
          injections,
          plain: side(fromMs, toMs, 0.4, 0),
          modified: side(fromMs, toMs, modifiedSpent, 2),
        };
      });
  }

  /** Stores a scenario (with a last run when given) without announcing it, as if it was there before the screen opened. */
  add(sliId: number, scenario: Scenario, lastRun: SimulationResult | null = null): StoredScenario {
    const s = this.find(this.save(sliId, null, scenario).id);
    s.lastRun = lastRun;
    return structuredClone(s);
  }

  /** Notes the next runs carry, as the core adds them (a policy left out, where dependency outages came from). */
  runNotes: string[] = [];

  /** Holds the next run until it is cancelled or released, so a test sees its progress bar. */
  holdNextRun(): void {
    this.holdNext = true;
  }

  /** Reports progress of the held run, as the core's worker does. */
  progress(done: number, total: number): void {
    if (this.held?.jobId) this.core.emit('simulation-progress', { jobId: this.held.jobId, done, total });
  }

  private find(id: number): StoredScenario {
    const found = this.stored.find((s) => s.id === id);
    if (!found) throw new AppFailure('NOT_FOUND', `There is no scenario with id ${id}`, { field: 'id' });
    return found;
  }

  private save(sliId: number, id: number | null, scenario: Scenario): StoredScenario {
    if (id !== null) {
      const found = this.find(id);
      Object.assign(found, { scenario, lastRun: null, updatedMs: found.updatedMs + 1 });
      return structuredClone(found);
    }
    const s: StoredScenario = { id: this.nextId++, sliId, serviceId: 1, scenario, lastRun: null, updatedMs: 1 };
    this.stored.push(s);
    return structuredClone(s);
  }

  private async run(a: Args<'simulation/run'>): Promise<SimulationResult> {
    const stored = a.scenarioId === null ? null : this.find(a.scenarioId);
    const scenario = stored?.scenario ?? a.scenario!;
    if (this.holdNext) {
      this.holdNext = false;
      this.held = { run: deferred<void>(), jobId: a.jobId };
      await this.held.run.promise;
      throw new AppFailure('CANCELLED', 'The simulation was cancelled; nothing was stored');
    }
    const result = { ...handMadeResult(scenario.name, a.seed, a.trials), notes: [...this.runNotes] };
    if (stored && a.store) {
      stored.lastRun = result;
      this.core.emit('scenarios-changed', { sliId: a.sliId });
    }
    return result;
  }
}
