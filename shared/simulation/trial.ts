// One trial of a scenario over one window: draw the incidents, events, dependency outages and deploys, let the
// error-budget policy hold deploys back while the budget state is at its freeze state or worse, and sweep it all into
// the segments every tier then reads. Event-based: nothing steps minute by minute.
import { badSliceBudget, slicesInWindow } from '../budget/budget';
import { PPM_PER_WHOLE } from '../domain/percent';
import { DEFAULT_TIMESLICE } from '../domain/types';
import { badSlices } from './bad-slices';
import { blank, crossing, errorCurve, valueAt, type Curve } from './curve';
import type { EngineScenario, EngineTier } from './engine-types';
import { draw, exponential, type Uniform } from './sampling';
import { CAUSE_INDEX, Episodes, Segments } from './timeline';
import { cumulative, type TrafficProfile } from './traffic-profile';

const WEEK_MINUTES = 10_080;
const DAY_MINUTES = 1440;

/**
 * How a tier's budget is counted in a trial, and its size in that count. `clock` is what spend is integrated over when
 * it is a rate over traffic (a profile) or over time (null); bad slices have no such clock (undefined).
 */
export type Counter = { key: string; budget: number; curve: (t: TrialState) => Curve; clock?: TrafficProfile | null };

/** A trial's episodes, segments and the curves built from them (reused from trial to trial). */
export type TrialState = { episodes: Episodes; segments: Segments; baseline: number; deploys: number; held: number; curves: Map<string, Curve> };

/** A new, empty trial state. */
export function trialState(): TrialState {
  return { episodes: new Episodes(), segments: new Segments(), baseline: 0, deploys: 0, held: 0, curves: new Map() };
}

/** The counter of a tier in a window: occurrences by traffic, RatioTimeslices by time, Timeslices by bad slices. */
export function counterFor(tier: EngineTier, baseline: number, profile: TrafficProfile, windowMinutes: number): Counter {
  const share = (PPM_PER_WHOLE - tier.targetPpm) / PPM_PER_WHOLE;
  if (tier.method === 'occurrences') {
    return {
      key: 'events',
      budget: share * cumulative(profile, windowMinutes),
      curve: (s) => errorCurve(s.segments, baseline, profile),
      clock: profile,
    };
  }
  if (tier.method === 'ratio-timeslices') {
    return { key: 'time', budget: share * windowMinutes, curve: (s) => errorCurve(s.segments, baseline, null), clock: null };
  }
  const slice = tier.timeslice ?? DEFAULT_TIMESLICE;
  const threshold = (PPM_PER_WHOLE - slice.sliceTargetPpm) / PPM_PER_WHOLE;
  const key = `slices:${slice.sliceMinutes}:${slice.sliceTargetPpm}`;
  return {
    key,
    budget: badSliceBudget(tier.targetPpm, slicesInWindow(windowMinutes, slice.sliceMinutes)),
    curve: (s) => {
      let c = s.curves.get(key);
      if (!c) {
        c = blank();
        s.curves.set(key, c);
      }
      return badSlices(s.segments, baseline, profile, slice.sliceMinutes, threshold, windowMinutes, c).curve;
    },
  };
}

/** What the policy needs in a trial: the counter of the tier it reads, the remaining share it freezes below, the burn rate. */
export type Freeze = { counter: Counter; belowRemaining: number; burnAbove: number; budgetRate: number };

/** Deploy times of a schedule in a window starting at `startMinuteOfWeek` (0 = Monday 00:00 UTC). */
export function scheduledDeploys(schedule: { weekday: number; hour: number }[], startMinuteOfWeek: number, windowMinutes: number): Float64Array {
  const times: number[] = [];
  for (let week = -1; week * WEEK_MINUTES < windowMinutes + WEEK_MINUTES; week++) {
    for (const { weekday, hour } of schedule) {
      const t = week * WEEK_MINUTES + weekday * DAY_MINUTES + hour * 60 - startMinuteOfWeek;
      if (t >= 0 && t < windowMinutes) times.push(t);
    }
  }
  return Float64Array.from(times.sort((a, b) => a - b));
}

/**
 * Runs one trial into `state`: its segments describe the window's error rate above the baseline. Draws happen in a
 * fixed order (incidents, events, outages, deploys), so trials repeat exactly from the seed.
 *
 * Random arrivals are drawn already thinned, which gives the same distributions with fewer draws: incidents that
 * count are a Poisson process at rate × (1 − excluded share), and failed deploys one at deploy rate × failure
 * probability (independent marks of a Poisson process split it into independent ones). The policy only ever holds a
 * deploy back, and a held deploy cannot fail, so a failure falling in a frozen moment is simply skipped; how many
 * deploys went out and were held is then the deploy rate times the time unfrozen and frozen (its expectation, which is
 * all a run reports), set by the policy tally. Scheduled deploys are drawn one by one.
 */
export function runTrial(sc: EngineScenario, windowMinutes: number, schedule: Float64Array | null, freeze: Freeze | null, u: Uniform, state: TrialState): void {
  const ep = state.episodes;
  ep.clear();
  state.baseline = sc.baselineErrorRate;
  state.deploys = 0;
  state.held = 0;
  const inc = sc.incidents;
  const incidentRate = (inc.perWeek * (1 - inc.excludedShare)) / WEEK_MINUTES;
  if (incidentRate > 0) {
    for (let t = exponential(incidentRate, u); t < windowMinutes; t += exponential(incidentRate, u))
      ep.push(t, t + draw(inc.duration, u), inc.errorRate, CAUSE_INDEX.incidents);
  }
  for (const e of sc.events) if (!e.excluded) ep.push(e.startMinute, e.startMinute + e.durationMinutes, e.errorRate, CAUSE_INDEX.events);
  for (const o of sc.outages) {
    const rate = o.perWeek / WEEK_MINUTES;
    if (!(rate > 0)) continue;
    for (let t = exponential(rate, u); t < windowMinutes; t += exponential(rate, u)) ep.push(t, t + draw(o.duration, u), o.errorRate, CAUSE_INDEX.dependencies);
  }
  for (const dep of sc.dependencyScenarios) {
    ep.push(0, windowMinutes, dep.baselineErrorRate, CAUSE_INDEX.dependencies);
    const rate = (dep.incidents.perWeek * (1 - dep.incidents.excludedShare)) / WEEK_MINUTES;
    if (rate > 0)
      for (let t = exponential(rate, u); t < windowMinutes; t += exponential(rate, u))
        ep.push(t, t + draw(dep.incidents.duration, u), dep.incidents.errorRate, CAUSE_INDEX.dependencies);
    const failing = (dep.deploys.perWeek / WEEK_MINUTES) * dep.deploys.failureProbability;
    const hit = dep.deploys.errorRate * dep.deploys.canaryShare;
    if (failing > 0) {
      for (let t = exponential(failing, u); t < windowMinutes; t += exponential(failing, u))
        ep.push(t, t + draw(dep.deploys.detect, u) + draw(dep.deploys.rollback, u), hit, CAUSE_INDEX.dependencies);
    }
    for (const e of dep.events) if (!e.excluded) ep.push(e.startMinute, e.startMinute + e.durationMinutes, e.errorRate, CAUSE_INDEX.dependencies);
  }
  const d = sc.deploys;
  const impact = d.errorRate * d.canaryShare;
  const failureRate = schedule ? 0 : (d.perWeek / WEEK_MINUTES) * d.failureProbability;
  if (schedule === null && !(failureRate > 0)) return state.segments.sweep(ep, sc.baselineErrorRate, windowMinutes);
  const baseline = sc.baselineErrorRate;
  const level = freeze ? (1 - freeze.belowRemaining) * freeze.counter.budget : 0;
  const clock = freeze?.counter.clock;
  // What the policy's tier can have spent by the window's end at most (rates added without the 100 % cap); while it is
  // clearly below the freeze level and nothing burns fast at a deploy, that deploy is not frozen: no sweep needed.
  let upper = clock === undefined ? Infinity : spendBound(ep, 0, baseline, clock, windowMinutes);
  const clearlyBelow = level * (1 - 1e-9) - 1e-12;
  // When the budget left first falls below the freeze level, from the episodes drawn so far once `fresh`. Episodes only
  // ever add spend, so an earlier answer is never too early: a deploy at or after it is frozen whatever came since.
  let frozenFrom = Infinity;
  let fresh = false;
  // Whether the segments hold every episode drawn so far (a sweep after the last one), whether they hold a sweep of
  // this trial at all, and what the episodes drawn since that sweep can spend at most.
  let swept = false;
  let sweptOnce = false;
  let sinceSweep = 0;
  const frozenAt = (t: number) => {
    if (!freeze) return false;
    const calm = (baseline + activeRate(ep, t)) / freeze.budgetRate < freeze.burnAbove * (1 - 1e-9);
    if (calm && upper < clearlyBelow) return false;
    if (t >= frozenFrom) return true;
    // The last sweep's spend by t, plus at most what came since: clearly below the level, the deploy goes out.
    if (!swept && sweptOnce && calm && clock !== undefined && valueAt(freeze.counter.curve(state), t) + sinceSweep < clearlyBelow) return false;
    if (!swept) {
      state.segments.sweep(ep, baseline, windowMinutes);
      sweptOnce = true;
      sinceSweep = 0;
    }
    swept = true;
    if (!fresh) frozenFrom = crossing(freeze.counter.curve(state), level, windowMinutes);
    fresh = true;
    return t >= frozenFrom || (baseline + state.segments.extraAt(t)) / freeze.budgetRate > freeze.burnAbove;
  };
  const pushed = () => {
    swept = false;
    fresh = false;
    const most = clock === undefined ? Infinity : spendBound(ep, ep.n - 1, 0, clock, windowMinutes);
    upper += most;
    sinceSweep += most;
  };
  if (schedule) {
    for (const t of schedule) {
      if (frozenAt(t)) {
        state.held++;
        continue;
      }
      state.deploys++;
      if (u() < d.failureProbability) {
        const n = ep.n;
        ep.push(t, t + draw(d.detect, u) + draw(d.rollback, u), impact, CAUSE_INDEX.deploys);
        if (ep.n > n) pushed();
      }
    }
  } else {
    for (let t = exponential(failureRate, u); t < windowMinutes; t += exponential(failureRate, u)) {
      if (frozenAt(t)) continue;
      const n = ep.n;
      ep.push(t, t + draw(d.detect, u) + draw(d.rollback, u), impact, CAUSE_INDEX.deploys);
      if (ep.n > n) pushed();
    }
  }
  if (!swept) state.segments.sweep(ep, baseline, windowMinutes);
}

/** baseline × the clock over the window plus what episodes from `from` on spend within it at their full rates. */
function spendBound(ep: Episodes, from: number, baseline: number, clock: TrafficProfile | null, windowMinutes: number): number {
  let bound = baseline * (clock ? cumulative(clock, windowMinutes) : windowMinutes);
  for (let i = from; i < ep.n; i++) {
    const s = Math.max(0, ep.start[i]!);
    const e = Math.min(windowMinutes, ep.end[i]!);
    if (s < windowMinutes) bound += ep.rate[i]! * (clock ? cumulative(clock, e) - cumulative(clock, s) : e - s);
  }
  return bound;
}

/** The rates of the episodes active at t, added (an upper bound of the extra error rate then). */
function activeRate(ep: Episodes, t: number): number {
  let sum = 0;
  for (let i = 0; i < ep.n; i++) if (ep.start[i]! <= t && t < ep.end[i]!) sum += ep.rate[i]!;
  return sum;
}
