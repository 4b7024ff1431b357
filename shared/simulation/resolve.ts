// From a scenario as people write it to what the engine runs: values asked for from history read from the SLI's
// history facts, the service's traffic and policy filled in, durations made distributions, dependency outages drawn
// from the dependencies' SLOs, and each tier's window measured from the run's start.
import { alertPeriodMinutes, chooseAlertSet, DEFAULT_ALERT_SETS, type AlertWindowSet } from '../budget/alerts';
import { formatCount, windowMinutes } from '../budget/budget';
import { periodContaining } from '../budget/calendar';
import { serviceCeiling } from '../budget/dependencies';
import { DEFAULT_POLICY } from '../budget/policy';
import { TIERS, type Service, type Sli, type Tier } from '../domain/types';
import type { EngineDependencyScenario, EngineInput, EngineOutages, EngineTier } from './engine-types';
import type { HistoryFacts } from './history-facts';
import type { ResolvedValue } from './result';
import { distOf, maxOf, meanOf, type Dist } from './sampling';
import { FROM_HISTORY, historyFields, WEEKDAYS, type Scenario, type ScenarioIssue } from './scenario';
import { SHAPES, weeklyWeights } from './traffic-profile';
import { median } from '../domain/order-stats';

/**
 * Most incidents, failed deploys and dependency outages a scenario may draw on average in one window: one every nine
 * minutes over 30 days, far beyond any team's plan, and the most a run of 10,000 trials gets through in seconds.
 */
export const MAX_EPISODES_PER_WINDOW = 5000;

/** What a scenario is resolved against: its SLI and service, the workspace's services, the SLI's history facts. */
export type ResolveContext = {
  sli: Sli;
  service: Service;
  services: readonly Service[];
  /** What the SLI's imported history says, or null without history. */
  facts: HistoryFacts | null;
  /** For `dependencies.from: scenarios`: the first scenario of each service's availability SLI, by service id. */
  dependencyScenarios?: ReadonlyMap<number, Scenario>;
  /** The team's own alert sets, chosen before the built-in ones as everywhere else. */
  alertSets: readonly AlertWindowSet[];
  startMs: number;
};

/** A resolved scenario: the engine's input without trials and seed, where values came from, and notes. */
export type Resolved = { input: Omit<EngineInput, 'trials' | 'seed'>; resolved: ResolvedValue[]; notes: string[] };

/** Resolves a scenario, or says every field that cannot be resolved and why. */
export function resolveScenario(s: Scenario, ctx: ResolveContext): { ok: true; value: Resolved } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const resolved: ResolvedValue[] = [];
  const notes: string[] = [];
  const { sli, facts } = ctx;
  const needHistory = (field: string, example: string) =>
    issues.push({
      field,
      message: `${field} asks for the history of "${sli.name}", which has none imported: import its history, or type a value instead (for example ${field}: ${example})`,
    });

  const tiers = tiersOf(sli, ctx);
  if (tiers.length === 0)
    issues.push({ field: '(scenario)', message: `"${sli.name}" has no tier to simulate yet: set its SLA, SLO or performance target first` });
  const longest = Math.max(0, ...tiers.map((t) => t.windowMinutes));

  let baselineErrorRate = 0;
  if (s.baseline.errorRate === FROM_HISTORY) {
    if (!facts) needHistory('baseline.errorRate', '0.001');
    else {
      baselineErrorRate = facts.baselineErrorRate;
      resolved.push({ field: 'baseline.errorRate', value: `${(baselineErrorRate * 100).toPrecision(3)} %`, explanation: facts.baselineExplanation });
    }
  } else baselineErrorRate = s.baseline.errorRate;

  let requestsPerDay: number | null = null;
  if (s.traffic.requestsPerDay === FROM_HISTORY) {
    if (!facts) needHistory('traffic.requestsPerDay', '1000000');
    else if (facts.requestsPerDay === null)
      issues.push({
        field: 'traffic.requestsPerDay',
        message: `traffic.requestsPerDay asks for history, but ${facts.trafficExplanation} Type a value instead.`,
      });
    else {
      requestsPerDay = facts.requestsPerDay;
      resolved.push({ field: 'traffic.requestsPerDay', value: formatCount(requestsPerDay), explanation: facts.trafficExplanation });
    }
  } else if (s.traffic.requestsPerDay === null) {
    requestsPerDay = ctx.service.requestsPerDay;
    if (requestsPerDay !== null)
      resolved.push({ field: 'traffic.requestsPerDay', value: formatCount(requestsPerDay), explanation: `the service's own traffic` });
  } else requestsPerDay = s.traffic.requestsPerDay;

  let weights168: Float64Array | null = null;
  const shape = s.traffic.shape;
  if (shape === FROM_HISTORY) {
    if (!facts) needHistory('traffic.shape', 'web');
    else if (!facts.weights168)
      issues.push({
        field: 'traffic.shape',
        message: `traffic.shape asks for history, but ${facts.shapeExplanation} Pick a preset instead (web, business-hours, nightly-batch, flat).`,
      });
    else {
      weights168 = facts.weights168;
      resolved.push({ field: 'traffic.shape', value: 'weekly shape of the history', explanation: facts.shapeExplanation });
    }
  } else if (typeof shape === 'string') weights168 = shape === 'flat' ? null : weeklyWeights(SHAPES[shape]);
  else weights168 = weeklyWeights(shape);

  let incidentDuration: Dist = { kind: 'fixed', minutes: 30 };
  const asked = s.incidents.durationMinutes;
  if (asked === FROM_HISTORY) {
    if (!facts) needHistory('incidents.durationMinutes', '{ median: 20, p90: 90 }');
    else if (facts.incidentMinutes.length === 0)
      issues.push({
        field: 'incidents.durationMinutes',
        message: `incidents.durationMinutes asks for history, but the history of "${sli.name}" holds no budget-eating event. Type a duration instead.`,
      });
    else {
      incidentDuration = { kind: 'empirical', minutes: facts.incidentMinutes };
      resolved.push({
        field: 'incidents.durationMinutes',
        value: `${facts.incidentMinutes.length} durations, median ${Math.round(median(facts.incidentMinutes)!)} min`,
        explanation: facts.incidentExplanation,
      });
    }
  } else incidentDuration = distOf(asked);

  const tooLong = (field: string, d: Dist) => {
    const m = d.kind === 'lognormal' ? Math.exp(d.mu) : maxOf(d);
    if (longest > 0 && m > longest)
      issues.push({ field, message: `${field} (${Math.round(m)} min) is longer than the longest window simulated (${Math.round(longest / 1440)} days)` });
  };
  tooLong('incidents.durationMinutes', incidentDuration);
  const detect = distOf(s.deploys.detectMinutes);
  const rollback = distOf(s.deploys.rollbackMinutes);
  tooLong('deploys.detectMinutes', detect);
  tooLong('deploys.rollbackMinutes', rollback);
  const events = s.events.map((e, i) => {
    if (longest > 0 && e.day * 1440 >= longest)
      issues.push({
        field: `events[${i}].day`,
        message: `events[${i}].day (${e.day}) is not inside the longest window simulated (${Math.round(longest / 1440)} days)`,
      });
    if (longest > 0 && e.durationMinutes > longest)
      issues.push({ field: `events[${i}].durationMinutes`, message: `events[${i}].durationMinutes is longer than the window` });
    return { name: e.name, startMinute: e.day * 1440, durationMinutes: e.durationMinutes, errorRate: e.errorRate, excluded: e.excluded };
  });

  const drawn = s.dependencies.enabled ? outagesOf(ctx, distOf(s.dependencies.outageMinutes), s.dependencies.from === 'scenarios', notes) : null;
  const outages = drawn?.outages ?? [];
  const dependencyScenarios = drawn?.scenarios ?? [];
  const schedule = s.deploys.weekdays ? s.deploys.weekdays.map((d) => ({ weekday: WEEKDAYS.indexOf(d), hour: s.deploys.hour })) : null;

  let policy: Resolved['input']['scenario']['policy'] = null;
  let policyTier: Tier | null = null;
  if (s.policy.enabled) {
    if (sli.objectives.slo) {
      policy = { policy: ctx.service.policy ?? DEFAULT_POLICY, freezeAt: s.policy.freezeAt };
      policyTier = 'slo';
    } else notes.push(`The error-budget policy did not act: "${sli.name}" has no SLO for it to read.`);
  }
  if (sli.kind === 'latency')
    notes.push('For a latency SLI, error rates are the share of requests slower than each tier’s threshold, the same share at every tier.');

  if (longest > 0 && issues.length === 0) {
    const weeks = longest / 10_080;
    const sources: [string, number][] = [
      ['incidents.perWeek', s.incidents.perWeek * (1 - s.incidents.excludedShare)],
      ['deploys.perWeek', (s.deploys.perWeek ?? 0) * s.deploys.failureProbability],
      ['dependencies.outageMinutes', outages.reduce((n, o) => n + o.perWeek, 0)],
      [
        'dependencies.from',
        dependencyScenarios.reduce((n, d) => n + d.incidents.perWeek * (1 - d.incidents.excludedShare) + d.deploys.perWeek * d.deploys.failureProbability, 0),
      ],
    ];
    const expected = weeks * sources.reduce((n, [, perWeek]) => n + perWeek, 0);
    if (expected > MAX_EPISODES_PER_WINDOW) {
      const [field] = sources.reduce((a, b) => (b[1] > a[1] ? b : a));
      issues.push({
        field,
        message:
          `This scenario draws about ${Math.round(expected).toLocaleString('en-US')} incidents, failed deploys and outages in a ${Math.round(longest / 1440)}-day window, ` +
          `more than the ${MAX_EPISODES_PER_WINDOW.toLocaleString('en-US')} the simulator takes; most come from ${field}: lower it`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      input: {
        scenario: {
          name: s.name,
          baselineErrorRate,
          requestsPerDay,
          weights168,
          growthPerMonth: s.traffic.growthPerMonth,
          deploys: {
            perWeek: s.deploys.perWeek ?? 0,
            schedule,
            failureProbability: s.deploys.failureProbability,
            errorRate: s.deploys.errorRate,
            detect,
            rollback,
            canaryShare: s.deploys.canaryShare,
          },
          incidents: { perWeek: s.incidents.perWeek, duration: incidentDuration, errorRate: s.incidents.errorRate, excludedShare: s.incidents.excludedShare },
          events,
          outages,
          dependencyScenarios,
          policy,
        },
        tiers,
        policyTier,
        startMs: ctx.startMs,
      },
      resolved,
      notes,
    },
  };
}

/** Each tier of the SLI with its window measured at the run's start and the alert set its period gets. */
function tiersOf(sli: Sli, ctx: ResolveContext): EngineTier[] {
  const out: EngineTier[] = [];
  for (const tier of TIERS) {
    const o = sli.objectives[tier];
    if (!o) continue;
    const minutes = windowMinutes(o.window, ctx.startMs).min;
    const label =
      o.window.kind === 'rolling'
        ? `${o.window.days} day${o.window.days === 1 ? '' : 's'}`
        : `${periodContaining(o.window.unit, o.window.timeZone, ctx.startMs).label} (${Math.round((minutes / 1440) * 100) / 100} days)`;
    const alertSet = chooseAlertSet(DEFAULT_ALERT_SETS, alertPeriodMinutes(o.window, ctx.startMs), ctx.alertSets);
    out.push({ tier, targetPpm: o.targetPpm, method: o.method, timeslice: o.timeslice, windowMinutes: minutes, windowLabel: label, alertSet });
  }
  return out;
}

/**
 * Outages of the service's dependencies, as its availability ceiling counts them: one source per hard dependency and
 * one per redundancy group (down only when every member is, 1 − the group's availability). Each is down a share
 * (1 − availability) of the time in outages of the given duration, so they come (1 − a) × a week ÷ mean duration
 * times a week, and fail every request while they last.
 */
function outagesOf(
  ctx: ResolveContext,
  duration: Dist,
  fromScenarios: boolean,
  notes: string[],
): { outages: EngineOutages[]; scenarios: EngineDependencyScenario[] } {
  const byId = new Map(ctx.services.map((s) => [s.id, s]));
  const ceiling = serviceCeiling(ctx.service, byId);
  const mean = meanOf(duration);
  const out: EngineOutages[] = [];
  const scenarios: EngineDependencyScenario[] = [];
  for (const f of ceiling.factors) {
    const name = f.kind === 'hard' ? (byId.get(f.serviceId)?.name ?? `service ${f.serviceId}`) : `redundancy group ${f.name}`;
    const own = fromScenarios && f.kind === 'hard' ? ctx.dependencyScenarios?.get(f.serviceId) : undefined;
    if (own) {
      const asked = historyFields(own);
      if (asked.length === 0) {
        scenarios.push(dependencyScenario(name, own));
        notes.push(`${name}: its errors were drawn from its scenario “${own.name}”.`);
        continue;
      }
      notes.push(`${name}: its scenario “${own.name}” takes ${asked.join(', ')} from history, so its outages were drawn from its SLO instead.`);
    } else if (fromScenarios) {
      notes.push(
        f.kind === 'hard'
          ? `${name} has no scenario of its own, so its outages were drawn from its SLO.`
          : `The ${name} was drawn from its members' SLOs (down only when all of them are).`,
      );
    }
    const down = 1 - f.availability;
    if (down > 0) out.push({ name, perWeek: (down * 10_080) / mean, duration, errorRate: 1 });
  }
  if (ceiling.unknown.length > 0)
    notes.push(`${ceiling.unknown.length} dependenc${ceiling.unknown.length === 1 ? 'y has' : 'ies have'} no availability SLO and cause no outages here.`);
  if (ceiling.factors.length === 0 && ceiling.unknown.length === 0)
    notes.push(`"${ctx.service.name}" has no dependencies, so none of their outages were drawn.`);
  return { outages: out, scenarios };
}

/** A dependency's scenario as its errors reach this service: its own policy and dependencies do not act here. */
function dependencyScenario(name: string, s: Scenario): EngineDependencyScenario {
  const d = s.deploys;
  return {
    name,
    baselineErrorRate: s.baseline.errorRate as number,
    deploys: {
      perWeek: d.weekdays ? d.weekdays.length : (d.perWeek ?? 0),
      failureProbability: d.failureProbability,
      errorRate: d.errorRate,
      detect: distOf(d.detectMinutes),
      rollback: distOf(d.rollbackMinutes),
      canaryShare: d.canaryShare,
    },
    incidents: {
      perWeek: s.incidents.perWeek,
      duration: distOf(s.incidents.durationMinutes as number | { median: number; p90: number }),
      errorRate: s.incidents.errorRate,
      excludedShare: s.incidents.excludedShare,
    },
    events: s.events.map((e) => ({
      name: e.name,
      startMinute: e.day * 1440,
      durationMinutes: e.durationMinutes,
      errorRate: e.errorRate,
      excluded: e.excluded,
    })),
  };
}
