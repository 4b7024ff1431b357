// The scenario editor's draft: numbers as typed (so "0." and "" can sit in a field while the user types), turned
// back into scenario fields and checked by parseScenario, the one copy of the rules. Each problem is keyed by the
// dotted field name the schema gives, which is also the key of its input in the form.
import { FROM_HISTORY, parseScenario, type DurationSpec, type Scenario, type ScenarioInput, type Weekday } from '#shared/simulation/scenario';

/** How a duration is given in the form: fixed minutes, lognormal median and p90, or taken from history. */
export type DurationMode = 'fixed' | 'lognormal' | 'history';

/** A duration as typed. */
export type DurationDraft = { mode: DurationMode; minutes: string; median: string; p90: string };

/** A one-off event as typed. */
export type EventDraft = { name: string; day: string; durationMinutes: string; errorRate: string; excluded: boolean };

/** Everything the editor shows, as typed. `fromHistory` lists the fields set to take their value from history. */
export type ScenarioDraft = {
  name: string;
  description: string;
  baselineErrorRate: string;
  requestsPerDay: string;
  shape: Exclude<Scenario['traffic']['shape'], object> | 'custom';
  customShape: Extract<Scenario['traffic']['shape'], object> | null;
  growthPerMonth: string;
  deployMode: 'rate' | 'schedule';
  deploysPerWeek: string;
  weekdays: Weekday[];
  deployHour: string;
  failureProbability: string;
  deployErrorRate: string;
  detect: DurationDraft;
  rollback: DurationDraft;
  canaryShare: string;
  incidentsPerWeek: string;
  incidentDuration: DurationDraft;
  incidentErrorRate: string;
  excludedShare: string;
  events: EventDraft[];
  dependenciesEnabled: boolean;
  dependenciesFrom: Scenario['dependencies']['from'];
  outage: DurationDraft;
  policyEnabled: boolean;
  freezeAt: Scenario['policy']['freezeAt'];
  fromHistory: ('baseline.errorRate' | 'traffic.requestsPerDay')[];
};

const text = (n: number) => String(n);

function durationDraft(d: DurationSpec | typeof FROM_HISTORY): DurationDraft {
  if (d === FROM_HISTORY) return { mode: 'history', minutes: '30', median: '', p90: '' };
  if (typeof d === 'number') return { mode: 'fixed', minutes: text(d), median: '', p90: '' };
  return { mode: 'lognormal', minutes: '', median: text(d.median), p90: text(d.p90) };
}

/** The draft of a stored scenario. */
export function draftOf(s: Scenario): ScenarioDraft {
  const fromHistory: ScenarioDraft['fromHistory'] = [];
  if (s.baseline.errorRate === FROM_HISTORY) fromHistory.push('baseline.errorRate');
  if (s.traffic.requestsPerDay === FROM_HISTORY) fromHistory.push('traffic.requestsPerDay');
  const shape = s.traffic.shape;
  return {
    name: s.name,
    description: s.description,
    baselineErrorRate: s.baseline.errorRate === FROM_HISTORY ? '' : text(s.baseline.errorRate),
    requestsPerDay: typeof s.traffic.requestsPerDay === 'number' ? text(s.traffic.requestsPerDay) : '',
    shape: typeof shape === 'object' ? 'custom' : shape,
    customShape: typeof shape === 'object' ? shape : null,
    growthPerMonth: text(s.traffic.growthPerMonth),
    deployMode: s.deploys.weekdays ? 'schedule' : 'rate',
    deploysPerWeek: text(s.deploys.perWeek ?? 0),
    weekdays: s.deploys.weekdays ?? [],
    deployHour: text(s.deploys.hour),
    failureProbability: text(s.deploys.failureProbability),
    deployErrorRate: text(s.deploys.errorRate),
    detect: durationDraft(s.deploys.detectMinutes),
    rollback: durationDraft(s.deploys.rollbackMinutes),
    canaryShare: text(s.deploys.canaryShare),
    incidentsPerWeek: text(s.incidents.perWeek),
    incidentDuration: durationDraft(s.incidents.durationMinutes),
    incidentErrorRate: text(s.incidents.errorRate),
    excludedShare: text(s.incidents.excludedShare),
    events: s.events.map((e) => ({
      name: e.name,
      day: text(e.day),
      durationMinutes: text(e.durationMinutes),
      errorRate: text(e.errorRate),
      excluded: e.excluded,
    })),
    dependenciesEnabled: s.dependencies.enabled,
    dependenciesFrom: s.dependencies.from,
    outage: durationDraft(s.dependencies.outageMinutes),
    policyEnabled: s.policy.enabled,
    freezeAt: s.policy.freezeAt,
    fromHistory,
  };
}

/** A typed number; what is not one stays NaN so the schema names the field ("… must be a number"). */
export function typedNumber(value: string): number {
  const trimmed = value.trim().replace(/\u2212/g, '-');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function durationInput(d: DurationDraft): number | { median: number; p90: number } | typeof FROM_HISTORY {
  if (d.mode === 'history') return FROM_HISTORY;
  if (d.mode === 'fixed') return typedNumber(d.minutes);
  return { median: typedNumber(d.median), p90: typedNumber(d.p90) };
}

/** The scenario fields the draft stands for, as plain data for parseScenario. */
export function inputOf(d: ScenarioDraft): ScenarioInput {
  const history = (field: ScenarioDraft['fromHistory'][number]) => d.fromHistory.includes(field);
  return {
    name: d.name,
    description: d.description,
    baseline: { errorRate: history('baseline.errorRate') ? FROM_HISTORY : typedNumber(d.baselineErrorRate) },
    traffic: {
      requestsPerDay: history('traffic.requestsPerDay') ? FROM_HISTORY : d.requestsPerDay.trim() === '' ? null : typedNumber(d.requestsPerDay),
      shape: d.shape === 'custom' ? (d.customShape ?? 'flat') : d.shape,
      growthPerMonth: typedNumber(d.growthPerMonth),
    },
    deploys: {
      ...(d.deployMode === 'rate' ? { perWeek: typedNumber(d.deploysPerWeek) } : { weekdays: d.weekdays }),
      hour: typedNumber(d.deployHour),
      failureProbability: typedNumber(d.failureProbability),
      errorRate: typedNumber(d.deployErrorRate),
      detectMinutes: durationInput(d.detect) as DurationSpec,
      rollbackMinutes: durationInput(d.rollback) as DurationSpec,
      canaryShare: typedNumber(d.canaryShare),
    },
    incidents: {
      perWeek: typedNumber(d.incidentsPerWeek),
      durationMinutes: durationInput(d.incidentDuration),
      errorRate: typedNumber(d.incidentErrorRate),
      excludedShare: typedNumber(d.excludedShare),
    },
    events: d.events.map((e) => ({
      name: e.name,
      day: typedNumber(e.day),
      durationMinutes: typedNumber(e.durationMinutes),
      errorRate: typedNumber(e.errorRate),
      excluded: e.excluded,
    })),
    dependencies: { enabled: d.dependenciesEnabled, from: d.dependenciesFrom, outageMinutes: durationInput(d.outage) as DurationSpec },
    policy: { enabled: d.policyEnabled, freezeAt: d.freezeAt },
  };
}

/** The draft checked: the scenario when every field is right, and each problem's message by its dotted field name. */
export type CheckedDraft = { scenario: Scenario | null; issues: Record<string, string> };

/** Checks a draft with the scenario schema; the first message of each field is kept. */
export function checkDraft(d: ScenarioDraft): CheckedDraft {
  const parsed = parseScenario(inputOf(d));
  if (parsed.ok) return { scenario: parsed.value, issues: {} };
  const issues: Record<string, string> = {};
  for (const issue of parsed.issues) issues[issue.field] ??= issue.message;
  return { scenario: null, issues };
}

/** A new one-off event for the form: day 1 at noon, an hour at half errors. */
export const NEW_EVENT: EventDraft = { name: 'maintenance', day: '1.5', durationMinutes: '60', errorRate: '0.5', excluded: false };

/** Plain data written with its keys sorted, so two scenarios compare equal whatever order their fields came in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

// A scenario with neither a deploy rate nor a schedule has no deploys; the form shows that as 0 a week.
const withDeployRate = (s: Scenario): Scenario =>
  s.deploys.perWeek === undefined && s.deploys.weekdays === undefined ? { ...s, deploys: { ...s.deploys, perWeek: 0 } } : s;

/** Whether a draft's scenario differs from the stored one (an unchecked draft always does). */
export function isEdited(checked: Scenario | null, stored: Scenario): boolean {
  return checked === null || canonical(withDeployRate(checked)) !== canonical(withDeployRate(stored));
}
