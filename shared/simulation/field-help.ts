// What each field of a scenario means, in one line, with its unit: the editor shows it beside the field and the CLI's
// documentation of the scenario file can print the same table. Keys are the dotted names parseScenario uses, with
// events written once as `events[]`.

/** How a field is explained: a short label, its unit as people read it, and one sentence on what it does. */
export type FieldHelp = { label: string; unit: string; help: string };

const FRACTION = 'fraction 0–1';
const DURATION = 'minutes, or median and p90';

/** Every field of a scenario, by its dotted name, with its label, unit and one-line explanation. */
export const FIELD_HELP = {
  name: { label: 'Name', unit: 'text', help: 'What the team calls this scenario, such as “2 deploys a day with canary”.' },
  description: { label: 'Description', unit: 'text', help: 'Why this scenario is worth asking about; shown beside its results.' },
  'baseline.errorRate': {
    label: 'Baseline error rate',
    unit: FRACTION,
    help: 'Share of requests that fail on an ordinary day with nothing going wrong (0.001 = 0.1 %), or the median of the imported history.',
  },
  'traffic.requestsPerDay': {
    label: 'Requests per day',
    unit: 'requests / day',
    help: 'Traffic at the window’s start (empty: the service’s own figure); only budgets counted in bad requests need it.',
  },
  'traffic.shape': {
    label: 'Traffic shape',
    unit: 'preset',
    help: 'How traffic moves through the day and the week, which decides how much an outage at a given hour costs.',
  },
  'traffic.growthPerMonth': {
    label: 'Growth per month',
    unit: 'fraction per month',
    help: 'How fast traffic grows (0.05 = 5 % a month, compounded); negative when it shrinks.',
  },
  'deploys.perWeek': { label: 'Deploys per week', unit: 'per week', help: 'How many deploys go out in a week, at random times.' },
  'deploys.weekdays': {
    label: 'Deploy days',
    unit: 'weekdays',
    help: 'A fixed release schedule instead of a rate: one deploy on each chosen weekday.',
  },
  'deploys.hour': { label: 'Deploy hour', unit: 'hour of day, UTC', help: 'When scheduled deploys go out (14 = 14:00 UTC).' },
  'deploys.failureProbability': {
    label: 'Share of deploys failing',
    unit: FRACTION,
    help: 'Chance that one deploy breaks something (0.05 = one deploy in twenty).',
  },
  'deploys.errorRate': {
    label: 'Error rate of a failed deploy',
    unit: FRACTION,
    help: 'Share of the requests a failed deploy reaches that fail until it is rolled back (1 = all of them).',
  },
  'deploys.detectMinutes': { label: 'Time to detect', unit: DURATION, help: 'From a failed deploy going live to someone noticing.' },
  'deploys.rollbackMinutes': { label: 'Time to roll back', unit: DURATION, help: 'From noticing to the rollback having finished.' },
  'deploys.canaryShare': {
    label: 'Canary share',
    unit: FRACTION,
    help: 'Share of traffic a failed deploy reaches before it is rolled back (0.1 = a 10 % canary; 1 = no canary).',
  },
  'incidents.perWeek': {
    label: 'Incidents per week',
    unit: 'per week',
    help: 'How many incidents start in a week, at random times (0.5 = one every two weeks).',
  },
  'incidents.durationMinutes': {
    label: 'Incident duration',
    unit: DURATION,
    help: 'How long one incident lasts, or the durations of the budget-eating events of the imported history.',
  },
  'incidents.errorRate': { label: 'Error rate during an incident', unit: FRACTION, help: 'Share of requests that fail while an incident lasts.' },
  'incidents.excludedShare': {
    label: 'Share excluded',
    unit: FRACTION,
    help: 'Share of incidents outside the team’s control (a cloud region down) that the exclusions policy leaves out of the budget.',
  },
  events: { label: 'Scheduled events', unit: 'list', help: 'One-off events you know of: a migration, a maintenance window, a launch.' },
  'events[].name': { label: 'Event name', unit: 'text', help: 'What the event is, such as “database migration”.' },
  'events[].day': { label: 'Day', unit: 'days from the window’s start', help: 'When it starts: 12.5 is day 12 at noon.' },
  'events[].durationMinutes': { label: 'Duration', unit: 'minutes', help: 'How long the event lasts.' },
  'events[].errorRate': { label: 'Error rate', unit: FRACTION, help: 'Share of requests that fail during the event.' },
  'events[].excluded': { label: 'Excluded', unit: 'yes / no', help: 'A maintenance window the exclusions policy leaves out: it spends no budget.' },
  'dependencies.enabled': {
    label: 'Draw dependency outages',
    unit: 'yes / no',
    help: 'Whether outages of the services this one depends on are drawn.',
  },
  'dependencies.from': {
    label: 'Dependency outages from',
    unit: 'slo or scenarios',
    help: 'From each dependency’s availability SLO, or from its own first scenario (its SLO when it has none).',
  },
  'dependencies.outageMinutes': {
    label: 'Dependency outage duration',
    unit: DURATION,
    help: 'How long one dependency outage lasts; with the dependency’s SLO this sets how often they happen.',
  },
  'policy.enabled': {
    label: 'Error-budget policy acts',
    unit: 'yes / no',
    help: 'Whether deploys stop while the SLO’s budget is in the freeze state, as the service’s policy says.',
  },
  'policy.freezeAt': { label: 'Freeze deploys at', unit: 'policy state', help: 'The budget state from which deploys stop until the budget recovers.' },
} as const satisfies Record<string, FieldHelp>;

/** A field's dotted name, as FIELD_HELP keys it. */
export type HelpedField = keyof typeof FIELD_HELP;

/** The help of a field named as parseScenario names it ("events[3].day" reads "events[].day"), or null for a name it does not know. */
export function fieldHelp(field: string): FieldHelp | null {
  const key = field.replace(/\[\d+\]/g, '[]');
  return key in FIELD_HELP ? FIELD_HELP[key as HelpedField] : null;
}
