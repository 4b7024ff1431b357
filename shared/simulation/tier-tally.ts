// What the trials of one tier add up to: breaches, budget spent and left, when it ran out, what spent it, alerts.
import { badEventBudget, methodBudgetMinutes } from '../budget/budget';
import type { EngineTier } from './engine-types';
import { CAUSES, type Cause, type TierOutcome } from './result';
import { BinnedColumns, estimate, spreadOf, spreadOfCounts } from './stats';
import type { Segments } from './timeline';
import type { Counter } from './trial';
import { cumulative, type TrafficProfile } from './traffic-profile';

/** Budget left is binned from 4 budgets overspent to untouched, in steps of 0.2 % of the budget. */
const LEFT_LOW = -4;
const LEFT_STEP = 0.002;

/** A budget overspent without bound (a zero budget with errors) counts as this many budgets spent. */
const UNBOUNDED = 1e6;

const NCAUSES = CAUSES.length;

/** Tallies one tier's trials. */
export class TierTally {
  private readonly spent: Float64Array;
  private readonly pages: Float64Array;
  private readonly tickets: Float64Array;
  private readonly left: BinnedColumns;
  private readonly exhausted: number[];
  private never = 0;
  private breaches = 0;
  private readonly byCause = new Float64Array(NCAUSES);

  constructor(
    private readonly tier: EngineTier,
    private readonly counter: Counter,
    private readonly trials: number,
    checkpoints: number,
    buckets: number,
    private readonly bucketMinutes: number,
  ) {
    this.spent = new Float64Array(trials);
    this.pages = new Float64Array(trials);
    this.tickets = new Float64Array(trials);
    this.left = new BinnedColumns(checkpoints, LEFT_LOW, 1, LEFT_STEP);
    this.exhausted = Array.from({ length: buckets }, () => 0);
  }

  /**
   * Adds one trial: when its curve crossed the budget (Infinity if never), the curve's values at the checkpoints (the
   * last at the window's end), what each cause spent, and its alerts.
   */
  add(trial: number, ranOut: number, values: Float64Array, causeShares: Float64Array, pages: number, tickets: number): void {
    const budget = this.counter.budget;
    const last = values.length - 1;
    const final = values[last]!;
    const spent = budget > 0 ? final / budget : final > 0 ? UNBOUNDED : 0;
    this.spent[trial] = spent;
    // Met at exactly the target, as the history analysis judges (with float slack).
    if (final > budget * (1 + 1e-12) + 1e-12) this.breaches++;
    // The share left, 1 − S ÷ B, at each checkpoint.
    if (budget > 0) this.left.addRow(values, 1, -1 / budget);
    else for (let k = 0; k <= last; k++) this.left.add(k, values[k]! > 0 ? -UNBOUNDED : 1);
    if (final > budget) {
      const bucket = Math.min(this.exhausted.length - 1, Math.floor(ranOut / this.bucketMinutes));
      this.exhausted[bucket] = this.exhausted[bucket]! + 1;
    } else this.never++;
    if (spent > 0) for (let c = 0; c < NCAUSES; c++) this.byCause[c] = this.byCause[c]! + spent * causeShares[c]!;
    this.pages[trial] = pages;
    this.tickets[trial] = tickets;
  }

  /** The tier's outcome over all trials. */
  outcome(times: Float64Array, requestsPerDay: number | null, profile: TrafficProfile): TierOutcome {
    const t = this.tier;
    const W = t.windowMinutes;
    const spentBy = Object.fromEntries(CAUSES.map((c, i) => [c, this.byCause[i]! / this.trials])) as Record<Cause, number>;
    let topCause: Cause | null = null;
    for (const c of CAUSES) if (spentBy[c] > 0 && (topCause === null || spentBy[c] > spentBy[topCause])) topCause = c;
    const atDay = Array.from(times, (m) => m / 1440);
    const column = (p: number) => atDay.map((_, k) => this.left.percentile(k, p));
    return {
      tier: t.tier,
      targetPpm: t.targetPpm,
      method: t.method,
      windowMinutes: W,
      windowLabel: t.windowLabel,
      budgetMinutes: methodBudgetMinutes(t.targetPpm, W, t.method, t.timeslice),
      budgetEvents: requestsPerDay === null ? null : badEventBudget(t.targetPpm, (requestsPerDay * cumulative(profile, W)) / 1440),
      breach: estimate(this.breaches, this.trials),
      spent: spreadOf(this.spent),
      remaining: { atDay, p10: column(0.1), p50: column(0.5), p90: column(0.9) },
      exhausted: { bucketMinutes: this.bucketMinutes, counts: this.exhausted, never: this.never },
      spentBy,
      topCause,
      alerts: { setName: t.alertSet.name, pages: spreadOfCounts(this.pages), tickets: spreadOfCounts(this.tickets) },
    };
  }
}

/**
 * Each cause's share of what a trial spent, as a tier counting by `key` weighs it: by traffic for occurrences, by time
 * otherwise (bad slices are split in proportion to each cause's error-minutes). Written to `out`; all 0 when nothing
 * was spent.
 */
export function causeShares(seg: Segments, baseline: number, profile: TrafficProfile, byTraffic: boolean, windowMinutes: number, out: Float64Array): void {
  const W = windowMinutes;
  out[0] = baseline * (byTraffic ? cumulative(profile, W) : W);
  for (let c = 1; c < NCAUSES; c++) out[c] = 0;
  // Segments end within the window, so their clocks are the spans' ends.
  if (byTraffic) seg.clockWith(profile);
  for (let i = 0; i < seg.n; i++) {
    const span = byTraffic ? seg.clockEnd[i]! - seg.clockStart[i]! : seg.end[i]! - seg.start[i]!;
    if (!(span > 0)) continue;
    for (let c = 1; c < NCAUSES; c++) out[c] = out[c]! + seg.byCause[i * NCAUSES + c]! * span;
  }
  let sum = 0;
  for (let c = 0; c < NCAUSES; c++) sum += out[c]!;
  for (let c = 0; c < NCAUSES; c++) out[c] = sum > 0 ? out[c]! / sum : 0;
}
