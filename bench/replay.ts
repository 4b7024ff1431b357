// Replays of real history: a year of minute history replayed with three injected events (budget 50 ms), as a
// ratio to the plain analysis of the same year measured in the same run.
import { backtest, type Backtest } from '#shared/analysis/backtest';
import { BY_EVENTS, type History } from '#shared/analysis/history';
import { budgetPerWindow, burnDownOf, type WindowBudget, type WindowBurnDown } from '#shared/analysis/windows';
import { SLOTH_30D } from '#shared/budget/alerts';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import type { Objective } from '#shared/domain/types';
import type { Injection } from '#shared/simulation/injection';
import { overWindow, replayReusing, replayWindow, snapWindow, type ReplayInput, type Replayed, type ReplayWindow } from '#shared/simulation/replay';
import { medianMs, report, type Measurement } from './measure';
import { yearOfMinutes } from './rolling-compliance';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 0, 1);
const RUNS = 15;
const WARMUP = 5;
/** The budget for the replay, printed beside the ratio. */
const REPLAY_BUDGET_MS = 50;
/**
 * Ratio targets, from runs on this 2-core machine. On 2026-12-08 (load 0.4–2.6 from other work, nine runs) the plain
 * analysis of the year took 31–35 ms; the replay of the whole year 3.3–5.2× as long (113–161 ms: two analyses, the
 * injection, the policy timeline, the rolling line and the drawing), the same year replayed again with other events
 * and the plain side reused 1.6–2.6× (55–82 ms), and the last 30 days 0.29–0.48× (10.1–15.2 ms). Two of the nine
 * year ratios (4.97 and 5.18, both at load above 1) went past YEAR_RATIO: read a miss of it under load again quietly.
 * The year's replay misses the 50 ms budget: each side is about a dozen passes over the year's 525,600 points (docs/performance.md,
 * replay).
 */
const YEAR_RATIO = 4.5;
const LAST_WINDOW_RATIO = 0.6;
const AGAIN_RATIO = 3;

const SLO: Objective = {
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
};

/** A weekly deploy going wrong for 10 minutes at 0.5 %, a nightly batch of 5 minutes at 2 % and one 45-minute incident at 30 %. */
const INJECTIONS: Injection[] = [
  { name: 'weekly deploy', startMs: START_MS + 2 * DAY_MS + 14 * 3_600_000, durationMinutes: 10, errorRate: 0.005, repeat: 'weekly' },
  { name: 'nightly batch', startMs: START_MS + 2 * 3_600_000, durationMinutes: 5, errorRate: 0.02, repeat: 'daily' },
  { name: 'incident', startMs: START_MS + 200 * DAY_MS + 9 * 3_600_000, durationMinutes: 45, errorRate: 0.3, repeat: 'once' },
];

/** One side's analysis of the window without the replay around it. */
type PlainAnalysis = { windows: WindowBudget[]; burnDown: WindowBurnDown | null; alerts: Backtest };

function yearHistory(): History {
  const { good, total } = yearOfMinutes();
  const t = new Float64Array(total.length);
  for (let i = 0; i < t.length; i++) t[i] = START_MS + (i + 1) * MINUTE_MS;
  return { t, good, total };
}

/** The replay of a window of the year, SLO tier, both sides: injection, budget, burn-down, backtest, policy timeline, lines. */
function inputFor(h: History, window: ReplayWindow, injections: Injection[] = INJECTIONS): ReplayInput {
  return {
    window,
    injections,
    headline: h,
    rollingCounting: BY_EVENTS,
    rollingMs: 30 * DAY_MS,
    tiers: [{ tier: 'slo', objective: SLO, set: SLOTH_30D, history: h }],
    policy: DEFAULT_POLICY,
  };
}

/**
 * Two replays of a year of minute history with three injected events: of the whole year (all 525,600 samples, both
 * sides), and of its last 30-day SLO window, the window a replay reads by default. Both against the plain analysis of
 * the whole year, one side without the replay around it: its budget, burn-down and alert backtest.
 */
export function benchReplay(): Measurement[] {
  const h = yearHistory();
  const lastMs = h.t[h.t.length - 1]!;
  const year = snapWindow(h, START_MS, lastMs)!;
  const last30 = snapWindow(h, lastMs - 30 * DAY_MS, lastMs)!;
  const measured = overWindow(SLO, year);
  const plainAnalysis = (): PlainAnalysis => ({
    windows: budgetPerWindow(h, measured, 0),
    burnDown: burnDownOf(h, measured, year.fromMs),
    alerts: backtest(h, SLO.targetPpm, SLOTH_30D, SLO),
  });
  const baseline = medianMs(plainAnalysis, RUNS, WARMUP);
  const yearInput = inputFor(h, year);
  let replayed = replayWindow(yearInput);
  const yearMs = medianMs(() => (replayed = replayWindow(yearInput)), RUNS, WARMUP);
  check(h, replayed, plainAnalysis(), '52,365,1');
  // Replayed again with one event more, from the history loaded again (new arrays, the same values), as the replay
  // view does while events are edited: the plain side is compared sample by sample and reused.
  const first = replayReusing(inputFor(h, year, INJECTIONS.slice(0, 2)), null);
  const reloaded: History = { t: h.t.slice(), good: h.good.slice(), total: h.total.slice() };
  const againInput = inputFor(reloaded, year);
  let again = replayReusing(againInput, first.memo);
  const againMs = medianMs(() => (again = replayReusing(againInput, first.memo)), RUNS, WARMUP);
  if (again.replayed.plain !== first.replayed.plain) throw new Error('the plain side of the year was not reused');
  check(h, again.replayed, plainAnalysis(), '52,365,1');
  const lastInput = inputFor(h, last30);
  const lastMs30 = medianMs(() => (replayed = replayWindow(lastInput)), RUNS, WARMUP);
  // The year's three events, as many times as they occur in its last 30 days: 4 or 5 weekly deploys, 30 nights, no incident.
  if (replayed.injections.map((i) => i.occurrences).join() !== '4,30,0')
    throw new Error(`occurrences in the last 30 days: ${replayed.injections.map((i) => i.occurrences).join()}`);
  return [
    report({
      name: `replay-year-window-3-injections-${h.t.length} (budget ${REPLAY_BUDGET_MS} ms)`,
      value: yearMs,
      unit: 'ms',
      baseline,
      target: `ratio <= ${YEAR_RATIO}`,
    }),
    report({
      name: `replay-year-window-again-with-other-events-plain-side-reused (budget ${REPLAY_BUDGET_MS} ms)`,
      value: againMs,
      unit: 'ms',
      baseline,
      target: `ratio <= ${AGAIN_RATIO}`,
    }),
    report({
      name: `replay-last-30d-of-a-year-3-injections (budget ${REPLAY_BUDGET_MS} ms)`,
      value: lastMs30,
      unit: 'ms',
      baseline,
      target: `ratio <= ${LAST_WINDOW_RATIO}`,
    }),
  ];
}

/**
 * The figures must be right for the timing to mean anything: the plain side is the plain analysis, the bad events the
 * injections say they added are those the modified side spent, and every occurrence inside the year was counted.
 */
function check(h: History, r: Replayed, { windows, alerts }: PlainAnalysis, occurrencesInYear: string): void {
  const [p, m] = [r.plain.tiers[0]!, r.modified.tiers[0]!];
  if (p.budgetConsumed !== windows[0]!.budgetConsumed) throw new Error(`plain budget ${p.budgetConsumed} ≠ the analysis's ${windows[0]!.budgetConsumed}`);
  if (p.pages !== alerts.pages) throw new Error(`plain pages ${p.pages} ≠ the backtest's ${alerts.pages}`);
  let total = 0;
  for (let i = 0; i < h.total.length; i++) total += h.total[i]!;
  const added = r.injections.reduce((a, i) => a + i.addedBadEvents, 0);
  const spent = (m.budgetConsumed - p.budgetConsumed) * 0.001 * total;
  if (!(Math.abs(spent - added) <= 1e-6 * added)) throw new Error(`the modified side spent ${spent} more bad events, the injections added ${added}`);
  const occurrences = r.injections.map((i) => i.occurrences);
  if (occurrences.join() !== occurrencesInYear) throw new Error(`occurrences ${occurrences.join()} ≠ ${occurrencesInYear}`);
}
