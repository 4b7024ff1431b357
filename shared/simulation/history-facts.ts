// What an SLI's imported history tells a scenario that asks for it: the background error rate, traffic per day and its
// weekly shape, and how long the budget-eating events lasted.
import { findBadEvents } from '../analysis/events';
import type { History } from '../analysis/history';
import type { TrafficEstimate } from '../analysis/traffic';
import { medianStep } from '../domain/step';
import { hourOfWeek, normalised } from './traffic-profile';
import { median } from '../domain/order-stats';

/** The values a scenario can take from history, each with the sentence that says where it came from. */
export type HistoryFacts = {
  baselineErrorRate: number;
  baselineExplanation: string;
  requestsPerDay: number | null;
  trafficExplanation: string;
  /** Mean traffic of each hour of the week (mean 1), or null when the history does not count requests or is under a week. */
  weights168: Float64Array | null;
  shapeExplanation: string;
  /** Durations of the history's budget-eating events against the SLO, in minutes. */
  incidentMinutes: number[];
  incidentExplanation: string;
};

const WEEK_MS = 7 * 86_400_000;

/**
 * Reads the facts from a history with its excluded periods left out (`h`) and as imported (`all`, for traffic: an
 * excluded period still carried requests): the median of the per-sample error rates (samples with traffic), the
 * traffic estimate's requests per day, the mean traffic per hour of the week when the history counts requests over at
 * least a week, and the durations of the events that spent at least 1 % of the budget of one SLO window at the
 * history's average traffic.
 */
export function historyFacts(h: History, all: History, traffic: TrafficEstimate, sloTargetPpm: number, sloWindowMinutes: number, source: string): HistoryFacts {
  const n = h.t.length;
  const rates: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = h.total[i]!;
    total += t;
    if (t > 0) rates.push(Math.max(0, (t - h.good[i]!) / t));
  }
  const baselineErrorRate = median(rates) ?? 0;
  const step = medianStep(h.t) ?? 60_000;
  const spanMs = n > 0 ? h.t[n - 1]! - h.t[0]! + step : 0;

  let weights168: Float64Array | null = null;
  let shapeExplanation: string;
  if (!traffic.proposed) shapeExplanation = `its history does not count requests (${traffic.explanation})`;
  else if (spanMs < WEEK_MS) shapeExplanation = `its history spans less than a week, too little for a weekly shape.`;
  else {
    const sum = new Float64Array(168);
    const hours = new Float64Array(168);
    const m = all.t.length;
    for (let i = 0; i < m; i++) sum[hourOfWeek(all.t[i]! - step / 2)]! += all.total[i]!;
    // Hours of the week the history covers, so a week and a half does not count some hours twice as heavily.
    for (let t = all.t[0]! - step; t < all.t[m - 1]!; t += 3_600_000) hours[hourOfWeek(t)]! += 1;
    for (let k = 0; k < 168; k++) sum[k] = hours[k]! > 0 ? sum[k]! / hours[k]! : 0;
    weights168 = normalised(sum);
    shapeExplanation = `the mean traffic of each hour of the week over ${(spanMs / 86_400_000).toFixed(1)} days of ${source}.`;
  }

  const budgetEvents = spanMs > 0 ? ((1_000_000 - sloTargetPpm) / 1_000_000) * total * ((sloWindowMinutes * 60_000) / spanMs) : Infinity;
  const events = n > 0 ? findBadEvents(h, sloTargetPpm, { budgetEvents: budgetEvents > 0 ? budgetEvents : Infinity, stepMs: step }) : [];
  const incidentMinutes = events.map((e) => (e.endMs - e.startMs) / 60_000).filter((m) => m > 0);
  return {
    baselineErrorRate,
    baselineExplanation: `the median error rate of the ${rates.length.toLocaleString('en-US')} samples with traffic in ${source}, exclusions left out.`,
    requestsPerDay: traffic.proposed ? traffic.requestsPerDay : null,
    trafficExplanation: traffic.explanation,
    weights168,
    shapeExplanation,
    incidentMinutes,
    incidentExplanation: `the durations of the ${incidentMinutes.length} events in ${source} that each spent at least 1 % of one SLO window's budget.`,
  };
}
