import { describe, expect, it } from 'vitest';
import { BY_EVENTS, type History } from '../analysis/history';
import { SLOTH_30D } from '../budget/alerts';
import { DEFAULT_POLICY } from '../budget/policy';
import type { Objective } from '../domain/types';
import type { Injection } from './injection';
import { replayReusing, replayWindow, snapWindow, type ReplayInput } from './replay';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 2);

/** Ten days of minute samples of 100 requests, with 40 bad ones a minute for the first hour of day 6. */
function tenDays(): History {
  const n = 10 * 1440;
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n).fill(100);
  for (let i = 0; i < n; i++) {
    t[i] = START + (i + 1) * MINUTE;
    good[i] = i >= 5 * 1440 && i < 5 * 1440 + 60 ? 60 : 100;
  }
  return { t, good, total };
}

const SLO: Objective = {
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 7 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
};
const DEPLOY: Injection = { name: 'deploy', startMs: START + 2 * DAY, durationMinutes: 30, errorRate: 0.2, repeat: 'daily' };
const INCIDENT: Injection = { name: 'incident', startMs: START + 8 * DAY, durationMinutes: 90, errorRate: 0.5, repeat: 'once' };

function input(h: History, injections: Injection[], objective: Objective = SLO): ReplayInput {
  return {
    window: snapWindow(h, START + DAY, h.t[h.t.length - 1]!)!,
    injections,
    headline: h,
    rollingCounting: BY_EVENTS,
    rollingMs: 7 * DAY,
    tiers: [{ tier: 'slo', objective, set: SLOTH_30D, history: h }],
    policy: DEFAULT_POLICY,
  };
}

/** A copy of the history, as a second load of it from the workspace gives: new arrays, the same values. */
function reloaded(h: History): History {
  return { t: h.t.slice(), good: h.good.slice(), total: h.total.slice() };
}

describe('a replay reusing the plain side of the one before', () => {
  it('takes the plain side of the same window of the same samples, loaded again, and gives what a fresh replay gives', () => {
    const h = tenDays();
    const first = replayReusing(input(h, [DEPLOY]), null);
    const again = replayReusing(input(reloaded(h), [DEPLOY, INCIDENT]), first.memo);
    expect(again.replayed.plain).toBe(first.replayed.plain);
    expect(again.replayed).toEqual(replayWindow(input(h, [DEPLOY, INCIDENT])));
    // The incident adds budget spent on the modified side only.
    expect(again.replayed.modified.tiers[0]!.budgetConsumed).toBeGreaterThan(first.replayed.modified.tiers[0]!.budgetConsumed);
    expect(again.replayed.plain.tiers[0]!.budgetConsumed).toBe(replayWindow(input(h, [])).plain.tiers[0]!.budgetConsumed);
  });

  it('analyses the plain side afresh when one sample of the history differs, and reads the change', () => {
    const h = tenDays();
    const first = replayReusing(input(h, [DEPLOY]), null);
    const edited = reloaded(h);
    edited.good[3 * 1440] = 0;
    const again = replayReusing(input(edited, [DEPLOY]), first.memo);
    expect(again.replayed.plain).not.toBe(first.replayed.plain);
    expect(again.replayed).toEqual(replayWindow(input(edited, [DEPLOY])));
    expect(again.replayed.plain.tiers[0]!.budgetConsumed).toBeGreaterThan(first.replayed.plain.tiers[0]!.budgetConsumed);
  });

  it('analyses the plain side afresh when a tier reads the history differently', () => {
    const h = tenDays();
    const first = replayReusing(input(h, [DEPLOY]), null);
    const stricter = { ...SLO, targetPpm: 999_500 };
    const again = replayReusing(input(h, [DEPLOY], stricter), first.memo);
    expect(again.replayed.plain).not.toBe(first.replayed.plain);
    expect(again.replayed).toEqual(replayWindow(input(h, [DEPLOY], stricter)));
    expect(again.replayed.plain.tiers[0]!.targetPpm).toBe(999_500);
  });
});
