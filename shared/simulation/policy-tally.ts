// How the error-budget policy acted in the trials: the state of the SLO's budget through the window, from the share
// left (which only falls within a window) and the burn rate at each moment (the error rate over the budgeted rate),
// the worse of the two; deploys were frozen while it was at the freeze state or worse.
import { POLICY_STATES, type BudgetPolicy, type PolicyState } from '../budget/policy';
import type { Tier } from '../domain/types';
import type { EngineScenario } from './engine-types';
import type { PolicyOutcome } from './result';
import { spreadOf } from './stats';
import type { Freeze, TrialState } from './trial';

const DAY_MINUTES = 1440;

/** States by rank: healthy 0 … exhausted 3. */
const RANK: Readonly<Record<PolicyState, number>> = { healthy: 0, warning: 1, critical: 2, exhausted: 3 };

/** The state the share left puts the budget in at t, given when it first fell below warning, below critical and to nothing. */
function leftRank(t: number, tw: number, tc: number, te: number): number {
  return t >= te ? 3 : t >= tc ? 2 : t >= tw ? 1 : 0;
}

/** Tallies the policy over the trials of the window of the tier it reads. */
export class PolicyTally {
  private readonly minutesIn = new Float64Array(4);
  private readonly frozen: Float64Array;
  private readonly atState: Uint32Array;
  private deploys = 0;
  private held = 0;
  private readonly policy: BudgetPolicy;
  private readonly freezeRank: number;
  private readonly windowMinutes: number;
  /** The spend at which the share left falls below warning, below critical, and to nothing. */
  readonly levels: Float64Array;
  /** The burn rank of each segment of the trial being added (grown as needed). */
  private ranks = new Uint8Array(128);

  constructor(
    private readonly config: NonNullable<EngineScenario['policy']>,
    private readonly scheduled: boolean,
    private readonly deployRate: number,
    private readonly freeze: Freeze,
    private readonly trials: number,
    private readonly times: Float64Array,
  ) {
    this.policy = config.policy;
    this.freezeRank = RANK[config.freezeAt];
    this.frozen = new Float64Array(trials);
    this.atState = new Uint32Array(times.length * 4);
    this.windowMinutes = times[times.length - 1]!;
    const B = freeze.counter.budget;
    this.levels = Float64Array.from([(1 - this.policy.warningBelowPercent / 100) * B, (1 - this.policy.criticalBelowPercent / 100) * B, B * (1 - 1e-12)]);
  }

  /** The state the burn rate alone puts the budget in. */
  private burnRank(errorRate: number): number {
    const burn = errorRate / this.freeze.budgetRate;
    if (burn > this.policy.criticalBurnRate) return 2;
    if (burn > this.policy.warningBurnRate) return 1;
    return 0;
  }

  /**
   * Adds one trial, read from its final segments and when the budget curve of the tier the policy reads crossed each
   * of `levels` (warning, critical, nothing left: tw, tc, te).
   */
  add(trial: number, state: TrialState, tw: number, tc: number, te: number): void {
    const W = this.windowMinutes;
    const seg = state.segments;
    const baseline = state.baseline;
    if (this.ranks.length < seg.n) this.ranks = new Uint8Array(seg.n * 2);
    const ranks = this.ranks;
    for (let i = 0; i < seg.n; i++) ranks[i] = this.burnRank(baseline + seg.extra[i]!);
    const baseRank = this.burnRank(baseline);
    // Walk the window in pieces of constant burn, split where the share left crosses a threshold.
    let frozen = 0;
    let at = 0;
    let i = 0;
    while (at < W) {
      const inSegment = i < seg.n && seg.start[i]! <= at;
      let stop = inSegment ? Math.min(seg.end[i]!, W) : i < seg.n ? Math.min(seg.start[i]!, W) : W;
      if (tw > at && tw < stop) stop = tw;
      if (tc > at && tc < stop) stop = tc;
      if (te > at && te < stop) stop = te;
      const rank = Math.max(leftRank(at, tw, tc, te), inSegment ? ranks[i]! : baseRank);
      this.minutesIn[rank] = this.minutesIn[rank]! + (stop - at);
      if (rank >= this.freezeRank) frozen += stop - at;
      at = stop;
      if (inSegment && at >= seg.end[i]!) i++;
    }
    this.frozen[trial] = frozen / DAY_MINUTES;
    let s = 0;
    for (let k = 0; k < this.times.length; k++) {
      const t = this.times[k]!;
      while (s < seg.n && seg.end[s]! <= t) s++;
      const rank = Math.max(leftRank(t, tw, tc, te), s < seg.n && seg.start[s]! <= t ? ranks[s]! : baseRank);
      this.atState[k * 4 + rank] = this.atState[k * 4 + rank]! + 1;
    }
    if (this.scheduled) {
      this.deploys += state.deploys;
      this.held += state.held;
    } else {
      // Random deploys: the rate times the time open and frozen (runTrial draws only the failures).
      this.deploys += this.deployRate * (W - frozen);
      this.held += this.deployRate * frozen;
    }
  }

  /** The policy's outcome over all trials. */
  outcome(tier: Tier): PolicyOutcome {
    const daysIn = Object.fromEntries(POLICY_STATES.map((s, r) => [s, this.minutesIn[r]! / this.trials / DAY_MINUTES])) as Record<PolicyState, number>;
    const share = Object.fromEntries(POLICY_STATES.map((s, r) => [s, Array.from(this.times, (_, k) => this.atState[k * 4 + r]! / this.trials)])) as Record<
      PolicyState,
      number[]
    >;
    return {
      tier,
      freezeAt: this.config.freezeAt,
      daysIn,
      freezeDays: spreadOf(this.frozen),
      deploys: this.deploys / this.trials,
      deploysHeld: this.held / this.trials,
      timeline: { atDay: Array.from(this.times, (m) => m / DAY_MINUTES), share },
    };
  }
}
